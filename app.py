"""Streamlit entry point: ``make run`` serves this on http://127.0.0.1:8501.

A thin view: every decision is made in ``intervju`` (the core); the pages in
``ui/`` only wire widgets to core calls. This file sets the page up, reads
the settings (language, data folder, embedding backend) once per run and
hands over to ``st.navigation``. Any error the user can cause is shown as one
line; nothing a user does should ever show a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Callable

# The live page shares two or four cores with Teams: OpenMP threads that spin
# while waiting made one embedding take 0.1-0.8 s instead of ~15 ms under load.
# Must be set before the embedding engine loads.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import streamlit as st

from intervju.errors import IntervjuError
from ui import (
    components,
    guides_page,
    live_page,
    practice_page,
    resources,
    review_page,
    settings_page,
)
from ui.strings import t

st.set_page_config(
    page_title="intervju", page_icon="🎙️", layout="wide", initial_sidebar_state="auto"
)
components.inject_css()

settings, settings_error = resources.app_settings()
st.session_state["settings"] = settings
st.session_state["lang"] = settings.language
if settings_error:
    st.warning(t("settings_error", msg=settings_error), icon="⚠️")


def _safe(render: Callable[[], None]) -> Callable[[], None]:
    """Wrap a page so a user-caused error is one clear line, never a traceback."""

    def page() -> None:
        try:
            render()
        except IntervjuError as exc:
            st.error(str(exc), icon="⚠️")

    page.__name__ = getattr(render, "__module__", "page").rsplit(".", 1)[-1]
    return page


pages = [
    st.Page(
        _safe(live_page.render),
        title=t("page_live"),
        icon=":material/mic:",
        url_path="live",
        default=True,
    ),
    st.Page(
        _safe(practice_page.render),
        title=t("page_practice"),
        icon=":material/school:",
        url_path="ovelse",
    ),
    st.Page(
        _safe(review_page.render),
        title=t("page_review"),
        icon=":material/monitoring:",
        url_path="gjennomgang",
    ),
    st.Page(
        _safe(guides_page.render),
        title=t("page_guides"),
        icon=":material/checklist:",
        url_path="guider",
    ),
    st.Page(
        _safe(settings_page.render),
        title=t("page_settings"),
        icon=":material/settings:",
        url_path="innstillinger",
    ),
]
st.navigation(pages).run()
