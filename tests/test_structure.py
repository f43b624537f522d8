"""One declaration each for things the machinery used to repeat in several modules."""

from __future__ import annotations

from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "intervju"


def test_the_package_data_folder_is_declared_once() -> None:
    found = [
        str(path.relative_to(SRC))
        for path in sorted(SRC.rglob("*.py"))
        if "Path(__file__)" in path.read_text(encoding="utf-8")
    ]
    assert found == ["paths.py"]


def test_the_supported_languages_are_declared_once() -> None:
    import re

    from intervju.lang import LANGUAGES, as_lang

    assert [as_lang(code) for code in ("nb", "en", "no", "nn", None, "")] == [
        "nb", "en", "nb", "nb", "nb", "nb",
    ]  # fmt: skip
    assert as_lang(None) == LANGUAGES[0]
    coerced = re.compile(
        r"""["'](?:nb|en)["'] if .* else ["'](?:nb|en)["']|\{"nb", "en"\}|\("nb", "en"\)"""
    )
    found = [
        f"{path.relative_to(SRC)}:{n}"
        for path in sorted(SRC.rglob("*.py"))
        if path.parent.name != "lang"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if coerced.search(line)
    ]
    assert found == []
