"""Every error a user can see, defined in one place.

Core code raises these; the CLI and the app catch :class:`IntervjuError` and
show its one-line message. Anything else escaping is a bug, so the message
text is part of the product: it says what is wrong and where.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from .paths import LANG_DATA as _MESSAGES


class IntervjuError(Exception):
    """Base class: a problem with the user's input or settings, not a bug.

    ``code`` names a message in ``data/lang/<code>/errors.yaml`` so a front end can
    show it in the user's language (:meth:`localised`); ``params`` fill it in.
    Without a code, or without a wording for the language, the English ``message``
    is shown.
    """

    def __init__(
        self,
        message: str,
        *,
        where: str | None = None,
        code: str | None = None,
        params: dict[str, object] | None = None,
    ) -> None:
        self.message = message
        self.where = where
        self.code = code
        self.params = dict(params or {})
        super().__init__(f"{where}: {message}" if where else message)

    def localised(self, language: str) -> str:
        """The one-line message in ``language`` (nb or en), with the place when known."""
        wording = _wordings(language).get(self.code or "") if self.code else None
        if wording is None:
            return str(self)
        try:
            text = wording.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return str(self)
        return text


@cache
def _wordings(language: str) -> Mapping[str, str]:
    """Error wordings for one language (empty when the file or language is missing)."""
    import yaml  # loaded only when an error is shown

    path = _MESSAGES / language / "errors.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return MappingProxyType({})
    words = {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
    return MappingProxyType(words)


class GuideError(IntervjuError):
    """An interview guide file is missing, unreadable or invalid."""


class TranscriptError(IntervjuError):
    """A transcript file is empty, binary, malformed or of an unknown format."""


class ConfigError(IntervjuError):
    """A setting (embedding backend, data folder, LLM) cannot be used."""


class StorageError(IntervjuError):
    """The local session database cannot be read or written."""


class ListenError(IntervjuError):
    """Live transcription cannot start: no audio device, a model folder, a language, the extra."""
