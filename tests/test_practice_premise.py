"""The practice informant answers what a person in the job could answer (own round 8,
tests/data/practice_dev8.jsonl): a demanding moment or how work has been lately gets an
account, not a brush-off; a question about something «you mentioned» that was never told
asks which one; a yes/no question saying back what was told gets the yes and a detail
more; a fact question about an earlier fact keeps it; a bare «mm» after a moment goes on
with that moment. The items here are variants of the set's, not its sentences."""

from __future__ import annotations

import pytest

from intervju.fakes import HashingEmbeddings
from intervju.practice import SimulatedInformant, load_persona


def informant_for(name: str) -> SimulatedInformant:
    return SimulatedInformant(load_persona(name), HashingEmbeddings(), seed=0)


OPENERS = {
    "night-nurse": "Could you start by telling me about your work?",
    "teacher": "Could you start by telling me about your work?",
    "remote-worker": "What is a usual week like for you?",
    "laerer": "Kan du begynne med å fortelle om jobben din?",
    "sykepleier": "Kan du begynne med å fortelle om jobben din?",
}


@pytest.mark.parametrize(
    ("persona", "question"),
    [
        ("night-nurse", "Could you describe a really tough night for me?"),
        ("sykepleier", "Kan du fortelle om en natt som var ekstra tung?"),
        ("remote-worker", "Can you tell me about a week that was very demanding?"),
        ("laerer", "Kan du fortelle om en periode som var krevende for deg?"),
        ("night-nurse", "How have things been on the ward recently?"),
        ("teacher", "How have things been at school lately?"),
        ("laerer", "Hvordan har du hatt det på jobben i det siste?"),
    ],
)
def test_what_the_job_can_answer_is_no_brush_off(persona: str, question: str) -> None:
    agent = informant_for(persona)
    agent.reply(OPENERS[persona])
    reply = agent.reply(question)
    assert reply.kind in ("story", "deeper"), reply.text


@pytest.mark.parametrize("persona", ["teacher", "night-nurse", "remote-worker"])
def test_an_opener_about_the_work_gets_the_account(persona: str) -> None:
    reply = informant_for(persona).reply("Could you begin by telling me a little about your work?")
    assert reply.kind == "story", reply.text


def test_a_why_said_again_says_so_and_adds_something() -> None:
    agent = informant_for("night-nurse")
    opening = agent.reply(OPENERS["night-nurse"]).text
    reply = agent.reply("Why did you choose nights?")
    assert reply.kind == "why" and "As I said" in reply.text, reply.text
    assert not reply.text.endswith(opening.split(". ")[-1]), reply.text


def test_the_brush_off_never_claims_it_would_be_guessing() -> None:
    for name in ("night-nurse", "teacher", "remote-worker", "laerer", "sykepleier"):
        lines = " ".join(load_persona(name).line("nothing")).lower()
        assert "guess" not in lines and "gjette" not in lines, name


@pytest.mark.parametrize(
    ("persona", "question", "says"),
    [
        ("night-nurse", "The surgeon you mentioned earlier, what did she say?", "surgeon"),
        ("remote-worker", "That contractor you talked about, how did it end?", "contractor"),
        ("laerer", "Den vaktmesteren du nevnte, hva gjorde han?", "vaktmesteren"),
    ],
)
def test_a_false_premise_asks_which_one(persona: str, question: str, says: str) -> None:
    agent = informant_for(persona)
    agent.reply(OPENERS[persona])
    reply = agent.reply(question)
    assert reply.kind == "unclear" and says in reply.text, reply.text


def test_a_true_premise_is_answered() -> None:
    agent = informant_for("night-nurse")
    agent.reply("Could you tell me about a patient you remember?")
    agent.reply("How do you sleep after nights?")
    reply = agent.reply("The patient you talked about, what happened to her in the end?")
    # Told of in another story than the last: the answer goes back to that one.
    assert reply.kind != "unclear" and reply.episode == "patients", reply.text


@pytest.mark.parametrize(
    ("persona", "echo"),
    [
        ("night-nurse", "So you work mostly nights, then?"),
        ("remote-worker", "So you're at home three days a week, then?"),
        ("laerer", "Så du har niende trinn nå, altså?"),
    ],
)
def test_an_echo_of_what_was_told_gets_the_yes_and_more(persona: str, echo: str) -> None:
    agent = informant_for(persona)
    agent.reply(OPENERS[persona])
    reply = agent.reply(echo)
    assert reply.kind == "deeper" and len(reply.text.split()) > 8, reply.text


def test_a_leading_question_with_then_is_still_agreed_to() -> None:
    agent = informant_for("remote-worker")
    agent.reply(OPENERS["remote-worker"])
    reply = agent.reply("Working from home must be lonelier, right?")
    assert reply.kind == "agree", reply.text


@pytest.mark.parametrize(
    ("persona", "question", "says"),
    [
        ("teacher", "Have you been at the same school the whole time?", "another school"),
        ("laerer", "Har du vært på samme skolen hele tiden?", "annen skole"),
        ("remote-worker", "Have you been hybrid from the start?", "until March 2020"),
    ],
)
def test_a_fact_against_an_earlier_fact_keeps_it(persona: str, question: str, says: str) -> None:
    agent = informant_for(persona)
    agent.reply(OPENERS[persona])
    reply = agent.reply(question)
    assert says in reply.text, reply.text


@pytest.mark.parametrize(
    ("persona", "question", "says"),
    [
        ("night-nurse", "How long have you been nursing?", "eight years"),
        ("remote-worker", "How long have you worked there?", "six years"),
    ],
)
def test_how_long_in_the_job_gets_the_years(persona: str, question: str, says: str) -> None:
    agent = informant_for(persona)
    agent.reply(OPENERS[persona])
    reply = agent.reply(question)
    assert reply.kind == "short" and says in reply.text.lower(), reply.text


def test_a_why_does_not_repeat_a_reason_word_for_word() -> None:
    agent = informant_for("night-nurse")
    said = agent.reply("Could you tell me about the hardest part of working nights?").text
    reply = agent.reply("Why is that?")
    assert reply.kind == "why"
    reason = reply.text.split(". ", 1)[-1]
    assert reason not in said, reply.text
