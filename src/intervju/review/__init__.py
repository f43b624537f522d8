"""Review mode: a question-quality report for one or many finished interviews.

``review_files(paths)`` / ``review_many(transcripts)`` / ``review_transcript``
build a :class:`ReviewReport` (frozen value types, see :mod:`.report`); the
renderers turn it into JSON (``report.to_dict()``), Markdown, a
self-contained HTML page and CSV. The CLI (``intervju review``) and the app's
Gjennomgang page are thin layers over these functions.
"""

from __future__ import annotations

from .core import natural_key, review_files, review_many, review_transcript, summarise
from .pseudonym import (
    Pseudonyms,
    build_pseudonyms,
    pseudonymise_transcript,
    pseudonymise_value,
)
from .render_csv import COLUMNS as CSV_COLUMNS
from .render_csv import render_csv
from .render_html import render_html
from .render_md import render_markdown
from .report import (
    InterviewReport,
    InterviewStats,
    KeyTerm,
    LearningPoint,
    MissedFollowUp,
    QuestionReview,
    ReviewReport,
    ReviewSummary,
    SkippedQuestion,
    TimelineBin,
    TopicCoverage,
)

__all__ = [
    "CSV_COLUMNS",
    "InterviewReport",
    "InterviewStats",
    "KeyTerm",
    "LearningPoint",
    "MissedFollowUp",
    "Pseudonyms",
    "QuestionReview",
    "ReviewReport",
    "ReviewSummary",
    "SkippedQuestion",
    "TimelineBin",
    "TopicCoverage",
    "build_pseudonyms",
    "natural_key",
    "pseudonymise_transcript",
    "pseudonymise_value",
    "render_csv",
    "render_html",
    "render_markdown",
    "review_files",
    "review_many",
    "review_transcript",
    "summarise",
]
