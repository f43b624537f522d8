"""Tests for the question analyser.

Two tables drive most of it: ``tests/data/analysis_cases.yaml`` (small cases, one rule each:
word order, cues, segmentation, normalisation, rewriting) and the labelled development set
``tests/data/questions.jsonl`` (floors per label). Every
rewrite the analyser proposes must itself be judged open, single and non-leading.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from intervju.analysis import Analysis, QuestionPart, analyse, detect_language
from intervju.analysis._data import load
from intervju.analysis._syntax import normalise
from intervju.errors import IntervjuError

DATA = Path(__file__).resolve().parent / "data"
CASES: dict[str, list[dict[str, Any]]] = yaml.safe_load(
    (DATA / "analysis_cases.yaml").read_text(encoding="utf-8")
)
DEV_SET = DATA / "questions.jsonl"

# Floors a little under what the analyser achieves on the development set (bench/classify.py
# prints the exact figures); they catch regressions, not noise.
FLOORS = {"form_accuracy": 0.95, "closed": 0.95, "leading": 0.90, "double": 0.93, "why": 0.95}


def _id(case: dict[str, Any]) -> str:
    return str(case["text"])[:50]


@pytest.mark.parametrize("case", CASES["classify"], ids=_id)
def test_classify_cases(case: dict[str, Any]) -> None:
    result = analyse(case["text"])
    assert result.language == case.get("lang", "nb")
    assert result.form == case["form"]
    assert result.leading is case.get("leading", False), result.cues
    assert result.double is case.get("double", False), result.questions
    assert result.why is case.get("why", False)
    if "questions" in case:
        assert len(result.questions) == case["questions"], result.questions
    if "cue" in case:
        assert case["cue"] in {kind for kind, _ in result.cues}, result.cues


@pytest.mark.parametrize("case", CASES["normalise"], ids=_id)
def test_normalise_cases(case: dict[str, Any]) -> None:
    assert normalise(case["text"], load("nb")) == case["expect"]


@pytest.mark.parametrize("case", CASES["segment"], ids=_id)
def test_segmentation_cases(case: dict[str, Any]) -> None:
    assert list(analyse(case["text"]).questions) == case["questions"]


def _is_clean_open(text: str, language: str) -> bool:
    judged = analyse(text, language)
    return judged.form == "open" and not judged.leading and not judged.double


@pytest.mark.parametrize("case", CASES["rewrite"], ids=_id)
def test_rewrite_cases_keep_topic_and_are_open(case: dict[str, Any]) -> None:
    result = analyse(case["text"])
    assert result.rewrite is not None
    assert any(word.lower() in result.rewrite.lower() for word in case["keeps"]), result.rewrite
    for word in case.get("drops", []):  # the evaluation the interviewer assumed must go
        assert word.lower() not in result.rewrite.lower().split(), result.rewrite
    assert _is_clean_open(result.rewrite, result.language), result.rewrite
    assert result.rewrite.endswith("?") and result.rewrite[0].isupper()


def test_rewrite_only_when_there_is_a_problem() -> None:
    assert analyse("Hvordan opplevde du det første møtet?").rewrite is None
    assert analyse("Mhm.").rewrite is None
    # A why alone is flagged softly, and gets «Hva gjorde at …?» (issue 12).
    assert analyse("Hvorfor valgte du video?").rewrite == "Hva gjorde at du valgte video?"
    assert analyse("Har du barn?").rewrite is not None


def test_explanation_names_the_cue_in_the_turns_language() -> None:
    nb = analyse("Du synes vel at video er tungvint?")
    assert "«vel»" in nb.explanation and nb.explanation.startswith("Lukket")
    en = analyse("It was easier at home, right?")
    assert en.explanation.startswith("Closed") and "right" in en.explanation
    assert analyse("Hvordan var det?").explanation == ""
    double = analyse("Hva gjorde dere? Hvem bestemte det?")
    assert "2 spørsmål" in double.explanation


def test_analysis_shape_and_problems() -> None:
    result = analyse("Hvordan var det, var det vanskelig?")
    assert isinstance(result, Analysis)
    assert result.problems == ("closed", "leading", "double")
    assert all(isinstance(p, QuestionPart) for p in result.parts)
    assert [p.form for p in result.parts] == ["open", "closed"]
    assert set(result.to_dict()) == {
        "form",
        "leading",
        "double",
        "why",
        "questions",
        "explanation",
        "rewrite",
    }
    with pytest.raises(AttributeError):
        result.form = "open"  # type: ignore[misc]


def test_pure_and_deterministic() -> None:
    text = "Så makten blir borte på video?"
    assert analyse(text) == analyse(text)


def test_language_detection_and_override() -> None:
    assert detect_language("Hvordan opplevde du det?") == "nb"
    assert detect_language("How did you experience that?") == "en"
    assert detect_language("Mhm.") == "nb"  # ties go to Norwegian
    assert analyse("Hvordan opplevde du det?", "en").language == "en"
    assert analyse("How did you experience that?", "no").language == "nb"
    with pytest.raises(IntervjuError):
        analyse("Hva?", "de")


def test_empty_and_noise_only_turns() -> None:
    for text in ("", "   ", "eh … ehm", "[...]", "(pause)"):
        result = analyse(text)
        assert result.form == "not_question" and result.questions == ()
        assert result.rewrite is None and result.explanation == ""


# --- the labelled development set ------------------------------------------------------


@pytest.fixture(scope="module")
def dev_set() -> list[tuple[dict[str, Any], Analysis]]:
    rows = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line]
    return [(row, analyse(row["text"])) for row in rows]


def _f1(pairs: list[tuple[bool, bool]]) -> float:
    tp = sum(g and p for g, p in pairs)
    fp = sum(p and not g for g, p in pairs)
    fn = sum(g and not p for g, p in pairs)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def test_dev_set_form_accuracy(dev_set: list[tuple[dict[str, Any], Analysis]]) -> None:
    accuracy = sum(row["form"] == result.form for row, result in dev_set) / len(dev_set)
    assert accuracy >= FLOORS["form_accuracy"]


def test_dev_set_closed_f1(dev_set: list[tuple[dict[str, Any], Analysis]]) -> None:
    pairs = [(row["form"] == "closed", result.form == "closed") for row, result in dev_set]
    assert _f1(pairs) >= FLOORS["closed"]


@pytest.mark.parametrize("flag", ["leading", "double", "why"])
def test_dev_set_flag_f1(flag: str, dev_set: list[tuple[dict[str, Any], Analysis]]) -> None:
    pairs = [(bool(row[flag]), bool(getattr(result, flag))) for row, result in dev_set]
    assert _f1(pairs) >= FLOORS[flag]


def test_dev_set_language_detection(dev_set: list[tuple[dict[str, Any], Analysis]]) -> None:
    labelled = [(row, result) for row, result in dev_set if row.get("lang") in ("nb", "en")]
    correct = sum(row["lang"] == result.language for row, result in labelled)
    assert correct / len(labelled) >= 0.97


def _asks_permission(text: str, language: str) -> bool:
    """«Er det greit at jeg tar opp?»: the language data's questions that get no rewrite."""
    spoken = " ".join(re.findall(r"[\w']+", text.lower()))
    patterns = load(language).rewrite.get("no_rewrite_patterns", []) or []  # type: ignore[arg-type]
    return any(re.search(str(p), spoken) for p in patterns)


def test_dev_set_every_rewrite_is_open_single_and_neutral(
    dev_set: list[tuple[dict[str, Any], Analysis]],
) -> None:
    for row, result in dev_set:
        needs = result.form == "closed" or result.leading or result.double or result.why
        # A permission question asks for no account, so it alone gets no rewrite.
        wanted = needs and not _asks_permission(row["text"], result.language)
        assert (result.rewrite is not None) == wanted, row["text"]
        if result.rewrite is not None:
            assert _is_clean_open(result.rewrite, result.language), (row["text"], result.rewrite)


# --- the independent held-out set ------------------------------------------------------
# Written by a separate annotator who saw neither the rules nor the dev set (see
# tests/data/README.md). Its floors sit a little under what the analyser achieved when the
# set was first run, so a change that generalises worse fails here first.
HOLDOUT = DATA / "questions_holdout.jsonl"
HOLDOUT_FLOORS = {"form_accuracy": 0.95, "closed": 0.95, "leading": 0.88, "double": 0.88}


@pytest.fixture(scope="module")
def holdout_set() -> list[tuple[dict[str, Any], Analysis]]:
    rows = [json.loads(line) for line in HOLDOUT.read_text(encoding="utf-8").splitlines() if line]
    return [(row, analyse(row["text"])) for row in rows]


def test_holdout_form(holdout_set: list[tuple[dict[str, Any], Analysis]]) -> None:
    accuracy = sum(row["form"] == result.form for row, result in holdout_set) / len(holdout_set)
    assert accuracy >= HOLDOUT_FLOORS["form_accuracy"]
    pairs = [(row["form"] == "closed", result.form == "closed") for row, result in holdout_set]
    assert _f1(pairs) >= HOLDOUT_FLOORS["closed"]


@pytest.mark.parametrize("flag", ["leading", "double"])
def test_holdout_flag_f1(flag: str, holdout_set: list[tuple[dict[str, Any], Analysis]]) -> None:
    pairs = [(bool(row[flag]), bool(getattr(result, flag))) for row, result in holdout_set]
    assert _f1(pairs) >= HOLDOUT_FLOORS[flag]


# --- spoken speech: fillers, dialect, fragments, no punctuation ---------------------------
# Written in wave 2 by an annotator who saw no code, modelled on real transcribed interviewer
# turns (see tests/data/README.md). First run: form 0.953, leading F1 0.825, double F1 0.947,
# why F1 0.944; the analyser's real-speech rules were then checked against it, so these
# floors guard the patterns, they do not measure generalisation. Every item is scored as
# written and, again, with all punctuation removed and lower-cased (speech-to-text).
SPOKEN = DATA / "spoken_questions.jsonl"
SPOKEN_FLOORS = {"form_accuracy": 0.95, "leading": 0.90, "double": 0.90, "why": 0.90}
SPOKEN_BARE_FLOOR = 0.84


def _spoken_rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SPOKEN.read_text(encoding="utf-8").splitlines() if line]


def test_spoken_set_is_large_and_mixed() -> None:
    rows = _spoken_rows()
    assert len(rows) >= 300
    assert sum(r["lang"] == "en" for r in rows) >= 40
    assert sum(not any(m in r["text"] for m in ".?!,") for r in rows) >= 80  # unpunctuated


@pytest.mark.parametrize("measure", list(SPOKEN_FLOORS))
def test_spoken_floors(measure: str) -> None:
    rows = _spoken_rows()
    results = [analyse(r["text"], r["lang"]) for r in rows]
    if measure == "form_accuracy":
        score = sum(r["form"] == a.form for r, a in zip(rows, results, strict=True)) / len(rows)
    else:
        score = _f1(
            [
                (bool(r[measure]), bool(getattr(a, measure)))
                for r, a in zip(rows, results, strict=True)
            ]
        )
    assert score >= SPOKEN_FLOORS[measure]


SPOKEN_HOLDOUT = DATA / "spoken_holdout.jsonl"


def test_spoken_holdout_floors() -> None:
    """158 more turns by the same annotator, written after the first set and run once before
    any change (form 0.924, leading F1 0.872); its errors were read once since."""
    rows = [json.loads(line) for line in SPOKEN_HOLDOUT.read_text(encoding="utf-8").splitlines()]
    results = [analyse(r["text"], r["lang"]) for r in rows]
    accuracy = sum(r["form"] == a.form for r, a in zip(rows, results, strict=True)) / len(rows)
    assert accuracy >= 0.92
    pairs = [(bool(r["leading"]), a.leading) for r, a in zip(rows, results, strict=True)]
    assert _f1(pairs) >= 0.85


def test_spoken_without_punctuation() -> None:
    """Speech-to-text output: the same turns with no punctuation and no capitals."""
    rows = _spoken_rows()
    bare = [
        re.sub(r"\s+", " ", re.sub(r"[.,?!;:…«»\"]+", " ", r["text"])).strip().lower() for r in rows
    ]
    right = sum(r["form"] == analyse(t, r["lang"]).form for r, t in zip(rows, bare, strict=True))
    assert right / len(rows) >= SPOKEN_BARE_FLOOR


# --- robustness: the live screen calls analyse() on whatever was typed -----------------


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_analyse_never_raises_and_stays_consistent(text: str) -> None:
    result = analyse(text)
    assert result.form in ("open", "closed", "not_question")
    assert result.language in ("nb", "en")
    if result.form == "not_question":
        assert not (result.leading or result.double or result.why)
    if result.rewrite is not None:
        assert result.rewrite.endswith("?")


@pytest.mark.parametrize(
    "text",
    [
        "Hva var det verste med å miste kontakten?",  # superlative
        "Merket du at brukerne ble roligere?",  # factive
        "Hvordan orket du alle de møtene?",  # hardship
    ],
)
def test_every_leading_verdict_says_why(text: str) -> None:
    result = analyse(text)
    assert result.leading and "edende" in result.explanation


def test_sentence_after_an_abbreviation_or_no_is_its_own_question() -> None:
    result = analyse("Oh no. How did that feel?")
    assert result.form == "open" and not result.leading and result.rewrite is None
    assert analyse("Vi brukte Teams, Zoom osv. Hva fungerte best?").questions == (
        "Hva fungerte best?",
    )


def test_parts_agree_with_the_turn_on_leading() -> None:
    result = analyse("Hva var det beste, og hva var det verste?")
    assert not result.leading and not any(part.leading for part in result.parts)
