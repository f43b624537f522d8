"""Benchmark review mode: speed on long interviews, and quality on labelled interviews.

Speed: a synthetic 60-minute Teams interview is built from the sample
interviews' question/answer pairs (answers joined two by two so that an
exchange lasts about 45 s, as in real semi-structured interviews: ~80
questions, ~9000 words an hour). It prints the model load time (paid once per
process), the time to review that interview with a warm model, the time for
16 such interviews in one ``review_many`` call, and the times for 15, 30, 60
and 120 minutes to show that cost grows linearly with length.

Quality (``--labelled DIR``, default ``tests/data/review``): for each
``X.vtt`` with a ``X.truth.json`` next to it (the format written by
``tests/data/review/make_samples.py``: ``questions`` [{turn_index,
topic_index}], ``interviewer_word_share``, ``topics_covered``,
``missed_followups`` [turn_index…], optionally ``guide``) it prints question topic accuracy, word
share error, topics-covered exact matches and missed-follow-up precision and
recall.

    python bench/review.py [--labelled DIR] [--skip-speed]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from intervju.embeddings import embed_queries, get_embeddings
from intervju.guides import load_guide
from intervju.models import Transcript, Turn
from intervju.readers import read_transcript
from intervju.review import review_files, review_many, review_transcript

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "data" / "review"
TARGET_ONE = 1.0
TARGET_SIXTEEN = 10.0


def exchanges() -> list[tuple[Turn, list[Turn]]]:
    """(question turn, answer turns) pairs from the sample interviews."""
    pairs: list[tuple[Turn, list[Turn]]] = []
    for path in sorted(SAMPLES.glob("intervju-0*.vtt")):
        transcript = read_transcript(path)
        current: tuple[Turn, list[Turn]] | None = None
        for turn in transcript.turns:
            if turn.role == "interviewer":
                if current is not None:
                    pairs.append(current)
                current = (turn, [])
            elif current is not None:
                current[1].append(turn)
        if current is not None:
            pairs.append(current)
    return [p for p in pairs if p[1]]


def synthetic(minutes: float, seed: int = 0) -> Transcript:
    """A Teams-like interview of about ``minutes`` minutes (timestamps from word counts)."""
    pairs = exchanges()
    turns: list[Turn] = []
    clock = 3.0
    i = seed
    while clock < minutes * 60:
        question, answer = pairs[i % len(pairs)]
        extra = pairs[(i * 7 + 3) % len(pairs)][1]
        said = " ".join(t.text for t in answer + extra)
        for role, speaker, text, rate in (
            ("interviewer", "Ingrid Solberg", question.text, 2.8),
            ("informant", "Informant", said, 2.4),
        ):
            length = max(len(text.split()) / rate, 0.8)
            turns.append(
                Turn(len(turns), speaker, role, round(clock, 3), round(clock + length, 3), text)
            )  # type: ignore[arg-type]
            clock += length + 0.8
        i += 1
    return Transcript(tuple(turns), "vtt", "Ingrid Solberg", f"syntetisk-{minutes:g}min.vtt")


def speed() -> bool:
    guide = load_guide()
    t0 = time.perf_counter()
    embeddings = get_embeddings()
    embed_queries(embeddings, ["Hvordan var det?"])  # load + warm the model
    load = time.perf_counter() - t0
    hour = synthetic(60)
    questions = sum(t.role == "interviewer" for t in hour.turns)
    words = sum(len(t.text.split()) for t in hour.turns)
    print(f"load + warm-up of the embedding model: {load:.2f} s (once per process)")
    print(
        f"synthetic 60-minute interview: {len(hour.turns)} turns, {questions} questions, "
        f"{words} words"
    )
    review_transcript(synthetic(5, seed=3), guide, embeddings=embeddings)  # warm caches
    t0 = time.perf_counter()
    review_transcript(hour, guide, embeddings=embeddings)
    one = time.perf_counter() - t0
    print(
        f"one 60-minute interview: {one:.2f} s (target ≤ {TARGET_ONE:g} s) "
        f"{'OK' if one <= TARGET_ONE else 'SLOW'}"
    )
    sixteen = [synthetic(60, seed=s) for s in range(16)]
    t0 = time.perf_counter()
    review_many(sixteen, guide, embeddings=embeddings)
    many = time.perf_counter() - t0
    print(
        f"16 interviews of 60 minutes: {many:.2f} s (target ≤ {TARGET_SIXTEEN:g} s) "
        f"{'OK' if many <= TARGET_SIXTEEN else 'SLOW'}"
    )
    sizes = (15, 30, 60, 120)
    times: list[float] = []
    for minutes in sizes:
        transcript = synthetic(minutes, seed=1)
        best = float("inf")
        for _ in range(2):
            t0 = time.perf_counter()
            review_transcript(transcript, guide, embeddings=embeddings)
            best = min(best, time.perf_counter() - t0)
        times.append(best)
        print(f"  {minutes:>4} min: {best:.3f} s  ({best / minutes * 1000:.1f} ms per minute)")
    per_minute = [t / m for t, m in zip(times, sizes, strict=True)]
    ratio = per_minute[-1] / per_minute[1]
    linear = ratio < 1.5
    print(
        f"cost per minute, 120 vs 30 minutes: ×{ratio:.2f} ({'linear' if linear else 'NOT linear'})"
    )
    load_avg = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"(machine load average during the run: {load_avg:.2f} on {os.cpu_count()} cores)")
    return one <= TARGET_ONE and many <= TARGET_SIXTEEN and linear


def quality(folder: Path) -> None:
    files = sorted(p for p in folder.glob("*.vtt") if p.with_suffix(".truth.json").exists())
    if not files:
        print(f"no labelled interviews (X.vtt + X.truth.json) in {folder}")
        return
    # A truth file may name its guide («guide»: "remote-work-en"); the default guide otherwise.
    truths = [json.loads(p.with_suffix(".truth.json").read_text("utf-8")) for p in files]
    guides = [t.get("guide") for t in truths]
    interviews = [review_files([p], g).interviews[0] for p, g in zip(files, guides, strict=True)]
    right = total = 0
    share_errors: list[float] = []
    exact = 0
    tp = fp = fn = 0
    for path, interview in zip(files, interviews, strict=True):
        truth: dict[str, Any] = json.loads(path.with_suffix(".truth.json").read_text("utf-8"))
        want = {q["turn_index"]: q["topic_index"] for q in truth["questions"]}
        got = {q.turn_index: q.topic_index for q in interview.questions}
        for turn_index, topic in want.items():
            total += 1
            right += got.get(turn_index) == topic
        share_errors.append(abs(interview.interviewer_word_share - truth["interviewer_word_share"]))
        exact += list(interview.topics_covered) == list(truth["topics_covered"])
        missed_true = set(truth["missed_followups"])
        missed_got = {m.turn_index for m in interview.missed_followups}
        tp += len(missed_true & missed_got)
        fp += len(missed_got - missed_true)
        fn += len(missed_true - missed_got)
        extra = set(got) - set(want)
        print(
            f"  {path.name}: topic {sum(got.get(k) == v for k, v in want.items())}/{len(want)}, "
            f"word share {interview.interviewer_word_share} vs {truth['interviewer_word_share']}, "
            f"topics {list(interview.topics_covered)} vs {truth['topics_covered']}, "
            f"missed {sorted(missed_got)} vs {sorted(missed_true)}"
            + (f", questions not in truth: {sorted(extra)}" if extra else "")
        )
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"question topic accuracy: {right}/{total} = {right / max(total, 1):.3f} (target ≥ 0.85)")
    print(
        f"word share error: max {max(share_errors):.3f}, mean "
        f"{sum(share_errors) / len(share_errors):.4f} (target ≤ 0.02)"
    )
    print(f"topics covered exact: {exact}/{len(files)}")
    print(
        f"missed follow-ups: precision {precision:.2f}, recall {recall:.2f} "
        f"(targets: recall ≥ 0.6 at precision ≥ 0.5)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labelled", type=Path, default=SAMPLES)
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    ok = True
    if not args.skip_speed:
        ok = speed()
    print(f"\nlabelled interviews in {args.labelled}:")
    quality(args.labelled)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
