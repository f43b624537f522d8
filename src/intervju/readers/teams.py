"""Text copied from Microsoft Teams: the live transcript or the transcript panel.

Teams gives the same talk in several layouts depending on where it was copied
(live transcript during the meeting, the recap's transcript panel, an export)
and on the client's locale:

* name and time on one line: ``Kari Nordmann   10:02``, ``Kari Nordmann 10:02 AM``,
  ``Kari Nordmann   1:02:03`` (an offset in the recording);
* name on one line, time on the next (``Kari Nordmann`` / ``10:02 AM``), sometimes after
  an avatar line with the initials (``KN``);
* names only, each block opened by the speaker's name on a line of its own;
* system lines such as «Kari Nordmann startet transkripsjonen» (words in
  ``data/lang/*/input.yaml``), which are not speech.

A name line is short, capitalised, without closing punctuation, and not only
stop words («Ja», «Okei» never name a speaker). With a time next to it or on
the following line one occurrence is enough; a name without any time counts
when it opens a block (after a blank line, or the very first line) and either
occurs twice or every block of the paste opens with a name.

Times: a 12-hour time (AM/PM) is a time of day. A two-part time («10:02») is a
time of day when the first one is 6 or more (a live copy), otherwise minutes and
seconds of the recording (the panel starts at «0:03»). Three parts are h:mm:ss.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..errors import TranscriptError
from ..lang import LANGUAGES, lexicon
from ..lang.input_words import input_words
from ..models import Transcript
from ._segments import Segment, build_transcript
from .text import split_lines

__all__ = ["TEAMS_FORMAT", "read_teams_paste"]

TEAMS_FORMAT = "teams-live"
_NAME = r"(?P<name>[^\W\d_][^\d:!?]{0,60}?)"
_INITIALS = re.compile(r"^[^\W\d_]{1,3}$")
_MAX_NAME_WORDS = 5


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a time alone on a line, a name followed by a time); AM/PM words come from data."""
    words = input_words()
    markers = sorted(words.clock_am | words.clock_pm, key=len, reverse=True)
    ampm = "|".join(re.escape(m) for m in markers)
    clock = rf"(?P<h>\d{{1,2}}):(?P<m>\d{{2}})(?::(?P<s>\d{{2}}))?(?:\s*(?P<ampm>{ampm}))?"
    time_line = re.compile(rf"^[\[(]?{clock}[\])]?$", re.IGNORECASE)
    header_line = re.compile(rf"^{_NAME}[\s,·•|–-]+[\[(]?{clock}[\])]?$", re.IGNORECASE)
    return time_line, header_line


@dataclass(frozen=True)
class _Clock:
    hours: int
    minutes: int
    seconds: int | None
    ampm: str | None

    @classmethod
    def of(cls, match: re.Match[str]) -> _Clock:
        s = match.group("s")
        ampm = match.group("ampm")
        return cls(
            int(match.group("h")),
            int(match.group("m")),
            int(s) if s is not None else None,
            ampm.lower() if ampm else None,
        )


@dataclass(frozen=True)
class _Header:
    first: int  # the name line
    body: int  # where the block's text starts (after a separate time line)
    name: str
    clock: _Clock | None


@cache
def _stop_words() -> frozenset[str]:
    words: set[str] = set()
    for code in LANGUAGES:
        lex = lexicon(code)
        words |= lex.stop_words | lex.fillers | lex.leading_interjections
    return frozenset(words | input_words().not_speaker_names)


def is_name_line(line: str) -> bool:
    """A line that can be a speaker's name: short, capitalised, no closing punctuation."""
    text = line.strip()
    if not text or len(text) > 60 or text[-1] in ".,;:!?…»\"'" or any(c.isdigit() for c in text):
        return False
    words = text.replace(",", " ").split()
    if not 0 < len(words) <= _MAX_NAME_WORDS or not text[0].isupper():
        return False
    capitals = sum(1 for w in words if w[:1].isupper() or w[:1] == "(")
    if capitals < max(1, len(words) - 1):  # «Kari de Vries» keeps one lower-case particle
        return False
    stop = _stop_words()
    return not all(w.lower().strip("()") in stop for w in words)


def _is_system_line(line: str) -> bool:
    lowered = line.casefold()
    return len(line) < 120 and any(phrase in lowered for phrase in input_words().teams_system_lines)


def _is_initials_of(line: str, name: str) -> bool:
    text = line.strip()
    if not _INITIALS.match(text) or not text.isupper():
        return False
    letters = "".join(w[:1] for w in name.replace(",", " ").split() if w[:1].isalpha())
    return text == letters.upper()[: len(text)] or text == letters.upper()


def _clock_of(line: str) -> _Clock | None:
    m = _patterns()[0].match(line.strip())
    return _Clock.of(m) if m else None


def _headers(lines: list[str]) -> list[_Header]:
    """Every block opener: timed headers first, then names without time (see module doc)."""
    n = len(lines)
    found: dict[int, _Header] = {}
    blank_before = [i == 0 or not lines[i - 1].strip() for i in range(n)]
    for i, raw in enumerate(lines):
        line = raw.strip()
        m = _patterns()[1].match(line)
        if m and is_name_line(m.group("name")):
            found[i] = _Header(i, i + 1, m.group("name").strip(), _Clock.of(m))
            continue
        if is_name_line(line) and i + 1 < n:
            clock = _clock_of(lines[i + 1])
            if clock is not None:
                found[i] = _Header(i, i + 2, line, clock)
    if found:
        return [found[i] for i in sorted(found)]
    openers = [
        i
        for i, raw in enumerate(lines)
        if blank_before[i] and is_name_line(raw) and i + 1 < n and lines[i + 1].strip()
    ]
    counts = Counter(lines[i].strip().casefold() for i in openers)
    blocks = sum(1 for i in range(n) if lines[i].strip() and blank_before[i])
    every_block = len(openers) >= 2 and len(openers) == blocks
    return [
        _Header(i, i + 1, lines[i].strip(), None)
        for i in openers
        if every_block or counts[lines[i].strip().casefold()] >= 2
    ]


def _seconds(clock: _Clock, *, time_of_day: bool) -> float:
    if clock.ampm is not None:
        pm = clock.ampm in input_words().clock_pm
        hours = clock.hours % 12 + (12 if pm else 0)
        return float(hours * 3600 + clock.minutes * 60 + (clock.seconds or 0))
    if clock.seconds is not None:
        return float(clock.hours * 3600 + clock.minutes * 60 + clock.seconds)
    if time_of_day:
        return float(clock.hours * 3600 + clock.minutes * 60)
    return float(clock.hours * 60 + clock.minutes)


def _time_of_day(headers: list[_Header]) -> bool:
    clocks = [h.clock for h in headers if h.clock is not None]
    if not clocks:
        return False
    if any(c.ampm for c in clocks):
        return True
    first = clocks[0]
    return first.seconds is None and first.hours >= 6


def _segments(lines: list[str], headers: list[_Header]) -> list[Segment]:
    time_of_day = _time_of_day(headers)
    segments: list[Segment] = []
    for number, header in enumerate(headers):
        stop = headers[number + 1].first if number + 1 < len(headers) else len(lines)
        parts: list[str] = []
        for index in range(header.body, stop):
            line = lines[index].strip()
            if not line or _is_system_line(line):
                continue
            last = index + 1 == stop and number + 1 < len(headers)
            if last and _is_initials_of(line, headers[number + 1].name):
                continue  # the avatar of the next speaker
            parts.append(line)
        start = _seconds(header.clock, time_of_day=time_of_day) if header.clock else None
        segments.append(Segment(header.name, " ".join(parts), start))
    return segments


def read_teams_paste(text: str, *, where: str = "pasted text") -> Transcript | None:
    """The turns of a Teams copy in any of its layouts; None when it is not one."""
    if text.lstrip("\ufeff").startswith("WEBVTT"):
        return None
    lines = [line for line in split_lines(text) if not _is_system_line(line.strip())]
    headers = _headers(lines)
    if not headers:
        return None
    segments = _segments(lines, headers)
    if not any(s.text for s in segments):
        return None
    try:
        return build_transcript(
            segments, format=TEAMS_FORMAT, source=None, where=where, interviewer=None
        )
    except TranscriptError as exc:
        if "no spoken text" in exc.message:
            return None
        raise
