"""The one YAML reader and validator for language data, guides' word lists and prompts.

Every data file the product ships or a user edits is read here, so that a broken file
always fails the same way: one :class:`~intervju.errors.ConfigError` naming the file (and
the line, when the YAML parser knows it) and the key, never a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from ..errors import ConfigError, IntervjuError


class _StrictLoader(yaml.SafeLoader):
    """Safe YAML that refuses a key given twice (the second would silently win), and reads
    booleans as YAML 1.2 does: only true and false. YAML 1.1 also reads yes, no, on, off, y
    and n as booleans, so the English words "no" and "on" (and the dialect «no» for «nå»)
    silently became true or false in word lists."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} appears twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def read_mapping(
    path: Path, *, what: str = "language data", error: type[IntervjuError] = ConfigError
) -> Mapping[str, Any]:
    """A YAML file whose top level is a mapping; failures raise ``error`` naming ``what``."""
    where = str(path)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
    except OSError as exc:
        raise error(f"cannot read {what} ({exc.strerror})", where=where) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            where = f"{where}:{mark.line + 1}"
        raise error(f"invalid YAML ({getattr(exc, 'problem', exc)})", where=where) from None
    if not isinstance(raw, dict):
        raise error(f"{what} must be a mapping", where=where)
    return raw


def word_set(
    raw: Mapping[str, Any],
    key: str,
    where: str,
    *,
    one_word: bool = False,
    error: type[IntervjuError] = ConfigError,
) -> frozenset[str]:
    """A list of words, lower-cased; missing means empty. With ``one_word`` a plain text is
    one word (a persona's ``about: skole``), never the set of its letters."""
    value = raw.get(key, [])
    if value is None:
        return frozenset()
    if one_word and isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise error(f"'{key}' must be a list", where=where)
    return frozenset(str(v).lower() for v in value)


def word_list(raw: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    """A list of words or endings, lower-cased, in the order given (order may matter)."""
    value = raw.get(key, [])
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ConfigError(f"'{key}' must be a list", where=where)
    return tuple(str(v).lower() for v in value)


def pattern_list(raw: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    """Regular-expression fragments as written (never lower-cased: ``\\S`` is not ``\\s``),
    in the order given; each must compile on its own."""
    value = raw.get(key, [])
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ConfigError(f"'{key}' must be a list of regular expressions", where=where)
    parts = tuple(str(v) for v in value)
    patterns({key: list(parts)}, key, where)
    return parts


def alternation(items: Iterable[str], *, escape: bool = True) -> str:
    """``a|b|c``, longest first so a longer alternative wins at a position (stable across
    runs); literal words are escaped, regex fragments (``escape=False``) are not. Nothing
    gives a pattern that never matches, not one that matches everywhere."""
    unique = sorted(set(items), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) if escape else w for w in unique) or r"(?!)"


def flag(raw: Mapping[str, Any], key: str, where: str) -> bool:
    """A true/false setting; missing means false. Anything else is an error, because the
    strict loader keeps yes/no/on/off as strings and ``bool("no")`` would be true."""
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise ConfigError(f"'{key}' must be true or false", where=where)
    return value


def word_map(raw: Mapping[str, Any], key: str, where: str) -> Mapping[str, str]:
    """A mapping of words to words (spoken form → written form)."""
    value = raw.get(key) or {}
    if not isinstance(value, dict):
        raise ConfigError(f"'{key}' must be a mapping", where=where)
    return MappingProxyType({str(k).lower(): str(v) for k, v in value.items()})


def frozen(value: Any) -> Any:
    """``value`` with every mapping read-only and every list a tuple, all the way down: what a
    cached loader hands out is shared by every caller, so none of them may change it."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: frozen(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(frozen(v) for v in value)
    if isinstance(value, set):
        return frozenset(value)
    return value


def patterns(raw: Mapping[str, Any], key: str, where: str) -> tuple[re.Pattern[str], ...]:
    """A list of regular expressions, compiled once."""
    value = raw.get(key)
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ConfigError(f"'{key}' must be a list of regular expressions", where=where)
    try:
        return tuple(re.compile(str(p), re.IGNORECASE) for p in value)
    except re.error as exc:
        raise ConfigError(f"bad regular expression in '{key}': {exc}", where=where) from None


def records(
    raw: Mapping[str, Any], key: str, where: str, fields: tuple[str, ...]
) -> list[dict[str, str]]:
    """A list of small mappings that must each have ``fields``."""
    value = raw.get(key) or []
    if not isinstance(value, list):
        raise ConfigError(f"'{key}' must be a list", where=where)
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, dict) or any(f not in item for f in fields):
            raise ConfigError(f"'{key}' item {i + 1} needs {', '.join(fields)}", where=where)
        out.append({str(k): str(v) for k, v in item.items()})
    return out


def compose(
    text: str, *, source: str, error: type[IntervjuError] = ConfigError
) -> yaml.Node | None:
    """The YAML node tree of ``text`` (``None`` when it holds nothing but comments).

    For files validated node by node so that every message names the line to fix (guides,
    probe banks). A parse failure raises ``error`` naming ``source`` and the line.
    """
    try:
        return yaml.compose(text, Loader=_StrictLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        where = f"{source}, line {line}" if line else source
        raise error(f"invalid YAML: {exc.problem}", where=where) from None
    except yaml.YAMLError as exc:
        raise error(f"invalid YAML: {exc}", where=source) from None
