"""Keep the public API and the architecture rules honest."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import intervju

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "src" / "intervju"


def test_all_names_exist_and_are_sorted() -> None:
    for name in intervju.__all__:
        assert hasattr(intervju, name), name
    assert list(intervju.__all__) == sorted(intervju.__all__)


def test_minimum_public_api_from_the_foundation_issue() -> None:
    required = {"load_guide", "Guide", "Transcript", "Turn", "read_transcript"}
    assert required <= set(intervju.__all__)


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_never_imports_streamlit() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in CORE.rglob("*.py")
        if "streamlit" in _imported_modules(path)
    ]
    assert offenders == []


def test_streamlit_config_keeps_everything_local() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+; the package itself needs 3.10
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert config["server"]["headless"] is True
    assert config["server"]["fileWatcherType"] == "none"
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["toolbarMode"] == "minimal"


def test_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1]
    assert "make run" in first_block and "make test" in first_block


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
