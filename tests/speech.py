"""Generated two-speaker speech for the listener's tests and bench (espeak-ng + sox).

Each turn is spoken by espeak-ng with a different voice per role, resampled
to 16 kHz by sox, and placed on its own channel of a stereo WAV (left = the
interviewer's microphone, right = the system audio with the informant), with
a pause between turns. ``leak_db`` copies the informant, that much quieter and
slightly delayed, into the microphone channel: the open-speaker echo the gate
must drop.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

RATE = 16_000
VOICES = {"en": ("en-us", "en-us+f3"), "nb": ("nb", "nb+f3")}  # a low and a high voice


@dataclass(frozen=True)
class SpokenTurn:
    role: str  # "interviewer" or "informant"
    text: str


@dataclass(frozen=True)
class Dialogue:
    path: Path
    turns: tuple[SpokenTurn, ...]
    speech_ends: tuple[float, ...]  # where each turn's speech stops, in seconds
    duration: float


def missing_tools() -> list[str]:
    return [tool for tool in ("espeak-ng", "sox") if shutil.which(tool) is None]


def _speak(text: str, voice: str, folder: Path, n: int) -> np.ndarray:
    raw, resampled = folder / f"t{n}.wav", folder / f"t{n}-16k.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", "165", "-w", str(raw), text], check=True)
    subprocess.run(
        ["sox", "-V1", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(resampled)], check=True
    )
    with wave.open(str(resampled), "rb") as wav:
        data = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
    return data.astype(np.float32) / 32768.0


def make_dialogue(
    turns: Sequence[SpokenTurn],
    path: Path,
    *,
    language: str = "en",
    gap: float = 1.2,
    leak_db: float | None = -14.0,
    stereo: bool = True,
) -> Dialogue:
    """Write the dialogue to ``path`` and say where each turn's speech ends."""
    voices = VOICES[language]
    pieces: list[tuple[int, np.ndarray]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, turn in enumerate(turns):
            voice = voices[0] if turn.role == "interviewer" else voices[1]
            pieces.append(
                (0 if turn.role == "interviewer" else 1, _speak(turn.text, voice, Path(tmp), n))
            )
    silence = int(gap * RATE)
    total = silence + sum(len(p) + silence for _, p in pieces)
    channels = np.zeros((total, 2), dtype=np.float32)
    at, ends = silence, []
    for channel, samples in pieces:
        channels[at : at + len(samples), channel] += samples * 0.7
        ends.append((at + len(samples)) / RATE)
        at += len(samples) + silence
    if leak_db is not None:
        delay = int(0.02 * RATE)
        channels[delay:, 0] += channels[:-delay, 1] * (10 ** (leak_db / 20))
    rng = np.random.default_rng(7)
    channels += rng.normal(0, 3e-4, channels.shape).astype(np.float32)  # a quiet room, not zeros
    out = channels if stereo else channels.sum(axis=1, keepdims=True)
    pcm = (np.clip(out, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(out.shape[1])
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(pcm.tobytes())
    return Dialogue(path, tuple(turns), tuple(ends), total / RATE)


ENGLISH = (
    SpokenTurn("interviewer", "How did you first meet your clients on video?"),
    SpokenTurn(
        "informant",
        "At first it felt strange, but the coffee at home made the talk more relaxed.",
    ),
    SpokenTurn("interviewer", "What was the hardest part of that?"),
    SpokenTurn("informant", "The hardest part was losing eye contact and body language."),
    SpokenTurn("interviewer", "Can you give me an example?"),
    SpokenTurn("informant", "One client with anxiety found video much easier than the office."),
)

NORWEGIAN = (
    SpokenTurn("interviewer", "Hvordan opplevde du det første videomøtet med en bruker?"),
    SpokenTurn("informant", "Det var uvant, men kaffekoppen hjemme gjorde samtalen roligere."),
    SpokenTurn("interviewer", "Hva var det vanskeligste med det?"),
    SpokenTurn("informant", "Det vanskeligste var at jeg mistet øyekontakten og kroppsspråket."),
    SpokenTurn("interviewer", "Kan du gi et eksempel på det?"),
    SpokenTurn("informant", "En bruker med angst syntes video var mye lettere enn kontoret."),
)
