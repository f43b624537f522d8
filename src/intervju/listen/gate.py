"""The echo gate: with open speakers the informant leaks into the interviewer's microphone.

A microphone segment is dropped when most of its speech frames coincide with
speech on the system-audio channel and it is at least ``quieter_db`` quieter
than the system audio over those frames. Real interviewer speech over the
informant (a «ja», a question that cuts in) is louder at the microphone than
the leak, so it passes; the leaked copy would otherwise be written twice,
once under the wrong speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .vad import FrameLog, SpeechSegment, power_db


@dataclass(frozen=True)
class EchoVerdict:
    echo: bool
    overlap: float  # share of the segment's speech frames with system speech
    level_db: float  # microphone minus system level over those frames


@dataclass(frozen=True)
class EchoGate:
    overlap: float = 0.5
    quieter_db: float = 6.0

    def judge(self, segment: SpeechSegment, mic: FrameLog, system: FrameLog) -> EchoVerdict:
        first, last = segment.first_frame, min(segment.last_frame, len(system.voiced))
        frames = [i for i in range(first, last) if i < len(mic.voiced) and mic.voiced[i]]
        shared = [i for i in frames if system.voiced[i]]
        if not frames or not shared:
            return EchoVerdict(echo=False, overlap=0.0, level_db=0.0)
        overlap = len(shared) / len(frames)
        mic_power = float(np.mean([mic.power[i] for i in shared]))
        system_power = float(np.mean([system.power[i] for i in shared]))
        level = power_db(mic_power) - power_db(system_power)
        echo = overlap >= self.overlap and level <= -self.quieter_db
        return EchoVerdict(echo=echo, overlap=overlap, level_db=level)
