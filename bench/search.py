"""Benchmark search across interviews: build and query time over 50 interviews.

Fifty synthetic 60-minute interviews (bench/review.py's generator: the sample
interviews' exchanges recombined, about 80 informant turns each) are indexed
with the real embedding model, as :class:`intervju.search.StudyIndex` does in
the product, into a temporary data folder. The synthetic interviews reuse the
same answers, so a memo in front of the model embeds each distinct passage
once (the build time printed is therefore the cost of the unique texts, not a
cold build of 50 real interviews). Then it prints the time to load the study
index from disk, and per-query latency (embedding the query + faiss search)
over 40 queries: median, 95th percentile and max, against the target.

    python bench/search.py [--interviews 50]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from review import synthetic

from intervju.embeddings import embed_queries, get_embeddings, model_id
from intervju.search import StudyIndex, session_source

TARGET_MS = 100.0
QUERIES = [
    "hvor ellers snakket noen om makt og kontor",
    "brukeren føler seg tryggere hjemme",
    "kroppsspråk og blikkontakt forsvinner",
    "hvem andre er i rommet, taushetsplikt",
    "video er effektivt og gir hyppigere kontakt",
    "krever digital kompetanse og struktur",
    "kaffekoppen hjemme gjør praten lettere",
    "ikke alle passer for video",
]


class _Memo(Embeddings):
    """The real model with a memo: identical texts are embedded once."""

    def __init__(self, inner: Embeddings) -> None:
        self.inner = inner
        self.model_id = model_id(inner)
        self._seen: dict[str, np.ndarray] = {}

    def query_array(self, texts: list[str]) -> np.ndarray:
        fresh = [t for t in dict.fromkeys(texts) if t not in self._seen]
        if fresh:
            for text, row in zip(fresh, embed_queries(self.inner, fresh), strict=True):
                self._seen[text] = row
        return np.vstack([self._seen[t] for t in texts]).astype(np.float32)

    passage_array = query_array

    def embed_query(self, text: str) -> list[float]:
        row: list[float] = self.query_array([text])[0].tolist()
        return row

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        rows: list[list[float]] = self.query_array(texts).tolist()
        return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=50)
    args = parser.parse_args()
    model = get_embeddings()
    embed_queries(model, ["varm opp"])
    memo = _Memo(model)
    sources = [session_source(i, synthetic(60, seed=i)) for i in range(args.interviews)]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "search"
        t0 = time.perf_counter()
        StudyIndex.build(sources, memo, folder)
        build = time.perf_counter() - t0
        t0 = time.perf_counter()
        index = StudyIndex.build(sources, model, folder)  # from disk: nothing embedded
        load = time.perf_counter() - t0
        print(f"{args.interviews} interviews, {len(index)} passages")
        print(f"build (unique texts embedded once): {build:.1f} s; load from disk: {load:.2f} s")
        index.search(QUERIES[0], 10)  # warm
        times: list[float] = []
        for round_ in range(5):
            for query in QUERIES:
                t0 = time.perf_counter()
                index.search(f"{query} {round_}" if round_ else query, 10)
                times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    median = statistics.median(times)
    ok = p95 <= TARGET_MS
    print(
        f"query latency over {len(times)} queries: median {median:.1f} ms, p95 {p95:.1f} ms, "
        f"max {times[-1]:.1f} ms (target ≤ {TARGET_MS:g} ms) {'OK' if ok else 'SLOW'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
