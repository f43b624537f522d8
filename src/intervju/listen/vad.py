"""End-of-turn detection: 30 ms frames in, finished speech segments out, per channel.

Whisper has a fixed cost per call (it always encodes a 30 s window), and a
cut in the middle of a word hurts recognition, so segments end at pauses:
``end_silence`` (600 ms) of non-speech closes a turn. A segment that grows
past ``soft_max`` closes at the next short pause, and only one that reaches
``hard_max`` (inside Whisper's window) is cut where it is.

The frame classifier is an interface: :class:`WebrtcVad` (webrtcvad-wheels,
no model) in use, :class:`EnergyVad` in unit tests so they run without the
extra. Every frame's verdict and power is kept in a :class:`FrameLog`, which
the echo gate reads to compare the two channels over the same frames.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from ..errors import ListenError
from .audio import SAMPLE_RATE, Samples

FRAME = 480  # 30 ms at 16 kHz, a frame length webrtcvad accepts
FRAME_SECONDS = FRAME / SAMPLE_RATE


class FrameVad(Protocol):
    def is_speech(self, frame: Samples) -> bool: ...


class WebrtcVad:
    """Google's WebRTC voice activity detector (aggressiveness 0-3)."""

    def __init__(self, aggressiveness: int = 2) -> None:
        try:
            import webrtcvad
        except ModuleNotFoundError:
            raise ListenError(
                "the listen extra is not installed (webrtcvad missing): "
                "pip install 'intervju[listen]'"
            ) from None
        self._vad: Any = webrtcvad.Vad(aggressiveness)

    def is_speech(self, frame: Samples) -> bool:
        pcm = (np.clip(frame, -1.0, 1.0) * 32767).astype("<i2").tobytes()
        return bool(self._vad.is_speech(pcm, SAMPLE_RATE))


@dataclass(frozen=True)
class EnergyVad:
    """A level threshold: enough for clean generated audio in tests."""

    threshold_db: float = -45.0

    def is_speech(self, frame: Samples) -> bool:
        return power_db(float(np.mean(frame.astype(np.float64) ** 2))) > self.threshold_db


def power_db(power: float) -> float:
    return 10.0 * float(np.log10(max(power, 1e-12)))


@dataclass
class FrameLog:
    """Per frame of one channel: was it speech, and its mean power."""

    voiced: list[bool] = field(default_factory=list)
    power: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class SpeechSegment:
    """One finished piece of talk on one channel; times in seconds from capture start."""

    channel: int
    start: float
    end: float  # end of the last speech frame: where "end of speech" is measured from
    audio: Samples
    closed_at: float  # audio time when the segmenter decided the turn was over

    @property
    def first_frame(self) -> int:
        return round(self.start / FRAME_SECONDS)

    @property
    def last_frame(self) -> int:
        return round(self.end / FRAME_SECONDS)


@dataclass(frozen=True)
class SegmenterConfig:
    end_silence: float = 0.6
    short_pause: float = 0.2
    soft_max: float = 20.0
    hard_max: float = 28.0
    min_speech: float = 0.25  # voiced time below this is a click or a breath
    pad: float = 0.2  # audio kept before the first and after the last speech frame
    trigger: int = 3  # voiced frames among the last ``window`` that start a segment
    window: int = 5


class Segmenter:
    """The turn-taking state machine for one channel."""

    def __init__(self, channel: int, vad: FrameVad, config: SegmenterConfig | None = None) -> None:
        self.channel = channel
        self.vad = vad
        self.config = config or SegmenterConfig()
        self.log = FrameLog()
        self._rest: Samples = np.zeros(0, dtype=np.float32)
        self._pad_frames = round(self.config.pad / FRAME_SECONDS)
        self._recent: deque[Samples] = deque(maxlen=self._pad_frames + self.config.window)
        self._window: deque[bool] = deque(maxlen=self.config.window)
        self._frames: list[Samples] = []  # the open segment's audio, padding included
        self._start = -1  # first frame of the open segment (-1: none open)
        self._last_voiced = -1
        self._voiced_count = 0
        self._speech_start = -1

    @property
    def open(self) -> bool:
        return self._start >= 0

    def feed(self, samples: Samples) -> list[SpeechSegment]:
        """Mono samples that follow the previous ones; segments finished by them."""
        data = np.concatenate([self._rest, samples]) if len(self._rest) else samples
        done: list[SpeechSegment] = []
        usable = len(data) - len(data) % FRAME
        for first in range(0, usable, FRAME):
            segment = self._frame(data[first : first + FRAME])
            if segment is not None:
                done.append(segment)
        self._rest = data[usable:]
        return done

    def flush(self) -> list[SpeechSegment]:
        """The input ended: close whatever is open."""
        segment = self._close(len(self.log.voiced)) if self.open else None
        return [segment] if segment is not None else []

    def _frame(self, frame: Samples) -> SpeechSegment | None:
        index = len(self.log.voiced)
        voiced = self.vad.is_speech(frame)
        self.log.voiced.append(voiced)
        self.log.power.append(float(np.mean(frame.astype(np.float64) ** 2)))
        self._window.append(voiced)
        self._recent.append(frame)
        if not self.open:
            if sum(self._window) >= self.config.trigger:
                self._begin(index)
            return None
        self._frames.append(frame)
        if voiced:
            self._last_voiced = index
            self._voiced_count += 1
        silence = (index - self._last_voiced) * FRAME_SECONDS
        length = (index - self._start) * FRAME_SECONDS
        if (
            silence >= self.config.end_silence
            or (length >= self.config.soft_max and silence >= self.config.short_pause)
            or length >= self.config.hard_max
        ):
            return self._close(index + 1)
        return None

    def _begin(self, index: int) -> None:
        back = len(self._recent)  # the trigger window plus padding, already heard
        self._frames = list(self._recent)
        self._start = index - back + 1
        first_voiced = index - len(self._window) + 1 + self._window.index(True)
        self._last_voiced = index if self._window[-1] else first_voiced
        self._voiced_count = sum(self._window)
        self._speech_start = first_voiced

    def _close(self, frames_seen: int) -> SpeechSegment | None:
        start, last = self._speech_start, self._last_voiced
        keep = min(len(self._frames), last - self._start + 1 + self._pad_frames)
        audio = np.concatenate(self._frames[:keep]) if keep > 0 else np.zeros(0, np.float32)
        voiced = self._voiced_count * FRAME_SECONDS
        self._start, self._frames, self._voiced_count = -1, [], 0
        self._window.clear()
        if voiced < self.config.min_speech:
            return None
        return SpeechSegment(
            channel=self.channel,
            start=start * FRAME_SECONDS,
            end=(last + 1) * FRAME_SECONDS,
            audio=audio.astype(np.float32),
            closed_at=frames_seen * FRAME_SECONDS,
        )
