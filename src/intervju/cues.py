"""Cue detection: what in the informant's last answer calls for a follow-up.

A skilled interviewer listens for a handful of things (IPA calls many of them
analysis cues too): a word the informant keeps repeating, strong or
metaphorical words, talk in general terms with no concrete episode, an
episode told without how it felt, hesitation and trailing off, comparisons,
vague references or jargon, a long many-threaded answer, a one-word answer.
This module finds those cues with transparent rules over the probe bank's
word lists, so every suggestion can say *why* in words the interviewer can
check at a glance. It is pure and fast (no embeddings): microseconds per turn.

Lemmatisation is deliberately crude (lower case, strip common suffixes, keep
stems of at least four letters): enough to see that «distansen» and
«distanse» are the same word, with no language model to install.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .probes import Lexicon, ProbeBank, load_probe_bank

__all__ = [
    "Cue",
    "Term",
    "detect_cues",
    "find_terms",
    "guess_language",
    "key_terms",
    "lemma",
    "tokens",
]

Language = Literal["nb", "en"]
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_ABBREV = re.compile(r"^([A-ZÆØÅ]{2,6})(?:-[a-zæøå]+)?$")
_NOT_JARGON = frozenset({"OK", "TV", "PC", "JA", "NEI", "OG", "I", "II"})
_NB_SUFFIXES = ("ene", "ane", "heten", "ende", "erne", "ere", "et", "en", "er", "a", "e")
_EN_SUFFIXES = ("'s", "’s", "ies", "ing", "s")
_NB_ADJ = ("ig", "lig", "isk", "sk", "ige", "lige", "iske", "ske", "ale", "elle", "ell", "al", "ne")
_NB_MARKERS = frozenset(
    [
        "og",
        "jeg",
        "det",
        "er",
        "ikke",
        "på",
        "som",
        "med",
        "har",
        "var",
        "en",
        "et",
        "så",
        "men",
        "at",
        "de",
        "hun",
        "han",
        "vi",
        "vet",
        "hva",
        "hvordan",
        "også",
        "liksom",
        "altså",
        "egentlig",
        "veldig",
        "noe",
        "sånn",
        "når",
        "kanskje",
        "ble",
        "blir",
        "jo",
        "nå",
        "fra",
        "til",
        "dem",
        "meg",
        "seg",
    ]
)
_EN_MARKERS = frozenset(
    [
        "and",
        "the",
        "is",
        "it",
        "was",
        "not",
        "on",
        "with",
        "have",
        "that",
        "they",
        "she",
        "he",
        "we",
        "know",
        "what",
        "how",
        "also",
        "really",
        "very",
        "something",
        "when",
        "maybe",
        "became",
        "just",
        "now",
        "from",
        "to",
        "them",
        "me",
        "of",
        "you",
        "my",
    ]
)
_PAST_NB = re.compile(r"\b(sa|kom|ble|gikk|fikk|var|tok|satt|skjedde|måtte|\w{3,}(?:te|de|et))\b")
_PAST_EN = re.compile(r"\b(said|came|went|got|was|were|took|sat|had|\w{3,}ed)\b")
_TRAILING = re.compile(r"(…|\.\.\.|–|-|\bog|\bmen|\bså|\beller|\band|\bbut|\bso|\bor)\s*$", re.I)
_SENTENCE = re.compile(r"[.!?…]+\s+|\n+")


@dataclass(frozen=True)
class Cue:
    """One reason to follow up, found in the informant's words.

    ``kind`` is one of :data:`intervju.probes.CUE_KINDS`; ``strength`` in 0..1;
    ``term`` is the informant's own word(s) as said (or None); ``count`` how
    often a repeated word occurred; ``other`` the other side of a comparison.
    """

    kind: str
    strength: float
    term: str | None = None
    count: int = 0
    other: str | None = None


@dataclass(frozen=True)
class Term:
    """A candidate key term: the surface form to quote, its lemma and salience."""

    text: str
    lemma: str
    score: float
    count_turn: int
    count_recent: int
    reason: str  # the cue kind that makes it salient ("repeated", "jargon", ...)


def guess_language(text: str) -> Language:
    """nb or en; uses the question analyser's detector when it is installed."""
    detector = _analyser_detector()
    if detector is None:
        return _guess_language(text)
    return "en" if detector(text) == "en" else "nb"


@lru_cache(maxsize=1)
def _analyser_detector() -> Callable[[str], str] | None:
    """``intervju.analysis.detect_language`` once that module exists (built in parallel)."""
    try:
        module = importlib.import_module("intervju.analysis")
    except ImportError:
        return None
    detector = getattr(module, "detect_language", None)
    return detector if callable(detector) else None


def _guess_language(text: str) -> Language:
    words = [w.lower() for w in _WORD.findall(text)]
    if any(ch in text for ch in "æøåÆØÅ"):
        return "nb"
    nb = sum(w in _NB_MARKERS for w in words)
    en = sum(w in _EN_MARKERS for w in words)
    return "en" if en > nb else "nb"


def tokens(text: str) -> list[str]:
    """Words as written (letters, inner hyphens and apostrophes)."""
    return _WORD.findall(text)


@lru_cache(maxsize=8192)
def lemma(word: str, language: str = "nb") -> str:
    """Crude stem: «distansen» and «distanse» -> «distans»; "meetings" -> "meeting"."""
    w = word.lower()
    abbrev = _ABBREV.match(word)
    if abbrev:
        return abbrev.group(1).lower()
    suffixes = _EN_SUFFIXES if language == "en" else _NB_SUFFIXES
    for suffix in suffixes:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            if language == "en" and suffix == "s" and w.endswith("ss"):
                continue
            if suffix == "ies":
                return w[: -len(suffix)] + "y"
            return w[: -len(suffix)]
    return w


def _phrase_hits(text_lower: str, phrases: Iterable[str]) -> list[tuple[int, str]]:
    """(position, phrase) for each lexicon phrase found on word boundaries."""
    hits: list[tuple[int, str]] = []
    for phrase in phrases:
        for match in _phrase_pattern(phrase).finditer(text_lower):
            hits.append((match.start(), phrase))
    hits.sort()
    return hits


@lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])" + re.escape(phrase) + r"(?![\w])")


@lru_cache(maxsize=16)
def _lemma_set(words: tuple[str, ...], language: str) -> frozenset[str]:
    return frozenset(lemma(w, language) for w in words if " " not in w)


def _is_content(word: str, lexicon: Lexicon) -> bool:
    lower = word.lower()
    if _ABBREV.match(word) and word.split("-")[0] not in _NOT_JARGON:
        return True
    return len(lower) >= 3 and lower not in lexicon.stopwords and "'" not in lower


def find_terms(
    turn_text: str,
    recent_informant: Sequence[str] = (),
    language: str | None = None,
    bank: ProbeBank | None = None,
) -> list[Term]:
    """Salient words of the latest turn, best first (repetition, jargon, strong words)."""
    lang: Language = "en" if (language or guess_language(turn_text)) == "en" else "nb"
    bank = bank or load_probe_bank(lang)
    lex = bank.lexicon
    words = tokens(turn_text)
    if not words:
        return []
    strong = _lemma_set(lex.strong, lang)
    feelings = _lemma_set(lex.feelings, lang)
    recent_counts: Counter[str] = Counter()
    for earlier in recent_informant:
        recent_counts.update(lemma(w, lang) for w in tokens(earlier) if _is_content(w, lex))
    surfaces: dict[str, Counter[str]] = {}
    first_pos: dict[str, int] = {}
    starts = _sentence_starts(turn_text)
    for position, word in enumerate(words):
        if not _is_content(word, lex):
            continue
        key = lemma(word, lang)
        abbrev = _ABBREV.match(word)
        shown = word
        if not abbrev and position in starts:
            shown = word.lower()  # capitalised only because it starts a sentence
        surfaces.setdefault(key, Counter())[shown] += 1
        first_pos.setdefault(key, position)
    vague_objects = _vague_objects(turn_text, lex, lang)
    metaphor_objects = _metaphor_objects(turn_text, lex, lang)
    terms: list[Term] = []
    n_words = len(words)
    for key, forms in surfaces.items():
        count_turn = sum(forms.values())
        count_recent = recent_counts.get(key, 0)
        form = _best_form(forms)
        abbrev_form = _ABBREV.match(form)
        is_jargon = bool(abbrev_form) and form.split("-")[0] not in _NOT_JARGON
        score = 0.0
        reason = "salient"
        if count_turn >= 2:
            score += 2.0 + 1.0 * (count_turn - 2)
            reason = "repeated"
        if count_recent >= 1:
            score += 1.2 + 0.4 * min(count_recent - 1, 3)
            if reason == "salient":
                reason = "repeated_context"
        if is_jargon:
            score += 2.5
            reason = "jargon" if reason == "salient" else reason
        if key in vague_objects:
            score += 1.5
            reason = "vague" if reason == "salient" else reason
        if key in metaphor_objects:
            score += 1.6
            reason = "metaphor" if reason == "salient" else reason
        if key in strong:
            score += 1.5
            reason = "strong" if reason == "salient" else reason
        elif key in feelings:
            score += 0.8
            reason = "feeling" if reason == "salient" else reason
        # Longer words are more specific (Norwegian compounds: «skjermtretthet»).
        score += min(len(form), 14) / 14.0
        # Later content tends to be where the informant lands; tiny tie-breaker.
        score += 0.1 * first_pos[key] / n_words
        phrase = _extend(form, words, first_pos[key], lex, lang) if not is_jargon else form
        terms.append(Term(phrase, key, round(score, 3), count_turn, count_recent, reason))
    terms.sort(key=lambda t: (-t.score, t.text))
    return terms


def _best_form(forms: Counter[str]) -> str:
    """The form said most often; on ties the shortest (usually the base form)."""
    return min(forms.items(), key=lambda item: (-item[1], len(item[0]), item[0]))[0]


def _extend(form: str, words: Sequence[str], position: int, lex: Lexicon, lang: str) -> str:
    """Add a preceding modifier when it belongs to the term ("body language", «digitale møter»)."""
    if position == 0:
        return form
    prev = words[position - 1]
    low = prev.lower()
    if not _is_content(prev, lex) or _ABBREV.match(prev) or prev[:1].isupper():
        return form
    if words[position].lower() != form.lower():
        return form
    if lang == "en":
        if low.endswith(("ed", "ly", "ing", "'s")):
            return form
        return f"{prev} {form}"
    if low.endswith(_NB_ADJ) and not low.endswith(("ene", "te", "de")):
        return f"{prev} {form}"
    return form


def _vague_objects(text: str, lex: Lexicon, lang: str) -> set[str]:
    """Lemmas right after «det med …» / "the thing with …" (what is being pointed at)."""
    out: set[str] = set()
    lower = text.lower()
    for pos, phrase in _phrase_hits(lower, lex.vague):
        following = tokens(text[pos + len(phrase) :])[:2]
        for word in following:
            if _is_content(word, lex):
                out.add(lemma(word, lang))
                break
    return out


def _metaphor_objects(text: str, lex: Lexicon, lang: str) -> set[str]:
    out: set[str] = set()
    lower = text.lower()
    for pos, phrase in _phrase_hits(lower, lex.metaphor):
        following = tokens(text[pos + len(phrase) :])[:3]
        for word in following:
            if _is_content(word, lex):
                out.add(lemma(word, lang))
                break
    return out


def detect_cues(
    turn_text: str,
    context: Sequence[str] = (),
    language: str | None = None,
    bank: ProbeBank | None = None,
    terms: Sequence[Term] | None = None,
) -> tuple[Cue, ...]:
    """Cues in the latest informant turn; ``context`` = earlier informant turns (oldest first).

    Pure and deterministic. Strongest cue first.
    """
    lang: Language = "en" if (language or guess_language(turn_text)) == "en" else "nb"
    bank = bank or load_probe_bank(lang)
    lex = bank.lexicon
    text = turn_text.strip()
    lower = text.lower()
    words = tokens(text)
    n_words = len(words)
    if terms is None:
        terms = find_terms(text, context[-4:], lang, bank)
    cues: list[Cue] = []

    # One-word or very short answers.
    if n_words <= 4:
        cues.append(Cue("short", 1.0 if n_words <= 2 else 0.8))
    elif n_words <= 8:
        cues.append(Cue("short", 0.4))

    # Repetition within the turn, then across the recent informant turns.
    for term in terms:
        if term.count_turn >= 2:
            cues.append(
                Cue(
                    "repeated",
                    min(1.0, 0.6 + 0.2 * (term.count_turn - 1)),
                    term.text,
                    term.count_turn,
                )
            )
            break
    for term in terms:
        if term.count_turn < 2 and term.count_recent >= 1:
            total = term.count_turn + term.count_recent
            cues.append(Cue("repeated_context", min(0.9, 0.4 + 0.15 * total), term.text, total))
            break

    # General talk without a concrete episode; an episode without feelings.
    general = _phrase_hits(lower, lex.generalising)
    episode = _phrase_hits(lower, lex.episode)
    past = len((_PAST_EN if lang == "en" else _PAST_NB).findall(lower))
    feelings = _phrase_hits(lower, lex.feelings)
    if general and not episode:
        cues.append(Cue("generalising", min(1.0, 0.5 + 0.2 * len(general)), general[0][1]))
    is_episode = (bool(episode) and past >= 1) or past >= 3
    if is_episode and not feelings and n_words > 6:
        cues.append(Cue("episode_no_feeling", 0.8 if episode else 0.5))
    if feelings:
        cues.append(Cue("feeling", 0.6, _surface(text, feelings[0])))

    # Strong words and metaphors.
    strong_terms = [
        t for t in terms if t.reason == "strong" or _in_lexicon(t.lemma, lex.strong, lang)
    ]
    if strong_terms:
        cues.append(Cue("strong", 0.8, strong_terms[0].text))
    metaphors = _phrase_hits(lower, lex.metaphor)
    if metaphors:
        pos, phrase = metaphors[0]
        following = [w for w in tokens(text[pos + len(phrase) :])[:3] if _is_content(w, lex)]
        if following:
            cues.append(Cue("metaphor", 0.8, following[0]))

    # Hesitation and trailing off.
    hedges = _phrase_hits(lower, lex.hedges)
    if hedges:
        strength = min(1.0, 0.3 + 0.2 * len(hedges))
        cues.append(Cue("hedging", strength, hedges[0][1]))
    if _TRAILING.search(text) or text.count("…") + text.count("...") >= 2:
        cues.append(Cue("trailing", 0.9 if n_words < 25 else 0.6))

    # Comparisons; the other side comes from the probe bank's contrast pairs.
    contrast_hits = _phrase_hits(lower, lex.contrast)
    pair_hits = [
        (w, lex.contrast_pairs[w.lower()]) for w in words if w.lower() in lex.contrast_pairs
    ]
    if contrast_hits or pair_hits:
        strong_markers = [
            p for _, p in contrast_hits if p not in {"men", "but", "enn", "than", "mens", "while"}
        ]
        strength = 0.3 + 0.25 * len(strong_markers) + (0.3 if pair_hits else 0.0)
        if len({lex.contrast_pairs[w.lower()] for w, _ in pair_hits}) >= 2:
            strength += 0.2
        side = pair_hits[0][0] if pair_hits else contrast_hits[0][1]
        other = _other_side(pair_hits, lower)
        cues.append(Cue("contrast", min(1.0, strength), side, other=other))

    # Vague references and jargon.
    vague = _phrase_hits(lower, lex.vague)
    if vague:
        pos, phrase = vague[0]
        following = [w for w in tokens(text[pos + len(phrase) :])[:2] if _is_content(w, lex)]
        target = following[0] if following else _surface(text, vague[0])
        cues.append(Cue("vague", 0.8 if following else 0.6, target))
    jargon = [t for t in terms if t.reason == "jargon"]
    if jargon:
        cues.append(Cue("jargon", 0.8, jargon[0].text))

    # Long, many-threaded answers.
    sentences = [s for s in _SENTENCE.split(text) if s.strip()]
    if n_words >= 60 or len(sentences) >= 4:
        cues.append(Cue("long", min(1.0, 0.4 + n_words / 200 + 0.05 * len(sentences))))

    # A judgement with no reason given.
    opinions = _phrase_hits(lower, lex.opinion)
    if opinions and not re.search(r"\b(fordi|derfor|because|since|so that)\b", lower):
        cues.append(Cue("opinion", 0.6, _surface(text, opinions[0])))

    cues.sort(key=lambda c: -c.strength)
    return tuple(cues)


def _surface(text: str, hit: tuple[int, str]) -> str:
    pos, phrase = hit
    return text[pos : pos + len(phrase)]


def _in_lexicon(key: str, words: tuple[str, ...], lang: str) -> bool:
    return key in _lemma_set(words, lang)


def _other_side(pair_hits: Sequence[tuple[str, str]], lower: str) -> str | None:
    """What to compare with: the other side of the first contrast word not already mentioned."""
    for _, other in pair_hits:
        if not _phrase_pattern(other.lower()).search(lower):
            return other
    return pair_hits[0][1] if pair_hits else None


def _sentence_starts(text: str) -> set[int]:
    """Token positions that begin a sentence."""
    out: set[int] = set()
    previous_end = 0
    for position, match in enumerate(_WORD.finditer(text)):
        gap = text[previous_end : match.start()]
        if position == 0 or re.search(r"[.!?…:]", gap):
            out.add(position)
        previous_end = match.end()
    return out


def key_terms(
    texts: Iterable[str], language: str | None = None, top: int = 20
) -> list[tuple[str, int]]:
    """The informant's repeated content words across ``texts``: (word as said, count), most first.

    For review reports ("distanse" said six times). Words said once are left out.
    """
    texts = list(texts)
    if not texts:
        return []
    lang: Language = "en" if (language or guess_language(" ".join(texts)[:2000])) == "en" else "nb"
    lex = load_probe_bank(lang).lexicon
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        for word in tokens(text):
            if _is_content(word, lex):
                abbrev = _ABBREV.match(word)
                shown = abbrev.group(1) if abbrev else word.lower()
                forms.setdefault(lemma(word, lang), Counter())[shown] += 1
    ranked = [(_best_form(c), sum(c.values())) for c in forms.values() if sum(c.values()) >= 2]
    ranked.sort(key=lambda item: (-item[1], item[0]))
    return ranked[:top]
