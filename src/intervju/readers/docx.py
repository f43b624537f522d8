"""Word (.docx) transcripts: Teams exports, and hand-typed transcripts.

Three layouts are recognised, in this order:

1. Current Teams export: a paragraph "Name   m:ss" (or h:mm:ss; any run of
   spaces, tabs or non-breaking spaces before the time) followed by the
   paragraph(s) of what was said. The title, date and duration lines before
   the first speaker line are not turns.
2. Older Teams/Stream export (2020–2022, when many studies were run): a line
   "0:0:0.0 --> 0:0:4.950", then the speaker's name, then the text.
3. Anything else is read as a labelled transcript ("Forsker: …"), the way
   researchers type transcripts in Word.

python-docx loads the whole document, so the file size is checked first and
the unpacked document part is checked against the same limit (×5, the
usual Word compression) before opening it, which keeps memory bounded even
for a zip bomb.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Sequence

from ..errors import TranscriptError
from . import _decode
from ._segments import Segment
from .text import parse_clock, parse_labelled_lines, split_lines
from .vtt import _timestamp

_SPEAKER_LINE = re.compile(
    r"^(?P<name>[^\W\d_][^\d:]{0,60}?)[ \t\u00a0\u2002\u2003\u2009]+"
    r"(?P<time>(?:\d{1,2}:)?\d{1,2}:\d{2})\s*$"
)
_OLD_TIMINGS = re.compile(r"^\s*(\S+)\s*-->\s*(\S+)\s*$")
_DOCUMENT_PART = "word/document.xml"


def speaker_header(line: str) -> tuple[str, float] | None:
    m = _SPEAKER_LINE.match(line.strip())
    if m is None:
        return None
    name = m.group("name").strip()
    if not name or name[-1] in ",.;" or len(name.split()) > 6:
        return None
    return name, parse_clock(m.group("time"))


def docx_lines(data: bytes, where: str) -> tuple[list[str], list[int]]:
    """The document's lines and the paragraph number of each.

    Line breaks inside a paragraph split it; an empty line is added after
    every paragraph because a paragraph end separates like a blank line.
    """
    _decode.check_size(len(data), where)
    if not data:
        raise TranscriptError("file is empty", where=where)
    if not data.startswith(b"PK"):
        raise TranscriptError("not a .docx file (a .docx is a ZIP archive)", where=where)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo(_DOCUMENT_PART)
    except KeyError:
        raise TranscriptError(
            "not a Word document (the archive has no word/document.xml)", where=where
        ) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise TranscriptError(f"damaged .docx archive ({exc})", where=where) from None
    if info.file_size > _decode.MAX_BYTES * 5:
        raise TranscriptError(
            f"the document text unpacks to {_decode.size_text(info.file_size)}, "
            f"more than {_decode.size_text(_decode.MAX_BYTES * 5)} is refused",
            where=where,
        )
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = [paragraph.text for paragraph in document.paragraphs]
    except Exception as exc:  # python-docx/lxml raise many types for broken files
        raise TranscriptError(
            f"cannot read the Word document ({type(exc).__name__}: {exc})", where=where
        ) from None
    lines: list[str] = []
    numbers: list[int] = []
    for number, paragraph in enumerate(paragraphs, start=1):
        parts = [*split_lines(paragraph), ""]
        lines.extend(parts)
        numbers.extend([number] * len(parts))
    return lines, numbers


def _teams_segments(lines: Sequence[str]) -> list[Segment] | None:
    headers = [speaker_header(line) for line in lines]
    counts = Counter(h[0].casefold() for h in headers if h is not None)
    if not counts:
        return None
    if any(n >= 2 for n in counts.values()):
        # A sentence that happens to end in a time ("… klokka 10:30") is not
        # a speaker line; real speakers appear more than once.
        headers = [h if h is not None and counts[h[0].casefold()] >= 2 else None for h in headers]
    segments: list[Segment] = []
    speaker: str | None = None
    start: float | None = None
    parts: list[str] = []
    for line, header in zip(lines, headers, strict=True):
        if header is not None:
            if speaker is not None:
                segments.append(Segment(speaker, " ".join(parts), start))
            speaker, start = header
            parts = []
        elif speaker is not None and line.strip():
            parts.append(line.strip())
    if speaker is not None:
        segments.append(Segment(speaker, " ".join(parts), start))
    return segments


def _old_teams_segments(
    lines: Sequence[str], numbers: Sequence[int], where: str
) -> list[Segment] | None:
    marks = [i for i, line in enumerate(lines) if _OLD_TIMINGS.match(line)]
    if not marks:
        return None
    segments: list[Segment] = []
    for n, i in enumerate(marks):
        m = _OLD_TIMINGS.match(lines[i])
        assert m is not None
        at = f"{where}, paragraph {numbers[i]}"
        start = parse_clock(_timestamp(m.group(1), at, comma=True))
        end = parse_clock(_timestamp(m.group(2), at, comma=True))
        stop = marks[n + 1] if n + 1 < len(marks) else len(lines)
        body = [line.strip() for line in lines[i + 1 : stop] if line.strip()]
        if len(body) >= 2:
            segments.append(Segment(body[0], " ".join(body[1:]), start, end))
        elif body:
            segments.append(Segment("", body[0], start, end))
    return segments


def read_docx(data: bytes, where: str) -> list[Segment]:
    lines, numbers = docx_lines(data, where)
    if not any(line.strip() for line in lines):
        raise TranscriptError("the Word document has no text", where=where)
    for segments in (_teams_segments(lines), _old_teams_segments(lines, numbers, where)):
        if segments is not None:
            return segments
    return parse_labelled_lines(lines, where, what="Word document")
