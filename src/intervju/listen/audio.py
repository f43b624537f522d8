"""Where audio comes from: a sound card (two devices) or a WAV file, behind one interface.

Everything downstream sees :class:`Block` values: float32 samples at 16 kHz,
column 0 the microphone (interviewer), column 1 the system audio (informant)
when there are two channels. ``wall`` is the monotonic clock when the block
became available, so latency can be measured from the moment speech ended.
:class:`WavSource` is both the ``--from-wav`` input and the fake that tests
and the bench use instead of a sound card.
"""

from __future__ import annotations

import queue
import threading
import time
import wave
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from ..errors import ListenError

SAMPLE_RATE = 16_000
BLOCK_SECONDS = 0.09  # three 30 ms VAD frames: small, so a turn end is seen quickly

Samples = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Block:
    """Aligned samples of every channel, shape (n, channels), from ``start`` seconds on."""

    start: float
    samples: Samples
    wall: float

    @property
    def end(self) -> float:
        return self.start + len(self.samples) / SAMPLE_RATE


class AudioSource(Protocol):
    """A stream of blocks until the input ends or :meth:`stop` is called."""

    @property
    def channels(self) -> int: ...

    def blocks(self) -> Iterator[Block]: ...

    def stop(self) -> None: ...


def resample(samples: Samples, rate: int) -> Samples:
    """Linear resampling to 16 kHz, per channel (speech energy sits well below 8 kHz)."""
    if rate == SAMPLE_RATE or len(samples) == 0:
        return samples
    count = round(len(samples) * SAMPLE_RATE / rate)
    old = np.arange(len(samples)) / rate
    new = np.arange(count) / SAMPLE_RATE
    columns = [np.interp(new, old, samples[:, c]) for c in range(samples.shape[1])]
    return np.stack(columns, axis=1).astype(np.float32)


def read_wav(path: Path) -> Samples:
    """A PCM WAV file as float32 (n, channels) at 16 kHz; one or two channels."""
    try:
        with wave.open(str(path), "rb") as wav:
            width, channels, rate = wav.getsampwidth(), wav.getnchannels(), wav.getframerate()
            raw = wav.readframes(wav.getnframes())
    except FileNotFoundError:
        raise ListenError("file not found", where=str(path)) from None
    except (wave.Error, EOFError, OSError) as exc:
        raise ListenError(f"not a PCM WAV file ({exc})", where=str(path)) from None
    if channels not in (1, 2):
        raise ListenError(
            f"{channels} channels; expected mono or stereo (left = mic, right = system)",
            where=str(path),
        )
    kinds = {1: (np.uint8, 128.0, 128.0), 2: (np.int16, 0.0, 32768.0), 4: (np.int32, 0.0, 2**31)}
    if width not in kinds:
        raise ListenError(f"{8 * width}-bit samples are not supported", where=str(path))
    dtype, offset, scale = kinds[width]
    data = (np.frombuffer(raw, dtype=dtype).astype(np.float32) - offset) / scale
    return resample(data.reshape(-1, channels).astype(np.float32), rate)


class WavSource:
    """A recording played through the pipeline, paced in real time or as fast as possible."""

    def __init__(self, samples: Samples, *, realtime: bool) -> None:
        self._samples = samples
        self._realtime = realtime
        self._stopped = threading.Event()

    @classmethod
    def open(cls, path: Path, *, realtime: bool) -> WavSource:
        return cls(read_wav(path), realtime=realtime)

    @property
    def channels(self) -> int:
        return int(self._samples.shape[1])

    @property
    def duration(self) -> float:
        return len(self._samples) / SAMPLE_RATE

    def stop(self) -> None:
        self._stopped.set()

    def blocks(self) -> Iterator[Block]:
        step = round(BLOCK_SECONDS * SAMPLE_RATE)
        began = time.monotonic()
        for first in range(0, len(self._samples), step):
            if self._stopped.is_set():
                return
            chunk = self._samples[first : first + step]
            start = first / SAMPLE_RATE
            if self._realtime:  # the block is "recorded" once its last sample is due
                delay = began + start + len(chunk) / SAMPLE_RATE - time.monotonic()
                if delay > 0:
                    self._stopped.wait(delay)
            yield Block(start=start, samples=chunk, wall=time.monotonic())


# ---------------------------------------------------------------------------
# Sound card capture (the ``soundcard`` package from the listen extra)


def _soundcard() -> Any:
    try:
        import soundcard
    except ModuleNotFoundError:
        raise ListenError(
            "the listen extra is not installed (soundcard missing): pip install 'intervju[listen]'"
        ) from None
    except Exception as exc:  # soundcard talks to the sound server at import
        raise ListenError(
            f"no audio device: the sound system (WASAPI, CoreAudio, PulseAudio/PipeWire) "
            f"cannot be reached ({type(exc).__name__}: {exc})"
        ) from None
    return soundcard


def list_devices() -> dict[str, list[dict[str, object]]]:
    """Microphones and loopback (system audio) sources, for ``--mic`` / ``--system``."""
    sc = _soundcard()
    try:
        default = sc.default_microphone()
        mics = sc.all_microphones(include_loopback=True)
    except Exception as exc:
        raise ListenError(f"no audio device: {exc}") from None
    rows: dict[str, list[dict[str, object]]] = {"microphones": [], "system": []}
    for mic in mics:
        kind = "system" if getattr(mic, "isloopback", False) else "microphones"
        rows[kind].append(
            {"id": str(mic.id), "name": str(mic.name), "default": mic.name == default.name}
        )
    return rows


def _find(sc: Any, wanted: str | None, *, loopback: bool) -> Any:
    try:
        if wanted is None and not loopback:
            return sc.default_microphone()
        if wanted is None:
            return sc.get_microphone(str(sc.default_speaker().name), include_loopback=True)
        return sc.get_microphone(wanted, include_loopback=loopback)
    except Exception as exc:
        kind = "--system" if loopback else "--mic"
        shown = wanted or "the default device"
        raise ListenError(
            f"no audio device matches {shown!r} ({exc}); see `intervju listen --list-devices`",
            where=kind,
        ) from None


class SoundcardSource:
    """Microphone and (optionally) system audio recorded in two threads, paired block by block."""

    def __init__(self, mic: str | None, system: str | None, *, with_system: bool) -> None:
        sc = _soundcard()
        self._devices = [_find(sc, mic, loopback=False)]
        if with_system:
            self._devices.append(_find(sc, system, loopback=True))
        self._stopped = threading.Event()
        self._queues: list[queue.Queue[Samples | BaseException]] = [
            queue.Queue() for _ in self._devices
        ]

    @property
    def channels(self) -> int:
        return len(self._devices)

    def stop(self) -> None:
        self._stopped.set()

    def _record(self, device: Any, out: queue.Queue[Samples | BaseException]) -> None:
        step = round(BLOCK_SECONDS * SAMPLE_RATE)
        try:
            with device.recorder(samplerate=SAMPLE_RATE, channels=1, blocksize=step) as rec:
                while not self._stopped.is_set():
                    data = np.asarray(rec.record(numframes=step), dtype=np.float32)
                    out.put(data.reshape(-1, data.shape[-1] if data.ndim > 1 else 1)[:, :1])
        except Exception as exc:
            out.put(exc)

    def blocks(self) -> Iterator[Block]:
        threads = [
            threading.Thread(target=self._record, args=(d, q), daemon=True)
            for d, q in zip(self._devices, self._queues, strict=True)
        ]
        for thread in threads:
            thread.start()
        start = 0.0
        while not self._stopped.is_set():
            parts: list[Samples] = []
            for source in self._queues:
                item = source.get()
                if isinstance(item, BaseException):
                    self._stopped.set()
                    raise ListenError(f"no audio device: recording stopped ({item})")
                parts.append(item)
            size = min(len(p) for p in parts)
            block = np.concatenate([p[:size] for p in parts], axis=1)
            yield Block(start=start, samples=block, wall=time.monotonic())
            start += size / SAMPLE_RATE
