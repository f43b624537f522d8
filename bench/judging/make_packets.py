"""Build blind packets for texts not judged yet.

Usage: python3 make_packets.py ROUND LABEL [LABEL...] [--split-cards N] [--split-rewrites N]
Each distinct (item, card text) and (item, rewrite) is judged once, whatever version showed it;
keys.json maps packet keys back. Practice: each (label, session) transcript judged whole.
"""

import hashlib
import json
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
J = Path(os.environ.get("JUDGING_DIR", "/work/judging4"))  # outside the repository
CHANGED = "--changed" in sys.argv
args = [a for a in sys.argv[1:] if not a.startswith("--") and not a.isdigit()]
opts = dict(zip(sys.argv[1:], sys.argv[2:], strict=False))
rnd, labels = args[0], args[1:]
nc, nr = int(opts.get("--split-cards", 4)), int(opts.get("--split-rewrites", 2))
P = J / "packets" / rnd
P.mkdir(parents=True, exist_ok=True)


def rows(path):
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def judged(kind):
    done = set()
    if CHANGED:
        return done
    for f in (J / "answers").glob(f"*/{kind}*.jsonl"):
        keys = (
            json.loads((f.parent / "keys.json").read_text())
            if (f.parent / "keys.json").exists()
            else {}
        )
        for a in rows(f):
            k = keys.get(a.get("key", ""))
            if k:
                done.add(tuple(k))
    return done


def h(*parts):
    return hashlib.sha1("\x00".join(parts).encode()).hexdigest()[:6]


keys = {}


def write_packets(kind, blocks, count, rubric):
    """The blocks dealt round-robin into ``count`` packets, each with its rubric on top."""
    for n in range(count):
        part = blocks[n::count]
        if part:
            (P / f"{kind}-{n + 1}.md").write_text(rubric + "\n\n" + "\n\n".join(part) + "\n")


RUB_CARDS = (HERE / "rubric_cards.md").read_text()
RUB_RW = (HERE / "rubric_rewrites.md").read_text()
RUB_PR = (HERE / "rubric_practice.md").read_text()

# cards
items = rows(J / "items/cards_all.jsonl")
outs = {line: {r["id"]: r for r in rows(J / "outputs" / line / "cards.jsonl")} for line in labels}
done = judged("cards")
blocks = []
for it in items:
    texts = {}
    for line in labels:
        for s in outs[line][it["id"]]["suggestions"]:
            texts.setdefault(s["text"], s.get("why", ""))
    if (
        CHANGED
        and len({tuple(s["text"] for s in outs[line][it["id"]]["suggestions"]) for line in labels})
        == 1
    ):
        continue
    todo = [(t, w) for t, w in texts.items() if ("cards", it["id"], t) not in done]
    if not todo:
        continue
    random.Random(it["id"]).shuffle(todo)
    lines = [f"### Turn {it['id']}  ({it['lang']}, {it['field']})"]
    for c in it["context"]:
        lines.append(f"- {c['speaker']}: {c['text']}")
    lines.append(f"- **informant (this turn)**: {it['turn']}")
    lines.append("Cards:")
    for t, w in todo:
        k = "k" + h(it["id"], t)
        keys[k] = ["cards", it["id"], t]
        lines.append(f"  - [{k}] {t}    (reason shown: {w or '-'})")
    blocks.append("\n".join(lines))
write_packets("cards", blocks, nc, RUB_CARDS)

# rewrites
items = rows(J / "items/rewrites_all.jsonl")
outs = {
    line: {r["id"]: r for r in rows(J / "outputs" / line / "rewrites.jsonl")} for line in labels
}
done = judged("rewrites")
blocks = []
for it in items:
    texts = []
    for line in labels:
        t = outs[line][it["id"]].get("rewrite")
        if t and t not in texts:
            texts.append(t)
    if CHANGED and len({outs[line][it["id"]].get("rewrite") for line in labels}) == 1:
        continue
    todo = [t for t in texts if ("rewrites", it["id"], t) not in done]
    if not todo:
        continue
    random.Random(it["id"]).shuffle(todo)
    lines = [
        f"### Question {it['id']}  ({it['lang']}, {it['field']}; interview about: {it.get('topic') or '-'})"
    ]
    if it.get("prev_informant"):
        lines.append(f"- informant before: {it['prev_informant']}")
    lines.append(f"- **interviewer's question**: {it['text']}")
    lines.append("Proposed rewrites:")
    for t in todo:
        k = "k" + h(it["id"], t)
        keys[k] = ["rewrites", it["id"], t]
        lines.append(f"  - [{k}] {t}")
    blocks.append("\n".join(lines))
write_packets("rewrites", blocks, nr, RUB_RW)

# practice: each label's transcripts, anonymised as T1, T2...
items = rows(J / "items/practice.jsonl")
done = judged("practice")
tr = []
for line in labels:
    reps = {r["id"]: r for r in rows(J / "outputs" / line / "practice.jsonl")}
    for s in dict.fromkeys(i["session"] for i in items):
        qs = [i for i in items if i["session"] == s]
        sig = h(*[reps[q["id"]]["reply"] for q in qs])
        if ("practice", s, sig) in done or any(x[1] == s and x[2] == sig for x in tr):
            continue
        tr.append((line, s, sig, qs, reps))
if CHANGED:
    sessions = [x[1] for x in tr]
    tr = [x for x in tr if sessions.count(x[1]) > 1]
random.Random(7).shuffle(tr)
blocks = []
for _label, s, sig, qs, reps in tr:
    k = "t" + h(s, sig)
    keys[k] = ["practice", s, sig]
    lines = [f"### Transcript [{k}]  ({qs[0]['lang']}, practice informant: {qs[0]['persona']})"]
    for q in qs:
        lines.append(f"- Q {q['id']} ({q['kind']}): {q['text']}\n  A: {reps[q['id']]['reply']}")
    blocks.append("\n".join(lines))
npr = 2 if len(blocks) > 6 else 1
write_packets("practice", blocks, npr, RUB_PR)
(P / "keys.json").write_text(json.dumps(keys, ensure_ascii=False, indent=0))
print(
    {f.name: f.read_text().count("[k") + f.read_text().count("[t") for f in sorted(P.glob("*.md"))}
)
