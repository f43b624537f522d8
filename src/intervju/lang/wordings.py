"""What the product says to people (report labels, verdict lines, pseudonyms), from
``data/lang/<code>/wordings.yaml``: one mapping of key → wording per section."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from ..errors import ConfigError
from .lexicon import Lang, read_language_file


@cache
def _sections(code: Lang) -> Mapping[str, Mapping[str, str]]:
    raw, where = read_language_file(code, "wordings")
    out: dict[str, Mapping[str, str]] = {}
    for section, value in raw.items():
        if section == "language":
            continue
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise ConfigError(f"'{section}' must map keys to wordings", where=where)
        out[str(section)] = MappingProxyType({str(k): v for k, v in value.items()})
    return MappingProxyType(out)


def wordings(code: Lang, section: str) -> Mapping[str, str]:
    """One section of a language's wordings (cached for the life of the process)."""
    sections = _sections(code)
    if section not in sections:
        raise ConfigError(f"no wordings named '{section}'", where=f"wordings.{code}")
    return sections[section]
