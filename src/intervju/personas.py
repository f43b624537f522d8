"""Practice personas and the practice language data, loaded and checked once.

Why a persona is organised by *episodes*: a practice informant is only useful if it
answers the question that was asked and rewards a follow-up with more of the same
story. So a persona file (``guide/practice/*.yaml``) holds what the person can talk
about as episodes, each with the words it is about (topics, people, feelings), a few
example questions, an opening account and further details told one at a time when the
interviewer probes. Persona facts (years in the job, the office, the client in the
story) are written once under ``facts`` and filled into every text by ``{name}``
placeholders, so no answer can contradict another.

The words that make a question a probe, the stop words and the language-model prompts
live in ``data/lang/<lang>/practice.yaml``; this module knows no words.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from .analysis._data import load as load_analysis_lang
from .errors import ConfigError, GuideError, IntervjuError
from .lang import Lang, _yaml, lexicon, resolve_language, words
from .lang.lexicon import read_language_file
from .paths import PRACTICE_DATA

PERSONA_DIR = PRACTICE_DATA

Facet = Literal["more", "example", "feeling", "meaning", "echo"]
FACETS: tuple[Facet, ...] = ("more", "example", "feeling", "meaning", "echo")
LINE_KINDS = (
    "short_yes", "short_no", "agree", "choose", "double", "why", "unclear", "nothing",
    "told_all", "again",
)  # fmt: skip


@dataclass(frozen=True)
class Detail:
    """One more thing the informant can tell about an episode when asked to go deeper."""

    facet: Facet
    text: str
    about: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Episode:
    """Something the informant lived through, and the words that lead to it."""

    id: str
    topic: int
    about: frozenset[str]  # keyword stems: what it is about, people, feelings
    asks: tuple[str, ...]  # questions it answers, for matching by meaning
    text: str  # the opening account, for an open question
    details: tuple[Detail, ...]
    short: str | None = None  # a consistent one-line answer to a closed question …
    short_about: frozenset[str] = frozenset()  # … that uses one of these words
    why: str | None = None  # a short justification for a why-question
    hooks: tuple[str, ...] = ()  # words in the text worth echoing in a follow-up
    # More one-line facts for closed and fact questions («Which hospital?»), each with the
    # words it answers: `short` first, then the episode's `answers`.
    answers: tuple[tuple[frozenset[str], str], ...] = ()
    people: frozenset[str] = frozenset()  # the people it is about, by name stems

    @property
    def gist(self) -> str:
        """The first sentence of the opening: what a half-answer says."""
        first = re.split(r"(?<=[.!?…])\s+", self.text, maxsplit=1)[0]
        return first


@dataclass(frozen=True)
class Persona:
    id: str
    language: str
    name: str
    role: str
    facts: tuple[tuple[str, str], ...]
    lines: Mapping[str, tuple[str, ...]]
    episodes: tuple[Episode, ...]
    # Stems of what the whole interview is about («lærer», «skole»): the persona's own job
    # and field, which every episode is about, so they never decide between episodes.
    theme: frozenset[str] = frozenset()

    def line(self, kind: str) -> tuple[str, ...]:
        return self.lines[kind]

    def episode(self, episode_id: str) -> Episode:
        return next(e for e in self.episodes if e.id == episode_id)


@dataclass(frozen=True)
class PracticeLang:
    """What the practice machinery needs to know about one language (see the YAML)."""

    code: Lang
    stopwords: frozenset[str]
    anaphora: frozenset[str]
    negations: frozenset[str]  # «ikke», "never": a sentence saying the question's word is not so
    probes: tuple[tuple[Facet, re.Pattern[str]], ...]
    followup_echo: str
    followup_plain: str
    feedback_open_answer: str
    llm: Mapping[str, Any]
    # Lead-ins for saying again what was said before («Som sagt,»): no reply is repeated
    # word for word within a session.
    repeat: tuple[str, ...] = ()
    # Openings that continue from something told before («Etter det», "After a while"): a
    # detail starting so is told only after its episode's opening.
    sequel: tuple[str, ...] = ()
    # Lead-in naming a specific word of the question the persona's material never uses.
    unknown_lead: str = ""
    # Words and phrases that give a reason («fordi», "because"): a why-question is answered
    # with a sentence of the persona's material that has one.
    reasons: tuple[str, ...] = ()
    # Third-person pronouns: a detail that opens with one refers back to someone its
    # episode's opening introduced, so it is not told before the opening.
    pronouns: frozenset[str] = frozenset()
    # Questions asking for a fact («how long», «hvilken skole»): answered with the episode's
    # one-line fact when one fits, not with the whole story.
    fact_questions: tuple[re.Pattern[str], ...] = ()
    # Parts of a question that set a subject aside or only date it («Før vi går inn på
    # pandemien –», "before the pandemic"): their words choose no episode.
    set_aside: tuple[re.Pattern[str], ...] = ()
    # Endings stripped from a word before it is named as unknown ("government's").
    clitics: tuple[str, ...] = ()
    # Articles said with the unknown word when the question has one ("the heatwave").
    articles: frozenset[str] = frozenset()
    # Yes/no questions that invite a story («Is there anything you'd like to add?»).
    invitations: tuple[re.Pattern[str], ...] = ()
    # Words that mean much the same in a question («demanding», «hard», «tough»): a question
    # with one is matched as if it said the others too, so a near word is no brush-off.
    synonyms: tuple[frozenset[str], ...] = ()
    # Questions pointing back at something the informant told («the doctor you mentioned»),
    # with the thing in the first group; when nothing of the kind was said, the informant
    # asks which one (`unmentioned`, ``{word}`` the thing as asked) instead of answering.
    recalls: tuple[re.Pattern[str], ...] = ()
    unmentioned: tuple[str, ...] = ()
    # Yes/no questions that say back what the informant told («So you mostly work nights,
    # then?»): an echo, answered with the yes and a detail more, not a bare «Yes.».
    confirmations: tuple[re.Pattern[str], ...] = ()


def lang_code(language: str) -> Lang:
    """A persona's language as the language layer names it (unknown codes read as English)."""
    try:
        return resolve_language(language)
    except IntervjuError:
        return "en"


def tokens(text: str) -> list[str]:
    """Lower-cased words, by the product's one tokeniser."""
    return [w.lower() for w in words(text)]


@cache
def practice_lang(code: Lang) -> PracticeLang:
    """Load one language's practice data (cached); a broken file is a one-line ConfigError."""
    raw, where = read_language_file(code, "practice")
    probes_raw = raw.get("probes")
    llm = raw.get("llm")
    if not isinstance(probes_raw, dict) or not isinstance(llm, dict):
        raise ConfigError("'probes' and 'llm' must be mappings", where=where)
    missing = {"persona", "focus", "style", "rewrite", "rewrite_problem"} - set(llm)
    if missing:
        raise ConfigError(f"llm needs {', '.join(sorted(missing))}", where=where)
    probes = tuple(
        (_facet(facet, where), pattern)
        for facet in probes_raw
        for pattern in _yaml.patterns(probes_raw, facet, where)
    )
    base = load_analysis_lang(code)
    texts = {}
    for key in ("followup_echo", "followup_plain", "feedback_open_answer"):
        if not isinstance(raw.get(key), str):
            raise ConfigError(f"'{key}' must be a text", where=where)
        texts[key] = str(raw[key])
    return PracticeLang(
        code=code,
        stopwords=_yaml.word_set(raw, "stopwords", where)
        | lexicon(code).stop_words
        | base.stopwords
        | base.function_words,
        anaphora=_yaml.word_set(raw, "anaphora", where),
        negations=_yaml.word_set(raw, "negations", where),
        probes=probes,
        llm=_yaml.frozen(llm),
        repeat=_texts_of(raw, "repeat", where),
        sequel=tuple(w.lower() for w in _texts_of(raw, "sequel", where)),
        unknown_lead=str(raw.get("unknown_lead", "")),
        reasons=tuple(r.lower() for r in _texts_of(raw, "reasons", where)),
        pronouns=_yaml.word_set(raw, "pronouns", where),
        fact_questions=_yaml.patterns(raw, "fact_questions", where),
        set_aside=_yaml.patterns(raw, "set_aside", where),
        clitics=tuple(c.lower() for c in _texts_of(raw, "clitics", where)),
        articles=_yaml.word_set(raw, "articles", where),
        invitations=_yaml.patterns(raw, "invitations", where),
        synonyms=_groups(raw, "synonyms", where),
        recalls=_yaml.patterns(raw, "recalls", where),
        unmentioned=_texts_of(raw, "unmentioned", where),
        confirmations=_yaml.patterns(raw, "confirmations", where),
        **texts,
    )


def _groups(raw: Mapping[str, Any], key: str, where: str) -> tuple[frozenset[str], ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(
        isinstance(g, list) and all(isinstance(w, str) and w for w in g) for g in value
    ):
        raise ConfigError(f"'{key}' must be a list of word lists", where=where)
    return tuple(frozenset(w.lower() for w in g) for g in value)


def _texts_of(raw: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"'{key}' must be a list of texts", where=where)
    return tuple(value)


def _facet(value: object, where: str) -> Facet:
    for facet in FACETS:
        if value == facet:
            return facet
    raise GuideError(f"unknown detail facet {value!r} (use {', '.join(FACETS)})", where=where)


# ---------------------------------------------------------------------------
# Personas


def bundled_personas() -> dict[str, Path]:
    if not PERSONA_DIR.is_dir():
        return {}
    return {path.name.split(".")[0]: path for path in sorted(PERSONA_DIR.glob("*.yaml"))}


def load_persona(name_or_path: str | Path) -> Persona:
    """Load a persona by bundled name (``nav-veileder``) or file path."""
    path = bundled_personas().get(str(name_or_path)) or Path(name_or_path)
    where = str(path)
    raw = _yaml.read_mapping(path, what="persona", error=GuideError)  # the one YAML validator
    try:
        return _persona(raw, where)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise GuideError(f"persona is missing or has a bad field ({exc})", where=where) from None


def _filler(facts: Mapping[str, str], where: str) -> Any:
    """A function that fills ``{fact}`` placeholders and rejects unknown ones."""
    formatter = string.Formatter()

    def fill(text: object) -> str:
        flat = " ".join(str(text).split())
        for _, field_name, _, _ in formatter.parse(flat):
            if field_name is not None and field_name not in facts:
                raise GuideError(f"unknown fact {{{field_name}}} in «{flat[:40]}…»", where=where)
        return flat.format_map(facts)

    return fill


def _persona(raw: Mapping[str, Any], where: str) -> Persona:
    facts = {str(k): " ".join(str(v).split()) for k, v in (raw.get("facts") or {}).items()}
    fill = _filler(facts, where)
    lines = {kind: tuple(fill(item) for item in raw["lines"][kind]) for kind in LINE_KINDS}
    empty = [kind for kind, items in lines.items() if not items]
    if empty:
        raise GuideError(f"persona lines are empty: {', '.join(empty)}", where=where)
    episodes = tuple(_episode(item, fill, where) for item in raw["episodes"])
    if not episodes:
        raise GuideError("a persona needs episodes", where=where)
    ids = [e.id for e in episodes]
    if len(set(ids)) != len(ids):
        raise GuideError("episode ids must be unique", where=where)
    return Persona(
        id=str(raw["id"]),
        language=str(raw["language"]),
        name=fill(raw["name"]),
        role=fill(raw["role"]),
        facts=tuple(facts.items()),
        lines=MappingProxyType(lines),
        episodes=episodes,
        theme=_stems(raw, "theme", where),
    )


def _stems(raw: Mapping[str, Any], key: str, where: str) -> frozenset[str]:
    """The words under ``key``, stripped; a plain text is one word."""
    found = _yaml.word_set(raw, key, where, one_word=True, error=GuideError)
    return frozenset(w.strip() for w in found if w.strip())


def _episode(item: dict[str, Any], fill: Any, where: str) -> Episode:
    about = _stems(item, "about", where) | _stems(item, "people", where)
    about |= _stems(item, "feelings", where)
    details = tuple(
        Detail(
            facet=_facet(d.get("facet", "more"), where),
            text=fill(d["text"]),
            about=_stems(d, "about", where),
        )
        for d in item.get("details") or []
    )
    if not about or not details:
        raise GuideError(f"episode {item.get('id')!r} needs `about` words and details", where=where)
    return Episode(
        id=str(item["id"]),
        topic=int(item.get("topic", 0)),
        about=about,
        asks=tuple(fill(q) for q in item.get("asks") or []),
        text=fill(item["text"]),
        details=details,
        short=fill(item["short"]) if item.get("short") else None,
        short_about=_stems(item, "short_about", where),
        why=fill(item["why"]) if item.get("why") else None,
        hooks=tuple(str(h) for h in item.get("hooks") or []),
        answers=_answers(item, fill, where),
        people=_stems(item, "people", where),
    )


def _answers(item: dict[str, Any], fill: Any, where: str) -> tuple[tuple[frozenset[str], str], ...]:
    """The episode's one-line facts: `short` with `short_about`, then each of `answers`."""
    found = [(_stems(item, "short_about", where), fill(item["short"]))] if item.get("short") else []
    found += [(_stems(a, "about", where), fill(a["text"])) for a in item.get("answers") or []]
    return tuple((about, text[:1].upper() + text[1:]) for about, text in found)
