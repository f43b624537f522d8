"""Aggregate judged answers for each LABEL: python3 aggregate.py LABEL [LABEL...]"""

import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

J = Path(os.environ.get("JUDGING_DIR", "/work/judging4"))  # outside the repository


def rows(p):
    return [json.loads(line) for line in p.read_text().splitlines() if line.strip()]


def answers():
    by, turns = {}, {}
    for f in sorted((J / "answers").glob("*/*.jsonl")):
        if f.name.startswith("agree"):
            continue
        keys = json.loads((f.parent / "keys.json").read_text())
        for a in rows(f):
            if "turn" in a and "key" not in a:
                turns.setdefault(a["turn"], a.get("let_talk_called_for", 0))
            k = keys.get(a.get("key") or a.get("transcript", ""))
            if not k:
                continue
            if k[0] == "practice":
                by[("practice", k[1], k[2], a["q"])] = a
            else:
                by[tuple(k)] = a
    return by, turns


def pct(a, b):
    return f"{a}/{b} ({100 * a / max(b, 1):.0f} %)"


def cards(label, by, turns):
    items = rows(J / "items/cards_all.jsonl")
    out = {r["id"]: r for r in rows(J / "outputs" / label / "cards.jsonl")}
    grp = defaultdict(lambda: Counter())
    fails = Counter()
    missing = 0
    for it in items:
        g = [
            "all",
            it["lang"],
            "real" if it["style"] == "real" else ("nav" if it["field"] == "nav" else "other"),
            "spoken" if it["style"] == "spoken" else "written/real",
        ]
        sug = out[it["id"]]["suggestions"]
        u = 0
        for s in sug:
            a = by.get(("cards", it["id"], s["text"]))
            if a is None:
                missing += 1
                continue
            u += a["usable"]
            for k in g:
                c = grp[k]
                c["cards"] += 1
                for f in (
                    "usable",
                    "grounded",
                    "idiomatic",
                    "reason_true",
                    "open",
                    "neutral",
                    "needed",
                ):
                    c[f] += a.get(f, 0) or 0
            if not a["usable"]:
                fails[a.get("fail") or "?"] += 1
        lt = any(s["intent"] == "silence" for s in sug)
        for k in g:
            c = grp[k]
            c["turns"] += 1
            c["usable_turn"] += u
            c["ge1"] += u >= 1
            if turns.get(it["id"]):
                c["lt_called"] += 1
                c["lt_shown_when_called"] += lt
            elif lt:
                c["lt_shown_not_called"] += 1
    print(f"== cards {label} (unjudged cards: {missing})")
    for k, c in grp.items():
        print(
            f"  {k:13} usable/turn {c['usable_turn'] / c['turns']:.2f} ({c['usable']}/{c['cards']} cards, {c['turns']} turns); "
            f">=1 {pct(c['ge1'], c['turns'])}; grounded {pct(c['grounded'], c['cards'])}; idiomatic {pct(c['idiomatic'], c['cards'])}; "
            f"reasons {pct(c['reason_true'], c['cards'])}; let-talk shown when called {c['lt_shown_when_called']}/{c['lt_called']}, when not {c['lt_shown_not_called']}"
        )
    print("  fails:", fails.most_common(12))


def rewrites(label, by):
    items = rows(J / "items/rewrites_all.jsonl")
    out = {r["id"]: r for r in rows(J / "outputs" / label / "rewrites.jsonl")}
    grp = defaultdict(Counter)
    fails = Counter()
    for it in items:
        o = out[it["id"]]
        g = ["all", it["lang"], "kind:" + it["kind"], "style:" + it["style"]]
        flagged = bool(
            o.get("problems")
            or o.get("form") == "closed"
            or o.get("leading")
            or o.get("double")
            or o.get("why")
        )
        t = o.get("rewrite")
        a = by.get(("rewrites", it["id"], t)) if t else None
        for k in g:
            c = grp[k]
            c["items"] += 1
            c["flagged"] += flagged
            c["given"] += bool(t)
            if a:
                c["judged"] += 1
                for f in (
                    "usable",
                    "intent",
                    "idiomatic",
                    "open",
                    "neutral",
                    "adds_presupposition",
                ):
                    c[f] += a.get(f, 0) or 0
        if t and a and not a["usable"]:
            fails[a.get("fail") or "?"] += 1
        if not t:
            fails["no_rewrite"] += 1
    print(f"== rewrites {label}")
    for k, c in sorted(grp.items()):
        print(
            f"  {k:15} usable {pct(c['usable'], c['items'])}; given {c['given']}/{c['items']} (flagged {c['flagged']}); "
            f"intent {pct(c['intent'], c['judged'])}; idiomatic {pct(c['idiomatic'], c['judged'])}; open {c['open']}; neutral {c['neutral']}; presup {c['adds_presupposition']}"
        )
    print("  fails:", fails.most_common(12))


def practice(label, by):
    import hashlib

    items = rows(J / "items/practice.jsonl")
    reps = {r["id"]: r for r in rows(J / "outputs" / label / "practice.jsonl")}
    c = defaultdict(Counter)
    for s in dict.fromkeys(i["session"] for i in items):
        qs = [i for i in items if i["session"] == s]
        sig = hashlib.sha1("\x00".join(reps[q["id"]]["reply"] for q in qs).encode()).hexdigest()[:6]
        for q in qs:
            a = by.get(("practice", s, sig, q["id"]))
            if not a:
                c["all"]["unjudged"] += 1
                continue
            for k in ("all", q["lang"]):
                x = c[k]
                x["n"] += 1
                x["addresses"] += a["addresses"]
                x["fits"] += a["fits_kind"]
                x["contradictions"] += a["contradiction"]
                if q["kind"] in ("probe", "silence", "echo"):
                    x["deep_n"] += 1
                    x["deeper"] += a.get("deeper") or 0
    print(f"== practice {label}")
    for k, x in c.items():
        print(
            f"  {k:4} addresses {pct(x['addresses'], x['n'])}; fits {pct(x['fits'], x['n'])}; deeper {pct(x['deeper'], x['deep_n'])}; contradictions {x['contradictions']}; unjudged {x['unjudged']}"
        )


by, turns = answers()
for label in sys.argv[1:]:
    cards(label, by, turns)
    rewrites(label, by)
    practice(label, by)
