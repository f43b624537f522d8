"""Topic accuracy and missed-follow-up P/R of outputs/<label>/review vs items/review truth."""

import json
import os
import sys
from pathlib import Path

J = Path(os.environ.get("JUDGING_DIR", "/work/judging4"))  # outside the repository
label = sys.argv[1]
tot = ok = tp = fp = fn = 0
for t in sorted((J / "items/review").glob("fresh-*.truth.json")):
    truth = json.loads(t.read_text())
    out = json.loads(
        (J / "outputs" / label / "review" / (t.name.replace(".truth.json", ".json"))).read_text()
    )
    iv = out["interviews"][0]
    want = {x["turn"]: x["topic"] for x in truth["topics"]}
    got = {q["turn_index"]: q["topic_index"] for q in iv["questions"]}
    common = [k for k in got if k in want]
    a = sum(got[k] == want[k] for k in common)
    m_t, m_p = set(truth["missed"]), set(iv["missed_followups"])
    print(
        f"{t.stem}: topic {a}/{len(common)} (product questions {len(got)}, truth turns {len(want)}); "
        f"missed truth {sorted(m_t)} product {sorted(m_p)}"
    )
    tot += len(common)
    ok += a
    tp += len(m_t & m_p)
    fp += len(m_p - m_t)
    fn += len(m_t - m_p)
print(
    f"TOTAL topic {ok}/{tot} = {ok / max(tot, 1):.3f}; missed P {tp}/{tp + fp} = {tp / max(tp + fp, 1):.2f}, R {tp}/{tp + fn} = {tp / max(tp + fn, 1):.2f}"
)
