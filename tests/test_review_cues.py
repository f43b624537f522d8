"""Cues reach the report's readers as words from the language data, not as «kind: term»."""

from __future__ import annotations

import pytest

from intervju.review._text import cue_label
from intervju.review.report import MissedFollowUp


def _missed(*cues: str) -> MissedFollowUp:
    return MissedFollowUp(
        turn_index=3,
        text="Jeg ble så rørt at jeg måtte gå ut.",
        cues=cues,
        next_turn_index=4,
        next_question="Hvor lenge har du jobbet der?",
        suggestion="Hvordan var det for deg?",
        suggestion_intent="feeling",
    )


def test_a_cue_reads_as_words() -> None:
    assert cue_label("feeling: rørt", "nb") == "følelse: «rørt»"
    assert cue_label("metaphor: glassvegg", "nb") == "bilde: «glassvegg»"
    assert cue_label("pause 4 s", "nb") == "pause 4 s"
    assert cue_label("hesitation", "nb") == "nøling"
    assert cue_label("strong: sterile", "en") == "strong wording: “sterile”"
    assert cue_label("trailing", "en") == "trailing off"
    assert cue_label("something_new: x", "nb") == "something_new: x"


def test_reports_show_labels_and_json_keeps_the_cues() -> None:
    missed = _missed("feeling: rørt", "pause 4 s")
    assert missed.to_dict()["cues"] == ["feeling: rørt", "pause 4 s"]
    assert missed.cue_labels("nb") == ("følelse: «rørt»", "pause 4 s")


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize(
    "cue", ["lasting: det har jeg tenkt mye på", "body: skalv", "broken off: men ja"]
)
def test_every_cue_kind_the_review_names_has_a_wording(cue: str, language: str) -> None:
    """The kinds added for missed follow-ups (a moment that stayed, the body reacting, a story
    broken off) reach the report as words of its language, not as the code's kind."""
    from intervju.review._text import cue_label

    assert not cue_label(cue, language).startswith(cue.split(":", 1)[0] + ":")
