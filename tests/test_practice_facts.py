"""The practice informant keeps its facts and its thread (issue 17, own holdout round 5,
tests/data/practice_dev5.jsonl): a fact question gets the fact, not the story or a detail;
an echo goes back to the story it echoes; a request phrased as a yes/no question gets a
story; a question about things the persona never speaks of gets «nothing», not a story
that happens to share a word."""

from __future__ import annotations

import pytest

from intervju.personas import practice_lang
from tests.helpers import informant_for, reply_after

# (persona, questions before, fact question, what the answer says)
FACTS = [
    ("night-nurse", [], "Which hospital do you work at?", "St Anne's"),
    (
        "night-nurse",
        ["Could you tell me about a patient you remember?"],
        "Which hospital is that, by the way?",
        "St Anne's",
    ),
    ("night-nurse", [], "How many years have you been on that ward?", "eight years"),
    ("teacher", [], "How long have you been at that school?", "the last ten at Hillside"),
    ("remote-worker", [], "How long have you been with the firm?", "six years"),
    ("laerer", [], "Hvor mange elever har du i klassen?", "tjueseks"),
    ("laerer", [], "Hvor mange år har du vært lærer, sa du?", "fjorten år"),
]


@pytest.mark.parametrize(("persona", "before", "question", "says"), FACTS)
def test_a_fact_question_gets_the_fact(
    persona: str, before: list[str], question: str, says: str
) -> None:
    reply = reply_after(persona, before, question)
    assert reply.kind == "short" and says.lower() in reply.text.lower(), reply.text
    # An open fact question asked no yes/no: the fact comes without one.
    assert not reply.text.startswith(("Yes,", "Ja,")), reply.text


@pytest.mark.parametrize(
    ("persona", "question", "never"),
    [
        ("teacher", "Did you have many pupils in your class?", "Three or four"),
        ("laerer", "Hadde du mange elever i klassen?", "Tre-fire"),
    ],
)
def test_a_story_s_number_is_not_the_class_size(persona: str, question: str, never: str) -> None:
    """«Three or four» are the pupils who vanished, not the class of twenty-six."""
    reply = informant_for(persona).reply(question)
    assert never not in reply.text, reply.text


def test_an_echo_after_a_fact_goes_back_to_the_story_it_echoes() -> None:
    agent = informant_for("laerer")
    story = agent.reply("Hvordan var samarbeidet med foreldrene?")
    feeling = agent.reply("Hvordan var det for deg?")
    assert "avkledd" in feeling.text
    agent.reply("Hvor lenge har du vært lærer?")
    echo = agent.reply("Avkledd?")
    assert echo.episode == story.episode and echo.detail is not None, echo.text


@pytest.mark.parametrize(
    ("persona", "question", "episode"),
    [
        ("teacher", "Could you start by telling me a bit about yourself?", "background"),
        ("night-nurse", "Can you think of a patient who has stayed with you?", "patients"),
    ],
)
def test_a_request_asked_as_yes_no_gets_a_story(persona: str, question: str, episode: str) -> None:
    reply = informant_for(persona).reply(question)
    assert (reply.kind, reply.episode) == ("story", episode), reply.text


def test_a_closed_question_about_lost_pupils_is_no_denial() -> None:
    """The teacher lost track of Sara: «were there any you lost?» is never «Not really»."""
    reply = informant_for("teacher").reply("were there any kids you sort of lost along the way")
    assert reply.episode == "missing-pupils" and "few" in reply.text, reply.text


def test_silence_after_a_moment_told_first_stays_with_the_moment() -> None:
    agent = informant_for("night-nurse")
    moment = agent.reply("What's a night like when things go wrong?")
    assert moment.detail is not None and "cold and clammy" in moment.text, moment.text
    more = agent.reply("mm")
    assert more.episode == moment.episode and more.detail is not None, more.text


def test_she_is_the_person_of_the_last_story_not_the_persona() -> None:
    """«How long did she stay?» after a short answer in between is about the patient."""
    agent = informant_for("night-nurse")
    agent.reply("Could you tell me about a patient you remember from nights?")
    agent.reply("What was that like for you?")
    children = agent.reply("Do you have children yourself?")
    assert children.text == "No, we don't have children.", children.text
    stay = agent.reply("How long did she stay on the ward?")
    assert stay.episode == "patients" and "few weeks" in stay.text, stay.text


@pytest.mark.parametrize(
    ("persona", "before", "question", "says"),
    [
        ("remote-worker", ["How do you switch off?"], "Is Alex your partner?", "my partner"),
        ("remote-worker", [], "Tell me about your manager.", "Ruth"),
        ("remote-worker", [], "Can you tell me about your workspace at home?", "storage room"),
        ("sykepleier", [], "Kan du fortelle om en natt du husker spesielt godt?", "kald og klam"),
        ("remote-worker", [], "Do you have kids?", "no children"),
        ("night-nurse", [], "Do you have kids?", "don't have children"),
        (
            "sykepleier",
            ["Kan du fortelle om en pasient du husker?"],
            "Hvor lenge lå hun på posten?",
            "Noen uker",
        ),
        ("sykepleier", [], "Hva sier Even om nattevaktene?", "Even"),
    ],
)
def test_the_person_moment_or_personal_fact_asked_about_is_told(
    persona: str, before: list[str], question: str, says: str
) -> None:
    reply = reply_after(persona, before, question)
    assert says in reply.text, reply.text


@pytest.mark.parametrize("question", ["Do you have a long commute?", "Did you stay late?"])
def test_a_story_s_fact_is_not_said_for_a_generic_word(question: str) -> None:
    """«Only a few weeks» is how long the patient stayed: not for "long" or "stay" alone."""
    reply = informant_for("night-nurse").reply(question)
    assert "weeks" not in reply.text, reply.text


@pytest.mark.parametrize(
    ("persona", "question", "never", "says"),
    [
        # «alone» on the ward is not living alone.
        ("night-nurse", "Do you live alone?", "only nurse", "live with Daniel"),
        ("sykepleier", "Bor du alene?", "eneste", "bor sammen med Even"),
        # The desk is in the little room; the kitchen table was before it.
        ("remote-worker", "Do you work from the kitchen table?", "second-hand", "Not any more"),
        ("remote-worker", "Do you work in the office on Tuesdays?", "", "Tuesdays and Thursdays"),
    ],
)
def test_a_closed_question_gets_the_fact_it_is_about(
    persona: str, question: str, never: str, says: str
) -> None:
    reply = informant_for(persona).reply(question)
    assert (not never or never not in reply.text) and says in reply.text, reply.text


def test_a_plain_yes_to_another_question_claims_no_earlier_answer() -> None:
    """«As I said, yes» is for the same question asked again, not for a new one."""
    agent = informant_for("teacher")
    questions = [
        "Did Sara come back to school in the end?",
        "Do you have a big class?",
        "Did you teach from your kitchen?",
        "Is Mona a maths teacher?",
        "Did you enjoy teaching online?",
    ]
    replies = [agent.reply(q).text for q in questions]
    head = practice_lang("en").repeat
    assert not any(r.startswith(head) for r in replies), replies


@pytest.mark.parametrize(
    ("persona", "question"),
    [
        ("teacher", "Is there anything we haven't talked about?"),
        ("remote-worker", "Is there anything else you would like to add?"),
        ("nav-veileder", "Er det noe vi ikke har snakket om?"),
    ],
)
def test_a_closing_invitation_gets_a_story_not_a_no(persona: str, question: str) -> None:
    reply = informant_for(persona).reply(question)
    assert reply.kind == "story", reply.text
