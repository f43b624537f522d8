import json
import os
import sys
from pathlib import Path

R = Path(os.environ.get("JUDGING_DIR", "/work/judging4")) / "answers" / sys.argv[1]


def rows(p):
    return [json.loads(line) for line in p.read_text().splitlines() if line.strip()]


prim = {}
for f in R.glob("*.jsonl"):
    if not f.name.startswith("agree"):
        for a in rows(f):
            if "key" in a:
                prim[a["key"]] = a
            elif "turn" in a:
                prim["T" + a["turn"]] = a
for kind, fields in (
    ("cards", ["usable", "grounded", "idiomatic", "needed"]),
    ("rewrites", ["usable", "intent", "idiomatic"]),
):
    ag = [a for a in rows(R / f"agree-{kind}.jsonl") if "key" in a]
    for fld in fields:
        pairs = [(prim[a["key"]][fld], a[fld]) for a in ag if a["key"] in prim]
        n = len(pairs)
        po = sum(x == y for x, y in pairs) / n
        p1 = sum(x for x, _ in pairs) / n
        p2 = sum(y for _, y in pairs) / n
        pe = p1 * p2 + (1 - p1) * (1 - p2)
        k = (po - pe) / (1 - pe) if pe < 1 else 1
        print(
            f"{kind} {fld}: agree {po:.2f} kappa {k:.2f} (n={n}; primary yes {sum(x for x, _ in pairs)}, second yes {sum(y for _, y in pairs)})"
        )
