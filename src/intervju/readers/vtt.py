"""Microsoft Teams WebVTT (and other WebVTT) transcripts.

Teams writes one cue per phrase, ``<v Name>text</v>`` inside, and splits a
long turn over many consecutive cues of the same speaker; merging them back
into turns happens in :mod:`._segments`.

webvtt-py gives us the WebVTT cue model (:class:`webvtt.Caption`) and its
timestamp rules, but its file parser silently drops malformed cue blocks
and reports no line numbers, and ``Caption.voice`` only sees a voice span
at the start of the first line. A user who exports a broken file must hear
"line 14: malformed timestamp '00:00:2x.000'", so the block scan is ours
(following the WebVTT rule that blocks end at blank lines) and every cue is
built as a ``webvtt.Caption``. Voice spans are read from the raw cue text
so that a cue with two voices yields two segments.

Files without any voice span (Zoom and some converters write
"Name: text") fall back to the speaker-label rules of :mod:`.text`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import webvtt
from webvtt.errors import MalformedCaptionError
from webvtt.models import Timestamp

from ..errors import TranscriptError
from ._segments import Segment
from .text import accepted_labels, match_label, name_like, plausible_label

_TIMINGS = re.compile(r"^\s*(\S+?)\s*-->\s*(\S+)(?:\s+.*)?$")
# Matched against the inside of one tag only, so it cannot backtrack far.
_VOICE_TAG = re.compile(r"v(?:\.[^\s.]+)*(?:[ \t]+(.*))?", re.DOTALL)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

EXAMPLE_TIMINGS = "'00:00:05.120 --> 00:00:09.840'"


@dataclass(frozen=True)
class Cue:
    """A timed cue block with the line it starts on (for messages)."""

    line: int
    caption: webvtt.Caption
    payload: tuple[str, ...]

    @property
    def start(self) -> float:
        return float(self.caption.start_time.in_milliseconds()) / 1000

    @property
    def end(self) -> float:
        return float(self.caption.end_time.in_milliseconds()) / 1000


def _timestamp(value: str, at: str, *, comma: bool) -> str:
    """Validate one timestamp with webvtt-py's rules; ``at`` names the place."""
    text = value.replace(",", ".", 1) if comma else value
    try:
        Timestamp.from_string(text)
    except MalformedCaptionError:
        raise TranscriptError(f"malformed timestamp {value!r}", where=at) from None
    return text


def blocks(lines: Sequence[str], first_line: int = 1) -> list[list[tuple[int, str]]]:
    """Blank-line separated blocks of (line number, line)."""
    result: list[list[tuple[int, str]]] = []
    block: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=first_line):
        if line.strip():
            block.append((number, line))
        elif block:
            result.append(block)
            block = []
    if block:
        result.append(block)
    return result


def parse_cue_block(
    block: Sequence[tuple[int, str]], where: str, *, comma: bool, kind: str, last: bool = False
) -> Cue:
    """One cue block: optional identifier line, timings line, payload lines."""
    timing_at = next((i for i, (_, line) in enumerate(block[:2]) if "-->" in line), None)
    if timing_at is None:
        number, line = block[0]
        arrow = next((n for n, text in block if "-->" in text), None)
        if arrow is not None:
            raise TranscriptError(
                "cue timings must follow the cue id directly", where=f"{where}, line {arrow}"
            )
        if last and len(block) <= 2:
            raise TranscriptError(
                "the file ends before this cue's timings (truncated?)",
                where=f"{where}, line {number}",
            )
        shown = line.strip()
        if len(shown) > 40:
            shown = shown[:40] + "…"
        raise TranscriptError(
            f"expected {kind} cue timings such as {EXAMPLE_TIMINGS}, found {shown!r}",
            where=f"{where}, line {number}",
        )
    number, timing_line = block[timing_at]
    m = _TIMINGS.match(timing_line)
    if m is None:
        raise TranscriptError(
            f"malformed cue timings {timing_line.strip()!r}", where=f"{where}, line {number}"
        )
    at = f"{where}, line {number}"
    start = _timestamp(m.group(1), at, comma=comma)
    end = _timestamp(m.group(2), at, comma=comma)
    payload = tuple(line for _, line in block[timing_at + 1 :])
    for extra_number, extra in block[timing_at + 1 :]:
        if "-->" in extra and _TIMINGS.match(extra):
            raise TranscriptError(
                "two cue timings in one block (missing blank line?)",
                where=f"{where}, line {extra_number}",
            )
    identifier = block[0][1].strip() if timing_at == 1 else None
    caption = webvtt.Caption(start, end, list(payload), identifier)
    if caption.end_time < caption.start_time:
        raise TranscriptError(
            f"cue ends before it starts ({m.group(1)} --> {m.group(2)})",
            where=f"{where}, line {number}",
        )
    return Cue(line=number, caption=caption, payload=payload)


def _tokens(raw: str) -> Iterator[tuple[str, bool]]:
    """(text, False) and (tag content, True) pieces, in linear time.

    A "<" with no ">" after it is text, and so is everything after it (no
    later "<" can have a ">" either), as in webvtt-py. A regex such as
    ``<[^>]*>`` would rescan the rest of the cue from every such "<".
    """
    position = 0
    while True:
        start = raw.find("<", position)
        end = raw.find(">", start + 1) if start >= 0 else -1
        if end < 0:
            break
        if start > position:
            yield raw[position:start], False
        yield raw[start + 1 : end], True
        position = end + 1
    if position < len(raw):
        yield raw[position:], False


def _clean(pieces: list[str]) -> str:
    return html.unescape("".join(pieces)).strip()


def cue_text(raw: str) -> str:
    """Cue text without tags, entities decoded."""
    return _clean([piece for piece, is_tag in _tokens(raw) if not is_tag])


def voice_parts(payload: Sequence[str]) -> list[tuple[str | None, str]]:
    """Split a cue into (voice or None, text) parts at each ``<v …>`` tag."""
    parts: list[tuple[str | None, str]] = []
    voice: str | None = None
    pieces: list[str] = []
    for piece, is_tag in _tokens("\n".join(payload)):
        if not is_tag:
            pieces.append(piece)
            continue
        m = _VOICE_TAG.fullmatch(piece)
        if m is None:
            continue  # <i>, </v>, <c.red>, timestamps: formatting only
        text = _clean(pieces)
        if text:
            parts.append((voice, text))
        voice, pieces = html.unescape(m.group(1) or "").strip() or None, []
    text = _clean(pieces)
    if text:
        parts.append((voice, text))
    return parts


def labelled_cue_segments(cues: Sequence[Cue], where: str) -> list[Segment]:
    """Cues without voice spans: 'Name: text' prefixes, else anonymous cues.

    Any cue may open with "Før vi begynner: …", so no cue counts as opening
    a paragraph: a label must repeat, be a role word, or look like a name
    (one to three capitalised words) to be a speaker.
    """
    texts = [cue_text("\n".join(cue.payload)) for cue in cues]
    found = [match_label(text.split("\n", 1)[0]) for text in texts]
    candidates = [(m.label, False) for m in found if m is not None and plausible_label(m.label)]
    accepted = accepted_labels(candidates) if candidates else set()
    accepted |= {label.casefold() for label, _ in candidates if name_like(label)}
    segments: list[Segment] = []
    current = ""
    for cue, text, m in zip(cues, texts, found, strict=True):
        if m is not None and m.label.casefold() in accepted:
            current = m.label
            rest = text.split("\n", 1)
            text = m.text + (" " + rest[1] if len(rest) > 1 else "")
        segments.append(Segment(current, text, cue.start, cue.end))
    return segments


def parse_cues(text: str, where: str, *, comma: bool, kind: str, header: bool) -> list[Cue]:
    lines = _LINE_BREAK.split(text)
    first = 1
    if header:
        if not lines[0].startswith("WEBVTT") or lines[0][6:7] not in ("", " ", "\t"):
            raise TranscriptError(
                "not a WebVTT file: line 1 must start with 'WEBVTT'", where=f"{where}, line 1"
            )
        # The header block runs to the first blank line.
        while first <= len(lines) and lines[first - 1].strip():
            if "-->" in lines[first - 1]:
                raise TranscriptError(
                    "a blank line must separate the WEBVTT header from the first cue",
                    where=f"{where}, line {first}",
                )
            first += 1
    cues: list[Cue] = []
    found = blocks(lines[first - 1 :], first_line=first)
    for position, block in enumerate(found):
        head = block[0][1].strip()
        if (
            header
            and head.split(" ", 1)[0] in ("NOTE", "STYLE", "REGION")
            and not any("-->" in line for _, line in block[:2])
        ):
            continue
        if not header and len(block) == 1 and head.isdigit():
            continue  # SRT: a lone cue number left by a truncated block
        last = position == len(found) - 1
        cues.append(parse_cue_block(block, where, comma=comma, kind=kind, last=last))
    if not cues:
        raise TranscriptError(f"no {kind} cues found", where=where)
    if not cues[-1].payload:
        raise TranscriptError(
            "the file ends right after cue timings (truncated?)",
            where=f"{where}, line {cues[-1].line}",
        )
    return cues


def read_vtt(text: str, where: str) -> list[Segment]:
    cues = parse_cues(text, where, comma=False, kind="WebVTT", header=True)
    per_cue = [voice_parts(cue.payload) for cue in cues]
    if not any(voice for parts in per_cue for voice, _ in parts):
        return labelled_cue_segments(cues, where)
    segments: list[Segment] = []
    for cue, parts in zip(cues, per_cue, strict=True):
        for voice, part in parts:
            segments.append(Segment(voice or "", part, cue.start, cue.end))
    return segments
