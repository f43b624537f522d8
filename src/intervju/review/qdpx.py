"""The review as a REFI-QDA project (``.qdpx``) for NVivo, ATLAS.ti, MAXQDA and QualCoder.

Researchers analyse in a QDA tool; the review's judgements arrive there as
codes on the transcripts instead of a separate report to copy from. The
exchange standard (REFI-QDA 1.0/1.5, www.qdasoftware.org) is a zip file with
``project.qde`` (XML in the namespace ``urn:QDA-XML:project:1.0``) and the
sources in ``Sources/``. What this writes:

* every interview as a ``TextSource``: a plain-text transcript, one turn a
  paragraph («Speaker [mm:ss]: words»), stored as ``Sources/<guid>.txt`` and
  referenced as ``internal://<guid>.txt``;
* a code book with three groups: question problems (closed, leading, double,
  why), guide topics (one code per topic title), and missed follow-ups;
* one ``PlainTextSelection`` per interviewer question (coded with its
  problems and its topic; the analyser's explanation and an open rewrite in
  the description) and one per missed follow-up (the informant's turn; the
  cues, the question that came instead and a follow-up that could have been
  asked in the description).

Positions are character offsets (Unicode code points) into the plain text,
start inclusive and end exclusive, as the standard defines them. GUIDs are
derived from the content (uuid5), so exporting the same study twice gives the
same project. Pseudonymisation, when asked for, replaces names in the
transcripts, file names and every description before anything is written.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from xml.etree import ElementTree as ET

from ..models import Transcript, Turn
from ._text import labels as report_labels
from .pseudonym import (
    build_pseudonyms,
    pseudonymise_transcript,
    pseudonymise_value,
)
from .report import InterviewReport, QuestionReview, ReviewReport

NS = "urn:QDA-XML:project:1.0"
_ROOT = uuid.UUID("6f1c3a52-8f0e-4c61-9a4e-0d3b7c2e5a10")  # intervju's uuid5 namespace
PROBLEMS = ("closed", "leading", "double", "why")
_COLOURS = {"closed": "#E15759", "leading": "#F28E2B", "double": "#B07AA1", "why": "#76B7B2"}


def _guid(*parts: object) -> str:
    return str(uuid.uuid5(_ROOT, "\x00".join(str(p) for p in parts)))


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


@dataclass(frozen=True)
class _Layout:
    """A transcript as plain text, with where each turn's words start and end."""

    text: str
    spans: dict[int, tuple[int, int]]


def transcript_text(transcript: Transcript) -> _Layout:
    """One paragraph per turn: «Speaker [mm:ss]: words», turns separated by a blank line."""
    parts: list[str] = []
    spans: dict[int, tuple[int, int]] = {}
    length = 0
    for turn in transcript.turns:
        head = f"{turn.speaker}{_clock(turn)}: "
        start = length + len(head)
        spans[turn.index] = (start, start + len(turn.text))
        piece = f"{head}{turn.text}\n\n"
        parts.append(piece)
        length += len(piece)
    return _Layout("".join(parts), spans)


def _clock(turn: Turn) -> str:
    if turn.start is None:
        return ""
    seconds = int(turn.start)
    hours, rest = divmod(seconds, 3600)
    clock = f"{rest // 60:02d}:{rest % 60:02d}"
    return f" [{hours}:{clock}]" if hours else f" [{clock}]"


def build_qdpx(
    report: ReviewReport,
    transcripts: Sequence[Transcript],
    *,
    pseudonymise: bool = False,
    project_name: str | None = None,
) -> bytes:
    """The ``.qdpx`` file's bytes; ``transcripts`` in the order of ``report.interviews``.

    ``transcripts`` are the real ones (as :func:`~.core.in_review_order` gives
    them). With ``pseudonymise``, or when the report already is, names are
    replaced in the transcripts (and in the report, unless done already) with
    the labels :func:`~.core.review_many` uses, so both say the same.
    """
    if len(transcripts) != len(report.interviews):
        raise ValueError("one transcript per reviewed interview is required")
    if pseudonymise or report.pseudonymised:
        names = build_pseudonyms(transcripts, report.language)
        transcripts = [pseudonymise_transcript(t, names) for t in transcripts]
        if not report.pseudonymised:
            report = pseudonymise_value(report, names)
    labels = report_labels(report.language)
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    user = _guid("user", "intervju")
    root = ET.Element(
        _q("Project"),
        {
            "name": project_name or labels["title"],
            "origin": "intervju",
            "creatingUserGUID": user,
            "creationDateTime": now,
        },
    )
    users = ET.SubElement(root, _q("Users"))
    ET.SubElement(users, _q("User"), {"guid": user, "name": "intervju"})
    codes = _codebook(root, report, labels)
    sources = ET.SubElement(root, _q("Sources"))
    files: dict[str, str] = {}
    for interview, transcript in zip(report.interviews, transcripts, strict=True):
        guid, text = _source(
            sources, interview, transcript, codes, labels, user, now, report.language
        )
        files[f"Sources/{guid}.txt"] = text
    ET.register_namespace("", NS)
    xml = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        for name, text in files.items():
            archive.writestr(name, text.encode("utf-8"))
    return buffer.getvalue()


def _codebook(root: ET.Element, report: ReviewReport, labels: Mapping[str, str]) -> dict[str, str]:
    """Code groups for problems, topics and missed follow-ups; returns key -> code GUID."""
    book = ET.SubElement(ET.SubElement(root, _q("CodeBook")), _q("Codes"))
    out: dict[str, str] = {}
    problems = _code(book, _guid("group", "problems"), labels["problems"], codable=False)
    for key in PROBLEMS:
        out[key] = _guid("problem", key)
        _code(problems, out[key], labels[key], colour=_COLOURS[key])
    topics = _code(book, _guid("group", "topics"), labels["topic"], codable=False)
    for position, title in enumerate(report.guide_topics, start=1):
        out[f"topic-{position}"] = _guid("topic", position, title)
        _code(topics, out[f"topic-{position}"], f"{position}. {title}")
    out["missed"] = _guid("missed")
    _code(book, out["missed"], labels["missed"], colour="#4E79A7")
    return out


def _code(
    parent: ET.Element, guid: str, name: str, *, codable: bool = True, colour: str | None = None
) -> ET.Element:
    attrs = {"guid": guid, "name": name, "isCodable": "true" if codable else "false"}
    if colour:
        attrs["color"] = colour
    return ET.SubElement(parent, _q("Code"), attrs)


def _source(
    sources: ET.Element,
    interview: InterviewReport,
    transcript: Transcript,
    codes: dict[str, str],
    labels: Mapping[str, str],
    user: str,
    now: str,
    language: str,
) -> tuple[str, str]:
    layout = transcript_text(transcript)
    guid = _guid("source", interview.file, layout.text)
    element = ET.SubElement(
        sources,
        _q("TextSource"),
        {
            "guid": guid,
            "name": interview.file,
            "plainTextPath": f"internal://{guid}.txt",
            "creatingUser": user,
            "creationDateTime": now,
        },
    )
    for question in interview.questions:
        keys = [p for p in question.problems if p in codes]
        if question.topic_index is not None:
            keys.append(f"topic-{question.topic_index}")
        span = layout.spans.get(question.turn_index)
        if span and keys:
            note = _question_note(question, labels)
            _selection(element, guid, span, [codes[k] for k in keys], note, user, now)
    for missed in interview.missed_followups:
        span = layout.spans.get(missed.turn_index)
        if span:
            note = "\n".join(
                [
                    f"{labels['cues']}: {', '.join(missed.cue_labels(language))}",
                    f"{labels['next_question']}: {missed.next_question}",
                    f"{labels['could_ask']}: {missed.suggestion}" if missed.suggestion else "",
                ]
            ).strip()
            _selection(element, guid, span, [codes["missed"]], note, user, now)
    return guid, layout.text


def _question_note(question: QuestionReview, labels: Mapping[str, str]) -> str:
    lines = [question.explanation] if question.explanation else []
    if question.rewrite:
        lines.append(f"{labels['rewrite']}: {question.rewrite}")
    return "\n".join(lines)


def _selection(
    source: ET.Element,
    source_guid: str,
    span: tuple[int, int],
    code_guids: Sequence[str],
    note: str,
    user: str,
    now: str,
) -> None:
    start, end = span
    guid = _guid("selection", source_guid, start, end, *code_guids)
    selection = ET.SubElement(
        source,
        _q("PlainTextSelection"),
        {
            "guid": guid,
            "startPosition": str(start),
            "endPosition": str(end),
            "creatingUser": user,
            "creationDateTime": now,
        },
    )
    if note:
        ET.SubElement(selection, _q("Description")).text = note
    for code in code_guids:
        coding = ET.SubElement(
            selection,
            _q("Coding"),
            {"guid": _guid("coding", guid, code), "creatingUser": user, "creationDateTime": now},
        )
        ET.SubElement(coding, _q("CodeRef"), {"targetGUID": code})
