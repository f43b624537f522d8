"""The live engine behind the second screen: one call per turn, one update back.

``LiveSession.add_turn`` is the whole protocol. An interviewer turn gets the
question analyser's verdict (closed, leading, double); an informant turn gets
2-3 open follow-ups tailored to what was just said and the guide question to
consider next; every update carries the guide coverage. The session is a
plain object with no UI, so the Streamlit app, the CLI and the tests drive it
the same way.

Latency is the design constraint: a suggestion that arrives after the
interviewer has already spoken is useless. So each turn is embedded exactly
once and that vector serves both guide tracking and intent retrieval; the
guide and probe banks are embedded once per model and cached on disk; the
transcript is never re-embedded. Everything else is rules and small matrix
products (well under a millisecond).
"""

from __future__ import annotations

import threading
from collections import OrderedDict, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from .analysis import Analysis, analyse
from .cues import Cue
from .embeddings import embed_queries, get_embeddings
from .errors import IntervjuError
from .lang import as_lang, language_evidence
from .models import ROLES, Guide, Role, Transcript, Turn
from .readers.roles import INFORMANT_LABELS, INTERVIEWER_LABELS, is_question, label_key
from .spans import guide_lemmas
from .suggestions import IntentRetriever, Suggestion, plan_suggestions
from .tracking import Coverage, GuideMatch, GuideNext, GuideTracker

__all__ = ["LiveSession", "LiveUpdate", "suggest_for"]

RECENT_TURNS = 3  # suggestions shown in this many informant turns are not repeated
CONTEXT_TURNS = 4  # earlier informant turns used for repetition cues
VECTOR_CACHE = 4096  # turn vectors kept for replays after a correction


@dataclass(frozen=True)
class LiveUpdate:
    """What the second screen shows after one turn.

    ``analysis`` (interviewer turns) is an :class:`intervju.analysis.Analysis`
    when the analyser is installed; ``suggestions`` and ``guide_next`` are
    filled for informant turns; ``coverage`` always (empty without a guide).
    """

    turn: Turn
    analysis: Analysis | None
    suggestions: tuple[Suggestion, ...]
    guide_next: GuideNext | None
    coverage: Coverage
    match: GuideMatch | None = None
    cues: tuple[Cue, ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, object]:
        analysis = self.analysis.to_dict() if self.analysis is not None else None
        return {
            "turn": self.turn.to_dict(),
            "analysis": analysis,
            "suggestions": [s.to_dict() for s in self.suggestions],
            "guide_next": self.guide_next.to_dict() if self.guide_next else None,
            "coverage": self.coverage.to_dict(),
        }


@dataclass
class _Shared:
    """Expensive, read-only resources shared by sessions (``LiveSession.fresh``)."""

    embeddings: Embeddings
    retriever: IntentRetriever
    guide: Guide | None
    tracker: GuideTracker | None
    known: frozenset[str] = frozenset()  # lemmas the guide makes obvious (not asked about)
    # Turn vectors by text: a corrected turn replays the session, and its unchanged
    # turns must not be embedded again (~15 ms each).
    vectors: OrderedDict[str, np.ndarray] = field(default_factory=OrderedDict)
    vectors_lock: threading.Lock = field(default_factory=threading.Lock)


class LiveSession:
    """One interview in progress. Not thread-safe: feed turns in order."""

    def __init__(
        self,
        guide: Guide | None = None,
        embeddings: Embeddings | None = None,
        *,
        language: str | None = None,
    ) -> None:
        emb = embeddings if embeddings is not None else get_embeddings()
        tracker = GuideTracker(guide, emb) if guide is not None else None
        known = guide_lemmas(guide) if guide is not None else frozenset()
        self._shared = _Shared(emb, IntentRetriever(emb), guide, tracker, known)
        self._init_state(language)

    @classmethod
    def _from_shared(cls, shared: _Shared, language: str | None) -> LiveSession:
        session = cls.__new__(cls)
        session._shared = shared
        session._init_state(language)
        return session

    def _init_state(self, language: str | None) -> None:
        shared = self._shared
        self._tracker = shared.tracker.fresh() if shared.tracker is not None else None
        self._language = language or (shared.guide.language if shared.guide else None)
        self._turns: list[Turn] = []
        self._roles: dict[str, Role] = {}
        self._informant_texts: deque[str] = deque(maxlen=CONTEXT_TURNS)
        self._shown: deque[tuple[str, ...]] = deque(maxlen=RECENT_TURNS)
        self._suggested_last = False  # whether the latest turn's suggestions are in _shown
        self._last_informant_vector: np.ndarray | None = None

    def fresh(self) -> LiveSession:
        """A new empty session reusing this one's embedder, guide and cached vectors."""
        return LiveSession._from_shared(self._shared, self._language)

    # -- properties -----------------------------------------------------------
    @property
    def guide(self) -> Guide | None:
        return self._shared.guide

    @property
    def embeddings(self) -> Embeddings:
        return self._shared.embeddings

    @property
    def turns(self) -> tuple[Turn, ...]:
        return tuple(self._turns)

    @property
    def roles(self) -> Mapping[str, Role]:
        return dict(self._roles)

    def coverage(self) -> Coverage:
        return self._tracker.coverage() if self._tracker is not None else Coverage.empty()

    # -- actions ----------------------------------------------------------------
    def mark_covered(self, question_id: str) -> Coverage:
        """Tick a guide question off by hand."""
        if self._tracker is None:
            raise IntervjuError("no guide is loaded", where="mark_covered")
        try:
            self._tracker.mark_covered(question_id)
        except KeyError:
            raise IntervjuError(
                f"no question '{question_id}' in the guide", where="mark_covered"
            ) from None
        return self._tracker.coverage()

    def unmark_covered(self, question_id: str) -> Coverage:
        """Untick a guide question: it counts as not yet asked again."""
        if self._tracker is not None:
            self._tracker.unmark(question_id)
        return self.coverage()

    def add_turn(
        self,
        speaker: str,
        text: str,
        role: Role | None = None,
        start: float | None = None,
        end: float | None = None,
        *,
        suggest_followups: bool = True,
    ) -> LiveUpdate:
        """Feed one turn; returns the update to show.

        ``role`` None infers it (labels like Forsker/Informant, else the first
        speaker who asks a question is the interviewer). ``suggest_followups``
        False records a turn as context only: no suggestions, nothing counted as
        shown (tracking still sees it, and an interviewer turn still gets its verdict).
        """
        text = " ".join(text.split())
        resolved = self._resolve_role(speaker, text, role)
        turn = Turn(len(self._turns), speaker, resolved, start, end, text)
        return self._process(turn, track=True, suggest_followups=suggest_followups)

    def revise_last_turn(self, text: str, *, suggest_followups: bool = True) -> LiveUpdate:
        """Replace the latest turn's text and recompute its verdict or follow-ups.

        Teams' live transcript grows and corrects its last lines while the
        informant is still talking; a re-pasted or followed transcript then
        edits the last turn instead of adding one. Guide tracking keeps what
        the earlier text already covered (coverage only grows), so only the
        analysis and the suggestions change.
        """
        if not self._turns:
            raise IntervjuError("there is no turn to revise yet", where="revise_last_turn")
        old = self._turns.pop()
        if old.role == "informant" and old.text:
            if self._informant_texts and self._informant_texts[-1] == old.text:
                self._informant_texts.pop()
            if self._suggested_last and self._shown:
                self._shown.pop()
        turn = Turn(old.index, old.speaker, old.role, old.start, old.end, " ".join(text.split()))
        return self._process(turn, track=False, suggest_followups=suggest_followups)

    def _process(self, turn: Turn, *, track: bool, suggest_followups: bool) -> LiveUpdate:
        text, resolved, start, end = turn.text, turn.role, turn.start, turn.end
        self._turns.append(turn)
        self._suggested_last = False
        # One embedding per turn, and only when something uses it (tracking or retrieval).
        wanted = self._tracker is not None or (resolved == "informant" and suggest_followups)
        vector = self._embed(text) if text and wanted else None
        match: GuideMatch | None = None
        if self._tracker is not None and vector is not None:
            if track:
                match = self._tracker.observe(text, resolved, vector=vector, start=start, end=end)
            else:
                match = self._tracker.locate(text, resolved, vector=vector)
        analysis: Analysis | None = None
        suggestions: tuple[Suggestion, ...] = ()
        cues: tuple[Cue, ...] = ()
        guide_next: GuideNext | None = None
        if resolved == "interviewer" and text:  # every question gets its flag (< 1 ms)
            analysis = analyse(text, self._turn_language(text))  # short turns follow the talk
        elif resolved == "informant" and text:
            context = list(self._informant_texts)
            if suggest_followups:
                plan = plan_suggestions(
                    text,
                    context,
                    language=self._turn_language(text),
                    vector=vector,
                    retriever=self._shared.retriever,
                    recent=[t for shown in self._shown for t in shown],
                    asked=self._last_question(),
                    known=self._shared.known,
                )
                # Each card carries its turn, to be dimmed after the next question.
                suggestions = tuple(replace(s, turn=turn.index) for s in plan.suggestions)
                cues = plan.cues
                self._shown.append(tuple(s.text for s in suggestions))
                self._suggested_last = True
            self._informant_texts.append(text)
            self._last_informant_vector = vector
            if self._tracker is not None:
                guide_next = self._tracker.next_question(text, vector=vector)
        return LiveUpdate(
            turn=turn,
            analysis=analysis,
            suggestions=suggestions,
            guide_next=guide_next,
            coverage=self.coverage(),
            match=match,
            cues=cues,
        )

    def next_question(self) -> GuideNext | None:
        """The guide question to consider now (None without a guide or when all are covered)."""
        if self._tracker is None:
            return None
        recent = self._informant_texts[-1] if self._informant_texts else None
        # The latest informant turn was embedded when it was added; never embed it again.
        return self._tracker.next_question(recent, vector=self._last_informant_vector)

    @classmethod
    def from_transcript(
        cls,
        transcript: Transcript,
        guide: Guide | None = None,
        embeddings: Embeddings | None = None,
    ) -> tuple[LiveSession, list[LiveUpdate]]:
        """Replay a whole transcript turn by turn; returns the session and every update."""
        session = cls(guide, embeddings)
        updates = list(session.replay(transcript))
        return session, updates

    def replay(self, transcript: Transcript) -> Iterable[LiveUpdate]:
        """Feed a transcript's turns in order, yielding each update."""
        for turn in transcript.turns:
            role: Role | None = turn.role if turn.role != "unknown" else None
            yield self.add_turn(turn.speaker, turn.text, role, turn.start, turn.end)

    # -- internals ----------------------------------------------------------------
    def _last_question(self) -> str | None:
        """The interviewer's latest turn before the current one (what was just asked)."""
        for turn in reversed(self._turns[:-1]):
            if turn.role == "interviewer" and turn.text:
                return turn.text
            if turn.role == "informant" and turn.text:
                return None  # the informant went on without a new question
        return None

    def _embed(self, text: str) -> np.ndarray:
        shared = self._shared
        with shared.vectors_lock:
            row = shared.vectors.get(text)
            if row is not None:
                shared.vectors.move_to_end(text)
                return row
        row = np.asarray(embed_queries(shared.embeddings, [text])[0])
        with shared.vectors_lock:
            shared.vectors[text] = row
            if len(shared.vectors) > VECTOR_CACHE:
                shared.vectors.popitem(last=False)
        return row

    def _turn_language(self, text: str) -> str:
        """The turn's own language; short turns («Fine.») follow the conversation."""
        found = language_evidence(text)
        if found is None:
            recent = " ".join(t.text for t in self._turns[-4:])
            found = language_evidence(recent)
        return found or as_lang(self._language)

    def _resolve_role(self, speaker: str, text: str, role: Role | None) -> Role:
        key = speaker.strip()
        if role is not None:
            if role not in ROLES:
                raise IntervjuError(
                    f"unknown role '{role}' (use interviewer, informant or unknown)", where=key
                )
            if role != "unknown":
                self._roles[key] = role
            return role
        if key in self._roles:
            return self._roles[key]
        # The same labels and question test as the transcript readers (readers.roles);
        # a lone «I» is the interviewer until one is known (the I/IP convention).
        label = label_key(key)
        guessed: Role | None = None
        if label in INTERVIEWER_LABELS or (label == "i" and not self._has("interviewer")):
            guessed = "interviewer"
        elif label in INFORMANT_LABELS or self._has("interviewer"):
            guessed = "informant"
        elif is_question(text):
            guessed = "interviewer"
            # Speakers heard before the first question were informants after all.
            for other in {t.speaker for t in self._turns if t.speaker != key}:
                self._roles.setdefault(other, "informant")
        if guessed is None:
            return "unknown"
        self._roles[key] = guessed
        return guessed

    def _has(self, role: Role) -> bool:
        return role in self._roles.values()


def suggest_for(
    session: LiveSession, turn: str, context: Sequence[Mapping[str, Any]] = ()
) -> tuple[Suggestion, ...]:
    """Suggestions for one informant ``turn`` after ``context`` (the ``suggest --jsonl`` shape).

    Uses a fresh session sharing ``session``'s resources, so inputs stay independent.
    """
    return suggest_update(session, turn, context).suggestions


def suggest_update(
    session: LiveSession, turn: str, context: Sequence[Mapping[str, Any]] = ()
) -> LiveUpdate:
    """Like :func:`suggest_for` but returns the full update (with ``guide_next``)."""
    fresh = session.fresh()
    for position, item in enumerate(context):
        text = str(item.get("text") or "")
        raw_role = item.get("role")
        role: Role | None = raw_role if raw_role in ROLES else None
        speaker = str(item.get("speaker") or (raw_role or f"speaker-{position}"))
        fresh.add_turn(speaker, text, role, suggest_followups=False)
    return fresh.add_turn("informant", turn, "informant")
