"""Persona files: word lists read through the shared YAML helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from intervju.errors import GuideError
from intervju.practice import bundled_personas, load_persona


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    source = bundled_personas()["laerer"].read_text(encoding="utf-8")
    assert old in source
    path = tmp_path / "p.yaml"
    path.write_text(source.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_plain_text_about_is_one_word_not_its_letters(tmp_path: Path) -> None:
    persona = load_persona(_edited(tmp_path, "about: [kamera]", "about: kamera"))
    abouts = [d.about for e in persona.episodes for d in e.details if "kamera" in d.about]
    assert abouts == [frozenset({"kamera"})]


def test_a_mapping_for_about_is_a_persona_error(tmp_path: Path) -> None:
    with pytest.raises(GuideError, match="'about' must be a list"):
        load_persona(_edited(tmp_path, "about: [kamera]", "about: {kamera: 1}"))


def test_a_choice_is_read_from_the_verdict_not_its_wording() -> None:
    from dataclasses import replace

    from intervju.analysis import analyse
    from intervju.practice import offers_choice

    choice = analyse("Vil du ha kaffe eller te?", language="nb")
    yes_no = analyse("Liker du kaffe?", language="nb")
    assert choice.form == yes_no.form == "closed"
    assert offers_choice(choice) and not offers_choice(yes_no)
    assert offers_choice(replace(choice, explanation=""))
    assert not offers_choice(replace(yes_no, explanation=choice.explanation))
