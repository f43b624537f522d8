"""Plain-text transcripts with speaker labels ("Forsker: …", "I: …", "Kari: …").

This is how researchers type transcripts by hand in Word, so it also reads
.docx files that are not Teams exports, and the label logic is shared with
SRT and label-style VTT cues.

A line starting with a label and a colon starts a new segment; other lines
continue the current speaker (blank lines only separate paragraphs). Lines
before the first label (title, date, names of the participants) are not
turns. An optional timestamp – "[00:12:05]", "(12:05)", "00:12:05" – before
the label, between label and colon, or right after the colon becomes the
segment's start time.

Because "Altså: …" or "Det var slik: …" can begin an ordinary sentence, a
label-looking prefix counts as a speaker only when it is a known role label
(Forsker, Informant, I, IP, …), or occurs as a label at least twice, or
opens a paragraph (first line, or after a blank line), or – when no label
repeats, as in a very short text – has at most two words. So a speaker who
talks once, in the middle of a paragraph, is read as continuation text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import TranscriptError
from ._segments import Segment
from .roles import INFORMANT_LABELS, INTERVIEWER_LABELS, label_key

_TS = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
TIMESTAMP = re.compile(rf"^(?:\[({_TS})\]|\(({_TS})\)|({_TS}))$")


def _ts_group(n: str) -> str:
    return rf"(?:\[(?P<{n}>{_TS})\]|\((?P<{n}p>{_TS})\)|(?P<{n}b>{_TS}))"


# A label: up to five words of letters/digits joined by space, dot, hyphen or
# apostrophe, starting with a letter, e.g. "Kari Nordmann", "IP1", "Dr. Berg".
_LABEL = r"[^\W\d_][^\W_]*(?:(?:[ '’-]|\.\s?)[^\W_]+){0,4}\.?"
LABEL_LINE = re.compile(
    r"^\s*(?:" + _ts_group("t1") + r"\s*[-–]?\s*)?"
    r"(?P<label>" + _LABEL + r")"
    r"\s*(?:" + _ts_group("t2") + r"\s*)?:"
    r"(?:\s*" + _ts_group("t3") + r")?"
    r"(?P<text>(?!\d).*)$"
)
_KNOWN = INTERVIEWER_LABELS | INFORMANT_LABELS | {"i"}


def parse_clock(value: str) -> float:
    """'1:02:03.5' / '12:05' / '0:03' -> seconds."""
    value = value.replace(",", ".")
    seconds = 0.0
    for part in value.split(":"):
        seconds = seconds * 60 + float(part)
    return round(seconds, 3)


@dataclass(frozen=True)
class LabelMatch:
    label: str
    text: str
    start: float | None


def match_label(line: str) -> LabelMatch | None:
    """Split 'Forsker [00:01:02]: tekst' into its parts, or None."""
    m = LABEL_LINE.match(line)
    if m is None:
        return None
    label = m.group("label").strip()
    if len(label) > 40 or label.casefold().startswith(("http", "www")):
        return None
    start = None
    for name in ("t1", "t1p", "t1b", "t2", "t2p", "t2b", "t3", "t3p", "t3b"):
        value = m.group(name)
        if value:
            start = parse_clock(value)
            break
    return LabelMatch(label=label, text=m.group("text").strip(), start=start)


def plausible_label(label: str) -> bool:
    """Known role words in any case; otherwise a capitalised name."""
    return label_key(label) in _KNOWN or label[:1].isupper()


def name_like(label: str) -> bool:
    """One to three capitalised words: 'Kari', 'Åse Ødegård', 'Ola B. Lie'."""
    words = label.split()
    return 0 < len(words) <= 3 and all(word[:1].isupper() for word in words)


def accepted_labels(candidates: Sequence[tuple[str, bool]]) -> set[str]:
    """Decide which label-looking prefixes are speakers (see module doc).

    ``candidates`` are (label, opens_paragraph) for every line that looks
    labelled, in order. Returns casefolded labels.
    """
    counts = Counter(label.casefold() for label, _ in candidates)
    accepted = {key for key, n in counts.items() if n >= 2}
    accepted |= {key for key in counts if label_key(key) in _KNOWN}
    accepted |= {label.casefold() for label, opens in candidates if opens}
    if not any(n >= 2 for n in counts.values()):
        # A very short text without blank lines: trust short labels too.
        accepted |= {label.casefold() for label, _ in candidates if len(label.split()) <= 2}
    return accepted


def parse_labelled_lines(lines: Sequence[str], where: str, *, what: str = "lines") -> list[Segment]:
    """Segments from labelled lines; raises if no speaker label is found."""
    candidates: list[tuple[str, bool]] = []
    matches: list[LabelMatch | None] = []
    previous_blank = True
    for line in lines:
        found = match_label(line)
        if found is not None and not plausible_label(found.label):
            found = None
        matches.append(found)
        if found is not None:
            # A timestamp next to a name-like label is as strong a sign of a speaker as a
            # paragraph break: «[00:09] Ola Hansen: …» counts even when Ola speaks once.
            timed = found.start is not None and name_like(found.label)
            candidates.append((found.label, previous_blank or timed))
        previous_blank = not line.strip()
    accepted = accepted_labels(candidates)
    if all(found is not None for line, found in zip(lines, matches, strict=True) if line.strip()):
        # Every line is labelled: a name that has spoken once is a speaker too. Without
        # this a growing file read at "F: …, K: …, F: …" folds K's line into F's turn.
        accepted |= {label.casefold() for label, _ in candidates if name_like(label)}
    if not accepted:
        raise TranscriptError(
            f"no speaker labels found in the {what} (expected lines such as 'Forsker: …' "
            "or 'Kari: …')",
            where=where,
        )
    segments: list[Segment] = []
    speaker: str | None = None
    parts: list[str] = []
    start: float | None = None
    pending_start: float | None = None

    def flush() -> None:
        if speaker is not None:
            segments.append(Segment(speaker, " ".join(parts), start))

    for line, found in zip(lines, matches, strict=True):
        stripped = line.strip()
        if found is not None and found.label.casefold() in accepted:
            flush()
            speaker, parts = found.label, [found.text]
            start = found.start if found.start is not None else pending_start
            pending_start = None
            continue
        clock = TIMESTAMP.match(stripped)
        if clock:
            pending_start = parse_clock(next(g for g in clock.groups() if g))
            continue
        if speaker is not None and stripped:
            parts.append(stripped)
    flush()
    return segments


def split_lines(text: str) -> list[str]:
    """Lines on CR, LF or CRLF (and Word's vertical tab / form feed)."""
    return re.split(r"\r\n|\r|\n|\v|\f|\u2028|\u2029", text)


def read_text(text: str, where: str) -> list[Segment]:
    return parse_labelled_lines(split_lines(text), where)
