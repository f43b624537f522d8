"""Practice informant across a session: no reply twice, links only when true, episodes in
order, brush-offs that keep the persona's job (blind-panel failures of round 3)."""

from __future__ import annotations

import pytest

from intervju.fakes import HashingEmbeddings
from intervju.personas import practice_lang, tokens
from intervju.practice import SimulatedInformant, _join, bundled_personas, load_persona


def informant_for(name: str) -> SimulatedInformant:
    return SimulatedInformant(load_persona(name), HashingEmbeddings(), seed=1)


# A closed question asked twice (as new users do): the same fact, never the same words.
ASKED_TWICE = [
    ("nav-veileder", "Har du jobbet lenge i Nav?", "elleve"),
    ("teacher", "Have you been teaching for long?", "fourteen"),
    ("night-nurse", "Have you worked nights for long?", None),
    ("remote-worker", "Have you worked at the firm for long?", None),
    ("laerer", "Har du vært lærer lenge?", None),
    ("sykepleier", "Har du jobbet natt lenge?", None),
]


@pytest.mark.parametrize(("persona", "question", "fact"), ASKED_TWICE)
def test_a_reply_is_never_repeated_word_for_word(
    persona: str, question: str, fact: str | None
) -> None:
    agent = informant_for(persona)
    first = agent.reply(question)
    agent.reply(
        "Kan du si mer om det?"
        if persona in ("nav-veileder", "laerer", "sykepleier")
        else "Could you say more about that?"
    )
    second = agent.reply(question)
    third = agent.reply(question)
    assert len({first.text, second.text, third.text}) == 3
    assert second.text.lower().endswith(first.text.lower()[1:])  # the same answer, led in
    if fact:
        assert fact in first.text and fact in second.text


@pytest.mark.parametrize("persona", sorted(bundled_personas()))
def test_no_reply_twice_in_a_long_session(persona: str) -> None:
    agent = informant_for(persona)
    nb = persona in ("nav-veileder", "laerer", "sykepleier")
    questions = (
        ["Hva gjør du på fritiden?", "Hvilket fotballag holder du med?", "Ja?", "Hvorfor?"]
        if nb
        else [
            "What do you do in your free time?",
            "Which football team do you support?",
            "Yes?",
            "Why?",
        ]
    ) * 3
    texts = [agent.reply(q).text for q in questions]
    assert len(texts) == len(set(texts)), texts


@pytest.mark.parametrize("persona", sorted(bundled_personas()))
def test_brush_offs_do_not_deny_the_persona_s_work(persona: str) -> None:
    """«Det er ikke min hverdag» to a question about the work contradicts the persona:
    a brush-off says the informant has nothing to tell, never that the job is not theirs."""
    lines = load_persona(persona).line("nothing")
    denials = {"hverdag", "jobben", "skolen", "jobb", "work", "days", "nights", "school"}
    for line in lines:
        assert not denials & set(tokens(line)), line


def _sequels(persona: str) -> list[tuple[int, int]]:
    agent = informant_for(persona)
    sequel = practice_lang(agent._lang.code).sequel
    return [
        (e, d)
        for e, episode in enumerate(agent.persona.episodes)
        for d, detail in enumerate(episode.details)
        if any(" ".join(tokens(detail.text)).startswith(s + " ") for s in sequel)
    ]


def test_every_persona_has_details_that_go_on_from_their_opening() -> None:
    # The order rule below is tested on real material, not on an empty list.
    assert sum(len(_sequels(p)) for p in bundled_personas()) >= 8


@pytest.mark.parametrize("persona", sorted(bundled_personas()))
def test_a_detail_going_on_from_the_opening_is_not_told_first(persona: str) -> None:
    from intervju.practice import _Plan

    for episode, detail in _sequels(persona):
        agent = informant_for(persona)
        assert agent._in_order(_Plan(episode, detail, "feeling")).detail is None
        agent._opened.add(episode)
        assert agent._in_order(_Plan(episode, detail, "feeling")).detail == detail


# A first question pointing at one particular moment, which continues the story:
# the answer starts with the opening, not with «Etter det …».
POINTED_SEQUELS = [
    ("laerer", "Hvordan fikk du elevene til å slå på kameraet de første fem minuttene?"),
    ("teacher", "How did you get them to turn their cameras on for the first five minutes?"),
    ("nav-veileder", "Hvordan begynte du å ringe de som bodde alene hver uke?"),
    ("remote-worker", "How did the fifteen-minute morning call start?"),
]


@pytest.mark.parametrize(("persona", "question"), POINTED_SEQUELS)
def test_first_answer_does_not_start_with_a_sequel(persona: str, question: str) -> None:
    agent = informant_for(persona)
    reply = agent.reply(question)
    sequel = practice_lang(agent._lang.code).sequel
    said = " ".join(tokens(reply.text))
    assert not any(said.startswith(s + " ") for s in sequel), reply.text


LINKS = [
    # (persona, first question, question right after on the same episode)
    (
        "nav-veileder",
        "Kan du fortelle om det første videomøtet ditt?",
        "Hvordan var det første videomøtet teknisk?",
    ),
    (
        "teacher",
        "Could you tell me about the pupils who stopped showing up online?",
        "What happened with the pupils who disappeared?",
    ),
]


@pytest.mark.parametrize(("persona", "first", "then"), LINKS)
def test_no_back_link_straight_after_the_same_episode(persona: str, first: str, then: str) -> None:
    """«Som jeg sa:» claims an earlier answer: not for the one just given."""
    agent = informant_for(persona)
    agent.reply(first)
    reply = agent.reply(then)
    for lead in agent.persona.line("again"):
        assert not reply.text.startswith(lead), reply.text


# A question naming something the persona never mentions, otherwise on its material: the
# nearest account, but said honestly first instead of drifting off as if it answered.
UNKNOWN = [
    ("night-nurse", "What were nights like during the heatwave?", "heatwave"),
    ("teacher", "What were your online lessons like during the heatwave?", "heatwave"),
    ("sykepleier", "Hvordan var nattevaktene under streiken?", "streiken"),
    ("nav-veileder", "Hvordan var videomøtene under streiken?", "streiken"),
]


@pytest.mark.parametrize(("persona", "question", "word"), UNKNOWN)
def test_an_unknown_subject_is_owned_up_to(persona: str, question: str, word: str) -> None:
    agent = informant_for(persona)
    reply = agent.reply(question)
    head, tail = practice_lang(agent._lang.code).unknown_lead.split("{word}")
    said, _, _ = reply.text.partition(tail)
    assert said.startswith(head) and said.endswith(word), reply.text


# Every persona's story is work in the covid years: a question about that time gets an
# account of it, never "I can't say much about covid" (issue 17, blind panel).
OWN_PERIOD = [
    ("night-nurse", "What were nights like during covid?"),
    ("sykepleier", "Hvordan var nattevaktene under korona?"),
    ("teacher", "What was covid like for you as a teacher?"),
    ("laerer", "Hvordan var koronatiden for deg på skolen?"),
    ("remote-worker", "What was work like when the pandemic started?"),
    ("nav-veileder", "Hvordan var det på jobben under pandemien?"),
]


@pytest.mark.parametrize(("persona", "question"), OWN_PERIOD)
def test_the_persona_s_own_period_is_never_denied(persona: str, question: str) -> None:
    agent = informant_for(persona)
    reply = agent.reply(question)
    head = practice_lang(agent._lang.code).unknown_lead.split("{")[0]
    assert reply.kind == "story" and not reply.text.startswith(head), reply.text


@pytest.mark.parametrize("persona", sorted(bundled_personas()))
def test_the_persona_s_own_questions_get_no_unknown_lead(persona: str) -> None:
    agent = informant_for(persona)
    head = practice_lang(agent._lang.code).unknown_lead.split("{")[0]
    for episode in agent.persona.episodes:
        reply = informant_for(persona).reply(episode.asks[0])
        assert not reply.text.startswith(head), (episode.asks[0], reply.text)


# A first question about a moment that goes on from the opening: the scene (the opening's
# first sentence), then the moment; the opening told later does not say the scene again.
SCENES = [
    ("laerer", "Hvordan fikk du elevene til å slå på kameraet?", "kameraet",
     "Kan du fortelle om hvordan det var å undervise hjemmefra?"),
    ("night-nurse", "What do you think about pay for night work?", "pay",
     "What do you think about your future as a night nurse?"),
    ("sykepleier", "Hva tenker du om lønna for nattarbeid?", "lønna",
     "Hva tenker du om framtiden din som nattsykepleier?"),
]  # fmt: skip


@pytest.mark.parametrize(("persona", "question", "word", "later"), SCENES)
def test_a_moment_asked_first_gets_its_scene_first(
    persona: str, question: str, word: str, later: str
) -> None:
    agent = informant_for(persona)
    reply = agent.reply(question)
    assert reply.episode is not None and reply.detail is not None and word in reply.text
    gist = agent.persona.episode(reply.episode).gist
    assert reply.text.startswith(gist)
    opening = agent.reply(later)
    assert opening.episode == reply.episode and opening.detail is None
    assert gist not in opening.text and opening.text


def test_an_unknown_word_keeps_its_article_and_a_name_its_capital() -> None:
    """ "about the heatwave", not "about heatwave"; «…, but Daniel …», not «daniel»."""
    agent = informant_for("night-nurse")
    reply = agent.reply("What were nights like during the heatwave?")
    assert "about the heatwave in particular" in reply.text, reply.text
    lead = practice_lang("en").unknown_lead.format(word="x").split("x")[-1]
    assert _join(lead, "Daniel and I pass each other.", frozenset({"Daniel"})).endswith(
        "but Daniel and I pass each other."
    )
