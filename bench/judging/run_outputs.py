"""Run the product at a worktree on the round-4 items; write outputs/<label>/*.jsonl.

Usage: python3 run_outputs.py WORKTREE LABEL
"""

import json
import os
import random
import subprocess
import sys
from pathlib import Path

J = Path(os.environ.get("JUDGING_DIR", "/work/judging4"))  # outside the repository
EXT = Path("/work/shared/external")
PY = "/work/main/.venv/bin/python"


def cli(wt, args, lines):
    env = dict(os.environ, PYTHONPATH=f"{wt}/src:{wt}", HF_HUB_OFFLINE="1", OMP_NUM_THREADS="1")
    inp = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)
    out = subprocess.run(
        [PY, "-m", "intervju", *args], input=inp, capture_output=True, text=True, env=env, cwd=wt
    )
    if out.returncode != 0:
        sys.stderr.write(out.stderr[-2000:])
        raise SystemExit(f"failed: {args}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def real_cards():
    rows = [
        json.loads(line)
        for line in (EXT / "nota_oslo_interviewer_turns.jsonl").read_text().splitlines()
    ]
    rows = [r for r in rows if len((r["meta"].get("prev_informant") or "").split()) >= 8]
    random.Random(20261205).shuffle(rows)
    out = []
    for r in rows[:40]:
        out.append(
            {
                "id": "n-" + r["id"],
                "lang": "nb",
                "field": "NoTa sociolinguistic interview (Oslo life)",
                "style": "real",
                "context": [],
                "turn": r["meta"]["prev_informant"],
            }
        )
    return out


def real_rewrites():
    out = []
    for name, n, seed in (
        ("nota_oslo_interviewer_turns.jsonl", 24, 41),
        ("annomi_mi_questions.jsonl", 20, 42),
    ):
        rows = [json.loads(line) for line in (EXT / name).read_text().splitlines()]
        rows = [
            r for r in rows if r.get("form_relabel") == "closed" and len(r["text"].split()) >= 4
        ]
        random.Random(seed + 20261205).shuffle(rows)
        for r in rows[:n]:
            out.append(
                {
                    "id": "x-" + r["id"],
                    "lang": r["lang"],
                    "kind": "closed",
                    "style": "real",
                    "field": r["meta"].get("dataset", "AnnoMI counselling")
                    if r.get("meta")
                    else "AnnoMI counselling",
                    "topic": "",
                    "prev_informant": (r.get("meta") or {}).get("prev_informant", ""),
                    "text": r["text"],
                }
            )
    return out


# A small extra round can leave out the real items (JUDGING_REAL=0): they are the same
# every round, and judged once in a full one.
REAL = os.environ.get("JUDGING_REAL", "1") != "0"


def _lines(path):
    """A round's item lines; a round may leave out a kind (no file)."""
    return [line for line in path.read_text().splitlines() if line.strip()] if path.exists() else []


def main():
    wt, label = sys.argv[1], sys.argv[2]
    out = J / "outputs" / label
    out.mkdir(parents=True, exist_ok=True)
    cards = [json.loads(line) for line in _lines(J / "items/cards.jsonl")]
    cards += real_cards() if REAL else []
    (J / "items/cards_all.jsonl").write_text(
        "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cards)
    )
    lines = [
        {
            "id": c["id"],
            "turn": c["turn"],
            "context": [
                {"role": t["speaker"], "speaker": t["speaker"], "text": t["text"]}
                for t in c["context"]
            ],
        }
        for c in cards
    ]
    res = cli(wt, ["suggest", "--jsonl"], lines)
    (out / "cards.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in res))
    rw = [json.loads(line) for line in _lines(J / "items/rewrites.jsonl")]
    rw += real_rewrites() if REAL else []
    (J / "items/rewrites_all.jsonl").write_text(
        "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in rw)
    )
    res = cli(wt, ["classify", "--jsonl"], [{"id": r["id"], "text": r["text"]} for r in rw])
    (out / "rewrites.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in res)
    )
    pr = [
        json.loads(line)
        for line in (J / "items/practice.jsonl").read_text().splitlines()
        if line.strip()
    ]
    replies = []
    for session in dict.fromkeys(p["session"] for p in pr):
        qs = [p for p in pr if p["session"] == session]
        res = cli(
            wt,
            ["practice", "--persona", qs[0]["persona"], "--jsonl"],
            [{"id": q["id"], "text": q["text"]} for q in qs],
        )
        replies += [r for r in res if "reply" in r]
    (out / "practice.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in replies)
    )
    rev = out / "review"
    rev.mkdir(exist_ok=True)
    for f in sorted((J / "items/review").glob("fresh-*.txt")):
        truth = json.loads(f.with_suffix(".truth.json").read_text())
        env = dict(os.environ, PYTHONPATH=f"{wt}/src:{wt}", HF_HUB_OFFLINE="1")
        o = subprocess.run(
            [PY, "-m", "intervju", "review", str(f), "--guide", truth["guide"], "--format", "json"],
            capture_output=True,
            text=True,
            env=env,
            cwd=wt,
        )
        if o.returncode:
            sys.stderr.write(o.stderr[-2000:])
        (rev / (f.stem + ".json")).write_text(o.stdout)
    print("done", label)


main()
