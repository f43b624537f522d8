from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intervju.errors import TranscriptError
from intervju.ingest import (
    FileFollower,
    PasteDiff,
    complete_part,
    diff_paste,
    diff_pasted_text,
    ingest_file_poll,
    ingest_paste,
    new_segments,
    parse_pasted,
    parse_teams_live,
)
from intervju.models import Turn
from intervju.storage import SessionStore

F = "Forsker"
K = "Kari"
Q1 = (F, "Hvordan var det å begynne med videomøter?")
A1 = (K, "Det var rart i starten, jeg savnet kroppsspråket.")
Q2 = (F, "Kan du gi et eksempel på det?")
A2 = (K, "En bruker satt med kaffekoppen hjemme og var mye mer avslappet.")
Q3 = (F, "Hva betydde det for samtalen?")
A3 = (K, "Vi fikk en helt annen tone, mer likeverdig.")


def pairs(diff: PasteDiff) -> list[tuple[str, str]]:
    return list(diff.new)


@pytest.mark.parametrize(
    ("known", "pasted", "edited", "new"),
    [
        pytest.param([], [], [], [], id="empty"),
        pytest.param([Q1, A1], [], [], [], id="empty-paste"),
        pytest.param([], [Q1, A1], [], [Q1, A1], id="first-paste"),
        pytest.param([Q1, A1], [Q1, A1], [], [], id="repeated"),
        pytest.param([Q1, A1], [Q1, A1, Q2, A2], [], [Q2, A2], id="appended"),
        pytest.param([Q1, A1, Q2], [Q2, A2, Q3], [], [A2, Q3], id="overlap-window"),
        pytest.param([Q1, A1], [Q2, A2], [], [Q2, A2], id="completely-new"),
        pytest.param(
            [Q1, (K, "Det var rart i")],
            [Q1, A1, Q2],
            [(1, A1[1])],
            [Q2],
            id="last-grew",
        ),
        pytest.param(
            [Q1, (K, "Det var rart i starten, jeg savnet kropps språket")],
            [Q1, A1],
            [(1, A1[1])],
            [],
            id="last-corrected",
        ),
        pytest.param(
            [Q1, (K, "Det var vart i starten")],
            [Q1, (K, "Det var rart i starten, og jeg savnet kroppsspråket veldig.")],
            [(1, "Det var rart i starten, og jeg savnet kroppsspråket veldig.")],
            [],
            id="grew-and-corrected",
        ),
        pytest.param(
            [(F, "Hvordan var det å begynne"), (K, "Rart.")],
            [Q1, (K, "Rart. Veldig rart."), Q2],
            [(0, Q1[1]), (1, "Rart. Veldig rart.")],
            [Q2],
            id="two-last-edited",
        ),
        pytest.param(
            [Q1, A1],
            [Q1, (K, "det var rart i starten jeg savnet kroppsspråket")],
            [(1, "det var rart i starten jeg savnet kroppsspråket")],
            [],
            id="punctuation-only-change-is-an-edit",
        ),
        pytest.param(
            [Q1, A1, Q2, A2],
            [(K, "jeg savnet kroppsspråket."), Q2, A2, Q3],
            [],
            [Q3],
            id="selection-started-mid-turn",
        ),
        pytest.param([Q1, A1, Q2, A2], [A1, Q1, A2, Q2, Q3], [], [Q3], id="reordered"),
        pytest.param([Q1, A1, Q2, A2, Q3, A3], [Q2, A2], [], [], id="stale-partial"),
        pytest.param(
            [Q1, (K, "Ja."), Q2, (K, "Ja.")],
            [Q1, (K, "Ja."), Q2, (K, "Ja."), Q3, (K, "Ja.")],
            [],
            [Q3, (K, "Ja.")],
            id="repeated-short-answers",
        ),
        pytest.param(
            [Q1, A1, Q2],
            [Q1, A1, Q2, Q3],
            [],
            [Q3],
            id="same-speaker-twice",
        ),
        pytest.param(
            [Q1, A1, Q2, A2],
            [Q1, (K, "Det var rart i starten, jeg savnet kroppsspråket mye."), Q2, A2, Q3],
            [],
            [Q3],
            id="old-turn-near-equal-not-edited",
        ),
        pytest.param(
            [Q1, A1],
            [Q1, (K, "Nei, det var slett ikke noe problem for meg."), Q2],
            [],
            [(K, "Nei, det var slett ikke noe problem for meg."), Q2],
            id="unrelated-text-is-new-not-an-edit",
        ),
    ],
)
def test_diff_paste_table(
    known: list[tuple[str, str]],
    pasted: list[tuple[str, str]],
    edited: list[tuple[int, str]],
    new: list[tuple[str, str]],
) -> None:
    diff = diff_paste(known, pasted)
    assert list(diff.edited) == edited
    assert pairs(diff) == new
    assert bool(diff) == bool(edited or new)


def test_speaker_change_in_window_is_not_an_edit() -> None:
    diff = diff_paste([Q1, A1], [Q1, (F, A1[1])])
    # Same text, other speaker: not our last turn, so the alignment falls back.
    assert not diff.aligned
    assert pairs(diff) == [(F, A1[1])]


def test_new_turns_keep_reader_roles_and_times() -> None:
    pasted = [
        Turn(0, F, "interviewer", 0.0, 2.0, Q1[1]),
        Turn(1, K, "informant", 2.5, 9.0, A1[1]),
    ]
    diff = diff_paste([Q1], pasted)
    [turn] = diff.new_turns
    assert (turn.index, turn.role, turn.start, turn.end) == (1, "informant", 2.5, 9.0)


turn_text = st.lists(
    st.sampled_from(["ja", "nei", "avstand", "kaffe", "video", "bruker", "møte", "hm", "Nav"]),
    min_size=1,
    max_size=8,
).map(" ".join)
turns = st.lists(st.tuples(st.sampled_from([F, K, "Ola"]), turn_text), max_size=12)


@settings(max_examples=200, deadline=None)
@given(turns)
def test_pasting_the_same_turns_twice_adds_nothing(pasted: list[tuple[str, str]]) -> None:
    first = diff_paste([], pasted)
    known = list(first.new)
    assert not diff_paste(known, pasted)


@settings(max_examples=200, deadline=None)
@given(turns, st.integers(min_value=0, max_value=12))
def test_paste_after_prefix_adds_exactly_the_rest(pasted: list[tuple[str, str]], cut: int) -> None:
    cut = min(cut, len(pasted))
    diff = diff_paste(pasted[:cut], pasted)
    assert diff.edited == ()
    assert list(diff.new) == pasted[cut:]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["Forsker", "Kari"]), turn_text), min_size=2, max_size=10
    ).filter(lambda ts: {s for s, _ in ts} == {"Forsker", "Kari"})
)
def test_pasting_the_same_text_twice_adds_nothing(rows: list[tuple[str, str]]) -> None:
    text = "\n\n".join(f"{speaker}: {words}" for speaker, words in rows) + "\n"
    first = diff_pasted_text([], text)
    assert first.new  # the test can fail
    assert not diff_pasted_text(list(first.new), text)
    assert new_segments(text, text) == ()


def test_new_segments_text_to_text() -> None:
    before = "Forsker: Hvordan var det?\n\nKari: Uvant.\n"
    after = before + "\nForsker: Hva mener du med uvant?\n"
    assert [(t.speaker, t.text) for t in new_segments(before, after)] == [
        ("Forsker", "Hva mener du med uvant?")
    ]
    assert [t.text for t in new_segments("", before)] == ["Hvordan var det?", "Uvant."]


TEAMS_PASTE_1 = """Kari Nordmann   0:03
Hvordan var det å begynne med videomøter?

Ola Hansen   0:09
Det var rart i starten,
"""

TEAMS_PASTE_2 = """Kari Nordmann   0:03
Hvordan var det å begynne med videomøter?

Ola Hansen   0:09
Det var rart i starten, jeg savnet kroppsspråket.

Kari Nordmann   0:21
Kan du gi et eksempel på det?
"""


def test_teams_live_copy_is_parsed() -> None:
    transcript = parse_pasted(TEAMS_PASTE_2)
    assert transcript is not None
    assert [(t.speaker, t.start) for t in transcript.turns] == [
        ("Kari Nordmann", 3.0),
        ("Ola Hansen", 9.0),
        ("Kari Nordmann", 21.0),
    ]
    assert transcript.turns[0].role == "interviewer"
    assert parse_teams_live("Forsker: Hei\n") is None
    sentence = "Kari Nordmann   0:03\nNår møttes dere?\nVi møttes klokka 10:30\n"
    parsed = parse_teams_live(sentence)
    assert parsed is not None
    assert [t.text for t in parsed.turns] == ["Når møttes dere? Vi møttes klokka 10:30"]


@pytest.mark.parametrize(
    "text",
    [
        TEAMS_PASTE_2,
        "[00:03] Kari Nordmann: Hvordan var det å begynne med videomøter?\n"
        "[00:09] Ola Hansen: Det var rart i starten, jeg savnet kroppsspråket.\n"
        "[00:21] Kari Nordmann: Kan du gi et eksempel på det?\n"
        "[00:25] Ola Hansen: Ja, en gang med en bruker.\n",
        "WEBVTT\n\n00:00:03.000 --> 00:00:08.000\n<v Kari Nordmann>Hvordan var det å begynne"
        " med videomøter?</v>\n\n00:00:09.000 --> 00:00:20.000\n<v Ola Hansen>Det var rart"
        " i starten, jeg savnet kroppsspråket.</v>\n\n00:00:21.000 --> 00:00:23.000\n"
        "<v Kari Nordmann>Kan du gi et eksempel på det?</v>\n",
    ],
    ids=["teams-live", "bracket-labels", "vtt"],
)
def test_pasted_formats_deduplicate(text: str) -> None:
    first = diff_pasted_text([], text)
    assert len(first.new) >= 3
    assert not diff_pasted_text(list(first.new), text)


def test_bracket_labels_with_a_speaker_seen_once() -> None:
    text = (
        "[00:03] Kari Nordmann: Hvordan var det å begynne med videomøter?\n"
        "[00:09] Ola Hansen: Det var rart i starten.\n"
        "[00:21] Kari Nordmann: Kan du gi et eksempel på det?\n"
    )
    assert len(diff_pasted_text([], text).new) == 3


def test_blank_paste_is_nothing() -> None:
    assert diff_pasted_text([Q1], "  \n ") == PasteDiff()
    assert parse_pasted("") is None


def test_ingest_paste_into_store(tmp_path: Path) -> None:
    with SessionStore(tmp_path / "s.sqlite3") as store:
        sid = store.create_session("paste").id
        store.add_turn(sid, "Forsker", "interviewer", "Typed quick note")  # not from paste
        first = ingest_paste(store, sid, TEAMS_PASTE_1)
        assert [t.text for t in first.added] == [
            "Hvordan var det å begynne med videomøter?",
            "Det var rart i starten,",
        ]
        assert [t.role for t in first.added] == ["interviewer", "informant"]
        assert all(t.source == "paste" for t in first.added)
        second = ingest_paste(store, sid, TEAMS_PASTE_2)
        assert [(t.idx, t.text) for t in second.edited] == [
            (2, "Det var rart i starten, jeg savnet kroppsspråket.")
        ]
        assert [(t.idx, t.role) for t in second.added] == [(3, "interviewer")]
        assert not ingest_paste(store, sid, TEAMS_PASTE_2)
        assert len(store.turns(sid)) == 4


VTT_HEAD = "WEBVTT\n\n"
CUE1 = "1\n00:00:01.000 --> 00:00:04.000\n<v Forsker>Hvordan opplevde du det?</v>\n\n"
CUE2 = "2\n00:00:05.000 --> 00:00:09.000\n<v Kari>Det var uvant.</v>\n\n"
CUE3 = "3\n00:00:09.500 --> 00:00:12.000\n<v Kari>Men jeg ble vant til det.</v>\n\n"
CUE4 = "4\n00:00:13.000 --> 00:00:15.000\n<v Forsker>Hva gjorde forskjellen?</v>\n\n"


def _write(path: Path, text: str, tick: list[int]) -> None:
    path.write_text(text, encoding="utf-8")
    tick[0] += 1_000_000  # make every write visible even on coarse-mtime filesystems
    os.utime(path, ns=(tick[0], tick[0]))


def test_complete_part() -> None:
    assert complete_part(VTT_HEAD + CUE1 + CUE2[:30], vtt=True) == VTT_HEAD + CUE1
    assert complete_part(VTT_HEAD + CUE1, vtt=True) == VTT_HEAD + CUE1
    assert complete_part("A: en\nB: to", vtt=False) == "A: en\n"
    assert complete_part("A: en", vtt=False) == ""


def test_file_follower_grows_in_steps(tmp_path: Path) -> None:
    path = tmp_path / "live.vtt"
    follower = FileFollower(path)
    known: list[tuple[str, str]] = []
    tick = [1_700_000_000_000_000_000]

    assert follower.poll(known) is None  # not created yet
    _write(path, "WEBVTT\n", tick)
    assert not follower.poll(known)

    _write(path, VTT_HEAD + CUE1 + CUE2[:40], tick)  # second cue half written
    diff = follower.poll(known)
    assert diff is not None
    assert list(diff.new) == [("Forsker", "Hvordan opplevde du det?")]
    assert diff.new_turns[0].start == 1.0
    known += diff.new

    _write(path, VTT_HEAD + CUE1 + CUE2 + CUE3, tick)
    diff = follower.poll(known)
    assert diff is not None
    assert list(diff.new) == [("Kari", "Det var uvant. Men jeg ble vant til det.")]
    known += diff.new

    assert follower.poll(known) is None  # unchanged: not even re-read

    _write(path, VTT_HEAD + CUE1 + CUE2 + CUE3 + CUE4.rstrip("\n"), tick)  # no blank line yet
    held = follower.poll(known)
    assert held is not None and not held
    finished = follower.poll(known)  # the file did not change: the last cue is complete
    assert finished is not None
    assert list(finished.new) == [("Forsker", "Hva gjorde forskjellen?")]
    known += finished.new
    assert follower.poll(known) is None

    # A restart: a new follower with the known turns from the store adds nothing.
    assert not FileFollower(path).poll(known)


def test_file_follower_reports_growth_of_the_last_turn(tmp_path: Path) -> None:
    path = tmp_path / "live.vtt"
    tick = [1_700_000_000_000_000_000]
    follower = FileFollower(path)
    _write(path, VTT_HEAD + CUE1 + CUE2, tick)
    first = follower.poll([])
    assert first is not None
    known = list(first.new)
    assert [s for s, _ in known] == ["Forsker", "Kari"]
    _write(path, VTT_HEAD + CUE1 + CUE2 + CUE3, tick)
    diff = follower.poll(known)
    assert diff is not None
    assert diff.edited == ((1, "Det var uvant. Men jeg ble vant til det."),)
    assert diff.new == ()


def test_file_follower_text_file_with_partial_line(tmp_path: Path) -> None:
    path = tmp_path / "live.txt"
    tick = [1_700_000_000_000_000_000]
    follower = FileFollower(path)
    _write(path, "Forsker: Hvordan var det?\nInformant: Det var fi", tick)
    diff = follower.poll([])
    assert diff is not None and list(diff.new) == [("Forsker", "Hvordan var det?")]
    known = list(diff.new)
    _write(path, "Forsker: Hvordan var det?\nInformant: Det var fint.\n", tick)
    diff = follower.poll(known)
    assert diff is not None and list(diff.new) == [("Informant", "Det var fint.")]


def test_file_follower_half_written_utf8_character(tmp_path: Path) -> None:
    path = tmp_path / "live.txt"
    data = "Forsker: Hvordan gikk det?\nInformant: Det gikk bra på kontoret.\n".encode()
    cut = data.index("på".encode()) + 2  # inside the two-byte "å"
    path.write_bytes(data[:cut])
    diff = FileFollower(path).poll([])
    assert diff is not None and list(diff.new) == [("Forsker", "Hvordan gikk det?")]


def test_ingest_file_poll_survives_restart(tmp_path: Path) -> None:
    path = tmp_path / "live.vtt"
    tick = [1_700_000_000_000_000_000]
    db = tmp_path / "s.sqlite3"
    _write(path, VTT_HEAD + CUE1 + CUE2, tick)
    with SessionStore(db) as store:
        sid = store.create_session("follow").id
        result = ingest_file_poll(store, sid, FileFollower(path))
        assert [t.source for t in result.added] == ["file", "file"]
    _write(path, VTT_HEAD + CUE1 + CUE2 + CUE3 + CUE4, tick)
    with SessionStore(db) as store:  # a new process: fresh follower, same database
        result = ingest_file_poll(store, sid, FileFollower(path))
        assert [t.idx for t in result.edited] == [1]
        assert [t.text for t in result.added] == ["Hva gjorde forskjellen?"]
        assert len(store.turns(sid)) == 3


def test_file_follower_binary_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "live.txt"
    path.write_bytes(bytes(range(256)) * 4 + b"\n")
    with pytest.raises(TranscriptError):
        FileFollower(path).poll([])


def test_a_finished_crlf_file_is_not_parsed_again(tmp_path: Path) -> None:
    path = tmp_path / "live.txt"
    path.write_bytes(b"Forsker: Hvordan var det?\r\nKari: Det var fint.\r\n")
    follower = FileFollower(path)
    assert follower.poll([]) is not None  # first read (last line held back until stable)
    follower.poll([])  # stable now: the held-back part is released
    assert not follower.changed()
    assert follower.poll([]) is None
