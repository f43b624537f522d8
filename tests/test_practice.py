"""The simulated informant answers what was asked, goes deeper on follow-ups, stays consistent,
and still makes the difference between question types felt."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from intervju.errors import ConfigError, GuideError
from intervju.fakes import HashingEmbeddings
from intervju.practice import (
    SimulatedInformant,
    advice,
    bundled_personas,
    choose_informant,
    load_persona,
)
from intervju.settings import LLMSettings


def informant_for(name: str = "nav-veileder") -> SimulatedInformant:
    return SimulatedInformant(load_persona(name), HashingEmbeddings(), seed=1)


@pytest.fixture
def informant() -> SimulatedInformant:
    return informant_for()


def test_bundled_personas_load_in_both_languages() -> None:
    names = set(bundled_personas())
    assert {"nav-veileder", "remote-worker"} <= names
    languages = {load_persona(name).language for name in names}
    assert languages == {"nb", "en"}
    assert len(names) >= 6  # Nav + remote work + two more fields, each in nb and en
    for name in names:
        persona = load_persona(name)
        assert persona.episodes and all(e.details for e in persona.episodes)
        text = " ".join(e.text for e in persona.episodes)
        assert "{" not in text  # every fact placeholder was filled


# question → the episode that answers it (fresh informant each time)
MATCHES = [
    ("nav-veileder", "Kan du fortelle om en vanlig arbeidsdag på hjemmekontoret?", "hjemmekontor"),
    ("nav-veileder", "Hvordan går du fram når du må gi et avslag over video?", "avslag"),
    ("nav-veileder", "Hvordan ble du veileder i Nav?", "bakgrunn"),
    ("nav-veileder", "Kan du fortelle om det første videomøtet ditt?", "forste-video"),
    ("nav-veileder", "Hva skjer med kroppsspråket når dere møtes på skjerm?", "kroppssprak"),
    ("nav-veileder", "Hvordan tenker du om hvem som er til stede i rommet hos brukeren?", "rommet"),
    ("nav-veileder", "Hvordan åpner du vanligvis et videomøte?", "apning"),
    ("nav-veileder", "Hvilke råd ville du gitt til en ny kollega?", "rad"),
    ("nav-veileder", "Hvordan opplever du pauser og stillhet på video?", "stillhet"),
    ("nav-veileder", "Hva betyr en god relasjon til brukerne for deg?", "relasjon"),
    ("nav-veileder", "Hvor går grensen mellom privat og personlig for deg?", "privat-personlig"),
    ("remote-worker", "Could you describe the place where you work at home?", "workspace"),
    ("remote-worker", "How do you switch off at the end of the day?", "switching-off"),
    ("remote-worker", "What was it like to get to know a new colleague?", "new-colleague"),
    ("sykepleier", "Kan du fortelle om en vanlig nattevakt?", "nattevakt"),
    ("night-nurse", "Could you tell me about a typical night shift?", "night-shift"),
    ("laerer", "Hvordan var det å undervise elevene på skjerm?", "skjermundervisning"),
    ("teacher", "How did you keep in touch with pupils who disappeared?", "missing-pupils"),
    # What a question sets aside or dates it by chooses nothing (own sentences, 2026-12-06).
    ("nav-veileder", "Før vi kommer inn på pandemien: hvordan ble du Nav-veileder?", "bakgrunn"),
    ("remote-worker", "First, what did your working week look like before lockdown?", "week"),
    # A compound that starts with a theme word names a thing of its own ("work|space").
    ("remote-worker", "Tell me about your workspace at home.", "workspace"),
    # A bare subject as a question invites its story, not «Mm, ja».
    ("nav-veileder", "Kroppsspråket?", "kroppssprak"),
    ("teacher", "Black squares?", "screen-teaching"),
]


@pytest.mark.parametrize(("persona", "question", "episode"), MATCHES)
def test_open_question_is_answered_from_the_matching_episode(
    persona: str, question: str, episode: str
) -> None:
    reply = informant_for(persona).reply(question)
    assert (reply.kind, reply.episode) == ("story", episode)


def test_matching_floor_over_the_table() -> None:
    hits = sum(informant_for(p).reply(q).episode == e for p, q, e in MATCHES)
    assert hits / len(MATCHES) >= 0.9


@pytest.mark.parametrize(
    ("persona", "question"),
    [
        ("nav-veileder", "Hva gjør du på fritiden?"),
        ("nav-veileder", "Hvordan er været i Bergen om sommeren?"),
        ("remote-worker", "What is your favourite football team?"),
        # More words of its own than the persona's: one shared word is no material.
        ("teacher", "What do you think about the school's heating system?"),
        ("night-nurse", "What kind of music do you listen to on the drive home?"),
        ("teacher", "What do you think about the government's decision to close the schools?"),
        # A rare subject of its own, and of the persona's only its field («sykehus»).
        ("sykepleier", "Hva tenker du om sykehusets nye parkeringsregler?"),
    ],
)
def test_nothing_on_it_is_said_in_character(persona: str, question: str) -> None:
    agent = informant_for(persona)
    reply = agent.reply(question)
    assert reply.kind == "nothing" and reply.episode is None
    assert reply.text in agent.persona.line("nothing")


PROBES = [
    "Kan du si mer om det?",
    "Kan du gi et eksempel?",
    "Hvordan føltes det?",
    "Hva betyr det for deg?",
    "…",
]


def test_probes_continue_the_same_episode_with_new_detail(informant: SimulatedInformant) -> None:
    first = informant.reply("Kan du fortelle om det første videomøtet ditt?")
    told = {first.text}
    for probe in PROBES[:3]:
        reply = informant.reply(probe)
        assert reply.episode == first.episode, probe
        assert reply.kind in ("deeper", "more") and reply.detail is not None, probe
        assert reply.text not in told, probe
        told.add(reply.text)


@pytest.mark.parametrize(
    ("probe", "facet"),
    [
        ("Kan du gi et eksempel på det?", "example"),
        ("Hvordan føltes det?", "feeling"),
        ("Hva betyr det for deg?", "meaning"),
        ("Kan du si mer om det?", "more"),
    ],
)
def test_a_probe_gets_a_detail_of_its_kind(probe: str, facet: str) -> None:
    agent = informant_for()
    opening = agent.reply("Hvordan håndterer du et avslag på video?")
    reply = agent.reply(probe)
    episode = agent.persona.episode(opening.episode or "")
    assert reply.probe == facet and reply.detail is not None
    assert episode.details[reply.detail].facet == facet


def test_echo_of_the_informants_word_goes_into_that_detail(informant: SimulatedInformant) -> None:
    informant.reply("Hvordan opplever du at brukeren deltar fra sitt eget hjem?")
    reply = informant.reply("Du sa «makten» – hva mener du med det?")
    assert reply.episode == "hjemme-vs-kontor" and reply.probe is not None
    assert reply.detail is not None and "makten" in reply.text.lower()


def test_a_follow_up_is_richer_than_a_new_question(informant: SimulatedInformant) -> None:
    informant.reply("Kan du fortelle om et videomøte som har satt seg fast i minnet ditt?")
    deeper = informant.reply("Kan du si mer om det?")
    jumped = informant_for()
    jumped.reply("Kan du fortelle om et videomøte som har satt seg fast i minnet ditt?")
    new = jumped.reply("Hvordan pleier du å åpne et videomøte?")
    assert deeper.episode != new.episode
    assert len(jumped.feedback().missed_followups) == 1
    assert informant.feedback().missed_followups == ()


def test_a_probe_that_names_another_topic_is_a_new_question(informant: SimulatedInformant) -> None:
    informant.reply("Kan du fortelle om det første videomøtet ditt?")
    reply = informant.reply("Kan du gi et eksempel på hvordan du formidler et avslag?")
    assert reply.episode == "avslag"


def test_a_told_episode_runs_out_in_character(informant: SimulatedInformant) -> None:
    informant.reply("Hvordan var det å bli intervjuet om dette?")
    episode = informant.persona.episode("intervjuet")
    replies = [informant.reply("Kan du si mer om det?") for _ in episode.details]
    assert all(r.detail is not None for r in replies)
    last = informant.reply("Kan du si mer om det?")
    assert last.detail is None and last.text in informant.persona.line("told_all")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Har du hatt mange videomøter?", "short"),
        ("Du synes vel at video er slitsomt, ikke sant?", "agree"),
        ("Var det bedre på kontoret eller hjemme?", "choice"),
        ("Kan du fortelle om det første videomøtet ditt?", "story"),
        ("Hvordan var det første videomøtet, og hva lærte du av det?", "partial"),
        ("Hvorfor bruker du video?", "why"),
        ("Mhm.", "unclear"),
    ],
)
def test_reply_kind_follows_the_question(
    informant: SimulatedInformant, question: str, kind: str
) -> None:
    assert informant.reply(question).kind == kind


def test_double_question_answers_only_one_part(informant: SimulatedInformant) -> None:
    reply = informant.reply("Hvordan var det første videomøtet, og hva lærte du av det?")
    episode = informant.persona.episode("forste-video")
    assert reply.episode == episode.id and episode.gist in reply.text
    assert reply.open_answer == episode.text  # the whole story is what an open question gets


def test_silence_lets_the_informant_go_on(informant: SimulatedInformant) -> None:
    story = informant.reply("Hvordan var det da kontoret stengte?")
    more = informant.reply("…")
    assert more.kind == "more" and more.episode == story.episode and more.detail is not None


def test_closed_answers_keep_the_facts_and_never_repeat_words(
    informant: SimulatedInformant,
) -> None:
    first = informant.reply("Har du jobbet lenge i Nav?")
    assert "elleve" in first.text
    # The same answer again, but never word for word («Som sagt, ja, elleve år nå.»).
    again = informant.reply("Har du jobbet lenge i Nav?").text
    assert again != first.text and again.lower().endswith(first.text.lower()[1:])


SESSION = [
    "Kan du fortelle litt om deg selv og veien din inn i Nav?",
    "Hvor lenge har du jobbet der?",
    "Har du jobbet lenge i Nav?",
    "Hvilket kontor jobber du på?",
    "Kan du beskrive brukerne du følger opp?",
    "Kan du gi et eksempel?",
    "Hva skjedde da pandemien kom?",
    "Hvordan føltes det?",
    "…",
    "Kan du fortelle om et videomøte som har satt seg fast i minnet ditt?",
    "Kan du si mer om det?",
    "Hva betyr det for deg?",
    "Du savner vel kroppsspråket, ikke sant?",
    "Hva tenker du om hvem som er i rommet hos brukeren?",
    "Hva skjedde så?",
    "Hvordan kjentes det?",
    "Hvorfor spør du alltid om det?",
    "Hvordan er det å gi et avslag på video?",
    "Kan du gi et eksempel?",
    "Hvordan har du det på hjemmekontoret?",
    "Har du barn?",
    "Kan du si mer om det?",
    "Hvor går grensen mellom privat og personlig?",
    "Hva mener du med det?",
    "Hvordan bygger du kontakt med en ny bruker du bare har møtt på skjerm?",
    "Hvilke råd vil du gi en ny kollega?",
    "Hva har vi ikke snakket om?",
    "Kan du si mer om det?",
    "Hvordan har det vært å bli intervjuet?",
    "Takk for praten.",
]


def test_facts_never_contradict_across_a_session(informant: SimulatedInformant) -> None:
    facts = dict(informant.persona.facts)
    replies = [informant.reply(q) for q in SESSION]
    assert len(replies) == 30
    said = " ".join(r.text for r in replies)
    # every tenure said is the persona's («elleve år nå»)
    tenure = {w.lower() for w in re.findall(r"(\w+) år (?:nå|i etaten)", said)}
    assert tenure == {facts["years"]}
    # every name said is one of the persona's facts or a known institution
    known = {w for value in facts.values() for w in re.findall(r"\w+", value)} | {
        "Nav",
        "Teams",
    }
    names = set(re.findall(r"(?<=[a-zæøå,] )([A-ZÆØÅ][a-zæøå]+)", said))
    assert names <= known, names - known
    # no text is told twice (the «again»/«told all» lines excepted)
    texts = [r.text for r in replies if r.kind in ("story", "deeper", "more") and r.detail != -1]
    assert len(texts) == len(set(texts))


def test_feedback_names_kinds_open_answers_missed_follow_ups_and_rewrites(
    informant: SimulatedInformant,
) -> None:
    informant.reply("Har du hatt vanskelige videomøter?")
    informant.reply("Hvordan opplever du at brukeren deltar fra sitt eget hjem?")
    informant.reply("Hvordan åpner du et videomøte?")
    feedback = informant.feedback()
    assert feedback.questions == 3 and feedback.closed == 1
    assert feedback.rewrites and feedback.rewrites[0][0] == "Har du hatt vanskelige videomøter?"
    assert [m.question for m in feedback.missed_followups] == [
        "Hvordan opplever du at brukeren deltar fra sitt eget hjem?"
    ]
    assert "«" in feedback.missed_followups[0].suggestion  # echoes the informant's own word
    closed = advice(informant.history[0])
    assert closed["problems"] == ["closed"] and closed["rewrite"]
    assert closed["open_answer"] and len(str(closed["open_answer"]).split()) > 20


def test_open_questions_get_longer_answers_than_closed(informant: SimulatedInformant) -> None:
    informant.reply("Har du jobbet lenge i Nav?")
    informant.reply("Du savner vel kroppsspråket?")
    informant.reply("Kan du fortelle om et videomøte du husker godt?")
    informant.reply("Hvordan opplever du forskjellen på kontoret og brukerens stue?")
    feedback = informant.feedback()
    assert feedback.questions == 4
    assert feedback.mean_answer_words_open > 5 * feedback.mean_answer_words_other
    assert len(feedback.rewrites) == 2


def test_new_questions_on_the_same_theme_are_not_repeated(informant: SimulatedInformant) -> None:
    answers = [informant.reply("Hvordan opplever du videomøter?").text for _ in range(4)]
    assert len(set(answers)) == 4


def test_bad_persona_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "persona.yaml"
    bad.write_text("id: x\nlanguage: nb\n", encoding="utf-8")
    with pytest.raises(GuideError, match=r"persona\.yaml"):
        load_persona(bad)


def test_unknown_fact_in_a_persona_is_an_error(tmp_path: Path) -> None:
    source = bundled_personas()["nav-veileder"].read_text(encoding="utf-8")
    bad = tmp_path / "p.yaml"
    bad.write_text(source.replace("{years} år i etaten", "{yers} år i etaten"), encoding="utf-8")
    with pytest.raises(GuideError, match="yers"):
        load_persona(bad)


def test_one_choice_of_informant() -> None:
    persona = load_persona("nav-veileder")
    rules = choose_informant(persona, HashingEmbeddings(), LLMSettings())
    assert isinstance(rules.informant, SimulatedInformant) and rules.problem is None
    with pytest.raises(ConfigError, match="no language model"):
        choose_informant(persona, HashingEmbeddings(), LLMSettings(), use_model=True)
    broken = LLMSettings(provider="ollama")  # no model named
    fallback = choose_informant(persona, HashingEmbeddings(), broken)
    assert isinstance(fallback.informant, SimulatedInformant) and fallback.problem
    with pytest.raises(ConfigError):
        choose_informant(persona, HashingEmbeddings(), broken, use_model=True)


def _run_cli(lines: list[str], *extra: str) -> list[dict[str, object]]:
    payload = "\n".join(json.dumps({"id": i, "text": t}) for i, t in enumerate(lines))
    result = subprocess.run(
        [sys.executable, "-m", "intervju", "practice", "--jsonl", *extra],
        input=payload,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_cli_practice_jsonl_interface_and_length_ratio() -> None:
    questions = [
        "Har du brukt video?",
        "Hvordan har du brukt video med brukerne?",
        "Er det vanskelig å gi avslag på video?",
        "Hvordan går du fram når du gir et avslag på video?",
        "Savner du kontoret?",
        "Hva savner du når du møter brukerne på skjerm?",
    ]
    out = _run_cli(questions, "--advice")
    rows, feedback = out[:-1], out[-1]["feedback"]
    assert [r["id"] for r in rows] == list(range(6))
    keys = {"id", "reply", "kind", "form", "episode", "probe", "advice"}
    assert all(keys <= set(r) for r in rows)
    assert [r["kind"] for r in rows] == ["short", "story"] * 3
    assert isinstance(feedback, dict) and feedback["questions"] == 6
    assert "missed_followups" in feedback
    ratio = float(feedback["mean_answer_words_open"]) / float(feedback["mean_answer_words_other"])
    assert ratio >= 3


# (persona, opening, probes in a row, the facet the last probe must get): a probe for a
# facet the episode lacks must not spend the detail a later probe asks for.
SAVED_FACETS = [
    (
        "nav-veileder",
        "kan du fortelle om en vanlig arbeidsdag",
        ["Kan du gi et eksempel på det?", "Hva mener du med det?", "Hvordan var det for deg?"],
        "feeling",
    ),
    (
        "nav-veileder",
        "hva skjedde med oppfølgingen da alt stengte ned i mars 2020",
        ["Kan du gi et eksempel på det?", "Hvordan opplevde du det?"],
        "feeling",
    ),
]


@pytest.mark.parametrize(("persona", "opening", "probes", "facet"), SAVED_FACETS)
def test_a_missing_facet_does_not_spend_another_probes_detail(
    persona: str, opening: str, probes: list[str], facet: str
) -> None:
    agent = informant_for(persona)
    episode = agent.reply(opening).episode
    replies = [agent.reply(probe) for probe in probes]
    assert all(r.episode == episode for r in replies)
    details = next(e for e in agent.persona.episodes if e.id == episode).details
    wanted = [d.text for d in details if d.facet == facet]
    assert wanted and replies[-1].text in wanted


# A closed question gets the yes or no the persona's material has, never a random one.
CLOSED = [
    ("teacher", "Did you get any training before you started teaching online?", False),
    ("laerer", "Fikk dere noen opplæring før dere begynte å undervise på nett?", False),
    ("remote-worker", "Do you have children at home?", False),
    ("night-nurse", "Do you work on a surgical ward?", False),
    ("night-nurse", "Do you work on a medical ward?", True),
    ("teacher", "Do you teach history?", True),
    ("nav-veileder", "Jobber du på Nav Solberg?", True),
    ("laerer", "Lagde du videoer til elevene?", True),
    ("laerer", "Underviser du i matte?", False),  # «Matte har jeg aldri undervist i»
    ("teacher", "Do you teach maths?", False),
]


@pytest.mark.parametrize(("persona", "question", "yes"), CLOSED)
def test_closed_answers_follow_the_persona_material(persona: str, question: str, yes: bool) -> None:
    informant = informant_for(persona)
    reply = informant.reply(question)
    lines = informant.persona.lines
    assert reply.kind == "short"
    assert reply.text in (lines["short_yes"] if yes else lines["short_no"]), reply.text


LAYERS = ("example", "meaning", "feeling", "more")


@pytest.mark.parametrize("name", sorted(bundled_personas()))
def test_every_episode_has_the_depth_layers_a_probe_needs(name: str) -> None:
    for episode in load_persona(name).episodes:
        facets = {d.facet for d in episode.details}
        assert set(LAYERS) <= facets, (episode.id, set(LAYERS) - facets)


@pytest.mark.parametrize("name", sorted(bundled_personas()))
def test_every_layer_adds_new_detail_to_its_episode(name: str) -> None:
    def content(text: str) -> set[str]:
        return {w.lower() for w in re.findall(r"\w{4,}", text)}

    for episode in load_persona(name).episodes:
        told = content(episode.text)
        for detail in episode.details:
            new = content(detail.text) - told
            assert len(new) >= 4, (episode.id, detail.text)


# A generic probe of each kind, asked right after an episode's opening.
GENERIC_PROBES = {
    "nb": [
        ("Kan du gi et eksempel?", "example"),
        ("Hva betydde det for deg?", "meaning"),
        ("Hvordan var det for deg?", "feeling"),
        ("Kan du si mer om det?", "more"),
    ],
    "en": [
        ("Can you give me an example?", "example"),
        ("What did that mean to you?", "meaning"),
        ("What was that like for you?", "feeling"),
        ("Could you say more about that?", "more"),
    ],
}


@pytest.mark.parametrize("name", sorted(bundled_personas()))
def test_each_probe_after_an_episode_gets_its_layer_of_that_episode(name: str) -> None:
    persona = load_persona(name)
    opened = 0
    for episode in persona.episodes:
        informant = informant_for(name)
        story = informant.reply(episode.asks[0])
        if story.episode != episode.id or story.detail is not None:
            continue  # matching is tested elsewhere; here only the follow-ups
        opened += 1
        said = {story.text}
        for probe, facet in GENERIC_PROBES[persona.language]:
            reply = informant.reply(probe)
            assert reply.episode == episode.id, (episode.id, probe, reply.text)
            assert reply.detail is not None and reply.text not in said, (episode.id, probe)
            assert episode.details[reply.detail].facet == facet, (episode.id, probe, reply.text)
            said.add(reply.text)
    assert opened >= len(persona.episodes) // 2


# (persona, open question, follow-up, what the follow-up must get): the follow-up goes on
# with the same episode and a detail whose text has the stem.
FOLLOW_UPS = [
    # a one-word echo of a common word of the last answer
    ("nav-veileder", "Hvordan er det å jobbe hjemmefra?", "Stille?", "still"),
    # a short word said back
    ("night-nurse", "How do you decide when to call the doctor?", "Gut?", "call"),
    # a probe asked as a yes/no request is answered with the detail, not «ja»
    ("laerer", "Hva lærte du av den perioden?", "Kan du komme på en gang det var tydelig?", ""),
    ("teacher", "How did you get your lessons ready?", "Do you have an example?", ""),
]


@pytest.mark.parametrize(("persona", "question", "probe", "stem"), FOLLOW_UPS)
def test_a_follow_up_goes_on_with_the_same_episode(
    persona: str, question: str, probe: str, stem: str
) -> None:
    informant = informant_for(persona)
    story = informant.reply(question)
    reply = informant.reply(probe)
    assert reply.kind == "deeper" and reply.episode == story.episode, reply.text
    assert reply.detail is not None and stem in reply.text.lower(), reply.text


def test_an_open_leading_question_gets_agreement_and_a_half_answer() -> None:
    informant = informant_for("teacher")
    reply = informant.reply("What was the hardest part of teaching remotely?")
    assert reply.analysis.leading and reply.kind == "agree"
    episode = informant.persona.episode(str(reply.episode))
    assert episode.gist in reply.text and len(reply.text) < len(episode.text)


def test_after_a_half_answer_the_story_goes_on_without_repeating_it() -> None:
    informant = informant_for("laerer")
    half = informant.reply("Hvordan forberedte du undervisningen, og hva sa kollegene dine?")
    more = informant.reply("Fortell mer.")
    assert half.kind == "partial" and more.episode == half.episode
    episode = informant.persona.episode(str(more.episode))
    assert episode.gist in half.text and episode.gist not in more.text
