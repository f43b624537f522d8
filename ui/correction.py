"""«Rett»: correct a stored turn's text or speaker, delete it, undo the last change.

Everything is done by the core (:meth:`intervju.recorder.Recorder.edit_turn`,
``delete_turn``, ``undo``): one committed write, then the engine replays the session so
the flag, the cards and the guide ticks follow. This module only draws the controls: a
popover next to the newest turns (the newest turn is chosen by default) and an undo
button while there is something to undo.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from intervju.errors import IntervjuError
from intervju.recorder import Recorder
from intervju.storage import SessionStore, StoredTurn

from .strings import role_label, t

PICKABLE = 8  # the latest turns offered for correction (older ones: export and edit)
_ROLES = ("interviewer", "informant")


def _flash(kind: str, message: str) -> None:
    st.session_state["live_flash"] = (kind, message)


def _run(action: Callable[[], object], done: str) -> None:
    for key in [k for k in st.session_state if str(k).startswith(("fix_text_", "fix_role_"))]:
        del st.session_state[key]  # the editor shows the stored turn again
    try:
        result = action()
    except IntervjuError as exc:
        _flash("error", exc.localised(str(st.session_state.get("lang", "nb"))))
        return
    _flash("success" if result is not None else "info", t(done) if result else t("fix_nothing"))


def _on_save(handle: Recorder, idx: int) -> None:
    text = str(st.session_state.get(f"fix_text_{idx}") or "")
    role = st.session_state.get(f"fix_role_{idx}")
    turns = {turn.idx: turn for turn in handle.store.turns(handle.session_id)}
    turn = turns.get(idx)
    if turn is None:
        return
    new_role = role if role in _ROLES and role != turn.role else None
    new_text = text if " ".join(text.split()) != turn.text else None
    if new_role is None and new_text is None:
        return
    # A speaker change renames a turn that carried the role's label («Forsker»).
    speaker = role_label(new_role) if new_role and turn.speaker == role_label(turn.role) else None
    _run(lambda: handle.edit_turn(idx, text=new_text, role=new_role, speaker=speaker), "fix_done")


def _on_delete(handle: Recorder, idx: int) -> None:
    _run(lambda: handle.delete_turn(idx), "fix_deleted")


def _on_undo(handle: Recorder) -> None:
    _run(handle.undo, "fix_undone")


def _label(turn: StoredTurn) -> str:
    words = turn.text.split()
    start = " ".join(words[:6]) + (" …" if len(words) > 6 else "")
    return f"{turn.idx + 1}. {turn.speaker}: {start}"


def render(
    store: SessionStore, session_id: int, turns: tuple[StoredTurn, ...], handle: Recorder
) -> None:
    """The «Rett» popover and «Angre», in one row under the newest turn."""
    if not turns:
        return
    with st.container(horizontal=True, vertical_alignment="center", key="fix_row"):
        with st.popover(t("fix_turn"), type="tertiary", key="fix_pop"):
            _editor(turns, handle)
        if store.turn_changes(session_id):
            st.button(
                t("fix_undo"),
                key="fix_undo",
                on_click=_on_undo,
                args=(handle,),
                help=t("fix_undo_help"),
                type="tertiary",
            )


def _editor(turns: tuple[StoredTurn, ...], handle: Recorder) -> None:
    pickable = list(reversed(turns[-PICKABLE:]))
    by_idx = {turn.idx: turn for turn in pickable}
    idx = st.selectbox(
        t("fix_pick"),
        list(by_idx),
        format_func=lambda i: _label(by_idx[i]),
        key=f"fix_pick_{turns[-1].idx}",  # a new turn: the newest is chosen again
    )
    turn = by_idx.get(idx if isinstance(idx, int) else pickable[0].idx, pickable[0])
    st.text_area(t("fix_text"), value=turn.text, key=f"fix_text_{turn.idx}", height=110)
    st.radio(
        t("fix_speaker"),
        _ROLES,
        index=_ROLES.index(turn.role) if turn.role in _ROLES else 1,
        format_func=role_label,
        horizontal=True,
        key=f"fix_role_{turn.idx}",
    )
    with st.container(horizontal=True):
        st.button(
            t("fix_save"),
            key="fix_save",
            on_click=_on_save,
            args=(handle, turn.idx),
            type="primary",
        )
        st.button(t("fix_delete"), key="fix_delete", on_click=_on_delete, args=(handle, turn.idx))
