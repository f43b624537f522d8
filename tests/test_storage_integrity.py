"""A damaged or newer database is refused with one line, and its bytes never change."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from intervju.errors import StorageError
from intervju.storage import SCHEMA_VERSION, SessionStore


def _filled(path: Path, turns: int = 400) -> None:
    with SessionStore(path) as store:
        sid = store.create_session("s").id
        rows = [("Kari", "informant", f"tur {i} " + "ord " * 40, None, None) for i in range(turns)]
        store.add_turns(sid, rows)  # type: ignore[arg-type]
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # one file, no -wal beside it
    conn.close()


def _damage(path: Path) -> bytes:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 4096] = b"\xa5" * 4096  # one page overwritten
    path.write_bytes(bytes(data))
    return bytes(data)


def _newer(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    return path.read_bytes()


BIN = Path(sys.executable).with_name("intervju")
CASES = {"damaged": _damage, "newer": _newer}
MESSAGES = {"damaged": "damaged.*backup", "newer": "newer intervju.*upgrade"}


@pytest.mark.parametrize("case", list(CASES))
def test_store_refuses_and_leaves_bytes(tmp_path: Path, case: str) -> None:
    path = tmp_path / "sessions.sqlite3"
    _filled(path)
    before = CASES[case](path)
    with pytest.raises(StorageError, match=MESSAGES[case]) as info:
        SessionStore(path)
    assert "\n" not in str(info.value)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.bak"))


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize(
    "args",
    [
        ["session", "list"],
        ["session", "show", "1"],
        ["session", "delete", "1", "--yes"],
        ["session", "rename", "1", "ny"],
        ["session", "import", "{vtt}"],
        ["session", "paste", "1", "{vtt}"],
    ],
    ids=lambda a: "-".join(a[:2]),
)
def test_cli_refuses_with_one_line_and_writes_nothing(
    tmp_path: Path, case: str, args: list[str]
) -> None:
    path = tmp_path / "sessions.sqlite3"
    _filled(path, turns=200)
    before = CASES[case](path)
    vtt = tmp_path / "i.vtt"
    vtt.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Forsker>Hva skjedde?</v>\n", encoding="utf-8"
    )
    argv = [a.replace("{vtt}", str(vtt)) for a in args] + ["--db", str(path)]
    result = subprocess.run([str(BIN), *argv], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and re.search(MESSAGES[case], lines[0]), result.stderr
    assert path.read_bytes() == before
