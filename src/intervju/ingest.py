"""Getting a live transcript in without duplicates: paste dedup and file following.

During a Teams interview the researcher copies the *whole* live transcript so
far and pastes it again and again, or points us at a file a transcription
tool keeps appending to. Either way we see the same turns many times, and the
last one or two may have changed since we last saw them: live transcription
keeps extending the current speaker's turn and corrects words after the fact.

The core is :func:`diff_paste`, a pure function from (what we already stored,
what we see now) to (edits of the last stored turns, genuinely new turns). It
aligns the stored tail with the start of the pasted sequence:

* Turns must have the same speaker. Older turns must have the same text after
  normalisation (case, punctuation and spacing ignored) or be near-identical.
* The last :data:`EDIT_WINDOW` stored turns may differ: the new text may have
  grown (prefix), been corrected (word-level similarity), or both. Those come
  back as edits.
* The first pasted turn may be just the end of a stored turn, for a selection
  that started mid-turn.
* The longest overlap wins. When nothing aligns (a reordered or stale paste),
  a multiset difference adds only the pasted turns not already stored, so a
  repeated paste never duplicates anything.

Nothing here keeps state between processes: the stored turns are the memory,
so pasting or following resumes correctly after a restart.
:class:`FileFollower` only remembers the file's size and mtime to skip
re-reading an unchanged file, and which trailing block it held back.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .errors import TranscriptError
from .models import Role, Transcript, Turn

if TYPE_CHECKING:
    from .storage import SessionStore, StoredTurn, TurnSource

EDIT_WINDOW = 2  # how many of the last stored turns live transcription may still change
_SIMILAR = 0.6  # word-level similarity for an edited turn in the window
_NEAR_EQUAL = 0.85  # older turns: tolerate a corrected word without reporting an edit
_MIN_TAIL_WORDS = 3  # a pasted first turn this long may be the end of a stored turn
_WORD = re.compile(r"\w+", re.UNICODE)
_SPACES = re.compile(r"\s+")


class _SpeakerText(Protocol):
    @property
    def speaker(self) -> str: ...
    @property
    def text(self) -> str: ...


TurnLike = tuple[str, str] | _SpeakerText


@dataclass(frozen=True)
class PasteDiff:
    """What a paste (or a poll of a followed file) changes.

    ``edited``: (position in the *known* sequence, new text) for stored turns
    that live transcription extended or corrected. ``new``: (speaker, text)
    of the turns to append, in order. ``new_turns``: the same as
    :class:`~intervju.models.Turn` with the reader's role and times where the
    pasted input had them (``index`` = position among the known + new turns).
    """

    edited: tuple[tuple[int, str], ...] = ()
    new: tuple[tuple[str, str], ...] = ()
    new_turns: tuple[Turn, ...] = ()
    aligned: bool = True  # False when the multiset fallback was used

    def __bool__(self) -> bool:
        return bool(self.edited or self.new)


def normalise(text: str) -> str:
    """Lower-case words only: punctuation, case and spacing do not count as edits."""
    return " ".join(_WORD.findall(text.casefold()))


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _pair(item: TurnLike) -> tuple[str, str]:
    if isinstance(item, tuple):
        return item[0], item[1]
    return item.speaker, item.text


@dataclass(frozen=True)
class _Item:
    speaker: str
    text: str
    norm: str
    words: tuple[str, ...]

    @classmethod
    def of(cls, speaker: str, text: str) -> _Item:
        norm = normalise(text)
        return cls(_clean(speaker).casefold(), _clean(text), norm, tuple(norm.split()))


def _similar(old: _Item, new: _Item) -> bool:
    """Could ``new`` be ``old`` after live transcription extended or corrected it?"""
    if old.norm == new.norm:
        return True
    if not old.words or not new.words:
        return False
    if new.norm.startswith(old.norm) or old.norm.startswith(new.norm):
        return True
    if SequenceMatcher(None, old.words, new.words, autojunk=False).ratio() >= _SIMILAR:
        return True
    # Grown *and* corrected: the start of the new text resembles the old text.
    head = new.words[: len(old.words) + 1]
    return SequenceMatcher(None, old.words, head, autojunk=False).ratio() >= _SIMILAR


def _near_equal(old: _Item, new: _Item) -> bool:
    if old.norm == new.norm:
        return True
    if len(old.words) < 4 or len(new.words) < 4:
        return False
    return SequenceMatcher(None, old.words, new.words, autojunk=False).ratio() >= _NEAR_EQUAL


def _is_tail(old: _Item, new: _Item) -> bool:
    return len(new.words) >= _MIN_TAIL_WORDS and old.norm.endswith(new.norm)


def _align(known: Sequence[_Item], pasted: Sequence[_Item]) -> tuple[list[int], int] | None:
    """Smallest offset into ``known`` where its tail matches the head of ``pasted``.

    Returns (positions of known turns to edit, number of pasted turns consumed).
    """
    n, m = len(known), len(pasted)
    for offset in range(max(0, n - m), n):
        edits: list[int] = []
        for j in range(n - offset):
            k, p = known[offset + j], pasted[j]
            if k.speaker != p.speaker:
                break
            if k.text == p.text:
                continue
            in_window = offset + j >= n - EDIT_WINDOW
            if j == 0 and _is_tail(k, p):
                continue
            if in_window and _similar(k, p):
                edits.append(offset + j)
                continue
            if _near_equal(k, p):
                continue
            break
        else:
            return edits, n - offset
    return None


def diff_paste(known: Sequence[TurnLike], pasted: Sequence[TurnLike]) -> PasteDiff:
    """Edits of the last known turns and the genuinely new pasted turns.

    ``known`` and ``pasted`` hold (speaker, text) pairs or objects with
    ``speaker`` and ``text`` (``Turn``, ``StoredTurn``). Pure and deterministic.
    """
    known_pairs = [_pair(t) for t in known]
    pasted_pairs = [_pair(t) for t in pasted]
    k_items = [_Item.of(s, t) for s, t in known_pairs]
    p_items = [_Item.of(s, t) for s, t in pasted_pairs]
    keep = [i for i, item in enumerate(p_items) if item.norm or item.text]
    p_items = [p_items[i] for i in keep]
    source = [pasted[i] for i in keep]

    aligned = _align(k_items, p_items) if k_items else ([], 0)
    if aligned is not None:
        edit_positions, consumed = aligned
        edited = tuple(
            (pos, p_items[pos - (len(k_items) - consumed)].text) for pos in edit_positions
        )
        new_positions = list(range(consumed, len(p_items)))
    else:
        # No consistent overlap (reordered, stale or partial paste): add only
        # what is not stored yet, counting repeats ("Ja." said twice is two turns).
        stock = Counter((k.speaker, k.norm) for k in k_items)
        new_positions = []
        for position, item in enumerate(p_items):
            key = (item.speaker, item.norm)
            if stock[key] > 0:
                stock[key] -= 1
            else:
                new_positions.append(position)
        edited = ()
    new_turns = tuple(
        _as_turn(source[pos], p_items[pos], len(k_items) + n) for n, pos in enumerate(new_positions)
    )
    return PasteDiff(
        edited=edited,
        new=tuple((t.speaker, t.text) for t in new_turns),
        new_turns=new_turns,
        aligned=aligned is not None,
    )


def _as_turn(original: TurnLike, item: _Item, index: int) -> Turn:
    speaker, _ = _pair(original)
    if isinstance(original, Turn):
        return Turn(index, _clean(speaker), original.role, original.start, original.end, item.text)
    return Turn(index, _clean(speaker), "unknown", None, None, item.text)


# ---------------------------------------------------------------------------
# Parsing pasted text and followed files (delegated to the readers)


def parse_pasted(
    text: str, *, format: str = "auto", where: str = "pasted text"
) -> Transcript | None:
    """Turns of a pasted transcript (any Teams layout, WebVTT, "Name: text"); None if blank.

    A paste nothing can read raises a :class:`TranscriptError` with code
    ``paste_not_understood``, whose wording (nb/en) says which layouts were expected.
    """
    if not text.strip():
        return None
    from .readers import read_transcript_text  # the readers are the one parser of formats

    if format == "auto":
        teams = parse_teams_live(text, where=where)
        if teams is not None:
            return teams
    try:
        return read_transcript_text(text, format=format)
    except TranscriptError as exc:
        code = "paste_no_text" if "no spoken text" in exc.message else "paste_not_understood"
        raise TranscriptError(exc.message, where=exc.where or where, code=code) from None


def parse_teams_live(text: str, *, where: str = "pasted text") -> Transcript | None:
    """Read a Teams copy in any of its layouts (:mod:`intervju.readers.teams`), or None."""
    from .readers.teams import read_teams_paste

    return read_teams_paste(text, where=where)


def diff_pasted_text(known: Sequence[TurnLike], text: str) -> PasteDiff:
    """:func:`diff_paste` of the known turns against freshly pasted text."""
    transcript = parse_pasted(text)
    if transcript is None:
        return PasteDiff()
    return diff_paste(known, transcript.turns)


def new_segments(previous_text: str, pasted_text: str) -> tuple[Turn, ...]:
    """The turns of ``pasted_text`` that ``previous_text`` did not already have.

    Text-to-text form of :func:`diff_paste` (the contract in the interface
    notes); edits of the last turns are not reported here, use
    :func:`diff_pasted_text` with the stored turns for those.
    """
    previous = parse_pasted(previous_text)
    known = previous.turns if previous is not None else ()
    return diff_pasted_text(known, pasted_text).new_turns


def complete_part(text: str, *, vtt: bool) -> str:
    """The part of a file being written that is certainly complete.

    A WebVTT cue is complete when a blank line follows it; a text line when
    its newline has been written. A transcription tool writes the rest soon.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if vtt:
        if text.endswith("\n\n"):
            return text
        cut = text.rfind("\n\n")
        return text[: cut + 2] if cut >= 0 else ""
    if text.endswith("\n"):
        return text
    cut = text.rfind("\n")
    return text[: cut + 1] if cut >= 0 else ""


class FileFollower:
    """Re-read a growing transcript file when it changes; report new turns and edits.

    ``poll(known)`` compares the file with the already stored turns (from the
    store, so it survives a restart) and returns a :class:`PasteDiff`, or
    ``None`` when the file has not changed since the last poll. A trailing
    block that is still being written is held back until it is complete, or
    until the file stops changing for one poll (a finished file whose last
    cue has no blank line after it).
    """

    def __init__(self, path: Path | str, *, format: str = "auto") -> None:
        self.path = Path(path).expanduser()
        self.format = format
        self._signature: tuple[int, int] | None = None
        self._held_back = False
        # Held for a whole poll-and-store (ingest_file_poll): two tabs sharing one
        # follower must not both read the same growth and both store it.
        self.lock = threading.RLock()

    @property
    def exists(self) -> bool:
        return self.path.is_file()

    def _is_vtt(self, text: str) -> bool:
        if self.format != "auto":
            return self.format == "vtt"
        return self.path.suffix.lower() == ".vtt" or text.lstrip("\ufeff").startswith("WEBVTT")

    def changed(self) -> bool:
        """Whether :meth:`poll` could find anything new (one ``stat``, no reading)."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return False
        except OSError:
            return True  # let poll() report it
        return (stat.st_mtime_ns, stat.st_size) != self._signature or self._held_back

    def poll(self, known: Sequence[TurnLike]) -> PasteDiff | None:
        """The file's new turns and edits against ``known``; None if it has not changed.

        The follower remembers what it read only when this returns, so a caller
        whose write then fails can :meth:`rewind` and the next poll reads again.
        """
        with self.lock:
            return self._poll(known)

    def rewind(self, state: tuple[tuple[int, int] | None, bool]) -> None:
        """Forget a poll whose result was not stored (see :meth:`state`)."""
        with self.lock:
            self._signature, self._held_back = state

    def state(self) -> tuple[tuple[int, int] | None, bool]:
        with self.lock:
            return self._signature, self._held_back

    def _poll(self, known: Sequence[TurnLike]) -> PasteDiff | None:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return None  # not created yet: the tool may start writing any moment
        except OSError as exc:
            raise TranscriptError(
                f"cannot read file ({exc.strerror})", where=str(self.path)
            ) from None
        signature = (stat.st_mtime_ns, stat.st_size)
        unchanged = signature == self._signature
        if unchanged and not self._held_back:
            return None
        from .files import read_regular
        from .readers._decode import MAX_BYTES

        data = read_regular(self.path, MAX_BYTES)  # a FIFO or device: one line, no hang
        self._signature = signature
        # One line-ending form from here on, or a CRLF file never looks finished.
        text = _decode_growing(data, str(self.path)).replace("\r\n", "\n").replace("\r", "\n")
        # Stable since the last poll: the held-back trailing block is finished.
        usable = text if unchanged else complete_part(text, vtt=self._is_vtt(text))
        self._held_back = usable.strip() != text.strip()
        transcript = self._parse(usable)
        if transcript is None:
            return PasteDiff()
        return diff_paste(known, transcript.turns)

    def _parse(self, text: str) -> Transcript | None:
        body = text.strip().lstrip("\ufeff")
        if not body or body == "WEBVTT":
            return None
        from .readers import read_transcript_text

        fmt = "vtt" if self.format == "auto" and self._is_vtt(text) else self.format
        if fmt == "auto":
            teams = parse_teams_live(text, where=str(self.path))
            if teams is not None:
                return teams
        try:
            return read_transcript_text(text, format=fmt)
        except TranscriptError as exc:
            if "no spoken text" in exc.message:
                return None  # only a header so far
            raise TranscriptError(exc.message, where=str(self.path)) from None


def _decode_growing(data: bytes, where: str) -> str:
    """Decode a file that may end in the middle of a multi-byte character."""
    from .readers._decode import decode_bytes

    for trim in range(4):
        chunk = data[: len(data) - trim] if trim else data
        try:
            return chunk.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if exc.start < len(chunk) - 3:
                break  # not a truncated tail: some other encoding
    return decode_bytes(data, where)


# ---------------------------------------------------------------------------
# Applying a diff to the store


@dataclass(frozen=True)
class IngestResult:
    """Stored turns changed by one paste or poll (for the UI to analyse and show)."""

    edited: tuple[StoredTurn, ...]
    added: tuple[StoredTurn, ...]

    def __bool__(self) -> bool:
        return bool(self.edited or self.added)


def known_turns(store: SessionStore, session_id: int, source: TurnSource) -> tuple[StoredTurn, ...]:
    """The stored turns that came from this kind of input (what a paste is compared with)."""
    return tuple(t for t in store.turns(session_id) if t.source == source)


def apply_diff(
    store: SessionStore,
    session_id: int,
    known: Sequence[StoredTurn],
    diff: PasteDiff,
    *,
    source: TurnSource,
) -> IngestResult:
    """Write a diff computed against ``known``: edits first, then the new turns.

    A speaker already in the session keeps the role they have there, so a
    paste cannot flip who is the interviewer; new speakers get the reader's role.
    """
    edited = tuple(
        store.update_turn_text(session_id, known[pos].idx, text) for pos, text in diff.edited
    )
    roles: dict[str, Role] = {}
    for stored in store.turns(session_id):
        roles.setdefault(stored.speaker.casefold(), stored.role)
    rows: list[tuple[str, Role, str, float | None, float | None]] = []
    for turn in diff.new_turns:
        role = roles.setdefault(turn.speaker.casefold(), turn.role)
        rows.append((turn.speaker, role, turn.text, turn.start, turn.end))
    added = store.add_turns(session_id, rows, source=source) if rows else ()
    return IngestResult(edited=edited, added=added)


def ingest_paste(store: SessionStore, session_id: int, text: str) -> IngestResult:
    """Paste the live transcript so far: store only what is new or edited.

    The text is parsed first; reading the stored turns, diffing and writing
    then happen in one write transaction, so pastes from several tabs or
    processes at once add each turn exactly once.
    """
    transcript = parse_pasted(text)
    if transcript is None:
        return IngestResult(edited=(), added=())
    pasted = transcript.turns

    def write(tx: SessionStore) -> IngestResult:
        known = known_turns(tx, session_id, "paste")
        return apply_diff(tx, session_id, known, diff_paste(known, pasted), source="paste")

    return store.execute_write_fn(write)


def ingest_file_poll(store: SessionStore, session_id: int, follower: FileFollower) -> IngestResult:
    """One poll of a followed file, written to the store (empty result if unchanged).

    Reading the stored turns, polling the file and writing the difference are
    one write transaction (and hold the follower's lock), so any number of tabs
    and processes following one file store each turn once. If the write fails
    the follower forgets the poll and reads the file again next time.
    """
    if not follower.changed():  # every couple of seconds: don't read the session for nothing
        return IngestResult(edited=(), added=())

    def write(tx: SessionStore) -> IngestResult:
        known = known_turns(tx, session_id, "file")
        diff = follower.poll(known)
        if not diff:
            return IngestResult(edited=(), added=())
        return apply_diff(tx, session_id, known, diff, source="file")

    with follower.lock:
        before = follower.state()
        try:
            return store.execute_write_fn(write)
        except BaseException:
            follower.rewind(before)
            raise
