"""Guider: browse the guides, duplicate one to edit, upload, validate, save.

Researchers write guides by hand in YAML; the validator in the core names
the file and line of every problem, and this page shows that line as is.
A guide is only saved when it is valid, into the data folder's ``guides``
folder, where the live page's "new session" picks it up. The text being
edited stays in the editor whatever happens, so nothing typed is lost.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from intervju.errors import GuideError, IntervjuError
from intervju.guides import bundled_guides, copy_guide_text, parse_guide, save_user_guide
from intervju.models import Guide
from intervju.settings import Settings

from . import resources
from .strings import t

EDITOR = "guide_yaml"


def _flash(kind: str, message: str) -> None:
    st.session_state["guides_flash"] = (kind, message)


def _on_duplicate(path: str) -> None:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        _flash("error", f"{path}: {exc.strerror}")
        return
    try:
        text = copy_guide_text(
            text,
            id_suffix=t("guides_copy_suffix"),
            title_suffix=t("guides_copy_title"),
            source=path,
        )
    except IntervjuError as exc:
        _flash("error", str(exc))
        return
    st.session_state[EDITOR] = text
    st.session_state["guide_edit_name"] = Path(path).name


def _on_upload() -> None:
    upload = st.session_state.get("guide_upload")
    if upload is None:
        return
    try:
        st.session_state[EDITOR] = upload.getvalue().decode("utf-8-sig")
    except UnicodeDecodeError:
        _flash("error", f"{upload.name}: {t('guides_not_utf8')}")
        return
    st.session_state["guide_edit_name"] = upload.name
    _validate()


def _validate() -> Guide | None:
    text = str(st.session_state.get(EDITOR) or "")
    name = str(st.session_state.get("guide_edit_name") or "guide.yaml")
    try:
        guide = parse_guide(text, source=name)
    except GuideError as exc:
        _flash("error", t("guides_invalid", msg=str(exc)))
        return None
    _flash("success", t("guides_valid", title=guide.title, n=len(guide.topics)))
    return guide


def _on_validate() -> None:
    _validate()


def _on_save() -> None:
    guide = _validate()
    if guide is None:
        return
    if guide.id in bundled_guides():
        _flash("error", t("guides_exists", id=guide.id))
        return
    settings: Settings = st.session_state["settings"]
    try:
        _, target = save_user_guide(str(st.session_state.get(EDITOR) or ""), settings.data_dir)
    except GuideError as exc:
        _flash("error", exc.message)
        return
    _flash("success", t("guides_saved", path=target))


def _show_guide(guide: Guide) -> None:
    st.subheader(guide.title)
    if guide.description:
        st.caption(guide.description)
    st.caption(
        t(
            "guides_topics",
            n=len(guide.topics),
            q=len(guide.questions),
            m=f"{guide.planned_minutes:g}",
        )
    )
    for position, topic in enumerate(guide.topics, start=1):
        with st.expander(f"{position}. {topic.title} · {topic.minutes:g} min"):
            st.caption(topic.purpose)
            for question in topic.questions:
                core = f" _({t('guides_core')})_" if question.core else ""
                st.markdown(f"- {question.text}{core}")


def render() -> None:
    settings: Settings = st.session_state["settings"]
    st.title(t("page_guides"))
    st.caption(t("guides_intro", folder=resources.user_guides_dir(settings)))
    bundled = bundled_guides()
    choices = resources.guide_choices(settings)
    names = list(choices)

    def label(key: str) -> str:
        kind = t("guides_bundled") if key in bundled else t("guides_user")
        return f"{key} ({kind})"

    browse, edit = st.columns([1, 1], gap="large")
    with browse:
        chosen = st.selectbox(t("guides_pick"), names, format_func=label, key="guides_pick")
        if chosen:
            path = choices[chosen]
            try:
                _show_guide(resources.guide_at(path))
            except IntervjuError as exc:
                st.error(str(exc), icon="⚠️")
            st.button(
                t("guides_duplicate"), on_click=_on_duplicate, args=(str(path),), key="guides_dup"
            )
    with edit:
        st.file_uploader(
            t("guides_upload"), type=["yaml", "yml"], key="guide_upload", on_change=_on_upload
        )
        flash = st.session_state.pop("guides_flash", None)
        if flash is not None:
            kind, message = flash
            (st.error if kind == "error" else st.success)(
                message, icon="⚠️" if kind == "error" else "✅"
            )
        st.text_area(t("guides_editor"), key=EDITOR, height=420)
        cols = st.columns(2)
        cols[0].button(t("guides_validate"), on_click=_on_validate, key="guides_validate")
        cols[1].button(t("guides_save"), on_click=_on_save, type="primary", key="guides_save")
