"""Parse time for a 90-minute interview in each format.

Writes a synthetic Teams-like interview (~1500 cues, two speakers, long
turns split over cues, æøå) as .vtt, .txt, .srt and .docx into a temporary
folder, then prints the best of a few parse runs per format. Numbers go into
reports; nothing here asserts on time.

    python bench/parse.py
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

import docx

from intervju.readers import read_transcript

_TEXT = (
    "jeg opplever at video gir en annen ro i samtalen med brukeren men det er vanskelig å "
    "lese kroppsspråket og vite hvem som er i rommet samtidig blir kontakten hyppigere og "
    "mer effektiv både for meg og for dem på godt og vondt kaffen hjemme i stua hjelper"
)
WORDS = _TEXT.split(" ")
SPEAKERS = ("Ingrid Solberg", "Marte Hansen")
MINUTES = 90
CUES = 1500


def clock(seconds: float, sep: str = ".") -> str:
    ms = round(seconds * 1000)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def interview(seed: int = 1) -> list[tuple[str, float, float, str]]:
    rng = random.Random(seed)
    cues: list[tuple[str, float, float, str]] = []
    step = MINUTES * 60 / CUES
    speaker = 0
    for n in range(CUES):
        if rng.random() < 0.3:  # a new turn every ~3 cues
            speaker = 1 - speaker
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 18)))
        text = text[0].upper() + text[1:] + ("?" if speaker == 0 else ".")
        cues.append((SPEAKERS[speaker], n * step, (n + 1) * step - 0.2, text))
    return cues


def write_all(folder: Path) -> dict[str, Path]:
    cues = interview()
    vtt = ["WEBVTT", ""]
    srt: list[str] = []
    txt: list[str] = []
    document = docx.Document()
    document.add_paragraph("Intervju – benchmark")
    previous = None
    for n, (speaker, start, end, text) in enumerate(cues):
        vtt += [f"b331ac26-8c4e/{n}-0", f"{clock(start)} --> {clock(end)}"]
        vtt += [f"<v {speaker}>{text}</v>", ""]
        srt += [str(n + 1), f"{clock(start, ',')} --> {clock(end, ',')}", f"{speaker}: {text}", ""]
        if speaker != previous:
            txt += ["", f"[{clock(start)[:8]}] {speaker}: {text}"]
            m, s = divmod(int(start), 60)
            h, m = divmod(m, 60)
            stamp = f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
            document.add_paragraph(f"{speaker}   {stamp}")
            document.add_paragraph(text)
        else:
            txt.append(text)
            document.paragraphs[-1].add_run(" " + text)
        previous = speaker
    paths = {
        "vtt": folder / "intervju.vtt",
        "srt": folder / "intervju.srt",
        "txt": folder / "intervju.txt",
        "docx": folder / "intervju.docx",
    }
    paths["vtt"].write_text("\n".join(vtt), encoding="utf-8")
    paths["srt"].write_text("\n".join(srt), encoding="utf-8")
    paths["txt"].write_text("\n".join(txt), encoding="utf-8")
    document.save(str(paths["docx"]))
    return paths


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_all(Path(tmp))
        print(f"synthetic {MINUTES}-minute interview, {CUES} cues")
        for name, path in paths.items():
            runs = []
            for _ in range(5):
                began = time.perf_counter()
                transcript = read_transcript(path)
                runs.append(time.perf_counter() - began)
            size = path.stat().st_size / 1024
            print(
                f"{name:5s} {size:7.0f} KB  {len(transcript.turns):4d} turns  "
                f"best {min(runs) * 1000:7.1f} ms  median {sorted(runs)[2] * 1000:7.1f} ms  "
                f"interviewer={transcript.interviewer}"
            )


if __name__ == "__main__":
    main()
