"""The simulated informant must make the difference between question types felt."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from intervju.errors import GuideError
from intervju.fakes import HashingEmbeddings
from intervju.practice import SimulatedInformant, bundled_personas, load_persona


@pytest.fixture
def informant() -> SimulatedInformant:
    return SimulatedInformant(load_persona("nav-veileder"), HashingEmbeddings(), seed=1)


def test_bundled_personas_load() -> None:
    assert {"nav-veileder", "remote-worker"} <= set(bundled_personas())
    for name in bundled_personas():
        persona = load_persona(name)
        assert persona.stories and persona.short_yes and persona.agree


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Har du hatt mange videomøter?", "short"),
        ("Du synes vel at video er slitsomt, ikke sant?", "agree"),
        ("Var det bedre på kontoret eller hjemme?", "choice"),
        ("Kan du fortelle om det første videomøtet ditt?", "story"),
        ("Hvordan var det første videomøtet, og hva lærte du av det?", "partial"),
        ("Hvorfor bruker du video?", "why"),
    ],
)
def test_reply_kind_follows_the_question(
    informant: SimulatedInformant, question: str, kind: str
) -> None:
    assert informant.reply(question).kind == kind


def test_open_questions_get_longer_answers_than_closed(informant: SimulatedInformant) -> None:
    informant.reply("Har du jobbet lenge i Nav?")
    informant.reply("Du savner vel kroppsspråket?")
    informant.reply("Kan du fortelle om et videomøte du husker godt?")
    informant.reply("Hvordan opplever du forskjellen på kontoret og brukerens stue?")
    feedback = informant.feedback()
    assert feedback.questions == 4
    assert feedback.mean_answer_words_open > 5 * feedback.mean_answer_words_other
    assert len(feedback.rewrites) == 2


def test_backchannel_lets_the_informant_go_on(informant: SimulatedInformant) -> None:
    story = informant.reply("Hvordan var det da kontoret stengte?")
    more = informant.reply("Mhm.")
    assert more.kind == "more"
    assert more.text == next(s.more for s in informant.persona.stories if s.text == story.text)


def test_stories_are_not_repeated(informant: SimulatedInformant) -> None:
    answers = [informant.reply("Hvordan opplever du videomøter?").text for _ in range(4)]
    assert len(set(answers)) == 4


def test_bad_persona_file_names_the_file(tmp_path: object) -> None:
    from pathlib import Path

    bad = Path(str(tmp_path)) / "persona.yaml"
    bad.write_text("id: x\nlanguage: nb\n", encoding="utf-8")
    with pytest.raises(GuideError, match=r"persona\.yaml"):
        load_persona(bad)


def test_cli_practice_jsonl() -> None:
    lines = "\n".join(
        json.dumps({"id": i, "text": t})
        for i, t in enumerate(["Har du brukt video?", "Hvordan har du brukt video med brukerne?"])
    )
    result = subprocess.run(
        [sys.executable, "-m", "intervju", "practice", "--jsonl"],
        input=lines,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("kind") for o in out[:2]] == ["short", "story"]
    assert out[-1]["feedback"]["questions"] == 2
