"""Teams copies in every layout (``intervju.readers.teams``) and refused pastes.

The samples in ``tests/data/teams/`` are invented text in the layouts Teams produces
when copying its live transcript or its transcript panel.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from intervju.errors import TranscriptError
from intervju.ingest import ingest_paste, parse_pasted
from intervju.readers.teams import is_name_line, read_teams_paste
from intervju.storage import SessionStore

DATA = Path(__file__).parent / "data" / "teams"
FOUR = ["Kari Nordmann", "Ola Hansen", "Kari Nordmann", "Ola Hansen"]
PANEL = ["Nordmann, Kari", "Hansen, Ola", "Nordmann, Kari", "Hansen, Ola"]
CLOCK_24 = [36120.0, 36120.0, 36240.0, 36240.0]  # 10:02, 10:02, 10:04, 10:04 as time of day
CLOCK_12 = [43080.0, 43140.0, 43260.0, 43260.0]  # 11:58 AM … 12:01 PM
OFFSETS = [3.0, 41.0, 135.0, 3727.0]  # 0:03, 0:41, 2:15, 1:02:07 into the recording
NONE4: list[float | None] = [None, None, None, None]


@pytest.mark.parametrize(
    ("sample", "speakers", "starts"),
    [
        ("live-one-line-24h.txt", FOUR, CLOCK_24),
        ("live-separate-time-24h.txt", FOUR, CLOCK_24),
        ("live-one-line-12h.txt", FOUR, CLOCK_12),
        ("live-separate-time-12h.txt", FOUR, CLOCK_12),
        ("panel-offsets-initials.txt", FOUR, OFFSETS),
        ("panel-offsets-one-line.txt", PANEL, OFFSETS),
        ("names-only.txt", FOUR, NONE4),
        ("names-only-early.txt", FOUR[:2], NONE4[:2]),
        ("live-english-client.txt", FOUR[:2], [36120.0, 36120.0]),
    ],
)
def test_every_teams_layout(sample: str, speakers: list[str], starts: list[float | None]) -> None:
    text = (DATA / sample).read_text(encoding="utf-8")
    transcript = read_teams_paste(text)
    assert transcript is not None, sample
    turns = transcript.turns
    assert [t.speaker for t in turns] == speakers
    assert [t.start for t in turns] == starts
    assert turns[0].text.startswith("Takk for at du stiller opp.")
    assert turns[1].text.startswith("Ja da.")
    assert turns[0].role == "interviewer" and turns[1].role == "informant"
    if len(turns) == 4:
        assert turns[3].text.endswith("den første måneden var tung.")  # two lines joined
    joined = " ".join(t.text for t in turns)
    for noise in ("KN", "OH", "transkripsjonen", "transcription", "10:0", "AM"):
        assert noise not in joined, noise
    assert parse_pasted(text) is not None  # the paste path reads every layout too


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Kari Nordmann", True),
        ("Nordmann, Kari", True),
        ("Kari de Vries", True),
        ("Ola (Ekstern)", True),
        ("Ja", False),
        ("Okei", False),
        ("Det var rart.", False),
        ("Hvordan var det", False),
        ("klokka ti", False),
        ("Møte 10", False),
        ("", False),
    ],
)
def test_name_lines(line: str, expected: bool) -> None:
    assert is_name_line(line) is expected


def test_prose_is_not_a_teams_copy() -> None:
    assert read_teams_paste((DATA / "not-teams.txt").read_text(encoding="utf-8")) is None


def test_refused_paste_says_in_norwegian_what_was_expected(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s.sqlite3")
    sid = store.create_session("t").id
    text = (DATA / "not-teams.txt").read_text(encoding="utf-8")
    with pytest.raises(TranscriptError) as caught:
        ingest_paste(store, sid, text)
    message = caught.value.localised("nb")
    assert "Fant ingen talere" in message and "Kari Nordmann 10:02" in message
    assert "Forsker:" in message
    assert "speaker" in caught.value.localised("en")
    assert store.turns(sid) == ()  # nothing stored


def test_repeated_paste_of_a_new_layout_adds_only_what_is_new(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s.sqlite3")
    sid = store.create_session("t").id
    early = (DATA / "names-only-early.txt").read_text(encoding="utf-8")
    full = (DATA / "names-only.txt").read_text(encoding="utf-8")
    assert len(ingest_paste(store, sid, early).added) == 2
    again = ingest_paste(store, sid, full)
    assert len(again.added) == 2 and not again.edited
    assert [t.speaker for t in store.turns(sid)] == FOUR
