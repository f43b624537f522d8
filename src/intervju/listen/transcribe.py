"""Speech segment → text, behind an interface; faster-whisper in use, a fake in tests.

Settings measured on a 2-core laptop CPU: int8 (2-3× faster than float32, same
word error rate), beam 1 (beam 5 looped), temperature 0 only (the fallback
ladder was 3.5-4× slower), the language fixed for the session (auto-detection
picked Finnish and Welsh on synthetic Norwegian), no text carried over from
the previous segment (one bad segment must not poison the next).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Protocol

from ..errors import ListenError
from .audio import Samples
from .models import EXTRA_HINT, check_model_dir, require_extra


class Transcriber(Protocol):
    @property
    def name(self) -> str: ...

    def transcribe(self, audio: Samples) -> str: ...


class WhisperTranscriber:
    """faster-whisper (CTranslate2, int8 on the CPU) on a local folder; never the network."""

    def __init__(self, model_dir: Path, whisper_language: str, *, name: str, threads: int = 0):
        require_extra("faster_whisper", "ctranslate2")
        check_model_dir(model_dir)
        os.environ["HF_HUB_OFFLINE"] = "1"  # belt and braces: a local path never needs the hub
        os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
        from faster_whisper import WhisperModel

        self.name = name
        self.language = whisper_language
        try:
            model: Any = WhisperModel(
                str(model_dir),
                device="cpu",
                compute_type="int8",
                cpu_threads=threads or min(4, os.cpu_count() or 1),
                local_files_only=True,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise ListenError(f"the model cannot be loaded ({exc})", where=str(model_dir)) from None
        _check_mels(
            model_dir, int(model.model.n_mels), int(model.feature_extractor.mel_filters.shape[0])
        )
        if whisper_language != "en" and not model.model.is_multilingual:
            raise ListenError(
                f"{name} understands only English; use --model base or an NB-Whisper folder",
                where="--language",
            )
        self._model = model

    def transcribe(self, audio: Samples) -> str:
        segments, _info = self._model.transcribe(
            audio,
            language=self.language,
            beam_size=1,
            best_of=1,
            temperature=0.0,
            condition_on_previous_text=False,
            without_timestamps=True,
            vad_filter=False,
        )
        return " ".join(s.text.strip() for s in segments).strip()


def _check_mels(model_dir: Path, needed: int, configured: int) -> None:
    """large-v3 models need 128 mel bins, which only preprocessor_config.json says."""
    if needed == configured:
        return
    if not (model_dir / "preprocessor_config.json").is_file():
        raise ListenError(
            f"the model folder has no preprocessor_config.json (this model needs {needed} "
            "mel bins; copy the file from the model's main folder)",
            where=str(model_dir),
        )
    raise ListenError(
        f"preprocessor_config.json gives {configured} mel bins but the model needs {needed}",
        where=str(model_dir),
    )


class ScriptedTranscriber:
    """The fake: returns prepared texts in order (or a numbered placeholder)."""

    def __init__(self, texts: list[str] | None = None, *, name: str = "fake") -> None:
        self.name = name
        self._texts = list(texts or [])
        self.calls: list[int] = []  # samples per call, for assertions

    def transcribe(self, audio: Samples) -> str:
        self.calls.append(len(audio))
        if self._texts:
            return self._texts.pop(0)
        return f"segment {len(self.calls)}"


__all__ = ["EXTRA_HINT", "ScriptedTranscriber", "Transcriber", "WhisperTranscriber"]
