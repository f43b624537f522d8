"""Language data for the analyser, loaded once from ``data/lang/<lang>/analysis.yaml``.

The rules in this package are language-neutral machinery (word order, clause boundaries,
cue scanning); every word and phrase they look for lives in the YAML files so that a linguist
can correct or extend a language without touching code. Loading validates the few keys the
code needs and compiles the regular expressions once (``functools.cache``), which keeps each
call to :func:`intervju.analysis.analyse` a pure, allocation-light function.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

from ..errors import ConfigError
from ..lang import Lang
from ..lang._yaml import flag, frozen, word_set
from ..lang.lexicon import read_language_file


@dataclass(frozen=True)
class Grammar:
    """Grammar words by the role the word-order rules give them (``grammar:`` in the YAML)."""

    negation: str
    negation_exceptions: frozenset[str]
    and_word: str
    coordinators: tuple[str, ...]
    additive: frozenset[str]
    summary_word: str
    summary_adverbs: frozenset[str]
    how_word: str
    wh_about: frozenset[str]
    when_word: str
    determiners: frozenset[str]
    parenthetical_extras: frozenset[str]
    because: frozenset[str]
    first_person: frozenset[str]
    subordinators: frozenset[str]
    relatives: frozenset[str]
    embedded_whether_words: frozenset[str]
    verb_endings: tuple[str, ...]
    finite_like_endings: tuple[str, ...]
    not_verb_endings: tuple[str, ...]
    definite_noun_endings: tuple[str, ...]
    continuous_prefix_ending: str
    participles: frozenset[str]
    opposites: tuple[tuple[str, str], ...]
    inverts_inside: bool  # an auxiliary before its subject inside speech starts a question
    inversion_blockers: frozenset[str]
    object_pronouns: frozenset[str]  # after a main verb these are objects, not subjects
    wh_modifiers: frozenset[str]  # "what else", «hva mer»: part of the question word
    complementizer: str
    comment_particles: frozenset[str]  # a stated guess with only these is a comment
    summary_needs_addressee: bool  # an unpunctuated summary is a check only about "you"


def _grammar(raw: Any, where: str) -> Grammar:
    if not isinstance(raw, dict):
        raise ConfigError("'grammar' must be a mapping", where=where)

    def text(key: str) -> str:
        value = raw.get(key)
        if not isinstance(value, str):
            raise ConfigError(f"'grammar.{key}' must be a word", where=where)
        return value.lower()

    def listed(key: str) -> tuple[str, ...]:
        value = raw.get(key)
        if not isinstance(value, list):
            raise ConfigError(f"'grammar.{key}' must be a list", where=where)
        return tuple(str(v).lower() for v in value)

    pairs = raw.get("opposites") or []
    if not all(isinstance(p, list) and len(p) == 2 for p in pairs):
        raise ConfigError("'grammar.opposites' must be a list of word pairs", where=where)
    return Grammar(
        negation=text("negation"),
        negation_exceptions=frozenset(listed("negation_exceptions")),
        and_word=text("and_word"),
        coordinators=listed("coordinators"),
        additive=frozenset(listed("additive")),
        summary_word=text("summary_word"),
        summary_adverbs=frozenset(listed("summary_adverbs")),
        how_word=text("how_word"),
        wh_about=frozenset(listed("wh_about")),
        when_word=text("when_word"),
        determiners=frozenset(listed("determiners")),
        parenthetical_extras=frozenset(listed("parenthetical_extras")),
        because=frozenset(listed("because")),
        first_person=frozenset(listed("first_person")),
        subordinators=frozenset(listed("subordinators")),
        relatives=frozenset(listed("relatives")),
        embedded_whether_words=frozenset(listed("embedded_whether_words")),
        verb_endings=listed("verb_endings"),
        finite_like_endings=listed("finite_like_endings"),
        not_verb_endings=listed("not_verb_endings"),
        definite_noun_endings=listed("definite_noun_endings"),
        continuous_prefix_ending=text("continuous_prefix_ending"),
        participles=frozenset(listed("participles")),
        opposites=tuple((str(a).lower(), str(b).lower()) for a, b in pairs),
        inverts_inside=flag(raw, "inverts_inside", where),
        inversion_blockers=frozenset(listed("inversion_blockers")),
        object_pronouns=frozenset(listed("object_pronouns")),
        wh_modifiers=frozenset(listed("wh_modifiers")),
        complementizer=text("complementizer"),
        comment_particles=frozenset(listed("comment_particles")),
        summary_needs_addressee=flag(raw, "summary_needs_addressee", where),
    )


@dataclass(frozen=True, eq=False)
class LangData:
    """Everything the rules know about one language (see the YAML files for meaning)."""

    code: Lang
    function_words: frozenset[str]
    fillers: re.Pattern[str]
    backchannels: frozenset[str]
    backchannel_words: frozenset[str]
    openers: tuple[tuple[str, ...], ...]  # longest first
    wh_words: frozenset[str]
    wh_prepositions: frozenset[str]
    wh_measure_words: frozenset[str]
    subjects: frozenset[str]
    subject_pronouns: frozenset[str]
    addressee: frozenset[str]
    addressee_words: frozenset[str]
    elliptic_tails: frozenset[str]
    finite_verbs: frozenset[str]
    not_verbs: frozenset[str]
    copulas: frozenset[str]
    cognition_verbs: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    invitations: tuple[re.Pattern[str], ...]
    embedded_whether: tuple[re.Pattern[str], ...]
    tags: tuple[re.Pattern[str], ...]
    leading: tuple[tuple[str, re.Pattern[str]], ...]
    checks: tuple[re.Pattern[str], ...]
    or_word: str
    been: str  # the copula's perfect participle: «har du *vært* …» reads as «*var* du …»
    was: str
    phrase_repeat: re.Pattern[str]  # a restarted phrase, maybe marked («altså», "I mean")
    or_extenders: tuple[str, ...]
    which_words: frozenset[str]
    stopwords: frozenset[str]
    experience_words: frozenset[str]
    why: tuple[re.Pattern[str], ...]
    explain_closed_yesno: str
    explain_closed_choice: str
    explain_leading: Mapping[str, str]
    explain_double: str
    explain_why: str
    rewrite: Mapping[str, Any]
    abbreviations: tuple[tuple[re.Pattern[str], str], ...]
    interjections: tuple[tuple[str, ...], ...]
    repair_markers: tuple[tuple[str, ...], ...]
    continuers: tuple[re.Pattern[str], ...]
    insitu_wh: tuple[re.Pattern[str], ...]
    self_talk: tuple[re.Pattern[str], ...]
    declarative_lead: tuple[re.Pattern[str], ...]
    soft_tags: tuple[re.Pattern[str], ...]
    fact_words: frozenset[str]
    meta_words: frozenset[str]
    topic_openers: tuple[re.Pattern[str], ...]
    non_verb_starts: frozenset[str]
    contractions: re.Pattern[str] | None
    contraction_map: Mapping[str, str]
    grammar: Grammar
    closing_checks: tuple[re.Pattern[str], ...]
    bare_tags: tuple[re.Pattern[str], ...]


def _one_word(raw: Mapping[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"'{key}' must be a word", where=where)
    return value.strip().lower()


def _phrase_repeat(markers: frozenset[str]) -> re.Pattern[str]:
    """«hvorfor hun, altså, hvorfor hun …»: a phrase of up to three words said again,
    maybe with a restart marker between (the marker words come from the language data)."""
    listed = "|".join(re.escape(m) for m in sorted(markers, key=lambda m: (-len(m), m)))
    marker = rf"(?:(?:{listed}),? )?" if listed else ""
    return re.compile(
        rf"(?<![\w-])((?:[\w'-]+ ){{1,2}}[\w'-]+),? {marker}\1(?![\w-])", re.IGNORECASE
    )


def _patterns(raw: Any, key: str, where: str) -> tuple[re.Pattern[str], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ConfigError(f"'{key}' must be a list of regular expressions", where=where)
    try:
        return tuple(re.compile(str(p)) for p in raw)
    except re.error as exc:
        raise ConfigError(f"bad regular expression in '{key}': {exc}", where=where) from None


def _phrases(raw: Mapping[str, Any], key: str) -> tuple[tuple[str, ...], ...]:
    """Multi-word phrases as token tuples, longest first (so «nei vent» beats «nei»)."""
    phrases = {tuple(str(p).lower().split()) for p in raw.get(key, []) if str(p).strip()}
    return tuple(sorted(phrases, key=len, reverse=True))


def _phrase_alternation(phrases: list[str]) -> str:
    ordered = sorted({p.strip().lower() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(re.escape(p) for p in ordered)


def _fillers(raw: Mapping[str, Any]) -> re.Pattern[str]:
    """Fillers go with a following comma; elongated hesitations («ehhh», «hmmm») too."""
    fillers = [str(f) for f in raw.get("fillers", [])]
    return re.compile(
        r"(?<![\w-])(?:" + _phrase_alternation(fillers) + r"|e+h+m*|ø+h+m*|h+m+|u+h+m*|u+m+)"
        r"(?![\w-])\s*,?",
        re.IGNORECASE,
    )


def _leading(raw: Mapping[str, Any], where: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The leading-question patterns by kind; every kind must be able to say why it flagged."""
    leading: list[tuple[str, re.Pattern[str]]] = []
    for kind, pats in (raw.get("leading_patterns") or {}).items():
        leading.extend((str(kind), p) for p in _patterns(pats, f"leading_patterns.{kind}", where))
    explain = raw.get("explain") or {}
    explained = set((explain.get("leading") or {}).keys())
    unexplained = sorted({kind for kind, _ in leading} - explained)
    if unexplained:
        raise ConfigError(
            f"explain.leading has no sentence for: {', '.join(unexplained)}", where=where
        )
    return tuple(leading)


def _abbreviations(raw: Mapping[str, Any]) -> tuple[tuple[re.Pattern[str], str], ...]:
    """An abbreviation's dot before a capital letter also ends the sentence («… osv. Hva …»)."""
    return tuple(
        (
            re.compile(r"(?<!\w)" + re.escape(str(k)) + r"(?!\s+(?-i:[A-ZÆØÅ]))", re.IGNORECASE),
            str(v),
        )
        for k, v in (raw.get("abbreviations") or {}).items()
    )


def _contractions(raw: Mapping[str, Any]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    contraction_map = {str(k).lower(): str(v) for k, v in (raw.get("contractions") or {}).items()}
    contractions = (
        re.compile(
            r"(?<![\w'])(" + _phrase_alternation(list(contraction_map)) + r")(?![\w'])", re.I
        )
        if contraction_map
        else None
    )
    return contractions, contraction_map


@cache
def load(code: Lang) -> LangData:
    """Load and compile one language's data (cached for the life of the process)."""
    raw, where = read_language_file(code, "analysis")  # the language layer's one validator
    filler_re = _fillers(raw)
    backchannels = [str(b).lower() for b in raw.get("backchannels", [])]
    leading = _leading(raw, where)
    explain = raw.get("explain") or {}
    abbreviations = _abbreviations(raw)
    contractions, contraction_map = _contractions(raw)
    return LangData(
        code=code,
        function_words=word_set(raw, "function_words", where),
        fillers=filler_re,
        backchannels=frozenset(backchannels),
        backchannel_words=frozenset(w for b in backchannels for w in b.split()),
        openers=_phrases(raw, "openers"),
        wh_words=word_set(raw, "wh_words", where),
        wh_prepositions=word_set(raw, "wh_prepositions", where),
        wh_measure_words=word_set(raw, "wh_measure_words", where),
        subjects=word_set(raw, "subjects", where),
        subject_pronouns=word_set(raw, "subject_pronouns", where),
        addressee=word_set(raw, "addressee", where),
        addressee_words=word_set(raw, "addressee_words", where),
        elliptic_tails=word_set(raw, "elliptic_tails", where),
        finite_verbs=word_set(raw, "finite_verbs", where),
        not_verbs=word_set(raw, "not_verbs", where) if "not_verbs" in raw else frozenset(),
        copulas=word_set(raw, "copulas", where),
        cognition_verbs=word_set(raw, "cognition_verbs", where),
        perfect_auxiliaries=word_set(raw, "perfect_auxiliaries", where),
        invitations=_patterns(raw.get("invitation_patterns"), "invitation_patterns", where),
        embedded_whether=_patterns(
            raw.get("embedded_whether_patterns"), "embedded_whether_patterns", where
        ),
        tags=_patterns(raw.get("tag_patterns"), "tag_patterns", where),
        leading=tuple(leading),
        checks=_patterns(raw.get("check_patterns"), "check_patterns", where),
        or_word=_one_word(raw, "or_word", where),
        been=_one_word(raw, "copula_participle", where),
        was=_one_word(raw, "copula_past", where),
        phrase_repeat=_phrase_repeat(word_set(raw, "restart_markers", where)),
        or_extenders=tuple(str(e).lower() for e in raw.get("or_extenders", [])),
        which_words=word_set(raw, "which_words", where),
        stopwords=word_set(raw, "stopwords", where),
        experience_words=word_set(raw, "experience_words", where),
        why=_patterns(raw.get("why_patterns"), "why_patterns", where),
        explain_closed_yesno=str(explain.get("closed_yesno", "")),
        explain_closed_choice=str(explain.get("closed_choice", "")),
        explain_leading=MappingProxyType(dict(explain.get("leading") or {})),
        explain_double=str(explain.get("double", "")),
        explain_why=str(explain.get("why", "")),
        rewrite=frozen(raw.get("rewrite") or {}),
        abbreviations=abbreviations,
        interjections=_phrases(raw, "interjections"),
        repair_markers=_phrases(raw, "repair_markers"),
        continuers=_patterns(raw.get("continuer_patterns"), "continuer_patterns", where),
        insitu_wh=_patterns(raw.get("insitu_wh_patterns"), "insitu_wh_patterns", where),
        self_talk=_patterns(raw.get("self_talk_patterns"), "self_talk_patterns", where),
        declarative_lead=_patterns(
            raw.get("declarative_lead_patterns"), "declarative_lead_patterns", where
        ),
        soft_tags=_patterns(raw.get("soft_tag_patterns"), "soft_tag_patterns", where),
        fact_words=word_set(raw, "fact_words", where),
        meta_words=word_set(raw, "meta_words", where),
        topic_openers=_patterns(raw.get("topic_opener_patterns"), "topic_opener_patterns", where),
        non_verb_starts=word_set(raw, "non_verb_starts", where),
        contractions=contractions,
        contraction_map=MappingProxyType(contraction_map),
        grammar=_grammar(raw.get("grammar"), where),
        closing_checks=_patterns(
            raw.get("closing_check_patterns"), "closing_check_patterns", where
        ),
        bare_tags=_patterns(raw.get("bare_tag_patterns"), "bare_tag_patterns", where),
    )
