"""Local SQLite storage for interview sessions: nothing shown is ever lost.

One database file holds every interview of a user (default
``<data dir>/sessions.sqlite3``). The live page writes each turn here *before*
it shows it, so the promises this module keeps are:

* **Durability.** Every public write runs in its own ``BEGIN IMMEDIATE``
  transaction that is committed before the method returns, in WAL mode with
  ``synchronous=FULL``: a SIGKILL (or a browser reload, or a server restart)
  right after a call loses nothing, and a reopened store resumes exactly.
* **Never harm existing data.** A file that is not an SQLite database, a
  database written by a newer version, a locked or unwritable file all raise
  :class:`~intervju.errors.StorageError` with one clear line. We never
  recreate or "repair" a file we cannot read: it may be someone's interviews.
* **Deleting means gone.** Transcripts are personal data and informants have a
  right to deletion. ``delete_session`` removes every row of the session
  (foreign keys cascade), and because SQLite normally keeps freed pages (and
  the write-ahead log keeps old page images) the connection runs with
  ``PRAGMA secure_delete=ON`` (freed content is overwritten with zeros), then
  ``VACUUM`` rebuilds the file and ``wal_checkpoint(TRUNCATE)`` empties the
  log. Afterwards the interview's words are not in the database files.
  Caveat: if another process holds the database open with a read transaction
  at that moment the log cannot be truncated; :class:`DeleteReport` says so
  and the next delete or :meth:`SessionStore.purge` finishes the job.
* **Resumable guides.** The guide's YAML is snapshotted into the session, so a
  session can be resumed after the guide file changed or disappeared.

Schema changes go through numbered migrations recorded in ``schema_version``.
One connection per store, guarded by a lock, so a single store can be shared
by the app's threads (``st.cache_resource``); several stores (or processes) on
one file are fine too, SQLite serialises their writes.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal, Protocol, TypeVar, cast

import yaml

from .errors import GuideError, StorageError
from .guides import parse_guide
from .models import ROLES, Form, Guide, Role, Turn, Verdict

CoverHow = Literal["auto", "manual"]
TurnSource = Literal["typed", "paste", "file", "import", "unknown"]
TURN_SOURCES: tuple[TurnSource, ...] = ("typed", "paste", "file", "import", "unknown")

_BUSY_TIMEOUT_MS = 10000
_MAX_VERSION = "SELECT max(version) AS version FROM schema_version"
T = TypeVar("T")

DAMAGED = (
    "is damaged (the integrity check failed) and was left untouched; restore it from a "
    "backup, or move it aside and intervju starts a new one"
)

# Each migration is a list of statements applied in one transaction; index i
# brings the schema from version i to i + 1. Never edit a released migration:
# append a new one.
_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            guide_id TEXT,
            guide_source TEXT,
            guide_yaml TEXT,
            language TEXT,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            started_at TEXT
        )""",
        """CREATE TABLE turns (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            speaker TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('interviewer', 'informant', 'unknown')),
            start REAL,
            "end" REAL,
            text TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT 'typed',
            created_at TEXT NOT NULL,
            edited_at TEXT,
            PRIMARY KEY (session_id, idx)
        )""",
        """CREATE TABLE suggestions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            turn_idx INTEGER NOT NULL,
            rank INTEGER NOT NULL,
            intent TEXT NOT NULL,
            text TEXT NOT NULL,
            why TEXT NOT NULL DEFAULT '',
            emphasis TEXT NOT NULL DEFAULT '[]',
            shown_at TEXT NOT NULL,
            used_at TEXT,
            UNIQUE (session_id, turn_idx, text)
        )""",
        "CREATE INDEX suggestions_by_turn ON suggestions (session_id, turn_idx)",
        """CREATE TABLE flags (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            turn_idx INTEGER NOT NULL,
            form TEXT NOT NULL,
            leading INTEGER NOT NULL,
            double INTEGER NOT NULL,
            why INTEGER NOT NULL,
            explanation TEXT NOT NULL DEFAULT '',
            rewrite TEXT,
            created_at TEXT NOT NULL,
            PRIMARY KEY (session_id, turn_idx)
        )""",
        """CREATE TABLE covered (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            how TEXT NOT NULL CHECK (how IN ('auto', 'manual')),
            turn_idx INTEGER,
            covered_at TEXT NOT NULL,
            PRIMARY KEY (session_id, question_id)
        )""",
        """CREATE TABLE notes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            turn_idx INTEGER,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX notes_by_session ON notes (session_id)",
    ),
    (
        # A turn revised after its cards were shown (Teams grows its last line) gets new
        # cards; the old ones stay on record for review but are no longer current.
        "ALTER TABLE suggestions ADD COLUMN superseded_at TEXT",
    ),
    (
        # Turn correction (edit, delete, undo) and the next speaker live in the store, so
        # every tab and the CLI agree; each change keeps what it replaced for undo.
        """CREATE TABLE turn_changes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('edit', 'delete')),
            idx INTEGER NOT NULL,
            before TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE live_state (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
            next_speaker TEXT CHECK (next_speaker IN ('interviewer', 'informant'))
        )""",
    ),
    (
        # A speaker chosen by hand holds until the next turn is stored; then the speaker
        # follows the turns again (no write per turn).
        "ALTER TABLE live_state ADD COLUMN at_turns INTEGER",
    ),
    (
        # The file a session follows belongs to the session, not to a browser tab:
        # every tab and process sees the same one (intervju.follow).
        "ALTER TABLE sessions ADD COLUMN follow_path TEXT",
        "ALTER TABLE sessions ADD COLUMN follow_format TEXT",
    ),
)
SCHEMA_VERSION = len(_MIGRATIONS)


# ---------------------------------------------------------------------------
# Rows


@dataclass(frozen=True)
class SessionInfo:
    """One interview session (without its turns)."""

    id: int
    title: str
    guide_id: str | None
    guide_source: str | None
    language: str | None
    notes: str
    created_at: datetime
    updated_at: datetime
    started_at: datetime | None
    turn_count: int
    follow_path: str | None = None  # the transcript file this session follows, if any
    follow_format: str | None = None

    def elapsed_seconds(self, now: datetime | None = None) -> float:
        """Seconds since the interview started (0 before the first turn)."""
        if self.started_at is None:
            return 0.0
        current = now or datetime.now(timezone.utc)
        return max(0.0, (current - self.started_at).total_seconds())

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "guide_id": self.guide_id,
            "guide_source": self.guide_source,
            "language": self.language,
            "notes": self.notes,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "started_at": self.started_at.isoformat() if self.started_at else None,
            "turn_count": self.turn_count,
            "follow_path": self.follow_path,
            "follow_format": self.follow_format,
        }


@dataclass(frozen=True)
class StoredTurn:
    """A turn as stored; ``idx`` is 0-based and contiguous within its session."""

    session_id: int
    idx: int
    speaker: str
    role: Role
    start: float | None
    end: float | None
    text: str
    source: TurnSource
    created_at: datetime
    edited_at: datetime | None

    def to_turn(self) -> Turn:
        return Turn(
            index=self.idx,
            speaker=self.speaker,
            role=self.role,
            start=self.start,
            end=self.end,
            text=self.text,
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "idx": self.idx,
            "speaker": self.speaker,
            "role": self.role,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "source": self.source,
            "created_at": self.created_at.isoformat(),
            "edited_at": self.edited_at.isoformat() if self.edited_at else None,
        }


@dataclass(frozen=True)
class StoredSuggestion:
    """A follow-up suggestion that was shown after turn ``turn_idx``."""

    id: int
    session_id: int
    turn_idx: int
    rank: int
    intent: str
    text: str
    why: str
    emphasis: tuple[str, ...]
    shown_at: datetime
    used_at: datetime | None
    superseded_at: datetime | None = None  # replaced by newer cards for a revised turn

    @property
    def used(self) -> bool:
        return self.used_at is not None

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "turn_idx": self.turn_idx,
            "rank": self.rank,
            "intent": self.intent,
            "text": self.text,
            "why": self.why,
            "emphasis": list(self.emphasis),
            "shown_at": self.shown_at.isoformat(),
            "used": self.used,
            "used_at": self.used_at.isoformat() if self.used_at else None,
            "superseded_at": self.superseded_at.isoformat() if self.superseded_at else None,
        }


@dataclass(frozen=True, kw_only=True)
class StoredFlag(Verdict):
    """The question-quality verdict stored for an interviewer turn (one per turn)."""

    session_id: int
    turn_idx: int
    created_at: datetime

    def to_dict(self) -> dict[str, object]:
        return {
            "turn_idx": self.turn_idx,
            "form": self.form,
            "leading": self.leading,
            "double": self.double,
            "why": self.why,
            "problems": list(self.problems),
            "explanation": self.explanation,
            "rewrite": self.rewrite,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True)
class StoredCoverage:
    """A guide question marked as covered, automatically or by the user's click."""

    session_id: int
    question_id: str
    how: CoverHow
    turn_idx: int | None
    covered_at: datetime

    def to_dict(self) -> dict[str, object]:
        return {
            "question_id": self.question_id,
            "how": self.how,
            "turn_idx": self.turn_idx,
            "covered_at": self.covered_at.isoformat(),
        }


@dataclass(frozen=True)
class StoredNote:
    """A time-stamped note, optionally attached to a turn."""

    id: int
    session_id: int
    turn_idx: int | None
    text: str
    created_at: datetime

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "turn_idx": self.turn_idx,
            "text": self.text,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True)
class TurnChange:
    """One correction of a stored turn, kept so it can be undone.

    ``kind`` is 'edit' (text, speaker or role changed) or 'delete'; ``before`` is the
    turn as it was (and, for a delete, the cards it had), ``after`` the turn now (None
    after a delete). ``undone`` is True when this change was just reverted.
    """

    id: int
    session_id: int
    kind: Literal["edit", "delete"]
    idx: int
    before: StoredTurn
    after: StoredTurn | None
    undone: bool = False

    def to_dict(self) -> dict[str, object]:
        return {
            "change": self.id,
            "session_id": self.session_id,
            "kind": self.kind,
            "idx": self.idx,
            "undone": self.undone,
            "before": self.before.to_dict(),
            "after": self.after.to_dict() if self.after is not None else None,
        }


@dataclass(frozen=True)
class DeleteReport:
    """What ``delete_session`` removed; ``purged`` is False if the WAL could not be emptied."""

    session_id: int
    turns: int
    suggestions: int
    flags: int
    covered: int
    notes: int
    purged: bool


class SuggestionLike(Protocol):
    """What ``record_suggestions`` needs (``intervju.suggestions.Suggestion`` fits)."""

    @property
    def intent(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def why(self) -> str: ...


class AnalysisLike(Protocol):
    """What ``record_flag`` needs (``intervju.analysis.Analysis`` fits)."""

    @property
    def form(self) -> str: ...
    @property
    def leading(self) -> bool: ...
    @property
    def double(self) -> bool: ...
    @property
    def why(self) -> bool: ...
    @property
    def explanation(self) -> str: ...
    @property
    def rewrite(self) -> str | None: ...


# ---------------------------------------------------------------------------
# Store


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _ts(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _parse_ts(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _req_ts(value: str) -> datetime:
    return datetime.fromisoformat(value)


def guide_snapshot(guide: Guide) -> str:
    """YAML text that reloads into an equal guide, for resuming a session later.

    The guide's own file is preferred (keeps comments and wording exactly) when
    it still parses into the same guide; otherwise the guide is serialised.
    """
    if guide.source:
        with contextlib.suppress(OSError, UnicodeDecodeError, GuideError):
            text = Path(guide.source).read_text(encoding="utf-8-sig")
            if parse_guide(text, source=guide.source) == guide:
                return text
    return yaml.safe_dump(_drop_none(guide.to_dict()), allow_unicode=True, sort_keys=False)


def _drop_none(value: object) -> object:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


class SessionStore:
    """All sessions in one SQLite file. Open with a path; close (or use ``with``)."""

    def __init__(self, path: Path | str, *, clock: Callable[[], datetime] | None = None) -> None:
        self.path = Path(path).expanduser()
        self._clock = clock or _utcnow
        self._lock = threading.RLock()
        self._depth = 0  # open write transactions (nested ones are savepoints)
        self._conn = self._open()

    # -- lifecycle ---------------------------------------------------------

    def _fail(self, message: str) -> StorageError:
        return StorageError(message, where=str(self.path))

    def _open(self) -> sqlite3.Connection:
        if self.path.is_dir():
            raise self._fail("is a folder, not a session database file")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._fail(f"cannot create the data folder ({exc.strerror})") from None
        existing = self.path.exists() and self.path.stat().st_size > 0
        version = self._inspect() if existing else 0
        try:
            conn = sqlite3.connect(
                str(self.path),
                timeout=_BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,  # we issue BEGIN/COMMIT ourselves
                check_same_thread=False,  # guarded by self._lock
            )
        except sqlite3.Error as exc:
            raise self._fail(f"cannot open the session database ({exc})") from None
        conn.row_factory = sqlite3.Row
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()["journal_mode"]
            if str(mode).lower() != "wal":
                raise self._fail(f"cannot switch the database to WAL mode (got {mode})")
            conn.execute("PRAGMA synchronous = FULL")
            self._migrate(conn, backup=existing and 0 < version < SCHEMA_VERSION)
        except StorageError:
            conn.close()
            raise
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise self._fail(_explain(exc)) from None
        return conn

    def _inspect(self) -> int:
        """Check an existing file read-only before anything may write to it.

        A file that is not ours, damaged (``PRAGMA quick_check``) or from a newer
        schema is refused here, through a read-only connection, so its bytes are
        never changed (not even by switching it to WAL). Returns its schema version.
        """
        uri = "file:" + urllib.parse.quote(str(self.path.resolve())) + "?mode=ro"
        try:
            probe = sqlite3.connect(uri, uri=True, timeout=_BUSY_TIMEOUT_MS / 1000)
            probe.row_factory = sqlite3.Row
        except sqlite3.Error as exc:
            raise self._fail(_explain(exc)) from None
        try:
            tables = {
                str(r["name"])
                for r in probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if "schema_version" not in tables:
                if tables - {"sqlite_sequence"}:
                    raise self._fail("is an SQLite database, but not an intervju session database")
                return 0
            version = int(probe.execute(_MAX_VERSION).fetchone()["version"])
            if version > SCHEMA_VERSION:
                raise self._fail(
                    f"was written by a newer intervju (schema {version}, this version knows "
                    f"{SCHEMA_VERSION}) and was left untouched; upgrade intervju to use it"
                )
            problems = [str(r["quick_check"]) for r in probe.execute("PRAGMA quick_check")]
            if problems != ["ok"]:
                raise self._fail(DAMAGED)
            return version
        except sqlite3.DatabaseError as exc:
            raise self._fail(_explain(exc)) from None
        finally:
            probe.close()

    def _migrate(self, conn: sqlite3.Connection, *, backup: bool) -> None:
        if backup:  # before the write lock: SQLite cannot back up from inside it
            self._backup(conn, int(conn.execute(_MAX_VERSION).fetchone()["version"]))
        conn.execute("BEGIN IMMEDIATE")
        try:
            tables = {
                str(r["name"])
                for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if "schema_version" not in tables:
                if tables - {"sqlite_sequence"}:
                    raise self._fail("is an SQLite database, but not an intervju session database")
                conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
                conn.execute("INSERT INTO schema_version (version) VALUES (0)")
            version = int(conn.execute(_MAX_VERSION).fetchone()["version"] or 0)
            if version > SCHEMA_VERSION:  # another process upgraded it meanwhile
                raise self._fail(
                    f"was written by a newer intervju (schema {version}, this version knows "
                    f"{SCHEMA_VERSION}) and was left untouched; upgrade intervju to use it"
                )
            for target in range(version, SCHEMA_VERSION):
                for statement in _MIGRATIONS[target]:
                    conn.execute(statement)
                conn.execute("UPDATE schema_version SET version = ?", (target + 1,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _backup(self, conn: sqlite3.Connection, version: int) -> Path:
        """Copy the database before migrating it, so an upgrade can always be undone."""
        stamp = self._clock().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.schema{version}-{stamp}.bak")
        try:
            copy = sqlite3.connect(str(target))
            try:
                conn.backup(copy)
            finally:
                copy.close()
        except (sqlite3.Error, OSError) as exc:
            raise self._fail(
                f"cannot write a backup before upgrading the database ({exc}); nothing was changed"
            ) from None
        return target

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with self._lock:
            return int(self._conn.execute(_MAX_VERSION).fetchone()["version"])

    # -- transactions --------------------------------------------------------

    def execute_write_fn(self, fn: Callable[[SessionStore], T]) -> T:
        """Run ``fn(self)`` inside one write transaction (Datasette's ``execute_write_fn``).

        Why: a paste or a file poll reads the stored turns, decides what is new
        and writes it. Done as separate transactions, two tabs or processes read
        the same state and both append. Here ``BEGIN IMMEDIATE`` takes SQLite's
        write lock *before* the read, so the next writer waits and then sees
        what this one wrote. Every store method ``fn`` calls joins the
        transaction; an exception rolls all of it back.
        """
        with self._write():
            return fn(self)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[SessionStore]:
        """``with store.transaction():`` — the statement form of :meth:`execute_write_fn`."""
        with self._write():
            yield self

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction; any error rolls back and becomes a StorageError.

        Nested calls (a store method inside :meth:`execute_write_fn`) become
        savepoints of the open transaction, so they commit with it.
        """
        with self._lock:
            conn = self._conn
            nested = self._depth > 0
            begin, commit = (
                (f"SAVEPOINT w{self._depth}", f"RELEASE w{self._depth}")
                if nested
                else ("BEGIN IMMEDIATE", "COMMIT")
            )
            try:
                conn.execute(begin)
            except sqlite3.Error as exc:
                raise self._fail(_explain(exc)) from None
            self._depth += 1
            try:
                yield conn
                conn.execute(commit)
            except BaseException as exc:
                with contextlib.suppress(sqlite3.Error):
                    if nested:
                        conn.execute(f"ROLLBACK TO w{self._depth - 1}")
                        conn.execute(commit)
                    else:
                        conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise self._fail(_explain(exc)) from None
                raise
            finally:
                self._depth -= 1

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise self._fail(_explain(exc)) from None

    def _now(self) -> str:
        return _ts(self._clock())

    def _require_session(self, conn: sqlite3.Connection, session_id: int) -> None:
        if conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
            raise StorageError(f"no session with id {session_id}", where=str(self.path))

    def _touch(self, conn: sqlite3.Connection, session_id: int, now: str) -> None:
        conn.execute("UPDATE sessions SET updated_at = ? WHERE id = ?", (now, session_id))

    # -- sessions ----------------------------------------------------------

    _SESSION_SELECT = """
        SELECT s.id, s.title, s.guide_id, s.guide_source, s.language, s.notes,
               s.created_at, s.updated_at, s.started_at, s.follow_path, s.follow_format,
               (SELECT count(*) FROM turns t WHERE t.session_id = s.id) AS turn_count
        FROM sessions s
    """

    @staticmethod
    def _session_row(row: sqlite3.Row) -> SessionInfo:
        return SessionInfo(
            id=int(row["id"]),
            title=str(row["title"]),
            guide_id=row["guide_id"],
            guide_source=row["guide_source"],
            language=row["language"],
            notes=str(row["notes"]),
            created_at=_req_ts(str(row["created_at"])),
            updated_at=_req_ts(str(row["updated_at"])),
            started_at=_parse_ts(row["started_at"]),
            turn_count=int(row["turn_count"]),
            follow_path=row["follow_path"],
            follow_format=row["follow_format"],
        )

    def create_session(
        self,
        title: str,
        guide: Guide | None = None,
        *,
        language: str | None = None,
        guide_yaml: str | None = None,
    ) -> SessionInfo:
        """Start a new session; the guide is snapshotted so it can be resumed later."""
        clean = " ".join(title.split())
        if not clean:
            raise StorageError("a session needs a title", where=str(self.path))
        snapshot = (
            guide_yaml if guide_yaml is not None else (guide_snapshot(guide) if guide else None)
        )
        now = self._now()
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO sessions (title, guide_id, guide_source, guide_yaml, language,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    clean,
                    guide.id if guide else None,
                    guide.source if guide else None,
                    snapshot,
                    language or (guide.language if guide else None),
                    now,
                    now,
                ),
            )
            session_id = int(cast(int, cursor.lastrowid))
        return self.get_session(session_id)

    def list_sessions(self) -> tuple[SessionInfo, ...]:
        """All sessions, most recently updated first."""
        with self._read() as conn:
            rows = conn.execute(self._SESSION_SELECT + " ORDER BY s.updated_at DESC, s.id DESC")
            return tuple(self._session_row(r) for r in rows.fetchall())

    def get_session(self, session_id: int) -> SessionInfo:
        with self._read() as conn:
            row = conn.execute(self._SESSION_SELECT + " WHERE s.id = ?", (session_id,)).fetchone()
        if row is None:
            raise StorageError(f"no session with id {session_id}", where=str(self.path))
        return self._session_row(row)

    def session_guide(self, session_id: int) -> Guide | None:
        """The guide as it was when the session was created (from the snapshot)."""
        text = self.guide_yaml(session_id)
        if text is None:
            return None
        info = self.get_session(session_id)
        guide = parse_guide(text, source=f"guide snapshot of session {session_id}")
        # Keep pointing at the original file (for display); equality ignores source.
        return replace(guide, source=info.guide_source) if info.guide_source else guide

    def guide_yaml(self, session_id: int) -> str | None:
        with self._read() as conn:
            row = conn.execute(
                "SELECT guide_yaml FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
        if row is None:
            raise StorageError(f"no session with id {session_id}", where=str(self.path))
        return cast("str | None", row["guide_yaml"])

    def rename_session(self, session_id: int, title: str) -> SessionInfo:
        clean = " ".join(title.split())
        if not clean:
            raise StorageError("a session needs a title", where=str(self.path))
        now = self._now()
        with self._write() as conn:
            self._require_session(conn, session_id)
            conn.execute(
                "UPDATE sessions SET title = ?, updated_at = ? WHERE id = ?",
                (clean, now, session_id),
            )
        return self.get_session(session_id)

    def set_note(self, session_id: int, text: str) -> SessionInfo:
        """Replace the session's free-text note (the researcher's notepad)."""
        now = self._now()
        with self._write() as conn:
            self._require_session(conn, session_id)
            conn.execute(
                "UPDATE sessions SET notes = ?, updated_at = ? WHERE id = ?",
                (text, now, session_id),
            )
        return self.get_session(session_id)

    def set_follow(
        self, session_id: int, path: str | None, format: str | None = None
    ) -> SessionInfo:
        """Remember (or forget, with None) the transcript file this session follows."""
        now = self._now()
        with self._write() as conn:
            self._require_session(conn, session_id)
            conn.execute(
                "UPDATE sessions SET follow_path = ?, follow_format = ?, updated_at = ?"
                " WHERE id = ?",
                (path, (format or "auto") if path else None, now, session_id),
            )
        return self.get_session(session_id)

    def delete_session(self, session_id: int) -> DeleteReport:
        """Remove every trace of the session, including freed pages and the WAL."""
        with self._write() as conn:
            self._require_session(conn, session_id)
            counts = {
                table: int(
                    conn.execute(
                        f"SELECT count(*) AS n FROM {table} WHERE session_id = ?", (session_id,)
                    ).fetchone()["n"]
                )
                for table in ("turns", "suggestions", "flags", "covered", "notes")
            }
            conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
            for table in counts:  # belt and braces, should foreign keys ever be off
                conn.execute(f"DELETE FROM {table} WHERE session_id = ?", (session_id,))
        purged = self.purge()
        return DeleteReport(session_id=session_id, purged=purged, **counts)

    def purge(self) -> bool:
        """Rebuild the file without freed pages and empty the WAL; True when complete."""
        with self._read() as conn:
            try:
                conn.execute("VACUUM")
                busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            except sqlite3.OperationalError:
                return False
        return int(busy) == 0

    # -- turns -------------------------------------------------------------

    _TURN_COLUMNS = (
        'session_id, idx, speaker, role, start, "end", text, source, created_at, edited_at'
    )

    @staticmethod
    def _turn_row(row: sqlite3.Row) -> StoredTurn:
        return StoredTurn(
            session_id=int(row["session_id"]),
            idx=int(row["idx"]),
            speaker=str(row["speaker"]),
            role=cast(Role, row["role"]),
            start=row["start"],
            end=row["end"],
            text=str(row["text"]),
            source=cast(TurnSource, row["source"]),
            created_at=_req_ts(str(row["created_at"])),
            edited_at=_parse_ts(row["edited_at"]),
        )

    def add_turn(
        self,
        session_id: int,
        speaker: str,
        role: Role,
        text: str,
        start: float | None = None,
        end: float | None = None,
        *,
        source: TurnSource = "typed",
    ) -> StoredTurn:
        """Append a turn; it is committed when this returns."""
        return self.add_turns(session_id, [(speaker, role, text, start, end)], source=source)[0]

    def add_turns(
        self,
        session_id: int,
        turns: Sequence[tuple[str, Role, str, float | None, float | None]],
        *,
        source: TurnSource = "typed",
    ) -> tuple[StoredTurn, ...]:
        """Append several turns (speaker, role, text, start, end) in one transaction."""
        if source not in TURN_SOURCES:
            raise StorageError(f"unknown turn source '{source}'", where=str(self.path))
        for speaker, role, _text, _start, _end in turns:
            if role not in ROLES:
                raise StorageError(f"unknown role '{role}'", where=str(self.path))
            if not speaker.strip():
                raise StorageError("a turn needs a speaker", where=str(self.path))
        now = self._now()
        with self._write() as conn:
            self._require_session(conn, session_id)
            row = conn.execute(
                "SELECT coalesce(max(idx) + 1, 0) AS next_idx FROM turns WHERE session_id = ?",
                (session_id,),
            ).fetchone()
            first = int(row["next_idx"])
            for offset, (speaker, role, text, start, end) in enumerate(turns):
                conn.execute(
                    f"INSERT INTO turns ({self._TURN_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,NULL)",
                    (
                        session_id,
                        first + offset,
                        speaker.strip(),
                        role,
                        start,
                        end,
                        text,
                        source,
                        now,
                    ),
                )
            if turns:
                conn.execute(
                    "UPDATE sessions SET started_at = coalesce(started_at, ?), updated_at = ?"
                    " WHERE id = ?",
                    (now, now, session_id),
                )
            rows = conn.execute(
                f"SELECT {self._TURN_COLUMNS} FROM turns WHERE session_id = ? AND idx >= ?"
                " ORDER BY idx",
                (session_id, first),
            ).fetchall()
        return tuple(self._turn_row(r) for r in rows)

    def update_turn_text(self, session_id: int, idx: int, text: str) -> StoredTurn:
        """Replace a turn's text (live transcription corrected or extended it)."""
        now = self._now()
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE turns SET text = ?, edited_at = ? WHERE session_id = ? AND idx = ?",
                (text, now, session_id, idx),
            )
            if cursor.rowcount == 0:
                raise StorageError(f"session {session_id} has no turn {idx}", where=str(self.path))
            self._touch(conn, session_id, now)
            row = conn.execute(
                f"SELECT {self._TURN_COLUMNS} FROM turns WHERE session_id = ? AND idx = ?",
                (session_id, idx),
            ).fetchone()
        return self._turn_row(row)

    def update_turn_role(self, session_id: int, idx: int, role: Role) -> StoredTurn:
        """Fix who said a turn (the user corrected a mis-assigned speaker role)."""
        if role not in ROLES:
            raise StorageError(f"unknown role '{role}'", where=str(self.path))
        now = self._now()
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE turns SET role = ?, edited_at = ? WHERE session_id = ? AND idx = ?",
                (role, now, session_id, idx),
            )
            if cursor.rowcount == 0:
                raise StorageError(f"session {session_id} has no turn {idx}", where=str(self.path))
            self._touch(conn, session_id, now)
            row = conn.execute(
                f"SELECT {self._TURN_COLUMNS} FROM turns WHERE session_id = ? AND idx = ?",
                (session_id, idx),
            ).fetchone()
        return self._turn_row(row)

    def turns(self, session_id: int) -> tuple[StoredTurn, ...]:
        """The session's turns in order (empty for an unknown session id)."""
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT {self._TURN_COLUMNS} FROM turns WHERE session_id = ? ORDER BY idx",
                (session_id,),
            ).fetchall()
        return tuple(self._turn_row(r) for r in rows)

    # -- turn correction (edit, delete, undo) --------------------------------

    def _one_turn(self, conn: sqlite3.Connection, session_id: int, idx: int) -> StoredTurn:
        row = conn.execute(
            f"SELECT {self._TURN_COLUMNS} FROM turns WHERE session_id = ? AND idx = ?",
            (session_id, idx),
        ).fetchone()
        if row is None:
            raise StorageError(f"session {session_id} has no turn {idx}", where=str(self.path))
        return self._turn_row(row)

    def edit_turn(
        self,
        session_id: int,
        idx: int,
        *,
        text: str | None = None,
        speaker: str | None = None,
        role: Role | None = None,
    ) -> TurnChange:
        """Correct a stored turn's text, speaker name or role, keeping the old one for undo.

        One committed transaction. The caller (``Recorder.edit_turn``) recomputes what
        the engine derived from the turn (flag, cards, coverage).
        """
        if role is not None and role not in ROLES:
            raise StorageError(f"unknown role '{role}'", where=str(self.path))
        if text is not None and not text.strip():
            raise StorageError("a turn needs some text (delete it instead)", where=str(self.path))
        if speaker is not None and not speaker.strip():
            raise StorageError("a turn needs a speaker", where=str(self.path))
        now = self._now()
        with self._write() as conn:
            self._require_session(conn, session_id)
            before = self._one_turn(conn, session_id, idx)
            conn.execute(
                "UPDATE turns SET text = ?, speaker = ?, role = ?, edited_at = ?"
                " WHERE session_id = ? AND idx = ?",
                (
                    " ".join(text.split()) if text is not None else before.text,
                    speaker.strip() if speaker is not None else before.speaker,
                    role if role is not None else before.role,
                    now,
                    session_id,
                    idx,
                ),
            )
            change_id = self._log_change(conn, session_id, "edit", before, (), now)
            self._touch(conn, session_id, now)
            after = self._one_turn(conn, session_id, idx)
        return TurnChange(change_id, session_id, "edit", idx, before, after)

    def delete_turn(self, session_id: int, idx: int) -> TurnChange:
        """Remove a stored turn; later turns move up one place. Undo puts it back.

        The turn's cards are kept in the change record (so undo restores them and
        whether they were used); its flag is dropped and recomputed on undo.
        """
        now = self._now()
        with self._write() as conn:
            self._require_session(conn, session_id)
            before = self._one_turn(conn, session_id, idx)
            cards = conn.execute(
                f"SELECT {self._SUGGESTION_COLUMNS} FROM suggestions"
                " WHERE session_id = ? AND turn_idx = ? ORDER BY rank, id",
                (session_id, idx),
            ).fetchall()
            change_id = self._log_change(
                conn, session_id, "delete", before, [self._suggestion_row(r) for r in cards], now
            )
            for table in ("turns", "suggestions", "flags"):
                column = "idx" if table == "turns" else "turn_idx"
                conn.execute(
                    f"DELETE FROM {table} WHERE session_id = ? AND {column} = ?", (session_id, idx)
                )
            self._shift(conn, session_id, idx, -1)
            self._touch(conn, session_id, now)
        return TurnChange(change_id, session_id, "delete", idx, before, None)

    def undo_turn_change(self, session_id: int) -> TurnChange | None:
        """Revert the session's most recent turn correction (None if there is none)."""
        now = self._now()
        with self._write() as conn:
            self._require_session(conn, session_id)
            row = conn.execute(
                "SELECT id, kind, idx, before FROM turn_changes WHERE session_id = ?"
                " ORDER BY id DESC LIMIT 1",
                (session_id,),
            ).fetchone()
            if row is None:
                return None
            change_id, kind, idx = int(row["id"]), str(row["kind"]), int(row["idx"])
            saved = json.loads(str(row["before"]))
            before = self._turn_from_json(session_id, saved["turn"])
            if kind == "edit":
                current = self._one_turn(conn, session_id, idx)
                conn.execute(
                    "UPDATE turns SET text = ?, speaker = ?, role = ?, edited_at = ?"
                    " WHERE session_id = ? AND idx = ?",
                    (before.text, before.speaker, before.role, saved["turn"]["edited_at"],
                     session_id, idx),
                )  # fmt: skip
            else:
                current = before
                self._shift(conn, session_id, idx, +1)
                self._insert_turn(conn, before)
                for card in saved.get("cards", []):
                    self._insert_card(conn, session_id, idx, card)
            conn.execute("DELETE FROM turn_changes WHERE id = ?", (change_id,))
            self._touch(conn, session_id, now)
            restored = self._one_turn(conn, session_id, idx)
        after = None if kind == "delete" else current
        return TurnChange(
            change_id, session_id, cast(Literal["edit", "delete"], kind), idx, restored, after,
            undone=True,
        )  # fmt: skip

    def turn_changes(self, session_id: int) -> int:
        """How many corrections can still be undone."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT count(*) AS n FROM turn_changes WHERE session_id = ?", (session_id,)
            ).fetchone()
        return int(row["n"])

    def _log_change(
        self,
        conn: sqlite3.Connection,
        session_id: int,
        kind: str,
        before: StoredTurn,
        cards: Sequence[StoredSuggestion],
        now: str,
    ) -> int:
        turn = before.to_dict()
        turn["created_at"] = _ts(before.created_at)
        turn["edited_at"] = _ts(before.edited_at) if before.edited_at else None
        turn["source"] = before.source
        saved = {
            "turn": turn,
            "cards": [
                {
                    "rank": c.rank, "intent": c.intent, "text": c.text, "why": c.why,
                    "emphasis": list(c.emphasis), "shown_at": _ts(c.shown_at),
                    "used_at": _ts(c.used_at) if c.used_at else None,
                    "superseded_at": _ts(c.superseded_at) if c.superseded_at else None,
                }
                for c in cards
            ],
        }  # fmt: skip
        cursor = conn.execute(
            "INSERT INTO turn_changes (session_id, kind, idx, before, created_at)"
            " VALUES (?,?,?,?,?)",
            (session_id, kind, before.idx, json.dumps(saved, ensure_ascii=False), now),
        )
        return int(cast(int, cursor.lastrowid))

    def _turn_from_json(self, session_id: int, raw: dict[str, object]) -> StoredTurn:
        return StoredTurn(
            session_id=session_id,
            idx=int(cast(int, raw["idx"])),
            speaker=str(raw["speaker"]),
            role=cast(Role, raw["role"]),
            start=cast("float | None", raw.get("start")),
            end=cast("float | None", raw.get("end")),
            text=str(raw["text"]),
            source=cast(TurnSource, raw.get("source", "unknown")),
            created_at=_req_ts(str(raw["created_at"])),
            edited_at=_parse_ts(cast("str | None", raw.get("edited_at"))),
        )

    def _insert_turn(self, conn: sqlite3.Connection, turn: StoredTurn) -> None:
        conn.execute(
            f"INSERT INTO turns ({self._TURN_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                turn.session_id, turn.idx, turn.speaker, turn.role, turn.start, turn.end,
                turn.text, turn.source, _ts(turn.created_at),
                _ts(turn.edited_at) if turn.edited_at else None,
            ),
        )  # fmt: skip

    @staticmethod
    def _insert_card(
        conn: sqlite3.Connection, session_id: int, idx: int, card: dict[str, object]
    ) -> None:
        conn.execute(
            "INSERT OR IGNORE INTO suggestions (session_id, turn_idx, rank, intent, text, why,"
            " emphasis, shown_at, used_at, superseded_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                session_id, idx, card["rank"], card["intent"], card["text"], card["why"],
                json.dumps(card["emphasis"], ensure_ascii=False), card["shown_at"],
                card["used_at"], card["superseded_at"],
            ),
        )  # fmt: skip

    @staticmethod
    def _shift(conn: sqlite3.Connection, session_id: int, idx: int, step: int) -> None:
        """Move every turn-indexed row after ``idx`` by ``step`` (-1 after a delete).

        Negating first keeps (session, idx) keys unique at every step of the update.
        """
        first = idx + 1 if step < 0 else idx
        for table, column in (("turns", "idx"), ("suggestions", "turn_idx"),
                              ("flags", "turn_idx")):  # fmt: skip
            conn.execute(
                f"UPDATE {table} SET {column} = -{column} - 1"
                f" WHERE session_id = ? AND {column} >= ?",
                (session_id, first),
            )
            conn.execute(
                f"UPDATE {table} SET {column} = -{column} - 1 + ? WHERE session_id = ?"
                f" AND {column} < 0",
                (step, session_id),
            )
        for table in ("covered", "notes"):
            if step < 0:
                conn.execute(
                    f"UPDATE {table} SET turn_idx = NULL WHERE session_id = ? AND turn_idx = ?",
                    (session_id, idx),
                )
            conn.execute(
                f"UPDATE {table} SET turn_idx = turn_idx + ? WHERE session_id = ?"
                " AND turn_idx >= ?",
                (step, session_id, first),
            )

    # -- the next speaker (shared by every tab) -------------------------------

    def next_speaker(self, session_id: int) -> Literal["interviewer", "informant"]:
        """Who speaks next: as last set, else the other one than the last turn's speaker."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT next_speaker, at_turns FROM live_state WHERE session_id = ?",
                (session_id,),
            ).fetchone()
            last = conn.execute(
                "SELECT role, idx FROM turns WHERE session_id = ? ORDER BY idx DESC LIMIT 1",
                (session_id,),
            ).fetchone()
        count = int(last["idx"]) + 1 if last is not None else 0
        chosen = row["next_speaker"] if row is not None else None
        if chosen in ("interviewer", "informant") and row["at_turns"] == count:
            return cast(Literal["interviewer", "informant"], chosen)
        return "interviewer" if last is None or last["role"] != "interviewer" else "informant"

    def set_next_speaker(self, session_id: int, role: Literal["interviewer", "informant"]) -> None:
        """Store who speaks next, so another tab (or a reload) shows the same speaker.

        The choice holds until the next turn is stored; after that the speaker is the
        other one than the last turn's again.
        """
        if role not in ("interviewer", "informant"):
            raise StorageError(f"unknown speaker role '{role}'", where=str(self.path))
        with self._write() as conn:
            self._require_session(conn, session_id)
            count = conn.execute(
                "SELECT coalesce(max(idx) + 1, 0) AS next_idx FROM turns WHERE session_id = ?",
                (session_id,),
            ).fetchone()["next_idx"]
            conn.execute(
                "INSERT INTO live_state (session_id, next_speaker, at_turns) VALUES (?, ?, ?)"
                " ON CONFLICT (session_id) DO UPDATE SET next_speaker = excluded.next_speaker,"
                " at_turns = excluded.at_turns",
                (session_id, role, int(count)),
            )

    # -- suggestions -------------------------------------------------------

    _SUGGESTION_COLUMNS = (
        "id, session_id, turn_idx, rank, intent, text, why, emphasis, shown_at, used_at,"
        " superseded_at"
    )

    @staticmethod
    def _suggestion_row(row: sqlite3.Row) -> StoredSuggestion:
        emphasis = json.loads(str(row["emphasis"]))
        return StoredSuggestion(
            id=int(row["id"]),
            session_id=int(row["session_id"]),
            turn_idx=int(row["turn_idx"]),
            rank=int(row["rank"]),
            intent=str(row["intent"]),
            text=str(row["text"]),
            why=str(row["why"]),
            emphasis=tuple(str(e) for e in emphasis),
            shown_at=_req_ts(str(row["shown_at"])),
            used_at=_parse_ts(row["used_at"]),
            superseded_at=_parse_ts(row["superseded_at"]),
        )

    def record_suggestions(
        self,
        session_id: int,
        turn_idx: int,
        suggestions: Sequence[SuggestionLike],
        *,
        replace: bool = False,
    ) -> tuple[StoredSuggestion, ...]:
        """Record the suggestions shown after a turn; idempotent (same text kept once).

        ``replace`` marks the turn's other cards superseded (a revised turn got new
        ones); they stay on record, but :meth:`suggestions` no longer lists them.
        Returns the stored rows for exactly the given suggestions, in the given
        order, so the UI can later mark one as used by its ``id``.
        """
        now = self._now()
        with self._write() as conn:
            self._require_session(conn, session_id)
            if replace and suggestions:
                marks = ",".join("?" for _ in suggestions)
                conn.execute(
                    "UPDATE suggestions SET superseded_at = ? WHERE session_id = ? AND"
                    f" turn_idx = ? AND superseded_at IS NULL AND text NOT IN ({marks})",
                    (now, session_id, turn_idx, *(s.text for s in suggestions)),
                )
                conn.execute(
                    "UPDATE suggestions SET superseded_at = NULL WHERE session_id = ? AND"
                    f" turn_idx = ? AND text IN ({marks})",
                    (session_id, turn_idx, *(s.text for s in suggestions)),
                )
            for rank, suggestion in enumerate(suggestions, start=1):
                emphasis = tuple(getattr(suggestion, "emphasis", ()) or ())
                conn.execute(
                    "INSERT OR IGNORE INTO suggestions (session_id, turn_idx, rank, intent, text,"
                    " why, emphasis, shown_at) VALUES (?,?,?,?,?,?,?,?)",
                    (
                        session_id,
                        turn_idx,
                        rank,
                        suggestion.intent,
                        suggestion.text,
                        suggestion.why or "",
                        json.dumps([str(e) for e in emphasis], ensure_ascii=False),
                        now,
                    ),
                )
            if suggestions:
                self._touch(conn, session_id, now)
            out: list[StoredSuggestion] = []
            for suggestion in suggestions:
                row = conn.execute(
                    f"SELECT {self._SUGGESTION_COLUMNS} FROM suggestions"
                    " WHERE session_id = ? AND turn_idx = ? AND text = ?",
                    (session_id, turn_idx, suggestion.text),
                ).fetchone()
                out.append(self._suggestion_row(row))
        return tuple(out)

    def mark_suggestion_used(self, session_id: int, suggestion_id: int) -> StoredSuggestion:
        """The interviewer clicked (asked) this suggestion; the first click time is kept."""
        now = self._now()
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE suggestions SET used_at = coalesce(used_at, ?)"
                " WHERE session_id = ? AND id = ?",
                (now, session_id, suggestion_id),
            )
            if cursor.rowcount == 0:
                raise StorageError(
                    f"session {session_id} has no suggestion {suggestion_id}", where=str(self.path)
                )
            self._touch(conn, session_id, now)
            row = conn.execute(
                f"SELECT {self._SUGGESTION_COLUMNS} FROM suggestions WHERE id = ?",
                (suggestion_id,),
            ).fetchone()
        return self._suggestion_row(row)

    def suggestions(
        self, session_id: int, turn_idx: int | None = None, *, include_superseded: bool = False
    ) -> tuple[StoredSuggestion, ...]:
        """Suggestions shown in the session (or after one turn), by turn then rank."""
        query = f"SELECT {self._SUGGESTION_COLUMNS} FROM suggestions WHERE session_id = ?"
        if not include_superseded:
            query += " AND superseded_at IS NULL"
        params: tuple[int, ...] = (session_id,)
        if turn_idx is not None:
            query += " AND turn_idx = ?"
            params = (session_id, turn_idx)
        with self._read() as conn:
            rows = conn.execute(query + " ORDER BY turn_idx, rank, id", params).fetchall()
        return tuple(self._suggestion_row(r) for r in rows)

    # -- flags -------------------------------------------------------------

    _FLAG_COLUMNS = (
        "session_id, turn_idx, form, leading, double, why, explanation, rewrite, created_at"
    )

    @staticmethod
    def _flag_row(row: sqlite3.Row) -> StoredFlag:
        return StoredFlag(
            session_id=int(row["session_id"]),
            turn_idx=int(row["turn_idx"]),
            form=cast(Form, str(row["form"])),
            leading=bool(row["leading"]),
            double=bool(row["double"]),
            why=bool(row["why"]),
            explanation=str(row["explanation"]),
            rewrite=row["rewrite"],
            created_at=_req_ts(str(row["created_at"])),
        )

    def record_flag(self, session_id: int, turn_idx: int, analysis: AnalysisLike) -> StoredFlag:
        """Store (or replace, after an edit) the analysis of an interviewer turn."""
        now = self._now()
        with self._write() as conn:
            self._require_session(conn, session_id)
            conn.execute(
                f"INSERT OR REPLACE INTO flags ({self._FLAG_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    session_id,
                    turn_idx,
                    analysis.form,
                    int(analysis.leading),
                    int(analysis.double),
                    int(analysis.why),
                    analysis.explanation or "",
                    analysis.rewrite,
                    now,
                ),
            )
            self._touch(conn, session_id, now)
            row = conn.execute(
                f"SELECT {self._FLAG_COLUMNS} FROM flags WHERE session_id = ? AND turn_idx = ?",
                (session_id, turn_idx),
            ).fetchone()
        return self._flag_row(row)

    def drop_flag(self, session_id: int, turn_idx: int) -> None:
        """Forget a turn's verdict (a corrected turn is no longer the interviewer's)."""
        now = self._now()
        with self._write() as conn:
            conn.execute(
                "DELETE FROM flags WHERE session_id = ? AND turn_idx = ?", (session_id, turn_idx)
            )
            self._touch(conn, session_id, now)

    def flags(self, session_id: int) -> tuple[StoredFlag, ...]:
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT {self._FLAG_COLUMNS} FROM flags WHERE session_id = ? ORDER BY turn_idx",
                (session_id,),
            ).fetchall()
        return tuple(self._flag_row(r) for r in rows)

    # -- guide coverage ----------------------------------------------------

    def mark_covered(
        self,
        session_id: int,
        question_id: str,
        how: CoverHow = "manual",
        turn_idx: int | None = None,
    ) -> StoredCoverage:
        """Tick a guide question. The first tick is kept; a manual click upgrades 'auto'."""
        if how not in ("auto", "manual"):
            raise StorageError(f"unknown coverage kind '{how}'", where=str(self.path))
        now = self._now()
        with self._write() as conn:
            self._require_session(conn, session_id)
            conn.execute(
                "INSERT INTO covered (session_id, question_id, how, turn_idx, covered_at)"
                " VALUES (?,?,?,?,?) ON CONFLICT (session_id, question_id) DO UPDATE SET"
                " how = CASE WHEN excluded.how = 'manual' THEN 'manual' ELSE covered.how END",
                (session_id, question_id, how, turn_idx, now),
            )
            self._touch(conn, session_id, now)
            row = conn.execute(
                "SELECT session_id, question_id, how, turn_idx, covered_at FROM covered"
                " WHERE session_id = ? AND question_id = ?",
                (session_id, question_id),
            ).fetchone()
        return self._coverage_row(row)

    def unmark_covered(self, session_id: int, question_id: str) -> None:
        """Untick a guide question (the user clicked a tick by mistake)."""
        now = self._now()
        with self._write() as conn:
            conn.execute(
                "DELETE FROM covered WHERE session_id = ? AND question_id = ?",
                (session_id, question_id),
            )
            self._touch(conn, session_id, now)

    @staticmethod
    def _coverage_row(row: sqlite3.Row) -> StoredCoverage:
        return StoredCoverage(
            session_id=int(row["session_id"]),
            question_id=str(row["question_id"]),
            how=cast(CoverHow, row["how"]),
            turn_idx=row["turn_idx"],
            covered_at=_req_ts(str(row["covered_at"])),
        )

    def covered(self, session_id: int) -> tuple[StoredCoverage, ...]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT session_id, question_id, how, turn_idx, covered_at FROM covered"
                " WHERE session_id = ? ORDER BY covered_at, question_id",
                (session_id,),
            ).fetchall()
        return tuple(self._coverage_row(r) for r in rows)

    # -- notes -------------------------------------------------------------

    def add_note(self, session_id: int, text: str, turn_idx: int | None = None) -> StoredNote:
        """A time-stamped note (e.g. "sighs", "long pause"), optionally on a turn."""
        now = self._now()
        with self._write() as conn:
            self._require_session(conn, session_id)
            cursor = conn.execute(
                "INSERT INTO notes (session_id, turn_idx, text, created_at) VALUES (?,?,?,?)",
                (session_id, turn_idx, text, now),
            )
            self._touch(conn, session_id, now)
            note_id = int(cast(int, cursor.lastrowid))
        return StoredNote(
            id=note_id,
            session_id=session_id,
            turn_idx=turn_idx,
            text=text,
            created_at=_req_ts(now),
        )

    def notes(self, session_id: int) -> tuple[StoredNote, ...]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT id, session_id, turn_idx, text, created_at FROM notes"
                " WHERE session_id = ? ORDER BY id",
                (session_id,),
            ).fetchall()
        return tuple(
            StoredNote(
                id=int(r["id"]),
                session_id=int(r["session_id"]),
                turn_idx=r["turn_idx"],
                text=str(r["text"]),
                created_at=_req_ts(str(r["created_at"])),
            )
            for r in rows
        )


def _explain(exc: sqlite3.Error) -> str:
    """Turn SQLite's terse messages into something a researcher can act on."""
    text = str(exc)
    lowered = text.lower()
    if "malformed" in lowered:
        return DAMAGED
    if "not a database" in lowered:
        return "is not an intervju session database (or is damaged); it was left untouched"
    if "locked" in lowered or "busy" in lowered:
        return "the session database is locked by another program; try again in a moment"
    if "readonly" in lowered or "read-only" in lowered:
        return "the session database is read-only; check the file's permissions"
    if "unable to open" in lowered:
        return "cannot open the session database file (check the folder's permissions)"
    if "disk" in lowered and "full" in lowered:
        return "the disk is full; the last change was not saved"
    return f"session database error ({text})"
