"""Listener benchmark: real-time factor and end-of-speech → cue latency on generated speech.

A two-speaker interview is spoken by espeak-ng (English for tiny.en, bokmål for
base), played through the real pipeline in real time (stereo, the informant
leaking 14 dB quieter into the microphone), and every cue's latency is the
wall time from the end of its speech to the cue being fsynced in the WebVTT
(so it includes the 600 ms end-of-turn silence). RTF is transcription time per
second of audio; "roles" is the share of turns written under the right
speaker (the echo gate at work), "words" the share of the script's words in
the transcript. Each model runs without and with a busy-loop process
hogging one core. Needs espeak-ng, sox and the ``listen`` extra; says so and
exits 0 otherwise.

    python bench/listen.py [--models base,tiny.en] [--repeat 2] [--threads 2] [--no-load]
"""

from __future__ import annotations

import argparse
import importlib.util
import multiprocessing
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from intervju.listen.audio import WavSource  # noqa: E402
from intervju.listen.languages import voices_for  # noqa: E402
from intervju.listen.models import resolve_model  # noqa: E402
from intervju.listen.pipeline import run_listener  # noqa: E402
from intervju.listen.transcribe import WhisperTranscriber  # noqa: E402
from intervju.listen.vad import WebrtcVad  # noqa: E402
from intervju.listen.vttout import CueWriter  # noqa: E402
from tests.speech import (  # noqa: E402
    ENGLISH,
    NORWEGIAN,
    SpokenTurn,
    make_dialogue,
    missing_tools,
)

LANGUAGE = {"tiny.en": "en", "base": "nb"}
WORD = re.compile(r"\w+")


def percentile(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def word_recall(reference: list[str], hypothesis: list[str]) -> float:
    """Share of the script's words found in the transcript (a rough stand-in for 1 - WER)."""
    ref = Counter(w for text in reference for w in WORD.findall(text.casefold()))
    hyp = Counter(w for text in hypothesis for w in WORD.findall(text.casefold()))
    return sum(min(n, hyp[w]) for w, n in ref.items()) / max(1, sum(ref.values()))


def busy() -> None:
    while True:
        pass


def run_once(
    model: str, wav: Path, threads: int, cache: Path, out: Path, turns: Sequence[SpokenTurn]
) -> dict[str, float]:
    choice = resolve_model(model, cache)
    voices = voices_for(LANGUAGE[model])
    transcriber = WhisperTranscriber(choice.path, voices.whisper, name=model, threads=threads)
    transcriber.transcribe(WavSource.open(wav, realtime=False)._samples[:16000, 0])  # warm up
    out.unlink(missing_ok=True)
    writer = CueWriter(out)
    summary = run_listener(
        WavSource.open(wav, realtime=True), transcriber, writer, voices, vad=WebrtcVad
    )
    writer.close()
    latencies = [cue.latency for cue in summary.cues]
    names = {voices.interviewer: "interviewer", voices.informant: "informant"}
    roles = [names.get(cue.voice) for cue in summary.cues]
    right = sum(a == b.role for a, b in zip(roles, turns, strict=False))
    return {
        "roles": right / len(turns),
        "recall": word_recall([t.text for t in turns], [c.text for c in summary.cues]),
        "cues": len(summary.cues),
        "echoes": summary.echoes,
        "rtf": summary.rtf,
        "p50": percentile(latencies, 50),
        "p90": percentile(latencies, 90),
        "max": max(latencies) if latencies else float("nan"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models", default="base,tiny.en")
    parser.add_argument("--repeat", type=int, default=2, help="how often the dialogue repeats")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--no-load", action="store_true", help="skip the busy-CPU runs")
    args = parser.parse_args()
    missing = missing_tools() + [
        m for m in ("faster_whisper", "webrtcvad") if importlib.util.find_spec(m) is None
    ]
    if missing:
        print(f"listen bench skipped: {', '.join(missing)} missing")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("model    lang  load   cues  echoes  roles  words   RTF   p50 s  p90 s  max s")
        for model in args.models.split(","):
            turns = (ENGLISH if LANGUAGE[model] == "en" else NORWEGIAN) * args.repeat
            wav = folder / f"{model}.wav"
            dialogue = make_dialogue(turns, wav, language=LANGUAGE[model], leak_db=-14.0)
            for load in (False, True) if not args.no_load else (False,):
                hog = multiprocessing.Process(target=busy, daemon=True) if load else None
                if hog is not None:
                    hog.start()
                    time.sleep(0.5)
                try:
                    r = run_once(
                        model, wav, args.threads, folder / "models", folder / "out.vtt", turns
                    )
                finally:
                    if hog is not None:
                        hog.terminate()
                        hog.join()
                print(
                    f"{model:8} {LANGUAGE[model]:4}  {'busy' if load else 'idle':5} "
                    f"{int(r['cues']):4}/{len(turns):<2} {int(r['echoes']):5}  "
                    f"{r['roles']:5.0%}  {r['recall']:5.0%}  "
                    f"{r['rtf']:5.2f}  {r['p50']:5.2f}  {r['p90']:5.2f}  {r['max']:5.2f}",
                    flush=True,
                )
            print(f"  ({dialogue.duration:.0f} s of audio per run, {args.threads} threads)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
