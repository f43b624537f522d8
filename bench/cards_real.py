"""Print the follow-up cards the product gives for real informant turns, for a reader to judge.

The turns are NoTa-Oslo informant turns (``meta.prev_informant`` of the interviewer turns in
``../shared/external/nota_oslo_interviewer_turns.jsonl``), sampled with a fixed seed. The
interviewer turn that *followed* the informant (the record's own ``text``) is never shown to
the product: it is the answer key a live screen does not have. What the product gets as
context is what it would have had live: the interviewer question *before* the informant turn
(the record two turns earlier in the same interview, when the set holds it) as ``asked``, and
earlier informant turns of the same interview as ``context``. AnnoMI
(``annomi_mi_questions.jsonl``) holds counsellor turns only, with no client turn before
them, so it gives no informant turns and is skipped (said in the output). The texts are
read from the shared folder and never written into the project; the bench exits 0 when the
folder is not there.

Cards come from ``suggestions.plan_suggestions`` exactly as ``LiveSession.add_turn`` calls it,
without an embedding (retrieval moves generic cards by at most 0.3 points; the spans and
wordings do not depend on it).

How to count (a demanding interviewer reading each printed turn and its three cards):
- **usable**: a card an experienced interviewer would ask next, as written, on this turn
  (natural Norwegian or English, open, about what was said). An all-purpose probe («Kan du si
  litt mer om det?») counts as usable only when nothing specific in the turn stands out.
  «Nikk og vent» counts when the informant is mid-thought or trails off.
- **grounded**: a usable card that picks up the informant's own words or what they point at.
- per turn: usable cards (0-3), and whether ≥ 1 is usable; the totals are hand counts written
  into the commit message and the report, not computed here (no gold labels exist).
The ``--summary`` line only counts what can be counted mechanically: cards quoting the turn,
generic cards, two cards on one quote, reasons whose quoted words are not in the turn.

    python bench/cards_real.py [--n 60] [--seed 11] [--external DIR] [--summary]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from real_speech import external_dir  # noqa: E402  (the bench folder is on sys.path)

from intervju.suggestions import plan_suggestions  # noqa: E402

_ID = re.compile(r"^(?P<file>.*)-t(?P<turn>\d+)$")
_QUOTED = re.compile(r"«([^»]+)»|\"([^\"]+)\"")


def nota_turns(path: Path, n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` informant turns with what a live screen would have known before them."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    by_id = {r["id"]: r for r in rows}
    items: list[dict[str, Any]] = []
    for row in rows:
        text = (row.get("meta") or {}).get("prev_informant") or ""
        m = _ID.match(row["id"])
        if not text.strip() or m is None:
            continue
        file, turn = m["file"], int(m["turn"])
        before = by_id.get(f"{file}-t{turn - 2:03d}")
        earlier = [
            r["meta"]["prev_informant"]
            for r in rows
            if (mm := _ID.match(r["id"])) is not None
            and mm["file"] == file
            and int(mm["turn"]) < turn - 1
            and (r.get("meta") or {}).get("prev_informant")
        ]
        items.append(
            {
                "id": row["id"],
                "text": text,
                "asked": before["text"] if before else None,
                "context": earlier[-4:],
            }
        )
    random.Random(seed).shuffle(items)
    return items[:n]


def quoted_words_in_turn(why: str, turn: str) -> bool:
    """Every «…» in a reason is in the turn (case and spacing aside)."""
    flat = " ".join(turn.lower().split())
    for m in _QUOTED.finditer(why):
        quote = " ".join((m[1] or m[2]).lower().split())
        if quote and quote not in flat:
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--external")
    parser.add_argument("--summary", action="store_true", help="only the mechanical counts")
    args = parser.parse_args(argv)
    folder = external_dir(args.external)
    if folder is None:
        print("no ../shared/external folder: nothing to show")
        return 0
    note = "AnnoMI: counsellor turns only, no client turn before them: skipped"
    items = nota_turns(folder / "nota_oslo_interviewer_turns.jsonl", args.n, args.seed)
    quoting = generic = same = false_reason = 0
    cards_total = 0
    for k, item in enumerate(items, 1):
        plan = plan_suggestions(item["text"], item["context"], language="nb", asked=item["asked"])
        if not args.summary:
            print(f"\n[{k}] {item['id']}")
            if item["asked"]:
                print(f"  asked: {item['asked']}")
            print(f"  turn:  {item['text']}")
        quotes = [s.emphasis[0] for s in plan.suggestions if s.emphasis]
        same += len(quotes) - len(set(quotes))
        for s in plan.suggestions:
            cards_total += 1
            quoting += bool(s.emphasis)
            generic += not s.emphasis and s.intent != "silence"
            true = quoted_words_in_turn(s.why, item["text"])
            false_reason += not true
            if not args.summary:
                mark = "" if true else "  [REASON NOT IN TURN]"
                print(f"   - {s.text}\n       ({s.why}){mark}")
    print(
        f"\n{len(items)} turns, {cards_total} cards: quoting {quoting}, generic {generic}, "
        f"second card on a quote {same}, reason quoting words not in the turn {false_reason}"
    )
    print(note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
