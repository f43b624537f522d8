"""Follow-up cards on labelled turns written for this test (tests/data/cards_cases.yaml).

Floors, not exact outputs: the cards may change wording, but the strongest thing in a turn
must be picked up, nothing empty echoed, the conversation respected, and every reason true.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from intervju.lang import words
from intervju.suggestions import suggest

CASES: dict[str, list[dict[str, Any]]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "cards_cases.yaml").read_text(encoding="utf-8")
)
QUOTED = re.compile(r"«([^»]+)»|'([^']+)'")


def _cards(case: dict[str, Any]) -> list[Any]:
    return list(suggest(case["turn"], language=case["lang"], asked=case.get("asked")))


def test_the_strongest_span_is_picked_up() -> None:
    hits = 0
    for case in CASES["pick"]:
        cards = _cards(case)
        wanted = [q.lower() for q in case["quote"]]
        if any(w in c.text.lower() for c in cards[:2] for w in wanted):
            hits += 1
    assert hits / len(CASES["pick"]) >= 0.85, f"{hits}/{len(CASES['pick'])}"


@pytest.mark.parametrize("case", CASES["none"], ids=lambda c: c["turn"][:30])
def test_nothing_empty_is_echoed(case: dict[str, Any]) -> None:
    for card in _cards(case):
        quoted = " ".join(a or b for a, b in QUOTED.findall(card.text)).lower()
        for never in case["never"]:
            bare = never.strip("«»").lower()
            assert bare not in quoted.split() and bare not in {quoted}, card.text


@pytest.mark.parametrize("case", CASES["context"], ids=lambda c: c["turn"][:30])
def test_what_was_just_asked_is_not_asked_again(case: dict[str, Any]) -> None:
    texts = [c.text for c in _cards(case)]
    assert len(texts) == 3
    assert not set(texts) & set(case["not_text"])


def test_let_them_talk_only_when_the_thought_is_open() -> None:
    for case in CASES["trailing"]:
        assert "silence" in [c.intent for c in _cards(case)], case["turn"]
    for case in CASES["settled"]:
        assert "silence" not in [c.intent for c in _cards(case)], case["turn"]


def test_every_reason_is_true_of_the_turn() -> None:
    """What a reason quotes is in the turn (in order, fillers aside); a count is the count."""
    for group in ("pick", "none", "context", "trailing", "settled"):
        for case in CASES[group]:
            said = [w.lower() for w in words(case["turn"])]
            for card in _cards(case):
                for a, b in QUOTED.findall(card.why):
                    quote = [w.lower() for w in words(a or b)]
                    assert _in_order(quote, said), (card.why, case["turn"])


def _in_order(part: list[str], whole: list[str]) -> bool:
    it = iter(whole)
    return all(any(w == x for x in it) for w in part)


def test_three_different_angles() -> None:
    for case in CASES["pick"]:
        cards = _cards(case)
        assert len(cards) == 3
        assert len({c.text for c in cards}) == 3
        anchored = [c.emphasis for c in cards if c.emphasis]
        assert all(anchored.count(e) <= 2 for e in anchored), [c.text for c in cards]


def test_repeated_counts_are_counts() -> None:
    turn = "Det er den distansen, altså. Distansen merker jeg hver dag. Den distansen var ny."
    why = [c.why for c in suggest(turn, language="nb") if "ganger" in c.why]
    assert why and "tre ganger" in why[0]
