"""Exporting a stored session, and importing a finished transcript as a session.

Export is the only way interview data leaves the database, and it only
happens when the user asks for it. Three formats:

* ``txt``: one paragraph per turn, ``[hh:mm:ss] Speaker: text`` (the time only
  when known), blank lines between turns. This is the labelled-text layout the
  readers read, so an export can be imported again or reviewed.
* ``vtt``: WebVTT as Teams writes it, ``<v Speaker>text</v>`` per cue. Turns
  typed or pasted without times get *synthesised* timings so the file is
  valid: a missing start is the previous cue's end (0 for the first), a
  missing end is the start plus a reading-speed estimate
  (:data:`SECONDS_PER_WORD` per word, at least :data:`MIN_CUE_SECONDS`).
  A ``NOTE`` at the top says when timings were synthesised.
* ``json``: everything the session holds: info, guide snapshot, turns,
  suggestions shown (and which were used), flags, covered guide questions,
  notes. For archiving and for analysis elsewhere.

Round trips through the readers keep speakers, texts and (where stored)
start times. Consecutive turns of the same speaker come back as one turn:
the readers merge them, as Teams splits one turn over many cues.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import Literal

from .errors import StorageError
from .guides import load_guide
from .models import Guide, Role, Transcript
from .settings import atomic_write_text
from .storage import SessionInfo, SessionStore, StoredTurn

ExportFormat = Literal["txt", "vtt", "json"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("txt", "vtt", "json")
JSON_FORMAT_VERSION = 1
SECONDS_PER_WORD = 0.4  # about 150 words a minute, ordinary speech
MIN_CUE_SECONDS = 1.0


def _clock(seconds: float, *, millis: bool) -> str:
    total_ms = round(max(0.0, seconds) * 1000)
    hours, rest = divmod(total_ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, ms = divmod(rest, 1000)
    base = f"{hours:02d}:{minutes:02d}:{secs:02d}"
    return f"{base}.{ms:03d}" if millis else base


def _one_line(text: str) -> str:
    return " ".join(text.split())


def export_txt(store: SessionStore, session_id: int) -> str:
    """Labelled plain text, readable by people and by the readers."""
    info = store.get_session(session_id)
    blocks: list[str] = []
    for turn in store.turns(info.id):
        stamp = f"[{_clock(turn.start, millis=False)}] " if turn.start is not None else ""
        blocks.append(f"{stamp}{_one_line(turn.speaker)}: {_one_line(turn.text)}")
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def cue_timings(turns: tuple[StoredTurn, ...]) -> list[tuple[float, float, bool]]:
    """(start, end, synthesised) per turn; see the module docstring for the rule."""
    out: list[tuple[float, float, bool]] = []
    previous_end = 0.0
    for turn in turns:
        synthesised = turn.start is None or turn.end is None
        start = turn.start if turn.start is not None else previous_end
        estimate = max(MIN_CUE_SECONDS, SECONDS_PER_WORD * len(turn.text.split()))
        end = turn.end if turn.end is not None and turn.end > start else start + estimate
        if turn.end is not None and turn.end <= start:
            synthesised = True
        out.append((start, end, synthesised))
        previous_end = end
    return out


def _voice(speaker: str) -> str:
    # A voice annotation ends at '>' and is HTML-escaped like cue text.
    return html.escape(_one_line(speaker), quote=False).replace(">", "&gt;")


def export_vtt(store: SessionStore, session_id: int) -> str:
    """WebVTT with ``<v Speaker>`` cues; timings synthesised where missing."""
    info = store.get_session(session_id)
    turns = store.turns(info.id)
    timings = cue_timings(turns)
    lines = ["WEBVTT", ""]
    if any(synth for _, _, synth in timings):
        lines += [
            "NOTE",
            "Some timings were not recorded (typed or pasted turns) and are estimated.",
            "",
        ]
    for number, (turn, (start, end, _)) in enumerate(zip(turns, timings, strict=True), start=1):
        lines += [
            str(number),
            f"{_clock(start, millis=True)} --> {_clock(end, millis=True)}",
            f"<v {_voice(turn.speaker)}>{html.escape(_one_line(turn.text), quote=False)}</v>",
            "",
        ]
    return "\n".join(lines)


def session_to_dict(store: SessionStore, session_id: int) -> dict[str, object]:
    """Everything stored about one session, as JSON-ready data."""
    info = store.get_session(session_id)
    return {
        "format": "intervju-session",
        "version": JSON_FORMAT_VERSION,
        "session": info.to_dict(),
        "guide_yaml": store.guide_yaml(session_id),
        "turns": [t.to_dict() for t in store.turns(session_id)],
        "suggestions": [
            s.to_dict() for s in store.suggestions(session_id, include_superseded=True)
        ],
        "flags": [f.to_dict() for f in store.flags(session_id)],
        "covered": [c.to_dict() for c in store.covered(session_id)],
        "notes": [n.to_dict() for n in store.notes(session_id)],
    }


def export_json(store: SessionStore, session_id: int) -> str:
    return json.dumps(session_to_dict(store, session_id), ensure_ascii=False, indent=2) + "\n"


def export_session(store: SessionStore, session_id: int, format: str) -> str:
    """The session as text in one of :data:`EXPORT_FORMATS`."""
    wanted = format.strip().lower().lstrip(".")
    if wanted == "txt":
        return export_txt(store, session_id)
    if wanted == "vtt":
        return export_vtt(store, session_id)
    if wanted == "json":
        return export_json(store, session_id)
    raise StorageError(
        f"unknown export format '{format}' (choose {', '.join(EXPORT_FORMATS)})",
        where=f"session {session_id}",
    )


def format_for_path(path: Path | str) -> ExportFormat:
    suffix = Path(path).suffix.lower().lstrip(".")
    for candidate in EXPORT_FORMATS:
        if suffix == candidate:
            return candidate
    raise StorageError(
        f"cannot tell the export format from '{Path(path).name}' "
        f"(use .txt, .vtt or .json, or give the format)",
        where=str(path),
    )


def write_export(
    store: SessionStore, session_id: int, path: Path | str, format: str | None = None
) -> Path:
    """Write an export file atomically; the format defaults to the file's extension."""
    target = Path(path).expanduser()
    text = export_session(store, session_id, format or format_for_path(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(target, text)
    except OSError as exc:
        raise StorageError(f"cannot write the export ({exc.strerror})", where=str(target)) from None
    return target


def import_transcript(
    store: SessionStore,
    transcript: Transcript | Path | str,
    *,
    title: str | None = None,
    guide: Guide | str | Path | None = None,
    format: str = "auto",
    interviewer: str | None = None,
) -> SessionInfo:
    """A new session holding a finished transcript (a path is read with the readers).

    ``guide`` may be a loaded guide, a guide name/path, or None (no guide).
    """
    if isinstance(transcript, Transcript):
        loaded = transcript
    else:
        from .readers import read_transcript

        loaded = read_transcript(os.fspath(transcript), format=format, interviewer=interviewer)
    chosen_guide = guide if isinstance(guide, Guide) or guide is None else load_guide(guide)
    name = title or (Path(loaded.source).stem if loaded.source else "Importert intervju")
    info = store.create_session(name, chosen_guide)
    rows: list[tuple[str, Role, str, float | None, float | None]] = [
        (t.speaker or "?", t.role, t.text, t.start, t.end) for t in loaded.turns
    ]
    try:
        store.add_turns(info.id, rows, source="import")
    except BaseException:
        store.delete_session(info.id)  # no half-imported session left behind
        raise
    return store.get_session(info.id)


def session_transcript(store: SessionStore, session_id: int) -> Transcript:
    """A stored session as a :class:`Transcript` (for review), titled by the session."""
    info = store.get_session(session_id)
    turns = tuple(turn.to_turn() for turn in store.turns(session_id))
    interviewer = next((turn.speaker for turn in turns if turn.role == "interviewer"), None)
    return Transcript(turns=turns, format="session", interviewer=interviewer, source=info.title)
