"""Quality of live follow-up suggestions on a labelled set (default tests/data/live_dev.jsonl).

Metrics (issue 4):
- hit@3: share of turns where a ``best_intents`` intent is among the top 3 suggestions
  (also reported counting ``acceptable_intents``);
- key-term use: over turns whose ``best_intents`` include echo/meaning/clarify, the share
  where every echo/meaning/clarify suggestion in the top 3 contains a key term (or an
  inflection of it: same crude lemma).

Each line is run through a fresh ``LiveSession`` (context turns replayed first), exactly as
``intervju suggest --jsonl`` does.

    python bench/suggest_eval.py [FILE] [--errors] [--no-embeddings]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from intervju.cues import lemma, tokens  # noqa: E402
from intervju.live import LiveSession, suggest_for  # noqa: E402
from intervju.suggestions import TERM_INTENTS, suggest  # noqa: E402

DEFAULT = ROOT / "tests" / "data" / "live_dev.jsonl"


def uses_term(text: str, terms: list[str], language: str) -> bool:
    """A key term (case-insensitive substring) or the same lemmas in order."""
    lower = text.lower()
    if any(t.lower() in lower for t in terms):
        return True
    text_lemmas = [lemma(w, language) for w in tokens(text)]
    for term in terms:
        wanted = [lemma(w, language) for w in tokens(term)]
        if not wanted:
            continue
        for i in range(len(text_lemmas) - len(wanted) + 1):
            if text_lemmas[i : i + len(wanted)] == wanted:
                return True
    return False


def evaluate(
    path: Path, *, use_embeddings: bool = True, show_errors: bool = False
) -> dict[str, Any]:
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    base = LiveSession()
    hits = loose = term_ok = term_total = 0
    by_intent: Counter[str] = Counter()
    by_intent_hit: Counter[str] = Counter()
    by_lang: Counter[str] = Counter()
    by_lang_hit: Counter[str] = Counter()
    for row in rows:
        if use_embeddings:
            suggestions = suggest_for(base, row["turn"], row.get("context") or [])
        else:  # cue rules alone: no retrieval over the probe bank's example utterances
            earlier = [
                c["text"] for c in row.get("context") or [] if c.get("role") != "interviewer"
            ]
            suggestions = suggest(row["turn"], earlier, language=row.get("lang"))
        top = [s.intent for s in suggestions[:3]]
        best = set(row["best_intents"])
        ok = bool(best & set(top))
        hits += ok
        loose += bool((best | set(row.get("acceptable_intents", []))) & set(top))
        first = row["best_intents"][0]
        by_intent[first] += 1
        by_intent_hit[first] += ok
        by_lang[row["lang"]] += 1
        by_lang_hit[row["lang"]] += ok
        term_miss = False
        if best & TERM_INTENTS:
            term_total += 1
            needing = [s for s in suggestions[:3] if s.intent in TERM_INTENTS]
            good = bool(needing) and all(
                uses_term(s.text, row["key_terms"], row["lang"]) for s in needing
            )
            term_ok += good
            term_miss = not good
        if show_errors and (not ok or term_miss):
            print(
                f"\n{row['id']} best={row['best_intents']} ok={row.get('acceptable_intents')} "
                f"keys={row['key_terms']} cues={row.get('cues')}"
            )
            print(f"   {row['turn'][:200]}")
            for s in suggestions[:3]:
                print(f"   -> {s.intent:9} {s.text}   [{s.why}]")
    n = len(rows)
    result = {
        "turns": n,
        "hit@3": round(hits / n, 3),
        "hit@3_acceptable": round(loose / n, 3),
        "key_term_rate": round(term_ok / term_total, 3) if term_total else None,
        "key_term_turns": term_total,
        "hit@3_by_first_intent": {
            k: f"{by_intent_hit[k]}/{v}" for k, v in sorted(by_intent.items())
        },
        "hit@3_by_language": {k: round(by_lang_hit[k] / v, 3) for k, v in by_lang.items()},
    }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", action="store_true", help="print the misses")
    parser.add_argument("--no-embeddings", action="store_true", help="cues only")
    args = parser.parse_args()
    result = evaluate(args.file, use_embeddings=not args.no_embeddings, show_errors=args.errors)
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
