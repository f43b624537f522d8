"""What in the informant's turn is worth picking up: ranked spans of their own words.

An experienced interviewer follows up on the strongest thing just said: a feeling («ble
faktisk litt rørt»), an image («glassboble»), a person or place in the story («mannen på
trappa»), a word said again and again, a vague pointer, two sides said together. Never a
number, a filler, a function word, a plain verb, a name as such, a feeling said in the
negative, or a word the guide makes obvious. This module finds such spans with rules over
the language's word lists (``data/lang/<code>/cards.yaml``) and word frequency, reading the
normalised speech and quoting the informant's exact words (fillers left out). It knows no
words itself. Pure and fast: well under a millisecond per turn.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from types import MappingProxyType
from typing import Any

from .errors import ConfigError
from .lang import (
    Lang,
    Spoken,
    _yaml,
    lemma,
    lexicon,
    normalise,
    plain_apostrophes,
    word_spans,
    zipf,
)
from .lang.lexicon import as_lang, read_language_file
from .models import Guide

__all__ = [
    "CardData",
    "Span",
    "Tok",
    "card_data",
    "find_spans",
    "guide_lemmas",
    "inverted_subject",
    "noun_or_verb",
    "tokenise",
]

RARE = 3.3  # zipf below this: a rare word (wordfreq scale)
COMMON = 5.6  # zipf above this: too common to quote on its own
EVERYDAY = 4.3  # zipf above this: an everyday word, said twice by chance
LONG_TURN = 60  # words: in a story this long, twice is chance
INFINITIVE_SHORT = 3  # «bo», «gå», «se»: short infinitives without the -e
COMPOUND_LENGTH = 8  # letters: a rare word this long is usually a compound noun
REPEAT_MAX = 5.0  # zipf above this: the topic itself («skole»), not a word that keeps returning
SHORT_ANSWER = 6  # words: a short answer, where a plain «det var greit» is all that was said
MEANING_RARE = 4.25  # zipf below this: an evaluation of one's own, worth «what do you mean by»
IMAGE_WORDS = 8  # words after an image marker that may still belong to the image
NEGATION_NEAR = 3  # words back a negation always reaches («ikke så veldig moro»)
NEGATION_REACH = 5  # words back in the clause a negation still reaches («ikke noe jeg er stolt»)
ASKED_PENALTY = 5.0  # what the interviewer just named is not picked up again, however strong
PERSON_SCORE = 2.6  # someone the story is about: above a clause said back, below a feeling
PLAIN_THING = 1.1  # a plain thing named in passing («bordet») is below the all-purpose probes
OWN_KINDS = frozenset({"own_clause", "own_phrase"})
CUT_WORD_ZIPF = 1.5  # zipf below this: at the bottom of the word lists, a slip or a cut-off form
SAID_RARE = 4.5  # zipf below this: a word of the informant's own, worth saying back in its clause
SAID_MOST = 12  # words: a longer clause is not said back whole
SAID_BASE = 1.5  # a clause said back beats the all-purpose «say more» (1.2) ...
INVERTED_REACH = 4  # words before the verb of an inverted clause («i klasserommet er det …»)
PREDICATE_REACH = 3  # words back (sentence adverbs aside) to the copula of an evaluation
PREDICATE_MOST = 5  # words: «det var hennes arena» → «hennes arena»; longer is a clause
SAID_PLAIN = 1.35  # a plain clause of the informant's own: just above the all-purpose probes
SAID_TOP = 2.8  # ... and stays below a feeling, an image or a person in the story
OBJECT_WORDS = 7  # words after a verb of feeling that may be what it is about («savner …»)


_PHRASES: dict[tuple[str, str], tuple[tuple[str, ...], ...]] = {}


@dataclass(frozen=True)
class CardData:
    """One language's ``cards.yaml``: word lists, card wordings and reasons."""

    lang: Lang
    sets: Mapping[str, frozenset[str]]
    pronoun_swap: Mapping[str, str]
    agreement: Mapping[str, str]
    base_forms: Mapping[str, str]
    angles: Mapping[str, tuple[str, ...]]
    cards: Mapping[str, tuple[Mapping[str, str], ...]]
    generic: Mapping[str, Mapping[str, str]]
    reasons: Mapping[str, str]
    count_words: tuple[str, ...]
    neuter_suffix: str = ""
    neuter_endings: Mapping[str, str] = field(default_factory=dict)
    perfect: Mapping[str, str] = field(default_factory=dict)
    said_back: Mapping[str, str] = field(default_factory=dict)  # {so} and «it» wordings
    person_definite: Mapping[str, str] = field(default_factory=dict)  # «gutt» → «gutten»
    object_forms: Mapping[str, str] = field(default_factory=dict)  # «hun» → «henne»
    contractions: Mapping[str, str] = field(default_factory=dict)  # "i've" → "have"

    def words(self, name: str) -> frozenset[str]:
        return self.sets.get(name, frozenset())

    def phrases(self, name: str) -> tuple[tuple[str, ...], ...]:
        """A list's multi-word entries as word tuples, longest first (worked out once)."""
        key = (self.lang, name)
        if key not in _PHRASES:
            out = {tuple(p.split()) for p in self.words(name)}
            _PHRASES[key] = tuple(sorted(out, key=lambda p: (-len(p), p)))
        return _PHRASES[key]

    def count_word(self, count: int) -> str:
        if 0 <= count < len(self.count_words):
            return self.count_words[count]
        return str(count)


_STRUCTURED = {
    "agreement",
    "base_forms",
    "pronoun_swap",
    "question_angles",
    "cards",
    "generic",
    "reasons",
    "count_words",
    "neuter_suffix",
    "neuter_endings",
    "perfect_auxiliaries",
    "said_back",
    "person_definite",
    "object_forms",
    "self_contractions",
}


@cache
def card_data(lang: Lang) -> CardData:
    """Load and validate ``data/lang/<lang>/cards.yaml`` once."""
    raw, where = read_language_file(lang, "cards")
    sets = {k: _yaml.word_set(raw, k, where) for k in raw if k not in _STRUCTURED}
    angles_raw = raw.get("question_angles") or {}
    if not isinstance(angles_raw, dict):
        raise ConfigError("'question_angles' must be a mapping", where=where)
    angles = {str(k): tuple(str(v).lower() for v in vals) for k, vals in angles_raw.items()}
    cards = {
        str(k): tuple(_card(v, where, k) for v in vals)
        for k, vals in _map(raw, "cards", where).items()
    }
    generic = {str(k): _card(v, where, k) for k, v in _map(raw, "generic", where).items()}
    reasons = {str(k): str(v) for k, v in _map(raw, "reasons", where).items()}
    return CardData(
        lang=lang,
        sets=MappingProxyType(sets),
        pronoun_swap=_yaml.word_map(raw, "pronoun_swap", where),
        agreement=_yaml.word_map(raw, "agreement", where),
        base_forms=_yaml.word_map(raw, "base_forms", where),
        angles=MappingProxyType(angles),
        cards=MappingProxyType(cards),
        generic=MappingProxyType(generic),
        reasons=MappingProxyType(reasons),
        count_words=tuple(str(w) for w in raw.get("count_words") or ()),
        neuter_suffix=str(raw.get("neuter_suffix") or ""),
        neuter_endings=_yaml.word_map(raw, "neuter_endings", where),
        perfect=_yaml.word_map(raw, "perfect_auxiliaries", where),
        said_back=_said_back(raw, where),
        person_definite=_yaml.word_map(raw, "person_definite", where),
        object_forms=_yaml.word_map(raw, "object_forms", where),
        contractions=_yaml.word_map(raw, "self_contractions", where),
    )


def _said_back(raw: Mapping[str, Any], where: str) -> Mapping[str, str]:
    """``said_back`` keeps its spaces («så »), unlike a word map."""
    value = _map(raw, "said_back", where)
    missing = {"intensified", "lessened", "opinion_subject"} - set(value)
    if missing:
        raise ConfigError(f"'said_back' needs {', '.join(sorted(missing))}", where=where)
    return MappingProxyType({str(k): str(v) for k, v in value.items()})


def _map(raw: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    value = raw.get(key) or {}
    if not isinstance(value, dict):
        raise ConfigError(f"'{key}' must be a mapping", where=where)
    return value


def _card(value: Any, where: str, kind: object) -> Mapping[str, str]:
    if not isinstance(value, dict) or "text" not in value or "intent" not in value:
        raise ConfigError(f"card '{kind}' needs intent and text", where=where)
    return MappingProxyType({str(k): str(v) for k, v in value.items()})


@dataclass(frozen=True)
class Tok:
    """A word of the normalised turn: as written, lower case, lemma, frequency, position."""

    word: str
    low: str
    lemma: str
    zipf: float
    start: int
    end: int
    quote: str  # the informant's own word, as said
    boundary: bool  # punctuation (a clause break) before this word
    sentence_start: bool


@dataclass(frozen=True)
class Span:
    """One thing worth picking up. ``quote`` is the informant's words; ``slots`` fill cards."""

    kind: str
    quote: str
    score: float
    first: int
    last: int  # token positions, inclusive
    lemmas: frozenset[str]
    count: int = 1
    tense: str = "past"
    slots: Mapping[str, str] = field(default_factory=dict)


def tokenise(spoken: Spoken, lang: Lang) -> list[Tok]:
    """The normalised words with what the rules need to know about each."""
    text = spoken.text
    out: list[Tok] = []
    previous_end = 0
    for start, end in word_spans(text):
        word = text[start:end].rstrip("-")
        if not word:
            continue
        gap = text[previous_end:start]
        boundary = any(ch in gap for ch in ',.;:!?…–—()"«»')
        sentence = not out or any(ch in gap for ch in ".!?…")
        low = word.lower()
        out.append(
            Tok(
                word=word,
                low=low,
                lemma=lemma(low, lang),
                zipf=zipf(low, lang),
                start=start,
                end=end,
                quote=spoken.original_words(start, end).strip(" ,.-"),
                boundary=boundary and bool(out),
                sentence_start=sentence,
            )
        )
        previous_end = end
    return out


def find_spans(
    text: str,
    lang: Lang,
    *,
    context: Sequence[str] = (),
    asked: str | None = None,
    known: Collection[str] = (),
) -> tuple[list[Span], list[Tok], Spoken]:
    """Spans of ``text`` worth a follow-up, best first.

    ``context`` holds earlier informant turns (repetition across turns), ``asked`` the
    interviewer's last question (what it already names is not picked up again), ``known``
    lemmas the guide or domain makes obvious.
    """
    data = card_data(lang)
    spoken, read, found = _read(text, lang)
    toks = list(read)
    spans = list(found)
    spans.extend(_repeated_and_rare(toks, data, context, spans))
    spans = _own_words_once(spans)
    asked_lemmas = _content_lemmas(asked or "", lang, data)
    spans = [_adjust(s, asked_lemmas, frozenset(known)) for s in spans]
    spans = _drop_overlaps(sorted(spans, key=lambda s: -s.score))
    return [s for s in spans if s.score > 0], toks, spoken


@lru_cache(maxsize=32)
def _read(text: str, lang: Lang) -> tuple[Spoken, tuple[Tok, ...], tuple[Span, ...]]:
    """A turn read once: normalised, tokenised, and the spans that need no context.

    The review reads a candidate turn to judge it and again to word a follow-up, and the
    four turns before it as context; a few dozen recent turns are kept (values are frozen).
    """
    data = card_data(lang)
    spoken, toks = _spoken_tokens(text, lang)
    finders = (
        _feelings,
        _images,
        _episodes,
        _vague,
        _pointers,
        _jargon,
        _ambivalence,
        _experiences,
        _said,
        _people,
    )
    spans: list[Span] = []
    for finder in finders:
        spans.extend(finder(toks, data))
    return spoken, toks, tuple(spans)


@lru_cache(maxsize=64)
def _spoken_tokens(text: str, lang: Lang) -> tuple[Spoken, tuple[Tok, ...]]:
    """A turn normalised and tokenised once, whether it is read as the turn or as context
    of the turns after it (values are frozen)."""
    spoken = normalise(plain_apostrophes(text), lang)  # "I’ve" is "I've" to every word list
    return spoken, tuple(tokenise(spoken, lang))


def _tokens(text: str, lang: Lang) -> tuple[Tok, ...]:
    """The tokens of a turn read as context."""
    return _spoken_tokens(text, lang)[1]


def _own_words_once(spans: list[Span]) -> list[Span]:
    """A clause said back is not a second card on a word another span picks up («distanse»)."""
    others = [s for s in spans if s.kind not in OWN_KINDS]

    def beaten(own: Span) -> bool:
        return any(o.lemmas & own.lemmas and o.score >= own.score for o in others)

    return [s for s in spans if s.kind not in OWN_KINDS or not beaten(s)]


def _adjust(span: Span, asked: frozenset[str], known: frozenset[str]) -> Span:
    """Lower what the interviewer just named or what the guide makes obvious."""
    score = span.score
    if span.lemmas and span.lemmas <= asked:
        score -= ASKED_PENALTY
    if span.kind in {"word", "repeated", "thing", "vague", "jargon"} and span.lemmas & known:
        score -= 2.5
    return Span(**{**span.__dict__, "score": round(score, 3)})


def _drop_overlaps(spans: list[Span]) -> list[Span]:
    """Keep the better of two spans over the same words, or on the same word said twice
    («Nervous. Really nervous.»)."""
    kept: list[Span] = []
    for span in spans:
        if any(span.first <= k.last and k.first <= span.last for k in kept):
            continue
        if span.lemmas and any(k.kind == span.kind and k.lemmas == span.lemmas for k in kept):
            continue
        kept.append(span)
    return kept


def guide_lemmas(guide: Guide) -> frozenset[str]:
    """Content lemmas of a guide's titles and questions: words the study makes obvious."""
    lang: Lang = as_lang(guide.language)
    data = card_data(lang)
    texts = [guide.title] + [t.title for t in guide.topics] + [q.text for q in guide.questions]
    return frozenset().union(*(_content_lemmas(t, lang, data) for t in texts))


def _content_lemmas(text: str, lang: Lang, data: CardData) -> frozenset[str]:
    toks = tokenise(normalise(text, lang), lang)
    return frozenset(t.lemma for t in toks if _is_content(t, data))


def _is_content(tok: Tok, data: CardData) -> bool:
    return len(tok.low) >= 3 and _content_word(tok.low, tok.lemma, data.lang)


@lru_cache(maxsize=16384)
def _content_word(low: str, lemma: str, lang: Lang) -> bool:
    """Not a stop word, an empty word or a number (cached: speech comes back to the same
    words turn after turn, and every finder asks of every token)."""
    data = card_data(lang)
    empty = data.words("empty_content")
    return (
        low not in lexicon(lang).stop_words
        and low not in empty
        and lemma not in empty
        and not (any(ch.isdigit() for ch in low) or low in data.words("numbers"))
    )


def _stop(tok: Tok, data: CardData) -> bool:
    return tok.low in lexicon(data.lang).stop_words


def _is_number(tok: Tok, data: CardData) -> bool:
    return any(ch.isdigit() for ch in tok.low) or tok.low in data.words("numbers")


def _is_name(tok: Tok) -> bool:
    """Capitalised inside a sentence: a name (never grounds a card on its own)."""
    return tok.word[:1].isupper() and not tok.sentence_start and tok.low != "i"


def _quote(toks: Sequence[Tok], first: int, last: int) -> str:
    """The informant's words from ``first`` to ``last`` (a sentence capital made small)."""
    said = [t.quote for t in toks[first : last + 1] if t.quote]
    if said and _lowerable(toks[first]) and said[0] == toks[first].quote:
        said[0] = said[0][:1].lower() + said[0][1:]
    return " ".join(said)


def _match_at(toks: Sequence[Tok], i: int, phrase: tuple[str, ...]) -> bool:
    if i + len(phrase) > len(toks):
        return False
    return all(
        toks[i + k].low == w or toks[i + k].lemma == w for k, w in enumerate(phrase)
    ) and not any(toks[i + k].boundary for k in range(1, len(phrase)))


def _match_end(toks: Sequence[Tok], phrase: tuple[str, ...]) -> bool:
    """The words end on the phrase («… jeg vet ikke helt hvordan jeg skal forklare det»)."""
    tail = [t.low for t in toks[-len(phrase) :]]
    return len(toks) >= len(phrase) and tuple(tail) == phrase


_INDEX: dict[tuple[str, str], dict[str, tuple[tuple[str, ...], ...]]] = {}


def _phrase_index(data: CardData, name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """A list's phrases by their first word, so a turn is matched in one pass."""
    key = (data.lang, name)
    if key not in _INDEX:
        index: dict[str, list[tuple[str, ...]]] = {}
        for phrase in data.phrases(name):
            index.setdefault(phrase[0], []).append(phrase)
        _INDEX[key] = {k: tuple(v) for k, v in index.items()}
    return _INDEX[key]


def _find_phrases(toks: Sequence[Tok], data: CardData, name: str) -> list[tuple[int, int]]:
    """(first, last) token positions of each entry of list ``name`` found in ``toks``."""
    found: list[tuple[int, int]] = []
    index = _phrase_index(data, name)
    taken: set[int] = set()
    for i in range(len(toks)):
        if i in taken:
            continue
        starting = index.get(toks[i].low, ()) + index.get(toks[i].lemma, ())
        if not starting:
            continue
        for phrase in sorted(set(starting), key=lambda p: (-len(p), p)):
            if _match_at(toks, i, phrase):
                found.append((i, i + len(phrase) - 1))
                taken.update(range(i, i + len(phrase)))
                break
    return found


def _negated(toks: Sequence[Tok], first: int, data: CardData) -> bool:
    """A negation before, in the same clause («ikke så veldig moro», «ikke noe jeg er stolt
    av», «ikke fordi det var forferdelig»)."""
    negations = data.words("negations")
    for k in range(first - 1, max(-1, first - 1 - NEGATION_REACH), -1):
        low = plain_apostrophes(toks[k].low)  # "don’t" as "don't"
        if low in negations or low.endswith("n't"):
            if _emphatic(toks[k : max(first, k) + EMPHATIC_REACH], data):
                return False
            # further back only over a phrase it governs («ikke noe …», «ikke fordi …») or an
            # opinion it denies ("I don't think I was scared", «tror ikke at jeg var så redd»),
            # not over another verb ("if I don't answer quickly I worry")
            opinion = {toks[k + 1].low, toks[k - 1].low if k else ""} & data.words("opinion_verbs")
            return (
                first - k <= NEGATION_NEAR
                or toks[k + 1].low in data.words("negation_scope")
                or bool(opinion)
            )
        if toks[k + 1].boundary:
            return False
    return False


EMPHATIC_REACH = 4  # words past a feeling's first word where a degree word still grades it


def _emphatic(words: Sequence[Tok], data: CardData) -> bool:
    """«aldri følt meg så hjelpeløs», "never felt so helpless": a «never» with a degree word
    near the feeling says how strong it was (cards ``emphatic_negations``,
    ``emphatic_degree``); ``words`` run from the negation to a few words past the feeling's
    first word («aldri følt meg så …»)."""
    clause = list(words[:1])
    for tok in words[1:]:
        if tok.boundary:  # «aldri redd, så det gikk fint»: the degree word is another clause's
            break
        clause.append(tok)
    return bool(clause) and emphatic([t.low for t in clause], data)


def emphatic(words: Sequence[str], data: CardData) -> bool:
    """The word list form of :func:`_emphatic` (its first word is the negation)."""
    return words[0] in data.words("emphatic_negations") and any(
        w in data.words("emphatic_degree") for w in words[1:]
    )


def _tense(toks: Sequence[Tok], first: int, last: int, data: CardData) -> str:
    for tok in toks[first : last + 1]:
        if tok.low in data.words("present_forms"):
            return "present"
        if tok.low in data.words("past_forms") or tok.low.endswith(
            tuple(data.words("past_endings"))
        ):
            return "past"
    return "past"


def _swap(toks: Sequence[Tok], data: CardData, skip_adverbs: bool = True) -> str:
    """The informant's words said back to them («jeg kjente meg» → «du kjente deg»)."""
    adverbs = data.words("sentence_adverbs")
    out: list[str] = []
    for tok in toks:
        if skip_adverbs and tok.low in adverbs and out:
            continue
        swapped = data.pronoun_swap.get(tok.low)
        if out and out[-1] in data.pronoun_swap.values() and tok.low in data.agreement:
            swapped = data.agreement[tok.low]  # "I was" → "you were"
        out.append(
            swapped if swapped is not None else tok.quote.lower() if _lowerable(tok) else tok.quote
        )
    return " ".join(out)


def _lowerable(tok: Tok) -> bool:
    """Capitalised only because it starts a sentence (a common word, not an abbreviation)."""
    return tok.sentence_start and not tok.word.isupper() and (tok.zipf >= 3.0 or len(tok.low) <= 3)


# --- feelings and evaluations ---------------------------------------------------------------
def _feelings(toks: Sequence[Tok], data: CardData) -> list[Span]:
    """Emotion words with the words that belong to them, and «det gnager»-verbs."""
    out: list[Span] = []
    hits = [(a, b, "feeling") for a, b in _find_phrases(toks, data, "emotion")]
    hits += [(a, b, "evaluation") for a, b in _find_phrases(toks, data, "evaluation")]
    hits += [(a, b, "verb") for a, b in _find_phrases(toks, data, "emotion_verbs")]
    hits += [(a, b, "self") for a, b in _find_phrases(toks, data, "self_emotion_verbs")]
    hits += _bland_intensified(toks, data)
    seen: set[int] = {
        i for a, b in _find_phrases(toks, data, "not_feelings") for i in range(a, b + 1)
    }
    selves = data.words("self_pronouns")

    def order(hit: tuple[int, int, str]) -> tuple[int, bool, int, str]:
        # "I worry about …": after «jeg» / "I" the verb of feeling, not the noun
        said_by_self = hit[2] == "self" and hit[0] > 0 and toks[hit[0] - 1].low in selves
        return hit[0], not said_by_self, hit[1], hit[2]

    for first, last, kind in sorted(hits, key=order):
        if first in seen or _is_name(toks[first]):
            continue
        seen.update(range(first, last + 1))
        span = _feeling_span(toks, data, first, last, kind)
        if span is not None:
            out.append(span)
    return out


def _trait(toks: Sequence[Tok], data: CardData, first: int) -> bool:
    """«en dame med angst», "a man with anxiety": someone's trait, not a feeling said."""
    if first < 2 or toks[first].boundary or toks[first - 1].low not in data.words("trait_links"):
        return False
    return toks[first - 2].lemma in data.words("person_nouns")


def _bland_intensified(toks: Sequence[Tok], data: CardData) -> list[tuple[int, int, str]]:
    """«helt vanlig», «sykt bra»: a plain word made a statement by an intensifier."""
    out: list[tuple[int, int, str]] = []
    for i, tok in enumerate(toks):
        if tok.low in data.words("bland") and i and toks[i - 1].low in data.words("intensifiers"):
            j = i - 1
            while j > 0 and toks[j - 1].low in data.words("degree") and not toks[j].boundary:
                j -= 1
            copula = j > 0 and toks[j - 1].low in data.words("feeling_verbs")
            if not tok.boundary and (copula or _attributive(toks, data, i)):
                out.append((i, i, "evaluation"))
        elif tok.low in data.words("bland") and len(toks) <= SHORT_ANSWER and i >= 2:
            # «nei det var greit nok»: the whole short answer is this evaluation
            said = toks[i - 2].low in data.words("it_pronouns")
            if said and toks[i - 1].low in data.words("feeling_verbs") and not tok.boundary:
                out.append((i, i, "evaluation"))
    return out


def _feeling_span(
    toks: Sequence[Tok], data: CardData, first: int, last: int, kind: str
) -> Span | None:
    if _negated(toks, _left_of_degree(toks, data, first), data) or _trait(toks, data, first):
        return None
    if kind == "verb":
        return _it_verb_span(toks, data, first, last)
    if kind == "self":
        return _self_verb_span(toks, data, first, last)
    while first < last and toks[first].low in data.words("degree"):
        first += 1  # «helt greit» from the list: «helt» is the degree, «greit» the word
    start = _left_of_degree(toks, data, first)
    core = _quote(toks, first, last)
    phrase = _quote(toks, start, last)
    if kind == "feeling" and _determined(toks, data, start, last):
        # «en vond samtale»: the feeling word describes a thing; say the phrase back
        quote = _quote(toks, start - 1, last + 1)
        return Span(
            kind="described",
            quote=quote,
            score=3.4,
            first=start - 1,
            last=last + 1,
            lemmas=frozenset({toks[last + 1].lemma}),
        )
    if kind == "evaluation" and _attributive(toks, data, last):
        # «veldig godt miljø»: the evaluation describes a thing; ask about the whole phrase.
        quote = _quote(toks, start, last + 1)
        return Span(
            kind="evaluation_word",
            quote=quote,
            score=3.6,
            first=start,
            last=last + 1,
            lemmas=frozenset({toks[last + 1].lemma}),
            slots={"phrase": quote},
        )
    end = _right_links(toks, data, last)
    meaning = _meaning_slot(toks, data, start, first, last, phrase)
    degree = [t.low for t in toks[start:first]]
    if set(degree) & data.words("intensifiers"):
        so = data.said_back["intensified"]
    else:
        so = data.said_back["lessened"] if set(degree) & data.words("small_degree") else ""
    verb_at, subject = _verb_and_subject(toks, data, start)
    lemmas = frozenset(t.lemma for t in toks[first : last + 1])
    rare = max(0.0, 4.5 - min(t.zipf for t in toks[first : last + 1]))
    base = (5.0 if kind == "feeling" else 3.8) + 0.35 * rare + (0.4 if degree else 0.0)
    if verb_at is not None and subject is not None and subject in data.words("self_pronouns"):
        clause_toks = _clause_from(toks, verb_at, end, subject, data)
        tense = _tense(toks, verb_at, first, data)
        clause = _swap(clause_toks, data)
        made = _made_clause(clause_toks, data)
        return Span(
            kind="feeling_self" if kind == "feeling" else "evaluation_self",
            quote=_quote(toks, verb_at, end),
            score=base + 0.5,
            first=min(verb_at, start),
            last=end,
            lemmas=lemmas,
            tense=tense,
            slots={
                "clause": clause,
                "clause_made": made,
                "adj": core,
                "so": so,
                "kind": kind,
                **meaning,
            },
        )
    if verb_at is not None and subject in data.words("it_pronouns"):
        subj_at = _subject_at(toks, verb_at)
        if toks[subj_at].low not in data.words("it_pronouns"):
            subj_at = verb_at
        tense = _tense(toks, verb_at, first, data)
        quote = _quote(toks, subj_at, end if kind == "feeling" else last)
        return Span(
            kind="evaluation",
            quote=quote,
            score=base,
            first=subj_at,
            last=end,
            lemmas=lemmas,
            tense=tense,
            slots={"adj": _neuter(core, data), "so": so, "kind": kind, **meaning},
        )
    other = _other_subject(toks, data, start)
    if other is not None and kind == "feeling":
        return _other_span(toks, data, other, first, end, base)
    noun_like = core.lower() in data.words("evaluation_nouns")
    pronoun = other is not None and data.object_forms.get(toks[other[0]].low)
    if (
        other is not None
        and not noun_like
        and (pronoun or toks[other[0]].low not in data.words("other_pronouns"))
    ):
        # «strukturen er viktig» → «hva er det som gjør strukturen viktig?»; «hun var
        # fantastisk» → «… gjorde henne fantastisk?», not «… gjorde det fantastisk?»
        subject = pronoun or _swap(toks[other[0] : other[1]], data, skip_adverbs=False)
        if toks[other[0]].sentence_start and not toks[other[0]].word.isupper():
            subject = subject[:1].lower() + subject[1:]
        return Span(
            kind="evaluation_of",
            quote=_quote(toks, other[0], last),
            score=base,
            first=other[0],
            last=last,
            lemmas=lemmas,
            tense=_tense(toks, other[1], first, data),
            slots={"adj": core, "so": so, "subject": subject, **meaning},
        )
    quote = _quote(toks, start, last)
    slots = {"adj": core, "so": so, "kind": kind, **meaning}
    if kind != "feeling":
        verb = first == last and _verb_like(toks, last, data)  # "they want to close it"
        if not verb and _predicative(toks, data, start) and not _comparative(toks[last], data):
            slots["adj"] = _neuter(core, data)  # «det var litt vanskelig»: why, as well
        elif verb or "phrase" not in slots:
            return None  # "we live close", «noe vanskelig», "they have it harder"
        else:
            del slots["adj"]  # «sa navnet hans sterilt»: what they mean by their own word
    return Span(
        kind="feeling_word" if kind == "feeling" else "evaluation_word",
        quote=quote,
        score=base - 0.6,
        first=start,
        last=last,
        lemmas=lemmas,
        tense=_tense(toks, _clause_start(toks, start), last, data),
        slots=slots,
    )


def _predicative(toks: Sequence[Tok], data: CardData, start: int) -> bool:
    """Said of something: after a copula or verb of feeling a few words back, adverbs and the
    subject between («det var rett og slett tøft», «blir det fort rotete», «er video helt
    vanlig»), or as the answer itself («Litt vanskelig.»); not "we live close"."""
    if start == 0 or toks[start].boundary:
        return True
    adverbs = {k for a, b in _find_phrases(toks, data, "sentence_adverbs") for k in range(a, b + 1)}
    copulas = data.words("feeling_verbs") | data.words("own_it_is")  # "it's hard to say"
    reach = PREDICATE_REACH
    for k in range(start - 1, -1, -1):
        if toks[k].low in copulas:
            return True
        reach -= k not in adverbs
        if reach == 0 or toks[k].boundary:
            return False
    return False


def _comparative(tok: Tok, data: CardData) -> bool:
    """«vanskeligere», "harder": a comparative or superlative by its ending on the lemma."""
    return any(tok.low == tok.lemma + end for end in data.words("comparative_endings"))


def _meaning_slot(
    toks: Sequence[Tok], data: CardData, start: int, first: int, last: int, phrase: str
) -> dict[str, str]:
    """{"phrase": …} for «hva legger du i …?» only when the words are the informant's own
    (a rare evaluation: «sterilt», «uvirkelig»; a plain one made a statement: «helt vanlig»).
    «moro», «vanskelig», «greit» mean what they say; asking what they mean asks what was said."""
    part = toks[first : last + 1]
    rare = min(t.zipf for t in part) < MEANING_RARE
    if rare or (start < first and any(t.low in data.words("bland") for t in part)):
        return {"phrase": phrase}
    return {}


def _neuter(adjective: str, data: CardData) -> str:
    """«den er veldig fin» → «hva gjør det så fint?»: the form that goes with «det»."""
    if " " in adjective or not data.neuter_suffix:
        return adjective
    low = adjective.lower()
    if low in data.words("neuter_same") or low.endswith(tuple(data.words("neuter_keep"))):
        return adjective
    for ending, neuter in data.neuter_endings.items():
        if low.endswith(ending):
            return adjective[: len(adjective) - len(ending)] + neuter
    return adjective + data.neuter_suffix


def _other_subject(toks: Sequence[Tok], data: CardData, start: int) -> tuple[int, int] | None:
    """(subject start, verb) when the feeling is someone else's («de er jo redde»)."""
    skip = data.words("sentence_adverbs") | data.words("degree")
    i = start - 1
    while i >= 0 and toks[i].low in skip and not toks[i + 1].boundary:
        i -= 1
    if i < 1 or toks[i].low not in data.words("feeling_verbs") or toks[i + 1].boundary:
        return None
    first = _clause_start(toks, i - 1, most=3) if not toks[i].boundary else i
    others = data.words("other_pronouns")
    while first < i and _stop(toks[first], data) and toks[first].low not in others:
        first += 1  # «og de er redde»: the subject starts after the conjunction
    subject = toks[first:i]
    not_other = (data.words("subject_pronouns") | data.words("it_pronouns")) - others
    if not subject or any(t.low in not_other for t in subject):
        return None
    if subject[0].low in data.words("other_pronouns") or any(
        _is_content(t, data) and not _is_name(t) for t in subject
    ):
        return first, i
    return None


def _other_span(
    toks: Sequence[Tok], data: CardData, where: tuple[int, int], first: int, end: int, base: float
) -> Span:
    """Someone else's feeling: asked about as the informant saw it, not as their own."""
    subject, verb_at = where
    clause = _swap(toks[subject : end + 1], data)
    return Span(
        kind="feeling_other",
        quote=_quote(toks, subject, end),
        score=base - 1.2,
        first=subject,
        last=end,
        lemmas=frozenset(t.lemma for t in toks[first : end + 1]),
        tense=_tense(toks, verb_at, first, data),
        slots={"clause": clause},
    )


def _attributive(toks: Sequence[Tok], data: CardData, last: int) -> bool:
    """The next word is the noun the evaluation describes («godt miljø»)."""
    if last + 1 >= len(toks):
        return False
    nxt = toks[last + 1]
    return (
        not nxt.boundary
        and _is_content(nxt, data)
        and not _verb_like(toks, last + 1, data)
        and not _past_verb(nxt, data)
    )


def _determined(toks: Sequence[Tok], data: CardData, start: int, last: int) -> bool:
    """«en tom gang», «den vonde samtalen»: an article before and a noun after make the word
    describe a thing, not the informant's feeling."""
    if start == 0 or toks[start].boundary or last + 1 >= len(toks):
        return False
    before, noun = toks[start - 1], toks[last + 1]
    article = before.low in (
        data.words("indefinite_articles") | data.words("demonstratives") | data.words("own_leads")
    )
    return (
        article
        and not noun.boundary
        and not _stop(noun, data)
        and not _verb_like(toks, last + 1, data)
        and not _past_verb(noun, data)
    )


def _left_of_degree(toks: Sequence[Tok], data: CardData, first: int) -> int:
    degree = data.words("degree")
    start = first
    while start > 0 and not toks[start].boundary and toks[start - 1].low in degree:
        start -= 1
    lead = data.words("degree_lead")
    if start < first and start > 0 and toks[start - 1].low in lead and not toks[start].boundary:
        start -= 1  # "a bit lonely", not "bit lonely"
    return start


def _right_links(toks: Sequence[Tok], data: CardData, last: int) -> int:
    """«alene med det», «redd for ansvaret»: a short link after the feeling belongs to it."""
    links = data.words("feeling_links")
    if last + 2 < len(toks) + 1 and last + 1 < len(toks):
        link = toks[last + 1]
        if link.low in links and not link.boundary and last + 2 < len(toks):
            obj = toks[last + 2]
            after = toks[last + 3] if last + 3 < len(toks) else None
            it_alone = obj.low in data.words("it_pronouns") and (after is None or after.boundary)
            if not obj.boundary and (it_alone or _is_content(obj, data)):
                return last + 2
    return last


def _verb_and_subject(
    toks: Sequence[Tok], data: CardData, start: int
) -> tuple[int | None, str | None]:
    """The verb that joins a subject to the feeling: «jeg kjente meg», «så ble jeg», «det var»."""
    verbs = data.words("feeling_verbs")
    subjects = data.words("subject_pronouns") | data.words("it_pronouns")
    adverbs = data.words("sentence_adverbs") | data.words("degree")
    i = start - 1
    while i >= 0 and toks[i].low in adverbs and not toks[i + 1].boundary:
        i -= 1
    if i >= 0 and toks[i].low in data.words("feeling_particles") and not toks[i + 1].boundary:
        i -= 1
    if i >= 0 and toks[i].low in data.words("reflexives") and not toks[i + 1].boundary:
        i -= 1
    inverted_subject: str | None = None
    if i >= 1 and toks[i].low in subjects and toks[i - 1].low in verbs and not toks[i].boundary:
        inverted_subject = toks[i].low  # «så ble jeg litt rørt»
        i -= 1
    if i < 0 or toks[i].low not in verbs or toks[i + 1].boundary:
        return None, None
    if inverted_subject is not None:
        return i, inverted_subject
    # «jeg har aldri følt meg så …»: a perfect's auxiliary and an emphatic «aldri» between
    # the subject and its verb
    between = data.words("auxiliaries") | data.words("emphatic_negations") | adverbs
    j = i
    while j >= 2 and toks[j - 1].low in between and not toks[j].boundary and i - j < 2:
        j -= 1
    if j < i and toks[j - 1].low in data.words("self_pronouns") and not toks[j].boundary:
        return i, toks[j - 1].low
    if i >= 1 and toks[i - 1].low in subjects and not toks[i].boundary:
        if i >= 2 and toks[i - 2].low in data.words("opinion_verbs"):
            return i, data.said_back[
                "opinion_subject"
            ]  # «det syns jeg var koselig»: it was koselig
        return i, toks[i - 1].low
    return None, None


def _subject_at(toks: Sequence[Tok], verb_at: int) -> int:
    return verb_at - 1 if verb_at >= 1 else verb_at


def _clause_from(
    toks: Sequence[Tok], verb_at: int, end: int, subject: str, data: CardData
) -> list[Tok]:
    """Subject first, then the verb and the rest («ble jeg rørt» → «jeg ble rørt»; «jeg har
    aldri følt meg …» → «jeg aldri har følt meg …», said back after «at»)."""
    back = next(  # the subject a few words before its verb: an auxiliary, an adverb between
        (k for k in range(verb_at - 1, max(verb_at - 4, -1), -1) if toks[k].low == subject), None
    )
    if back is not None and back < verb_at - 1:
        clause = list(toks[back : end + 1])
        moved = data.words("subordinate_adverbs")
        k = 2
        while k < len(clause) and clause[k].low in moved:
            k += 1  # «at du aldri har …»: in a clause after «at» the adverb comes first
        return [clause[0], *clause[2:k], clause[1], *clause[k:]]
    part = list(toks[verb_at : end + 1])
    subject_tok = next((t for t in part[1:3] if t.low == subject), None)
    if subject_tok is not None:
        part.remove(subject_tok)
        return [subject_tok, *part]
    before = toks[verb_at - 1]
    return [before, *part]


def _made_clause(clause: Sequence[Tok], data: CardData) -> str:
    """English: "you felt alone" → "you feel alone"; "you were upset" → "you so upset"."""
    if data.lang != "en" or len(clause) < 2:
        return _swap(clause, data)
    subject, verb, rest = clause[0], clause[1], clause[2:]
    head = data.pronoun_swap.get(subject.low, subject.low)
    if data.base_forms.get(verb.low, verb.lemma) in data.words("copulas"):
        return " ".join([head, _swap(rest, data) or ""]).strip()
    base = data.base_forms.get(verb.low, verb.lemma)
    return " ".join([head, base, _swap(rest, data)]).strip()


def _self_verb_span(toks: Sequence[Tok], data: CardData, first: int, last: int) -> Span | None:
    """«jeg trivdes veldig godt», «vi gruet oss»: the informant's own feeling as a verb."""
    selves = data.words("self_pronouns")
    if first >= 1 and toks[first - 1].low in selves and not toks[first].boundary:
        subject = first - 1
        rest = last + 1
    elif first + 1 < len(toks) and toks[first + 1].low in selves and not toks[first + 1].boundary:
        subject = first + 1
        rest = first + 2
    else:
        return None
    end = max(last, rest - 1)
    keep = data.words("degree") | data.words("reflexives") | data.words("bland")
    while (
        end + 1 < len(toks)
        and not toks[end + 1].boundary
        and toks[end + 1].low in keep
        and end - last < 4
    ):
        end += 1
    end = _right_links(toks, data, end)
    if end + 1 < len(toks) and not toks[end + 1].boundary:
        end = _image_end(toks, data, end, OBJECT_WORDS)  # «jeg savner lunsjen og praten»
    body = [t for t in toks[first : end + 1] if t is not toks[subject]]
    clause = _swap([toks[subject], *body], data)
    made = _made_clause([toks[subject], *body], data)
    return Span(
        kind="feeling_self",
        quote=_quote(toks, min(subject, first), end),
        score=5.2,
        first=min(subject, first),
        last=end,
        lemmas=frozenset({toks[first].lemma}),
        tense="present" if _present_verb(toks[first], data) else _tense(toks, first, first, data),
        slots={"clause": clause, "clause_made": made, "kind": "feeling"},
    )


def _present_verb(tok: Tok, data: CardData) -> bool:
    """«savner», "worry": a present form (its ending, or the base form itself)."""
    if tok.low in data.words("past_forms") or _past_verb(tok, data):
        return False
    ending = tok.low.endswith(tuple(data.words("finite_endings"))) and tok.low != tok.lemma
    return tok.low in data.words("present_forms") or ending or tok.low == tok.lemma


def _it_verb_span(toks: Sequence[Tok], data: CardData, first: int, last: int) -> Span | None:
    """«det gnager litt»: the situation does something to the informant."""
    subject = first - 1
    if subject < 0 or toks[subject].low not in data.words("it_pronouns") or toks[first].boundary:
        return None
    end = last
    while (
        end + 1 < len(toks)
        and not toks[end + 1].boundary
        and toks[end + 1].low in data.words("degree")
    ):
        end += 1
    verb = _quote(toks, first, last).lower()
    if end == last and end + 1 < len(toks) and not toks[end + 1].boundary:
        obj = toks[end + 1]
        if obj.low in data.words("reflexives") or obj.low in data.words("objects"):
            end += 1  # «det overrasket meg» → «hva var det som overrasket deg?»
            verb = f"{verb} {data.pronoun_swap.get(obj.low, obj.low)}"
    tense = (
        "present"
        if not toks[first].low.endswith(tuple(data.words("past_endings")))
        and toks[first].low not in data.words("past_forms")
        else "past"
    )
    return Span(
        kind="feeling_it",
        quote=_quote(toks, subject, end),
        score=5.5,
        first=subject,
        last=end,
        lemmas=frozenset({toks[first].lemma}),
        tense=tense,
        slots={"verb": verb},
    )


# --- images ---------------------------------------------------------------------------------
def _images(toks: Sequence[Tok], data: CardData) -> list[Span]:
    out: list[Span] = []
    images = data.words("images")
    singles = _single_words(images)
    for first, last in _find_phrases(toks, data, "image_phrases"):
        end = _clause_end(toks, last, 4)
        out.append(_image(toks, data, first, end, 5.0))
    for first, last in _find_phrases(toks, data, "image_markers") + _gerund_markers(toks, data):
        if first and toks[first - 1].low in data.words("image_not_after"):
            continue  # «det samme som å …», «sånn som en …»: a comparison, not an image
        end = _image_end(toks, data, last)
        if end > last and any(_is_content(t, data) for t in toks[last + 1 : end + 1]):
            out.append(_image(toks, data, first, end, 4.4, marker_end=last))
    for i, tok in enumerate(toks):
        if _is_name(tok) or _stop(tok, data):
            continue
        whole = tok.low in images or tok.lemma in images
        # «glassveggen»: ends in an image word after at least three letters of its own
        compound = any(tok.low[k:] in singles for k in range(3, len(tok.low)))
        if compound or (whole and _figurative(toks, i, data)):
            out.append(_image(toks, data, i, i, 4.6 if compound else 3.6))
    return out


def _gerund_markers(toks: Sequence[Tok], data: CardData) -> list[tuple[int, int]]:
    """ "like stepping into …": a marker word before a verb's -ing form."""
    ends = tuple(data.words("gerund_endings"))
    return [
        (i, i)  # the -ing form is part of the image ("like herding cats")
        for i in range(len(toks) - 1)
        if ends
        and toks[i].low in data.words("gerund_markers")
        and toks[i + 1].low.endswith(ends)
        and not toks[i + 1].boundary
        and not any(_match_at(toks, i, p) for p in data.phrases("image_markers"))
    ]


def _image_end(toks: Sequence[Tok], data: CardData, last: int, most: int = 0) -> int:
    """The last word of the image after its marker: the clause, never ending on an article or
    preposition («som å prate inn i en tom gang», not «… inn i en»)."""
    end = _clause_end(toks, last, most or IMAGE_WORDS)
    subjects = data.words("subject_pronouns")
    for k in range(last + 1, end):
        # "like herding cats and I just go home": the image ends where a new clause starts
        if toks[k].low in data.words("own_splits") and toks[k + 1].low in subjects:
            end = k - 1
            break
    trim = (
        data.words("dangling_words")
        | data.words("indefinite_articles")
        | data.words("demonstratives")
        | data.words("np_determiners")
        | data.words("degree")
        | data.words("sentence_adverbs")
        | data.words("image_trim")
    )
    while end > last and (toks[end].low in trim or not toks[end].word[:1].isalnum()):
        end -= 1
    return end


@lru_cache(maxsize=8)
def _single_words(words: frozenset[str]) -> frozenset[str]:
    """The one-word entries of a list (what a compound can end in)."""
    return frozenset(w for w in words if " " not in w and w)


def _image_head(toks: Sequence[Tok], data: CardData, first: int, last: int) -> dict[str, str]:
    """{"head": …}: the image word of a clause said as an image («som en tredemølle hele
    våren» → «tredemølle»), for «hva legger du i …?»; none when no word is on the list."""
    images = data.words("images")
    for tok in toks[first : last + 1]:
        if tok.low in images or tok.lemma in images:
            return {"head": tok.quote}
        if any(tok.low.endswith(i) and len(tok.low) >= len(i) + 3 for i in images if " " not in i):
            return {"head": tok.quote}
    return {}


def _figurative(toks: Sequence[Tok], i: int, data: CardData) -> bool:
    """«det er et fengsel», «i en tredemølle», "wear armour": an image word said as an
    image; right after a preposition it is the plain thing («han satt i fengsel», "in
    prison"), unless an article or a word like «slags» comes between."""
    if i == 0 or toks[i].boundary:
        return True
    return toks[i - 1].low not in data.words("dangling_words")


def _image(
    toks: Sequence[Tok],
    data: CardData,
    first: int,
    last: int,
    score: float,
    marker_end: int | None = None,
) -> Span:
    quote_first = first
    if marker_end is not None and last > marker_end:
        quote_first = marker_end + 1  # «føltes som å jobbe i et akvarium» → «å jobbe i et akvarium»
    clause_first = _clause_start(toks, first)
    clause = _swap(_subject_first(toks[clause_first : last + 1], data), data, skip_adverbs=False)
    lemmas = frozenset(t.lemma for t in toks[first : last + 1] if _is_content(t, data))
    return Span(
        kind="image",
        quote=_quote(toks, quote_first, last),
        score=score,
        first=first,
        last=last,
        lemmas=lemmas,
        # the words before the marker decide the tense («det var som …»); "like" is no verb
        tense=(
            _tense(toks, clause_first, first - 1, data)
            if clause_first < first
            else _tense(toks, quote_first + (quote_first == first), last, data)
        ),
        slots={
            "clause": clause,
            "image_words": _quote(toks, first, last),
            **_image_head(toks, data, quote_first, last),
        },
    )


def _subject_first(part: Sequence[Tok], data: CardData) -> list[Tok]:
    """«og da kjenner du ansvaret» → «du kjenner ansvaret»: said back as a plain clause."""
    subjects = data.words("subject_pronouns") | data.words("it_pronouns")
    out = list(part)
    while len(out) > 2 and _stop(out[0], data) and out[0].low not in subjects:
        out.pop(0)
    if len(out) >= 2 and out[1].low in subjects and out[0].low not in subjects:
        out[0], out[1] = out[1], out[0]
    return out


def _clause_end(toks: Sequence[Tok], last: int, most: int) -> int:
    end = last
    while end + 1 < len(toks) and not toks[end + 1].boundary and end - last < most:
        end += 1
    return end


def _clause_start(toks: Sequence[Tok], first: int, most: int = 4) -> int:
    start = first
    while start > 0 and not toks[start].boundary and first - start < most:
        start -= 1
    return start


# --- people, places and things in the story ---------------------------------------------------
def _definite(
    tok: Tok, data: CardData, before: Tok | None = None, after: Tok | None = None
) -> bool:
    """A definite noun by its ending («mannen», «jentene»; «trappa» only after «på», «den»).

    A final -a is also a dialect past tense («hoppa»), so it needs a preposition first or a
    possessive after («fritida mi»).
    """
    if (
        data.lang == "en"
        or tok.lemma == tok.low
        or tok.low.endswith(_ends(data, "not_definite_endings"))
    ):
        return False
    if tok.low.endswith(_ends(data, "definite_a_endings")) and not tok.low.endswith(
        _ends(data, "definite_a_exceptions")
    ):
        if after is not None and not after.boundary and after.low in data.words("possessives"):
            return True
        return before is not None and (
            before.low in data.words("episode_prepositions")
            or before.low in data.words("definite_a_before")
        )
    return tok.low.endswith(_ends(data, "definite_endings"))


def _ends(data: CardData, name: str) -> tuple[str, ...]:
    """The language data's list ``name`` (endings) as a tuple for ``str.endswith``."""
    return _endings(data.lang, name)


@cache
def _endings(lang: Lang, name: str) -> tuple[str, ...]:
    return tuple(sorted(card_data(lang).words(name)))


def _episodes(toks: Sequence[Tok], data: CardData) -> list[Span]:
    """«mannen på trappa», "the man on the stairs": a person or thing placed in the story."""
    out: list[Span] = []
    preps = data.words("episode_prepositions")
    persons = data.words("person_nouns")
    for i in range(len(toks)):
        head = _np_head(toks, data, i)
        if head is None:
            continue
        first, np_last = head
        if (
            np_last + 2 < len(toks)
            and toks[np_last + 1].low in preps
            and not toks[np_last + 1].boundary
        ):
            obj = _np_head(toks, data, np_last + 2)
            timeless = data.words("not_things") | data.words("time_nouns")
            head_of = toks[obj[1]] if obj is not None else None
            good = (
                head_of is not None
                and (_is_name(head_of) or zipf(head_of.lemma, data.lang) >= 3.0)
                and head_of.lemma not in timeless  # "the room at the start": a time, no place
            )
            if obj is not None and good and not toks[np_last + 2].boundary:
                last = obj[1]
                person = toks[np_last].lemma in persons
                np = _swap(toks[first : last + 1], data, skip_adverbs=False)
                out.append(
                    Span(
                        kind="episode",
                        quote=_quote(toks, first, last),
                        score=4.2 if person else 3.0,
                        first=first,
                        last=last,
                        lemmas=frozenset({toks[np_last].lemma}),
                        slots={"np": np},
                    )
                )
                continue
        possessive = np_last + 1 < len(toks) and toks[np_last + 1].low in data.words("possessives")
        if possessive and not toks[np_last + 1].boundary:
            np = _swap(toks[first : np_last + 2], data, skip_adverbs=False)
            out.append(
                Span(
                    kind="episode",
                    quote=_quote(toks, first, np_last + 1),
                    score=3.4,
                    first=first,
                    last=np_last + 1,
                    lemmas=frozenset({toks[np_last].lemma}),
                    slots={"np": np},
                )
            )
            continue
        person = toks[np_last].lemma in persons
        noun = toks[np_last]
        pointed = (
            first > 0
            and toks[first - 1].low in data.words("demonstratives")
            and not toks[first].boundary
            and not _is_name(noun)
            and noun.lemma not in data.words("not_things") | data.words("time_nouns")
        )  # «den utviklingen»: the informant points at one thing, however common the word
        if pointed and not person:
            out.append(
                Span(
                    kind="thing",
                    quote=_quote(toks, first - 1, np_last),
                    score=2.3,
                    first=first - 1,
                    last=np_last,
                    lemmas=frozenset({noun.lemma}),
                    slots={"np": _swap(toks[first - 1 : np_last + 1], data, skip_adverbs=False)},
                )
            )
            continue
        plain = (
            not _is_name(noun)
            and noun.lemma not in data.words("not_things") | data.words("time_nouns")
            and min(zipf(t.lemma, data.lang) for t in toks[first : np_last + 1]) < REPEAT_MAX
        )  # "the staff room": a compound is as specific as its rarest word
        if person or plain:
            # «ansvaret», "the staff room": a thing in the story, worth more than a generic probe
            np = _swap(toks[first : np_last + 1], data, skip_adverbs=False)
            if toks[first].sentence_start and not toks[first].word.isupper():
                np = np[:1].lower() + np[1:]  # «Foreldremøtene er …» → «om foreldremøtene»
            out.append(
                Span(
                    kind="episode" if person else "thing",
                    quote=_quote(toks, first, np_last),
                    score=(2.0 if person else PLAIN_THING)
                    + _rarity(toks[first : np_last + 1], data),
                    first=first,
                    last=np_last,
                    lemmas=frozenset({toks[np_last].lemma}),
                    slots={"np": np},
                )
            )
    return out


def _rarity(part: Sequence[Tok], data: CardData) -> float:
    """A bonus for a rare thing («skolegården» over «vinteren»): 0.3 per zipf below 4.5."""
    rarest = min(zipf(t.lemma, data.lang) for t in part)
    return round(0.3 * max(0.0, 4.5 - rarest), 3)


def _np_head(toks: Sequence[Tok], data: CardData, i: int) -> tuple[int, int] | None:
    """(first, last) of a definite noun phrase starting at ``i``, or None."""
    if i >= len(toks):
        return None
    tok = toks[i]
    if data.lang == "en":
        if tok.low not in data.words("np_determiners") or i + 1 >= len(toks):
            return None
        j = i + 1
        if (
            j + 1 < len(toks)
            and not toks[j + 1].boundary
            and _is_content(toks[j + 1], data)
            and not _stop(toks[j], data)
            and "'" not in toks[j + 1].word
            and not _past_verb(toks[j + 1], data)
            and not _verb_like(toks, j + 1, data)
            and not _before_object(toks, j + 1, data)
        ):
            j += 1  # "the old man", never "the ambulance didn't" or "the client dares to"
        noun = toks[j]
        if noun.boundary or not _is_content(noun, data) or _is_name(noun):
            return None
        if _before_object(toks, j, data):
            return None  # "that wears me down": a verb after a pronoun, no thing
        owned = i + 2 < len(toks) and not toks[i + 2].boundary
        if owned and toks[i + 1].low.endswith(tuple(data.words("owner_endings"))):
            return None  # "the university's secure server": the head lies further on
        return i, j
    if _is_name(tok):
        return (i, i) if i and toks[i - 1].low in data.words("episode_prepositions") else None
    after = toks[i + 1] if i + 1 < len(toks) else None
    if (
        not _is_content(tok, data)
        or not _definite(tok, data, toks[i - 1] if i else None, after)
        or tok.zipf > COMMON
    ):
        return None
    if _past_verb(tok, data) or (_verb_like(toks, i, data) and not _after_inverted(toks, i, data)):
        return None
    return i, i


def _before_object(toks: Sequence[Tok], i: int, data: CardData) -> bool:
    """A word followed by «to» or an object ("dares to", "tells them"): a verb, not a noun."""
    return (
        i + 1 < len(toks)
        and not toks[i + 1].boundary
        and toks[i + 1].low in data.words("verb_followers")
    )


def _after_inverted(toks: Sequence[Tok], i: int, data: CardData) -> bool:
    """«så sprøyta vi skolegården»: after verb + subject the definite word is the object."""
    return i < len(toks) and not toks[i].boundary and inverted_subject(toks, i - 1, data)


def inverted_subject(toks: Sequence[Tok], at: int, data: CardData) -> bool:
    """``toks[at]`` is a subject pronoun right after its finite verb («det husker jeg», «så
    sprøyta vi»): the clause has its verb and subject, whatever follows.

    The verb is known by form (the lists of present and past forms, a past ending) or, for
    a verb the lists do not hold, by an inflection ending of the language
    (``finite_endings``, ``dialect_past_endings``) on a word whose lemma differs.
    """
    if at < 1 or at >= len(toks) or toks[at].boundary:
        return False
    if toks[at].low not in data.words("subject_pronouns"):
        return False
    verb = toks[at - 1]
    if verb.low in data.words("past_forms") | data.words("present_forms"):
        return True
    if _stop(verb, data):
        return False
    inflected = verb.lemma != verb.low and verb.low.endswith(tuple(data.words("finite_endings")))
    dialect = verb.low.endswith(tuple(data.words("dialect_past_endings")))
    return _past_verb(verb, data) or inflected or dialect


# --- vague pointers and two sides -----------------------------------------------------------
def _vague(toks: Sequence[Tok], data: CardData) -> list[Span]:
    out: list[Span] = []
    for first, last in _find_phrases(toks, data, "vague"):
        end = _clause_end(toks, last, 3)
        stops = data.words("vague_stops") | data.words("sentence_adverbs")
        cut = next((k for k in range(last + 2, end + 1) if toks[k].low in stops), end + 1)
        end = cut - 1  # «det med AAP-en da som …» → «det med AAP-en»
        content = [t for t in toks[last + 1 : end + 1] if _is_content(t, data)]
        if not content:
            continue
        lemmas = frozenset(t.lemma for t in content)
        out.append(
            Span(
                kind="vague",
                quote=_quote(toks, first, end),
                score=3.6,
                first=first,
                last=end,
                lemmas=lemmas,
            )
        )
    return out


def _pointers(toks: Sequence[Tok], data: CardData) -> list[Span]:
    """«han der», «det ble litt sånn.»: a pointer with nothing named, where it ends a clause."""
    out: list[Span] = []
    for first, last in _find_phrases(toks, data, "pointers"):
        anywhere = toks[first].low in data.words("pointer_people")
        ends = last + 1 >= len(toks) or toks[last + 1].boundary
        if toks[last].low in data.words("pointer_places") and _after_verb(toks, first, data):
            continue  # «så satt han der», «så er den der»: a place or a being there, no pointer
        if anywhere or ends:
            quote = _quote(toks, first, last)
            out.append(
                Span(
                    kind="pointer",
                    quote=quote,
                    score=3.2,
                    first=first,
                    last=last,
                    lemmas=frozenset(),
                )
            )
    return out


def _after_verb(toks: Sequence[Tok], at: int, data: CardData) -> bool:
    """The word before ``at`` is a finite verb of the same clause («satt han der»)."""
    if at == 0 or toks[at].boundary:
        return False
    verb = toks[at - 1]
    return verb.low in data.words("past_forms") | data.words("present_forms") or _past_verb(
        verb, data
    )


def _jargon(toks: Sequence[Tok], data: CardData) -> list[Span]:
    """Abbreviations and codes said as known things: «PLO-greia», «14a-vurderingene»."""
    out: list[Span] = []
    everyday = data.words("not_jargon")
    for i, tok in enumerate(toks):
        head = tok.word.split("-")[0]
        upper = sum(ch.isupper() for ch in head) >= 2 and head.upper() == head
        code = any(ch.isdigit() for ch in head) and any(ch.isalpha() for ch in tok.word)
        if (upper or code) and head.lower() not in everyday and len(head) <= 6:
            key = head.lower()
            out.append(
                Span(
                    kind="jargon",
                    quote=tok.quote,
                    score=3.5,
                    first=i,
                    last=i,
                    lemmas=frozenset({key}),
                )
            )
    return out


def _ambivalence(toks: Sequence[Tok], data: CardData) -> list[Span]:
    out: list[Span] = []
    for first, last in _find_phrases(toks, data, "ambivalence"):
        out.append(
            Span(
                kind="ambivalence",
                quote=_quote(toks, first, last),
                score=4.6,
                first=first,
                last=last,
                lemmas=_content_of(toks[first : last + 1], data),
            )
        )
    return out


def _content_of(part: Sequence[Tok], data: CardData) -> frozenset[str]:
    """The content lemmas of a phrase («a mixed blessing» → blessing, mixed), or all of them."""
    content = frozenset(t.lemma for t in part if _is_content(t, data))
    return content or frozenset(t.lemma for t in part)


# --- what happened, not how it was ----------------------------------------------------------
def _experiences(toks: Sequence[Tok], data: CardData) -> list[Span]:
    """«jeg vokste opp i Sandvika» → «hvordan var det å vokse opp i Sandvika?»."""
    out: list[Span] = []
    selves = data.words("self_pronouns")
    dangling = data.words("trailing") | data.words("dangling_words")
    adverb_at = {  # «i hvert fall»: a sentence adverb of several words is not what they did
        k
        for a, b in _find_phrases(toks, data, "sentence_adverbs")
        if b > a
        for k in range(a, b + 1)
    }
    for i in range(len(toks) - 1):
        verb_at: int | None = None
        aux = toks[i].low
        if aux in data.contractions and not toks[i + 1].boundary:
            verb_at, rest, aux = i, i + 1, data.contractions[aux]  # "I've lived in London"
        elif aux in selves and not toks[i + 1].boundary:
            verb_at = i + 1
            rest = verb_at + 1
            aux = toks[verb_at].low
        elif toks[i + 1].low in selves and not toks[i + 1].boundary and i + 2 < len(toks):
            verb_at = i
            rest = i + 2
        if verb_at is None:
            continue
        tense = "past"
        perfect = data.perfect.get(aux)
        if perfect is not None and not (rest < len(toks) and _participle(toks[rest], data)):
            continue
        if perfect is not None:
            verb_at, rest, tense = rest, rest + 1, perfect  # «jeg har jobbet», «jeg er vokst opp»
        verb = toks[verb_at]
        if perfect is None and not _past_verb(verb, data):
            continue
        if verb.lemma in data.words("empty_verbs"):
            continue
        if _stop(verb, data) or zipf(verb.lemma, data.lang) < 2.5:
            continue  # a dialect form the lemmatiser does not know («spelte» → «spelle»)
        end = _clause_end(toks, rest - 1, 5)
        stop = data.words("clause_openers")
        # «… i Tjekkoslovakia og …»: the next clause is not the act
        end = next((k for k in range(rest, end + 1) if toks[k].low in stop), end + 1) - 1
        # «et år», «i ti år», "for ten years": how long is not what was lived through
        lead = (
            data.words("indefinite_articles")
            | data.words("dangling_words")
            | data.words("quantity_words")
        )
        articles = data.words("indefinite_articles")
        reach = _clause_end(toks, end, 3)  # «i mange år»: the unit may fall past the clause cut
        timed = {
            k
            for k in range(rest, reach + 1)
            if _is_number(toks[k], data) and toks[k].low not in articles
        }
        for k in sorted(timed):
            j = k - 1
            while j >= rest and (j in timed or toks[j].low in lead):
                timed.add(j)
                j -= 1
        while end >= rest and toks[end].low in data.words("dangling_words"):
            end -= 1
        tail = [
            t
            for k, t in enumerate(toks[rest : end + 1], rest)
            if t.low not in data.words("sentence_adverbs") and k not in adverb_at | timed
        ]
        while tail and tail[-1].low in dangling:
            tail.pop()  # «… online in»: a preposition whose object fell outside the clause
        if verb_at == i + 1 and i and toks[i - 1].low in data.words("auxiliaries"):
            continue  # «ble jeg forflyttet»: done to the informant
        negations = data.words("negations")
        if any(t.low in negations for t in toks[rest : end + 1]):
            continue  # «jeg bodde jo ikke der»: not something lived through
        finite = data.words("present_forms") | data.words("past_forms")
        cut = next((k for k, t in enumerate(tail) if t.low in finite or _past_verb(t, data)), None)
        tail = tail if cut is None else tail[:cut]  # «trente jeg har alltid …»: a new clause
        while tail and tail[-1].low in dangling:
            tail.pop()
        if not tail or any(t.low in data.pronoun_swap for t in tail) or len(tail) > 5:
            continue
        if _only_pronouns(tail, data):
            continue  # "I have forgotten it", «jeg har spurt henne om det»: nothing named
        base = data.base_forms.get(verb.low, verb.lemma)  # "felt" → feel, not the noun
        inf = " ".join([base, *[t.quote for t in tail]])
        out.append(
            Span(
                kind="experience",
                quote=_quote(toks, min(verb_at, i), end),
                score=3.0,
                first=min(i, verb_at),
                last=end,
                lemmas=frozenset({verb.lemma} | {t.lemma for t in tail if _is_content(t, data)}),
                tense=tense,
                slots={"inf": inf},
            )
        )
    return out


def _only_pronouns(tail: Sequence[Tok], data: CardData) -> bool:
    """What follows the verb is pronouns and prepositions only («henne om det», "it")."""
    pronouns = (
        data.words("it_pronouns")
        | data.words("particle_objects")
        | data.words("other_pronouns")
        | data.words("reflexives")
        | frozenset(data.object_forms.values())
    )
    words = {t.low for t in tail}
    return bool(words & pronouns) and words <= pronouns | data.words("dangling_words")


def _participle(tok: Tok, data: CardData) -> bool:
    """A past participle after «har»/«er» («jobbet», «vokst», "worked"): an inflected verb
    form with a participle ending, not a boundary."""
    return (
        not tok.boundary
        and tok.lemma != tok.low
        and not _stop(tok, data)
        and tok.low not in data.words("stative_participles")
        and tok.low.endswith(tuple(data.words("participle_endings")))
    )


def _past_verb(tok: Tok, data: CardData) -> bool:
    """A past tense by form («var», «ringte», «bodde»); never a function word («det», «et»)."""
    if tok.low in data.words("past_forms"):
        return True
    not_past = tuple(data.words("not_past_endings"))
    if tok.lemma == tok.low or (not_past and tok.low.endswith(not_past)) or _stop(tok, data):
        return False
    if tok.lemma in lexicon(data.lang).stop_words:
        return False  # «meste» → «mye»: a superlative, not «-ste» past
    ends = data.words("infinitive_endings")
    stem = next((tok.lemma[: -len(e)] for e in ends if e and tok.lemma.endswith(e)), tok.lemma)
    if tok.low.endswith(tuple(data.words("comparative_endings"))) and not tok.low.startswith(stem):
        return False  # «fleste» → «mange», «øverste» → «øvre»: a degree form, not a past
    if tok.low in data.words("present_forms") or len(tok.low) < 4:
        return False
    short_stem = len(tok.lemma) <= 3 and tok.low.endswith(tuple(data.words("short_stem_past")))
    shaped = tok.lemma.endswith("e") or short_stem or data.lang == "en"
    return shaped and tok.low.endswith(tuple(data.words("past_endings")))


# --- repeated and rare words ----------------------------------------------------------------
def _np_slot(toks: Sequence[Tok], at: Sequence[int], shown: str, data: CardData) -> dict[str, str]:
    """{"np": shown} when the form to quote is a definite noun («friminuttene»)."""
    for i in at:
        if toks[i].quote.lower() == shown.lower() and _definite(
            toks[i], data, toks[i - 1] if i else None
        ):
            return {"np": shown}
    return {}


def _verb_like(toks: Sequence[Tok], i: int, data: CardData) -> bool:
    """A plain verb by its neighbours (after a subject or «å», or before a subject)."""
    subjects = data.words("subject_pronouns") | data.words("modals")
    before = toks[i - 1].low if i else ""
    after = toks[i + 1].low if i + 1 < len(toks) else ""
    if i + 1 < len(toks) and not toks[i + 1].boundary and after in data.words("reflexives"):
        return True  # «forandra seg»
    return before in subjects or (
        after in data.words("subject_pronouns")
        and not toks[i + 1].boundary
        and not _noun_by_lemma(toks[i], data)
    )


def noun_or_verb(tok: Tok, data: CardData) -> str | None:
    """An inflected word told by its lemma: «klager» (→ «klage») a verb, «venner» (→ «venn»)
    a noun; None when the form says neither (no finite ending, or the lemma is the word)."""
    if _noun_by_lemma(tok, data):
        return "noun"
    lem = tok.lemma
    if lem == tok.low or not tok.low.endswith(tuple(data.words("finite_endings"))):
        return None
    infinitive = lem.endswith(tuple(data.words("infinitive_endings")))
    return "verb" if infinitive or len(lem) <= INFINITIVE_SHORT else None


def _noun_by_lemma(tok: Tok, data: CardData) -> bool:
    """«pensjonistboliger» → «pensjonistbolig»: an inflected word whose base form is no
    infinitive (bokmål infinitives end in -e, bar short ones like «bo») is a noun, even when
    a subject follows it («… pensjonistboliger du må være over seksti for»)."""
    lem = tok.lemma
    return (
        data.lang == "nb"
        and lem != tok.low
        and len(lem) > INFINITIVE_SHORT
        and not lem.endswith(tuple(data.words("infinitive_endings")))
    )


def _repeated_and_rare(
    toks: Sequence[Tok], data: CardData, context: Sequence[str], found: Sequence[Span]
) -> list[Span]:
    positions: dict[str, list[int]] = {}
    for i, tok in enumerate(toks):
        if _is_content(tok, data) and not _is_name(tok) and len(tok.low) >= 4:
            at = positions.setdefault(tok.lemma, [])
            if not at or at[-1] != i - 1 or tok.boundary:  # «på haugen haugen»: a stutter
                at.append(i)
    earlier: Counter[str] = Counter()
    for text in context[-4:]:
        earlier.update(t.lemma for t in _tokens(text, data.lang) if _is_content(t, data))
    taken = {i for s in found for i in range(s.first, s.last + 1)}
    verb_forms = data.words("past_forms") | data.words("present_forms")
    out: list[Span] = []
    for key, at in positions.items():
        if any(_verb_like(toks, i, data) or _past_verb(toks[i], data) for i in at):
            continue
        if any(toks[i].low in verb_forms for i in at):
            continue
        forms = Counter(
            toks[i].quote.lower() if toks[i].sentence_start else toks[i].quote for i in at
        )
        shown = min(forms.items(), key=lambda kv: (-kv[1], len(kv[0])))[0]
        common = min(toks[i].zipf for i in at)
        first = at[0]
        everyday = max(common, zipf(key, data.lang))
        needed = _repeats_needed(everyday, len(toks)) + (everyday >= REPEAT_MAX)
        if len(at) >= needed and everyday < COMMON:
            score = 2.4 + 0.8 * (len(at) - 2) + 0.5 * max(0.0, 4.5 - common)
            slots = _np_slot(toks, at, shown, data)
            out.append(
                Span(
                    kind="repeated",
                    quote=shown,
                    score=score,
                    first=first,
                    last=first,
                    lemmas=frozenset({key}),
                    count=len(at),
                    slots=slots,
                )
            )
        elif earlier.get(key) and common < 5.0:
            slots = _np_slot(toks, at, shown, data)
            out.append(
                Span(
                    kind="repeated_context",
                    quote=shown,
                    score=2.6,
                    first=first,
                    last=first,
                    lemmas=frozenset({key}),
                    count=len(at) + earlier[key],
                    slots=slots,
                )
            )
        elif first not in taken and common < RARE and len(shown) >= 5 and not _cut_word(toks, at):
            kind = _rare_kind(toks, first, data)
            if kind is None:
                continue
            np = shown
            out.append(
                Span(
                    kind=kind,
                    quote=shown,
                    # a rare word said back in quotes beats the all-purpose «say more» (1.2)
                    score=(
                        1.9
                        if kind == "thing"
                        else _word_thing_base(shown)
                        if kind == "word_thing"
                        else 0.5
                    )
                    + 0.3 * (RARE - common),
                    first=first,
                    last=first,
                    lemmas=frozenset({key}),
                    slots={"np": np},
                )
            )
    return out


def _cut_word(toks: Sequence[Tok], at: Sequence[int]) -> bool:
    """Said once, as the turn's last word, and barely a word of the language («… pianospill
    også etterhver», zipf 1.43): as likely a word cut off as the transcript ends as a rare one."""
    last = len(toks) - 1
    return list(at) == [last] and toks[last].zipf < CUT_WORD_ZIPF


def _word_thing_base(shown: str) -> float:
    """A long rare word (a compound: «skolerevyer») said back beats the all-purpose «say more»
    (1.2); a short one («gløtt», «røven») is as often an idiom or a slip, so it stays below."""
    return 1.3 if len(shown) >= COMPOUND_LENGTH else 0.5


def _repeats_needed(zipf_value: float, length: int) -> int:
    """How often a word must come back to be a repetition worth saying back.

    Twice is telling for a rare word in a short turn («distanse»); an everyday word
    («skole», «vinter») or a long story needs three times.
    """
    return 3 if zipf_value >= EVERYDAY or length > LONG_TURN else 2


def _rare_kind(toks: Sequence[Tok], i: int, data: CardData) -> str | None:
    """A rare word as a thing to tell about («kjellerstua», «slengspråk») or a word to explain.

    A described quality («ganske shabby») is a word to explain; a dialect past tense
    («leita»), a number said as a word («nittenfemogførti») is nothing.
    """
    tok = toks[i]
    before = toks[i - 1] if i else None
    if _definite(tok, data, before):
        return "thing"
    if _number_word(tok.low, data) or (data.lang == "nb" and tok.low.endswith("a")):
        return None
    if tok.low.endswith(tuple(data.words("owner_endings"))):
        return None  # "the hospital's shared drive": an owner, the thing is further on
    if _before_object(toks, i, data):
        return None  # "the pupil dares to ask": a verb, no word to explain
    if _comparative(tok, data):
        return None  # «hyppigere», «tydeligst»: a degree of a quality, no thing to tell about
    if tok.low.startswith(tuple(data.words("degree_prefixes"))):
        return None  # «kjempesvær», «dritkult»: a quality made strong, not a thing to tell about
    if before is not None and before.low in data.words("degree") and not tok.boundary:
        return "word"
    if before is not None and before.low in data.words("indefinite_articles"):
        return None  # «et pauserom»: one thing in a list, and no form to ask about it in
    return "word_thing"


def _number_word(low: str, data: CardData) -> bool:
    """Made only of number words («nittenfemogførti», «tjuefem»)."""
    words = data.words("numbers") | data.words("number_links")
    parts = sorted((w for w in words if len(w) >= 2), key=len, reverse=True)
    rest = low
    while rest:
        for part in parts:
            if rest.startswith(part):
                rest = rest[len(part) :]
                break
        else:
            return False
    return True


# --- the informant's own statement, said back ---------------------------------------------------
def _said(toks: Sequence[Tok], data: CardData) -> list[Span]:
    """«jeg kjører hjem i stillhet», «det var hennes arena»: a short clause with a word of the
    informant's own, said back in their words when nothing stronger lies in it."""
    out: list[Span] = []
    clauses = _clauses(toks, data)
    for k, (first, last) in enumerate(clauses):
        span = _said_clause(toks, data, first, last, k == len(clauses) - 1)
        if span is not None:
            out.append(span)
    return out


def _clauses(toks: Sequence[Tok], data: CardData) -> list[tuple[int, int]]:
    """(first, last) of each clause: split at punctuation and at «og», «men», … before a subject."""
    openers = data.words("own_splits")
    subjects = data.words("subject_pronouns") | data.words("it_pronouns")
    out: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(toks)):
        opens = (
            toks[i].low in openers
            and i + 1 < len(toks)
            and toks[i + 1].low in subjects
            and not toks[i + 1].boundary
        )
        if toks[i].boundary or opens:
            out.append((start, i - 1))
            start = i
    if toks:
        out.append((start, len(toks) - 1))
    return out


@dataclass(frozen=True)
class _Clause:
    """A clause of the turn, trimmed, with its rarest word and the score of saying it back."""

    first: int
    last: int
    part: tuple[Tok, ...]
    rare: Tok | None
    key: Tok
    score: float
    final: bool


def _said_clause(
    toks: Sequence[Tok], data: CardData, first: int, last: int, final: bool
) -> Span | None:
    """One clause said back; a plain one (no rare word) only when it is the informant's own
    and ends the turn («… jeg holdt på å gi opp»): where they ended is their point."""
    if toks[first].low in data.words("own_subordinators"):
        return None  # «når brukeren sitter med kaffen …»: half a sentence, not a statement
    skip = data.words("clause_openers") | data.words("sentence_adverbs")
    while first < last and toks[first].low in skip | data.words("bare_answers"):
        first += 1
    while last > first and toks[last].low in skip:
        last -= 1
    if last > first and toks[last].low in data.words("indefinite_articles"):
        last -= 1  # "… sit in the car for a while" → "… sit in the car", but «… enige om»
        if last > first and toks[last].low in data.words("dangling_words"):
            last -= 1
    part = tuple(toks[first : last + 1])
    content = [t for t in part if _own_content(t, data)]
    if not 2 <= len(part) <= SAID_MOST or not content:
        return None
    if any(_match_end(part, p) for p in data.phrases("unsure_endings")):
        return None  # «jeg vet ikke helt hvordan jeg skal forklare det»: searching, not said
    rare = _said_rarest(part, data)
    score = SAID_PLAIN
    if rare is not None:
        score = round(min(SAID_TOP, SAID_BASE + 0.4 * (SAID_RARE - rare.zipf)), 3)
    clause = _Clause(first, last, part, rare, rare or content[-1], score, final)
    return (
        _own_clause(toks, data, clause)
        or _inverted_own(toks, data, clause)
        or _own_phrase(toks, data, clause)
    )


def _own_clause(toks: Sequence[Tok], data: CardData, c: _Clause) -> Span | None:
    """«jeg kjører hjem i stillhet», «listen vokser»: subject first, then its verb."""
    subject, verb = c.part[0], _verb_after(c.part, data)
    own = subject.low in data.words("self_pronouns") | data.words("own_fused")
    fused = subject.low in data.words("own_fused")  # "they're the reason …"
    thing = _definite(subject, data) and not _is_name(subject) and not _stop(subject, data)
    said = subject.low in data.words("own_subjects") or thing
    if not (fused or (said and _finite_verb(verb, data))):
        return None
    if c.rare is None and (not (own or thing) or not c.final or len(c.part) < 3):
        return None
    return _own_span(
        toks,
        c,
        "present" if _present_verb(verb, data) else "past",
        _own_slots(c.part, verb, fused, data),
    )


def _inverted_own(toks: Sequence[Tok], data: CardData, c: _Clause) -> Span | None:
    """«uten dem hadde jeg sluttet …»: verb before the informant; said back in that order."""
    for k in range(2, min(INVERTED_REACH, len(c.part) - 1)):  # «uten dem hadde jeg»: fronted
        at = c.first + k
        if c.part[k].low in data.words("self_pronouns") and inverted_subject(toks, at, data):
            if c.rare is None and not c.final:
                return None
            tense = "present" if _present_verb(c.part[k - 1], data) else "past"
            return _own_span(toks, c, tense, {"clause": _swap(c.part, data)})
    return None


def _own_span(toks: Sequence[Tok], c: _Clause, tense: str, slots: dict[str, str]) -> Span:
    return Span(
        kind="own_clause",
        quote=_quote(toks, c.first, c.last),
        score=c.score,
        first=c.first,
        last=c.last,
        lemmas=frozenset({c.key.lemma}),
        tense=tense,
        slots=slots,
    )


def _own_phrase(toks: Sequence[Tok], data: CardData, c: _Clause) -> Span | None:
    """«det var hennes arena» → «hennes arena»; «så er det mye fine ord» → «mye fine ord»."""
    at = _predicate_at(c.part, data)
    if at is None:
        return None
    said = c.part[at:]
    if len(said) > PREDICATE_MOST or any(t.low in data.words("subject_pronouns") for t in said):
        return None  # "really bad I ask them to come in": a clause of its own, not a predicate
    if not _names_a_thing(said, c.rare, data):
        return None  # «det er sant», «det var mørkt og kaldt»: a plain quality, nothing to quote
    return Span(
        kind="own_phrase",
        quote=_quote(toks, c.first + at, c.last),
        score=c.score if c.rare in said else SAID_PLAIN - 0.05,
        first=c.first + at,
        last=c.last,
        lemmas=frozenset({c.key.lemma}),
    )


def _own_content(tok: Tok, data: CardData) -> bool:
    """A word that makes a clause worth saying back: no name, number or empty verb
    («jeg vet vi får se», «her har jeg vært siden nittenfemogførti»)."""
    return (
        _is_content(tok, data)
        and not _is_name(tok)
        and not _number_word(tok.low, data)
        and tok.lemma not in data.words("empty_verbs")
        and tok.low not in data.words("empty_verbs")
    )


def _said_rarest(part: Sequence[Tok], data: CardData) -> Tok | None:
    """The clause's rarest content word, when it is rare enough to be the informant's own."""
    words = [t for t in part if _own_content(t, data) and t.low not in data.words("own_not")]
    if not words:
        return None
    rare = min(words, key=lambda t: max(t.zipf, zipf(t.lemma, data.lang)))
    return rare if max(rare.zipf, zipf(rare.lemma, data.lang)) < SAID_RARE else None


def _verb_after(part: Sequence[Tok], data: CardData) -> Tok:
    """The word after the subject, past one adverb («jeg bare venter», "I still think")."""
    if len(part) > 2 and part[1].low in data.words("own_adverbs"):
        return part[2]
    return part[1]


def _finite_verb(tok: Tok, data: CardData) -> bool:
    """The verb right after a clause-initial subject: a known form, or an inflected word
    («holdt») that is no adverb."""
    inflected = tok.lemma != tok.low and not _stop(tok, data)
    verb_lemma = tuple(data.words("infinitive_endings"))  # «holdt» → «holde», not «siste» → «sist»
    return (
        (
            inflected
            and tok.low not in data.words("sentence_adverbs")
            and (not verb_lemma or tok.lemma.endswith(verb_lemma))
        )
        or tok.low in data.words("past_forms") | data.words("present_forms")
        or _past_verb(tok, data)
        or (_present_verb(tok, data) and tok.low.endswith(tuple(data.words("finite_endings"))))
    )


def _predicate_at(part: Sequence[Tok], data: CardData) -> int | None:
    """Where the predicate of «det var hennes arena» / "it's a mixed blessing" starts."""
    if part[0].low in data.words("own_it_is"):
        return 1
    it, copulas = data.words("it_pronouns"), data.words("own_copulas")
    for k in range(min(INVERTED_REACH, len(part) - 1)):
        # «det var …», and inverted «så er det …», «i klasserommet er det …»
        pair = (part[k].low, part[k + 1].low)
        if (pair[0] in it and pair[1] in copulas) or (pair[0] in copulas and pair[1] in it):
            at = k + 2
            while at < len(part) - 1 and part[at].low in data.words("sentence_adverbs"):
                at += 1
            return at if at < len(part) else None
    return None


def _own_slots(part: Sequence[Tok], verb: Tok, fused: bool, data: CardData) -> dict[str, str]:
    """{clause} said back after «at»; {clause_why} / {clause_made} for «hva gjorde at …» /
    "what made you …" only for the informant's own doing (not «han kunne …», «jeg måtte …»)."""
    slots = {"clause": _said_back_clause(part, data)}
    plain = data.words("auxiliaries") | data.words("modals")
    if not fused and part[0].low in data.words("self_pronouns") and verb.low not in plain:
        # «hva var det som gjorde at du holdt på å gi opp?»: what made the informant do it
        slots["clause_why"] = slots["clause"]
        if part[1] is verb:  # "you nearly gave up": no "made you give up" without «nearly»
            slots["clause_made"] = _made_clause(part, data)
    return slots


def _names_a_thing(said: Sequence[Tok], rare: Tok | None, data: CardData) -> bool:
    """«hennes arena», «litt stress», «rutine»: a predicate that names something (a rare
    word alone, or a word led by an article, possessive or degree), not a plain quality."""
    if len(said) == 1:
        return rare is not None and said[0] is rare
    # not an article: «det var en kjempesvær gymsal» presents a thing, it quotes nothing
    leads = data.words("demonstratives") | data.words("degree") | data.words("own_leads")
    return said[0].low in leads and not any(t.low in data.words("negations") for t in said)


def _said_back_clause(part: Sequence[Tok], data: CardData) -> str:
    """«jeg klarer ikke det» → «du ikke klarer det»: said back after «at», pronouns swapped."""
    adverbs = data.words("sentence_adverbs")
    words = [t for k, t in enumerate(part) if k == 0 or t.low not in adverbs]
    if len(words) > 2 and words[2].low in data.words("own_before_verb"):
        words[1], words[2] = words[2], words[1]
    return _swap(words, data)


# --- someone the story is about ---------------------------------------------------------------
def _people(toks: Sequence[Tok], data: CardData) -> list[Span]:
    """«det var en ung gutt som …», "a man who …": a person the story is about, asked about
    by the definite form («Kan du fortelle mer om gutten?»)."""
    out: list[Span] = []
    for i, tok in enumerate(toks):
        if tok.low not in data.words("indefinite_articles") or _self_before(toks, i, data):
            continue
        j = i + 1
        while (
            j < len(toks) - 1
            and not toks[j].boundary
            and toks[j].low in data.words("person_modifiers")
        ):
            j += 1
        if j >= len(toks) or toks[j].boundary or toks[j].low not in data.words("person_nouns"):
            continue
        described = j + 1 < len(toks) and toks[j + 1].low in data.words("person_described")
        if not described:
            continue  # «jeg snakket med en mann»: one in passing; «en mann som …»: the story's
        out.append(
            Span(
                kind="episode",
                quote=_quote(toks, i, j),
                score=PERSON_SCORE,
                first=i,
                last=j,
                lemmas=frozenset({toks[j].lemma}),
                slots={"np": _definite_form(toks[j].low, data)},
            )
        )
    return out


def _self_before(toks: Sequence[Tok], at: int, data: CardData) -> bool:
    """«jeg er en lærer som …»: the informant saying what they are, not someone in the story."""
    before = toks[max(0, at - 2) : at]
    return any(t.low in data.words("self_pronouns") for t in before)


def _definite_form(noun: str, data: CardData) -> str:
    """«gutt» → «gutten», «dame» → «damen»; "man" → "the man" (the ending map, "*" the rest)."""
    rules = data.person_definite
    for ending, form in sorted(rules.items(), key=lambda kv: -len(kv[0])):
        if ending != "*" and noun.endswith(ending):
            return form.replace("*", noun)
    return rules.get("*", "*").replace("*", noun)
