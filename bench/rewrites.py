"""Print the rewrite for every real closed question (NoTa, AnnoMI) and for the labelled sets.

Reads ../shared/external/ (never committed); skips cleanly when absent. Prints one line per
question so a native speaker can read and count the usable rewrites; prints coverage.
Usage: python bench/rewrites.py [external|own|FILE.jsonl]
A FILE.jsonl holds one {"text", "lang"} object a line (bench/data/rewrite_dev.jsonl,
bench/data/rewrite_holdout.jsonl: written for issue 12, the holdout read only once).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from intervju.analysis import analyse

ROOT = Path(__file__).resolve().parents[1]
EXTERNAL = [ROOT.parent / "shared" / "external", Path("/work/shared/external")]


def _external() -> list[dict[str, str]]:
    folder = next((p for p in EXTERNAL if p.exists()), None)
    if folder is None:
        return []
    rows = []
    for name in ("nota_oslo_interviewer_turns.jsonl", "annomi_mi_questions.jsonl"):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("form_relabel") == "closed":
                rows.append({"text": row["text"], "lang": row["lang"]})
    return rows


def _own() -> list[dict[str, str]]:
    import yaml

    path = ROOT / "tests" / "data" / "rewrite_cases.yaml"
    return [
        {"text": c["q"], "lang": c.get("lang", "nb")}
        for c in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    ]


def _file(path: str) -> list[dict[str, str]]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def main() -> None:
    which = sys.argv[1] if len(sys.argv) > 1 else "external"
    if which.endswith(".jsonl"):
        rows = _file(which)
    else:
        rows = _external() if which == "external" else _own()
    if not rows:
        print("no items (../shared/external/ absent)")
        return
    given = flagged = 0
    for i, row in enumerate(rows):
        result = analyse(row["text"], row["lang"])
        if not result.problems:
            print(f"{i:3d} [{row['lang']}] (no flag) {row['text']}")
            continue
        flagged += 1
        given += result.rewrite is not None
        print(f"{i:3d} [{row['lang']}] {','.join(result.problems)}: {row['text']}")
        print(f"      → {result.rewrite}")
    print(f"flagged {flagged}/{len(rows)}, rewrite given {given}/{flagged}")


if __name__ == "__main__":
    main()
