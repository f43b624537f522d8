"""What a cached loader hands out is shared by every caller: none of them may change it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from intervju.analysis._data import load as analysis_data
from intervju.errors import _wordings as error_wordings
from intervju.lang import lexicon
from intervju.lang.cue_words import cue_words
from intervju.lang.wordings import wordings
from intervju.listen.languages import _table as listen_table
from intervju.personas import practice_lang
from intervju.practice import load_persona
from intervju.spans import card_data


def _set(mapping: Any) -> None:
    mapping["new"] = "x"


def _first(mapping: Any) -> Any:
    return mapping[next(iter(mapping))]


CASES: dict[str, Callable[[], Any]] = {
    "lexicon spoken forms": lambda: lexicon("nb").spoken_forms,
    "lexicon extra lists": lambda: lexicon("nb")._extra,
    "cue stem rewrites": lambda: cue_words("en").stem_rewrites,
    "wordings": lambda: wordings("nb", "review_report"),
    "error wordings": lambda: error_wordings("nb"),
    "listen languages": listen_table,
    "card sets": lambda: card_data("nb").sets,
    "card angles": lambda: card_data("nb").angles,
    "card wordings": lambda: card_data("nb").cards,
    "a card": lambda: _first(card_data("nb").cards)[0],
    "generic cards": lambda: card_data("nb").generic,
    "card reasons": lambda: card_data("nb").reasons,
    "said back": lambda: card_data("nb").said_back,
    "explain leading": lambda: analysis_data("nb").explain_leading,
    "rewrite frames": lambda: analysis_data("nb").rewrite,
    "contractions": lambda: analysis_data("en").contraction_map,
    "practice prompts": lambda: practice_lang("nb").llm,
    "persona lines": lambda: load_persona("nav-veileder").lines,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_cached_mapping_cannot_be_changed(name: str) -> None:
    mapping = CASES[name]()
    assert len(mapping) > 0
    with pytest.raises(TypeError):
        _set(mapping)


def test_nested_rewrite_frames_are_read_only_too() -> None:
    def nested(value: Any) -> list[Any]:
        if isinstance(value, (list, dict)):
            return [value]
        if isinstance(value, tuple):
            return [x for v in value for x in nested(v)]
        if hasattr(value, "values"):
            return [x for v in value.values() for x in nested(v)]
        return []

    assert nested(analysis_data("nb").rewrite) == []
    assert nested(practice_lang("en").llm) == []
