"""Score the question analyser on real, transcribed interviewer turns.

The labelled sets in ``tests/data`` were written for the project; these were not. They are
NoTa-Oslo interviews (bokmål, spontaneous Oslo speech, fillers and false starts kept) and
AnnoMI counselling sessions (English), labelled under the project's conventions, kept in
``../shared/external/`` under their own licences and never copied into the project. This bench
reads them when the folder is there and says so and exits 0 when it is not.

Each set is scored twice: as transcribed, and with every punctuation mark removed and the text
lower-cased, which is what a speech-to-text engine gives the live screen.

Printed per set: 3-way form accuracy, precision/recall per form, how many turns got each flag,
and the false-flag rate (the share of open questions that get any flag: closed, leading or
double). NoTa and AnnoMI carry no leading labels, so every leading flag is listed with
``--show leading`` for a reader to judge.

    python bench/real_speech.py [--external DIR] [--errors N] [--show leading|open-flagged]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from intervju.analysis import Analysis, analyse

ROOT = Path(__file__).resolve().parent.parent
FORMS = ("open", "closed", "not_question")
_PUNCTUATION = re.compile(r"[.,?!;:…«»\"“”]+")


def external_dir(explicit: str | None) -> Path | None:
    candidates = [Path(explicit)] if explicit else [ROOT.parent / "shared" / "external",
                                                    Path("/work/shared/external")]  # fmt: skip
    return next((c for c in candidates if (c / "README.md").exists()), None)


def load(path: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if r.get("form_relabel")]


def unpunctuated(text: str) -> str:
    return re.sub(r"\s+", " ", _PUNCTUATION.sub(" ", text)).strip().lower()


def score(rows: list[dict[str, Any]], preds: list[Analysis], title: str) -> dict[str, float]:
    n = len(rows)
    gold = [r["form_relabel"] for r in rows]
    acc = sum(g == p.form for g, p in zip(gold, preds, strict=True)) / n
    print(f"\n== {title} (n={n}) ==")
    print(f"form accuracy: {acc:.3f}")
    for form in FORMS:
        tp = sum(g == form and p.form == form for g, p in zip(gold, preds, strict=True))
        predicted = sum(p.form == form for p in preds)
        support = gold.count(form)
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        print(f"  {form:13} P {precision:.3f}  R {recall:.3f}  (support {support})")
    for flag in ("leading", "double", "why"):
        print(f"  {flag:13} flagged {sum(bool(getattr(p, flag)) for p in preds)}")
    open_preds = [p for g, p in zip(gold, preds, strict=True) if g == "open"]
    flagged = sum(p.form == "closed" or p.leading or p.double for p in open_preds)
    rate = flagged / len(open_preds) if open_preds else 0.0
    print(f"false-flag rate on open questions: {rate:.3f} ({flagged}/{len(open_preds)})")
    return {"accuracy": acc, "false_flag_rate": rate}


def show(rows: list[dict[str, Any]], preds: list[Analysis], what: str, limit: int) -> None:
    shown = 0
    for row, pred in zip(rows, preds, strict=True):
        gold = row["form_relabel"]
        if (
            (what == "leading" and pred.leading)
            or (
                what == "open-flagged"
                and gold == "open"
                and (pred.form == "closed" or pred.leading or pred.double)
            )
            or (what == "errors" and gold != pred.form)
        ):
            pass
        else:
            continue
        print(f"  [{row['id']}] gold={gold} pred={pred.form}{' +'.join(['', *pred.problems])}")
        print(f"      {row['text']!r}\n      → {pred.explanation}")
        shown += 1
        if shown >= limit:
            break


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--external", help="folder with the external jsonl files")
    parser.add_argument("--show", choices=("leading", "open-flagged", "errors"))
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--only", choices=("nota", "annomi"))
    args = parser.parse_args(argv)
    folder = external_dir(args.external)
    if folder is None:
        print("real_speech: ../shared/external/ is not here; nothing to score")
        return 0
    sets = {"nota": "nota_oslo_interviewer_turns.jsonl", "annomi": "annomi_mi_questions.jsonl"}
    for name, filename in sets.items():
        if args.only and name != args.only:
            continue
        rows = load(folder / filename)
        for variant, transform in (("as transcribed", str), ("no punctuation", unpunctuated)):
            preds = [analyse(transform(r["text"]), r["lang"]) for r in rows]
            score(rows, preds, f"{name}, {variant}")
            if args.show:
                show(rows, preds, args.show, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
