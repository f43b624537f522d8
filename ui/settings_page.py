"""Innstillinger: language, embedding backend, and where the data lives.

The settings file lives inside the data folder, so the folder itself is
chosen outside the app (``INTERVJU_DATA_DIR``); the page shows it plainly,
because researchers must know where their interviews are stored.
"""

from __future__ import annotations

import os

import streamlit as st

from intervju.errors import IntervjuError
from intervju.settings import EMBEDDINGS_BACKENDS, LANGUAGES, Settings, save_settings

from . import resources
from .strings import t

_LANGUAGE_NAMES = {"nb": "Norsk (bokmål)", "en": "English"}


def _on_save() -> None:
    settings: Settings = st.session_state["settings"]
    model = str(st.session_state.get("set_model") or "").strip() or None
    try:
        updated = settings.with_changes(
            language=st.session_state.get("set_lang", settings.language),
            embeddings_backend=st.session_state.get("set_backend", settings.embeddings_backend),
            embeddings_model=model,
        )
        path = save_settings(updated)
    except IntervjuError as exc:
        st.session_state["settings_flash"] = ("error", str(exc))
        return
    st.session_state["settings"] = updated
    st.session_state["lang"] = updated.language
    st.session_state["settings_flash"] = ("success", t("settings_saved", path=path))


def render() -> None:
    settings: Settings = st.session_state["settings"]
    st.title(t("page_settings"))
    flash = st.session_state.pop("settings_flash", None)
    if flash is not None:
        kind, message = flash
        (st.error if kind == "error" else st.success)(message)
    st.radio(
        t("settings_language"),
        list(LANGUAGES),
        index=list(LANGUAGES).index(settings.language),
        format_func=lambda code: _LANGUAGE_NAMES.get(code, code),
        key="set_lang",
        horizontal=True,
    )
    st.radio(
        t("settings_backend"),
        list(EMBEDDINGS_BACKENDS),
        index=list(EMBEDDINGS_BACKENDS).index(settings.embeddings_backend),
        key="set_backend",
        horizontal=True,
        help=t("settings_backend_help"),
    )
    st.text_input(t("settings_model"), value=settings.embeddings_model or "", key="set_model")
    env = os.environ.get(resources.ENV_EMBEDDINGS, "").strip()
    if env:
        st.caption(t("settings_env_override", value=env))
    st.button(t("settings_save"), on_click=_on_save, type="primary")
    st.divider()
    st.subheader(t("settings_data"))
    st.code(str(settings.data_dir), language=None)
    st.caption(t("settings_data_help", db=settings.db_path))
    st.caption(t("settings_privacy"))
