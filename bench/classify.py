"""Benchmark the question analyser on the labelled development set.

Prints: 3-way form accuracy and per-class precision/recall/F1, the form confusion table,
P/R/F1 for leading, double and why, the same per language, the hardest errors, and the
per-utterance latency after warm-up. Nothing is trained on this set (the analyser is
rule-based), so these figures need no cross-validation.

    python bench/classify.py [--data tests/data/questions.jsonl] [--errors 10] [--all-errors]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from intervju.analysis import Analysis, analyse
from intervju.lang import normalise

ROOT = Path(__file__).resolve().parent.parent
FORMS = ("open", "closed", "not_question")
FLAGS = ("leading", "double", "why")


def load(path: Path) -> list[dict[str, Any]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def prf(gold: list[bool], pred: list[bool]) -> tuple[float, float, float, int]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, sum(gold)


def report(rows: list[dict[str, Any]], preds: list[Analysis], title: str) -> None:
    n = len(rows)
    if not n:
        return
    acc = sum(r["form"] == p.form for r, p in zip(rows, preds, strict=True)) / n
    print(f"\n== {title} (n={n}) ==")
    print(f"form accuracy (3-way): {acc:.3f}")
    print(f"{'label':14} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}")
    for form in FORMS:
        p, r, f, s = prf([x["form"] == form for x in rows], [y.form == form for y in preds])
        print(f"{form:14} {p:6.3f} {r:6.3f} {f:6.3f} {s:8d}")
    for flag in FLAGS:
        p, r, f, s = prf([bool(x[flag]) for x in rows], [bool(getattr(y, flag)) for y in preds])
        print(f"{flag:14} {p:6.3f} {r:6.3f} {f:6.3f} {s:8d}")


def confusion(rows: list[dict[str, Any]], preds: list[Analysis]) -> None:
    print("\nform confusion (rows = gold, columns = predicted)")
    print(f"{'':14}" + "".join(f"{f:>14}" for f in FORMS))
    for gold in FORMS:
        counts = [
            sum(r["form"] == gold and p.form == f for r, p in zip(rows, preds, strict=True))
            for f in FORMS
        ]
        print(f"{gold:14}" + "".join(f"{c:14d}" for c in counts))


def errors(rows: list[dict[str, Any]], preds: list[Analysis]) -> list[tuple[int, str]]:
    """Errors ranked by how many labels are wrong (form counts double)."""
    out = []
    for r, p in zip(rows, preds, strict=True):
        wrong = []
        if r["form"] != p.form:
            wrong.append(f"form {r['form']}→{p.form}")
        for flag in FLAGS:
            if bool(r[flag]) != bool(getattr(p, flag)):
                wrong.append(f"{flag} {bool(r[flag])}→{bool(getattr(p, flag))}")
        if wrong:
            weight = len(wrong) + (1 if r["form"] != p.form else 0)
            note = f"  [{r.get('note')}]" if r.get("note") else ""
            out.append((weight, f"{r['id']}: {r['text']!r}\n      {'; '.join(wrong)}{note}"))
    out.sort(key=lambda x: -x[0])
    return out


def latency(texts: list[str], repeats: int = 3) -> tuple[float, float, float, float]:
    """(mean, p95) over every call, and (mean, p95) of each utterance's fastest call.

    The second pair separates the analyser's own cost from scheduling noise on a busy machine.
    """
    for text in texts:
        analyse(text)  # warm-up: language data load, regex caches
    timings: list[float] = []
    best: list[float] = []
    for text in texts:
        runs = []
        for _ in range(repeats):
            normalise.cache_clear()  # a live turn is new text: time it uncached
            start = time.perf_counter()
            analyse(text)
            runs.append((time.perf_counter() - start) * 1000)
        timings.extend(runs)
        best.append(min(runs))
    timings.sort()
    best.sort()

    def p95(values: list[float]) -> float:
        return values[int(0.95 * (len(values) - 1))]

    return statistics.fmean(timings), p95(timings), statistics.fmean(best), p95(best)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "tests" / "data" / "questions.jsonl")
    parser.add_argument("--errors", type=int, default=10)
    parser.add_argument("--all-errors", action="store_true")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"no labelled set at {args.data}", file=sys.stderr)
        return 2
    rows = load(args.data)
    preds = [analyse(r["text"]) for r in rows]
    report(rows, preds, "all")
    confusion(rows, preds)
    for lang in sorted({r.get("lang", "?") for r in rows}):
        idx = [i for i, r in enumerate(rows) if r.get("lang") == lang]
        report([rows[i] for i in idx], [preds[i] for i in idx], f"lang={lang}")
    detected = sum(p.language == r.get("lang") for r, p in zip(rows, preds, strict=True)) / len(
        rows
    )
    print(f"\nlanguage detection accuracy: {detected:.3f}")
    wrong = errors(rows, preds)
    shown = wrong if args.all_errors else wrong[: args.errors]
    print(f"\n{len(wrong)} utterances with any error; hardest {len(shown)}:")
    for _, line in shown:
        print("  " + line)
    rewrites = [p for p in preds if p.rewrite]
    bad = [p for p in rewrites if analyse(p.rewrite or "", p.language).problems != ()]
    print(f"\nrewrites: {len(rewrites)}, of which not open/neutral/single: {len(bad)}")
    mean, p95, best_mean, best_p95 = latency([r["text"] for r in rows])
    print(f"latency per utterance after warm-up: mean {mean:.3f} ms, p95 {p95:.3f} ms")
    print(f"  (fastest of 3 per utterance: mean {best_mean:.3f} ms, p95 {best_p95:.3f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
