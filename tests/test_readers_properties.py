"""Property tests: readers return a Transcript or raise TranscriptError, nothing else.

Plus round trips: generated well-formed files (random speakers, Norwegian
text, cues split at random) read back as the merged turns we wrote.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intervju.errors import TranscriptError
from intervju.models import Transcript
from intervju.readers import read_transcript_bytes, read_transcript_text

DATA = Path(__file__).parent / "data" / "transcripts"
VTT_SAMPLE = (DATA / "teams_intervju.vtt").read_bytes()
TXT_SAMPLE = (DATA / "teams_intervju.txt").read_bytes()
SRT_SAMPLE = (DATA / "teams_intervju.srt").read_bytes()

NAMES = ["vtt", "txt", "srt", "docx", ""]
# INTERVJU_HYPOTHESIS_EXAMPLES=5000 for a deeper hunt before a release.
EXAMPLES = int(os.environ.get("INTERVJU_HYPOTHESIS_EXAMPLES", "100"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome_bytes(data: bytes, filename: str, format: str = "auto") -> Transcript | None:
    try:
        result = read_transcript_bytes(data, filename, format=format)
    except TranscriptError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None
    assert isinstance(result, Transcript)
    assert result.turns, "a transcript always has at least one turn"
    assert [t.index for t in result.turns] == list(range(len(result.turns)))
    return result


@FAST
@given(data=st.binary(max_size=400), ext=st.sampled_from(NAMES))
def test_arbitrary_bytes(data: bytes, ext: str) -> None:
    outcome_bytes(data, f"fil.{ext}" if ext else "fil")


@FAST
@given(
    text=st.text(max_size=300),
    format=st.sampled_from(["auto", "vtt", "txt", "srt"]),
)
def test_arbitrary_text(text: str, format: str) -> None:
    try:
        result = read_transcript_text(text, format=format)
    except TranscriptError as exc:
        assert "\n" not in str(exc)
        return
    assert result.turns


def _mutate(sample: bytes, cuts: list[tuple[int, int, bytes]]) -> bytes:
    data = bytearray(sample)
    for position, length, insert in cuts:
        at = position % (len(data) + 1)
        data[at : at + length] = insert
    return bytes(data)


_cuts = st.lists(
    st.tuples(
        st.integers(0, 10_000),
        st.integers(0, 20),
        st.sampled_from([b"", b"\n", b"\n\n", b"-->", b":", b"<v ", b">", b"9", b"x", b"\xff"]),
    ),
    max_size=5,
)


@FAST
@given(cuts=_cuts, which=st.sampled_from(["vtt", "txt", "srt"]))
def test_mutated_samples(cuts: list[tuple[int, int, bytes]], which: str) -> None:
    sample = {"vtt": VTT_SAMPLE, "txt": TXT_SAMPLE, "srt": SRT_SAMPLE}[which]
    outcome_bytes(_mutate(sample, cuts), f"intervju.{which}")


@FAST
@given(length=st.integers(0, len(VTT_SAMPLE)))
def test_truncated_vtt(length: int) -> None:
    outcome_bytes(VTT_SAMPLE[:length], "kuttet.vtt")


@settings(max_examples=25, deadline=None)
@given(paragraphs=st.lists(st.text(max_size=60), max_size=8))
def test_arbitrary_docx(paragraphs: list[str]) -> None:
    document = docx.Document()
    for text in paragraphs:
        # XML cannot hold control characters; Word would not write them either.
        document.add_paragraph(
            re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "", text)
        )
    buffer = io.BytesIO()
    document.save(buffer)
    outcome_bytes(buffer.getvalue(), "x.docx")


# ------------------------------------------------------------------- round trips

# Letters and ASCII punctuation only: a cp1252 "Å" followed by "«" is also
# valid UTF-8 ("ū"), an ambiguity no real Norwegian text runs into.
_word = st.builds(
    str.__add__,
    st.text(alphabet="abcdefghijklmnoprstuvyzæøåÆØÅé", min_size=1, max_size=10),
    st.sampled_from(["", "", ",", ".", "?", "!"]),
)
_sentence = st.lists(_word, min_size=1, max_size=8).map(" ".join)
_speaker = st.sampled_from(["Ingrid Solberg", "Marte Hansen", "Ola", "Åse Ødegård"])
# A turn: speaker and 1-4 cue texts. Consecutive turns may share a speaker:
# they must come back merged.
_turns = st.lists(st.tuples(_speaker, st.lists(_sentence, min_size=1, max_size=4)), min_size=1)


def _expected(turns: list[tuple[str, list[str]]]) -> list[tuple[str, str]]:
    merged: list[tuple[str, str]] = []
    for speaker, texts in turns:
        text = " ".join(texts)
        if merged and merged[-1][0] == speaker:
            merged[-1] = (speaker, merged[-1][1] + " " + text)
        else:
            merged.append((speaker, text))
    return merged


def _clock(ms: int, sep: str = ".") -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


@FAST
@given(turns=_turns, step=st.integers(1, 400_000))
def test_vtt_round_trip(turns: list[tuple[str, list[str]]], step: int) -> None:
    lines = ["WEBVTT", ""]
    ms = 0
    starts: list[int] = []
    for n, (speaker, texts) in enumerate(turns):
        for k, text in enumerate(texts):
            starts.append(ms)
            lines += [f"abc-123/{n}-{k}", f"{_clock(ms)} --> {_clock(ms + step)}"]
            lines += [f"<v {speaker}>{text}</v>", ""]
            ms += step
    result = read_transcript_text("\n".join(lines))
    assert [(t.speaker, t.text) for t in result.turns] == _expected(turns)
    assert result.turns[0].start == 0.0
    assert result.turns[-1].end == ms / 1000


@FAST
@given(turns=_turns)
def test_txt_round_trip(turns: list[tuple[str, list[str]]]) -> None:
    lines = []
    for speaker, texts in turns:
        lines.append(f"{speaker}: {texts[0]}")
        lines += texts[1:]
        lines.append("")
    result = read_transcript_text("\n".join(lines))
    assert [(t.speaker, t.text) for t in result.turns] == _expected(turns)


@FAST
@given(turns=_turns)
def test_srt_round_trip(turns: list[tuple[str, list[str]]]) -> None:
    lines: list[str] = []
    number = 0
    for speaker, texts in turns:
        for text in texts:
            number += 1
            ms = number * 1500
            lines += [str(number), f"{_clock(ms, ',')} --> {_clock(ms + 1500, ',')}"]
            lines += [f"{speaker}: {text}", ""]
    result = read_transcript_bytes("\n".join(lines).encode("cp1252"), "x.srt")
    assert [(t.speaker, t.text) for t in result.turns] == _expected(turns)
