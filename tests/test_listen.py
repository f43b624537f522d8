"""The listener's parts on synthetic tones: turn ends, echo gate, cues, file following.

These run without the ``listen`` extra (an energy VAD and a scripted
transcriber stand in); the generated-speech test with a real Whisper model is
in test_listen_speech.py.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from intervju.errors import ListenError
from intervju.ingest import FileFollower
from intervju.listen.audio import SAMPLE_RATE, WavSource, read_wav
from intervju.listen.gate import EchoGate
from intervju.listen.languages import languages, voices_for
from intervju.listen.models import PackagedFile, Verified, check_model_dir, require_extra
from intervju.listen.pipeline import run_listener
from intervju.listen.process import ListenOptions, read_status, session_paths
from intervju.listen.speakers import MonoSpeakers, median_pitch, semitones
from intervju.listen.transcribe import ScriptedTranscriber, _check_mels
from intervju.listen.vad import EnergyVad, Segmenter, SegmenterConfig
from intervju.listen.vttout import CueWriter, cue_block, timestamp
from intervju.readers import read_transcript

LANGUAGES_CONST = ("nb", "en")


def tone(seconds: float, amplitude: float = 0.3, freq: float = 220.0) -> np.ndarray:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return (amplitude * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def quiet(seconds: float) -> np.ndarray:
    return np.full(int(seconds * SAMPLE_RATE), 1e-4, dtype=np.float32)


def segments_of(
    *pieces: np.ndarray, config: SegmenterConfig | None = None
) -> list[tuple[float, float]]:
    segmenter = Segmenter(0, EnergyVad(), config)
    audio = np.concatenate(pieces)
    found = []
    for first in range(0, len(audio), 1440):  # 90 ms blocks, as the sources deliver
        found += segmenter.feed(audio[first : first + 1440])
    found += segmenter.flush()
    return [(round(s.start, 2), round(s.end, 2)) for s in found]


# -- turn ends -----------------------------------------------------------------

SEGMENT_CASES = [
    # (label, pieces, expected segment count)
    ("one burst", [quiet(0.5), tone(1.0), quiet(1.0)], 1),
    (
        "pause shorter than 600 ms stays one turn",
        [quiet(0.5), tone(1.0), quiet(0.4), tone(1.0), quiet(1.0)],
        1,
    ),
    (
        "pause of 900 ms ends the turn",
        [quiet(0.5), tone(1.0), quiet(0.9), tone(1.0), quiet(1.0)],
        2,
    ),
    ("a click is not speech", [quiet(0.5), tone(0.12), quiet(1.0)], 0),
    ("speech running to the end of input is flushed", [quiet(0.5), tone(1.0)], 1),
]


@pytest.mark.parametrize(
    ("label", "pieces", "count"), SEGMENT_CASES, ids=[c[0] for c in SEGMENT_CASES]
)
def test_segments_end_at_pauses(label: str, pieces: list[np.ndarray], count: int) -> None:
    assert len(segments_of(*pieces)) == count, label


def test_segment_times_follow_the_speech() -> None:
    [(start, end)] = segments_of(quiet(0.5), tone(1.5), quiet(1.0))
    assert abs(start - 0.5) <= 0.06 and abs(end - 2.0) <= 0.06


def test_long_turn_is_cut_at_a_short_pause_not_mid_word() -> None:
    config = SegmenterConfig(soft_max=3.0, hard_max=10.0)
    pieces = [quiet(0.3), tone(2.0), quiet(0.3), tone(2.0), quiet(0.3), tone(2.0), quiet(1.0)]
    found = segments_of(*pieces, config=config)
    assert len(found) == 2
    # The cut is in the pause that follows 3 s of talk (at 4.6-4.9 s), not at 3.3 s.
    assert 4.5 <= found[0][1] <= 4.7 and 4.8 <= found[1][0] <= 5.0


def test_hard_max_cuts_unbroken_speech() -> None:
    found = segments_of(
        quiet(0.3), tone(7.0), quiet(1.0), config=SegmenterConfig(soft_max=2, hard_max=3)
    )
    assert len(found) >= 2 and all(end - start <= 3.1 for start, end in found)


# -- echo gate -----------------------------------------------------------------

GATE_CASES = [
    # (label, what the microphone hears, leak level in dB, expected verdict)
    ("leak 12 dB quieter, full overlap", "leak", -12.0, True),
    ("leak 7 dB quieter", "leak", -7.0, True),
    ("leak only 3 dB quieter: could be the interviewer", "leak", -3.0, False),
    ("interviewer talks alone", "own", 0.0, False),
    ("interviewer louder over the informant", "over", 0.0, False),
]


def _gate_logs(kind: str, leak_db: float) -> tuple[bool, int]:
    system = np.concatenate([quiet(0.5), tone(2.0, 0.3, 300), quiet(1.5)])
    if kind == "leak":
        mic = system * (10 ** (leak_db / 20)) + quiet(len(system) / SAMPLE_RATE)
    elif kind == "own":
        mic = np.concatenate([quiet(0.5), tone(2.0, 0.3), quiet(1.5)])
        system = quiet(4.0)
    else:
        mic = np.concatenate([quiet(0.5), tone(2.0, 0.5, 200), quiet(1.5)]) + system * 0.25
    segs = [Segmenter(c, EnergyVad()) for c in (0, 1)]
    found = []
    for ch, data in enumerate((mic, system)):
        found += [
            s for s in segs[ch].feed(data.astype(np.float32)) + segs[ch].flush() if s.channel == 0
        ]
    verdicts = [EchoGate().judge(s, segs[0].log, segs[1].log).echo for s in found]
    return any(verdicts), len(found)


@pytest.mark.parametrize(
    ("label", "kind", "db", "echo"), GATE_CASES, ids=[c[0] for c in GATE_CASES]
)
def test_echo_gate(label: str, kind: str, db: float, echo: bool) -> None:
    verdict, count = _gate_logs(kind, db)
    assert count == 1, label
    assert verdict is echo, label


# -- the pipeline with a scripted transcriber ---------------------------------


def _stereo_dialogue(leak_db: float | None) -> np.ndarray:
    """Three turns: mic, system, mic; the system turn optionally leaks into the mic."""
    mic = np.concatenate([quiet(0.5), tone(1.0), quiet(3.0), tone(1.0), quiet(1.0)])
    system = np.concatenate([quiet(2.3), tone(1.2, freq=330), quiet(3.0)])
    system = np.pad(system, (0, len(mic) - len(system)))
    if leak_db is not None:
        mic = mic + system * (10 ** (leak_db / 20))
    return np.stack([mic, system], axis=1).astype(np.float32)


def _run(samples: np.ndarray, out: Path, texts: list[str], language: str = "nb") -> tuple[int, int]:
    transcriber = ScriptedTranscriber(texts)
    writer = CueWriter(out)
    summary = run_listener(
        WavSource(samples, realtime=False), transcriber, writer, voices_for(language), vad=EnergyVad
    )
    writer.close()
    return len(summary.cues), summary.echoes


def test_two_channels_become_interviewer_and_informant_turns(tmp_path: Path) -> None:
    out = tmp_path / "live.vtt"
    cues, echoes = _run(
        _stereo_dialogue(-14.0), out, ["Hvordan var det?", "Det var rart.", "Hva betydde det?"]
    )
    assert (cues, echoes) == (3, 1)
    turns = read_transcript(out).turns
    assert [(t.speaker, t.role) for t in turns] == [
        ("Intervjuer", "interviewer"),
        ("Informant", "informant"),
        ("Intervjuer", "interviewer"),
    ]
    assert [t.text for t in turns] == ["Hvordan var det?", "Det var rart.", "Hva betydde det?"]


def test_without_leak_nothing_is_gated(tmp_path: Path) -> None:
    assert _run(_stereo_dialogue(None), tmp_path / "a.vtt", [])[1] == 0


def test_mono_writes_speakers_in_turn_and_the_role_rules_decide(tmp_path: Path) -> None:
    out = tmp_path / "mono.vtt"
    mono = _stereo_dialogue(None).sum(axis=1, keepdims=True)
    _run(mono, out, ["Hvordan opplevde du det?", "Det var fint, egentlig.", "Hva gjorde du da?"])
    turns = read_transcript(out).turns
    assert [t.speaker for t in turns] == ["Taler 1", "Taler 2", "Taler 1"]
    assert [t.role for t in turns] == ["interviewer", "informant", "interviewer"]


def test_follower_sees_each_cue_as_it_is_written(tmp_path: Path) -> None:
    out = tmp_path / "grow.vtt"
    writer = CueWriter(out)
    follower = FileFollower(out)
    assert not follower.poll([])
    writer.write(1.0, 2.0, "Intervjuer", "Hvordan var det første møtet?")
    first = follower.poll([])
    assert first is not None and [t.text for t in first.new_turns] == [
        "Hvordan var det første møtet?"
    ]
    writer.write(3.0, 5.0, "Informant", "Det var uvant.")
    second = follower.poll(first.new_turns)
    writer.close()
    assert second is not None and [t.role for t in second.new_turns] == ["informant"]


# -- the WebVTT writer ---------------------------------------------------------


def test_cue_text_is_escaped_and_timed() -> None:
    assert timestamp(3725.5) == "01:02:05.500"
    assert cue_block(1.0, 2.0, "Informant", "a < b & c") == (
        "00:00:01.000 --> 00:00:02.000\n<v Informant>a &lt; b &amp; c</v>\n\n"
    )


def test_a_continued_file_keeps_times_in_order(tmp_path: Path) -> None:
    out = tmp_path / "again.vtt"
    first = CueWriter(out)
    first.write(0.0, 4.0, "Intervjuer", "Første.")
    first.close()
    second = CueWriter(out)
    second.write(1.0, 2.0, "Informant", "Andre.")
    second.close()
    turns = read_transcript(out).turns
    assert [t.start for t in turns] == [0.0, 5.0]


def test_writer_refuses_a_file_that_is_not_webvtt(tmp_path: Path) -> None:
    out = tmp_path / "notes.vtt"
    out.write_text("mine notater\n", encoding="utf-8")
    with pytest.raises(ListenError, match="not a WebVTT"):
        CueWriter(out)
    assert out.read_text(encoding="utf-8") == "mine notater\n"


# -- input checks --------------------------------------------------------------


def test_languages_match_the_data() -> None:
    assert languages() == LANGUAGES_CONST
    assert voices_for("nb").whisper == "no"
    with pytest.raises(ListenError, match="unsupported language 'fr'"):
        voices_for("fr")


@pytest.mark.parametrize("missing", ["model.bin", "config.json", "tokenizer.json"])
def test_model_folder_names_the_missing_file(tmp_path: Path, missing: str) -> None:
    for name in ("model.bin", "config.json", "tokenizer.json"):
        if name != missing:
            (tmp_path / name).write_text("{}", encoding="utf-8")
    with pytest.raises(ListenError, match=f"has no {re.escape(missing)}"):
        check_model_dir(tmp_path)


def test_mel_bins_need_preprocessor_config(tmp_path: Path) -> None:
    _check_mels(tmp_path, 80, 80)
    with pytest.raises(ListenError, match=r"has no preprocessor_config\.json"):
        _check_mels(tmp_path, 128, 80)
    (tmp_path / "preprocessor_config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ListenError, match="gives 80 mel bins"):
        _check_mels(tmp_path, 128, 80)


def test_packaged_files_are_checked_by_size_and_checksum(tmp_path: Path) -> None:
    blob = tmp_path / "model.bin"
    blob.write_bytes(b"abc")
    sha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    verified = Verified(tmp_path / "cache")
    with pytest.raises(ListenError, match="3 bytes, expected 4"):
        verified.check(blob, 4, sha, what="test")
    with pytest.raises(ListenError, match="checksum mismatch"):
        verified.check(blob, 3, "0" * 64, what="test")
    verified.check(blob, 3, sha, what="test")
    assert str(blob) in json.loads((tmp_path / "cache" / "verified.json").read_text())
    assert PackagedFile("p", "x", 3, sha).size == 3


def test_missing_extra_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "faster_whisper" else real(name, *a),
    )
    with pytest.raises(
        ListenError, match=r"listen extra is not installed \(faster_whisper missing\)"
    ):
        require_extra()


def test_wav_reader_rejects_non_wav(tmp_path: Path) -> None:
    bad = tmp_path / "x.wav"
    bad.write_bytes(b"RIFFnope")
    with pytest.raises(ListenError, match="not a PCM WAV"):
        read_wav(bad)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "intervju", "listen", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--out", "x.vtt", "--language", "fr"), "unsupported language 'fr'"),
        (("--language", "nb"), "--out FILE.vtt"),
        (("--out", "x.vtt", "--speed", "slow"), "unknown speed 'slow'"),
        (("--out", "x.vtt", "--model", "huge"), "unknown model 'huge'"),
    ],
)
def test_cli_errors_are_one_line_exit_2(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    if "--model" in args and importlib.util.find_spec("faster_whisper") is None:
        pytest.skip("the listen extra is not installed; the model check comes after it")
    result = _cli(*args)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_cli_without_a_sound_system_says_no_audio_device(tmp_path: Path) -> None:
    if importlib.util.find_spec("faster_whisper") is None:
        pytest.skip("the listen extra is not installed")
    result = _cli("--out", str(tmp_path / "x.vtt"), "--model", "tiny.en", "--language", "en")
    if result.returncode == 0:
        pytest.skip("this machine has a sound system")
    assert result.returncode == 2 and "no audio device" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_package_imports_without_the_extra() -> None:
    code = (
        "import sys, intervju.listen, intervju.listen.process, intervju.cli.listen_cmd;"
        "print([m for m in ('faster_whisper', 'ctranslate2', 'soundcard', 'webrtcvad')"
        " if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_status_of_a_listener_that_never_started(tmp_path: Path) -> None:
    vtt, status = session_paths(tmp_path, 7)
    assert vtt.name == "session-7.vtt" and read_status(status) is None
    status.parent.mkdir(parents=True)
    status.write_text(json.dumps({"state": "listening", "pid": 2**22 + 12345, "updated": 0}))
    gone = read_status(status)
    assert gone is not None and gone.state == "gone" and not gone.alive


def test_options_round_trip_as_cli_arguments() -> None:
    options = ListenOptions(out=Path("a.vtt"), model="tiny.en", language="en", system="none")
    assert options.argv()[:6] == ["--out", "a.vtt", "--model", "tiny.en", "--language", "en"]
    assert "--system" in options.argv() and "--from-wav" not in options.argv()


# -- one microphone: two voices by pitch ---------------------------------------


def voice(seconds: float, f0: float) -> np.ndarray:
    """A buzz with harmonics, like a voiced vowel at pitch ``f0``."""
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    wave = sum(np.sin(2 * np.pi * k * f0 * t) / k for k in range(1, 9))
    return (0.2 * wave).astype(np.float32)


@pytest.mark.parametrize("f0", [95.0, 130.0, 210.0, 290.0])
def test_median_pitch_of_a_voice(f0: float) -> None:
    found = median_pitch(voice(1.0, f0))
    assert found is not None and semitones(found, f0) < 0.5


def test_no_pitch_in_noise() -> None:
    noise = np.random.default_rng(1).normal(0, 0.1, SAMPLE_RATE).astype(np.float32)
    assert median_pitch(noise) is None


MONO_CASES = [
    # (label, pitches of the segments in order (None: noise), expected speakers)
    ("a pause inside one answer keeps the speaker", [120, 210, 215, 118], [0, 1, 1, 0]),
    ("two low answers in a row", [200, 110, 112, 205, 108], [0, 1, 1, 0, 1]),
    ("no pitch: speakers alternate", [120, None, 210], [0, 1, 1]),
]


@pytest.mark.parametrize(
    ("label", "pitches", "expected"), MONO_CASES, ids=[c[0] for c in MONO_CASES]
)
def test_mono_speakers_by_pitch(
    label: str, pitches: list[float | None], expected: list[int]
) -> None:
    speakers = MonoSpeakers()
    rng = np.random.default_rng(2)
    got = [
        speakers.assign(voice(0.8, p) if p else rng.normal(0, 0.1, 12800).astype(np.float32))
        for p in pitches
    ]
    assert got == expected, label
