"""The product's vocabulary: frozen value types shared by every layer.

Readers produce :class:`Transcript`; guides load into :class:`Guide`. Both
are immutable so that analysis stays a pure function of its input and a
cached object can never be changed behind a caller's back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["interviewer", "informant", "unknown"]
ROLES: tuple[Role, ...] = ("interviewer", "informant", "unknown")


Form = Literal["open", "closed", "not_question"]
PROBLEMS = ("closed", "leading", "double", "why")


@dataclass(frozen=True, kw_only=True)
class Verdict:
    """The judgement of one interviewer turn: the one declaration of a question's flags.

    The analyser returns it (``analysis.Analysis``), the live screen stores it
    (``storage.StoredFlag``) and the review reports it (``review.QuestionReview``); each
    adds only what it knows besides, so a flag means the same thing everywhere.
    """

    form: Form
    leading: bool
    double: bool
    why: bool
    explanation: str
    rewrite: str | None

    @property
    def problems(self) -> tuple[str, ...]:
        """The flags raised, in a fixed order: closed, leading, double, why."""
        raised = {
            "closed": self.form == "closed",
            "leading": self.leading,
            "double": self.double,
            "why": self.why,
        }
        return tuple(p for p in PROBLEMS if raised[p])

    def verdict_dict(self) -> dict[str, object]:
        return {
            "form": self.form,
            "leading": self.leading,
            "double": self.double,
            "why": self.why,
            "explanation": self.explanation,
            "rewrite": self.rewrite,
        }


@dataclass(frozen=True)
class Turn:
    """One speaker's uninterrupted contribution (consecutive segments merged)."""

    index: int
    speaker: str
    role: Role
    start: float | None
    end: float | None
    text: str

    def to_dict(self) -> dict[str, object]:
        return {
            "index": self.index,
            "speaker": self.speaker,
            "role": self.role,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


@dataclass(frozen=True)
class Transcript:
    """An ordered interview: the turns plus how they were read."""

    turns: tuple[Turn, ...]
    format: str
    interviewer: str | None = None
    source: str | None = None

    @property
    def speakers(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for turn in self.turns:
            seen.setdefault(turn.speaker, None)
        return tuple(seen)

    def to_dict(self) -> dict[str, object]:
        return {
            "format": self.format,
            "interviewer": self.interviewer,
            "turns": [turn.to_dict() for turn in self.turns],
        }


@dataclass(frozen=True)
class Question:
    """A suggested question in an interview guide."""

    id: str
    text: str
    presisering: str | None = None
    probes: tuple[str, ...] = ()
    core: bool = False


@dataclass(frozen=True)
class Topic:
    """A topic of the guide, in the order it is meant to be covered."""

    id: str
    title: str
    purpose: str
    minutes: float
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Guide:
    """A validated interview guide (see ``guide/*.yaml``)."""

    schema: int
    id: str
    title: str
    language: str
    topics: tuple[Topic, ...]
    description: str | None = None
    source: str | None = field(default=None, compare=False)

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for topic in self.topics for q in topic.questions)

    @property
    def planned_minutes(self) -> float:
        return sum(topic.minutes for topic in self.topics)

    def topic_index_of(self, question_id: str) -> int:
        """1-based position of the topic holding ``question_id``."""
        for position, topic in enumerate(self.topics, start=1):
            if any(q.id == question_id for q in topic.questions):
                return position
        raise KeyError(question_id)

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def to_dict(self) -> dict[str, object]:
        return {
            "schema": self.schema,
            "id": self.id,
            "title": self.title,
            "language": self.language,
            "description": self.description,
            "topics": [
                {
                    "id": t.id,
                    "title": t.title,
                    "purpose": t.purpose,
                    "minutes": t.minutes,
                    "questions": [
                        {
                            "id": q.id,
                            "text": q.text,
                            "presisering": q.presisering,
                            "probes": list(q.probes),
                            "core": q.core,
                        }
                        for q in t.questions
                    ],
                }
                for t in self.topics
            ],
        }
