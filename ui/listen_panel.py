"""The «Lytt» control on the live page: start, stop and watch a local listener.

All process handling is in :mod:`intervju.listen.process`; this panel only
collects the options, starts the listener for the current session and points
the page's existing file following at the WebVTT the listener writes, so the
listener's turns arrive like any other followed file. The listener runs in
its own process (the page stays responsive) and reports through a status
file, so a reload finds it again.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from intervju import follow as following
from intervju.errors import IntervjuError
from intervju.listen.languages import languages
from intervju.listen.process import (
    ListenerStatus,
    ListenOptions,
    read_status,
    session_paths,
    start_listener,
    stop_listener,
)
from intervju.storage import SessionInfo, SessionStore

from .strings import t

MODELS = ("base", "tiny.en")
_OWN = "own"


def _paths(store: SessionStore, session_id: int) -> tuple[Path, Path]:
    return session_paths(store.path.parent, session_id)


def _on_start(store: SessionStore, info: SessionInfo) -> None:
    vtt, status = _paths(store, info.id)
    choice = st.session_state.get("listen_model", MODELS[0])
    model = str(st.session_state.get("listen_model_path") or "") if choice == _OWN else choice
    in_person = bool(st.session_state.get("listen_in_person"))
    options = ListenOptions(
        out=vtt,
        model=model.strip() or MODELS[0],
        language=str(st.session_state.get("listen_language") or "nb"),
        mic=str(st.session_state.get("listen_mic") or "").strip() or None,
        system="none"
        if in_person
        else (str(st.session_state.get("listen_system") or "").strip() or None),
        status=status,
    )
    try:
        start_listener(options)
    except IntervjuError as exc:
        st.session_state["listen_error"] = str(exc)
        return
    st.session_state.pop("listen_error", None)
    try:
        following.start(store, info.id, str(vtt), "vtt")  # the session follows its listener
    except IntervjuError as exc:
        st.session_state["listen_error"] = str(exc)


def _on_stop(store: SessionStore, session_id: int) -> None:
    status = _paths(store, session_id)[1]
    stop_listener(status, wait=5.0)


def _status_line(status: ListenerStatus) -> str:
    return t(
        "listen_status",
        state=t(f"listen_state_{status.state}"),
        model=status.model,
        language=status.language,
        behind=status.behind_seconds,
        cues=status.cues,
    )


@st.fragment(run_every=2.0)
def _live_status(store: SessionStore, session_id: int) -> None:
    status = read_status(_paths(store, session_id)[1])
    if status is None:
        return
    if status.state == "error" and status.error:
        st.error(status.error, icon="⚠️")
    elif status.alive:
        st.caption(_status_line(status))
        st.button(t("listen_stop"), key="listen_stop", on_click=_on_stop, args=(store, session_id))
    else:
        st.caption(_status_line(status))
    if st.session_state.get("listen_alive") != status.alive:  # started or ended: redraw the form
        st.session_state["listen_alive"] = status.alive
        st.rerun()


def render(store: SessionStore, info: SessionInfo) -> None:
    """The whole control, one call from the live page."""
    status = read_status(_paths(store, info.id)[1])
    running = status is not None and status.alive
    failed = status is not None and status.state == "error"
    st.session_state["listen_alive"] = running
    error = st.session_state.get("listen_error")
    with st.expander(t("listen_title"), expanded=running or failed or bool(error)):
        if error:
            st.error(error, icon="⚠️")
        if not running:
            _form(store, info)
        _live_status(store, info.id)


def _form(store: SessionStore, info: SessionInfo) -> None:
    st.caption(t("listen_help"))
    cols = st.columns(2)
    cols[0].selectbox(
        t("listen_model"),
        [*MODELS, _OWN],
        key="listen_model",
        format_func=lambda m: t("listen_model_folder") if m == _OWN else m,
    )
    codes = list(languages())
    default = info.language if info.language in codes else codes[0]
    cols[1].selectbox(
        t("listen_language"), codes, index=codes.index(default), key="listen_language"
    )
    if st.session_state.get("listen_model") == _OWN:
        st.text_input(t("listen_model_path"), key="listen_model_path")
    st.checkbox(t("listen_in_person"), key="listen_in_person")
    cols = st.columns(2)
    cols[0].text_input(t("listen_mic"), key="listen_mic")
    cols[1].text_input(t("listen_system"), key="listen_system")
    st.button(
        t("listen_start"),
        key="listen_start",
        on_click=_on_start,
        args=(store, info),
        type="primary",
    )
