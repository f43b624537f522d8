from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from intervju.errors import StorageError
from intervju.guides import load_guide, parse_guide
from intervju.storage import SCHEMA_VERSION, SessionStore, guide_snapshot
from intervju.suggestions import Suggestion
from tests.helpers import flag

SECRET = "Zorbulakk"  # a word that appears nowhere else in the database


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "sessions.sqlite3"


@pytest.fixture
def store(db: Path) -> SessionStore:
    with SessionStore(db) as s:
        yield s  # type: ignore[misc]


def _fill(store: SessionStore, secret: str = SECRET) -> int:
    guide = load_guide("remote-work-en")
    info = store.create_session(f"Intervju med {secret}", guide)
    sid = info.id
    store.add_turn(sid, "Forsker", "interviewer", f"Har du {secret} hjemme?", 1.0, 3.0)
    store.add_turn(sid, "Kari", "informant", f"Ja, {secret} er viktig for meg.")
    store.record_suggestions(
        sid, 1, [Suggestion("example", f"Kan du gi et eksempel på {secret}?", "echo")]
    )
    store.record_flag(
        sid, 0, flag("closed", False, False, False, f"Lukket {secret}", "Hvordan ...?")
    )
    store.mark_covered(sid, "background-1", "auto", 0)
    store.add_note(sid, f"latter {secret}", 1)
    store.set_note(sid, f"notat om {secret}")
    return sid


def test_new_db_has_schema_and_wal(db: Path, store: SessionStore) -> None:
    assert store.schema_version == SCHEMA_VERSION
    assert db.exists()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_session_round_trip(store: SessionStore) -> None:
    guide = load_guide("remote-work-en")
    info = store.create_session("  Intervju   1 ", guide)
    assert info.title == "Intervju 1"
    assert info.guide_id == "remote-work-en"
    assert info.language == "en"
    assert info.turn_count == 0
    assert info.started_at is None
    assert store.session_guide(info.id) == guide

    t0 = store.add_turn(info.id, "Forsker", "interviewer", "Hvordan var det?", 0.5, 2.0)
    t1 = store.add_turn(info.id, "Kari", "informant", "Det var fint.", source="paste")
    assert (t0.idx, t1.idx) == (0, 1)
    assert t1.source == "paste"
    assert t0.to_turn().text == "Hvordan var det?"
    assert [t.text for t in store.turns(info.id)] == ["Hvordan var det?", "Det var fint."]
    assert store.turns(info.id)[0].start == 0.5

    edited = store.update_turn_text(info.id, 1, "Det var fint, egentlig.")
    assert edited.text == "Det var fint, egentlig."
    assert edited.edited_at is not None
    assert store.update_turn_role(info.id, 1, "unknown").role == "unknown"

    again = store.get_session(info.id)
    assert again.turn_count == 2
    assert again.started_at is not None
    assert store.rename_session(info.id, "Kari, runde 2").title == "Kari, runde 2"
    assert store.set_note(info.id, "husk samtykke").notes == "husk samtykke"
    assert [s.id for s in store.list_sessions()] == [info.id]


def test_suggestions_flags_coverage_notes(store: SessionStore) -> None:
    sid = store.create_session("s").id
    store.add_turn(sid, "I", "informant", "Avstand, avstand, alltid avstand.")
    shown = store.record_suggestions(
        sid,
        0,
        [
            Suggestion("meaning", "Hva betyr avstand for deg?", "repeated", ("avstand",)),
            Suggestion("example", "Kan du gi et eksempel?", "concrete"),
        ],
    )
    assert [s.rank for s in shown] == [1, 2]
    assert shown[0].emphasis == ("avstand",)
    # Idempotent: a rerun of the UI records nothing twice.
    again = store.record_suggestions(sid, 0, [Suggestion("meaning", shown[0].text, "x")])
    assert again[0].id == shown[0].id
    assert len(store.suggestions(sid)) == 2
    used = store.mark_suggestion_used(sid, shown[1].id)
    assert used.used and used.used_at is not None
    assert store.mark_suggestion_used(sid, shown[1].id).used_at == used.used_at
    assert [s.used for s in store.suggestions(sid)] == [False, True]
    with pytest.raises(StorageError, match="no suggestion"):
        store.mark_suggestion_used(sid, 999)

    stored = store.record_flag(
        sid, 0, flag("closed", True, False, False, "Lukket og ledende.", "Hvordan ...?")
    )
    assert stored.problems == ("closed", "leading")
    store.record_flag(sid, 0, flag("open", False, False, False, "", None))
    assert [f.form for f in store.flags(sid)] == ["open"]

    store.mark_covered(sid, "q1", "auto", 0)
    assert store.mark_covered(sid, "q1", "manual").how == "manual"
    assert store.mark_covered(sid, "q1", "auto").how == "manual"
    store.mark_covered(sid, "q2")
    assert [c.question_id for c in store.covered(sid)] == ["q1", "q2"]
    assert store.covered(sid)[0].turn_idx == 0
    store.unmark_covered(sid, "q2")
    assert [c.question_id for c in store.covered(sid)] == ["q1"]

    note = store.add_note(sid, "lang pause", 0)
    assert store.notes(sid) == (note,)


def test_errors_for_unknown_ids_and_bad_values(store: SessionStore) -> None:
    with pytest.raises(StorageError, match="no session with id 42"):
        store.get_session(42)
    with pytest.raises(StorageError, match="no session"):
        store.add_turn(42, "A", "informant", "x")
    sid = store.create_session("s").id
    with pytest.raises(StorageError, match="no turn 3"):
        store.update_turn_text(sid, 3, "x")
    with pytest.raises(StorageError, match="unknown role"):
        store.add_turn(sid, "A", "boss", "x")  # type: ignore[arg-type]
    with pytest.raises(StorageError, match="title"):
        store.create_session("   ")
    with pytest.raises(StorageError, match="speaker"):
        store.add_turn(sid, " ", "informant", "x")
    assert store.turns(sid) == ()


def test_resume_after_reopen(db: Path) -> None:
    store = SessionStore(db)
    sid = _fill(store)
    before = (
        store.get_session(sid),
        store.turns(sid),
        store.suggestions(sid),
        store.flags(sid),
        store.covered(sid),
        store.notes(sid),
        store.session_guide(sid),
    )
    store.close()
    reopened = SessionStore(db)
    after = (
        reopened.get_session(sid),
        reopened.turns(sid),
        reopened.suggestions(sid),
        reopened.flags(sid),
        reopened.covered(sid),
        reopened.notes(sid),
        reopened.session_guide(sid),
    )
    assert after == before
    assert reopened.add_turn(sid, "Forsker", "interviewer", "Og så?").idx == 2
    reopened.close()


def test_sigkill_right_after_add_turn_loses_nothing(db: Path) -> None:
    script = textwrap.dedent(
        f"""
        import os, signal
        from intervju.storage import SessionStore
        store = SessionStore({str(db)!r})
        sid = store.create_session("drept").id
        store.add_turn(sid, "Kari", "informant", "siste ord før krasjet")
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], check=False)
    assert result.returncode == -9
    with SessionStore(db) as store:
        [info] = store.list_sessions()
        assert [t.text for t in store.turns(info.id)] == ["siste ord før krasjet"]


def test_guide_snapshot_survives_changed_file(tmp_path: Path, store: SessionStore) -> None:
    source = load_guide("remote-work-en")
    copy = tmp_path / "guide.yaml"
    copy.write_text(Path(str(source.source)).read_text(encoding="utf-8"), encoding="utf-8")
    guide = load_guide(copy)
    sid = store.create_session("s", guide).id
    copy.write_text("not: a guide", encoding="utf-8")
    assert store.session_guide(sid) == guide
    assert "# A short example guide" in (store.guide_yaml(sid) or "")


def test_guide_snapshot_serialises_when_file_missing() -> None:
    guide = load_guide("remote-work-en")
    detached = parse_guide(
        Path(str(guide.source)).read_text(encoding="utf-8"), source="/nowhere/guide.yaml"
    )
    text = guide_snapshot(detached)
    assert parse_guide(text) == guide


def test_delete_leaves_no_trace(db: Path, store: SessionStore) -> None:
    keep = _fill(store, "Behold")
    gone = _fill(store)
    raw = db.read_bytes() + Path(f"{db}-wal").read_bytes()
    assert SECRET.encode() in raw  # the test can fail
    report = store.delete_session(gone)
    assert report.turns == 2 and report.suggestions == 1 and report.flags == 1
    assert report.covered == 1 and report.notes == 1
    assert report.purged
    with pytest.raises(StorageError):
        store.get_session(gone)
    assert store.turns(gone) == () and store.suggestions(gone) == ()
    conn = sqlite3.connect(db)
    for table in ("turns", "suggestions", "flags", "covered", "notes"):
        count = conn.execute(f"SELECT count(*) FROM {table} WHERE session_id = ?", (gone,))
        assert count.fetchone()[0] == 0
    conn.close()
    files = [p for p in db.parent.iterdir() if p.name.startswith(db.name)]
    for path in files:
        assert SECRET.encode() not in path.read_bytes(), path.name
        assert SECRET.encode("utf-16-le") not in path.read_bytes(), path.name
    # The other interview is untouched.
    assert store.turns(keep)[0].text == "Har du Behold hjemme?"
    with pytest.raises(StorageError, match="no session"):
        store.delete_session(gone)


def test_two_stores_on_one_file(db: Path) -> None:
    a = SessionStore(db)
    b = SessionStore(db)
    sid = a.create_session("delt").id
    for i in range(5):
        (a if i % 2 else b).add_turn(sid, "K", "informant", f"linje {i}")
    assert [t.idx for t in a.turns(sid)] == [0, 1, 2, 3, 4]
    assert [t.text for t in b.turns(sid)] == [f"linje {i}" for i in range(5)]
    b.rename_session(sid, "nytt navn")
    assert a.get_session(sid).title == "nytt navn"
    report = a.delete_session(sid)  # b is open but idle: the purge still completes
    assert report.purged
    assert b.list_sessions() == ()
    a.close()
    b.close()


def test_delete_while_another_reader_is_open_reports_unpurged(db: Path) -> None:
    store = SessionStore(db)
    sid = _fill(store)
    reader = sqlite3.connect(db, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM turns").fetchone()  # holds a read snapshot
    store._conn.execute("PRAGMA busy_timeout = 50")
    report = store.delete_session(sid)
    assert not report.purged
    assert store.turns(sid) == ()
    reader.execute("COMMIT")
    reader.close()
    assert store.purge()
    for path in db.parent.iterdir():
        assert SECRET.encode() not in path.read_bytes(), path.name
    store.close()


def test_not_a_database_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "sessions.sqlite3"
    content = b"These are my precious notes, not SQLite at all.\n" * 100
    path.write_bytes(content)
    with pytest.raises(StorageError, match="not an intervju session database") as info:
        SessionStore(path)
    assert info.value.where == str(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sessions.sqlite3"]


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="not an intervju session database"):
        SessionStore(path)
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
    conn.close()
    assert tables == ["customers"]


def test_newer_schema_is_refused(db: Path) -> None:
    SessionStore(db).close()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE schema_version SET version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="newer intervju"):
        SessionStore(db)


def test_folder_and_unwritable_paths(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="folder"):
        SessionStore(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StorageError, match="data folder"):
        SessionStore(blocker / "sub" / "s.sqlite3")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(StorageError):
            SessionStore(folder / "s.sqlite3")
    finally:
        folder.chmod(stat.S_IRWXU)


def test_locked_database_gives_clear_error(db: Path) -> None:
    store = SessionStore(db)
    sid = store.create_session("s").id
    blocker = sqlite3.connect(db, timeout=0, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    store._conn.execute("PRAGMA busy_timeout = 50")  # keep the test quick
    try:
        with pytest.raises(StorageError, match="locked"):
            store.add_turn(sid, "K", "informant", "x")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert store.add_turn(sid, "K", "informant", "x").idx == 0
    store.close()


def test_elapsed_time_uses_injected_clock(db: Path) -> None:
    now = [datetime(2024, 3, 1, 10, 0, tzinfo=timezone.utc)]
    store = SessionStore(db, clock=lambda: now[0])
    sid = store.create_session("s").id
    store.add_turn(sid, "F", "interviewer", "Hei")
    now[0] += timedelta(minutes=12)
    store.add_turn(sid, "K", "informant", "Hei")
    info = store.get_session(sid)
    assert info.started_at == datetime(2024, 3, 1, 10, 0, tzinfo=timezone.utc)
    assert info.elapsed_seconds(now[0]) == 720.0
    assert info.updated_at == now[0]
    store.close()
