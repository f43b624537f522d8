"""The live screen, ``intervju classify`` and ``intervju review`` judge a question alike.

Each path decides the turn's language the same way (the language layer's one detector, the
conversation's language when the turn shows none) and then asks the one analyser; nothing
downstream re-decides a flag or a rewrite. This test runs every labelled question through
all three and compares the verdicts field by field.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from intervju.analysis import analyse
from intervju.cli import app
from intervju.fakes import HashingEmbeddings
from intervju.guides import load_guide
from intervju.live import LiveSession
from intervju.models import Transcript, Turn
from intervju.review import review_transcript

DATA = Path(__file__).parent / "data"
SETS = (
    "questions.jsonl",
    "questions_holdout.jsonl",
    "spoken_questions.jsonl",
    "spoken_holdout.jsonl",
)
GUIDES = {"nb": None, "en": Path(__file__).parents[1] / "guide" / "remote-work-en.yaml"}


def _items(lang: str) -> list[dict[str, Any]]:
    rows = []
    for name in SETS:
        path = DATA / name
        if path.exists():
            rows += [
                json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line
            ]
    return [r for r in rows if r["lang"] == lang]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_live_classify_and_review_agree(lang: str) -> None:
    items = _items(lang)
    assert len(items) > 30
    embeddings = HashingEmbeddings()
    guide = load_guide(GUIDES[lang]) if GUIDES[lang] else load_guide()

    session = LiveSession(guide, embeddings, language=lang)
    live = []
    turns = []
    for i, item in enumerate(items):
        update = session.add_turn("Forsker", item["text"], role="interviewer")
        assert update.analysis is not None
        live.append(update.analysis)
        turns.append(Turn(2 * i, "Forsker", "interviewer", None, None, item["text"]))
        turns.append(Turn(2 * i + 1, "Informant", "informant", None, None, "Mm."))

    lines = [
        json.dumps({"id": i, "text": r["text"], "lang": live[i].language})
        for i, r in enumerate(items)
    ]
    result = CliRunner().invoke(app, ["classify", "--jsonl"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    classified = {row.pop("id"): row for row in map(json.loads, result.output.splitlines())}

    report = review_transcript(Transcript(tuple(turns), "txt"), guide, embeddings=embeddings)
    reviewed = {q.turn_index: q for q in report.questions}

    for i, item in enumerate(items):
        verdict = live[i]
        assert classified[i] == verdict.to_dict(), item["text"]
        if verdict.form == "not_question":
            continue
        review = reviewed.get(2 * i)
        assert review is not None, item["text"]
        shown = (review.form, review.leading, review.double, review.why, review.rewrite)
        expected = (verdict.form, verdict.leading, verdict.double, verdict.why, verdict.rewrite)
        assert shown == expected, item["text"]
        assert review.explanation == verdict.explanation, item["text"]


_QUOTED = re.compile(r"«([^»]+)»|\"([^\"]+)\"")


def _squash(text: str) -> str:
    return re.sub(r"[\s,]+", " ", text.lower().replace("’", "'")).strip()


@pytest.mark.parametrize("name", SETS)
def test_every_quoted_cue_is_in_the_question(name: str) -> None:
    """An explanation never quotes a word the interviewer did not say."""
    path = DATA / name
    if not path.exists():
        pytest.skip(f"{name} is not written yet")
    checked = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        result = analyse(item["text"], item["lang"])
        for match in _QUOTED.finditer(result.explanation):
            quoted = match.group(1) or match.group(2)
            assert _squash(quoted) in _squash(item["text"]), (item["text"], result.explanation)
            checked += 1
    assert checked > 10
