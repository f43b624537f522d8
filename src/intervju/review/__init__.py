"""Review mode: a question-quality report for one or many finished interviews.

``review_files(paths)`` / ``review_many(transcripts)`` / ``review_transcript``
build a :class:`ReviewReport` (frozen value types, see :mod:`.report`); the
renderers turn it into JSON (``report.to_dict()``), Markdown, a
self-contained HTML page and CSV. The CLI (``intervju review``) and the app's
Gjennomgang page are thin layers over these functions.
"""

from __future__ import annotations

import json
from typing import Literal

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

ReportFormat = Literal["json", "html", "md", "csv"]
REPORT_FORMATS: tuple[ReportFormat, ...] = ("json", "html", "md", "csv")


def render_report(report: ReviewReport, fmt: ReportFormat) -> str:
    """The report as text in one of the export formats (the CLI and the app both use it)."""
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return render_html(report)
    if fmt == "md":
        return render_markdown(report)
    return render_csv(report)


def report_bytes(report: ReviewReport, fmt: ReportFormat) -> bytes:
    """The report as the bytes of a file: the one place the CSV byte-order mark is added.

    Excel reads a CSV as the local code page unless it starts with a UTF-8 BOM, so
    æøå would break; every other format is plain UTF-8.
    """
    text = render_report(report, fmt)
    return (("\ufeff" + text) if fmt == "csv" else text).encode("utf-8")


__all__ = [
    "CSV_COLUMNS",
    "REPORT_FORMATS",
    "InterviewReport",
    "InterviewStats",
    "KeyTerm",
    "LearningPoint",
    "MissedFollowUp",
    "Pseudonyms",
    "QuestionReview",
    "ReportFormat",
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
    "render_report",
    "report_bytes",
    "review_files",
    "review_many",
    "review_transcript",
    "summarise",
]
