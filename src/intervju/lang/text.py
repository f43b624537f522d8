"""Words, sentences, language and lemmas: the one version of each the product uses.

Why these and not hand-written ones: lemmas come from ``simplemma`` and word frequencies from
``wordfreq``; both ship their data inside the package (nothing is downloaded at run time) and
both know bokmål and English. They are imported on first use, so ``import intervju`` and the
CLI's start stay fast.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from types import ModuleType

from ..errors import IntervjuError
from .lexicon import LANGUAGES, Lang, lexicon

# A word: letters (and digits inside), with inner hyphens and apostrophes («Nav-kontoret»,
# "don't"). A trailing hyphen marks a cut-off word («hvo-») and stays part of it.
WORD = re.compile(r"[^\W_](?:[^\W_]|['’](?=[^\W_])|-(?=[^\W_]))*-?", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.?!…])[\"»”')\]]*\s+(?=\S)|\n+")
_ALIASES: dict[str, Lang] = {
    "nb": "nb", "no": "nb", "nn": "nb", "nob": "nb", "nor": "nb", "nno": "nb",
    "en": "en", "eng": "en",
}  # fmt: skip


def words(text: str) -> list[str]:
    """The words of ``text`` as written, in order (the product's one tokeniser)."""
    return WORD.findall(text)


def plain_apostrophes(text: str) -> str:
    """``text`` with the typographic apostrophe (’, as Word, Teams and autocorrect write it)
    as the plain one, so that "don’t" and "don't" are one word."""
    return text.replace("’", "'")


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each word of :func:`words` starts and ends in ``text``."""
    return [m.span() for m in WORD.finditer(text)]


def sentences(text: str) -> list[str]:
    """Split at a full stop, question or exclamation mark followed by space, or a newline."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def resolve_language(code: str | None, text: str = "", default: Lang = "nb") -> Lang:
    """A language code as users write it («no», "en-GB", "auto") → nb or en.

    ``None``, "" or "auto" detect it from ``text``; anything else unknown is an error.
    """
    if code is None or code.strip() == "" or code.strip().lower() == "auto":
        return detect_language(text, default)
    key = code.strip().lower().replace("_", "-").split("-")[0]
    if key not in _ALIASES:
        raise IntervjuError(f"unsupported language {code!r} (use nb or en)", where="language")
    return _ALIASES[key]


def detect_language(text: str, default: Lang = "nb") -> Lang:
    """nb or en, the one detector: each language's own marker words vote.

    Letters only Norwegian has (æ, ø, å) count twice; English contractions and -ing words
    count for English. Ties and texts with no evidence go to ``default``.
    """
    return language_evidence(text) or default


def language_evidence(text: str) -> Lang | None:
    """nb, en, or None when the text gives no evidence either way."""
    lowered = [plain_apostrophes(w.lower()) for w in words(text)]
    scores: dict[Lang, int] = {}
    for code in LANGUAGES:
        lex = lexicon(code)
        score = sum(w in lex.language_markers for w in lowered)
        score += sum(1 for w in lowered if w.endswith(lex.marker_suffixes) and len(w) > 4)
        score += 2 * sum(ch in lex.marker_letters for ch in text) if lex.marker_letters else 0
        scores[code] = score
    best = max(scores.values())
    winners = [c for c, s in scores.items() if s == best]
    if best > 0 and len(winners) == 1:
        return winners[0]
    return _by_frequency(lowered)


def _by_frequency(lowered: list[str]) -> Lang | None:
    """When the marker words tie («Wow.», "Sterile?"), the language where the words are
    common decides, if one is clearly ahead (word frequencies from ``wordfreq``)."""
    if not lowered:
        return None
    totals = {code: sum(_zipf(w, code) for w in lowered) for code in LANGUAGES}
    ranked = sorted(totals.items(), key=lambda kv: kv[1], reverse=True)
    (first, top), (_, runner_up) = ranked[0], ranked[1]
    return first if top - runner_up >= 1.0 * len(lowered) else None


@lru_cache(maxsize=16384)
def lemma(word: str, lang: Lang) -> str:
    """The dictionary form, lower-cased («distansen» → «distanse», "meetings" → "meeting")."""
    w = word.lower().strip("-'’")
    if not w:
        return w
    return str(_simplemma().lemmatize(w, lang=lang)).lower()


def zipf(word: str, lang: Lang) -> float:
    """How common a word is (Zipf scale: ~7 for «og», ~1-2 for rare words, 0 unknown)."""
    return _zipf(word.lower(), lang)


@lru_cache(maxsize=16384)
def _zipf(word: str, lang: Lang) -> float:
    import wordfreq

    return float(wordfreq.zipf_frequency(word, lang))


@cache
def _simplemma() -> ModuleType:
    import simplemma

    return simplemma
