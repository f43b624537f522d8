# ruff: noqa: E501  (generated hostile inputs read best on one line)
"""Hostile input files: every reader answers with a transcript or one clear error, fast.

All files are generated in tmp. Each case runs the real CLI where a user would
(``intervju parse``); the contract is: exit 0 or exit 2 with one line on
stderr, never a traceback, never a hang (a timeout fails the test). Cases
that need big inputs are ``stress`` (INTERVJU_STRESS=1).
"""

from __future__ import annotations

import contextlib
import io
import os
import socket
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intervju.errors import TranscriptError
from intervju.readers import read_transcript, read_transcript_bytes

BIN = Path(sys.executable).with_name("intervju")
VTT = (
    "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Forsker>Hvordan var det?</v>\n\n"
    "00:00:04.000 --> 00:00:09.000\n<v Kari>Det var fint, jeg likte det.</v>\n"
)
DOC_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body>{body}</w:body></w:document>"
)


def _parse(path: Path, *extra: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(BIN), "parse", str(path), *extra], capture_output=True, text=True, timeout=timeout
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 2), result.stderr
    if result.returncode == 2:
        assert len([x for x in result.stderr.splitlines() if x.strip()]) == 1, result.stderr
    return result


def _docx(path: Path, document: str, extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


# -- files that are not regular files ------------------------------------------------


@pytest.mark.parametrize("command", [["parse"], ["review"], ["session", "import"]])
def test_fifo_is_refused_at_once(tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "live.vtt"
    os.mkfifo(fifo)
    began = time.monotonic()
    result = subprocess.run(
        [str(BIN), *command, str(fifo), *(["--db", str(tmp_path / "s.db")] if "session" in command else [])],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2 and "FIFO" in result.stderr, result.stderr
    assert time.monotonic() - began < 30
    assert not (tmp_path / "s.db").exists() or "import" in command


@pytest.mark.parametrize("kind", ["directory", "device", "socket", "symlink-fifo", "missing"])
def test_special_paths_get_one_line(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "x.vtt"
    held = None
    if kind == "directory":
        path.mkdir()
    elif kind == "device":
        path = Path("/dev/zero")
    elif kind == "socket":
        held = socket.socket(socket.AF_UNIX)
        held.bind(str(path))
    elif kind == "symlink-fifo":
        os.mkfifo(tmp_path / "pipe")
        path.symlink_to(tmp_path / "pipe")
    try:
        assert _parse(path).returncode == 2
    finally:
        if held is not None:
            held.close()


def test_symlink_to_a_transcript_is_read(tmp_path: Path) -> None:
    real = tmp_path / "real.vtt"
    real.write_text(VTT, encoding="utf-8")
    (tmp_path / "link.vtt").symlink_to(real)
    assert _parse(tmp_path / "link.vtt").returncode == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "x.vtt"
    path.write_text(VTT, encoding="utf-8")
    path.chmod(0)
    assert "permission" in _parse(path).stderr


@pytest.mark.parametrize("name", ["med mellomrom.vtt", "linje\nskift.vtt", "æøå ÆØÅ 漢字.vtt"])
def test_odd_file_names(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(VTT, encoding="utf-8")
    assert _parse(path).returncode == 0


# -- hostile contents -----------------------------------------------------------------


def _cases(tmp_path: Path) -> dict[str, Path]:
    out: dict[str, Path] = {}

    def write(name: str, data: bytes) -> None:
        out[name] = tmp_path / name.replace(" ", "_")
        out[name].write_bytes(data)

    write("nul.txt", b"Forsker: Hei\x00 der\nKari: Hei\x00\x00\n" * 10)
    write("invalid-utf8.txt", b"Forsker: Hvordan \xff\xfe\xfa var det?\nKari: Fint \xc3\n")
    write(
        "mixed.txt",
        b"Forsker: Hvordan var det?\n" + "Kari: Det var bra å være der.\n".encode("cp1252"),
    )
    write("utf16-nobom.txt", "Forsker: Hvordan var det?\nKari: Det var fint.\n".encode("utf-16-le"))
    write("long-line.txt", b"Forsker: " + b"ord " * 2_500_000 + b"\nKari: ja\n")
    write("empty.vtt", b"")
    write("only-header.vtt", b"WEBVTT\n")
    write("binary.vtt", os.urandom(4096))
    nested = "<w:p>" * 5000 + "</w:p>" * 5000
    out["deep.docx"] = _docx(tmp_path / "deep.docx", DOC_XML.format(body=nested))
    lol = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY a "aaaaaaaaaa">'
        + "".join(
            f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        )
        + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>"
    )
    out["billion-laughs.docx"] = _docx(tmp_path / "lol.docx", lol)
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Forsker: &x;</w:t></w:r></w:p></w:body></w:document>"
    )
    out["external-entity.docx"] = _docx(tmp_path / "xxe.docx", xxe)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", DOC_XML.format(body=_para("a" * (200 * 1024 * 1024))))
    write("zip-bomb.docx", bomb.getvalue())
    xlsx = io.BytesIO()
    with zipfile.ZipFile(xlsx, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
    write("xlsx-renamed.docx", xlsx.getvalue())
    write("not-a-zip.docx", b"PK\x03\x04" + os.urandom(2000))
    return out


def test_hostile_contents_give_a_transcript_or_one_line(tmp_path: Path) -> None:
    outcomes = {}
    for name, path in _cases(tmp_path).items():
        result = _parse(path, timeout=60)
        outcomes[name] = result.returncode
        if name == "external-entity.docx" and result.returncode == 0:
            assert "root:" not in result.stdout  # never resolved
        if name == "billion-laughs.docx" and result.returncode == 0:
            assert len(result.stdout) < 1_000_000
    must_fail = {"empty.vtt", "binary.vtt", "xlsx-renamed.docx", "not-a-zip.docx", "zip-bomb.docx"}
    assert all(outcomes[n] == 2 for n in must_fail), outcomes


@pytest.mark.stress
def test_a_million_cues(tmp_path: Path) -> None:
    path = tmp_path / "many.vtt"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("WEBVTT\n\n")
        for i in range(1_000_000):
            s, e = i * 2, i * 2 + 1
            handle.write(
                f"00:{s // 60 % 60:02d}:{s % 60:02d}.000 --> 00:{e // 60 % 60:02d}:{e % 60:02d}.500\n"
            )
            handle.write(f"<v {'Forsker' if i % 2 == 0 else 'Kari'}>ord {i}</v>\n\n")
    result = _parse(path, timeout=600)
    assert result.returncode in (0, 2)


def test_file_growing_while_read_stays_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from intervju import files

    path = tmp_path / "grow.txt"
    path.write_bytes(b"Forsker: start\n")
    stop = threading.Event()

    def grow() -> None:
        with path.open("ab") as handle:
            while not stop.is_set():
                handle.write(b"Kari: " + b"x" * 65536 + b"\n")
                handle.flush()

    writer = threading.Thread(target=grow)
    writer.start()
    try:
        for _ in range(20):
            try:
                data = files.read_regular(path, 1_000_000)
            except TranscriptError as exc:
                assert "larger than" in exc.message
            else:
                assert len(data) <= 1_000_000
    finally:
        stop.set()
        writer.join()


# -- mutation fuzzing --------------------------------------------------------------


def _seed_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr(
            "word/document.xml",
            DOC_XML.format(
                body=_para("Forsker   0:01")
                + _para("Hvordan var det?")
                + _para("Kari   0:05")
                + _para("Fint.")
            ),
        )
    return buffer.getvalue()


SEEDS = {
    "x.vtt": VTT.encode(),
    "x.srt": b"1\n00:00:01,000 --> 00:00:02,000\nForsker: Hei?\n\n2\n00:00:03,000 --> 00:00:04,000\nKari: Ja.\n",
    "x.txt": "Forsker: Hvordan var det?\nKari: Det var fint, æøå.\n".encode(),
    "x.docx": _seed_docx(),
}


@st.composite
def _mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[name])
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        pos = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[pos] = draw(st.integers(0, 255))
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete" and data:
            del data[pos : pos + draw(st.integers(1, 16))]
        else:
            data = data[:pos]
    return name, bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated())
def test_mutated_inputs_never_crash_a_reader(case: tuple[str, bytes]) -> None:
    name, data = case
    with contextlib.suppress(TranscriptError):  # any other exception is a bug
        read_transcript_bytes(data, name)


def test_read_transcript_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "p.txt"
    os.mkfifo(fifo)
    with pytest.raises(TranscriptError, match="FIFO"):
        read_transcript(fifo)
