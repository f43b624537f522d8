"""Turn correction through the core: edit text or speaker, delete, undo (store + engine)."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervju.errors import StorageError
from intervju.fakes import HashingEmbeddings
from intervju.guides import load_guide
from intervju.live import LiveSession
from intervju.recorder import Recorder
from intervju.storage import SessionStore
from intervju.tracking import question_document

CLOSED = "Har du opplevd at videomøter gjør relasjonen vanskeligere?"
OPEN = "Hvordan opplever du møtene på video?"
ANSWER = "Ja, det blir en distanse. Distanse hele tiden, liksom."
OTHER = "Jeg savner kaffekoppen og praten før møtet, det var der tilliten kom."


@pytest.fixture(scope="module")
def base() -> LiveSession:
    return LiveSession(load_guide(), HashingEmbeddings())


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "s.sqlite3")


def _session(store: SessionStore, base: LiveSession, *texts: tuple[str, str]) -> Recorder:
    sid = store.create_session("t", load_guide()).id
    recorder = Recorder.open(store, sid, base)
    for role, text in texts:
        name = "Forsker" if role == "interviewer" else "Informant"
        recorder.feed([store.add_turn(sid, name, role, text)])  # type: ignore[arg-type]
    return recorder


def test_edit_text_recomputes_the_flag(store: SessionStore, base: LiveSession) -> None:
    rec = _session(store, base, ("interviewer", CLOSED), ("informant", ANSWER))
    sid = rec.session_id
    assert store.flags(sid)[0].form == "closed"
    change = rec.edit_turn(0, text=OPEN)
    assert change.before.text == CLOSED and change.after is not None
    assert store.turns(sid)[0].text == OPEN
    assert store.flags(sid)[0].form == "open"
    assert not store.flags(sid)[0].problems


def test_edit_last_answer_replaces_its_cards(store: SessionStore, base: LiveSession) -> None:
    rec = _session(store, base, ("interviewer", OPEN), ("informant", ANSWER))
    sid = rec.session_id
    old = [s.text for s in store.suggestions(sid, 1)]
    rec.edit_turn(1, text=OTHER)
    new = [s.text for s in store.suggestions(sid, 1)]
    assert new and new != old
    assert rec.live.turns[-1].text == OTHER


def test_speaker_change_moves_flag_and_cards(store: SessionStore, base: LiveSession) -> None:
    # An informant answer stored as the interviewer's (stale speaker in another tab).
    rec = _session(store, base, ("interviewer", OPEN), ("interviewer", ANSWER))
    sid = rec.session_id
    assert {f.turn_idx for f in store.flags(sid)} == {0, 1}
    assert not store.suggestions(sid, 1)
    rec.edit_turn(1, role="informant", speaker="Informant")
    turn = store.turns(sid)[1]
    assert (turn.role, turn.speaker) == ("informant", "Informant")
    assert {f.turn_idx for f in store.flags(sid)} == {0}  # an answer has no verdict
    assert store.suggestions(sid, 1)  # ... and now gets its follow-ups
    assert rec.live.turns[1].role == "informant"


def test_delete_shifts_later_turns_and_their_rows(store: SessionStore, base: LiveSession) -> None:
    rec = _session(
        store, base, ("interviewer", CLOSED), ("informant", ANSWER), ("interviewer", OPEN),
        ("informant", OTHER),
    )  # fmt: skip
    sid = rec.session_id
    cards_last = [s.text for s in store.suggestions(sid, 3)]
    rec.delete_turn(1)
    turns = store.turns(sid)
    assert [t.idx for t in turns] == [0, 1, 2]
    assert [t.text for t in turns] == [CLOSED, OPEN, OTHER]
    assert [s.text for s in store.suggestions(sid, 2)] == cards_last  # moved with its turn
    assert {f.turn_idx for f in store.flags(sid)} == {0, 1}
    assert rec.applied == 3 and len(rec.live.turns) == 3


def test_undo_restores_edit_then_delete(store: SessionStore, base: LiveSession) -> None:
    rec = _session(store, base, ("interviewer", CLOSED), ("informant", ANSWER))
    sid = rec.session_id
    cards = store.suggestions(sid, 1)
    store.mark_suggestion_used(sid, cards[0].id)
    rec.edit_turn(0, text=OPEN)
    rec.delete_turn(1)
    assert len(store.turns(sid)) == 1 and store.turn_changes(sid) == 2
    undone = rec.undo()
    assert undone is not None and undone.kind == "delete" and undone.undone
    assert [t.text for t in store.turns(sid)] == [OPEN, ANSWER]
    restored = store.suggestions(sid, 1)
    assert [s.text for s in restored] == [s.text for s in cards]
    assert restored[0].used  # whether a card was used survives delete + undo
    again = rec.undo()
    assert again is not None and again.kind == "edit"
    assert store.turns(sid)[0].text == CLOSED
    assert store.flags(sid)[0].form == "closed"
    assert rec.undo() is None and store.turn_changes(sid) == 0


def test_auto_tick_follows_the_evidence(store: SessionStore, base: LiveSession) -> None:
    guide = load_guide()
    asked = guide.questions[0]
    wording = question_document(guide, asked.id)  # the text the tracker embeds
    rec = _session(store, base, ("interviewer", wording), ("informant", ANSWER))
    sid = rec.session_id
    auto = {c.question_id for c in store.covered(sid) if c.how == "auto"}
    assert asked.id in auto  # the guide's own wording ticks it
    rec.edit_turn(0, text="Hva spiste du til frokost i dag, egentlig?")
    assert asked.id not in {c.question_id for c in store.covered(sid)}
    assert asked.id not in rec.live.coverage().covered
    rec.undo()
    assert asked.id in {c.question_id for c in store.covered(sid)}


def test_manual_tick_survives_a_correction(store: SessionStore, base: LiveSession) -> None:
    rec = _session(store, base, ("interviewer", OPEN), ("informant", ANSWER))
    question = load_guide().questions[5].id
    rec.mark_covered(question)
    rec.delete_turn(0)
    assert question in {c.question_id for c in store.covered(rec.session_id)}
    assert question in rec.live.coverage().covered


def test_a_second_recorder_sees_the_correction(store: SessionStore, base: LiveSession) -> None:
    rec = _session(store, base, ("interviewer", CLOSED), ("informant", ANSWER))
    rec.edit_turn(0, text=OPEN)
    other = Recorder.open(store, rec.session_id, base)  # another process or a restart
    assert other.live.turns[0].text == OPEN
    assert store.flags(rec.session_id)[0].form == "open"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s, sid: s.edit_turn(sid, 9, text="x"), "no turn 9"),
        (lambda s, sid: s.edit_turn(sid, 0, text="  "), "needs some text"),
        (lambda s, sid: s.edit_turn(sid, 0, speaker=" "), "needs a speaker"),
        (lambda s, sid: s.edit_turn(sid, 0, role="boss"), "unknown role"),
        (lambda s, sid: s.delete_turn(sid, 4), "no turn 4"),
        (lambda s, sid: s.set_next_speaker(sid, "boss"), "unknown speaker"),
    ],
)
def test_bad_corrections_are_one_line_and_harm_nothing(
    store: SessionStore, call: object, message: str
) -> None:
    sid = store.create_session("t").id
    store.add_turn(sid, "Forsker", "interviewer", OPEN)
    with pytest.raises(StorageError, match=message):
        call(store, sid)  # type: ignore[operator]
    assert [t.text for t in store.turns(sid)] == [OPEN]
    assert store.turn_changes(sid) == 0


def test_next_speaker_is_shared_through_the_store(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    one, two = SessionStore(path), SessionStore(path)  # two tabs or processes
    sid = one.create_session("t").id
    assert two.next_speaker(sid) == "interviewer"
    one.add_turn(sid, "Forsker", "interviewer", OPEN)
    assert two.next_speaker(sid) == "informant"  # derived from the last turn
    one.set_next_speaker(sid, "interviewer")
    assert two.next_speaker(sid) == "interviewer"  # set by hand in one, seen in the other
    two.add_turn(sid, "Forsker", "interviewer", OPEN)
    assert one.next_speaker(sid) == "informant"  # a new turn: the speaker follows the turns


def test_cli_edit_delete_undo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    import typer
    from typer.testing import CliRunner

    from intervju.cli import session_cmd

    monkeypatch.setattr(session_cmd, "_embedder", lambda backend, model: HashingEmbeddings())
    app = typer.Typer()
    session_cmd.register(app)
    app.callback()(lambda: None)
    db = tmp_path / "s.sqlite3"
    with SessionStore(db) as store:
        sid = store.create_session("t", load_guide()).id
        store.add_turn(sid, "Forsker", "interviewer", CLOSED)
        store.add_turn(sid, "Forsker", "interviewer", ANSWER)
    runner = CliRunner()

    def run(*args: str) -> dict[str, object]:
        result = runner.invoke(app, ["session", *args, "--db", str(db)])
        assert result.exit_code == 0, result.output
        payload: dict[str, object] = json.loads(result.stdout)
        return payload

    edited = run("edit-turn", str(sid), "1", "--role", "informant", "--speaker", "Kari")
    turns = edited["turns"]
    assert isinstance(turns, list) and turns[1]["role"] == "informant"
    assert turns[1]["speaker"] == "Kari"
    deleted = run("delete-turn", str(sid), "0")
    assert len(deleted["turns"]) == 1 and deleted["undoable"] == 2  # type: ignore[arg-type]
    undone = run("undo", str(sid))
    change = undone["change"]
    assert isinstance(change, dict) and change["kind"] == "delete" and change["undone"]
    assert len(undone["turns"]) == 2  # type: ignore[arg-type]
    bad = runner.invoke(app, ["session", "edit-turn", str(sid), "0", "--db", str(db)])
    assert isinstance(bad.exception, StorageError)
