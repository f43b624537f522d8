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
