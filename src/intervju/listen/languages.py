"""Which languages the listener accepts and which speaker names it writes (data/listen.yaml)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from ..errors import ListenError
from ..lang._yaml import read_mapping


@dataclass(frozen=True)
class Voices:
    """The WebVTT voice names for one session language, and Whisper's code for it."""

    language: str
    whisper: str
    interviewer: str
    informant: str
    speakers: tuple[str, str]


@cache
def _table() -> Mapping[str, Voices]:
    path = Path(str(resources.files("intervju").joinpath("data/listen.yaml")))
    raw = read_mapping(path, what="listener languages", error=ListenError)["languages"]
    return MappingProxyType(
        {
            code: Voices(
                language=code,
                whisper=str(entry["whisper"]),
                interviewer=str(entry["interviewer"]),
                informant=str(entry["informant"]),
                speakers=(str(entry["speakers"][0]), str(entry["speakers"][1])),
            )
            for code, entry in raw.items()
        }
    )


def languages() -> tuple[str, ...]:
    return tuple(_table())


def voices_for(language: str) -> Voices:
    """The voices of ``language``; an unknown code is a one-line error naming the choices."""
    table = _table()
    if language not in table:
        raise ListenError(
            f"unsupported language {language!r}; choose one of: {', '.join(table)}",
            where="--language",
        )
    return table[language]
