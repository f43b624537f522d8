"""Appending finished cues to a growing WebVTT, one write and one fsync per cue.

The app's file follower treats a cue as complete once a blank line follows
it, so each cue goes out as one ``os.write`` of the whole block (timings,
voice, text, blank line) and is fsynced: a reader never sees half a cue for
long, and a crash loses at most the cue being written. A file that already
has cues (a restarted listener) is continued after its last cue's time.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from ..errors import ListenError

HEADER = "WEBVTT\n\n"
_END_TIME = re.compile(r"-->\s*(?:(\d+):)?(\d{1,2}):(\d{2})\.(\d{3})")


def timestamp(seconds: float) -> str:
    ms = max(0, round(seconds * 1000))
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    secs, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{ms:03d}"


def cue_block(start: float, end: float, voice: str, text: str) -> str:
    body = html.escape(" ".join(text.split()), quote=False)
    return f"{timestamp(start)} --> {timestamp(max(end, start))}\n<v {voice}>{body}</v>\n\n"


def _last_end(text: str) -> float:
    found = _END_TIME.findall(text)
    if not found:
        return 0.0
    hours, minutes, secs, ms = found[-1]
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(secs) + int(ms) / 1000


class CueWriter:
    """The growing file; ``offset`` shifts times so a continued file stays in order."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            existing = path.read_text("utf-8") if path.is_file() else ""
        except (OSError, UnicodeDecodeError) as exc:
            raise ListenError(f"cannot use the output file ({exc})", where=str(path)) from None
        if existing.strip() and not existing.lstrip("\ufeff").startswith("WEBVTT"):
            raise ListenError(
                "exists and is not a WebVTT file; choose another --out", where=str(path)
            )
        self.offset = _last_end(existing)
        self.cues = 0
        try:
            self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        except OSError as exc:
            raise ListenError(f"cannot write ({exc.strerror})", where=str(path)) from None
        if not existing.strip():
            self._write(HEADER)
        elif not existing.endswith("\n\n"):
            self._write("\n" if existing.endswith("\n") else "\n\n")

    def _write(self, text: str) -> None:
        os.write(self._fd, text.encode("utf-8"))
        os.fsync(self._fd)

    def write(self, start: float, end: float, voice: str, text: str) -> None:
        self._write(cue_block(start + self.offset, end + self.offset, voice, text))
        self.cues += 1

    def close(self) -> None:
        os.close(self._fd)
