"""The practice informant answers the question that was asked (issue 17, dev set 3 failures):
a why gets a reason about what was asked, an everyday question is no brush-off, a
follow-up on the last story stays in it, and a detail pointing back to its opening is not
told before it."""

from __future__ import annotations

import pytest

from intervju.fakes import HashingEmbeddings
from intervju.personas import practice_lang, tokens
from intervju.practice import SimulatedInformant, load_persona


def informant_for(name: str) -> SimulatedInformant:
    return SimulatedInformant(load_persona(name), HashingEmbeddings(), seed=0)


def gives_reason(agent: SimulatedInformant, text: str) -> bool:
    spaced = f" {' '.join(tokens(text))} "
    return any(f" {r} " in spaced for r in practice_lang(agent._lang.code).reasons)


# A why-question gets a reason from the persona's material about what was asked, not a
# shrug plus an unrelated first sentence («Det har vel bare blitt sånn. Jeg kommer klokka ni»).
WHY = [
    ("sykepleier", [], "Hvorfor jobber du så mye natt egentlig?", "natt"),
    ("night-nurse", [], "Why nights, though?", "night"),
    ("teacher", [], "Why didn't you just make the cameras compulsory?", "cameras"),
    (
        "laerer",
        ["Hvordan var en typisk skoledag for deg da dere hadde hjemmeundervisning?"],
        "Hvorfor slo dere ikke bare på kameraene?",
        "kamera",
    ),
]


@pytest.mark.parametrize(("persona", "before", "question", "word"), WHY)
def test_a_why_question_gets_a_reason_about_what_was_asked(
    persona: str, before: list[str], question: str, word: str
) -> None:
    agent = informant_for(persona)
    for q in before:
        agent.reply(q)
    reply = agent.reply(question)
    assert reply.kind == "why", reply.text
    assert gives_reason(agent, reply.text), reply.text
    assert word in reply.text.lower(), reply.text


# Questions about the persona's ordinary working life use only words the persona's material
# uses (or none at all): they are answered, never brushed off.
EVERYDAY = [
    ("remote-worker", "So, um, what does a normal working day look like for you these days?"),
    ("remote-worker", "Who do you work most closely with?"),
    ("night-nurse", "How do you get on with the other nurses and the doctors at night?"),
    ("laerer", "Hvordan var samarbeidet med de andre lærerne på skolen i den perioden?"),
]


@pytest.mark.parametrize(("persona", "question"), EVERYDAY)
def test_an_everyday_question_is_no_brush_off(persona: str, question: str) -> None:
    reply = informant_for(persona).reply(question)
    assert reply.kind == "story", reply.text


# Who the people are: a question about the colleagues gets the episode or detail that
# names the colleague, not the persona's CV («Jeg er lektor i norsk …»).
COLLEAGUES = [
    ("laerer", "Hvordan var samarbeidet med de andre lærerne på skolen i den perioden?", "Mona"),
    ("night-nurse", "How do you get on with the other nurses and the doctors at night?", "Tom"),
    ("sykepleier", "Kan du fortelle om de du jobber sammen med på natta?", "Tor"),
]


@pytest.mark.parametrize(("persona", "question", "name"), COLLEAGUES)
def test_a_question_about_colleagues_names_the_colleague(
    persona: str, question: str, name: str
) -> None:
    reply = informant_for(persona).reply(question)
    assert name in reply.text, reply.text


def test_a_feeling_probe_naming_the_job_stays_in_the_last_story() -> None:
    """«som lærer» is the persona's theme, not a new subject: the follow-up stays with Sara."""
    agent = informant_for("laerer")
    story = agent.reply("Hva med de elevene som bare forsvant?")
    agent.reply("Kan du gi et eksempel?")
    probe = agent.reply("Hva gjorde det med deg som lærer?")
    assert probe.episode == story.episode and probe.probe is not None, probe.text


def test_a_why_question_is_never_answered_as_yes_or_no() -> None:
    reply = informant_for("night-nurse").reply("Why nights, though?")
    assert reply.kind == "why"
    assert reply.text not in informant_for("night-nurse").persona.line("agree")


def test_a_double_question_with_a_leading_part_answers_one_part() -> None:
    agent = informant_for("sykepleier")
    reply = agent.reply(
        "Hva er det vanskeligste med å være alene med ansvaret, og hvordan takler du det?"
    )
    assert reply.kind == "partial", reply.text
    assert any(reply.text.startswith(line) for line in agent.persona.line("double"))


@pytest.mark.parametrize("persona", ["night-nurse", "sykepleier"])
def test_a_detail_pointing_back_is_not_told_before_its_opening(persona: str) -> None:
    """A detail whose first sentence says «he»/«han» about someone the opening introduces
    is not told first, whatever the probe."""
    agent = informant_for(persona)
    pronouns = practice_lang(agent._lang.code).pronouns
    for index, episode in enumerate(agent.persona.episodes):
        for at, detail in enumerate(episode.details):
            first = tokens(detail.text.split(".")[0])
            if not any(w in pronouns for w in first):
                continue
            fresh = informant_for(persona)
            plan = fresh._in_order(fresh._continue(index, detail.facet, frozenset()))
            assert plan.detail != at, (episode.id, detail.text)
