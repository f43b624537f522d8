"""The practice informant answers the question that was asked (issue 17, dev set 3 failures):
a why gets a reason about what was asked, an everyday question is no brush-off, a
follow-up on the last story stays in it, and a detail pointing back to its opening is not
told before it."""

from __future__ import annotations

import pytest

from intervju import practice
from intervju.lang import Lang
from intervju.personas import practice_lang, tokens
from intervju.practice import SimulatedInformant
from tests.helpers import informant_for, reply_after


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


@pytest.mark.parametrize(
    ("persona", "question"),
    [
        ("night-nurse", "Do you like the night shifts, and is it hard to sleep in the day?"),
        ("sykepleier", "Liker du nattevaktene, og er det tungt å sove om dagen?"),
    ],
)
def test_a_double_question_of_yes_no_questions_gets_a_short_answer(
    persona: str, question: str
) -> None:
    """Two yes/no questions in a row get the short answer practice teaches with, not half
    a story («That's a lot at once. I'll start somewhere: …»)."""
    agent = informant_for(persona)
    reply = agent.reply(question)
    assert reply.analysis.double and reply.kind == "short", reply.text
    assert not any(reply.text.startswith(line) for line in agent.persona.line("double"))


@pytest.mark.parametrize(
    ("persona", "question"),
    [
        ("night-nurse", "What was your first night shift like, and did you like it?"),
        ("sykepleier", "Hvordan var den første nattevakten, og likte du den?"),
    ],
)
def test_a_double_question_with_an_open_part_answers_one_part(persona: str, question: str) -> None:
    """An open question with a yes/no question after it is halved, not answered «Yeah.»."""
    reply = informant_for(persona).reply(question)
    assert reply.analysis.form == "closed" and reply.kind == "partial", reply.text


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


# Dev set 4 (held out after the first fix): what still missed the question.
def test_a_phrase_stem_matches_an_inflected_phrase() -> None:
    """«turn up» is what "the pupils who stopped turning up" are about."""
    reply = informant_for("teacher").reply(
        "Can you tell me about the pupils who stopped turning up?"
    )
    assert reply.episode == "missing-pupils", reply.text


@pytest.mark.parametrize(
    ("persona", "story", "probe"),
    [
        ("teacher", "Can you tell me about the pupils who stopped turning up?", "What did you do?"),
        ("laerer", "Hva med de elevene som bare forsvant?", "Hva gjorde du?"),
    ],
)
def test_a_question_without_a_subject_follows_up_the_last_story(
    persona: str, story: str, probe: str
) -> None:
    agent = informant_for(persona)
    first = agent.reply(story)
    reply = agent.reply(probe)
    assert reply.episode == first.episode and reply.probe is not None, reply.text


def test_a_negated_closed_question_agrees_with_negated_material() -> None:
    """«… du aldri hørte fra?» when the material says «Andre hørte jeg aldri fra»: yes."""
    agent = informant_for("laerer")
    reply = agent.reply("Var det noen foreldre du aldri hørte fra?")
    assert reply.kind == "short" and reply.text in agent.persona.line("short_yes"), reply.text


def test_an_inflection_of_a_known_word_is_not_owned_up_to_as_unknown() -> None:
    agent = informant_for("sykepleier")
    reply = agent.reply("Hvordan er det med søvnen og helsa di når du går så mye natt?")
    head = practice_lang(agent._lang.code).unknown_lead.split("{")[0]
    assert not reply.text.startswith(head), reply.text


def test_a_short_why_about_the_last_story_is_answered_from_it() -> None:
    agent = informant_for("laerer")
    story = agent.reply("Hvordan tok du vare på deg selv i den perioden?")
    reply = agent.reply("Hvorfor var det så slitsomt?")
    assert reply.kind == "why" and reply.episode == story.episode, reply.text
    assert gives_reason(agent, reply.text), reply.text


def test_the_persona_s_employer_is_no_person_to_introduce_first() -> None:
    """«Nav» in a detail is the theme, not someone the opening introduces: the detail that
    answers «what do you like best» is told directly."""
    agent = informant_for("nav-veileder")
    reply = agent.reply("Hva er det du liker best med jobben din?")
    assert reply.detail is not None and "stolt" in reply.text, reply.text


def test_a_theme_word_is_told_by_the_theme_not_by_its_weight(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whether a word is the persona's theme does not hang on how much a theme word counts
    when choosing an episode (review r4 #19: `on_role(w) == 1.0` meant "not theme")."""
    monkeypatch.setattr(practice, "THEME_WEIGHT", 1.0)
    matcher = informant_for("nav-veileder")._matcher
    assert matcher.is_theme("nav") and matcher.is_theme("jobben")
    assert not matcher.is_theme("kaffen")
    assert matcher.on_role("nav") == matcher.on_role("kaffen") == 1.0
    agent = informant_for("nav-veileder")
    reply = agent.reply("Hva er det du liker best med jobben din?")
    assert reply.detail is not None and "stolt" in reply.text, reply.text


@pytest.mark.parametrize(
    ("persona", "before", "question", "says"),
    [
        # The workspace has a desk: a closed question about it is no «Not really».
        ("remote-worker", [], "Do you have a proper desk at home?", "second-hand"),
        # "go into" is its own stem now that «go in» no longer matches "into".
        ("remote-worker", [], "Do you still go into the office?", "Tuesdays"),
        # A closed follow-up on the story gets the story's own short answer.
        (
            "teacher",
            ["Can you tell me about the pupils who stopped turning up?"],
            "Were there many of them?",
            "Three or four",
        ),
    ],
)
def test_a_closed_question_gets_the_episode_s_own_short_answer(
    persona: str, before: list[str], question: str, says: str
) -> None:
    reply = reply_after(persona, before, question)
    assert reply.kind == "short" and says in reply.text, reply.text


def test_a_short_answer_is_not_given_for_a_word_that_only_starts_alike() -> None:
    """ "manager" is not «manage to switch off»: no «Not always, no.» about the manager."""
    agent = informant_for("remote-worker")
    agent.reply("How do you switch off at the end of the day?")
    reply = agent.reply("Did your manager say anything about it?")
    assert "Not always" not in reply.text, reply.text
    # «manage to» is a phrase stem: "manager to" does not say it either (review r4 #4).
    reply = agent.reply("Did you ask your manager to help with it?")
    assert "Not always" not in reply.text, reply.text
    manage = agent.reply("Do you manage to switch off in the evenings?")
    assert manage.kind == "short", manage.text


@pytest.mark.parametrize(
    ("text", "phrase", "lang", "said"),
    [
        ("the pupils who stopped turning up", "turn up", "en", True),
        ("å få nye kollegaer", "ny kollega", "nb", True),
        ("å undervise hjemmefra", "undervise hjemme", "nb", True),
        ("sover etter en nattevakt", "en natt", "nb", True),
        ("did you ask your manager to help", "manage to", "en", False),
        ("do you go into town", "go in", "en", False),
        ("a manager to talk to", "manage to", "en", False),
    ],
)
def test_a_phrase_stem_matches_its_words_inflected_not_words_that_begin_alike(
    text: str, phrase: str, lang: Lang, said: bool
) -> None:
    assert practice._has_phrase(tokens(text), phrase, lang) is said
