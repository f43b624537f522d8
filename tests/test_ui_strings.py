"""Every visible string lives in ui/strings.py, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

from ui import strings

UI = Path(__file__).resolve().parents[1] / "ui"
_CALL = re.compile(r"""\bt\(\s*["']([a-z0-9_]+)["']""")


def test_every_key_used_by_the_pages_exists_in_both_languages() -> None:
    used = {key for path in UI.glob("*.py") for key in _CALL.findall(path.read_text("utf-8"))}
    assert used, "no t('…') calls found: the pattern no longer matches the pages"
    missing = sorted(key for key in used if key not in strings._S)
    assert missing == []
    for key in used:
        nb, en = strings._S[key]
        assert nb.strip() and en.strip(), key
