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


_PAGES = (  # (render, title key, icon, url path); the first is the default page
    (live_page.render, "page_live", ":material/mic:", "live"),
    (practice_page.render, "page_practice", ":material/school:", "ovelse"),
    (review_page.render, "page_review", ":material/monitoring:", "gjennomgang"),
    (guides_page.render, "page_guides", ":material/checklist:", "guider"),
    (settings_page.render, "page_settings", ":material/settings:", "innstillinger"),
)
pages = [
    st.Page(_safe(render), title=t(title), icon=icon, url_path=path, default=position == 0)
    for position, (render, title, icon, path) in enumerate(_PAGES)
]
st.navigation(pages).run()
