"""Print the practice informant's reply to every question of practice session files.

Each file holds ``{"seq", "persona", "id", "text"}`` lines (tests/data/practice_dev*.jsonl);
a fresh informant (seed 0, the configured embeddings as the CLI uses them) answers each
``seq`` in order. Prints one block per question for a reader to judge (addresses the
question? deeper on a probe? contradicts earlier facts?), then the open/other length ratio.
``--out FILE`` also writes the replies as JSON lines, to compare two runs line by line.
Usage: python bench/practice_sessions.py tests/data/practice_dev5.jsonl [...] [--out FILE]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from intervju.embeddings import get_embeddings
from intervju.practice import SimulatedInformant, load_persona


def _sessions(paths: list[str]) -> dict[str, list[dict[str, str]]]:
    sessions: dict[str, list[dict[str, str]]] = {}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                sessions.setdefault(row["seq"], []).append(row)
    return sessions


def main(argv: list[str]) -> None:
    out = argv[argv.index("--out") + 1] if "--out" in argv else None
    paths = [a for a in argv if a.endswith(".jsonl") and a != out]
    embeddings = get_embeddings(None)
    rows, open_words, other_words = [], [], []
    for items in _sessions(paths).values():
        informant = SimulatedInformant(load_persona(items[0]["persona"]), embeddings, seed=0)
        for item in items:
            reply = informant.reply(item["text"])
            rows.append({**item, "reply": reply.text, "kind": reply.kind,
                         "episode": reply.episode, "detail": reply.detail})  # fmt: skip
            print(f"[{item['id']}] {item['text']}\n   -> ({reply.kind} {reply.episode}"
                  f"#{reply.detail}) {reply.text}")  # fmt: skip
            if reply.analysis.form != "not_question":
                good = reply.analysis.form == "open" and not reply.analysis.leading
                (open_words if good else other_words).append(len(re.findall(r"\w+", reply.text)))
    if open_words and other_words:
        mean_open = sum(open_words) / len(open_words)
        mean_other = sum(other_words) / len(other_words)
        print(f"open {mean_open:.1f} words, other {mean_other:.1f}: {mean_open / mean_other:.1f}")
    if out:
        lines = (json.dumps(r, ensure_ascii=False) for r in rows)
        Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
