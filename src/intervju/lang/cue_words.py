"""The grammar words cue detection reads, from ``data/lang/<code>/cues.yaml``.

:mod:`intervju.cues` finds what in an informant's answer calls for a follow-up. Its cue
vocabularies (feelings, hedges, vague phrases …) are the probe bank's lexicon; the closed-class
words and endings it needs around them (function words, copulas, past-tense forms, the crude
stem's endings …) are these. The module knows no words; the YAML file says what each list means.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from ..errors import ConfigError
from . import _yaml
from .lexicon import LANGUAGES, Lang, read_language_file


@dataclass(frozen=True)
class CueWords:
    """One language's grammar words for cue detection (all lower-cased)."""

    code: Lang
    function_words: frozenset[str]
    not_jargon: frozenset[str]
    stem_endings: tuple[str, ...]
    stem_min: int
    stem_rewrites: Mapping[str, str]
    stem_keep_endings: tuple[str, ...]
    modifier_endings: tuple[str, ...]
    not_modifier_endings: tuple[str, ...]
    open_compounds: bool
    possessive_endings: tuple[str, ...]
    trailing_words: frozenset[str]
    weak_contrast: frozenset[str]
    copulas: frozenset[str]
    sense_verbs: frozenset[str]
    skip_after_copula: frozenset[str]
    negations: frozenset[str]
    predicate_not_endings: tuple[str, ...]
    bland: frozenset[str]
    subjects: frozenset[str]
    subject_pronouns: frozenset[str]
    verb_endings: tuple[str, ...]
    subject_after_verb: bool
    degree_words: frozenset[str]
    not_pointed_at: frozenset[str]
    links: frozenset[str]
    determiners: frozenset[str]
    reason_words: frozenset[str]
    purpose_words: frozenset[str]
    than_words: frozenset[str]
    past: re.Pattern[str]
    comparative: re.Pattern[str]
    contracted_copula: re.Pattern[str]


_NEVER = re.compile(r"(?!)")


def _alternatives(items: tuple[str, ...] | frozenset[str]) -> str:
    """``(?:a|b|c)`` for literal words, longest first so a longer one wins at a position."""
    return "(?:" + _yaml.alternation(items) + ")"


def _past(forms: tuple[str, ...], endings: tuple[str, ...]) -> re.Pattern[str]:
    """Irregular past forms, or a stem of three letters or more with a past ending."""
    parts = [re.escape(f) for f in forms]
    if endings:
        parts.append(r"\w{3,}" + _alternatives(endings))
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b") if parts else _NEVER


def _comparative(raw: Mapping[str, object], where: str) -> re.Pattern[str]:
    """«bedre», «(mye) travlere», «travlere enn», «mer travel enn»; "better", "busier than"."""
    words = _yaml.word_list(raw, "comparative_words", where)
    ending = re.escape(str(raw.get("comparative_ending") or ""))
    degree = _yaml.word_list(raw, "comparative_degree", where)
    than = _yaml.word_list(raw, "than_words", where)
    more = _yaml.word_list(raw, "more_words", where)
    parts = [re.escape(w) for w in words]
    if degree and ending:
        parts.append(_alternatives(degree) + r" \w{3,}" + ending)
    if than and ending:
        parts.append(r"\w{3,}" + ending + " " + _alternatives(than))
    if than and more:
        parts.append(_alternatives(more) + r" \w+ " + _alternatives(than))
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b") if parts else _NEVER


def _contracted(subjects: tuple[str, ...], endings: tuple[str, ...]) -> re.Pattern[str]:
    """ "it's", "that's", "you're", "I'm": a copula fused with the word before it."""
    parts = []
    if subjects:
        parts.append("^" + _alternatives(subjects) + "['’]s$")
    if endings:
        parts.append("['’]" + _alternatives(endings) + "$")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else _NEVER


@cache
def cue_words(code: Lang) -> CueWords:
    """Load and validate one language's ``cues.yaml`` (cached for the life of the process)."""
    raw, where = read_language_file(code, "cues")
    stem_min = raw.get("stem_min", 3)
    if not isinstance(stem_min, int) or isinstance(stem_min, bool) or stem_min < 1:
        raise ConfigError("'stem_min' must be a positive whole number", where=where)

    def words(key: str) -> frozenset[str]:
        return _yaml.word_set(raw, key, where)

    def ordered(key: str) -> tuple[str, ...]:
        return _yaml.word_list(raw, key, where)

    return CueWords(
        code=code,
        function_words=words("function_words"),
        not_jargon=words("not_jargon"),
        stem_endings=ordered("stem_endings"),
        stem_min=stem_min,
        stem_rewrites=_yaml.word_map(raw, "stem_rewrites", where),
        stem_keep_endings=ordered("stem_keep_endings"),
        modifier_endings=ordered("modifier_endings"),
        not_modifier_endings=ordered("not_modifier_endings"),
        open_compounds=_yaml.flag(raw, "open_compounds", where),
        possessive_endings=ordered("possessive_endings"),
        trailing_words=words("trailing_words"),
        weak_contrast=words("weak_contrast"),
        copulas=words("copulas"),
        sense_verbs=words("sense_verbs"),
        skip_after_copula=words("skip_after_copula"),
        negations=words("negations"),
        predicate_not_endings=ordered("predicate_not_endings"),
        bland=words("bland"),
        subjects=words("subjects"),
        subject_pronouns=words("subject_pronouns"),
        verb_endings=ordered("verb_endings"),
        subject_after_verb=_yaml.flag(raw, "subject_after_verb", where),
        degree_words=words("degree_words"),
        not_pointed_at=words("not_pointed_at"),
        links=words("links"),
        determiners=words("determiners"),
        reason_words=words("reason_words"),
        purpose_words=words("purpose_words"),
        than_words=words("than_words"),
        past=_past(ordered("past_forms"), ordered("past_endings")),
        comparative=_comparative(raw, where),
        contracted_copula=_contracted(
            ordered("contracted_copula_subjects"), ordered("contracted_copula_endings")
        ),
    )


@cache
def either_language(name: str) -> frozenset[str]:
    """A word list of every language at once, for speech that switches language mid-turn
    (a Norwegian turn trailing off on "and", an English abbreviation in a Norwegian answer)."""
    out: set[str] = set()
    for code in LANGUAGES:
        value = getattr(cue_words(code), name)
        if not isinstance(value, (frozenset, tuple)):
            raise ConfigError(f"'{name}' is not a word list", where="cues")
        out.update(value)
    return frozenset(out)
