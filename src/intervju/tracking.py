"""Guide tracking: where the interview stands against the interview guide.

Semi-structured interviews do not follow the guide in order, and IPA
encourages following the informant. So every turn is mapped to the nearest
guide question by embedding similarity, with an *order prior*: the current
topic gets a small bonus, and a short or vague turn («ja, det stemmer») stays
where the interview already is instead of jumping on a weak match. A guide
question is ticked automatically only on strong evidence, because a false tick
makes the interviewer skip a question (worst for a core question ★): the
interviewer's turn is very close to it (:data:`STRONG_ASK`), or close and sharing
the question's own content words (:data:`SUPPORTED_ASK`, :data:`SHARED_WORDS`),
and clearly closer to it than to any other question. Core questions need the
stronger evidence of the two. A weaker match (an interviewer turn near a question,
or an informant answering one unasked) is only offered as a suggestion to tick
(:attr:`GuideMatch.suggest`); the interviewer can tick by hand. Thresholds are
measured on replayed interviews in ``bench/autotick.py``.

``next_question`` proposes the most relevant uncovered question, preferring
the current topic and what the informant just talked about, so the second
screen can say "still open here: …" without forcing the guide's order.

Each turn is embedded once by the caller (the live session) and the vector is
passed in; the guide's question vectors come from the on-disk cache.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
from langchain_core.embeddings import Embeddings

from .embeddings import embed_queries, get_embeddings
from .index import cached_embeddings
from .lang import lemma, lexicon, resolve_language, words
from .models import Guide, Role

__all__ = [
    "Coverage",
    "GuideMatch",
    "GuideNext",
    "GuideTracker",
    "TopicCoverage",
]

# Calibrated for multilingual-e5 (cosine of "query:" vectors runs ~0.70-0.95); other
# backends can pass their own thresholds.
ASK_THRESHOLD = 0.885  # an interviewer turn this close may ask it: offered as a suggestion
ANSWER_THRESHOLD = 0.915  # an informant turn this close may answer it unasked: a suggestion
STRONG_ASK = 0.92  # an interviewer turn this close asks it: ticked
SUPPORTED_ASK = 0.895  # ... or this close and sharing the question's content words: ticked
SHARED_WORDS = 2  # content lemmas shared with the guide question for SUPPORTED_ASK
SHARED_SHARE = 0.3  # ... and at least this share of the question's content lemmas
CORE_SHARED_SHARE = 0.6  # a core question (★) needs a larger share
MARGIN = 0.005  # ... and clearly closer to it than to any other guide question
LOCATE_MIN = 0.80  # below this a turn is not evidence of a topic change
CURRENT_TOPIC_BONUS = 0.015
NEXT_TOPIC_BONUS = 0.01
SHORT_TURN_WORDS = 6
GUIDE_TEXT = "title+question+presisering"
GUIDE_KIND: Literal["query", "passage"] = "query"


def content_lemmas(text: str, language: str | None) -> frozenset[str]:
    """The lemmas of a text's content words (stop words and fillers left out)."""
    code = resolve_language(language, text)
    lex = lexicon(code)
    out = set()
    for word in words(text):
        low = word.lower()
        if len(low) > 2 and low not in lex.stop_words and not lex.is_filler(low):
            out.add(lemma(low, code))
    return frozenset(out)


def question_document(guide: Guide, question_id: str, variant: str = GUIDE_TEXT) -> str:
    """The text embedded for a guide question."""
    question = guide.question(question_id)
    topic = guide.topics[guide.topic_index_of(question_id) - 1]
    parts = []
    if "title" in variant:
        parts.append(f"{topic.title}:")
    parts.append(question.text)
    if "presisering" in variant and question.presisering:
        parts.append(question.presisering)
    return " ".join(parts)


@dataclass(frozen=True)
class GuideMatch:
    """Where one turn belongs: 1-based topic, the nearest question (None if unclear)."""

    topic_index: int
    question_id: str | None
    score: float
    suggest: str | None = None  # a question this turn may have asked: offer a tick, never tick


@dataclass(frozen=True)
class GuideNext:
    """The guide question to consider next."""

    topic_index: int
    question_id: str
    text: str

    def to_dict(self) -> dict[str, object]:
        return {"topic_index": self.topic_index, "question_id": self.question_id, "text": self.text}


@dataclass(frozen=True)
class TopicCoverage:
    """Progress on one topic: which questions are covered, minutes spent vs planned."""

    topic_index: int
    topic_id: str
    title: str
    question_ids: tuple[str, ...]
    covered: tuple[str, ...]
    minutes: float
    planned_minutes: float

    @property
    def total(self) -> int:
        return len(self.question_ids)

    def to_dict(self) -> dict[str, object]:
        return {
            "topic_index": self.topic_index,
            "topic_id": self.topic_id,
            "title": self.title,
            "covered": list(self.covered),
            "total": self.total,
            "minutes": round(self.minutes, 2),
            "planned_minutes": self.planned_minutes,
        }


@dataclass(frozen=True)
class Coverage:
    """The guide's state: per topic, the current topic (1-based) and all covered ids."""

    topics: tuple[TopicCoverage, ...]
    current_topic: int | None

    @property
    def covered(self) -> tuple[str, ...]:
        return tuple(qid for topic in self.topics for qid in topic.covered)

    @property
    def total(self) -> int:
        return sum(topic.total for topic in self.topics)

    def to_dict(self) -> dict[str, object]:
        return {
            "current_topic": self.current_topic,
            "covered": len(self.covered),
            "total": self.total,
            "topics": [topic.to_dict() for topic in self.topics],
        }

    @classmethod
    def empty(cls) -> Coverage:
        return cls(topics=(), current_topic=None)


class GuideTracker:
    """Stateful mapping of an interview's turns onto a guide."""

    def __init__(
        self,
        guide: Guide,
        embeddings: Embeddings | None = None,
        *,
        cache_directory: Path | None = None,
        ask_threshold: float = ASK_THRESHOLD,
        answer_threshold: float = ANSWER_THRESHOLD,
        locate_min: float = LOCATE_MIN,
        strong_ask: float = STRONG_ASK,
        supported_ask: float = SUPPORTED_ASK,
    ) -> None:
        self.guide = guide
        self.embeddings = embeddings if embeddings is not None else get_embeddings()
        self.ask_threshold = ask_threshold
        self.answer_threshold = answer_threshold
        self.locate_min = locate_min
        self.strong_ask = strong_ask
        self.supported_ask = supported_ask
        questions = guide.questions
        self._core = frozenset(q.id for q in questions if q.core)
        self._content = {q.id: content_lemmas(q.text, guide.language) for q in questions}
        self._ids: tuple[str, ...] = tuple(q.id for q in questions)
        self._texts: tuple[str, ...] = tuple(q.text for q in questions)
        # What is embedded: the question with its topic and clarification, which anchors
        # paraphrases («da går vi over til relasjonen») better than the bare wording.
        self._documents = [question_document(guide, q.id, GUIDE_TEXT) for q in questions]
        self._topic_of = np.asarray(
            [guide.topic_index_of(qid) for qid in self._ids], dtype=np.int64
        )
        self._vectors = cached_embeddings(
            self.embeddings, self._documents, kind=GUIDE_KIND, directory=cache_directory
        )
        self._covered: dict[str, str] = {}  # id -> how ("asked", "answered", "manual")
        # An interview starts at the guide's beginning; the order prior needs a place to start.
        self._current: int | None = 1 if guide.topics else None
        self._seconds = [0.0] * len(guide.topics)
        self._open_start: float | None = None  # start of the last turn without an end
        self._open_topic: int | None = None

    def fresh(self) -> GuideTracker:
        """A tracker for a new interview sharing this one's guide vectors (no re-embedding)."""
        clone = GuideTracker.__new__(GuideTracker)
        clone.__dict__.update(self.__dict__)
        clone._covered = {}
        clone._current = 1 if self.guide.topics else None
        clone._seconds = [0.0] * len(self.guide.topics)
        clone._open_start = None
        clone._open_topic = None
        return clone

    # -- state ------------------------------------------------------------
    @property
    def current_topic(self) -> int | None:
        return self._current

    @property
    def covered(self) -> dict[str, str]:
        return dict(self._covered)

    def mark_covered(self, question_id: str, how: str = "manual") -> None:
        """Tick a guide question off by hand (KeyError for an unknown id)."""
        self.guide.question(question_id)
        self._covered.setdefault(question_id, how)

    def unmark(self, question_id: str) -> None:
        self._covered.pop(question_id, None)

    # -- mapping ----------------------------------------------------------
    def _vector(self, text: str, vector: np.ndarray | None) -> np.ndarray:
        if vector is not None:
            return np.asarray(vector, dtype=np.float32).reshape(-1)
        row: np.ndarray = embed_queries(self.embeddings, [text])[0]
        return row

    def similarities(self, text: str, *, vector: np.ndarray | None = None) -> np.ndarray:
        """Cosine similarity of the turn to every guide question (guide order)."""
        out: np.ndarray = self._vectors @ self._vector(text, vector)
        return out

    def locate(self, text: str, role: Role, *, vector: np.ndarray | None = None) -> GuideMatch:
        """Nearest guide question with the order prior; does not change state."""
        sims = self.similarities(text, vector=vector)
        return self._locate(text, sims)

    def _locate(self, text: str, sims: np.ndarray) -> GuideMatch:
        if not self._ids:
            return GuideMatch(self._current or 1, None, 0.0)
        boosted = sims.copy()
        if self._current is not None:
            boosted[self._topic_of == self._current] += CURRENT_TOPIC_BONUS
            boosted[self._topic_of == self._current + 1] += NEXT_TOPIC_BONUS
        best = int(np.argmax(boosted))
        score = float(sims[best])
        short = len(text.split()) < SHORT_TURN_WORDS
        if self._current is not None and (short or score < self.locate_min):
            # Too little evidence to move: stay in the current topic.
            in_topic = np.flatnonzero(self._topic_of == self._current)
            local = int(in_topic[np.argmax(sims[in_topic])])
            qid = self._ids[local] if float(sims[local]) >= self.locate_min else None
            return GuideMatch(self._current, qid, float(sims[local]))
        topic = int(self._topic_of[best])
        return GuideMatch(topic, self._ids[best] if score >= self.locate_min else None, score)

    def observe(
        self,
        text: str,
        role: Role,
        *,
        vector: np.ndarray | None = None,
        start: float | None = None,
        end: float | None = None,
    ) -> GuideMatch:
        """Map a turn, move the current topic, mark coverage and account time."""
        sims = self.similarities(text, vector=vector)
        match = self._locate(text, sims)
        verdict = self._evidence(text, role, match, sims)
        if verdict == "tick" and match.question_id is not None:
            self._covered.setdefault(match.question_id, "asked")
        elif verdict == "suggest" and match.question_id not in self._covered:
            match = GuideMatch(match.topic_index, match.question_id, match.score, match.question_id)
        # The interviewer steers the topic; an informant's turn moves it only on strong evidence.
        moves = role == "interviewer" or match.score >= self.answer_threshold
        if self._current is None or (moves and match.score >= self.locate_min):
            self._current = match.topic_index
        self._account(start, end)
        return match

    def _evidence(
        self, text: str, role: Role, match: GuideMatch, sims: np.ndarray
    ) -> Literal["tick", "suggest", "none"]:
        """How strongly this turn shows that the matched guide question was asked."""
        if match.question_id is None:
            return "none"
        runner_up = float(np.partition(sims, -2)[-2]) if len(sims) > 1 else -1.0
        clear = match.score - runner_up >= MARGIN
        if role != "interviewer":
            return "suggest" if clear and match.score >= self.answer_threshold else "none"
        if clear and self._strong(text, match):
            return "tick"
        return "suggest" if match.score >= self.ask_threshold else "none"

    def _strong(self, text: str, match: GuideMatch) -> bool:
        if match.score >= self.strong_ask:
            return True
        if match.score < self.supported_ask or match.question_id is None:
            return False
        own = self._content[match.question_id]
        shared = own & content_lemmas(text, self.guide.language)
        share = CORE_SHARED_SHARE if match.question_id in self._core else SHARED_SHARE
        return len(shared) >= SHARED_WORDS and len(shared) >= share * len(own)

    def _account(self, start: float | None, end: float | None) -> None:
        topic = self._current
        if self._open_start is not None and self._open_topic is not None and start is not None:
            self._seconds[self._open_topic - 1] += max(0.0, start - self._open_start)
        self._open_start = self._open_topic = None
        if topic is None or start is None:
            return
        if end is not None:
            self._seconds[topic - 1] += max(0.0, end - start)
        else:
            self._open_start, self._open_topic = start, topic

    # -- read-outs ----------------------------------------------------------
    def coverage(self) -> Coverage:
        topics = []
        for position, topic in enumerate(self.guide.topics, start=1):
            ids = tuple(q.id for q in topic.questions)
            topics.append(
                TopicCoverage(
                    topic_index=position,
                    topic_id=topic.id,
                    title=topic.title,
                    question_ids=ids,
                    covered=tuple(i for i in ids if i in self._covered),
                    minutes=self._seconds[position - 1] / 60.0,
                    planned_minutes=topic.minutes,
                )
            )
        return Coverage(topics=tuple(topics), current_topic=self._current)

    def next_question(
        self, recent_text: str | None = None, *, vector: np.ndarray | None = None
    ) -> GuideNext | None:
        """The most relevant uncovered question, preferring the current topic."""
        open_rows = [i for i, qid in enumerate(self._ids) if qid not in self._covered]
        if not open_rows:
            return None
        rows = np.asarray(open_rows, dtype=np.int64)
        score = np.zeros(len(rows), dtype=np.float32)
        if recent_text or vector is not None:
            sims = self.similarities(recent_text or "", vector=vector)[rows]
            score += sims
        current = self._current or 1
        topics = self._topic_of[rows]
        score += np.where(topics == current, 0.06, 0.0).astype(np.float32)
        # Topics still ahead come before ones already passed.
        score += np.where(topics == current + 1, 0.02, 0.0).astype(np.float32)
        score -= np.where(topics < current, 0.02, 0.0).astype(np.float32)
        # Within equal relevance, keep the guide's order.
        score -= 0.0005 * np.arange(len(rows), dtype=np.float32)
        best = int(rows[int(np.argmax(score))])
        return GuideNext(int(self._topic_of[best]), self._ids[best], self._texts[best])

    def question_ids(self) -> Sequence[str]:
        return self._ids
