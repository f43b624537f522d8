"""One language's word lists, loaded once from ``data/lang/<code>/lexicon.yaml``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType
from typing import Any, Literal

from ..errors import ConfigError
from ..paths import LANG_DATA
from . import _yaml

Lang = Literal["nb", "en"]
LANGUAGES: tuple[Lang, ...] = ("nb", "en")  # the one declaration; the first is the default


def as_lang(code: str | None) -> Lang:
    """``code`` when it names a supported language, else the default (nb).

    For codes already resolved once («no» and "nn" read as Norwegian); what a user typed
    goes through :func:`intervju.lang.resolve_language`, which refuses an unknown code.
    """
    for lang in LANGUAGES:
        if code == lang:
            return lang
    return LANGUAGES[0]


@dataclass(frozen=True)
class ContextualForm:
    """A word that means something else between certain neighbours («ka e det» → er)."""

    word: str
    becomes: str
    after: frozenset[str]  # the word before; contains "" when the sentence may start here
    before: frozenset[str]


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The named word lists of one language (see the YAML file for what each means)."""

    code: Lang
    fillers: frozenset[str]
    filler_shape: re.Pattern[str]
    leading_interjections: frozenset[str]
    spoken_forms: Mapping[str, str]
    contextual_forms: tuple[ContextualForm, ...]
    question_words: frozenset[str]
    pronouns: frozenset[str]
    language_markers: frozenset[str]
    marker_suffixes: tuple[str, ...]
    marker_letters: str
    stop_words: frozenset[str]
    _extra: Mapping[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def set(self, name: str) -> frozenset[str]:
        """A named word list by name, for lists the typed fields do not cover."""
        if hasattr(self, name) and isinstance(getattr(self, name), frozenset):
            value: frozenset[str] = getattr(self, name)
            return value
        if name not in self._extra:
            raise ConfigError(f"no word list named '{name}'", where=f"lexicon.{self.code}")
        return self._extra[name]

    def is_filler(self, word: str) -> bool:
        w = word.lower()
        return w in self.fillers or bool(self.filler_shape.fullmatch(w))


def read_language_file(code: Lang, name: str) -> tuple[Mapping[str, Any], str]:
    """One language's ``data/lang/<code>/<name>.yaml`` as a mapping, and its path for errors."""
    if code not in LANGUAGES:
        raise ConfigError(f"unsupported language {code!r} (use nb or en)", where=name)
    path = LANG_DATA / code / f"{name}.yaml"
    return _yaml.read_mapping(path), str(path)


_TYPED = {
    "language", "fillers", "filler_shapes", "leading_interjections", "spoken_forms",
    "contextual_forms", "question_words", "pronouns", "language_markers", "marker_suffixes",
    "marker_letters", "stop_words",
}  # fmt: skip


@cache
def lexicon(code: Lang) -> Lexicon:
    """Load and validate one language's lexicon (cached for the life of the process)."""
    raw, where = read_language_file(code, "lexicon")
    shapes = [p.pattern for p in _yaml.patterns(raw, "filler_shapes", where)]
    sets = {k: _yaml.word_set(raw, k, where) for k in raw if k not in _TYPED}
    contextual = tuple(
        ContextualForm(
            word=r["word"].lower(),
            becomes=r["becomes"],
            after=frozenset({""})
            if r["after"] == "sentence_start"
            else _yaml.word_set(raw, r["after"], where),
            before=_yaml.word_set(raw, r["before"], where),
        )
        for r in _yaml.records(
            raw, "contextual_forms", where, ("word", "becomes", "after", "before")
        )
    )
    return Lexicon(
        code=code,
        fillers=_yaml.word_set(raw, "fillers", where),
        filler_shape=re.compile("|".join(f"(?:{s})" for s in shapes) or r"(?!)", re.IGNORECASE),
        leading_interjections=_yaml.word_set(raw, "leading_interjections", where),
        spoken_forms=_yaml.word_map(raw, "spoken_forms", where),
        contextual_forms=contextual,
        question_words=_yaml.word_set(raw, "question_words", where),
        pronouns=_yaml.word_set(raw, "pronouns", where),
        language_markers=_yaml.word_set(raw, "language_markers", where),
        marker_suffixes=_yaml.word_list(raw, "marker_suffixes", where),
        marker_letters=str(raw.get("marker_letters") or ""),
        stop_words=_yaml.word_set(raw, "stop_words", where),
        _extra=MappingProxyType(sets),
    )
