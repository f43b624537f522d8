import json
import os
import sys
from collections import defaultdict
from pathlib import Path

J = Path(os.environ.get("JUDGING_DIR", "/work/judging4"))  # outside the repository


def rows(p):
    return [json.loads(line) for line in p.read_text().splitlines() if line.strip()]


by = {}
for f in sorted((J / "answers").glob("*/*.jsonl")):
    if f.name.startswith("agree"):
        continue
    keys = json.loads((f.parent / "keys.json").read_text())
    for a in rows(f):
        k = keys.get(a.get("key", ""))
        if k and k[0] != "practice":
            by[tuple(k)] = a
label = sys.argv[1]
items = {r["id"]: r for r in rows(J / "items/cards_all.jsonl")}
ex = defaultdict(list)
for r in rows(J / "outputs" / label / "cards.jsonl"):
    for s in r["suggestions"]:
        a = by.get(("cards", r["id"], s["text"]))
        if a and not a["usable"]:
            ex[a.get("fail") or "?"].append((r["id"], items[r["id"]]["lang"], s["text"]))
print("CARDS", label)
for tag, xs in sorted(ex.items(), key=lambda x: -len(x[1])):
    print(f"  {tag} {len(xs)}: " + " | ".join(f"{i} {t}" for i, line, t in xs[:3]))
items = {r["id"]: r for r in rows(J / "items/rewrites_all.jsonl")}
ex = defaultdict(list)
for r in rows(J / "outputs" / label / "rewrites.jsonl"):
    t = r.get("rewrite")
    a = by.get(("rewrites", r["id"], t)) if t else None
    if a and not a["usable"]:
        ex[a.get("fail") or "?"].append(
            (r["id"], items[r["id"]]["kind"], items[r["id"]]["text"][:70], t)
        )
    if not t:
        ex["no_rewrite"].append((r["id"], items[r["id"]]["kind"], items[r["id"]]["text"][:70], "-"))
print("REWRITES", label)
for tag, xs in sorted(ex.items(), key=lambda x: -len(x[1])):
    print(f"  {tag} {len(xs)}: " + " | ".join(f"{i} [{k}] «{q}» → «{t}»" for i, k, q, t in xs[:3]))
