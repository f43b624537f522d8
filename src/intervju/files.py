"""Reading a user's file without hanging or running out of memory.

A path typed or passed on the command line can name anything: a FIFO (``open``
blocks until a writer appears, so the program hangs), a character device
(``/dev/zero`` never ends), a socket or a directory. Readers therefore accept
only regular files: :func:`read_regular` checks with ``os.stat`` before opening,
opens with ``O_NONBLOCK`` (a FIFO swapped in after the check still cannot
block), checks the opened descriptor again, and reads at most ``limit`` bytes,
so a file growing while read cannot exceed the bound either.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from .errors import IntervjuError, TranscriptError

_KINDS = (
    (stat.S_ISDIR, "is a directory, not a file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a regular file; save the transcript to a file"),
    (stat.S_ISCHR, "is a device, not a regular file"),
    (stat.S_ISBLK, "is a device, not a regular file"),
    (stat.S_ISSOCK, "is a socket, not a regular file"),
)
_CHUNK = 1 << 20


def _kind_problem(mode: int) -> str | None:
    for test, message in _KINDS:
        if test(mode):
            return message
    return None if stat.S_ISREG(mode) else "is not a regular file"


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} bytes"


def too_large(size: int, limit: int) -> str:
    return (
        f"file is {_size_text(size)}; files larger than {_size_text(limit)} are refused "
        "(a 90-minute interview is well under 1 MB) – is this the right file?"
    )


def check_regular(
    path: str | os.PathLike[str], where: str, *, error: type[IntervjuError] = TranscriptError
) -> os.stat_result | None:
    """The file's stat if it is a regular file, None if it does not exist; else one clear error."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except PermissionError:
        raise error("permission denied", where=where) from None
    except OSError as exc:
        raise error(f"cannot read the file ({exc.strerror or exc})", where=where) from None
    problem = _kind_problem(info.st_mode)
    if problem is not None:
        raise error(problem, where=where)
    return info


def read_regular(
    path: str | os.PathLike[str],
    limit: int,
    *,
    where: str | None = None,
    error: type[IntervjuError] = TranscriptError,
) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (else one clear error)."""
    label = where or str(path)
    info = check_regular(path, label, error=error)
    if info is None:
        raise error("no such file", where=label)
    if info.st_size > limit:
        raise error(too_large(info.st_size, limit), where=label)
    try:
        fd = os.open(
            Path(path), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        )
    except PermissionError:
        raise error("permission denied", where=label) from None
    except OSError as exc:
        raise error(f"cannot read the file ({exc.strerror or exc})", where=label) from None
    try:
        problem = _kind_problem(os.fstat(fd).st_mode)  # swapped after the check?
        if problem is not None:
            raise error(problem, where=label)
        parts: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
            if total > limit:  # grew while we read it
                raise error(too_large(total, limit), where=label)
        return b"".join(parts)
    except OSError as exc:
        raise error(f"cannot read the file ({exc.strerror or exc})", where=label) from None
    finally:
        os.close(fd)


def read_stream(stream: BinaryIO, limit: int, where: str = "standard input") -> bytes:
    """At most ``limit`` bytes from a binary stream (stdin), else one clear error."""
    read = stream.read
    data: bytes = read(limit + 1)
    if len(data) > limit:
        raise TranscriptError(too_large(len(data), limit), where=where)
    return data
