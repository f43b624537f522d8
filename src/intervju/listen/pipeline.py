"""The listener: blocks → segments per channel → echo gate → text → one cue per turn.

Capture and turn detection run in a thread of their own so that a slow
transcription never stalls the sound card; finished segments wait in a queue
and the calling thread transcribes and writes them in the order they closed.
"How far behind" is measured from the end of speech of the oldest segment
not yet written, in wall-clock time, which is what the interviewer feels.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from .audio import AudioSource
from .gate import EchoGate
from .languages import Voices
from .speakers import MonoSpeakers
from .transcribe import Transcriber
from .vad import FrameVad, Segmenter, SegmenterConfig, SpeechSegment
from .vttout import CueWriter

MIC, SYSTEM = 0, 1


@dataclass(frozen=True)
class CueEvent:
    """A cue that reached the file, with what latency measurement needs."""

    start: float
    end: float
    voice: str
    text: str
    speech_end_wall: float
    written_wall: float
    transcribe_seconds: float

    @property
    def latency(self) -> float:
        """End of speech → cue fsynced, in seconds (includes the end-of-turn silence)."""
        return self.written_wall - self.speech_end_wall


@dataclass(frozen=True)
class ListenSummary:
    cues: tuple[CueEvent, ...]
    echoes: int  # microphone segments the echo gate dropped
    empty: int  # segments Whisper returned no text for
    audio_seconds: float
    transcribe_seconds: float

    @property
    def rtf(self) -> float:
        """Real-time factor: transcription time per second of audio."""
        return self.transcribe_seconds / self.audio_seconds if self.audio_seconds else 0.0


@dataclass(frozen=True)
class _Pending:
    segment: SpeechSegment
    voice: str
    speech_end_wall: float


@dataclass
class _Progress:
    audio_seconds: float = 0.0
    echoes: int = 0
    error: BaseException | None = None
    pending: list[float] = field(default_factory=list)  # speech-end walls not yet written


StatusCallback = Callable[[dict[str, object]], None]


class _Capture:
    """The capture thread's work: segment both channels, gate echoes, queue the rest."""

    def __init__(
        self,
        source: AudioSource,
        voices: Voices,
        vad: Callable[[], FrameVad],
        config: SegmenterConfig,
        gate: EchoGate,
    ) -> None:
        self.source, self.voices, self.gate = source, voices, gate
        self.segmenters = [Segmenter(c, vad(), config) for c in range(source.channels)]
        self.out: queue.Queue[_Pending | None] = queue.Queue()
        self.progress = _Progress()
        self.mono = MonoSpeakers()

    def _voice(self, segment: SpeechSegment) -> str | None:
        if len(self.segmenters) == 1:  # one microphone in the room: tell voices apart
            return self.voices.speakers[self.mono.assign(segment.audio)]
        if segment.channel == SYSTEM:
            return self.voices.informant
        mic, system = self.segmenters[MIC].log, self.segmenters[SYSTEM].log
        if self.gate.judge(segment, mic, system).echo:
            self.progress.echoes += 1
            return None
        return self.voices.interviewer

    def _emit(self, segments: list[SpeechSegment], end: float, wall: float) -> None:
        for segment in sorted(segments, key=lambda s: s.end):
            voice = self._voice(segment)
            if voice is not None:
                speech_end_wall = wall - (end - segment.end)
                self.progress.pending.append(speech_end_wall)
                self.out.put(_Pending(segment, voice, speech_end_wall))

    def run(self) -> None:
        try:
            end, wall = 0.0, time.monotonic()
            for block in self.source.blocks():
                found: list[SpeechSegment] = []
                for channel, segmenter in enumerate(self.segmenters):
                    found.extend(segmenter.feed(block.samples[:, channel]))
                end, wall = block.end, block.wall
                self.progress.audio_seconds = end
                self._emit(found, end, wall)
            self._emit([s for seg in self.segmenters for s in seg.flush()], end, wall)
        except BaseException as exc:  # handed to the writing thread, which raises it
            self.progress.error = exc
        finally:
            self.out.put(None)


def run_listener(
    source: AudioSource,
    transcriber: Transcriber,
    writer: CueWriter,
    voices: Voices,
    *,
    vad: Callable[[], FrameVad],
    config: SegmenterConfig | None = None,
    gate: EchoGate | None = None,
    on_cue: Callable[[CueEvent], None] | None = None,
    on_status: StatusCallback | None = None,
) -> ListenSummary:
    """Listen until the source ends (or is stopped); every finished turn becomes a cue."""
    capture = _Capture(source, voices, vad, config or SegmenterConfig(), gate or EchoGate())
    thread = threading.Thread(target=capture.run, name="intervju-capture", daemon=True)
    thread.start()
    cues: list[CueEvent] = []
    empty, busy = 0, 0.0
    progress = capture.progress

    def status(state: str) -> None:
        if on_status is not None:
            behind = time.monotonic() - progress.pending[0] if progress.pending else 0.0
            on_status(
                {
                    "state": state,
                    "cues": len(cues),
                    "audio_seconds": round(progress.audio_seconds, 1),
                    "behind_seconds": round(max(0.0, behind), 1),
                    "echoes_dropped": progress.echoes,
                }
            )

    status("listening")
    while True:
        try:
            item = capture.out.get(timeout=1.0)
        except queue.Empty:
            status("listening")
            continue
        if item is None:
            break
        event, took = _transcribe(item, transcriber, writer)
        busy += took
        if event is not None:
            cues.append(event)
            if on_cue is not None:
                on_cue(event)
        else:
            empty += 1
        progress.pending.pop(0)
        status("listening")
    thread.join()
    if progress.error is not None:
        raise progress.error
    status("stopped")
    return ListenSummary(tuple(cues), progress.echoes, empty, progress.audio_seconds, busy)


def _transcribe(
    item: _Pending, transcriber: Transcriber, writer: CueWriter
) -> tuple[CueEvent | None, float]:
    """One finished turn transcribed and, when it has text, written as a cue; and how long
    the transcription took."""
    began = time.monotonic()
    text = transcriber.transcribe(item.segment.audio)
    took = time.monotonic() - began
    if not text:
        return None, took
    writer.write(item.segment.start, item.segment.end, item.voice, text)
    event = CueEvent(
        item.segment.start + writer.offset,
        item.segment.end + writer.offset,
        item.voice,
        text,
        item.speech_end_wall,
        time.monotonic(),
        took,
    )
    return event, took
