"""Innstillinger: language, embedding backend, optional language model, and where the data lives.

The settings file lives inside the data folder, so the choice of folder is
remembered outside it (:func:`intervju.settings.choose_data_dir`); the page
shows it plainly, because researchers must know where their interviews are
stored. The optional
language model (:mod:`intervju.llm`) is configured here too; the page says
plainly when a choice would send text off the machine, and API keys are never
asked for (they stay in the environment).
"""

from __future__ import annotations

import os

import streamlit as st

from intervju.errors import IntervjuError
from intervju.lang import LANGUAGES
from intervju.llm import ENV_ALLOW_CLOUD, ENV_OPENAI_KEY, cloud_allowed, get_chat_model, llm_target
from intervju.settings import (
    EMBEDDINGS_BACKENDS,
    ENV_DATA_DIR,
    LLM_PROVIDERS,
    LLMSettings,
    Settings,
    choose_data_dir,
    save_settings,
)

from . import resources
from .strings import t

_LANGUAGE_NAMES = {"nb": "Norsk (bokmål)", "en": "English"}
# Same in both languages: a radio's labels must not change when the language does.
_PROVIDER_NAMES = {"none": "– (ingen / none)", "ollama": "Ollama", "openai": "OpenAI API"}

# The language-model strings (nb, en); candidates for ui/strings.py.


def _llm_choice(settings: Settings) -> LLMSettings:
    """The language-model settings as currently entered on the page (not yet saved)."""
    provider = st.session_state.get("set_llm_provider", settings.llm.provider)
    model = str(st.session_state.get("set_llm_model", settings.llm.model or "")).strip()
    url = str(st.session_state.get("set_llm_url", settings.llm.base_url or "")).strip()
    return LLMSettings(provider=provider, model=model or None, base_url=url or None)


def _on_data_dir() -> None:
    try:
        chosen = choose_data_dir(str(st.session_state.get("set_data_dir") or ""))
    except IntervjuError as exc:
        st.session_state["settings_flash"] = ("error", str(exc))
        return
    st.session_state["settings_flash"] = ("success", t("settings_data_used", path=chosen))


def _on_save() -> None:
    settings: Settings = st.session_state["settings"]
    model = str(st.session_state.get("set_model") or "").strip() or None
    try:
        updated = settings.with_changes(
            language=st.session_state.get("set_lang", settings.language),
            embeddings_backend=st.session_state.get("set_backend", settings.embeddings_backend),
            embeddings_model=model,
            llm=_llm_choice(settings),
        )
        path = save_settings(updated)
    except IntervjuError as exc:
        st.session_state["settings_flash"] = ("error", str(exc))
        return
    st.session_state["settings"] = updated
    st.session_state["lang"] = updated.language
    st.session_state["settings_flash"] = ("success", t("settings_saved", path=path))
    try:  # builds the client only; no request is sent
        get_chat_model(updated.llm)
    except IntervjuError as exc:
        st.session_state["settings_llm_flash"] = t("llm_unusable", msg=str(exc))


def _llm_fields(settings: Settings) -> None:
    st.subheader(t("llm_header"))
    st.caption(t("llm_intro"))
    st.radio(
        t("llm_provider"),
        list(LLM_PROVIDERS),
        index=list(LLM_PROVIDERS).index(settings.llm.provider),
        format_func=lambda code: _PROVIDER_NAMES.get(code, code),
        key="set_llm_provider",
        horizontal=True,
    )
    choice = _llm_choice(settings)
    if choice.provider == "none":
        return
    st.text_input(t("llm_model"), value=settings.llm.model or "", key="set_llm_model")
    st.text_input(
        t("llm_url"),
        value=settings.llm.base_url or "",
        key="set_llm_url",
        help=t("llm_url_help"),
    )
    target = llm_target(_llm_choice(settings))
    if target is not None and target.remote:
        st.warning(t("llm_cloud", url=target.url, env=ENV_ALLOW_CLOUD), icon="⚠️")
        if cloud_allowed(choice):
            st.caption(t("llm_cloud_on", env=ENV_ALLOW_CLOUD))
    if choice.provider == "openai":
        st.caption(t("llm_key", env=ENV_OPENAI_KEY))


def render() -> None:
    settings: Settings = st.session_state["settings"]
    st.title(t("page_settings"))
    flash = st.session_state.pop("settings_flash", None)
    if flash is not None:
        kind, message = flash
        (st.error if kind == "error" else st.success)(message)
    llm_flash = st.session_state.pop("settings_llm_flash", None)
    if llm_flash:
        st.warning(llm_flash, icon="⚠️")
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
    st.divider()
    _llm_fields(settings)
    st.button(t("settings_save"), on_click=_on_save, type="primary")
    st.divider()
    st.subheader(t("settings_data"))
    st.code(str(settings.data_dir), language=None)
    st.caption(t("settings_data_help", db=settings.db_path))
    st.text_input(t("settings_data_new"), value=str(settings.data_dir), key="set_data_dir")
    st.button(t("settings_data_use"), on_click=_on_data_dir)
    if os.environ.get(ENV_DATA_DIR, "").strip():
        st.caption(t("settings_data_env"))
    st.caption(t("settings_privacy"))
