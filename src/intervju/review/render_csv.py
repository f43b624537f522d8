"""The questions of every interview as CSV: one row per question, for a spreadsheet.

Columns are a stable interface (:data:`COLUMNS`); booleans are written as
``true``/``false`` and missing values as empty cells. The text is plain CSV
(RFC 4180, ``\\r\\n`` line ends as the csv module writes); the CLI adds a
UTF-8 byte-order mark when writing a file so that Excel shows æøå correctly
(:func:`intervju.review.report_bytes`, the one place). Text cells that a
spreadsheet would run as a formula get a leading ``'`` (:func:`inert_cell`).
"""

from __future__ import annotations

import csv
import io

from .report import ReviewReport

COLUMNS: tuple[str, ...] = (
    "file",
    "interview",
    "turn_index",
    "start",
    "topic_index",
    "topic",
    "guide_question_id",
    "text",
    "form",
    "leading",
    "double",
    "why",
    "follow_up",
    "explanation",
    "rewrite",
)


# OWASP CSV injection: a cell starting with one of these is run as a formula by
# Excel and LibreOffice (=HYPERLINK(…), +cmd|…, @SUM(…)); a leading ' keeps it text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(value: object) -> object:
    """A cell value a spreadsheet shows as text, never evaluates."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _flag(value: bool) -> str:
    return "true" if value else "false"


def render_csv(report: ReviewReport) -> str:
    """One row per interviewer question across all interviews, in report order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for number, interview in enumerate(report.interviews, start=1):
        for q in interview.questions:
            topic = ""
            if q.topic_index is not None and 0 < q.topic_index <= len(report.guide_topics):
                topic = report.guide_topics[q.topic_index - 1]
            writer.writerow(
                inert_cell(cell)
                for cell in [
                    interview.file,
                    number,
                    q.turn_index,
                    "" if q.start is None else f"{q.start:.2f}",
                    "" if q.topic_index is None else q.topic_index,
                    topic,
                    q.guide_question_id or "",
                    q.text,
                    q.form,
                    _flag(q.leading),
                    _flag(q.double),
                    _flag(q.why),
                    _flag(q.follow_up),
                    q.explanation,
                    q.rewrite or "",
                ]
            )
    return buffer.getvalue()
