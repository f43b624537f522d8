"""The language layer: everything the product knows about Norwegian and English speech.

Machinery lives here (``text``, ``spoken``, ``lexicon``, ``_yaml``); the words themselves live
as data in ``intervju/data/lang/<code>/`` (one folder per language), in the spirit of
spaCy's ``lang/nb``. Every judgement (the question analyser, key terms and cards, guide
tracking, review, practice) tokenises, splits, detects the language and normalises speech
through this one module, so a fix for real speech is made once.
"""

from __future__ import annotations

from .lexicon import LANGUAGES, Lang, Lexicon, as_lang, lexicon
from .spoken import Spoken, normalise
from .text import (
    detect_language,
    language_evidence,
    lemma,
    plain_apostrophes,
    resolve_language,
    sentences,
    word_spans,
    words,
    zipf,
)

__all__ = [
    "LANGUAGES",
    "Lang",
    "Lexicon",
    "Spoken",
    "as_lang",
    "detect_language",
    "language_evidence",
    "lemma",
    "lexicon",
    "normalise",
    "plain_apostrophes",
    "resolve_language",
    "sentences",
    "word_spans",
    "words",
    "zipf",
]
