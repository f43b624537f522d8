"""The review report as frozen value types, and its stable JSON shape.

Every export (JSON, Markdown, HTML, CSV) and the app's Gjennomgang page read
these objects; none of them recomputes anything. ``to_dict`` gives the JSON
interface promised in the issue: the keys listed there are never renamed or
removed, new keys may be added next to them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Verdict
from ._text import cue_label


@dataclass(frozen=True, kw_only=True)
class QuestionReview(Verdict):
    """One interviewer turn that asks something, as the analyser and tracker see it.

    ``text`` is the whole interviewer turn (what was said); ``questions`` are
    the analyser's segmented question strings inside it. The flags, explanation and
    rewrite are the analyser's :class:`~intervju.models.Verdict`, unchanged.
    """

    turn_index: int
    text: str
    topic_index: int | None
    guide_question_id: str | None
    follow_up: bool
    follow_up_reason: str
    questions: tuple[str, ...]
    start: float | None
    score: float
    answer_seconds: float | None = None  # how long the informant spoke before the next question

    def to_dict(self) -> dict[str, object]:
        return {
            "turn_index": self.turn_index,
            "text": self.text,
            "form": self.form,
            "leading": self.leading,
            "double": self.double,
            "why": self.why,
            "explanation": self.explanation,
            "rewrite": self.rewrite,
            "topic_index": self.topic_index,
            "guide_question_id": self.guide_question_id,
            "follow_up": self.follow_up,
            "follow_up_reason": self.follow_up_reason,
            "questions": list(self.questions),
            "problems": list(self.problems),
            "start": self.start,
            "answer_seconds": self.answer_seconds,
        }


@dataclass(frozen=True)
class MissedFollowUp:
    """An informant turn with strong cues that the interviewer left hanging."""

    turn_index: int
    text: str
    cues: tuple[str, ...]
    next_turn_index: int
    next_question: str
    suggestion: str
    suggestion_intent: str
    words: str = ""  # the informant's words that called for a follow-up (a sentence of text)

    def cue_labels(self, language: str) -> tuple[str, ...]:
        """The cues as the report shows them (:func:`._text.cue_label`); JSON keeps ``cues``."""
        return tuple(cue_label(cue, language) for cue in self.cues)

    def to_dict(self) -> dict[str, object]:
        return {
            "turn_index": self.turn_index,
            "text": self.text,
            "words": self.words,
            "cues": list(self.cues),
            "next_turn_index": self.next_turn_index,
            "next_question": self.next_question,
            "suggestion": self.suggestion,
            "suggestion_intent": self.suggestion_intent,
        }


@dataclass(frozen=True)
class KeyTerm:
    term: str
    count: int

    def to_dict(self) -> dict[str, object]:
        return {"term": self.term, "count": self.count}


@dataclass(frozen=True)
class TopicCoverage:
    """How one guide topic was covered: guide questions asked and never asked."""

    topic_index: int
    title: str
    total: int
    asked: tuple[str, ...]
    never_asked: tuple[str, ...]
    questions: int
    minutes: float | None
    asked_text: tuple[str, ...] = ()  # the guide questions' wording, same order as ``asked``
    never_asked_text: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "topic_index": self.topic_index,
            "title": self.title,
            "total": self.total,
            "asked": list(self.asked),
            "never_asked": list(self.never_asked),
            "asked_text": list(self.asked_text),
            "never_asked_text": list(self.never_asked_text),
            "questions": self.questions,
            "minutes": self.minutes,
        }


@dataclass(frozen=True)
class TimelineBin:
    """Question quality in one tenth of the interview (by time, else by turn position)."""

    bin: int
    start: float
    end: float
    questions: int
    open: int
    closed: int
    leading: int
    double: int
    follow_ups: int
    by_time: bool = False  # start/end in seconds; else in turn positions

    @property
    def open_share(self) -> float | None:
        return round(self.open / self.questions, 3) if self.questions else None

    def to_dict(self) -> dict[str, object]:
        return {
            "bin": self.bin,
            "start": self.start,
            "end": self.end,
            "questions": self.questions,
            "open": self.open,
            "closed": self.closed,
            "leading": self.leading,
            "double": self.double,
            "follow_ups": self.follow_ups,
            "open_share": self.open_share,
            "by_time": self.by_time,
        }


@dataclass(frozen=True)
class CurvePoint:
    """The open share over a moving window: a trend, not one or two questions' noise.

    ``at`` is the window's centre: seconds from the start when ``by_time``,
    else the question's number (1-based). ``questions`` is how many questions
    the window held.
    """

    at: float
    open_share: float
    questions: int
    by_time: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "at": self.at,
            "open_share": self.open_share,
            "questions": self.questions,
            "by_time": self.by_time,
        }


@dataclass(frozen=True)
class InterviewStats:
    """Counts and shares over all the questions of one interview."""

    questions: int
    open: int
    closed: int
    leading: int
    double: int
    why: int
    follow_ups: int
    open_share: float
    closed_share: float
    leading_share: float
    double_share: float
    follow_up_rate: float
    interviewer_words: int
    informant_words: int
    interviewer_time_share: float | None
    duration_seconds: float | None

    def to_dict(self) -> dict[str, object]:
        return {
            "questions": self.questions,
            "open": self.open,
            "closed": self.closed,
            "leading": self.leading,
            "double": self.double,
            "why": self.why,
            "follow_ups": self.follow_ups,
            "open_share": self.open_share,
            "closed_share": self.closed_share,
            "leading_share": self.leading_share,
            "double_share": self.double_share,
            "follow_up_rate": self.follow_up_rate,
            "interviewer_words": self.interviewer_words,
            "informant_words": self.informant_words,
            "interviewer_time_share": self.interviewer_time_share,
            "duration_seconds": self.duration_seconds,
        }


@dataclass(frozen=True)
class InterviewReport:
    """Everything the review says about one interview."""

    file: str
    interviewer: str | None
    informants: tuple[str, ...]
    questions: tuple[QuestionReview, ...]
    topics_covered: tuple[int, ...]
    interviewer_word_share: float
    missed_followups: tuple[MissedFollowUp, ...]
    key_terms: tuple[KeyTerm, ...]
    stats: InterviewStats
    coverage: tuple[TopicCoverage, ...]
    timeline: tuple[TimelineBin, ...]
    turns: int
    open_curve: tuple[CurvePoint, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "interviewer": self.interviewer,
            "questions": [q.to_dict() for q in self.questions],
            "topics_covered": list(self.topics_covered),
            "interviewer_word_share": self.interviewer_word_share,
            "missed_followups": [m.turn_index for m in self.missed_followups],
            "key_terms": [k.to_dict() for k in self.key_terms],
            "informants": list(self.informants),
            "turns": self.turns,
            "stats": self.stats.to_dict(),
            "coverage": [c.to_dict() for c in self.coverage],
            "timeline": [b.to_dict() for b in self.timeline],
            "missed_followup_details": [m.to_dict() for m in self.missed_followups],
            "open_curve": [p.to_dict() for p in self.open_curve],
        }


@dataclass(frozen=True)
class LearningPoint:
    """One interview's place on the learning curve."""

    position: int
    file: str
    questions: int
    open_share: float
    leading: int
    double: int
    interviewer_word_share: float
    follow_up_rate: float
    missed_followups: int

    def to_dict(self) -> dict[str, object]:
        return {
            "position": self.position,
            "file": self.file,
            "questions": self.questions,
            "open_share": self.open_share,
            "leading": self.leading,
            "double": self.double,
            "interviewer_word_share": self.interviewer_word_share,
            "follow_up_rate": self.follow_up_rate,
            "missed_followups": self.missed_followups,
        }


@dataclass(frozen=True)
class SkippedQuestion:
    """A guide question never asked in at least half of the interviews."""

    question_id: str
    topic_index: int
    text: str
    never_asked_in: int
    interviews: int

    def to_dict(self) -> dict[str, object]:
        return {
            "question_id": self.question_id,
            "topic_index": self.topic_index,
            "text": self.text,
            "never_asked_in": self.never_asked_in,
            "interviews": self.interviews,
        }


@dataclass(frozen=True)
class ReviewSummary:
    """Across interviews: the learning curve in interview order and skipped guide questions."""

    interviews: int
    guide_id: str
    guide_title: str
    learning_curve: tuple[LearningPoint, ...]
    skipped_questions: tuple[SkippedQuestion, ...]
    questions: int
    open_share: float
    follow_up_rate: float
    interviewer_word_share: float
    order: str

    def to_dict(self) -> dict[str, object]:
        return {
            "interviews": self.interviews,
            "guide_id": self.guide_id,
            "guide_title": self.guide_title,
            "order": self.order,
            "questions": self.questions,
            "open_share": self.open_share,
            "follow_up_rate": self.follow_up_rate,
            "interviewer_word_share": self.interviewer_word_share,
            "learning_curve": [p.to_dict() for p in self.learning_curve],
            "skipped_questions": [s.to_dict() for s in self.skipped_questions],
        }


@dataclass(frozen=True)
class ReviewReport:
    """The whole review: one report per interview plus the summary across them."""

    interviews: tuple[InterviewReport, ...]
    summary: ReviewSummary
    guide_topics: tuple[str, ...]
    pseudonymised: bool = False
    language: str = "nb"

    def to_dict(self) -> dict[str, object]:
        return {
            "interviews": [i.to_dict() for i in self.interviews],
            "summary": self.summary.to_dict(),
            "guide_topics": list(self.guide_topics),
            "pseudonymised": self.pseudonymised,
            "language": self.language,
        }
