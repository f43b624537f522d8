"""Print the follow-up cards for the project's own written turns, for a reader to judge.

``tests/data/cards_dev.jsonl`` (100 turns, tuned on) and ``tests/data/cards_holdout.jsonl``
(50 turns, outputs recorded before any change and read only at the end), and
``tests/data/cards_holdout2.jsonl`` (30 turns, written after the first was read),
``tests/data/cards_check40.jsonl`` (40 turns written for the set-level pass): each line
holds the interviewer's question before the turn (``asked``) and the informant's ``turn``.
Count as in ``bench/cards_real.py``: usable cards per turn (0-3) and whether ≥ 1 is usable.

    python bench/cards_own.py [--set dev|holdout|holdout2|check40] [--summary]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cards_real import quoted_words_in_turn  # noqa: E402  (the bench folder is on sys.path)

from intervju.suggestions import plan_suggestions  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", default="dev", choices=["dev", "holdout", "holdout2", "check40"])
    parser.add_argument("--summary", action="store_true", help="only the mechanical counts")
    args = parser.parse_args(argv)
    path = ROOT / "tests" / "data" / f"cards_{args.set}.jsonl"
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    quoting = generic = false_reason = total = 0
    for item in items:
        plan = plan_suggestions(item["turn"], (), language=item["lang"], asked=item["asked"])
        if not args.summary:
            print(f"\n[{item['id']}] ({item['field']})\n  asked: {item['asked']}")
            print(f"  turn:  {item['turn']}")
        for s in plan.suggestions:
            total += 1
            quoting += bool(s.emphasis)
            generic += not s.emphasis and s.intent != "silence"
            true = quoted_words_in_turn(s.why, item["turn"])
            false_reason += not true
            if not args.summary:
                mark = "" if true else "  [REASON NOT IN TURN]"
                print(f"   - {s.text}\n       ({s.why}){mark}")
    print(
        f"\n{len(items)} turns, {total} cards: quoting {quoting}, generic {generic}, "
        f"reason quoting words not in the turn {false_reason}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
