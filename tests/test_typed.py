"""The typed-line grammar (``intervju.typed``): prefixes, switches, plain text."""

from __future__ import annotations

import pytest

from intervju.typed import Line, Speaker, other, parse_line


@pytest.mark.parametrize(
    ("raw", "current", "expected"),
    [
        ("Hvordan var det?", "interviewer", Line("turn", "interviewer", "Hvordan var det?")),
        ("  ", "interviewer", Line("empty", "interviewer")),
        ("/", "interviewer", Line("switch", "informant")),
        ("/", "informant", Line("switch", "interviewer")),
        ("i: Det var fint.", "interviewer", Line("turn", "informant", "Det var fint.")),
        ("F: Hva tenkte du da?", "informant", Line("turn", "interviewer", "Hva tenkte du da?")),
        ("Forsker: Og så?", "informant", Line("turn", "interviewer", "Og så?")),
        ("IP: Ja, litt.", "interviewer", Line("turn", "informant", "Ja, litt.")),
        ("a: It was fine.", "interviewer", Line("turn", "informant", "It was fine.")),
        ("q:", "informant", Line("switch", "interviewer")),
        ("i:", "interviewer", Line("switch", "informant")),
        ("  flere   mellomrom  ", "informant", Line("turn", "informant", "flere mellomrom")),
        (
            "Klokka var 10: vi begynte",
            "informant",
            Line("turn", "informant", "Klokka var 10: vi begynte"),
        ),
        ("i går: ingenting", "informant", Line("turn", "informant", "i går: ingenting")),
    ],
)
def test_parse_line(raw: str, current: Speaker, expected: Line) -> None:
    assert parse_line(raw, current) == expected


def test_other() -> None:
    assert other("interviewer") == "informant"
    assert other("informant") == "interviewer"
