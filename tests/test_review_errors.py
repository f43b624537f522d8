"""A broken probe bank falls back to the review's own stop words; a bug is not hidden."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from intervju.errors import GuideError
from intervju.lang.review_words import review_words
from intervju.review import followups


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    followups._stopwords.cache_clear()
    yield
    followups._stopwords.cache_clear()


def _raising(exc: Exception) -> object:
    def load(language: str) -> object:
        raise exc

    return load


def test_a_broken_probe_bank_falls_back_to_the_echo_stop_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(followups, "load_probe_bank", _raising(GuideError("bad", where="x")))
    assert followups._stopwords("nb") == review_words().echo_stop_words


def test_a_bug_while_loading_the_bank_is_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(followups, "load_probe_bank", _raising(TypeError("a bug")))
    with pytest.raises(TypeError, match="a bug"):
        followups._stopwords("nb")
