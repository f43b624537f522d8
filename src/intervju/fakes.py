"""A fast, dependency-free stand-in for the embedding model.

``HashingEmbeddings`` maps words and character trigrams into a fixed number
of dimensions by hashing, then normalises. Texts that share words get a
higher cosine, so tracking and retrieval behave sensibly, but it knows
nothing of meaning. It exists for tests and for UI wiring tests, where the
real model's ~10 ms per text would make suites slow; it is never a default.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from langchain_core.embeddings import Embeddings

_WORD = re.compile(r"\w+", re.UNICODE)


class HashingEmbeddings(Embeddings):
    """Deterministic bag-of-words/trigram hashing embeddings (unit vectors)."""

    def __init__(self, dim: int = 384) -> None:
        self.dim = dim

    @property
    def model_id(self) -> str:
        """Part of the on-disk cache key: vectors of another size are another model."""
        return f"hashing-{self.dim}"

    def _vector(self, text: str) -> list[float]:
        vec = np.zeros(self.dim, dtype=np.float32)
        for word in _WORD.findall(text.lower()):
            features = [f"w:{word}"] + [f"t:{word[i : i + 3]}" for i in range(len(word) - 2)]
            for feature in features:
                digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
                bucket = int.from_bytes(digest[:4], "little") % self.dim
                sign = 1.0 if digest[4] & 1 else -1.0
                vec[bucket] += sign * (2.0 if feature.startswith("w:") else 0.5)
        norm = float(np.linalg.norm(vec))
        if norm == 0.0:
            vec[0] = 1.0
            norm = 1.0
        return [float(x) for x in vec / norm]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(text) for text in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)
