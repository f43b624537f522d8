"""Small builders shared by tests (real core types, set to the values a test needs)."""

from __future__ import annotations

from dataclasses import replace

from intervju.analysis import Analysis, Form, analyse


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
