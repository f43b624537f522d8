"""The recorder keeps a live engine in step with the store: the database is the truth."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from intervju.fakes import HashingEmbeddings
from intervju.guides import load_guide
from intervju.live import LiveSession
from intervju.recorder import Recorder
from intervju.storage import SCHEMA_VERSION, SessionStore

QUESTION = "Har du opplevd at videomøter gjør relasjonen vanskeligere?"
ANSWER = "Ja, det blir en distanse. Distanse hele tiden, liksom."
GROWN = ANSWER + " Jeg savner kroppsspråket, og jeg vet aldri hvem som sitter i rommet."


@pytest.fixture(scope="module")
def base() -> LiveSession:
    return LiveSession(load_guide(), HashingEmbeddings())


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "s.sqlite3")


def test_feed_records_flags_and_suggestions(store: SessionStore, base: LiveSession) -> None:
    sid = store.create_session("t", load_guide()).id
    recorder = Recorder.open(store, sid, base)
    q = store.add_turn(sid, "Forsker", "interviewer", QUESTION)
    recorder.feed([q])
    a = store.add_turn(sid, "Informant", "informant", ANSWER)
    update = recorder.feed([a])
    assert update is not None and update.suggestions
    assert store.flags(sid)[0].form == "closed"
    assert [s.text for s in store.suggestions(sid, a.idx)] == [s.text for s in update.suggestions]
    assert recorder.feed([a]) is None  # already fed


def test_reopen_after_restart_shows_the_same(store: SessionStore, base: LiveSession) -> None:
    sid = store.create_session("t", load_guide()).id
    recorder = Recorder.open(store, sid, base)
    turns = [
        store.add_turn(sid, "Forsker", "interviewer", QUESTION),
        store.add_turn(sid, "Informant", "informant", ANSWER),
    ]
    recorder.feed(turns)
    shown = store.suggestions(sid)
    again = Recorder.open(store, sid, base)  # a new process: replays, recomputes nothing shown
    assert again.applied == 2
    assert store.suggestions(sid) == shown


def test_revise_replaces_the_cards_of_a_grown_last_turn(
    store: SessionStore, base: LiveSession
) -> None:
    sid = store.create_session("t", load_guide()).id
    recorder = Recorder.open(store, sid, base)
    answer = store.add_turn(sid, "Informant", "informant", "Det var rart.")
    before = recorder.feed([answer])
    assert before is not None
    store.update_turn_text(sid, answer.idx, GROWN)
    edited = store.turns(sid)[answer.idx]
    after = recorder.revise([edited])
    assert after is not None and after.turn.text == GROWN
    current = store.suggestions(sid, answer.idx)
    assert {s.text for s in current} == {s.text for s in after.suggestions}
    everything = store.suggestions(sid, answer.idx, include_superseded=True)
    assert len(everything) >= len(current)  # the old cards stay on record for review
    assert recorder.revise([edited]) is None  # same text again: nothing to do


def test_manual_tick_survives_reopen(store: SessionStore, base: LiveSession) -> None:
    sid = store.create_session("t", load_guide()).id
    recorder = Recorder.open(store, sid, base)
    first = load_guide().questions[0].id
    recorder.mark_covered(first)
    again = Recorder.open(store, sid, base)
    assert first in again.live.coverage().covered


def test_schema_1_database_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with SessionStore(path) as store:
        sid = store.create_session("old").id
        store.add_turn(sid, "Forsker", "interviewer", "Hvordan var det?")
    conn = sqlite3.connect(path)  # make it look like a version-1 file
    conn.execute("ALTER TABLE suggestions DROP COLUMN superseded_at")
    conn.execute("DROP TABLE turn_changes")  # added by later migrations
    conn.execute("DROP TABLE live_state")
    conn.execute("ALTER TABLE sessions DROP COLUMN follow_path")
    conn.execute("ALTER TABLE sessions DROP COLUMN follow_format")
    conn.execute("UPDATE schema_version SET version = 1")
    conn.commit()
    conn.close()
    with SessionStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.turns(sid)[0].text == "Hvordan var det?"
    backups = sorted(tmp_path.glob("old.sqlite3.schema1-*.bak"))
    assert len(backups) == 1  # the file as it was, before the upgrade
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 1
    assert old.execute("SELECT text FROM turns").fetchone()[0] == "Hvordan var det?"
    old.close()


def test_untick_is_kept_by_engine_store_and_a_reopen(
    store: SessionStore, base: LiveSession
) -> None:
    sid = store.create_session("t", load_guide()).id
    recorder = Recorder.open(store, sid, base)
    recorder.feed([store.add_turn(sid, "Forsker", "interviewer", QUESTION)])
    first = load_guide().questions[0].id
    recorder.mark_covered(first)
    recorder.unmark_covered(first)
    assert first not in recorder.live.coverage().covered
    assert all(c.question_id != first for c in store.covered(sid))
    for c in store.covered(sid):  # untick everything, then restart
        recorder.unmark_covered(c.question_id)
    again = Recorder.open(store, sid, base)
    assert store.covered(sid) == () and again.live.coverage().covered == ()


def test_an_untick_survives_a_restart_while_other_ticks_remain(
    store: SessionStore, base: LiveSession
) -> None:
    sid = store.create_session("t", load_guide()).id
    recorder = Recorder.open(store, sid, base)
    ids = [q.id for q in load_guide().questions[:2]]
    recorder.feed([store.add_turn(sid, "Forsker", "interviewer", load_guide().questions[0].text)])
    recorder.mark_covered(ids[1])
    recorder.unmark_covered(ids[0])
    again = Recorder.open(store, sid, base)
    assert ids[0] not in again.live.coverage().covered and ids[1] in again.live.coverage().covered


def test_revise_before_sync_reanalyses_an_edited_turn_when_new_turns_follow(
    store: SessionStore, base: LiveSession
) -> None:
    sid = store.create_session("t", load_guide()).id
    recorder = Recorder.open(store, sid, base)
    short = store.add_turn(sid, "Forsker", "interviewer", "Hvordan var det?")
    recorder.feed([short])
    assert store.flags(sid)[0].form == "open"
    store.update_turn_text(sid, short.idx, "Hvordan var det? Var det vanskelig?")
    store.add_turn(sid, "Informant", "informant", ANSWER)
    recorder.revise([store.turns(sid)[short.idx]])
    recorder.sync()
    assert store.flags(sid)[0].double and recorder.applied == 2


def test_a_batch_of_turns_flags_every_question(store: SessionStore, base: LiveSession) -> None:
    sid = store.create_session("t", load_guide()).id
    recorder = Recorder.open(store, sid, base)
    batch = [
        store.add_turn(sid, "Forsker", "interviewer", QUESTION),
        store.add_turn(sid, "Informant", "informant", ANSWER),
        store.add_turn(sid, "Forsker", "interviewer", "Du savner vel kontoret?"),
        store.add_turn(sid, "Informant", "informant", "Ja."),
    ]
    recorder.feed(batch)
    assert [f.turn_idx for f in store.flags(sid)] == [0, 2]


class _CountingEmbeddings(HashingEmbeddings):
    calls = 0

    def embed_query(self, text: str) -> list[float]:
        type(self).calls += 1
        return super().embed_query(text)


def test_each_turn_is_embedded_once_on_the_recorder_path(store: SessionStore) -> None:
    emb = _CountingEmbeddings()
    base = LiveSession(load_guide(), emb)
    sid = store.create_session("t", load_guide()).id
    recorder = Recorder.open(store, sid, base)
    before = _CountingEmbeddings.calls
    recorder.feed([store.add_turn(sid, "Informant", "informant", ANSWER)])
    recorder.feed([store.add_turn(sid, "Forsker", "interviewer", "Hvordan var det?")])
    recorder.mark_covered(load_guide().questions[0].id)
    assert _CountingEmbeddings.calls - before == 2
