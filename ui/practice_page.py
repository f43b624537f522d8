"""Øving: interview a simulated informant, see each question's flag, get feedback.

A practice conversation is throw-away training, not interview data, so it is
not stored in the session database; the simulated informant (which remembers
the stories it has told) lives in this browser tab's state. When a language
model is configured in Innstillinger, an :class:`intervju.llm.LLMInformant`
answers instead (the rule-based informant steps in whenever the model fails);
the page always says which one is speaking.
"""

from __future__ import annotations

import streamlit as st

from intervju.errors import IntervjuError
from intervju.llm import LLMInformant, describe
from intervju.practice import (
    PracticeReply,
    SimulatedInformant,
    advice,
    bundled_personas,
    choose_informant,
    load_persona,
)
from intervju.settings import Settings

from . import components as c
from . import resources
from .strings import problem_label, t

Informant = SimulatedInformant | LLMInformant

# The language-model strings (nb, en); candidates for ui/strings.py.


def informant_key(name: str, settings: Settings) -> str:
    """Session-state key of a persona's informant; a changed model setting starts afresh."""
    llm = settings.llm
    if llm.provider == "none":
        return f"practice_{name}"
    return f"practice_{name}|{llm.provider}|{llm.model}|{llm.base_url}"


def _informant(name: str) -> Informant:
    settings: Settings = st.session_state["settings"]
    key = informant_key(name, settings)
    informant = st.session_state.get(key)
    if isinstance(informant, SimulatedInformant | LLMInformant):
        return informant
    choice = choose_informant(
        load_persona(name), resources.current_embedder(settings), settings.llm
    )
    if choice.problem:
        # Practice still works, rule-based; the reason stays visible for this informant.
        st.session_state[f"{key}|error"] = choice.problem
    st.session_state[key] = choice.informant
    return choice.informant


def _on_restart(name: str) -> None:
    settings: Settings = st.session_state["settings"]
    key = informant_key(name, settings)
    st.session_state.pop(key, None)
    st.session_state.pop(f"{key}|error", None)


def _badges(reply: PracticeReply) -> str:
    problems = reply.analysis.problems
    if reply.analysis.form == "not_question":
        return ""
    if not problems:
        return f":material/check_circle: {t('open_ok')}"
    return "⚑ " + ", ".join(problem_label(p) for p in problems)


def _history(informant: Informant) -> None:
    if not informant.history:
        st.caption(t("practice_empty"))
    for reply in informant.history:
        with st.chat_message("user", avatar=":material/person:"):
            st.markdown(c.esc(reply.question))
            badge = _badges(reply)
            if badge:
                st.caption(badge)
            if reply.analysis.rewrite:
                st.caption(f"{t('flag_try')}: «{reply.analysis.rewrite}»")
        with st.chat_message("assistant", avatar=":material/record_voice_over:"):
            st.markdown(c.esc(reply.text))
            st.caption(t(f"reply_kind_{reply.kind}"))
            if reply.fallback:
                st.caption(t("llm_fallback", why=reply.fallback))
            if st.session_state.get("practice_advice"):
                _advice(reply)


def _advice(reply: PracticeReply) -> None:
    """Feedback on one question, shown on request (the toggle above the chat)."""
    found = advice(reply)
    if found["open_answer"]:
        st.caption(c.esc(str(found["open_answer"])))
    if found["followup"]:
        st.caption(f"{t('fb_followup')}: «{c.esc(str(found['followup']))}»")


def _feedback(informant: Informant) -> None:
    feedback = informant.feedback()
    st.subheader(t("practice_feedback"))
    row = st.columns(3)
    row[0].metric(t("fb_questions"), feedback.questions)
    row[1].metric(t("fb_open_share"), f"{feedback.open_share:.0%}")
    row[2].metric(t("fb_closed"), feedback.closed)
    row = st.columns(3)
    row[0].metric(t("fb_leading"), feedback.leading)
    row[1].metric(t("fb_double"), feedback.double)
    row[2].metric(t("fb_why"), feedback.why)
    pair = st.columns(2)
    pair[0].metric(t("fb_words_open"), f"{feedback.mean_answer_words_open:.0f}")
    pair[1].metric(t("fb_words_other"), f"{feedback.mean_answer_words_other:.0f}")
    st.markdown(f"**{t('fb_rewrites')}**")
    if not feedback.rewrites:
        st.caption(t("fb_ok"))
    for asked, better in feedback.rewrites:
        st.markdown(f"- ~~{c.esc(asked)}~~  \n  → {c.esc(better)}")
    st.markdown(f"**{t('fb_missed')}** ({feedback.followups} {t('fb_followups_done')})")
    if not feedback.missed_followups:
        st.caption(t("fb_ok"))
    for missed in feedback.missed_followups:
        st.markdown(f"- {c.esc(missed.answer[:90])}…  \n  → {c.esc(missed.suggestion)}")


def render() -> None:
    st.title(t("page_practice"))
    st.caption(t("practice_intro"))
    personas = bundled_personas()
    if not personas:
        st.error(t("practice_empty"))
        return
    names = list(personas)
    preferred = "nav-veileder" if st.session_state.get("lang", "nb") == "nb" else "remote-worker"
    top = st.columns([3, 1], vertical_alignment="bottom")
    picked = top[0].selectbox(
        t("persona"),
        names,
        index=names.index(preferred) if preferred in names else 0,
        key="practice_persona",
    )
    name = str(picked or names[0])
    top[1].button(t("practice_restart"), on_click=_on_restart, args=(name,))
    try:
        informant = _informant(name)
    except IntervjuError as exc:
        st.error(str(exc), icon="⚠️")
        return
    st.caption(f"{informant.persona.name} — {informant.persona.role}")
    settings: Settings = st.session_state["settings"]
    problem = st.session_state.get(f"{informant_key(name, settings)}|error")
    if problem:
        st.warning(t("llm_unusable_practice", msg=problem), icon="⚠️")
    if isinstance(informant, LLMInformant):
        st.caption(f":material/smart_toy: {t('llm_active', model=describe(settings.llm))}")
    else:
        st.caption(t("rules_active"))
    st.toggle(t("practice_advice"), key="practice_advice")
    chat, side = st.columns([3, 2], gap="medium")
    question = st.chat_input(t("practice_input"), key="practice_line")
    if question and question.strip():
        if isinstance(informant, LLMInformant):
            with st.spinner(t("llm_thinking")):
                informant.reply(" ".join(question.split()))
        else:
            informant.reply(" ".join(question.split()))
    if isinstance(informant, LLMInformant) and informant.model_disabled:
        st.warning(t("llm_disabled"), icon="⚠️")
    with chat:
        _history(informant)
    with side:
        _feedback(informant)
