"""Counting: talk share by words and by time, question shares, the timeline.

Pure functions over turns and reviewed questions, kept apart from the
analysis so the numbers have one definition each:

* a *word* is a regex ``\\w+`` token of a turn's text (so «(pause 5 sek)»
  counts three words, as written in the transcript);
* ``interviewer_word_share`` = interviewer words / all words of all turns
  (any role), rounded to 3 decimals; 0.0 for an interview without words;
* the *time share* uses ``end - start`` of turns that have both, and is
  ``None`` when the transcript has no timestamps;
* the *timeline* cuts the interview into ten equal parts by time when
  timestamps exist, else by turn position, and counts the questions in each;
* the *open curve* is the open share over a moving window: every minute over
  the questions asked within ±3 minutes when every question has a time, else
  at every question over the 7 questions centred on it; a window with fewer
  than 3 questions gives no point (one or two questions are noise, not a trend);
* ``answer_seconds`` of a question: the informant's speaking time (``end -
  start`` of their turns) until the next question; ``None`` without times.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Turn
from .report import CurvePoint, InterviewStats, QuestionReview, TimelineBin

WORD = re.compile(r"\w+")
TIMELINE_BINS = 10
CURVE_WINDOW_QUESTIONS = 7
CURVE_WINDOW_SECONDS = 360.0
CURVE_STEP_SECONDS = 60.0
CURVE_MIN_QUESTIONS = 3


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def word_share(turns: Sequence[Turn], interviewer: str | None) -> tuple[int, int, float]:
    """(interviewer words, other words, interviewer share rounded to 3 decimals)."""
    mine = 0
    other = 0
    for turn in turns:
        count = word_count(turn.text)
        if _is_interviewer(turn, interviewer):
            mine += count
        else:
            other += count
    total = mine + other
    return mine, other, round(mine / total, 3) if total else 0.0


def time_share(turns: Sequence[Turn], interviewer: str | None) -> float | None:
    """Interviewer speaking time / all speaking time, or None without timestamps."""
    mine = 0.0
    total = 0.0
    for turn in turns:
        if turn.start is None or turn.end is None or turn.end <= turn.start:
            continue
        length = turn.end - turn.start
        total += length
        if _is_interviewer(turn, interviewer):
            mine += length
    return round(mine / total, 3) if total > 0 else None


def duration(turns: Sequence[Turn]) -> float | None:
    starts = [t.start for t in turns if t.start is not None]
    ends = [t.end if t.end is not None else t.start for t in turns if t.start is not None]
    if not starts:
        return None
    return round(max(e for e in ends if e is not None) - min(starts), 1)


def _is_interviewer(turn: Turn, interviewer: str | None) -> bool:
    if turn.role == "interviewer":
        return True
    return interviewer is not None and turn.role == "unknown" and turn.speaker == interviewer


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def stats(
    turns: Sequence[Turn], questions: Sequence[QuestionReview], interviewer: str | None
) -> InterviewStats:
    """Counts and shares over every question of one interview."""
    n = len(questions)
    opened = sum(q.form == "open" for q in questions)
    closed = sum(q.form == "closed" for q in questions)
    leading = sum(q.leading for q in questions)
    double = sum(q.double for q in questions)
    why = sum(q.why for q in questions)
    follow = sum(q.follow_up for q in questions)
    mine, other, _ = word_share(turns, interviewer)
    return InterviewStats(
        questions=n,
        open=opened,
        closed=closed,
        leading=leading,
        double=double,
        why=why,
        follow_ups=follow,
        open_share=_share(opened, n),
        closed_share=_share(closed, n),
        leading_share=_share(leading, n),
        double_share=_share(double, n),
        follow_up_rate=_share(follow, n),
        interviewer_words=mine,
        informant_words=other,
        interviewer_time_share=time_share(turns, interviewer),
        duration_seconds=duration(turns),
    )


def timeline(
    turns: Sequence[Turn], questions: Sequence[QuestionReview], bins: int = TIMELINE_BINS
) -> tuple[TimelineBin, ...]:
    """Questions per tenth of the interview, by time when every question has a start."""
    if not turns:
        return ()
    by_index = {t.index: t for t in turns}
    timed = all(by_index[q.turn_index].start is not None for q in questions) and any(
        t.start is not None for t in turns
    )
    if timed:
        first = min(t.start for t in turns if t.start is not None)
        last = max((t.end if t.end is not None else t.start) for t in turns if t.start is not None)
        lo, hi = float(first), float(last if last is not None else first)
    else:
        lo, hi = 0.0, float(len(turns))
    width = (hi - lo) / bins if hi > lo else 1.0

    order = {t.index: i for i, t in enumerate(turns)}

    def position(q: QuestionReview) -> float:
        start = by_index[q.turn_index].start
        if timed and start is not None:
            return float(start)
        return float(order[q.turn_index])

    buckets: list[list[QuestionReview]] = [[] for _ in range(bins)]
    for q in questions:
        slot = int((position(q) - lo) / width) if width else 0
        buckets[min(max(slot, 0), bins - 1)].append(q)
    return tuple(
        TimelineBin(
            bin=i + 1,
            start=round(lo + i * width, 1),
            end=round(lo + (i + 1) * width, 1),
            questions=len(b),
            open=sum(q.form == "open" for q in b),
            closed=sum(q.form == "closed" for q in b),
            leading=sum(q.leading for q in b),
            double=sum(q.double for q in b),
            follow_ups=sum(q.follow_up for q in b),
            by_time=timed,
        )
        for i, b in enumerate(buckets)
    )


def open_curve(
    turns: Sequence[Turn], questions: Sequence[QuestionReview]
) -> tuple[CurvePoint, ...]:
    """The open share over a moving window (see the module docstring)."""
    if not questions:
        return ()
    by_index = {t.index: t for t in turns}
    starts = [by_index[q.turn_index].start if q.turn_index in by_index else None for q in questions]
    opens = [q.form == "open" for q in questions]
    if all(s is not None for s in starts):
        times = [float(s) for s in starts if s is not None]
        return _curve_by_time(times, opens)
    half = CURVE_WINDOW_QUESTIONS // 2
    need = min(CURVE_MIN_QUESTIONS, len(opens))
    out: list[CurvePoint] = []
    for i in range(len(opens)):
        window = opens[max(0, i - half) : i + half + 1]
        if len(window) >= need:
            out.append(CurvePoint(i + 1, round(sum(window) / len(window), 3), len(window), False))
    return tuple(out)


def _curve_by_time(times: list[float], opens: list[bool]) -> tuple[CurvePoint, ...]:
    half = CURVE_WINDOW_SECONDS / 2
    need = min(CURVE_MIN_QUESTIONS, len(opens))
    out: list[CurvePoint] = []
    at = times[0]
    while at <= times[-1] + 1e-9:
        window = [o for t, o in zip(times, opens, strict=True) if abs(t - at) <= half]
        if len(window) >= need:
            out.append(
                CurvePoint(round(at, 1), round(sum(window) / len(window), 3), len(window), True)
            )
        at += CURVE_STEP_SECONDS
    return tuple(out)


def answer_seconds(turns: Sequence[Turn], question_turns: set[int]) -> dict[int, float | None]:
    """Per question turn: the informant's speaking time until the next question."""
    out: dict[int, float | None] = {}
    current: int | None = None
    for turn in turns:
        if turn.index in question_turns:
            current = turn.index
            out[current] = None
            continue
        if current is None or turn.role != "informant":
            continue
        if turn.start is not None and turn.end is not None:
            out[current] = round((out[current] or 0.0) + max(turn.end - turn.start, 0.0), 1)
    return out
