"""Each stop list is declared once per language; a list added to others repeats none of them."""

from __future__ import annotations

import pytest

from intervju.analysis._data import load as analysis_data
from intervju.lang import LANGUAGES, Lang, lexicon
from intervju.lang._yaml import word_set
from intervju.lang.lexicon import read_language_file
from intervju.personas import practice_lang


@pytest.mark.parametrize("code", LANGUAGES)
def test_practice_stop_words_only_add_to_the_shared_lists(code: Lang) -> None:
    raw, where = read_language_file(code, "practice")
    own = word_set(raw, "stopwords", where)
    shared = (
        lexicon(code).stop_words
        | analysis_data(code).stopwords
        | analysis_data(code).function_words
    )
    assert not own & shared
    assert practice_lang(code).stopwords == own | shared


def test_the_practice_stop_lists_are_as_large_as_before() -> None:
    assert {code: len(practice_lang(code).stopwords) for code in LANGUAGES} == {
        "nb": 267,
        # + telling, begin (round 8: «Could you begin by telling me …»); + every (lexicon, a
        # determiner: "the accommodations every single day" is no noun phrase)
        "en": 261,
    }
