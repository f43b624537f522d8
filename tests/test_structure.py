"""One declaration each for things the machinery used to repeat in several modules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

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


def test_the_listen_summary_is_printed_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json
    from types import SimpleNamespace

    from intervju.cli.listen_cmd import _report
    from intervju.listen.pipeline import CueEvent, ListenSummary
    from intervju.listen.process import ListenOptions

    cue = CueEvent(0.0, 1.0, "informant", "Ja.", 10.0, 10.5, 0.2)
    summary = ListenSummary(
        (cue, cue), echoes=1, empty=0, audio_seconds=4.0, transcribe_seconds=1.0
    )
    options = ListenOptions(out=tmp_path / "x.vtt", language="en")
    listener: Any = SimpleNamespace(model=None)
    _report(options, listener, summary, as_json=True)
    row = json.loads(capsys.readouterr().out)["summary"]
    assert row == {
        "out": str(tmp_path / "x.vtt"), "model": "base", "language": "en", "cues": 2,
        "echoes_dropped": 1, "audio_seconds": 4.0, "rtf": 0.25,
        "latency_p50": 0.5, "latency_p90": 0.5,
    }  # fmt: skip
    _report(options, listener, summary, as_json=False)
    assert (
        capsys.readouterr().err == f"2 cues → {tmp_path / 'x.vtt'} (RTF 0.25, 1 echoes dropped)\n"
    )
