"""The analyser's language data holds words, not YAML's other scalars.

An unquoted ``on``, ``off``, ``yes`` or ``no`` in a YAML list is read as a boolean (YAML 1.1),
so the word silently drops out of a stopword, preposition or opener list. Every list item and
every mapping key in ``analysis.yaml`` must be a string.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from intervju.lang._yaml import read_mapping

LANG = Path(__file__).resolve().parents[1] / "src" / "intervju" / "data" / "lang"


def _not_strings(node: Any, where: str) -> list[str]:
    if isinstance(node, dict):
        bad = [f"{where}: key {k!r}" for k in node if not isinstance(k, str)]
        return bad + [p for k, v in node.items() for p in _not_strings(v, f"{where}.{k}")]
    if isinstance(node, list):
        found: list[str] = []
        for i, item in enumerate(node):
            if isinstance(item, dict | list):
                found += _not_strings(item, f"{where}[{i}]")
            elif not isinstance(item, str):
                found.append(f"{where}[{i}]: {item!r}")
        return found
    return []


@pytest.mark.parametrize("code", ["nb", "en"])
def test_every_list_in_analysis_data_holds_only_strings(code: str) -> None:
    path = LANG / code / "analysis.yaml"
    assert _not_strings(dict(read_mapping(path)), path.name) == []


def test_the_check_sees_a_yaml_boolean() -> None:
    import yaml

    raw = yaml.safe_load("openers: [and, yes, no]\nwords: {on: at}")
    assert _not_strings(raw, "x") == [
        "x.openers[1]: True",
        "x.openers[2]: False",
        "x.words: key True",
    ]
