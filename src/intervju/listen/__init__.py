"""Local live transcription: audio in, a growing WebVTT out, nothing off the machine.

The pipeline is capture (:mod:`.audio`) → end-of-turn detection per channel
(:mod:`.vad`) → echo gate (:mod:`.gate`) or, on one microphone, two voices
told apart by pitch (:mod:`.speakers`) → a local Whisper model
(:mod:`.transcribe`, :mod:`.models`) → one cue appended and fsynced per turn
(:mod:`.vttout`). The app follows that file like any other growing transcript,
so the listener only has to write good cues. :mod:`.process` runs it as a
separate process for the live page.

Nothing here imports faster-whisper, webrtcvad or soundcard at module import:
``import intervju`` must work without the ``listen`` extra, and the error that
the extra is missing is one line from :func:`.models.require_extra`.
"""

from __future__ import annotations

from .languages import Voices, languages, voices_for
from .pipeline import CueEvent, ListenSummary, run_listener

__all__ = ["CueEvent", "ListenSummary", "Voices", "languages", "run_listener", "voices_for"]
