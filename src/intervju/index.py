"""An on-disk cache of embeddings.

The live engine scores a few hundred guide questions and probe examples with a
plain numpy inner product over unit vectors; search across interviews uses faiss
(:mod:`intervju.search`).

Why a cache: guides and probe banks are embedded once per model and content,
then loaded from disk in milliseconds, so starting a live session or a CLI run
does not pay hundreds of embedding calls. The key is the model id plus a hash
of the exact texts and the embedding kind (query or passage); any edit to a
guide simply produces a new key. The cache is an optimisation only: when the
folder cannot be written the vectors are still computed and used.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, TypeVar

import numpy as np
from langchain_core.embeddings import Embeddings

from .embeddings import embed_passages, embed_queries, model_id

__all__ = ["ENV_CACHE_DIR", "cache_dir", "cached_embeddings"]

ENV_CACHE_DIR = "INTERVJU_CACHE_DIR"
Kind = Literal["query", "passage"]
T = TypeVar("T")


def cache_dir() -> Path:
    """``INTERVJU_CACHE_DIR`` if set, else the platform's user cache folder."""
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("intervju", appauthor=False))


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text)[-80:] or "model"


def content_key(model: str, kind: Kind, texts: Sequence[str]) -> str:
    """Hash of everything that determines the vectors."""
    digest = hashlib.sha256()
    digest.update(model.encode("utf-8"))
    digest.update(b"\x00" + kind.encode("ascii"))
    for text in texts:
        digest.update(b"\x00" + text.encode("utf-8"))
    return digest.hexdigest()[:32]


def cached_embeddings(
    embeddings: Embeddings,
    texts: Sequence[str],
    *,
    kind: Kind = "query",
    directory: Path | None = None,
) -> np.ndarray:
    """Embed ``texts`` (float32 unit rows), reading and writing the disk cache."""
    texts = list(texts)
    mid = model_id(embeddings)
    folder = (directory or cache_dir()) / "embeddings" / _slug(mid)
    path = folder / f"{content_key(mid, kind, texts)}.npy"
    try:
        cached = np.load(path, allow_pickle=False)
        if cached.ndim == 2 and cached.shape[0] == len(texts) and cached.dtype == np.float32:
            return np.ascontiguousarray(cached)
    except (OSError, ValueError):
        pass  # missing or damaged: recompute below
    embed = embed_queries if kind == "query" else embed_passages
    vectors = embed(embeddings, texts)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Write to a temporary file and rename, so a concurrent reader never sees half a file.
        handle, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            np.save(stream, vectors, allow_pickle=False)
        os.replace(tmp, path)
    except OSError:
        pass  # read-only or full disk: the cache is only an optimisation
    return vectors
