"""Follow-up suggestions: which open question to ask next, in whose words.

Two signals decide the intent. Cues (:mod:`intervju.cues`) are transparent
rules a methods teacher would recognise: a repeated word calls for an echo, a
generalisation for an example, an episode without feelings for «hvordan var
det for deg?». Retrieval adds what rules miss: the turn's embedding (computed
once per turn by the live session) is compared with example informant
utterances written for each intent in the probe banks. The cue score leads and
retrieval adjusts it, so the reason shown («Informanten gjentar «distanse» tre
ganger») stays true to what drove the choice.

The wording then uses the informant's own key term where the intent needs one
(echo, meaning, clarify), skips wordings shown in the last few turns, and is
checked with the question analyser so that the product never suggests a closed
or leading question.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from langchain_core.embeddings import Embeddings

from .analysis import analyse
from .cards import plan_cards
from .cues import Cue, Term, detect_cues, find_terms, key_terms
from .index import cached_embeddings
from .lang import LANGUAGES, Lang, as_lang, detect_language
from .probes import INTENTS, ProbeBank, load_probe_bank

__all__ = [
    "INTENTS",
    "IntentRetriever",
    "RankedIntent",
    "Suggestion",
    "SuggestionPlan",
    "detect_cues",
    "is_open_question",
    "key_terms",
    "plan_suggestions",
    "rank_intents",
    "suggest",
]

# How strongly each cue points at each intent (rows sum to roughly one). These
# encode interviewing practice (Kvale & Brinkmann; IPA), not a fit to data.
CUE_INTENTS: Mapping[str, Mapping[str, float]] = {
    "repeated": {"echo": 1.0, "meaning": 0.75},
    "repeated_context": {"echo": 0.85, "meaning": 0.6},
    "generalising": {"example": 1.0, "reason": 0.25},
    "episode_no_feeling": {"feeling": 1.0, "meaning": 0.2, "elaborate": 0.2},
    "feeling": {"meaning": 0.35, "elaborate": 0.3, "reason": 0.3},
    "strong": {"meaning": 0.8, "echo": 0.5, "feeling": 0.3},
    "metaphor": {"meaning": 0.9, "echo": 0.55},
    "hedging": {"silence": 0.7, "elaborate": 0.25},
    "trailing": {"silence": 1.0, "elaborate": 0.2},
    "contrast": {"contrast": 0.9, "reason": 0.45},
    "vague": {"clarify": 1.0},
    "jargon": {"clarify": 1.0},
    "long": {"interpret": 1.0, "elaborate": 0.15},
    "short": {"elaborate": 1.0, "example": 0.35, "meaning": 0.2},
    "opinion": {"reason": 0.8, "example": 0.3},
    "observation": {"reason": 1.0, "example": 0.2},
    "key_word": {"meaning": 1.0, "echo": 0.45},
}
# A weak default order when nothing in the turn stands out.
PRIOR: Mapping[str, float] = {
    "example": 0.22,
    "elaborate": 0.2,
    "reason": 0.18,
    "feeling": 0.16,
    "meaning": 0.14,
    "contrast": 0.1,
    "interpret": 0.06,
    "echo": 0.05,
    "clarify": 0.04,
    "silence": 0.0,
}
TERM_INTENTS = frozenset({"echo", "meaning", "clarify"})
RETRIEVAL_WEIGHT = 0.35
RETRIEVAL_TOP = 2


@dataclass(frozen=True)
class Suggestion:
    """One follow-up to show: ``emphasis`` = the informant's words quoted in ``text``.

    ``turn`` is the index of the informant turn the card answers, so a front end can dim
    it once the interviewer has asked the next question.
    """

    intent: str
    text: str
    why: str
    emphasis: tuple[str, ...] = ()
    turn: int | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"intent": self.intent, "text": self.text, "why": self.why}
        if self.turn is not None:
            out["turn"] = self.turn
        return out


@dataclass(frozen=True)
class RankedIntent:
    """An intent's combined score and the cue that contributed most (None: retrieval/prior)."""

    intent: str
    score: float
    cue: Cue | None
    retrieval: float = 0.0
    contributions: tuple[tuple[str, float], ...] = field(default=(), compare=False)


class IntentRetriever:
    """Nearest example utterances per intent (both languages pooled; e5 is multilingual).

    The examples are embedded with the same ``query`` prefix as turns
    (symmetric similarity) and cached on disk by model and content.
    """

    def __init__(self, embeddings: Embeddings, banks: Sequence[ProbeBank] | None = None) -> None:
        banks = banks or tuple(load_probe_bank(code) for code in LANGUAGES)
        texts: list[str] = []
        owners: list[int] = []
        for bank in banks:
            for intent in bank.intents:
                for example in intent.examples:
                    texts.append(example)
                    owners.append(INTENTS.index(intent.id))
        self._vectors = cached_embeddings(embeddings, texts, kind="query")
        self._owners = np.asarray(owners, dtype=np.int64)
        self._masks = [self._owners == i for i in range(len(INTENTS))]

    def scores(self, vector: np.ndarray) -> dict[str, float]:
        """Mean of the top similarities per intent, centred across intents."""
        sims = self._vectors @ np.asarray(vector, dtype=np.float32).reshape(-1)
        raw = np.zeros(len(INTENTS), dtype=np.float32)
        for i, mask in enumerate(self._masks):
            values = sims[mask]
            if values.size:
                top = np.sort(values)[-RETRIEVAL_TOP:]
                raw[i] = float(top.mean())
        spread = float(raw.std()) or 1.0
        centred = (raw - raw.mean()) / spread
        return {intent: float(centred[i]) for i, intent in enumerate(INTENTS)}


def rank_intents(
    cues: Sequence[Cue],
    retrieval: Mapping[str, float] | None = None,
    *,
    available: Collection[str] = INTENTS,
) -> list[RankedIntent]:
    """All available intents, best first: cue evidence + weighted retrieval + a small prior."""
    ranked: list[RankedIntent] = []
    for intent in INTENTS:
        if intent not in available:
            continue
        parts: list[tuple[float, str, Cue]] = []
        for cue in cues:
            weight = CUE_INTENTS.get(cue.kind, {}).get(intent, 0.0)
            if weight > 0:
                parts.append((weight * cue.strength, cue.kind, cue))
        parts.sort(key=lambda p: -p[0])
        # Several cues for one intent add up, with diminishing returns.
        score = PRIOR.get(intent, 0.0)
        score += sum(p[0] * (1.0 if i == 0 else 0.35) for i, p in enumerate(parts))
        best_cue = parts[0][2] if parts else None
        ret = (retrieval or {}).get(intent, 0.0)
        score += RETRIEVAL_WEIGHT * ret
        contributions = tuple((kind, round(part, 3)) for part, kind, _ in parts)
        ranked.append(RankedIntent(intent, round(score, 4), best_cue, round(ret, 4), contributions))
    ranked.sort(key=lambda r: (-r.score, INTENTS.index(r.intent)))
    return ranked


@dataclass(frozen=True)
class SuggestionPlan:
    """Suggestions with the evidence behind them (for the UI, review and debugging)."""

    suggestions: tuple[Suggestion, ...]
    cues: tuple[Cue, ...]
    terms: tuple[Term, ...]
    ranked: tuple[RankedIntent, ...]
    language: str


def suggest(
    turn_text: str,
    context: Sequence[str] = (),
    *,
    language: str | None = None,
    vector: np.ndarray | None = None,
    retriever: IntentRetriever | None = None,
    recent: Iterable[str] = (),
    n: int = 3,
    asked: str | None = None,
) -> tuple[Suggestion, ...]:
    """At least ``n`` follow-ups for the informant's ``turn_text``, best first, distinct intents.

    ``context`` holds earlier informant turns (oldest first) for repetition
    across turns; ``recent`` the texts shown in the last few turns (never
    repeated); ``vector`` the turn's embedding for retrieval (optional).
    """
    lang: Lang = as_lang(language or detect_language(turn_text))
    retrieval = retriever.scores(vector) if (retriever is not None and vector is not None) else None
    # The cards alone: the cues, terms and intent ranking of a plan are not needed here.
    return _suggestions(turn_text, lang, context, asked, (), recent, retrieval, n)


def _suggestions(
    turn_text: str,
    lang: Lang,
    context: Sequence[str],
    asked: str | None,
    known: Collection[str],
    recent: Iterable[str],
    retrieval: Mapping[str, float] | None,
    n: int,
) -> tuple[Suggestion, ...]:
    cards = plan_cards(
        turn_text,
        lang,
        context=list(context)[-4:],
        asked=asked,
        known=known,
        recent=set(recent),
        retrieval=retrieval,
        accept=_acceptable,
        n=n,
    )
    return tuple(
        Suggestion(c.intent, c.text, c.why, (c.quote,) if c.quote else ()) for c in cards.cards
    )


def plan_suggestions(
    turn_text: str,
    context: Sequence[str] = (),
    *,
    language: str | None = None,
    vector: np.ndarray | None = None,
    retriever: IntentRetriever | None = None,
    recent: Iterable[str] = (),
    n: int = 3,
    asked: str | None = None,
    known: Collection[str] = (),
) -> SuggestionPlan:
    """Like :func:`suggest`, returning the cues, key terms and intent ranking too.

    ``asked`` is the interviewer's last question (not asked again, and what it names is not
    picked up again); ``known`` holds lemmas the guide makes obvious.
    """
    lang: Lang = as_lang(language or detect_language(turn_text))
    bank = load_probe_bank(lang)
    terms = find_terms(turn_text, list(context)[-4:], lang, bank)
    cues = detect_cues(turn_text, context, lang, bank, terms=terms)
    retrieval = retriever.scores(vector) if (retriever is not None and vector is not None) else None
    ranked = rank_intents(cues, retrieval)
    out = _suggestions(turn_text, lang, context, asked, known, recent, retrieval, n)
    return SuggestionPlan(out, cues, tuple(terms), tuple(ranked), lang)


def _acceptable(text: str, quoting: bool) -> bool:
    """Open and single; «leading» is allowed only when the card says back the informant's word."""
    form, double, leading = _verdict(text)
    return form == "open" and not double and (quoting or not leading)


@lru_cache(maxsize=4096)
def _verdict(text: str) -> tuple[str, bool, bool]:
    """The analyser's form, double and leading flags of a card wording (the same generic
    wordings are vetted for turn after turn; the analyser is pure)."""
    result = analyse(text)
    return result.form, result.double, result.leading


@lru_cache(maxsize=4096)
def is_open_question(text: str) -> bool:
    """True when the question analyser finds ``text`` open, not leading and not double."""
    result = analyse(text)
    return result.form == "open" and not result.leading and not result.double
