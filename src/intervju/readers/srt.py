"""SubRip (.srt) subtitles as transcripts.

SRT has no speaker field; exports from transcription tools put the speaker
first in the cue ("Kari: …" or "[Kari]: …"), which the label rules of
:mod:`.text` pick up (a cue without a label continues the previous
speaker). Without any labels every cue is an anonymous segment. The block
scan is shared with the WebVTT reader so errors carry line numbers.
"""

from __future__ import annotations

from ._segments import Segment
from .vtt import labelled_cue_segments, parse_cues


def read_srt(text: str, where: str) -> list[Segment]:
    text = text.lstrip("\ufeff")
    cues = parse_cues(text, where, comma=True, kind="SRT", header=False)
    return labelled_cue_segments(cues, where)
