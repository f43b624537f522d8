"""Small builders shared by tests (real core types, set to the values a test needs)."""

from __future__ import annotations

from dataclasses import replace

from intervju.analysis import Analysis, Form, analyse
from intervju.fakes import HashingEmbeddings
from intervju.practice import PracticeReply, SimulatedInformant, load_persona


def flag(
    form: Form, leading: bool, double: bool, why: bool, explanation: str, rewrite: str | None
) -> Analysis:
    """A real analyser verdict with exactly these labels (for storage and export tests)."""
    return replace(
        analyse("Hvordan var det?"),
        form=form,
        leading=leading,
        double=double,
        why=why,
        explanation=explanation,
        rewrite=rewrite,
    )


def informant_for(name: str) -> SimulatedInformant:
    """A bundled persona's rule-based informant, reproducible (fake embeddings, seed 0)."""
    return SimulatedInformant(load_persona(name), HashingEmbeddings(), seed=0)


def reply_after(persona: str, before: list[str], question: str) -> PracticeReply:
    """The reply to ``question`` once the questions ``before`` have been asked."""
    agent = informant_for(persona)
    for earlier in before:
        agent.reply(earlier)
    return agent.reply(question)
