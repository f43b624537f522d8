"""Practice interviews against a simulated informant.

The point is to *feel* the difference between question types before fieldwork, and
to practise the one skill that matters most: following up. So the informant

- answers what was asked: the question is matched to the persona's episodes by the
  keyword stems each episode is about (weighted by how rare they are in the persona)
  plus sentence-embedding similarity to the questions it answers; with nothing on the
  subject it says so in character instead of telling an unrelated story;
- rewards a follow-up: a probe about the last answer (more, an example, a feeling, a
  meaning, an echo of the informant's own word, silence) continues the *same* episode
  with a detail not told yet, so following up yields more than jumping to a new topic;
- keeps its facts: a fact question («how long», «hvilket sykehus») gets the persona's
  one-line fact, the same one a closed question about it gets;
- still lets the question's form shape the answer, from the analyser's verdict: closed
  → short, leading → agreement, double → only the last part, why → a little defensive.

Persona facts are filled into every text when the persona loads, so they cannot
contradict each other. Everything is deterministic for a given seed.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

import numpy as np
from langchain_core.embeddings import Embeddings

from .analysis import Analysis, analyse
from .embeddings import embed_queries
from .index import cached_embeddings
from .lang import Lang, lemma, zipf
from .lang import words as words_of
from .lang.cue_words import cue_words
from .personas import (
    PERSONA_DIR,
    Detail,
    Episode,
    Facet,
    Persona,
    PracticeLang,
    bundled_personas,
    lang_code,
    load_persona,
    practice_lang,
    tokens,
)

if TYPE_CHECKING:
    from .llm import LLMInformant
    from .settings import LLMSettings

__all__ = [
    "PERSONA_DIR",
    "Detail",
    "Episode",
    "InformantChoice",
    "MissedFollowup",
    "Persona",
    "PracticeFeedback",
    "PracticeReply",
    "SimulatedInformant",
    "advice",
    "bundled_personas",
    "choose_informant",
    "load_persona",
    "summarise_practice",
]

ReplyKind = Literal[
    "story", "deeper", "more", "short", "agree", "choice", "partial", "why", "nothing", "unclear"
]  # fmt: skip
ReplySource = Literal["rules", "llm"]
RICH_KINDS: frozenset[str] = frozenset({"story", "deeper", "more"})
# An answer of at least this many words is worth a follow-up.
RICH_WORDS = 20

# Weight of embedding similarity, in standard deviations above the persona's median for
# this question: a clear standout (3 sd) counts like one rare keyword.
EMBEDDING_WEIGHT = 1.0
# A word the episode's own texts use counts this much of a curated stem.
OWN_WORDS_WEIGHT = 0.4
# Less word evidence than this (one rare word of the texts, no curated stem) means the
# persona has nothing on the subject: one word in passing is no material.
NOTHING_BELOW = 1.5
# Another untold episode within this share of the best one's score is told instead of
# repeating what was said.
CLOSE_SHARE = 0.6
# A question that names another episode this strongly is a new question, even if it
# sounds like a probe («Kan du gi et eksempel på hvordan du åpner et møte?»).
NEW_TOPIC_SCORE = 1.5
# A synonym of a question word («hard» for «demanding», from the language data) counts this
# much of the word itself: the word said wins over a word that means much the same.
SYNONYM_WEIGHT = 0.75
# A compound's first part counts as a word at this frequency (Zipf scale; «arbeids» 3.8).
COMPOUND_ZIPF = 2.5
# A word used in at least this many episodes is the persona's theme.
THEME_EPISODES = 4
# An echo is of a word used in at most this many episodes («kaffekoppen», not «video»).
ECHO_MAX_EPISODES = 3
# A detail must speak to a new question this much more than the opening to be told first.
POINTED_MARGIN = 1.0
# A short question made of back-references (no topic words) continues the last episode.
ANAPHORIC_MAX_WORDS = 10
# A turn this short that says back a word of the last answer is an echo probe («Stemmen?»).
ECHO_WORDS = 5
# Probes that ask for something particular, answered with such a detail even before the
# episode's opening was told (after an agreement to a leading question, say).
SPECIFIC: frozenset[str] = frozenset({"feeling", "meaning", "example"})


def _facet_cost(has: str, wanted: str | None) -> int:
    """How badly a detail's facet fits the probe: the asked-for facet first, then a plain
    «more» layer, and only last a detail that answers another specific probe (a feeling
    saved for «how was that for you?» is not spent on «what do you mean?»)."""
    if has == wanted:
        return 0
    return 2 if has in SPECIFIC and wanted in SPECIFIC else 1


# A turn of this many words that says back a word of the last answer is an echo of it,
# however common the word («Stille?», "Gut?").
BARE_ECHO_WORDS = 2
# Probes asked as a yes/no request («Kan du komme på en gang det var tydelig?») that are
# answered with the detail, not a «yes».
REQUEST_PROBES: frozenset[str] = frozenset({"example", "more"})
# A part of a double question this short with no words of its own is no question («sa du?»).
BARE_PART_WORDS = 3
# A phrase of a fact with a word rarer than this (Zipf) names it («which hospital»); one of
# common words only («how long») does not.
FACT_WORD_ZIPF = 5.5
# A word rarer than this (Zipf) the persona never uses is a topic of the question's own.
UNKNOWN_ZIPF = 4.3
# A question repeating this many words in a row from the last answer echoes it.
QUOTE_RUN = 3
# A word of the persona's theme (its job and field, «lærerne» for a teacher) counts this
# much of its weight when choosing an episode: every episode is about the theme.
THEME_WEIGHT = 0.25
# A reason sentence of the episode the question is about counts this much more than one
# from another episode; the episode's own `why` this much more again.
REASON_OWN_EPISODE = 1.0


@dataclass(frozen=True)
class PracticeReply:
    """What the simulated informant said, and why it answered that way."""

    question: str
    analysis: Analysis
    kind: ReplyKind
    text: str
    # Who wrote the answer: the rule-based informant or a configured language model
    # (``intervju.llm.LLMInformant``). Optional so older callers keep working.
    source: ReplySource = "rules"
    # Why a language-model informant answered with the rule-based reply instead
    # (connection refused, timeout, empty answer); None when it did not fall back.
    fallback: str | None = None
    episode: str | None = None  # which episode the answer is about
    detail: int | None = None  # which of its details was told (None: the opening)
    probe: Facet | None = None  # the question was a follow-up on the last answer
    open_answer: str | None = None  # what an open, neutral question would have got
    followup: str | None = None  # a follow-up this answer invites


@dataclass(frozen=True)
class MissedFollowup:
    """A rich answer the interviewer left for a new question."""

    question: str
    answer: str
    suggestion: str


@dataclass(frozen=True)
class PracticeFeedback:
    """Summary after a practice interview: how the questions shaped the answers."""

    questions: int
    open: int
    closed: int
    leading: int
    double: int
    why: int
    mean_answer_words_open: float
    mean_answer_words_other: float
    rewrites: tuple[tuple[str, str], ...]  # (question asked, open alternative)
    followups: int = 0  # probes that went deeper into the last answer
    missed_followups: tuple[MissedFollowup, ...] = ()

    @property
    def open_share(self) -> float:
        return self.open / self.questions if self.questions else 0.0


# ---------------------------------------------------------------------------
# Matching a question to the persona's material


def _hits(token: str, stem: str, lang: Lang) -> bool:
    """A word matches a keyword stem as an inflection («kontoret») or as the head of a
    compound whose first part is itself a word («hjemme|kontoret», not «regje|ringen»); a
    stem shorter than four letters («nav», «rom») only as the whole word."""
    if len(stem) < 4:
        return token == stem
    if token.startswith(stem):
        return True
    at = token.find(stem, 3) if len(stem) >= _PREFIX else -1
    return at > 0 and _is_word(token[:at], lang)


def _is_word(part: str, lang: Lang) -> bool:
    """A compound's first part is a word of its own (binding «s» or «e» allowed)."""
    return any(zipf(p, lang) >= COMPOUND_ZIPF for p in {part, part[:-1]} if len(p) >= 3)


def _is_word_start(rest: str, lang: Lang) -> bool:
    """What follows a compound's first part is a word of its own (binding «s» or «e»
    allowed): «fra» of «hjemmefra», «vakt» of «nattevakt»; not the "r" of "manager"."""
    return any(zipf(p, lang) >= COMPOUND_ZIPF for p in {rest, rest[1:]} if len(p) >= 3)


def _near(word: str, other: str) -> bool:
    """Two words share a stem: equal, or a long common beginning («teknikken», «teknisk»)."""
    if word == other:
        return True
    short, long_ = sorted((word, other), key=len)
    if len(short) >= _INDEX and long_.startswith(short) and len(long_) - len(short) <= 3:
        return True  # «jobb», «jobben»
    if len(short) < _PREFIX:
        return False
    shared = next(
        (i for i, (a, b) in enumerate(zip(word, other, strict=False)) if a != b),
        min(len(word), len(other)),
    )
    return shared >= max(_PREFIX, min(len(word), len(other)) - 3)


_PREFIX = 5
_INDEX = 4  # words are looked up by their first letters


@dataclass(frozen=True)
class _Scores:
    hits: tuple[int, ...]  # question words an episode's own texts use
    strong: tuple[float, ...]  # evidence from the curated `about` stems
    lexical: tuple[float, ...]  # strong + the words of the episode's own texts
    total: tuple[float, ...]  # lexical + meaning
    # strong from the question's own words only, no synonyms: what it names («hard» after a
    # story is a probe on it, not the other episode's «demanding week»)
    named: tuple[float, ...] = ()

    def best(self) -> int:
        return int(np.argmax(self.total))


class _Matcher:
    """Scores a question against every episode: curated stems, the episode's own words
    (both weighted by rarity in the persona), and embedding similarity as a tie-breaker.

    Why meaning only breaks ties: with the small multilingual model the similarity of an
    off-topic question to the best episode is as high as an on-topic one's, so words
    decide whether the persona has anything to say, and embeddings choose among close
    candidates.
    """

    def __init__(self, persona: Persona, lang: PracticeLang, embeddings: Embeddings) -> None:
        self.persona, self.lang, self.embeddings = persona, lang, embeddings
        self.code: Lang = lang.code
        episodes = persona.episodes
        # What an episode is about includes what its details are about.
        self.stems = [e.about.union(*(d.about for d in e.details)) for e in episodes]
        self.idf = _idf(self.stems)
        role = [w for w in tokens(persona.role) if len(w) > 3 and w not in lang.stopwords]
        self.theme_stems = persona.theme | frozenset(role)
        self.vocab = [frozenset(self.content(" ".join(_texts(e)))) for e in episodes]
        self.vocab_idf = _idf(self.vocab)
        self._by_prefix: dict[str, list[tuple[int, str]]] = {}
        for i, words in enumerate(self.vocab):
            for word in words:
                self._by_prefix.setdefault(word[:_INDEX], []).append((i, word))
        texts: list[str] = []
        owners: list[int] = []
        for i, episode in enumerate(episodes):
            for text in (*episode.asks, episode.text):
                texts.append(text)
                owners.append(i)
        # Asks are questions, compared with a question: both sides embedded as queries (e5).
        self.vectors = cached_embeddings(embeddings, texts, kind="query")
        self.owners = np.asarray(owners)
        self._seen: dict[str, _Scores] = {}

    def spread(self, word: str) -> int:
        """In how many episodes' texts the word (or a word of its stem) occurs."""
        return sum(any(_near(word, w) for w in words) for words in self.vocab)

    def distinctive(self, word: str) -> bool:
        """An echo is of a word few episodes use («kaffekoppen», not «video»)."""
        return len(word) > 3 and self.spread(word) <= ECHO_MAX_EPISODES

    def on_theme(self, words: list[str]) -> bool:
        """A word many episodes share is the interview's theme («videomøter»): a question
        about it deserves an answer even when no single episode stands out, unless it asks
        as much about things the persona never mentions («favourite football team»)."""
        spreads = [self.spread(w) for w in words]
        theme = sum(n >= THEME_EPISODES for n in spreads)
        return theme > spreads.count(0)

    def topic_of(self, question: str) -> str:
        """The question without what it sets aside or only dates it by («Før vi går inn på
        pandemien – hvordan ble du …»): the words that choose an episode."""
        for pattern in self.lang.set_aside:
            question = pattern.sub(" ", question)
        return question

    def content(self, text: str) -> list[str]:
        """The text's content words; a hyphenated compound («nav-veileder») also by its parts."""
        out: list[str] = []
        for token in tokens(text):
            parts = token.split("-") if "-" in token else []
            for word in (token, *parts):
                if len(word) > 2 and word not in self.lang.stopwords and word not in out:
                    out.append(word)
        return out

    def synonyms(self, word: str) -> frozenset[str]:
        """The words the language data gives as meaning much the same («demanding»: «hard»,
        «tough» …), the word itself left out."""
        return frozenset(w for g in self.lang.synonyms if word in g for w in g if w != word)

    def alternatives(self, word: str) -> list[tuple[str, float]]:
        """The word at full weight and its synonyms at ``SYNONYM_WEIGHT``: a question word
        counts as the best of them, once (three synonyms are not three words)."""
        return [(word, 1.0)] + [(w, SYNONYM_WEIGHT) for w in sorted(self.synonyms(word))]

    def is_theme(self, word: str) -> bool:
        """A word of the persona's theme: its field (`theme`) or its role («lærerne»,
        «skolen» for a teacher)."""
        return any(_hits(word, s, self.code) or _near(word, s) for s in self.theme_stems)

    def names_episode(self, word: str) -> bool:
        """An episode's curated stems name the word itself ("workspace")."""
        return any(_near(word, s) for stems in self.stems for s in stems if " " not in s)

    def on_role(self, word: str) -> float:
        """How much a question word counts for choosing an episode: a theme word little,
        every other word fully."""
        if any(_near(word, s) for s in self.theme_stems):
            return THEME_WEIGHT  # «jobben», "teaching": the theme itself
        # "workspace" (theme "work"): a compound an episode names is that episode's subject
        theme_compound = self.is_theme(word) and not self.names_episode(word)
        return THEME_WEIGHT if theme_compound else 1.0

    def in_theme(self, word: str) -> bool:
        """A word of the persona's field as its file names it (`theme`), not of its role
        (narrower than `is_theme`)."""
        return any(_hits(word, s, self.code) or _near(word, s) for s in self.persona.theme)

    def known(self, word: str) -> bool:
        """The persona's material uses the word, or a curated stem covers it."""
        return self.spread(word) > 0 or any(
            _hits(word, s, self.code) for stems in self.stems for s in stems if " " not in s
        )

    def in_compound(self, word: str) -> bool:
        """The word is the last part of a compound the persona knows («stenge» in the theme's
        «nedstenging»), its first part a word of its own."""
        known = self.theme_stems.union(*self.vocab, *self.stems)
        return any(
            _is_word(k[:at], self.code) and _near(word, k[at:])
            for k in known
            if " " not in k
            for at in range(3, len(k) - _PREFIX + 1)
        )

    def lexical(
        self, words: list[str], stems: frozenset[str], text: str = "", synonyms: bool = True
    ) -> float:
        """Rare stems count more; a phrase stem («ny kollega») counts when the text has it."""
        score = 0.0
        for word in words:
            weights = [
                self.idf.get(s, 1.0) * share
                for alternative, share in self.alternatives(word)[: None if synonyms else 1]
                for s in stems
                if " " not in s and _hits(alternative, s, self.code)
            ]
            score += max(weights, default=0.0) * self.on_role(word)
        if text:
            said = tokens(text)
            score += sum(
                self.idf.get(s, 1.0) for s in stems if " " in s and _has_phrase(said, s, self.code)
            )
        return score

    def _own_words(self, words: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Per episode: the rarity-weighted sum of question words its texts use, and how
        many question words that is."""
        scores = np.zeros(len(self.vocab), dtype=np.float32)
        hits = np.zeros(len(self.vocab), dtype=np.int32)
        for word in words:
            found: dict[int, float] = {}
            for alternative, share in self.alternatives(word):
                for episode, other in self._by_prefix.get(alternative[:_INDEX], ()):
                    if _near(alternative, other):
                        weight = self.vocab_idf[other] * share
                        found[episode] = max(found.get(episode, 0.0), weight)
            role = self.on_role(word)
            for episode, weight in found.items():
                scores[episode] += weight * role
                hits[episode] += 1
        return scores, hits

    def score(self, question: str) -> _Scores:
        if question not in self._seen:
            self._seen[question] = self._score(question)
        return self._seen[question]

    def _score(self, question: str) -> _Scores:
        question = self.topic_of(question)
        words = self.content(question)
        strong = np.asarray([self.lexical(words, stems, question) for stems in self.stems])
        named = [self.lexical(words, stems, question, synonyms=False) for stems in self.stems]
        own, hits = self._own_words(words)
        lexical = strong + OWN_WORDS_WEIGHT * own
        sims = self.vectors @ embed_queries(self.embeddings, [question])[0]
        per_episode = np.full(len(self.persona.episodes), -1.0, dtype=np.float32)
        np.maximum.at(per_episode, self.owners, sims)
        spread = float(per_episode.std()) or 1.0
        meaning = np.maximum(0.0, (per_episode - float(np.median(per_episode))) / spread)
        total = lexical + EMBEDDING_WEIGHT * meaning
        return _Scores(
            hits=tuple(int(x) for x in hits),
            strong=tuple(float(x) for x in strong),
            lexical=tuple(float(x) for x in lexical),
            total=tuple(float(x) for x in total),
            named=tuple(float(x) for x in named),
        )


def _has_phrase(said: list[str], phrase: str, lang: Lang) -> bool:
    """A phrase stem in a text, its words in a row, each as said or inflected: «turn up»
    in "turning up", «ny kollega» in «nye kollegaer»."""
    parts = phrase.split()
    return any(
        all(_inflects(said[i + k], part, lang) for k, part in enumerate(parts))
        for i in range(len(said) - len(parts) + 1)
    )


def _inflects(token: str, part: str, lang: Lang) -> bool:
    """A word of a phrase stem: the word itself, an inflection of it ("turning" for «turn»,
    «nye» for «ny») or, from four letters and where compounds are one word, a compound it
    begins («hjemme|fra», «natt|e|vakt»); never another word that only begins alike
    ("manager" for «manage», "into" for «in»). A part that is no word of its own
    («koordin») is a stem, matched as a beginning."""
    if token == part:
        return True
    if not token.startswith(part):
        return False
    if lemma(token, lang) == lemma(part, lang):
        return True
    if len(part) < 4:
        return False
    if zipf(part, lang) == 0:
        return True
    return not cue_words(lang).open_compounds and _is_word_start(token[len(part) :], lang)


def _texts(episode: Episode) -> tuple[str, ...]:
    return (*episode.asks, episode.text, *(d.text for d in episode.details))


def _idf(groups: list[frozenset[str]]) -> dict[str, float]:
    df: dict[str, int] = {}
    for group in groups:
        for item in group:
            df[item] = df.get(item, 0) + 1
    return {item: math.log(1 + len(groups) / n) for item, n in df.items()}


def probe_facet(question: str, lang: PracticeLang) -> Facet | None:
    """Which follow-up a question asks for («kan du si mer om det?» → more), if any."""
    text = " ".join(question.lower().split())
    for facet, pattern in lang.probes:
        if pattern.search(text):
            return facet
    return None


# ---------------------------------------------------------------------------
# The informant


_Make = Callable[..., "PracticeReply"]


@dataclass
class _Plan:
    """What to tell: an episode and one of its details (None: its opening)."""

    episode: int
    detail: int | None
    probe: Facet | None
    again: bool = False
    # The opening's first sentence sets the scene before a detail that goes on from it.
    scene: bool = False
    lead: str | None = None  # said first («I can't say much about covid in particular, but»)


@dataclass
class SimulatedInformant:
    """A rule-driven informant whose answers depend on what and how it is asked.

    State lives here: which episode is being told, and per episode whether its opening
    and which details were told. The judgement of the question is the analyser's.
    """

    persona: Persona
    embeddings: Embeddings
    seed: int = 0
    history: list[PracticeReply] = field(default_factory=list, init=False)
    _current: int | None = field(default=None, init=False)
    _opened: set[int] = field(default_factory=set, init=False)
    _told: dict[int, set[int]] = field(default_factory=dict, init=False)
    _closed: dict[frozenset[str], str] = field(default_factory=dict, init=False)
    _last_words: frozenset[str] = field(default=frozenset(), init=False)
    _last_tokens: list[str] = field(default_factory=list, init=False)
    _words_episode: str | None = field(default=None, init=False)
    _matcher: _Matcher = field(init=False, repr=False)
    _lang: PracticeLang = field(init=False, repr=False)
    _rng: random.Random = field(init=False, repr=False)
    _sentences: list[tuple[int, str]] = field(init=False, repr=False)
    _names: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._lang = practice_lang(lang_code(self.persona.language))
        # The persona's people and places by name, never lower-cased after a lead-in.
        self._names = frozenset(
            w
            for value in (self.persona.name, *(v for _, v in self.persona.facts))
            for w in words_of(value)
            if w[:1].isupper()
        )
        self._matcher = _Matcher(self.persona, self._lang, self.embeddings)
        self._rng = random.Random(self.seed)
        self._sentences = [
            (i, sentence)
            for i, episode in enumerate(self.persona.episodes)
            for text in (episode.text, *(d.text for d in episode.details), episode.short or "")
            + ((episode.why,) if episode.why else ())
            for sentence in re.split(r"(?<=[.!?…])\s+", text)
            if sentence
        ]

    # -- public ------------------------------------------------------------------

    def reply(self, question: str) -> PracticeReply:
        verdict = analyse(question, language=lang_code(self.persona.language))
        result = self._unrepeated(self._answer(question, verdict))
        self.history.append(result)
        if result.kind in RICH_KINDS:
            said = frozenset(self._matcher.content(result.text))
            # An echo may pick up any word of the episode told so far, not only the last turn.
            same = result.episode is not None and result.episode == self._words_episode
            self._last_words = self._last_words | said if same else said
            self._words_episode = result.episode
            self._last_tokens = tokens(result.text)
        return result

    def feedback(self) -> PracticeFeedback:
        return summarise_practice(self.history)

    def _unrepeated(self, result: PracticeReply) -> PracticeReply:
        """No reply is said twice word for word in a session: one given before («Ja,
        elleve år nå.») is said again with a lead-in («Som sagt, ja, elleve år nå.»), the
        same fact in new words. A plain «Yes.» to another question is no repeat: «As I
        said» would claim it answered this one."""
        said = {r.text for r in self.history}
        if result.text not in said or self._plain_to_another(result):
            return result
        for lead in self._lang.repeat:
            text = _join(lead, result.text, self._names)
            if text not in said:
                return replace(result, text=text)
        return result

    def _plain_to_another(self, result: PracticeReply) -> bool:
        """The reply is one of the persona's plain yes or no lines, said before only to
        other questions (a brush-off said again word for word would sound canned)."""
        plain = {line for kind in ("short_yes", "short_no") for line in self.persona.line(kind)}
        key = frozenset(self._matcher.content(result.question))
        return result.text in plain and all(
            frozenset(self._matcher.content(r.question)) != key
            for r in self.history
            if r.text == result.text
        )

    # -- deciding ------------------------------------------------------------------

    def _pick(self, kind: str) -> str:
        """One of the persona's lines of this kind, one not said yet in the session first."""
        return self._pick_from(self.persona.line(kind))

    def _pick_from(self, options: tuple[str, ...]) -> str:
        """One of these lines, one not said yet in the session first."""
        said = " ".join(r.text for r in self.history)
        fresh = [o for o in options if o not in said] or list(options)
        return fresh[self._rng.randrange(len(fresh))]

    def _answer(self, question: str, verdict: Analysis) -> PracticeReply:
        def make(
            kind: ReplyKind, text: str, plan: _Plan | None = None, **extra: str
        ) -> PracticeReply:
            episode = self.persona.episodes[plan.episode].id if plan else None
            return PracticeReply(
                question=question,
                analysis=verdict,
                kind=kind,
                text=text,
                episode=episode,
                detail=plan.detail if plan else None,
                probe=plan.probe if plan else None,
                open_answer=extra.get("open_answer"),
                followup=extra.get("followup"),
            )

        if verdict.form == "not_question":
            if self._current is None:
                return make("unclear", self._pick("unclear"))
            going_on = self._continue(self._current, "more", frozenset(), probe=True)
            return self._tell("more", going_on, make)
        unmentioned = self._unmentioned(question)
        if unmentioned is not None:
            return make("unclear", unmentioned)
        # «Hvor mange år har du vært lærer, sa du?»: a part with no words of its own is no
        # second question, so the other part is answered as asked.
        return self._answer_part(*self._one_part(question, verdict), make)

    def _answer_part(self, question: str, verdict: Analysis, make: _Make) -> PracticeReply:
        """The answer to what is asked (the turn, or its one part with words)."""
        found = self._plan(self._asked(question, verdict))
        said = tokens(question)
        echoed = found is not None and found.probe == "echo" and len(said) <= ECHO_WORDS
        requested = (
            found is not None
            and not verdict.leading
            and (probe_facet(question, self._lang) in REQUEST_PROBES or self._invites(question))
        )
        # A why-question is never a yes/no question («Why nights, though?»), and a double
        # question gets one part answered even when a part leads («Hva er det vanskeligste
        # …, og hvordan …?») or only its last part is closed. A double of yes/no questions
        # only («Liker du nattevaktene, og er det tungt å sove om dagen?») gets the short
        # answer, as a closed question does: that is what practice teaches with.
        halved = found is not None and (
            verdict.why or (verdict.double and not _all_closed(verdict))
        )
        if halved:
            assert found is not None
            return self._half(question, verdict, found, make)
        # «Svart skjerm?», «Avstand?»: a bare subject as a question invites the story of it,
        # also when the last answer did not say the word (blind round 6).
        bare_subject = (
            found is not None
            and not verdict.leading
            and 0 < len(said) <= BARE_ECHO_WORDS
            and not any(t in self._lang.stopwords for t in said)
        )
        if (verdict.leading or verdict.form == "closed") and not (
            echoed or requested or bare_subject
        ):
            confirmed = None if verdict.leading else self._confirmed(question, make)
            return confirmed or self._short(question, verdict, found, make)
        fact = self._fact(question, found, anywhere=True) if self._asks_fact(question) else None
        if fact is not None:
            self._current = fact[0]
            plan = _Plan(fact[0], None, found.probe if found else None)
            material = self._material(plan)
            return make("short", self._bare(fact[1]), plan, open_answer=material)
        if found is None:
            return make("nothing", self._pick("nothing"))
        if found.probe is None:
            found = self._honest(question, found)
        return self._tell("deeper" if found.probe else "story", found, make)

    def _one_part(self, question: str, verdict: Analysis) -> tuple[str, Analysis]:
        """Of a double question whose other parts have no words of their own, the one part
        with words, as the analyser reads it alone; else the question as it was."""
        if not verdict.double:
            return question, verdict
        parts = [
            q
            for q in verdict.questions
            if self._matcher.content(q) or len(tokens(q)) > BARE_PART_WORDS
        ]
        if len(parts) != 1:
            return question, verdict
        return parts[0], analyse(parts[0], language=verdict.language)

    def _unmentioned(self, question: str) -> str | None:
        """A question about something «you mentioned» that was never told in this session
        («the doctor you mentioned» when no doctor came up): the informant asks which one
        instead of answering a premise it cannot know. None when it was told, or the
        question points back at nothing in particular."""
        recalled = self._recalled(question)
        if recalled is None or recalled[1] is not None or not self._lang.unmentioned:
            return None
        return self._pick_from(self._lang.unmentioned).format(word=recalled[0])

    def _recalled(self, question: str) -> tuple[str, int | None] | None:
        """The thing a question says the informant mentioned («the client you mentioned»)
        and the episode of the last reply that told it (None: never told); None when the
        question points back at nothing in particular."""
        text = " ".join(question.lower().split())
        ids = [e.id for e in self.persona.episodes]
        for pattern in self._lang.recalls:
            found = pattern.search(text)
            thing = found.group(1) if found and found.re.groups else None
            base = lemma(thing, self._lang.code).lower() if thing else ""
            if not thing or len(thing) < 3 or {thing, base} & self._lang.stopwords:
                continue
            for reply in reversed(self.history):
                if any(_near(thing, w) or _near(base, w) for w in tokens(reply.text)):
                    return thing, ids.index(reply.episode) if reply.episode in ids else None
            return thing, None
        return None

    def _confirmed(self, question: str, make: _Make) -> PracticeReply | None:
        """A yes/no question saying back what the informant told («So it's mainly nights
        for you?», «Så du er lærer på ungdomsskolen, altså?») is an echo: the yes, and a
        detail of the episode it was told in that was not told yet. None when the question
        is no such echo, the material says no, or that episode has nothing more."""
        text = " ".join(question.lower().split())
        if not any(p.search(text) for p in self._lang.confirmations):
            return None
        words = [w for w in self._matcher.content(question) if len(w) > 3]
        ids = [e.id for e in self.persona.episodes]
        # The episodes whose told words the question says back; of those, the one it means
        # most («mostly nights» of the account of the job, not a later «every night»).
        told = {
            ids.index(r.episode)
            for r in self.history
            if r.episode in ids
            and r.kind in RICH_KINDS
            and any(_near(w, x) for w in words for x in self._matcher.content(r.text))
        }
        if not told:
            return None
        total = self._matcher.score(question).total
        home = max(sorted(told), key=lambda i: total[i])
        if not self._polarity(question, _Plan(home, None, None)):
            return None
        plan = self._continue(home, "echo", frozenset(words), probe=True)
        if self._material(plan) is None:
            return None
        reply = self._tell("deeper", plan, make)
        return replace(reply, text=_join(self._pick("short_yes"), reply.text, self._names))

    def _invites(self, question: str) -> bool:
        """A yes/no question that invites a story («Is there anything we haven't talked
        about?»): answered with it, not with «No.»."""
        text = " ".join(question.lower().split())
        return any(p.search(text) for p in self._lang.invitations)

    def _asks_fact(self, question: str) -> bool:
        text = " ".join(question.lower().split())
        return any(p.search(text) for p in self._lang.fact_questions)

    def _fact(
        self, question: str, plan: _Plan | None, anywhere: bool = False
    ) -> tuple[int, str] | None:
        """The one-line fact that answers a closed or fact question, one that uses a word of
        it: of the episode the question is about or follows up, of one it names by a
        curated word (``anywhere``, and not a follow-up: «How long did she stay on the
        ward?» is about the patient, not the nurse's years there), of one whose phrase it
        says («which hospital»), or, when nothing else is about it, an `answers` fact that
        uses its word («Do you have kids?»)."""
        best: tuple[float, int, str] | None = None
        for i, episode in enumerate(self.persona.episodes):
            for j, (about, text) in enumerate(episode.answers):
                own_short = j == 0 and episode.short is not None
                score = self._fact_score(question, i, about, plan, anywhere, own_short)
                if score is not None and (best is None or score > best[0]):
                    best = (score, i, text)
        return (best[1], best[2]) if best else None

    def _fact_score(
        self,
        question: str,
        index: int,
        about: frozenset[str],
        plan: _Plan | None,
        anywhere: bool,
        own_short: bool,
    ) -> float | None:
        """How well one fact answers the question; None when it is not the question's."""
        words = self._matcher.content(question) + tokens(question)
        fit = self._matcher.lexical(words, about, question)
        if fit <= 0:
            return None
        home, probe = (plan.episode, plan.probe) if plan else (None, None)
        named = self._names_besides(question, index)
        mine = index == home or (anywhere and probe is None)
        if (named > 0 and mine) or (index == home and probe is not None):
            return fit + named + (index == home)
        if mine and probe is None and self._of_the_job(question):
            return fit + (index == home)
        said = tokens(question)
        if any(self._telling_phrase(said, s) for s in about):
            return fit
        # Nothing else is about it: a fact of its own (not a `short` written for one
        # episode's closed question, whose words may be generic) that says its word.
        return fit if plan is None and not own_short else None

    def _telling(self, stem: str) -> bool:
        """A phrase of a fact with a word of its own («which hospital»), not only common
        words any fact question has («how long»)."""
        return any(
            w not in self._lang.stopwords and zipf(w, self._lang.code) < FACT_WORD_ZIPF
            for w in stem.split()
        )

    def _telling_phrase(self, said: list[str], stem: str) -> bool:
        return " " in stem and _has_phrase(said, stem, self._lang.code) and self._telling(stem)

    def _names_besides(self, question: str, index: int) -> float:
        """How much the question names the episode by words other than those asking for a
        fact: «how long» names no episode («Eleven years» for how long a meeting lasted),
        «in Nav», «children» or «desk» do."""
        asking = self._fact_words(question)
        rest = [w for w in self._matcher.content(question) if w not in asking]
        # A phrase of asking and small words only («hvor lenge har du») is a question form.
        stems = frozenset(
            s
            for s in self._matcher.stems[index]
            if not all(w in asking or w in self._lang.stopwords for w in s.split())
        )
        return self._matcher.lexical(rest, stems, question)

    def _of_the_job(self, question: str) -> bool:
        """A fact question whose other words are all the persona's job («How long have you
        been nursing?», «worked there»): about the persona's own career."""
        asking = self._fact_words(question)
        rest = [w for w in self._matcher.content(question) if w not in asking]
        return bool(rest) and all(self._matcher.is_theme(w) for w in rest)

    def _fact_words(self, question: str) -> frozenset[str]:
        """The words of the question a fact pattern matched («how long»)."""
        text = " ".join(question.lower().split())
        return frozenset(
            w for p in self._lang.fact_questions for m in p.finditer(text) for w in tokens(m[0])
        )

    def _bare(self, text: str) -> str:
        """A fact without the yes or no it starts with, for a question that asked no yes/no
        («Ja, elleve år nå.» → «Elleve år nå.»): the persona's one-word yes and no lines."""
        particles = {
            " ".join(tokens(line))
            for kind in ("short_yes", "short_no")
            for line in self.persona.line(kind)
            if len(tokens(line)) == 1
        }
        head, _, rest = text.partition(" ")
        if not rest or " ".join(tokens(head)) not in particles or head[-1:] not in ",.":
            return text
        return rest[:1].upper() + rest[1:]

    def _honest(self, question: str, plan: _Plan) -> _Plan:
        """A question naming something specific the persona never mentions («covid»,
        «heating») gets the nearest account, but says so first instead of drifting off as
        if it had answered."""
        template = self._lang.unknown_lead
        if not template:
            return plan
        unknown = [
            w
            for w in map(self._unclitic, words_of(question))
            if len(w) > 3
            and w.lower() not in self._lang.stopwords
            and zipf(w.lower(), self._lang.code) < UNKNOWN_ZIPF
            # The persona's own job and period («covid» for a teacher of the lockdown) is
            # never owned up to as unknown, nor an inflection of a word it knows («helsa»).
            and not self._knows(w.lower())
        ]
        if not unknown:
            return plan
        word = min(unknown, key=lambda w: zipf(w.lower(), self._lang.code))
        return replace(plan, lead=template.format(word=self._with_article(question, word)))

    def _with_article(self, question: str, word: str) -> str:
        """The word as the question says it, with the article before it ("the heatwave")."""
        said = [self._unclitic(w) for w in words_of(question)]
        at = said.index(word)
        before = said[at - 1].lower() if at else ""
        return f"{before} {word}" if before in self._lang.articles else word

    def _unclitic(self, word: str) -> str:
        """A word without a clitic ending ("government's" → "government")."""
        for clitic in self._lang.clitics:
            if word.lower().endswith(clitic) and len(word) > len(clitic):
                return word[: -len(clitic)]
        return word

    def _asked(self, question: str, verdict: Analysis) -> str:
        """The part that gets answered: the whole turn, or of a double question the part
        with most topic of its own (the last one on a tie)."""
        if not verdict.double or len(verdict.questions) < 2:
            return question
        scored = [(max(self._matcher.score(q).lexical), i) for i, q in enumerate(verdict.questions)]
        return verdict.questions[max(scored)[1]]

    def _plan(self, question: str) -> _Plan | None:
        """Which material answers this question: a follow-up, a new episode, or nothing."""
        scores = self._matcher.score(question)
        best = scores.best()
        facet = probe_facet(question, self._lang)
        asked_for = facet is not None  # a probe proper, not a question read as one
        words = self._matcher.content(question)
        echo = self._echo(question, words)
        quoted = self._quotes_last(question)
        recalled = self._recalled(question)
        if recalled is not None and recalled[1] is not None:
            # «The client you mentioned …»: a follow-up on the story that told of it.
            return self._continue(recalled[1], facet or "echo", frozenset(words), True)
        if self._current is not None:
            # An echo or a quote is of the last story told, even after a short answer; «she»
            # is someone the persona spoke of last.
            someone = self._about_someone(question)
            home = self._told_last() if echo or quoted else self._current
            home = self._spoke_of_someone() if someone else home
            if (echo or quoted) and facet is None:
                facet = "echo"
            elif facet is None and (
                not words
                or self._anaphoric(question, scores)
                or self._on_current(question, scores)
                or someone
            ):
                # «What did you do?», «Hva gjorde du?»: no subject of its own, so about
                # what was just told.
                facet = "more"
            # «she» stays with the story's person unless the question names someone else's.
            stays = quoted or (someone and not self._names_other_person(question, home))
            if facet is not None and (stays or not self._names_other(scores, best, home)):
                return self._continue(home, facet, echo or frozenset(words), asked_for)
        if not self._has_material(scores, words) or self._off_subject(question, words):
            return None
        return self._new(scores, words, question)

    def _off_subject(self, question: str, words: list[str]) -> bool:
        """More of the question's words are ones the persona never speaks of than ones it
        does («music on the drive home», «the government's decision to close the schools»):
        a word or two it knows in passing is no material. A curated phrase the question
        says («along the way») knows its words."""
        said = tokens(question)
        phrased = {
            part
            for stems in self._matcher.stems
            for stem in stems
            if " " in stem and _has_phrase(said, stem, self._lang.code)
            for part in stem.split()
        }
        unknown = [
            w
            for w in words
            if len(w) > 3 and not self._knows(w) and not any(w.startswith(p) for p in phrased)
        ]
        if len(unknown) >= 2 and len(unknown) > len(words) - len(unknown):
            return True
        # «sykehusets nye parkeringsregler»: a rare subject of its own, and of the persona's
        # only its field («sykehus», the persona's `theme`), which every answer is about.
        known = [w for w in words if len(w) > 3 and w not in unknown]
        return (
            any(zipf(w, self._lang.code) < UNKNOWN_ZIPF for w in unknown)
            and bool(known)
            and all(self._matcher.in_theme(w) for w in known)
        )

    def _knows(self, word: str) -> bool:
        """The persona's material, its stems or its theme use the word or its lemma."""
        base = lemma(word, self._lang.code).lower()
        if any(self._matcher.known(w) for w in self._matcher.synonyms(word)):
            return True
        return (
            self._matcher.known(word)
            or self._matcher.is_theme(word)
            or self._matcher.known(base)
            or self._matcher.in_compound(base)
        )

    def _has_material(self, scores: _Scores, words: list[str]) -> bool:
        """Something to say: a curated stem, two of the question's words in one episode's
        texts, enough rare word evidence, or the persona's theme."""
        return (
            max(scores.strong) > 0
            or max(scores.hits) >= 2
            or max(scores.lexical) >= NOTHING_BELOW
            or self._matcher.on_theme(words)
            # No word of a subject at all («Who do you work most closely with?»): a question
            # about the persona's own life, answered by what it means.
            or not words
            # A question all of whose words the persona's material uses is about the
            # persona's world («what does a normal working day look like?») when the episode
            # it means most uses one of them: a brush-off is for a subject of the question's
            # own the persona never speaks of, or mentions only in passing («fritida»).
            or (
                bool(words)
                and all(self._matcher.known(w) for w in words)
                and scores.hits[scores.best()] > 0
            )
        )

    def _echo(self, question: str, words: list[str]) -> frozenset[str]:
        """Distinctive words of the last answer said back: in a short turn («Stemmen?»), in
        quotes, or after «du sa …» (an echo probe); a longer question merely sharing a word
        is a new question."""
        bare = len(tokens(question)) <= BARE_ECHO_WORDS
        shared = frozenset(
            w
            for w in words
            if (bare or self._matcher.distinctive(w)) and any(_near(w, x) for x in self._last_words)
        )
        if not shared:
            return shared
        marked = probe_facet(question, self._lang) == "echo"
        return shared if marked or len(tokens(question)) <= ECHO_WORDS else frozenset()

    def _quotes_last(self, question: str) -> bool:
        """The question repeats a run of words from the last answer («… at relasjonen
        betyr nesten alt?»): a follow-up on it, whatever else it names."""
        said = self._last_tokens
        asked = tokens(question)
        runs = {tuple(asked[i : i + QUOTE_RUN]) for i in range(len(asked) - QUOTE_RUN + 1)}
        # A run of mostly small words («in the office») is a phrase, not a quote.
        return any(
            run in runs and sum(w not in self._lang.stopwords and len(w) > 2 for w in run) >= 2
            for run in (tuple(said[i : i + QUOTE_RUN]) for i in range(len(said) - QUOTE_RUN + 1))
        )

    def _anaphoric(self, question: str, scores: _Scores) -> bool:
        """A short question of back-references and no topic of its own; a word the
        persona never uses («regjeringen») is a topic of its own."""
        words = tokens(question)
        own = [w for w in self._matcher.content(question) if len(w) > 3]
        return (
            (len(words) <= ANAPHORIC_MAX_WORDS or not self._matcher.content(question))
            and max(scores.strong) == 0
            and any(w in self._lang.anaphora for w in words)
            and all(self._matcher.spread(w) > 0 for w in own)
        )

    def _about_someone(self, question: str) -> bool:
        """A short question about «her» or «him» («How long did she stay on the ward?») is
        about someone in what was just told, not about the persona."""
        words = tokens(question)
        return len(words) <= ANAPHORIC_MAX_WORDS and any(w in self._lang.pronouns for w in words)

    def _spoke_of_someone(self) -> int:
        """The episode of the last turn that spoke of someone: a question naming one of its
        people («Even»), or a reply with «she» or a name; the current one when none did."""
        ids = [e.id for e in self.persona.episodes]
        for reply in reversed(self.history):
            named = [
                i
                for i, e in enumerate(self.persona.episodes)
                if self._names_someone_in(reply.question, e.people)
            ]
            if named:
                return named[0]
            if reply.episode in ids and self._names_someone(
                reply.text, self.persona.episode(reply.episode)
            ):
                return ids.index(reply.episode)
        assert self._current is not None
        return self._current

    def _person_asked(self, question: str) -> int | None:
        """The one episode whose person the question names («Hva sier Even om …?»)."""
        named = [
            i
            for i, e in enumerate(self.persona.episodes)
            if self._names_someone_in(question, e.people)
        ]
        return named[0] if len(named) == 1 else None

    def _names_other_person(self, question: str, home: int) -> bool:
        """The question names a person of another episode than ``home`` («Daniel»)."""
        return any(
            self._names_someone_in(question, e.people)
            for i, e in enumerate(self.persona.episodes)
            if i != home
        )

    def _names_someone_in(self, text: str, people: frozenset[str]) -> bool:
        return any(_hits(w, p, self._lang.code) for w in tokens(text) for p in people)

    def _names_someone(self, text: str, episode: Episode) -> bool:
        """A third-person pronoun, or one of the episode's people by name."""
        said = tokens(text)
        return any(w in self._lang.pronouns for w in said) or self._names_someone_in(
            text, episode.people
        )

    def _on_current(self, question: str, scores: _Scores) -> bool:
        """A short question pointing back («Hvorfor var det så slitsomt?») whose curated
        words are the current episode's more than any other's: about what was just told."""
        assert self._current is not None
        words = tokens(question)
        current = scores.strong[self._current]
        return (
            len(words) <= ANAPHORIC_MAX_WORDS
            and any(w in self._lang.anaphora for w in words)
            and current > 0
            and current >= max(scores.strong)
        )

    def _told_last(self) -> int:
        """The episode whose words were said last in a story (the current one before any)."""
        ids = [e.id for e in self.persona.episodes]
        if self._words_episode in ids:
            return ids.index(self._words_episode)
        assert self._current is not None
        return self._current

    def _names_other(self, scores: _Scores, best: int, home: int) -> bool:
        current = scores.named[home]
        strongest = int(np.argmax(scores.named))
        return strongest != home and scores.named[strongest] >= max(NEW_TOPIC_SCORE, 2 * current)

    def _continue(
        self, index: int, facet: Facet, words: frozenset[str], probe: bool = False
    ) -> _Plan:
        """A follow-up: the opening if it was not told yet (unless the probe asks for a
        feeling, a meaning or an example the episode has), else the best untold detail.
        A probe proper or a silence after a moment told before the opening goes on with
        that moment's details (in order), not back to the general account. A bare «more»
        (silence, «mm») after a moment goes on with the detail that shares its words."""
        if facet == "more" and not words:
            words = self._thread(index)
        if index not in self._opened and probe and self._told.get(index):
            return self._in_order(_Plan(index, self._detail(index, facet, words), facet))
        if index not in self._opened:
            details = self.persona.episodes[index].details
            wanted = [
                i
                for i, d in enumerate(details)
                if d.facet == facet and facet in SPECIFIC and i not in self._told.get(index, set())
            ]
            return self._in_order(_Plan(index, wanted[0] if wanted else None, facet))
        detail = self._detail(index, facet, words)
        return _Plan(index, detail, facet)

    def _thread(self, index: int) -> frozenset[str]:
        """The distinctive words of the moment just told of this episode (a detail, not its
        opening): what a silence after it asks to hear more of."""
        last = self.history[-1] if self.history else None
        if (
            last is None
            or last.kind not in RICH_KINDS
            or last.detail is None
            or last.episode != self.persona.episodes[index].id
        ):
            return frozenset()
        return frozenset(
            w for w in self._matcher.content(last.text) if self._matcher.distinctive(w)
        )

    def _in_order(self, plan: _Plan) -> _Plan:
        """A detail is told before its episode's opening only when it stands on its own:
        not one that goes on from it («Etter det …», "After a while …"), nor one naming
        someone the opening introduces and nobody has mentioned yet («Sara's square …»)."""
        if plan.detail is None or plan.episode in self._opened:
            return plan
        episode = self.persona.episodes[plan.episode]
        text = episode.details[plan.detail].text
        lowered = " ".join(tokens(text))
        said = {t for r in self.history for t in words_of(r.text)}
        opening = set(words_of(episode.text))
        names = [
            w
            for sentence in re.split(r"(?<=[.!?…])\s+", text)
            for w in words_of(sentence)[1:]
            if len(w) > 1 and w[:1].isupper() and not self._matcher.is_theme(w.lower())
        ]
        sequel = any(lowered == s or lowered.startswith(s + " ") for s in self._lang.sequel)
        # «Jeg ble helt stille da han sa det»: a pronoun in its first sentence points back.
        sequel = sequel or any(w in self._lang.pronouns for w in tokens(_first_sentence(text)))
        if not sequel and not any(n in opening and n not in said for n in names):
            return plan
        # A new question about that moment: the scene first, then the moment; a probe
        # (after an agreement, say) gets the opening.
        if plan.probe is None and not any(n not in said for n in names if n in opening):
            return replace(plan, scene=True)
        return replace(plan, detail=None)

    def _fit(
        self, words: list[str] | frozenset[str], text: str, about: frozenset[str], asked: str = ""
    ) -> float:
        """How much of the question a text (and its curated stems, phrases in ``asked``
        too: «en natt du husker») speaks to."""
        lexical = self._matcher.lexical(list(words), about, asked) if about else 0.0
        said = self._matcher.content(text)
        return lexical + OWN_WORDS_WEIGHT * sum(any(_near(w, x) for x in said) for w in words)

    def _pointed_detail(self, index: int, words: list[str], asked: str) -> int | None:
        """A new question about one particular moment of an episode («when a patient gets
        worse») is answered with that detail rather than the general opening."""
        episode = self.persona.episodes[index]
        opening = self._fit(words, episode.text, frozenset())
        told = self._told.get(index, set())
        fits = [
            (self._fit(words, d.text, d.about, asked), -i)
            for i, d in enumerate(episode.details)
            if i not in told
        ]
        if not fits:
            return None
        best, at = max(fits)
        return -at if best >= opening + POINTED_MARGIN else None

    def _detail(self, index: int, facet: Facet | None, words: frozenset[str]) -> int | None:
        episode = self.persona.episodes[index]
        untold = [i for i in range(len(episode.details)) if i not in self._told.get(index, set())]
        if not untold:
            return None

        def rank(i: int) -> tuple[float, int, int]:
            d = episode.details[i]
            return (-self._fit(words, d.text, d.about), _facet_cost(d.facet, facet), i)

        return min(untold, key=rank)

    def _new(self, scores: _Scores, words: list[str], asked: str) -> _Plan:
        best = self._person_asked(asked)
        best = scores.best() if best is None else best
        if best not in self._opened:
            return self._in_order(_Plan(best, self._pointed_detail(best, words, asked), None))
        fresh = [
            i for i in range(len(scores.total)) if i not in self._opened and scores.total[i] > 0
        ]
        # Only an episode the question names by a curated word is told instead: one that
        # merely sounds alike drifts from what was asked (a why about the cameras answered
        # with the pupils who disappeared).
        close = [
            i
            for i in fresh
            if scores.total[i] >= CLOSE_SHARE * scores.total[best]
            and scores.strong[i] >= CLOSE_SHARE * scores.strong[best]
            and scores.strong[i] > 0
        ]
        if close:
            # Of the episode told instead, the moment the question is about when one is.
            other = max(close, key=lambda i: scores.total[i])
            return self._in_order(_Plan(other, self._pointed_detail(other, words, asked), None))
        return _Plan(
            best, self._detail(best, None, frozenset(words)), None, again=self._links(best, words)
        )

    def _links(self, index: int, words: list[str]) -> bool:
        """«Som jeg sa:» only when true: the question comes back to this episode after
        another one, with a word of what was already told of it."""
        if self._current == index or index not in self._opened:
            return False
        episode = self.persona.episodes[index]
        told = [episode.text] + [
            episode.details[i].text for i in sorted(self._told.get(index, set()))
        ]
        said = self._matcher.content(" ".join(told))
        return any(any(_near(w, x) for x in said) for w in words)

    # -- saying ------------------------------------------------------------------

    def _material(self, plan: _Plan) -> str | None:
        episode = self.persona.episodes[plan.episode]
        if plan.detail is None:
            return None if plan.episode in self._opened else episode.text
        return episode.details[plan.detail].text

    def _tell(self, kind: ReplyKind, plan: _Plan, make: _Make) -> PracticeReply:
        text = self._material(plan)
        self._current = plan.episode
        if text is None:
            return make(kind, self._pick("told_all"), plan)
        if plan.detail is None:
            self._opened.add(plan.episode)
            text = self._after_half(plan, text)
        else:
            self._told.setdefault(plan.episode, set()).add(plan.detail)
            if plan.scene:
                text = f"{self.persona.episodes[plan.episode].gist} {text}"
        if plan.lead:
            text = _join(plan.lead, text, self._names)
        elif plan.again:
            text = _join(self._pick("again"), text)
        return make(kind, text, plan, followup=self._followup(plan, text))

    def _after_half(self, plan: _Plan, text: str) -> str:
        """The opening after a half-answer from it (double, why, leading) goes on from
        where that stopped instead of saying its first sentence again."""
        first = _first_sentence(text)
        episode = self.persona.episodes[plan.episode].id
        if first != text and any(
            r.episode == episode and first.lower() in r.text.lower() for r in self.history
        ):
            return text[len(first) :].lstrip()
        return text

    def _half(self, question: str, verdict: Analysis, plan: _Plan, make: _Make) -> PracticeReply:
        """Double or why: a short, partial answer; the full material stays untold."""
        material = self._material(plan)
        self._current = plan.episode
        if verdict.double and not verdict.why:
            part = self._on_part(self._asked(question, verdict), plan)
            return make("partial", _join(self._pick("double"), part), plan, open_answer=material)
        at, reason = self._reason(question, plan)
        if at != plan.episode:
            plan = _Plan(at, None, plan.probe)
            material = self._material(plan)
            self._current = at
        return make("why", _join(self._pick("why"), reason), plan, open_answer=material)

    def _on_part(self, part: str, plan: _Plan) -> str:
        """The one part of a double question answered: the sentence of the episode's untold
        material that speaks most to that part, else the opening's first sentence."""
        episode = self.persona.episodes[plan.episode]
        material = self._material(plan)
        first = _first_sentence(material) if material else episode.gist
        words = self._matcher.content(part)
        told = self._told.get(plan.episode, set())
        texts = [episode.text] * (plan.episode not in self._opened) + [
            d.text for i, d in enumerate(episode.details) if i not in told
        ]
        sentences = [x for text in texts for x in re.split(r"(?<=[.!?…])\s+", text) if x]
        fit = {x: self._fit(words, x, frozenset()) for x in (*sentences, first)}
        best = max(sentences, key=fit.__getitem__, default=first)
        return best if fit[best] > fit[first] else first

    def _reason(self, question: str, plan: _Plan) -> tuple[int, str]:
        """The reason a why-question gets: the sentence of the persona's material that gives
        a reason («… fordi jeg liker roen») and speaks most to the question, the episode's
        own `why` and its own sentences first; with none, the episode's first sentence. A
        why that follows up with words of its own («Why is it so hard to stop working at
        home?» after a short answer) prefers the episode only where its reasons use them."""
        words = [w for w in self._matcher.content(question) if len(w) > 2]
        episode = self.persona.episodes[plan.episode]
        best: tuple[float, int, str] | None = None
        candidates = [(plan.episode, episode.why, True)] if episode.why else []
        candidates += [(i, s, False) for i, s in self._sentences if self._gives_reason(s)]
        for index, sentence, own in candidates:
            fit = self._fit(words, sentence, frozenset())
            if index == plan.episode and (fit > 0 or not words or plan.probe is None):
                fit += REASON_OWN_EPISODE * (2 if own else 1)
            elif fit == 0:
                continue
            if best is None or fit > best[0]:
                best = (fit, index, sentence)
        if best is None and episode.why:
            best = (0.0, plan.episode, episode.why)
        if best is None:
            material = self._material(plan)
            return plan.episode, _first_sentence(material) if material else episode.gist
        return best[1], self._said_again(best[1], best[2])

    def _said_again(self, index: int, reason: str) -> str:
        """A reason told before in the session is not said again as if new: «As I said,»
        before it, and the first sentence of a detail of its episode not told yet (a meaning
        first) after it, so the why gets something more than a repeat."""
        if not any(reason in r.text for r in self.history) or not self._lang.repeat:
            return reason
        episode = self.persona.episodes[index]
        told = self._told.get(index, set())
        untold = sorted(
            (i for i in range(len(episode.details)) if i not in told),
            key=lambda i: (episode.details[i].facet != "meaning", i),
        )
        said = " ".join(r.text for r in self.history)
        more = next(
            (
                first
                for i in untold
                if (first := _first_sentence(episode.details[i].text)) not in said
            ),
            "",
        )
        again = _join(self._lang.repeat[0], reason, self._names)
        return f"{again} {more}".strip()

    def _gives_reason(self, sentence: str) -> bool:
        spaced = f" {' '.join(tokens(sentence))} "
        return any(f" {r} " in spaced for r in self._lang.reasons)

    def _short(
        self, question: str, verdict: Analysis, plan: _Plan | None, make: _Make
    ) -> PracticeReply:
        """Closed or leading: a short answer that stays the same if asked again."""
        material = self._material(plan) if plan else None
        if plan is not None:
            self._current = plan.episode
        if verdict.leading and verdict.form == "open" and self._grounded(question, plan):
            assert plan is not None
            # «What was the hardest part …?» asks for content: agree, then a half-answer.
            episode = self.persona.episodes[plan.episode]
            gist = _first_sentence(material) if material else episode.gist
            return make("agree", _join(self._pick("agree"), gist), plan, open_answer=material)
        if verdict.leading:
            return make("agree", self._pick("agree"), plan, open_answer=material)
        if offers_choice(verdict):
            return make("choice", self._pick("choose"), plan, open_answer=material)
        key = frozenset(self._matcher.content(question))
        if key not in self._closed:
            # The episode's own short answer for the closed question it was written for,
            # else yes or no as the persona's material has it: never at random.
            yes = self._polarity(question, plan)
            fact = self._fact(question, plan)
            self._closed[key] = fact[1] if fact else self._pick("short_yes" if yes else "short_no")
        return make("short", self._closed[key], plan, open_answer=material)

    def _grounded(self, question: str, plan: _Plan | None) -> bool:
        """A half-answer after agreeing needs the question to be about that episode: a
        follow-up on it, a curated stem of it, or two of its words; a leading question
        that only sounds like one gets a bare agreement, not an unrelated story."""
        if plan is None:
            return False
        scores = self._matcher.score(question)
        return (
            plan.probe is not None
            or scores.strong[plan.episode] > 0
            or scores.hits[plan.episode] >= 2
        )

    def _polarity(self, question: str, plan: _Plan | None) -> bool:
        """Yes or no to a closed question, as the persona's material has it. The question's
        rarest word in the persona decides: «no» when the material's sentences with it
        negate it («we had no training»), when the question puts a word of its own before
        it where the material has another («a surgical ward» for «a medical ward»), or when
        it names something the persona never mentions («on Mondays»). Nothing on the
        subject is a «no»; material that does not say, a «yes»."""
        if plan is None:
            return False
        raw = [w for w in words_of(question) if len(w) > 3]
        asked = tokens(question)
        asked_negated = any(w in self._lang.negations for w in asked)
        content = [w for w in self._matcher.content(question) if len(w) > 3]
        said_in = [
            {
                index
                for index, sentence in self._sentences
                if any(_near(w, x) for x in tokens(sentence))
            }
            for w in content
        ]
        spreads = {w: len(found) for w, found in zip(content, said_in, strict=True)}
        if any(w[:1].isupper() and not spreads.get(w.lower(), 1) for w in raw[1:]):
            return False
        known = [w for w, n in spreads.items() if n]
        if not known:
            return True
        rarest = min(spreads[w] for w in known)
        focal = [w for w in known if spreads[w] == rarest]
        found = [
            (index != plan.episode, said, [i for i, x in enumerate(said) if _near(w, x)], w)
            for index, sentence in self._sentences
            for said in (tokens(sentence),)
            for w in focal
        ]
        found = sorted((f for f in found if f[2]), key=lambda f: f[0])
        if not found:
            return True
        first = found[0][0]
        for other, said, at, word in found:
            if other != first:
                break
            if any(self._negated(said, i) for i in at):
                # «… du aldri hørte fra?» – «Andre hørte jeg aldri fra»: the material says
                # what the negated question asks, so «yes».
                return asked_negated
            if self._replaced(word, asked, said, at):
                return False
        return True

    def _negated(self, said: list[str], i: int) -> bool:
        """A negation just before the word, or just after it («matte har jeg aldri …»)."""
        near = said[max(0, i - 3) : i] + said[i + 1 : i + 4]
        return any(w in self._lang.negations or w.endswith("n't") for w in near)

    def _replaced(self, word: str, asked: list[str], said: list[str], at: list[int]) -> bool:
        """The question's word before ``word`` is one the persona never uses, where the
        material has a content word of its own before it («surgical ward», «medical ward»)."""
        where = [i for i, x in enumerate(asked) if x == word]
        if not where or where[0] == 0:
            return False
        before = asked[where[0] - 1]
        if before in self._lang.stopwords or len(before) <= 3 or self._matcher.spread(before):
            return False
        return any(
            i > 0 and said[i - 1] not in self._lang.stopwords and len(said[i - 1]) > 3 for i in at
        )

    def _followup(self, plan: _Plan, text: str) -> str:
        episode = self.persona.episodes[plan.episode]
        lowered = text.lower()
        for hook in episode.hooks:
            if hook.lower() in lowered:
                return self._lang.followup_echo.format(word=hook)
        return self._lang.followup_plain


def _join(lead: str, text: str, names: frozenset[str] = frozenset()) -> str:
    """A lead-in and what follows: the sentence goes on in lower case after «, men», but a
    name stays a name («…, but Daniel and I …»)."""
    first = words_of(text)[0] if words_of(text) else ""
    if (
        lead
        and lead[-1] not in ".!?…:"
        and text[:1].isupper()
        and text[1:2].islower()
        and first not in names
    ):
        text = text[0].lower() + text[1:]
    return f"{lead} {text}"


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?…])\s+", text, maxsplit=1)[0]


def _all_closed(verdict: Analysis) -> bool:
    """Every question of the turn is a yes/no (or either/or) question."""
    return bool(verdict.parts) and all(part.form == "closed" for part in verdict.parts)


def offers_choice(verdict: Analysis) -> bool:
    """A closed question offering alternatives, by the analyser's verdict (not its wording)."""
    return verdict.form == "closed" and verdict.choice


# ---------------------------------------------------------------------------
# Feedback


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _missed(replies: list[PracticeReply]) -> tuple[MissedFollowup, ...]:
    """Rich answers whose next question went elsewhere instead of following up."""
    missed: list[MissedFollowup] = []
    for answer, following in pairwise(replies):
        if answer.kind not in RICH_KINDS or _words(answer.text) < RICH_WORDS:
            continue
        stayed = following.episode == answer.episode and (
            following.probe is not None or following.analysis.form == "not_question"
        )
        if not stayed and answer.followup:
            missed.append(MissedFollowup(answer.question, answer.text, answer.followup))
    return tuple(missed)


def summarise_practice(replies: list[PracticeReply]) -> PracticeFeedback:
    """Aggregate a practice interview into feedback the researcher can act on."""
    asked = [r for r in replies if r.analysis.form != "not_question"]
    open_good = [r for r in asked if r.analysis.form == "open" and not r.analysis.leading]
    others = [r for r in asked if r not in open_good]
    rewrites = tuple((r.question, r.analysis.rewrite) for r in asked if r.analysis.rewrite)
    return PracticeFeedback(
        questions=len(asked),
        open=sum(r.analysis.form == "open" for r in asked),
        closed=sum(r.analysis.form == "closed" for r in asked),
        leading=sum(r.analysis.leading for r in asked),
        double=sum(r.analysis.double for r in asked),
        why=sum(r.analysis.why for r in asked),
        mean_answer_words_open=(
            float(np.mean([_words(r.text) for r in open_good])) if open_good else 0.0
        ),
        mean_answer_words_other=float(np.mean([_words(r.text) for r in others])) if others else 0.0,
        rewrites=rewrites,
        followups=sum(r.kind in ("deeper", "more") and r.detail is not None for r in replies),
        missed_followups=_missed(replies),
    )


def advice(reply: PracticeReply) -> dict[str, object]:
    """Feedback on one question, on request: its kind, what an open one would have got,
    the follow-up the answer invites, and the analyser's open rewrite."""
    lang = practice_lang(reply.analysis.language)
    open_answer = (
        lang.feedback_open_answer.format(text=reply.open_answer) if reply.open_answer else None
    )
    return {
        "form": reply.analysis.form,
        "problems": list(reply.analysis.problems),
        "explanation": reply.analysis.explanation,
        "reply_kind": reply.kind,
        "probe": reply.probe,
        "open_answer": open_answer,
        "followup": reply.followup if reply.kind in RICH_KINDS else None,
        "rewrite": reply.analysis.rewrite,
    }


# ---------------------------------------------------------------------------
# Which informant answers


@dataclass(frozen=True)
class InformantChoice:
    """The informant to practise with, and why a configured model is not used (if so)."""

    informant: SimulatedInformant | LLMInformant
    problem: str | None = None


def choose_informant(
    persona: Persona,
    embeddings: Embeddings,
    settings: LLMSettings,
    *,
    use_model: bool | None = None,
    seed: int = 0,
) -> InformantChoice:
    """The one decision "language model or rule-based informant", for app and CLI.

    ``use_model=False``: rule-based. ``True`` (``--llm``): the configured model or a
    :class:`~intervju.errors.ConfigError` (none configured, extra missing, cloud without
    opt-in). ``None`` (the app): the model when one is configured and usable, else the
    rule-based informant with the reason in ``problem``.
    """
    from .errors import ConfigError, IntervjuError

    rules = SimulatedInformant(persona, embeddings, seed=seed)
    if use_model is False or (use_model is None and settings.provider == "none"):
        return InformantChoice(rules)
    # Imported here: LangChain's chat stack costs ~0.3 s, which rule-based practice need not pay.
    from .llm import LLMInformant, get_chat_model

    try:
        model = get_chat_model(settings)
    except IntervjuError as exc:
        if use_model:
            raise
        return InformantChoice(rules, problem=str(exc))
    if model is None:
        if use_model:
            raise ConfigError(
                "no language model configured: choose an llm provider (ollama or openai) and a "
                "model in Innstillinger/Settings",
                where="--llm",
            )
        return InformantChoice(rules)
    return InformantChoice(LLMInformant(persona, model, embeddings, seed=seed))
