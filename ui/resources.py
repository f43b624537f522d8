"""The one place that holds heavy, shared objects (``st.cache_resource``).

Why one module: the embedder (~100 MB, seconds to load), the guides' cached
vectors, the SQLite store and the per-interview ``LiveSession`` must be built
once per server process and shared by every browser tab and rerun. Keeping
them here, keyed by plain strings, makes the app's memory footprint and the
life cycle of each object visible in one file; ``st.session_state`` holds only
UI state (which speaker is next, which expander is open).

The database is the truth. Each interview's engine state is an
:class:`intervju.recorder.Recorder` (core code, tested without a browser): it
replays the stored turns once, then records what the engine produces for each
newly committed turn before anything is rendered, so a browser reload or a
server restart shows exactly what was shown before. This module only caches
one recorder per database, session and embedder; file following
is the core's (:mod:`intervju.follow`), one follower per session.

``INTERVJU_EMBEDDINGS=hashing`` selects :class:`intervju.fakes.HashingEmbeddings`
(fast, meaningless): for UI tests only.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import streamlit as st
from langchain_core.embeddings import Embeddings

from intervju import guides
from intervju.embeddings import embed_queries, get_embeddings
from intervju.errors import ConfigError, GuideError
from intervju.guides import load_guide
from intervju.live import LiveSession
from intervju.models import Guide
from intervju.recorder import Recorder
from intervju.settings import Settings, load_settings
from intervju.settings import embeddings_choice as core_embeddings_choice
from intervju.storage import SessionStore

_WARM_UP = (
    "Hvordan opplevde du det første videomøtet?",
    "Det var uvant, jeg savnet å se hele personen og kroppsspråket hennes.",
)
ENV_EMBEDDINGS = "INTERVJU_EMBEDDINGS"
ENV_EMBEDDINGS_MODEL = "INTERVJU_EMBEDDINGS_MODEL"


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
    """(backend, model): the core's rule (environment, then saved settings, then default)."""
    return core_embeddings_choice(settings=settings)


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
    return guides.user_guides_dir(settings.data_dir)


def guide_choices(settings: Settings) -> dict[str, Path]:
    """Bundled guides and the user's own (data folder), by name: the core's library."""
    return guides.guide_library(settings.data_dir)


def guide_titles(settings: Settings) -> dict[str, str]:
    """Each guide's title by library name (a file that does not load keeps its name)."""
    titles: dict[str, str] = {}
    for name, path in guide_choices(settings).items():
        try:
            titles[name] = guide_at(path).title
        except GuideError:
            titles[name] = name
    return titles


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


# The engine state of one stored session lives in the core (intervju.recorder):
# this module only caches one Recorder per process, database and session.
@st.cache_resource(show_spinner=False)
def _handles() -> dict[tuple[str, int, str], Recorder]:
    return {}


_HANDLES_LOCK = threading.Lock()


def live_handle(
    store: SessionStore, session_id: int, emb: Embeddings, embed_key: str, *, sync: bool = True
) -> Recorder:
    """The cached recorder for a session, built by replaying its stored turns once.

    ``sync`` feeds turns committed elsewhere (another tab); a paste that may also
    edit the last turn passes False and revises before it syncs.
    """
    # Keyed with the embedder too: after a backend change an open session is rebuilt
    # with the new one instead of keeping vectors from the old.
    key = (str(store.path), session_id, embed_key)
    with _HANDLES_LOCK:  # built under the lock: two tabs never replay one session twice
        handle = _handles().get(key)
        if handle is None:
            guide = store.session_guide(session_id)
            guide_key = store.guide_yaml(session_id) or ""
            digest = hashlib.sha256(guide_key.encode("utf-8")).hexdigest()
            handle = Recorder.open(store, session_id, _base_live(digest, embed_key, guide, emb))
            _handles()[key] = handle
            return handle
    if sync:
        handle.sync()
    return handle


def forget(store: SessionStore, session_id: int) -> None:
    """Drop a session's cached engine state (after delete)."""
    with _HANDLES_LOCK:
        for key in [k for k in _handles() if k[:2] == (str(store.path), session_id)]:
            _handles().pop(key, None)
