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

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .lang import Lang as Language
from .lang import as_lang, language_evidence
from .lang import detect_language as guess_language  # the one detector, under its old name
from .lang import sentences as split_sentences
from .lang.cue_words import CueWords, cue_words, either_language
from .lang.text import WORD
from .probes import Lexicon, ProbeBank, load_probe_bank

__all__ = [
    "Cue",
    "Term",
    "detect_cues",
    "find_terms",
    "guess_language",
    "key_terms",
    "language_evidence",
    "lemma",
    "tokens",
]

# Words come from the language layer's one tokeniser; a cue word has at least one letter
# (a bare number is not a term) and a cut-off word («hvo-») is read without its hyphen.
_LETTER = re.compile(r"[^\W\d_]")
# Abbreviations and codes, alone or inflected/compounded: AAP-en, PLO-greia, DSA, 14a-vedtak.
_ABBREV = re.compile(r"^([A-ZÆØÅ]{2,6}|\d+[a-zæøå])(?:-[^\W_]+)?$")
# A turn trails off on an ellipsis, a dash or a conjunction («… og», "… and").
_TRAILING_MARK = r"…|\.\.\.|–|-"


def _words(lang: str) -> CueWords:
    """The grammar words of ``lang`` (anything but English reads as Norwegian)."""
    return cue_words(as_lang(lang))


@lru_cache(maxsize=8)
def _endings(name: str) -> tuple[str, ...]:
    """Endings of every language at once, as :meth:`str.endswith` takes them."""
    return tuple(sorted(either_language(name)))


@lru_cache(maxsize=8)
def _any_word(*names: str) -> re.Pattern[str]:
    """A search for any word of the named lists, in either language («fordi», "because")."""
    found = set().union(*(either_language(name) for name in names))
    alternatives = "|".join(re.escape(w) for w in sorted(found, key=lambda w: (-len(w), w)))
    return re.compile(r"\b(?:" + (alternatives or "(?!)") + r")\b")


@lru_cache(maxsize=1)
def _trailing() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(either_language("trailing_words")))
    return re.compile(r"(" + _TRAILING_MARK + r"|\b(?:" + (words or "(?!)") + r"))\s*$", re.I)


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


def _word_matches(text: str, pos: int = 0) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) for each word of the language layer's tokeniser with a letter."""
    for match in WORD.finditer(text, pos):
        word = match.group()
        if not _LETTER.search(word):
            continue
        if word.endswith("-"):
            word = word.rstrip("-")
        yield match.start(), match.start() + len(word), word


@lru_cache(maxsize=256)
def tokens(text: str) -> tuple[str, ...]:
    """Words as written (letters, inner hyphens and apostrophes).

    Cached: review and the live screen read each informant turn again as the context of
    the turns after it."""
    return tuple(word for _, _, word in _word_matches(text))


@lru_cache(maxsize=8192)
def lemma(word: str, language: str = "nb") -> str:
    """Crude stem: «distansen» and «distanse» -> «distans»; "meetings" -> "meeting"."""
    w = word.lower()
    abbrev = _ABBREV.match(word)
    if abbrev:
        return abbrev.group(1).lower()
    grammar = _words(language)
    for suffix in grammar.stem_endings:
        if w.endswith(suffix) and len(w) - len(suffix) >= grammar.stem_min:
            if w.endswith(grammar.stem_keep_endings):
                continue
            return w[: -len(suffix)] + grammar.stem_rewrites.get(suffix, "")
    return w


def _phrase_hits(text_lower: str, phrases: Iterable[str]) -> list[tuple[int, str]]:
    """(position, phrase) for each lexicon phrase found on word boundaries."""
    hits: list[tuple[int, str]] = []
    for phrase in phrases:
        if phrase not in text_lower:
            continue  # a plain substring test first: most phrases are absent from a turn
        for match in _phrase_pattern(phrase).finditer(text_lower):
            hits.append((match.start(), phrase))
    hits.sort()
    return hits


@lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])" + re.escape(phrase) + r"(?![\w])")


@lru_cache(maxsize=64)  # a few word lists per language (strong, feelings, …)
def _lemma_set(words: tuple[str, ...], language: str) -> frozenset[str]:
    return frozenset(lemma(w, language) for w in words if " " not in w)


def _is_content(word: str, lexicon: Lexicon) -> bool:
    return _content(word, lexicon.stopwords)


@lru_cache(maxsize=16384)
def _content(word: str, stopwords: frozenset[str]) -> bool:
    """A content word by the stop list (cached: a frozenset keeps its hash, the same words
    come back turn after turn)."""
    lower = word.lower()
    if _is_jargon(word):
        return True
    possessive = next((e for e in _endings("possessive_endings") if lower.endswith(e)), None)
    if possessive and len(lower) > len(possessive) + 2:
        lower = lower[: -len(possessive)]  # possessive: "family's"
    return len(lower) >= 3 and lower not in stopwords and "'" not in lower


def _spans(text: str) -> list[tuple[int, int, str]]:
    return list(_word_matches(text))


def _adjacent(text: str, spans: Sequence[tuple[int, int, str]], i: int) -> bool:
    """True when token ``i`` and ``i + 1`` are separated by spaces only (same phrase)."""
    return i + 1 < len(spans) and not text[spans[i][1] : spans[i + 1][0]].strip()


def _predicates(
    text: str, spans: Sequence[tuple[int, int, str]], lex: Lexicon, lang: str
) -> dict[int, float]:
    """Positions of the first content word after a copula («kontoret er så *sterilt*») -> weight.

    What an informant says something *is* carries meaning; a negated predicate
    («er ikke et sted …») a little less.
    """
    out: dict[int, float] = {}
    grammar = _words(lang)
    copulas, skip = grammar.copulas | grammar.sense_verbs, grammar.skip_after_copula
    negations = either_language("negations")
    for i, (_, _, word) in enumerate(spans):
        low = word.lower()
        if low not in copulas and not grammar.contracted_copula.search(low):
            continue
        weight = 1.0
        j = i
        while _adjacent(text, spans, j) and j - i < 4:
            j += 1
            candidate = spans[j][2]
            if candidate.lower() in negations:
                weight = 0.4
                continue
            if candidate.lower() in skip:
                continue
            if _is_content(candidate, lex) and not candidate.lower().endswith(
                grammar.predicate_not_endings
            ):
                # «det var greit» says little; «det var sterilt» says a lot.
                bland = candidate.lower() in grammar.bland
                out[j] = max(out.get(j, 0.0), weight * (0.3 if bland else 1.0))
            break
    return out


def _verb_like(words: Sequence[str], position: int, lang: str) -> bool:
    """A finite verb by its neighbours: «jeg *glemmer*», «det *glemmer* jeg», "we *forget*"."""
    word = words[position].lower()
    before = words[position - 1].lower() if position > 0 else ""
    after = words[position + 1].lower() if position + 1 < len(words) else ""
    grammar = _words(lang)
    pronouns = grammar.subject_pronouns
    if grammar.verb_endings and not word.endswith(grammar.verb_endings):
        return False
    return before in pronouns or (grammar.subject_after_verb and after in pronouns)


def _is_jargon(word: str) -> bool:
    """Abbreviations and codes said as known things: «AAP-en», «PLO-greia», "DSA"."""
    match = _ABBREV.match(word)
    return match is not None and match.group(1).lower() not in either_language("not_jargon")


@dataclass(frozen=True)
class _Turn:
    """One informant turn as :func:`find_terms` reads it: its words and what surrounds them."""

    text: str
    spans: Sequence[tuple[int, int, str]]
    words: Sequence[str]
    lex: Lexicon
    lang: Language
    starts: set[int]


@dataclass(frozen=True)
class _Signals:
    """What makes a lemma salient in the turn (each a set of lemmas or positions)."""

    strong: frozenset[str]
    feelings: frozenset[str]
    recent: Counter[str]
    vague_objects: set[str]
    metaphor_objects: set[str]
    predicates: dict[int, float]


def find_terms(
    turn_text: str,
    recent_informant: Sequence[str] = (),
    language: str | None = None,
    bank: ProbeBank | None = None,
) -> list[Term]:
    """Salient words of the latest turn, best first (repetition, strong words, jargon)."""
    lang: Language = as_lang(language or guess_language(turn_text))
    lex = (bank or load_probe_bank(lang)).lexicon
    spans = _spans(turn_text)
    if not spans:
        return []
    turn = _Turn(turn_text, spans, [w for _, _, w in spans], lex, lang, _sentence_starts(turn_text))
    signals = _signals(turn, recent_informant)
    surfaces, positions = _occurrences(turn)
    terms = [_term(turn, signals, key, forms, positions[key]) for key, forms in surfaces.items()]
    terms.extend(_repeated_phrases(turn_text, spans, terms, lex, lang, turn.starts))
    terms.sort(key=lambda t: (-t.score, t.text))
    return terms


def _signals(turn: _Turn, recent_informant: Sequence[str]) -> _Signals:
    lex, lang = turn.lex, turn.lang
    recent: Counter[str] = Counter()
    for earlier in recent_informant:
        recent.update(lemma(w, lang) for w in tokens(earlier) if _is_content(w, lex))
    return _Signals(
        strong=_lemma_set(lex.strong, lang),
        feelings=_lemma_set(lex.feelings, lang),
        recent=recent,
        vague_objects=_objects_after(turn.text, lex.vague, lex, lang, window=2),
        metaphor_objects=_objects_after(turn.text, lex.metaphor, lex, lang, window=3),
        predicates=_predicates(turn.text, turn.spans, lex, lang),
    )


def _occurrences(turn: _Turn) -> tuple[dict[str, Counter[str]], dict[str, list[int]]]:
    """Each content lemma's forms as said (with counts) and word positions, frames left out."""
    surfaces: dict[str, Counter[str]] = {}
    positions: dict[str, list[int]] = {}
    for position, word in enumerate(turn.words):
        if not _is_content(word, turn.lex):
            continue
        key = lemma(word, turn.lang)
        shown = word
        if not _ABBREV.match(word) and position in turn.starts:
            shown = word.lower()  # capitalised only because it starts a sentence
        surfaces.setdefault(key, Counter())[shown] += 1
        positions.setdefault(key, []).append(position)
    framing = _framing_positions(turn.text, turn.spans, turn.lex)
    for key in [k for k, at in positions.items() if all(p in framing for p in at)]:
        del surfaces[key], positions[key]  # «if I'm honest», «ærlig talt»: a frame, not a topic
    return surfaces, positions


def _term(
    turn: _Turn, signals: _Signals, key: str, forms: Counter[str], positions: Sequence[int]
) -> Term:
    """One lemma as a candidate term: the phrase to quote, its score and its main reason."""
    count_turn = sum(forms.values())
    count_recent = signals.recent.get(key, 0)
    form = _best_form(forms)
    score, reasons = _salience(key, form, count_turn, count_recent, positions, signals)
    # Longer words are more specific (Norwegian compounds: «skjermtretthet»).
    score += min(len(form), 14) / 14.0
    # Later content tends to be where the informant lands; tiny tie-breaker.
    score += 0.1 * positions[0] / len(turn.words)
    words, lang = turn.words, turn.lang
    at = next((p for p in positions if words[p].lower() == form.lower()), None)
    phrase = form if at is None else _extend(turn.text, turn.spans, at, form, turn.lex, lang)
    if not reasons and all(_verb_like(words, p, lang) for p in positions):
        score -= 0.4  # a plain verb («glemmer») is rarely the word to ask about
    if phrase != form and " " in phrase:
        score += 0.25  # «hellige grunn» says more than «grunn»
    reason = reasons[0] if reasons else "salient"
    return Term(phrase, key, round(score, 3), count_turn, count_recent, reason)


def _salience(
    key: str,
    form: str,
    count_turn: int,
    count_recent: int,
    positions: Sequence[int],
    signals: _Signals,
) -> tuple[float, list[str]]:
    """The score from what the informant did with the word, and the reasons, strongest first."""
    score = 0.0
    reasons: list[str] = []
    if count_turn >= 2:
        score += 2.2 + 1.0 * (count_turn - 2)
        reasons.append("repeated")
    if count_recent >= 1:
        score += 1.4 + 0.4 * min(count_recent - 1, 3)
        reasons.append("repeated_context")
    if key in signals.strong:
        score += 2.0
        reasons.append("strong")
    if key in signals.metaphor_objects:
        score += 1.6
        reasons.append("metaphor")
    predicate = max((signals.predicates.get(p, 0.0) for p in positions), default=0.0)
    if predicate:
        score += 1.3 * predicate
        if predicate >= 1.0:
            reasons.append("predicate")
    if _is_jargon(form):
        score += 1.8
        reasons.append("jargon")
    if key in signals.vague_objects:
        score += 1.2
        reasons.append("vague")
    if key in signals.feelings and "strong" not in reasons:
        score += 0.8
        reasons.append("feeling")
    return score, reasons


def _repeated_phrases(
    text: str,
    spans: Sequence[tuple[int, int, str]],
    terms: Sequence[Term],
    lex: Lexicon,
    lang: str,
    starts: set[int],
) -> list[Term]:
    """Two-word phrases said at least twice ("keep going", "the little things")."""
    grammar = _words(lang)
    function, degree_words = grammar.function_words, grammar.degree_words
    counts: Counter[tuple[str, str]] = Counter()
    shown: dict[tuple[str, str], str] = {}
    for i in range(len(spans) - 1):
        if not _adjacent(text, spans, i):
            continue
        a, b = spans[i][2], spans[i + 1][2]
        degree = a.lower() in degree_words and b.lower() not in function
        if (a.lower() in function and not degree) or b.lower() in function:
            continue
        pair = (lemma(a, lang), lemma(b, lang))
        counts[pair] += 1
        shown.setdefault(pair, f"{a.lower() if i in starts else a} {b}")
    best = {t.lemma: t.score for t in terms}
    said = {t.lemma: t.count_turn for t in terms}
    out: list[Term] = []
    for pair, count in counts.items():
        if count < 2:
            continue
        if pair[0] in degree_words and said.get(pair[1], 0) > count:
            continue  # «for sent» counts only when «sent» always comes with «for»
        base = max(best.get(pair[0], 0.0), best.get(pair[1], 0.0), 2.2 + (count - 2))
        out.append(Term(shown[pair], " ".join(pair), round(base + 0.5, 3), count, 0, "repeated"))
    return out


def _framing_positions(text: str, spans: Sequence[tuple[int, int, str]], lex: Lexicon) -> set[int]:
    """Token positions inside hedge phrases («ærlig talt», "if I'm honest")."""
    lower = text.lower()
    covered: set[int] = set()
    for pos, phrase in _phrase_hits(lower, lex.hedges):
        end = pos + len(phrase)
        covered.update(
            i for i, (start, stop, _) in enumerate(spans) if start >= pos and stop <= end
        )
    return covered


def _best_form(forms: Counter[str]) -> str:
    """The form said most often; on ties the shortest (usually the base form)."""
    return min(forms.items(), key=lambda item: (-item[1], len(item[0]), item[0]))[0]


def _extend(
    text: str,
    spans: Sequence[tuple[int, int, str]],
    position: int,
    form: str,
    lex: Lexicon,
    lang: str,
) -> str:
    """Make a phrase when neighbours belong to the term ("UC journal", «digitale møter»)."""
    words = [w for _, _, w in spans]
    grammar = _words(lang)
    following = words[position + 1] if _adjacent(text, spans, position) else None
    if _ABBREV.match(form):
        # An abbreviation names a thing the next noun often completes ("the UC journal").
        if grammar.open_compounds and following and _completes(following, (), lex, grammar):
            return f"{form} {following}"
        return form
    before = words[position - 2].lower() if position >= 2 else ""
    if (
        position > 0
        and _adjacent(text, spans, position - 1)
        and before not in either_language("subjects")
        and _modifies(words[position - 1], lex, grammar)
    ):
        return f"{words[position - 1]} {form}"
    endings = grammar.possessive_endings
    if grammar.open_compounds and following and _completes(following, endings, lex, grammar):
        return f"{form} {following}"
    return form


def _modifies(word: str, lex: Lexicon, grammar: CueWords) -> bool:
    """A content word before a term that reads as its modifier («digitale», "remote")."""
    low = word.lower()
    if not _is_content(word, lex) or _ABBREV.match(word) or word[:1].isupper():
        return False
    shaped = not grammar.modifier_endings or low.endswith(grammar.modifier_endings)
    return shaped and not low.endswith(grammar.not_modifier_endings)


def _completes(word: str, endings: tuple[str, ...], lex: Lexicon, grammar: CueWords) -> bool:
    """A content word after a term that completes it as an open compound ("screen *time*")."""
    low = word.lower()
    return (
        _is_content(word, lex)
        and not low.endswith(grammar.not_modifier_endings + endings)
        and low not in grammar.than_words
    )


def _objects_after(
    text: str, phrases: Sequence[str], lex: Lexicon, lang: str, window: int
) -> set[str]:
    """Lemmas of the first content word within ``window`` words after any of ``phrases``.

    «det med …» / "the thing with …" point at what follows (vague references);
    «som en …» / "like a …" introduce an image (metaphors).
    """
    out: set[str] = set()
    for pos, phrase in _phrase_hits(text.lower(), phrases):
        following = tokens(text[pos + len(phrase) :])[:window]
        word = next((w for w in following if _is_content(w, lex)), None)
        if word is not None:
            out.add(lemma(word, lang))
    return out


@dataclass(frozen=True)
class _Said:
    """The turn as cue detection reads it: the text, lower-cased, its words and word lists."""

    text: str
    lower: str
    words: Sequence[str]
    lex: Lexicon
    lang: Language

    @property
    def n_words(self) -> int:
        return len(self.words)


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
    lang: Language = as_lang(language or guess_language(turn_text))
    bank = bank or load_probe_bank(lang)
    text = turn_text.strip()
    said = _Said(text, text.lower(), tokens(text), bank.lexicon, lang)
    if terms is None:
        terms = find_terms(text, context[-4:], lang, bank)
    cues = [
        *_length_cues(said),
        *_repetition_cues(terms),
        *_episode_cues(said),
        *_strong_cues(said, terms),
        *_hesitation_cues(said),
        *_contrast_cues(said),
        *_reference_cues(said, terms),
    ]
    # A word the informant gives weight by saying what something *is* («et fristed»).
    loaded = next((t for t in terms[:2] if t.reason in {"predicate", "metaphor"}), None)
    if loaded is not None and not any(c.kind in {"strong", "metaphor"} for c in cues):
        cues.append(Cue("key_word", 0.7, loaded.text))
    cues.extend(_unexplained_cues(said))
    cues.sort(key=lambda c: -c.strength)
    return tuple(cues)


def _length_cues(said: _Said) -> list[Cue]:
    """One-word or very short answers."""
    if said.n_words <= 4:
        return [Cue("short", 1.0 if said.n_words <= 2 else 0.8)]
    if said.n_words <= 8:
        return [Cue("short", 0.4)]
    return []


def _repetition_cues(terms: Sequence[Term]) -> list[Cue]:
    """Repetition within the turn, then across the recent informant turns."""
    out: list[Cue] = []
    within = next((t for t in terms if t.count_turn >= 2), None)
    if within is not None:
        strength = min(1.0, 0.6 + 0.2 * (within.count_turn - 1))
        out.append(Cue("repeated", strength, within.text, within.count_turn))
    again = next((t for t in terms if t.count_turn < 2 and t.count_recent >= 1), None)
    if again is not None:
        total = again.count_turn + again.count_recent
        out.append(Cue("repeated_context", min(0.9, 0.4 + 0.15 * total), again.text, total))
    return out


def _episode_cues(said: _Said) -> list[Cue]:
    """General talk without a concrete episode; an episode without feelings; a feeling."""
    lex, lower = said.lex, said.lower
    general = _phrase_hits(lower, lex.generalising)
    episode = _phrase_hits(lower, lex.episode)
    past = len(_words(said.lang).past.findall(lower))
    feelings = _phrase_hits(lower, lex.feelings)
    out: list[Cue] = []
    if general and not episode:
        out.append(Cue("generalising", min(1.0, 0.5 + 0.2 * len(general)), general[0][1]))
    is_episode = (bool(episode) and past >= 1) or past >= 3
    if is_episode and not feelings and said.n_words > 6:
        out.append(Cue("episode_no_feeling", 0.8 if episode else 0.5))
    if feelings:
        out.append(Cue("feeling", 0.6, _surface(said.text, feelings[0])))
    return out


def _strong_cues(said: _Said, terms: Sequence[Term]) -> list[Cue]:
    """Strong words and metaphors."""
    lex = said.lex
    out: list[Cue] = []
    strong = next(
        (t for t in terms if t.reason == "strong" or _in_lexicon(t.lemma, lex.strong, said.lang)),
        None,
    )
    if strong is not None:
        out.append(Cue("strong", 0.8, strong.text))
    metaphors = _phrase_hits(said.lower, lex.metaphor)
    if metaphors:
        pos, phrase = metaphors[0]
        following = [w for w in tokens(said.text[pos + len(phrase) :])[:3] if _is_content(w, lex)]
        if following:
            out.append(Cue("metaphor", 0.8, following[0]))
    return out


def _hesitation_cues(said: _Said) -> list[Cue]:
    """Hesitation and trailing off."""
    out: list[Cue] = []
    hedges = _phrase_hits(said.lower, said.lex.hedges)
    if hedges:
        out.append(Cue("hedging", min(1.0, 0.3 + 0.2 * len(hedges)), hedges[0][1]))
    text = said.text
    if _trailing().search(text) or text.count("…") + text.count("...") >= 2:
        out.append(Cue("trailing", 0.9 if said.n_words < 25 else 0.6))
    return out


def _contrast_cues(said: _Said) -> list[Cue]:
    """Comparisons; the other side comes from the probe bank's contrast pairs."""
    lex, lower, text = said.lex, said.lower, said.text
    contrast_hits = _phrase_hits(lower, lex.contrast)
    pair_hits = [
        (w, lex.contrast_pairs[w.lower()]) for w in said.words if w.lower() in lex.contrast_pairs
    ]
    multi = [k for k in lex.contrast_pairs if " " in k]
    pair_hits += [(_surface(text, h), lex.contrast_pairs[h[1]]) for h in _phrase_hits(lower, multi)]
    comparative = _words(said.lang).comparative.search(lower)
    if comparative:
        contrast_hits.append((comparative.start(), comparative.group(0)))
    if not (contrast_hits or pair_hits):
        return []
    weak = either_language("weak_contrast")
    strong_markers = [p for _, p in contrast_hits if p not in weak]
    strength = 0.3 + 0.25 * len(strong_markers) + (0.35 if pair_hits else 0.0)
    if len({lex.contrast_pairs[w.lower()] for w, _ in pair_hits}) >= 2:
        strength += 0.2
    side = pair_hits[0][0] if pair_hits else contrast_hits[0][1]
    return [Cue("contrast", min(1.0, strength), side, other=_other_side(pair_hits, lower))]


def _reference_cues(said: _Said, terms: Sequence[Term]) -> list[Cue]:
    """Vague references and jargon: quote the phrase as said («det med AAP-en»)."""
    lex, text = said.lex, said.text
    out: list[Cue] = []
    order = {phrase: i for i, phrase in enumerate(lex.vague)}
    options = [(_vague_phrase(text, hit, lex), hit) for hit in _phrase_hits(said.lower, lex.vague)]
    options = [option for option in options if option[0][0]]
    if options:
        (phrase, has_object), _ = min(
            options, key=lambda o: (not o[0][1], order.get(o[1][1], 99), o[1][0])
        )
        out.append(Cue("vague", 0.85 if has_object else 0.6, phrase))
    jargon = next((t for t in terms if _is_jargon(t.text.split()[0])), None)
    if jargon is not None:
        out.append(Cue("jargon", 0.8, jargon.text))
    return out


def _unexplained_cues(said: _Said) -> list[Cue]:
    """A pattern or change stated with no explanation; a long answer; an unargued judgement."""
    lex, lower, text = said.lex, said.lower, said.text
    out: list[Cue] = []
    observed = _phrase_hits(lower, lex.observation)
    if observed and not _any_word("reason_words").search(lower):
        out.append(Cue("observation", 0.75, _surface(text, observed[0])))
    # Long, many-threaded answers.
    sentences = split_sentences(text)
    if said.n_words >= 60 or len(sentences) >= 4:
        out.append(Cue("long", min(1.0, 0.4 + said.n_words / 200 + 0.05 * len(sentences))))
    opinions = _phrase_hits(lower, lex.opinion)
    if opinions and not _any_word("reason_words", "purpose_words").search(lower):
        out.append(Cue("opinion", 0.6, _surface(text, opinions[0])))
    return out


def _surface(text: str, hit: tuple[int, str]) -> str:
    pos, phrase = hit
    return text[pos : pos + len(phrase)]


def _vague_phrase(text: str, hit: tuple[int, str], lex: Lexicon) -> tuple[str, bool]:
    """The vague phrase plus what it points at («den greia med Lånekassen»), within the clause."""
    pos, phrase = hit
    start_end = end = pos + len(phrase)
    content = 0
    linked_after_content = False
    for start, stop, word in _word_matches(text, start_end):
        if text[end:start].strip() or content >= 3:
            break  # punctuation ends the clause
        low = word.lower()
        if content == 0 and low in either_language("not_pointed_at"):
            return "", False  # «tar det med hjem»: a particle verb, not «det med <something>»
        if _is_content(word, lex):
            content += 1
            end = stop
        elif low in either_language("links") or (
            low in either_language("determiners") and not linked_after_content
        ):
            # «den nye rutinen *med* 14a-vurderingene»: a link may join a second part.
            linked_after_content = content > 0
            if not linked_after_content:
                end = stop
        else:
            break
    if content == 0:
        end = start_end
    return text[pos:end], content > 0


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
    for position, (start, stop, _) in enumerate(_word_matches(text)):
        gap = text[previous_end:start]
        if position == 0 or re.search(r"[.!?…:]", gap):
            out.add(position)
        previous_end = stop
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
    lang: Language = as_lang(language or guess_language(" ".join(texts)[:2000]))
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
