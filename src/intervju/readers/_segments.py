"""What every reader produces before it becomes a :class:`Transcript`.

Each format yields :class:`Segment` s (one cue, one docx block, one labelled
paragraph). Merging them into turns and assigning roles is the same for all
formats, which is what makes the same interview read from .vtt, .docx and
.txt give the same turns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import TranscriptError
from ..models import Transcript, Turn
from .roles import assign_roles

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Segment:
    """A piece of one speaker's talk as the file splits it."""

    speaker: str  # "" when the file does not say who spoke
    text: str
    start: float | None = None
    end: float | None = None


def clean_text(text: str) -> str:
    """Collapse all whitespace (line breaks too) to single spaces."""
    return _SPACES.sub(" ", text).strip()


def clean_speaker(name: str) -> str:
    return _SPACES.sub(" ", name).strip()


def merge(segments: Iterable[Segment]) -> list[Segment]:
    """Join consecutive segments by the same named speaker into one.

    Speaker names compare case-insensitively and keep the first spelling
    seen. Segments without a speaker are never merged: nothing says that
    two anonymous cues belong to the same person.
    """
    spelling: dict[str, str] = {}
    merged: list[Segment] = []
    for segment in segments:
        text = clean_text(segment.text)
        if not text:
            continue
        speaker = clean_speaker(segment.speaker)
        if speaker:
            speaker = spelling.setdefault(speaker.casefold(), speaker)
        if merged and speaker and merged[-1].speaker == speaker:
            last = merged[-1]
            merged[-1] = Segment(
                speaker=speaker,
                text=f"{last.text} {text}",
                start=last.start if last.start is not None else segment.start,
                end=segment.end if segment.end is not None else last.end,
            )
        else:
            merged.append(Segment(speaker, text, segment.start, segment.end))
    return merged


def build_transcript(
    segments: Iterable[Segment],
    *,
    format: str,
    source: str | None,
    where: str,
    interviewer: str | None,
) -> Transcript:
    """Merge segments, assign roles and freeze the result."""
    merged = merge(segments)
    if not merged:
        raise TranscriptError("no spoken text found", where=where)
    roles, chosen = assign_roles(
        [(s.speaker, s.text) for s in merged], interviewer=interviewer, where=where
    )
    turns = tuple(
        Turn(
            index=i,
            speaker=s.speaker,
            role=roles[s.speaker],
            start=s.start,
            end=s.end,
            text=s.text,
        )
        for i, s in enumerate(merged)
    )
    return Transcript(turns=turns, format=format, interviewer=chosen, source=source)
