"""The one place that holds heavy, shared objects (``st.cache_resource``).

Why one module: the embedder (~100 MB, seconds to load), the guides' cached
vectors, the SQLite store and the per-interview ``LiveSession`` must be built
once per server process and shared by every browser tab and rerun. Keeping
them here, keyed by plain strings, makes the app's memory footprint and the
life cycle of each object visible in one file; ``st.session_state`` holds only
UI state (which speaker is next, which expander is open).

The database is the truth. A :class:`LiveHandle` is a *derived* view of one
session: on first use it replays the stored turns through the core (no
suggestions are recomputed, except for a last turn whose suggestions were
never stored, e.g. after a crash between commit and display), and afterwards
:func:`feed` pushes each newly committed turn through the live engine and
records what it produced (flags, suggestions shown, automatic coverage) back
into the store before anything is rendered. So a browser reload or a server
restart shows exactly what was shown before.

``INTERVJU_EMBEDDINGS=hashing`` selects :class:`intervju.fakes.HashingEmbeddings`
(fast, meaningless): for UI tests only.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st
from langchain_core.embeddings import Embeddings

from intervju.embeddings import embed_queries, get_embeddings
from intervju.errors import ConfigError, GuideError
from intervju.guides import bundled_guides, load_guide
from intervju.ingest import FileFollower
from intervju.live import LiveSession, LiveUpdate
from intervju.models import Guide
from intervju.settings import Settings, load_settings
from intervju.storage import SessionStore, StoredTurn
from intervju.tracking import GuideNext

_WARM_UP = (
    "Hvordan opplevde du det første videomøtet?",
    "Det var uvant, jeg savnet å se hele personen og kroppsspråket hennes.",
)
ENV_EMBEDDINGS = "INTERVJU_EMBEDDINGS"
ENV_EMBEDDINGS_MODEL = "INTERVJU_EMBEDDINGS_MODEL"
USER_GUIDES = "guides"


# ---------------------------------------------------------------------------
# Settings (cheap: a small JSON file, read every run so changes apply at once)


def app_settings() -> tuple[Settings, str | None]:
    """The saved settings, or defaults plus the error message if the file is bad."""
    try:
        return load_settings(), None
    except ConfigError as exc:
        from intervju.settings import default_data_dir

        return Settings(data_dir=default_data_dir()), str(exc)


def embeddings_choice(settings: Settings) -> tuple[str, str | None]:
    """(backend, model): the environment overrides the saved setting (tests, power users)."""
    env = os.environ.get(ENV_EMBEDDINGS, "").strip().lower()
    if env:
        return env, os.environ.get(ENV_EMBEDDINGS_MODEL) or None
    return settings.embeddings_backend, settings.embeddings_model


# ---------------------------------------------------------------------------
# Heavy shared objects


@st.cache_resource(show_spinner=False)
def embedder(backend: str, model: str | None) -> Embeddings:
    """The embedding backend (built once per process and choice)."""
    if backend == "hashing":
        from intervju.fakes import HashingEmbeddings

        return HashingEmbeddings()
    emb = get_embeddings(backend, model)
    # Warm up now, while the page shows a spinner: the first real call pays for
    # loading the model into memory (seconds), which must not hit the first turn.
    embed_queries(emb, [_WARM_UP[0]])
    embed_queries(emb, list(_WARM_UP))
    return emb


def current_embedder(settings: Settings) -> Embeddings:
    backend, model = embeddings_choice(settings)
    return embedder(backend, model)


@st.cache_resource(show_spinner=False)
def session_store(db_path: str) -> SessionStore:
    """One SQLite store per database file, shared by every tab (it is thread-safe)."""
    return SessionStore(db_path)


def store_for(settings: Settings) -> SessionStore:
    return session_store(str(settings.db_path))


def user_guides_dir(settings: Settings) -> Path:
    return settings.data_dir / USER_GUIDES


def guide_choices(settings: Settings) -> dict[str, Path]:
    """Bundled guides and the user's own (data folder), by display key."""
    choices: dict[str, Path] = dict(bundled_guides())
    folder = user_guides_dir(settings)
    if folder.is_dir():
        for path in sorted(folder.glob("*.yaml")):
            choices.setdefault(path.stem, path)
    return choices


@st.cache_resource(show_spinner=False, max_entries=32)
def _guide_cached(path: str, mtime_ns: int) -> Guide:
    return load_guide(path)


def guide_at(path: Path) -> Guide:
    """A validated guide, re-read when its file changes (raises GuideError)."""
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise GuideError(f"cannot read file ({exc.strerror})", where=str(path)) from None
    return _guide_cached(str(path), mtime)


# ---------------------------------------------------------------------------
# Live sessions


@st.cache_resource(show_spinner=False, max_entries=16)
def _base_live(
    guide_key: str, embed_key: str, _guide: Guide | None, _emb: Embeddings
) -> LiveSession:
    """An empty session holding the embedder, guide vectors and probe index.

    ``LiveSession.fresh()`` reuses all of it, so each interview costs nothing
    to set up beyond replaying its own turns.
    """
    return LiveSession(_guide, _emb)


@dataclass
class LiveHandle:
    """The live engine's state for one stored session (derived from the store)."""

    session_id: int
    live: LiveSession
    applied: int = 0  # stored turns fed to ``live`` (turn idx < applied)
    texts: list[str] = field(default_factory=list)  # as fed, to notice edits
    guide_next: GuideNext | None = None
    seen_covered: set[str] = field(default_factory=set)  # ids the engine covered so far
    lock: threading.RLock = field(default_factory=threading.RLock)


@st.cache_resource(show_spinner=False)
def _handles() -> dict[tuple[str, int], LiveHandle]:
    return {}


_HANDLES_LOCK = threading.Lock()


def live_handle(
    store: SessionStore, session_id: int, emb: Embeddings, embed_key: str
) -> LiveHandle:
    """The cached handle for a session, built by replaying its stored turns once."""
    key = (str(store.path), session_id)
    with _HANDLES_LOCK:
        handle = _handles().get(key)
    if handle is not None:
        sync(store, handle)
        return handle
    guide = store.session_guide(session_id)
    guide_key = store.guide_yaml(session_id) or ""
    digest = hashlib.sha256(guide_key.encode("utf-8")).hexdigest()
    base = _base_live(digest, embed_key, guide, emb)
    handle = LiveHandle(session_id=session_id, live=base.fresh())
    with handle.lock:
        stored = store.covered(session_id)
        for item in stored:
            if item.how == "manual" and guide is not None:
                _tick(handle, item.question_id)
        _replay(store, handle)
    if not stored:
        # Nothing ticked yet, e.g. a transcript imported by the CLI: store what
        # the replay covered. (Afterwards, a tick the user removed stays removed.)
        adopt_coverage(store, handle)
    with _HANDLES_LOCK:
        _handles()[key] = handle
    return handle


def forget(store: SessionStore, session_id: int) -> None:
    """Drop a session's cached engine state (after delete, or to rebuild)."""
    with _HANDLES_LOCK:
        _handles().pop((str(store.path), session_id), None)


def _tick(handle: LiveHandle, question_id: str) -> None:
    try:
        handle.live.mark_covered(question_id)
    except Exception:  # an id from an older guide snapshot: nothing to tick
        return


def _replay(store: SessionStore, handle: LiveHandle) -> None:
    """Feed every stored turn; record only what is missing (crash between commit and show)."""
    turns = store.turns(handle.session_id)
    if not turns:
        handle.guide_next = handle.live.next_question()
        return
    have_flags = {f.turn_idx for f in store.flags(handle.session_id)}
    have_suggestions = {s.turn_idx for s in store.suggestions(handle.session_id)}
    last = turns[-1].idx
    for turn in turns:
        suggest = turn.idx == last and turn.idx not in have_suggestions
        update = _add(handle, turn, suggest)
        if update.analysis is not None and turn.idx not in have_flags:
            store.record_flag(handle.session_id, turn.idx, update.analysis)
        if suggest and update.suggestions:
            store.record_suggestions(handle.session_id, turn.idx, update.suggestions)
    # Coverage was recorded when the turns were first fed; a tick the user removed
    # since then must stay removed, so nothing is re-recorded here.
    handle.seen_covered = set(handle.live.coverage().covered)
    handle.guide_next = handle.live.next_question()


def _add(handle: LiveHandle, turn: StoredTurn, suggest: bool) -> LiveUpdate:
    role = turn.role if turn.role != "unknown" else None
    update = handle.live.add_turn(
        turn.speaker, turn.text, role, turn.start, turn.end, suggest_followups=suggest
    )
    handle.applied = turn.idx + 1
    handle.texts.append(turn.text)
    return update


def _record_coverage(store: SessionStore, handle: LiveHandle, turn_idx: int | None) -> None:
    """Store the guide questions the engine newly counts as covered."""
    now = set(handle.live.coverage().covered)
    for question_id in sorted(now - handle.seen_covered):
        store.mark_covered(handle.session_id, question_id, "auto", turn_idx)
    handle.seen_covered = now


def adopt_coverage(store: SessionStore, handle: LiveHandle) -> None:
    """Record what the engine covered while replaying turns that were never fed live.

    For a session just created from a finished transcript: its turns went
    straight into the store, so their automatic ticks are stored now, once.
    """
    with handle.lock:
        turns = store.turns(handle.session_id)
        handle.seen_covered = set()
        _record_coverage(store, handle, turns[-1].idx if turns else None)


def sync(store: SessionStore, handle: LiveHandle) -> None:
    """Feed turns committed elsewhere (another tab, a paste, a followed file)."""
    with handle.lock:
        turns = store.turns(handle.session_id)
        if len(turns) > handle.applied:
            feed(store, handle, turns[handle.applied :])


def feed(store: SessionStore, handle: LiveHandle, turns: Sequence[StoredTurn]) -> LiveUpdate | None:
    """Push newly *committed* turns through the engine and store what it produced.

    Only the last turn's follow-ups are computed and recorded (they are the
    ones shown); every interviewer turn gets its flag stored for review.
    Returns the last update (None if every turn was already fed).
    """
    update: LiveUpdate | None = None
    with handle.lock:
        fresh = [t for t in turns if t.idx >= handle.applied]
        if not fresh:
            return None
        sid = handle.session_id
        for position, turn in enumerate(fresh):
            is_last = position == len(fresh) - 1
            update = _add(handle, turn, suggest=is_last)
            if turn.role == "unknown" and update.turn.role != "unknown":
                store.update_turn_role(sid, turn.idx, update.turn.role)
            if update.analysis is not None:
                store.record_flag(sid, turn.idx, update.analysis)
            if is_last and update.suggestions:
                store.record_suggestions(sid, turn.idx, update.suggestions)
        _record_coverage(store, handle, fresh[-1].idx)
        if update is not None and update.guide_next is not None:
            handle.guide_next = update.guide_next
        elif update is not None and update.turn.role == "interviewer":
            handle.guide_next = handle.live.next_question()
    return update


def mark_covered(store: SessionStore, handle: LiveHandle, question_id: str) -> None:
    """The user ticked a guide question (or clicked it as asked)."""
    with handle.lock:
        turns = store.turns(handle.session_id)
        store.mark_covered(
            handle.session_id, question_id, "manual", turns[-1].idx if turns else None
        )
        _tick(handle, question_id)
        handle.guide_next = handle.live.next_question()


@st.cache_resource(show_spinner=False, max_entries=8)
def file_follower(db_path: str, session_id: int, path: str) -> FileFollower:
    """One follower per followed file and session (it remembers the file's size)."""
    return FileFollower(path)


def unmark_covered(store: SessionStore, handle: LiveHandle, question_id: str) -> None:
    """Untick: the engine cannot untick, so the session's state is rebuilt from the store."""
    store.unmark_covered(handle.session_id, question_id)
    forget(store, handle.session_id)
