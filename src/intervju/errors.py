"""Every error a user can see, defined in one place.

Core code raises these; the CLI and the app catch :class:`IntervjuError` and
show its one-line message. Anything else escaping is a bug, so the message
text is part of the product: it says what is wrong and where.
"""

from __future__ import annotations


class IntervjuError(Exception):
    """Base class: a problem with the user's input or settings, not a bug."""

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


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
