"""Streamlit entry point: ``make run`` serves this on http://127.0.0.1:8501.

A thin view: every decision is made in ``intervju`` (the core); this file
only wires widgets to core calls.
"""

from __future__ import annotations

import streamlit as st

from intervju import GuideError, load_guide

st.set_page_config(page_title="intervju", page_icon="🎙️", layout="wide")
st.title("intervju")
try:
    guide = load_guide()
except GuideError as exc:
    st.error(str(exc))
    st.stop()
st.subheader(guide.title)
for position, topic in enumerate(guide.topics, start=1):
    with st.expander(f"{position}. {topic.title} · {topic.minutes:g} min", expanded=True):
        st.caption(topic.purpose)
        for question in topic.questions:
            st.markdown(f"- {question.text}")
