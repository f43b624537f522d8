"""Read interview transcripts (Teams .vtt/.docx, labelled text, .srt).

Three entry points share one pipeline: a file path (CLI, review), bytes
with a file name (app uploads) and text (pasted in the app). The format is
taken from ``format`` if given, else the file extension, else sniffed from
the content. Every problem the user can cause becomes a
:class:`~intervju.errors.TranscriptError` whose message says what is wrong
and where; any other exception escaping from here is a bug.

Size: files above ``_decode.MAX_BYTES`` (20 MB) are refused before being
read, so memory stays bounded; real transcripts are far smaller.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from ..errors import TranscriptError
from ..files import read_regular
from ..models import Transcript
from . import _decode
from ._segments import Segment, build_transcript
from .docx import read_docx
from .srt import read_srt
from .text import read_text
from .vtt import read_vtt

Format = Literal["vtt", "docx", "txt", "srt"]
FORMATS: tuple[Format, ...] = ("vtt", "docx", "txt", "srt")

_EXTENSIONS: dict[str, Format] = {
    ".vtt": "vtt",
    ".webvtt": "vtt",
    ".docx": "docx",
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".srt": "srt",
}
_REFUSED_EXTENSIONS = {
    ".doc": "old Word .doc files cannot be read; save it as .docx in Word",
    ".rtf": "RTF files cannot be read; save it as .docx or .txt",
    ".pdf": "PDF files cannot be read; export the transcript as .docx, .vtt or .txt",
    ".odt": "OpenDocument files cannot be read; save it as .docx or .txt",
}

__all__ = [
    "FORMATS",
    "Format",
    "detect_format",
    "read_transcript",
    "read_transcript_bytes",
    "read_transcript_text",
]


def _check_format(format: str, where: str) -> str:
    wanted = (format or "auto").strip().lower()
    if wanted not in ("auto", *FORMATS):
        raise TranscriptError(
            f"unknown format {format!r}; choose auto, {', '.join(FORMATS)}", where=where
        )
    return wanted


def _sniff_text(text: str) -> Format:
    head = text.lstrip("\ufeff \t\r\n")  # pasted text often starts with a blank line
    if head.startswith("WEBVTT"):
        return "vtt"
    first = [line.strip() for line in head.splitlines()[:4] if line.strip()]
    if len(first) >= 2 and first[0].isdigit() and "-->" in first[1]:
        return "srt"
    return "txt"


def detect_format(data: bytes, filename: str | None = None) -> Format:
    """Pick a reader: extension first, then the content.

    A ``.txt`` that is really WebVTT/SRT (renamed by a user) is read as what
    it is; a known non-transcript extension (.doc, .pdf, …) is an error.
    """
    where = filename or "input"
    suffix = Path(filename).suffix.lower() if filename else ""
    if suffix in _REFUSED_EXTENSIONS:
        raise TranscriptError(_REFUSED_EXTENSIONS[suffix], where=where)
    by_extension = _EXTENSIONS.get(suffix)
    if by_extension in ("vtt", "docx", "srt"):
        return by_extension
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise TranscriptError(_REFUSED_EXTENSIONS[".doc"], where=where)
    if data.startswith(b"%PDF"):
        raise TranscriptError(_REFUSED_EXTENSIONS[".pdf"], where=where)
    if by_extension is None and suffix and _decode.looks_binary(data):
        raise TranscriptError(
            f"unknown format {suffix!r}: not a transcript this tool can read "
            "(use .vtt, .docx, .txt or .srt, or pass --format)",
            where=where,
        )
    return _sniff_text(_decode.decode_bytes(data, where))


def _segments_from_text(text: str, format: str, where: str) -> list[Segment]:
    if format == "vtt":
        return read_vtt(text.lstrip("\ufeff"), where)
    if format == "srt":
        return read_srt(text, where)
    return read_text(text, where)


def read_transcript_text(
    text: str,
    format: str = "auto",
    interviewer: str | None = None,
    source: str | None = None,
) -> Transcript:
    """Read a transcript from text (e.g. pasted into the app)."""
    where = source or "pasted text"
    wanted = _check_format(format, where)
    if wanted == "docx":
        raise TranscriptError(
            "a .docx transcript must be read from its bytes, not text", where=where
        )
    _decode.check_size(len(text), where)
    if not text.strip():
        raise TranscriptError("the transcript is empty", where=where)
    text = text.lstrip(" \t\r\n")
    chosen = _sniff_text(text) if wanted == "auto" else wanted
    segments = _segments_from_text(text, chosen, where)
    return build_transcript(
        segments, format=chosen, source=source, where=where, interviewer=interviewer
    )


def read_transcript_bytes(
    data: bytes,
    filename: str,
    format: str = "auto",
    interviewer: str | None = None,
) -> Transcript:
    """Read an uploaded transcript; ``filename`` picks the reader and names errors."""
    where = filename or "upload"
    wanted = _check_format(format, where)
    _decode.check_size(len(data), where)
    if not data.strip():
        raise TranscriptError("file is empty", where=where)
    chosen = detect_format(data, filename) if wanted == "auto" else wanted
    if chosen == "docx":
        segments = read_docx(data, where)
    else:
        if data.startswith(b"PK\x03\x04"):
            raise TranscriptError(
                f"this is a ZIP/.docx file, not {chosen} text; use --format docx", where=where
            )
        segments = _segments_from_text(_decode.decode_bytes(data, where), chosen, where)
    return build_transcript(
        segments, format=chosen, source=filename, where=where, interviewer=interviewer
    )


def read_transcript(
    path: str | os.PathLike[str],
    format: str = "auto",
    interviewer: str | None = None,
) -> Transcript:
    """Read a transcript file; raises :class:`TranscriptError` on bad input."""
    where = str(path)
    _check_format(format, where)
    data = read_regular(path, _decode.MAX_BYTES, where=where)  # never blocks on a FIFO
    return read_transcript_bytes(data, where, format=format, interviewer=interviewer)
