"""Score the review on interviews labelled by VTT cue id (the fresh held-out format).

Each ``X.vtt`` has ``X.truth.json``: ``questions`` [{cue_id, topic (a name),
form, …}] for every interviewer turn, and ``missed_followups``
[{informant_cue_id, words, next_question_cue_id}]. A cue id is mapped to the
turn that holds it (the turn starting at or before the cue). It prints, per
interview and in total: question → topic accuracy over the truth's questions
(form open or closed; a question the review did not take as one counts as
wrong), and missed follow-up precision and recall (a hit when the review's
missed turn is the labelled informant turn).

    python bench/review_cues.py DIR [--topics oppstart,korona,kommunikasjon,relasjon,avslutning]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from itertools import pairwise
from pathlib import Path

from intervju.readers import read_transcript
from intervju.review import review_files

_TIME = re.compile(r"(\d+):(\d\d):(\d\d)\.(\d+)\s*-->")


def cue_starts(path: Path) -> dict[str, float]:
    """Cue id → start seconds, read from the VTT file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out: dict[str, float] = {}
    for prev, line in pairwise(lines):
        m = _TIME.match(line)
        if m and prev.strip():
            h, mi, s, frac = m.groups()
            out[prev.strip()] = int(h) * 3600 + int(mi) * 60 + int(s) + float("0." + frac)
    return out


def cue_turns(path: Path) -> dict[str, int]:
    starts = cue_starts(path)
    turns = [(t.start or 0.0, t.index) for t in read_transcript(path).turns]
    out: dict[str, int] = {}
    for cue, start in starts.items():
        holder = [i for s, i in turns if s <= start + 1e-6]
        out[cue] = holder[-1] if holder else 0
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--topics", default="oppstart,korona,kommunikasjon,relasjon,avslutning")
    args = parser.parse_args()
    topic_no = {name: i for i, name in enumerate(args.topics.split(","), start=1)}
    files = sorted(p for p in args.folder.glob("*.vtt") if p.with_suffix(".truth.json").exists())
    report = review_files(files)
    right = total = tp = fp = fn = 0
    for path, interview in zip(files, report.interviews, strict=True):
        truth = json.loads(path.with_suffix(".truth.json").read_text("utf-8"))
        where = cue_turns(path)
        got = {q.turn_index: q.topic_index for q in interview.questions}
        r = n = 0
        wrong: list[str] = []
        for q in truth["questions"]:
            if q["form"] == "not_question":
                continue
            turn = where[q["cue_id"]]
            n += 1
            ok = got.get(turn) == topic_no[q["topic"]]
            r += ok
            if not ok:
                wrong.append(f"{turn}:{got.get(turn)}≠{topic_no[q['topic']]}")
        want = {where[m["informant_cue_id"]] for m in truth["missed_followups"]}
        mine = {m.turn_index for m in interview.missed_followups}
        tp += len(want & mine)
        fp += len(mine - want)
        fn += len(want - mine)
        right += r
        total += n
        print(f"  {path.name}: topic {r}/{n}, missed {sorted(mine)} vs {sorted(want)}")
        print(f"    topic errors (turn:got≠want): {' '.join(wrong) or '-'}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"question topic accuracy: {right}/{total} = {right / max(total, 1):.3f} (target ≥ 0.92)")
    print(
        f"missed follow-ups: precision {precision:.2f} ({tp}/{tp + fp}), "
        f"recall {recall:.2f} ({tp}/{tp + fn}) (targets: recall ≥ 0.75, precision ≥ 0.70)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
