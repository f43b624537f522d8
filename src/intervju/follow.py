"""Following a transcript file: owned by the session, one follower per session.

A transcription tool keeps appending to a file; the live page (any number of
tabs) or ``intervju session follow`` polls it and stores new turns. Which file
a session follows is stored *in the session* (``SessionStore.set_follow``),
not in a browser tab's URL, so every tab and process agrees. Within a process
there is exactly one :class:`~intervju.ingest.FileFollower` per database and
session (this module's registry), and every poll reads the stored turns,
the file and writes the difference in one write transaction
(:func:`intervju.ingest.ingest_file_poll`), so tabs and processes polling at
the same moment store each turn once.

Front ends call only :func:`start`, :func:`stop`, :func:`poll` and
:func:`follow_until_idle`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from .errors import TranscriptError
from .files import check_regular
from .ingest import FileFollower, IngestResult, ingest_file_poll
from .storage import SessionInfo, SessionStore

_FOLLOWERS: dict[tuple[str, int], FileFollower] = {}
_LOCK = threading.Lock()
_NOTHING = IngestResult(edited=(), added=())
_FORMATS = ("auto", "vtt", "txt", "srt")


def _key(store: SessionStore, session_id: int) -> tuple[str, int]:
    return str(store.path.resolve()), session_id


def start(store: SessionStore, session_id: int, path: str, format: str = "auto") -> SessionInfo:
    """Follow ``path`` in this session (it may not exist yet; it must not be a FIFO or folder)."""
    chosen = (format or "auto").lower()
    if chosen not in _FORMATS:
        raise TranscriptError(
            f"cannot follow format {format!r}; choose {', '.join(_FORMATS)}", where=path
        )
    target = Path(path.strip()).expanduser().absolute()
    check_regular(target, str(target))
    return store.set_follow(session_id, str(target), chosen)


def stop(store: SessionStore, session_id: int) -> SessionInfo:
    """Stop following; the turns already stored stay."""
    with _LOCK:
        _FOLLOWERS.pop(_key(store, session_id), None)
    return store.set_follow(session_id, None)


def follower(store: SessionStore, session_id: int) -> FileFollower | None:
    """The one follower of this session in this process (None when it follows nothing)."""
    info = store.get_session(session_id)
    key = _key(store, session_id)
    with _LOCK:
        if info.follow_path is None:
            _FOLLOWERS.pop(key, None)
            return None
        current = _FOLLOWERS.get(key)
        fmt = info.follow_format or "auto"
        if current is None or str(current.path) != info.follow_path or current.format != fmt:
            current = FileFollower(info.follow_path, format=fmt)
            _FOLLOWERS[key] = current
        return current


def poll(store: SessionStore, session_id: int) -> IngestResult:
    """One poll of the session's followed file, stored (empty when nothing changed)."""
    found = follower(store, session_id)
    if found is None:
        return _NOTHING
    return ingest_file_poll(store, session_id, found)


def follow_until_idle(
    store: SessionStore,
    session_id: int,
    *,
    interval: float = 1.0,
    idle_exit: float | None = None,
    on_result: Callable[[IngestResult], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[int, int]:
    """Poll until the file has not changed for ``idle_exit`` seconds (forever if None).

    Returns (turns added, turns revised) over the whole run.
    """
    added = revised = 0
    quiet_since = time.monotonic()
    while idle_exit is None or time.monotonic() - quiet_since < idle_exit:
        result = poll(store, session_id)
        found = follower(store, session_id)
        if result or (found is not None and found.changed()):
            quiet_since = time.monotonic()
        if result:
            added += len(result.added)
            revised += len(result.edited)
            if on_result is not None:
                on_result(result)
        sleep(interval)
    return added, revised
