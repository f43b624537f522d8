"""Who is talking on a single microphone: two speakers told apart by voice pitch.

With one microphone in the room there is no channel per speaker. A turn end
(600 ms of silence) is often just a pause inside one person's answer, so
plain alternation would flip speakers mid-answer. Instead each segment's
median pitch is compared with the two voices heard so far: a segment within
``same_semitones`` of a known voice is that voice; the first clearly
different one becomes the second speaker. Pitch separates most pairs of
speakers of different voice range and few of the same, so when a segment has
no reliable pitch, or the two voices sit close, the speaker alternates. The
names are neutral («Taler 1/2») and the role rules decide who asks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .audio import SAMPLE_RATE, Samples

_FRAME = 640  # 40 ms
_LOW, _HIGH = 70.0, 400.0  # Hz: the range of speaking voices
_MIN_FRAMES = 5


def median_pitch(audio: Samples) -> float | None:
    """Median F0 in Hz over clearly periodic 40 ms frames (autocorrelation), or None."""
    shortest, longest = int(SAMPLE_RATE / _HIGH), int(SAMPLE_RATE / _LOW)
    found: list[float] = []
    for first in range(0, len(audio) - _FRAME + 1, _FRAME):
        frame = audio[first : first + _FRAME].astype(np.float64)
        frame = frame - frame.mean()
        energy = float(np.dot(frame, frame))
        if energy < 1e-6:
            continue
        corr = np.correlate(frame, frame, mode="full")[_FRAME - 1 :] / energy
        window = corr[shortest:longest]
        best = float(window.max())
        if best > 0.5:
            # The shortest lag nearly as strong as the best: a period, not a multiple of it.
            lag = int(np.argmax(window >= 0.9 * best))
            while lag + 1 < len(window) and window[lag + 1] >= window[lag]:
                lag += 1  # to the top of that peak
            found.append(SAMPLE_RATE / (shortest + lag))
    return float(np.median(found)) if len(found) >= _MIN_FRAMES else None


def semitones(a: float, b: float) -> float:
    return float(abs(12.0 * np.log2(a / b)))


@dataclass
class MonoSpeakers:
    """Assigns 0 or 1 to each segment, in order."""

    same_semitones: float = 3.0
    voices: list[float] = field(default_factory=list)  # running pitch of speaker 0 and 1
    last: int = 1

    def assign(self, audio: Samples) -> int:
        pitch = median_pitch(audio)
        speaker = self._by_pitch(pitch) if pitch is not None else None
        if speaker is None:
            speaker = 1 - self.last
        if pitch is not None:
            self._learn(speaker, pitch)
        self.last = speaker
        return speaker

    def _by_pitch(self, pitch: float) -> int | None:
        if not self.voices:
            return 0
        if len(self.voices) == 1:
            return 0 if semitones(pitch, self.voices[0]) <= self.same_semitones else 1
        distance = [semitones(pitch, v) for v in self.voices]
        if abs(distance[0] - distance[1]) < 1.0:
            return None  # halfway between the two voices: pitch cannot tell
        return int(np.argmin(distance))

    def _learn(self, speaker: int, pitch: float) -> None:
        if speaker < len(self.voices):
            self.voices[speaker] = 0.8 * self.voices[speaker] + 0.2 * pitch
        elif speaker == len(self.voices):
            self.voices.append(pitch)
