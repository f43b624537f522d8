"""Running the listener for the app: options → a process → a status file the page reads.

:class:`Listener` wires one session's pipeline from plain options (the CLI
and the app pass the same ones). The live page never runs it in its own
process: :func:`start_listener` launches ``intervju listen`` as a child with a
status file beside its WebVTT, :func:`read_status` says whether it is alive
and how far behind it is, and :func:`stop_listener` asks it to finish its
last turn and exit. The status file is the only channel between the two, so
a page reload finds a running listener again.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ListenError
from ..settings import atomic_write_text
from .audio import AudioSource, SoundcardSource, WavSource
from .languages import voices_for
from .models import ModelChoice, require_extra, resolve_model
from .pipeline import CueEvent, ListenSummary, run_listener
from .transcribe import Transcriber, WhisperTranscriber
from .vad import WebrtcVad
from .vttout import CueWriter

SPEEDS = ("realtime", "fast")
STALE_SECONDS = 20.0  # a listener that has not written its status for this long is gone


@dataclass(frozen=True)
class ListenOptions:
    out: Path
    model: str = "base"
    language: str = "nb"
    mic: str | None = None
    system: str | None = None  # "none": microphone only (in person)
    from_wav: Path | None = None
    speed: str = "realtime"
    status: Path | None = None
    threads: int = 0

    def argv(self) -> list[str]:
        """The same options as ``intervju listen`` arguments."""
        args = ["--out", str(self.out), "--model", self.model, "--language", self.language]
        args += ["--speed", self.speed, "--threads", str(self.threads)]
        for flag, value in (
            ("--mic", self.mic),
            ("--system", self.system),
            ("--from-wav", self.from_wav),
            ("--status", self.status),
        ):
            if value is not None:
                args += [flag, str(value)]
        return args


def write_status(path: Path, options: ListenOptions, state: str, **fields: object) -> None:
    """Replace the status file atomically (the page may read it at any moment)."""
    payload: dict[str, object] = {
        "state": state,
        "pid": os.getpid(),
        "model": options.model,
        "language": options.language,
        "out": str(options.out),
        "updated": time.time(),
    }
    payload.update(fields)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(payload, ensure_ascii=False))


def model_cache_dir() -> Path:
    """Where the joined base model is kept: ``<data dir>/models``."""
    from ..settings import default_data_dir

    return default_data_dir() / "models"


def _source(options: ListenOptions) -> AudioSource:
    if options.from_wav is not None:
        return WavSource.open(options.from_wav, realtime=options.speed == "realtime")
    with_system = (options.system or "").casefold() != "none"
    system = options.system if with_system else None
    return SoundcardSource(options.mic, system, with_system=with_system)


class Listener:
    """One session's pipeline, checked and loaded; :meth:`run` until the audio ends or stop()."""

    def __init__(
        self,
        options: ListenOptions,
        *,
        cache_dir: Path | None = None,
        transcriber: Transcriber | None = None,
    ) -> None:
        if options.speed not in SPEEDS:
            raise ListenError(
                f"unknown speed {options.speed!r}; use realtime or fast", where="--speed"
            )
        self.options = options
        self.voices = voices_for(options.language)
        if transcriber is None:
            require_extra()
        else:
            require_extra("webrtcvad")
        self.model: ModelChoice | None = None
        if transcriber is None:
            self.model = resolve_model(options.model, cache_dir or model_cache_dir())
            if self.model.english_only and self.voices.whisper != "en":
                raise ListenError(
                    f"{self.model.name} understands only English; use --model base or an "
                    "NB-Whisper folder for --language nb",
                    where="--model",
                )
        self._status("loading", cues=0)
        self.source = _source(options)
        if transcriber is None:
            assert self.model is not None
            transcriber = WhisperTranscriber(
                self.model.path, self.voices.whisper, name=self.model.name, threads=options.threads
            )
        self.transcriber = transcriber
        self.writer = CueWriter(options.out)

    def _status(self, state: str, **fields: object) -> None:
        if self.options.status is not None:
            model = self.model.name if self.model else self.options.model
            write_status(self.options.status, self.options, state, model=model, **fields)

    def fail(self, message: str) -> None:
        """Leave the error in the status file for the page to show."""
        self._status("error", error=message)

    def stop(self) -> None:
        self.source.stop()

    def run(self, on_cue: Callable[[CueEvent], None] | None = None) -> ListenSummary:
        def status(fields: dict[str, object]) -> None:
            self._status(str(fields.pop("state")), **fields)

        try:
            return run_listener(
                self.source,
                self.transcriber,
                self.writer,
                self.voices,
                vad=WebrtcVad,
                on_cue=on_cue,
                on_status=status,
            )
        finally:
            self.writer.close()


# ---------------------------------------------------------------------------
# The app's side: a child process and its status file


@dataclass(frozen=True)
class ListenerStatus:
    state: str  # starting | loading | listening | stopped | error | gone
    alive: bool
    pid: int | None
    model: str
    language: str
    out: str
    cues: int
    behind_seconds: float
    audio_seconds: float
    error: str | None


def session_paths(data_dir: Path, session_id: int) -> tuple[Path, Path]:
    """The WebVTT a session's listener writes and its status file."""
    folder = data_dir / "listen"
    return folder / f"session-{session_id}.vtt", folder / f"session-{session_id}.status.json"


_children: dict[int, subprocess.Popen[bytes]] = {}


def _running(pid: int) -> bool:
    child = _children.get(pid)
    if child is not None:
        return child.poll() is None  # also reaps it, so no zombie looks alive
    if sys.platform == "win32":
        return True  # the staleness of the status file decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_status(status: Path) -> ListenerStatus | None:
    """What the listener last wrote, and whether it still runs; None if it never started."""
    try:
        raw = json.loads(status.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    pid = raw.get("pid") if isinstance(raw.get("pid"), int) else None
    state = str(raw.get("state", "gone"))
    fresh = time.time() - float(raw.get("updated", 0)) < STALE_SECONDS
    alive = state in ("starting", "loading", "listening") and pid is not None and _running(pid)
    if state in ("starting", "loading", "listening") and not (alive and fresh):
        state, alive = "gone", False
    return ListenerStatus(
        state=state,
        alive=alive,
        pid=pid,
        model=str(raw.get("model", "")),
        language=str(raw.get("language", "")),
        out=str(raw.get("out", "")),
        cues=int(raw.get("cues", 0) or 0),
        behind_seconds=float(raw.get("behind_seconds", 0.0) or 0.0),
        audio_seconds=float(raw.get("audio_seconds", 0.0) or 0.0),
        error=str(raw["error"]) if raw.get("error") else None,
    )


def _detached() -> dict[str, Any]:
    """Its own process group, so the page's signals don't reach it and it can be asked to stop."""
    if sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def _ask_to_stop(pid: int) -> None:
    """SIGTERM (Ctrl+Break on Windows): the listener writes its last turn, then exits."""
    with contextlib.suppress(ProcessLookupError, OSError):
        if sys.platform == "win32":
            os.kill(pid, signal.CTRL_BREAK_EVENT)
        else:
            os.kill(pid, signal.SIGTERM)


def _finished(status: Path, pid: int) -> bool:
    current = read_status(status)
    return not _running(pid) or current is None or not current.alive


def start_listener(options: ListenOptions, *, log: Path | None = None) -> int:
    """Launch ``intervju listen`` in its own process; its status file must be set."""
    if options.status is None:
        raise ListenError("a background listener needs a status file")
    current = read_status(options.status)
    if current is not None and current.alive:
        raise ListenError(
            f"a listener is already running (pid {current.pid})", where=str(options.out)
        )
    options.status.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONUNBUFFERED="1")
    log_path = log or options.status.with_suffix(".log")
    with log_path.open("ab") as log_file:
        child = subprocess.Popen(
            [sys.executable, "-m", "intervju", "listen", *options.argv()],
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=log_file,
            env=env,
            **_detached(),
        )
    _children[child.pid] = child
    payload = {
        "state": "starting",
        "pid": child.pid,
        "model": options.model,
        "language": options.language,
        "out": str(options.out),
        "updated": time.time(),
    }
    atomic_write_text(options.status, json.dumps(payload))
    return child.pid


def stop_listener(status: Path, *, wait: float = 10.0) -> bool:
    """Ask the listener to write its last turn and exit; True if one was running."""
    current = read_status(status)
    if current is None or not current.alive or current.pid is None:
        return False
    _ask_to_stop(current.pid)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline and not _finished(status, current.pid):
        time.sleep(0.1)
    if not _finished(status, current.pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(current.pid, signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
    return True


__all__ = [
    "CueEvent",
    "ListenOptions",
    "Listener",
    "ListenerStatus",
    "read_status",
    "session_paths",
    "start_listener",
    "stop_listener",
]
