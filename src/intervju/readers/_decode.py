"""Bytes to text for transcripts, with Norwegian letters intact.

Transcripts reach us from Teams (UTF-8), from Word's "save as text" (often
Windows-1252 on older machines, or UTF-16 with a BOM) and from editors that
add a UTF-8 BOM. Generic detectors guess badly on short Norwegian files, so
the order is deliberate: a BOM decides; then strict UTF-8 (almost never
succeeds by accident); then Windows-1252 when the result looks like Western
text (æøå, «», typographic quotes); only then charset-normalizer. Binary
data is refused early so that a photo never reaches a reader as mojibake.

Known ambiguity: a few Windows-1252 pairs are also valid UTF-8 (e.g. "Å«"
reads as "ū"); real Norwegian text does not contain them.
"""

from __future__ import annotations

import codecs
import unicodedata

from ..errors import TranscriptError

#: Largest transcript accepted, in bytes. A 90-minute Teams .vtt is about
#: 0.3 MB and its .docx about 0.05 MB, so 20 MB leaves a wide margin while
#: keeping memory bounded (the whole file is read at once). Tests
#: monkeypatch this value rather than writing huge files.
MAX_BYTES = 20 * 1024 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Characters outside ASCII that a Western European (Norwegian, English)
# text in Windows-1252 plausibly contains besides letters.
_WESTERN_PUNCT = set("«»–—‘’‚“”„…•·§°½¼¾€£¢¥©®™±×÷¶†‡‰¡¿\u00a0\u00ad")

_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


def size_text(size: int) -> str:
    """Human-readable size for error messages."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def check_size(size: int, where: str) -> None:
    """Refuse transcripts larger than :data:`MAX_BYTES` with a clear message."""
    if size > MAX_BYTES:
        raise TranscriptError(
            f"file is {size_text(size)}; transcripts larger than {size_text(MAX_BYTES)} "
            "are refused (a 90-minute interview is well under 1 MB) – is this the right file?",
            where=where,
        )


def looks_binary(data: bytes) -> bool:
    """True for data no text transcript would contain (NUL bytes, many controls)."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 11))
    return controls > max(2, len(sample) // 100)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM shows as NUL in every other byte of ASCII text."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    encoding = None
    if odd_nuls > half * 0.6 and even_nuls < half * 0.1:
        encoding = "utf-16-le"
    elif even_nuls > half * 0.6 and odd_nuls < half * 0.1:
        encoding = "utf-16-be"
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _plausible_western(text: str) -> bool:
    """Does a Windows-1252 decoding look like real Western text?"""
    odd = 0
    total = 0
    for char in text:
        if char.isascii():
            continue
        total += 1
        if char in _WESTERN_PUNCT or unicodedata.category(char).startswith("L"):
            continue
        odd += 1
    return odd <= total * 0.05


def _check_text(text: str, where: str) -> str:
    sample = text[:8192]
    controls = sum(
        1 for char in sample if unicodedata.category(char) == "Cc" and char not in _ALLOWED_CONTROLS
    )
    if "\x00" in sample or controls > max(2, len(sample) // 100):
        raise TranscriptError("binary data, not a text transcript", where=where)
    return text


def decode_bytes(data: bytes, where: str) -> str:
    """Decode transcript bytes to text or raise :class:`TranscriptError`.

    The result has no BOM and keeps its original line endings.
    """
    check_size(len(data), where)
    if not data.strip():
        raise TranscriptError("file is empty", where=where)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data[len(bom) :].decode(encoding), where)
            except UnicodeDecodeError as exc:
                raise TranscriptError(
                    f"starts with a {encoding.upper()} byte-order mark but byte {exc.start} "
                    "is not valid in that encoding",
                    where=where,
                ) from None
    if b"\x00" in data[:4096]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _check_text(utf16, where)
    if looks_binary(data):
        raise TranscriptError("binary data, not a text transcript", where=where)
    try:
        return _check_text(data.decode("utf-8"), where)
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_western(text):
        return _check_text(text, where)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return _check_text(str(best), where)
    if text is not None:
        return _check_text(text, where)
    # Latin-1 maps every byte, so this cannot fail; it keeps æøå for ISO-8859-1.
    return _check_text(data.decode("latin-1"), where)
