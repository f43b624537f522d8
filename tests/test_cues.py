"""Cue detection and key terms: the rules behind each suggestion's «why»."""

from __future__ import annotations

from intervju.cues import (
    detect_cues,
    find_terms,
    guess_language,
    key_terms,
    language_evidence,
    lemma,
)


def kinds(text: str, context: tuple[str, ...] = (), language: str = "nb") -> dict[str, object]:
    return {c.kind: c for c in detect_cues(text, context, language)}


def test_lemma_joins_inflections() -> None:
    assert lemma("distansen") == lemma("distanse") == lemma("distanser")
    assert lemma("stuen") == lemma("stue")
    assert lemma("meetings", "en") == lemma("meeting", "en")
    assert lemma("AAP-en") == "aap"


def test_repeated_word_within_turn() -> None:
    text = "Det er en sånn distanse. Distansen var ikke der før. På video blir det bare distanse."
    cue = kinds(text)["repeated"]
    assert cue.term == "distanse" and cue.count == 3  # type: ignore[attr-defined]
    assert find_terms(text, language="nb")[0].text == "distanse"


def test_repeated_word_across_recent_turns() -> None:
    cue = kinds("Det blir mye distanse på skjerm.", ("Jeg kjente på en distanse til henne.",))
    assert "repeated_context" in cue


def test_repeated_phrase_in_english() -> None:
    text = "You just keep going. You keep going because there's no one else. You keep going."
    assert find_terms(text, language="en")[0].text == "keep going"


def test_generalising_without_episode() -> None:
    assert "generalising" in kinds("Man merker jo ofte at brukerne er mer avslappet hjemme.")
    assert "generalising" in kinds(
        "People usually cope fine on video, most of them.", language="en"
    )


def test_episode_without_feeling_and_with_feeling() -> None:
    told = "Så sa han at han ikke ville snakke mer, og så logget han av. Jeg ringte dagen etter."
    assert "episode_no_feeling" in kinds(told)
    felt = "Så sa han at han ikke ville snakke mer, og jeg ble helt fortvilet og lei meg."
    assert "episode_no_feeling" not in kinds(felt)


def test_short_and_long_answers() -> None:
    assert kinds("Ja.")["short"].strength == 1.0  # type: ignore[attr-defined]
    long = " ".join(["Det var mye som skjedde den våren, og vi måtte finne ut av alt."] * 6)
    assert "long" in kinds(long)


def test_hedging_and_trailing() -> None:
    cues = kinds("Altså … jeg vet ikke helt …")
    assert "hedging" in cues and "trailing" in cues


def test_contrast_names_the_other_side() -> None:
    cue = kinds("På video mister man mye av kroppsspråket.")["contrast"]
    assert cue.other == "fysiske møter"  # type: ignore[attr-defined]
    cue_en = kinds("On video you lose the body language.", language="en")["contrast"]
    assert cue_en.other == "meeting in person"  # type: ignore[attr-defined]


def test_vague_reference_keeps_what_it_points_at() -> None:
    cue = kinds("Det var den greia med Lånekassen som gjorde at jeg flyttet hjem.")["vague"]
    assert cue.term == "den greia med Lånekassen"  # type: ignore[attr-defined]
    cues = kinds("Det var jo det med AAP-en da, som gjorde at vi måtte ha møtet raskt.")
    assert cues["jargon"].term == "AAP-en"  # type: ignore[attr-defined]
    assert "AAP-en" in cues["vague"].term  # type: ignore[attr-defined]


def test_everyday_abbreviation_is_not_jargon() -> None:
    assert "jargon" not in kinds("Jeg har jobbet i NAV i elleve år og trives godt der.")


def test_strong_word_and_loaded_predicate() -> None:
    assert kinds("NAV-kontoret er så sterilt. Hvite vegger overalt.")["strong"].term == "sterilt"  # type: ignore[attr-defined]
    assert find_terms("Jeg vil at klasserommet skal være et fristed.", language="nb")[0].text == (
        "fristed"
    )


def test_language_guess() -> None:
    assert language_evidence("I've stopped setting homework altogether.") == "en"
    assert language_evidence("Nei, egentlig ikke.") == "nb"
    assert language_evidence("Uvant.") == "nb"  # a word common only in Norwegian decides
    assert language_evidence("Mm.") is None  # no evidence either way
    assert guess_language("Mm.") == "nb"
    assert guess_language("Mm.", default="en") == "en"


def test_key_terms_counts_repeated_words() -> None:
    texts = ["Det er en distanse.", "Distansen er stor.", "Jeg merker distanse", "Kaffe."]
    terms = dict(key_terms(texts, "nb"))
    assert terms.get("distanse") == 3
    assert "kaffe" not in terms  # said once
    assert key_terms([]) == []


def test_detect_cues_is_pure() -> None:
    text = "Det er en sånn distanse, altså … en distanse."
    assert detect_cues(text, (), "nb") == detect_cues(text, (), "nb")


def test_hedge_frames_are_not_key_terms() -> None:
    text = "It felt hollow, if I'm honest. Something was missing in the contact itself."
    assert all("honest" not in t.text for t in find_terms(text, language="en"))
    text_nb = "Ærlig talt, det ble en tomhet i samtalene. Tomheten var verst."
    assert all("ærlig" not in t.text.lower() for t in find_terms(text_nb, language="nb"))


def test_degree_phrase_is_kept_together() -> None:
    text = "Vi kommer alltid for sent. For sent til barna, for sent inn i familien."
    assert find_terms(text, language="nb")[0].text.lower() == "for sent"


def test_particle_verb_is_not_a_vague_reference() -> None:
    assert "vague" not in kinds("Og så tar du det med hjem, du legger deg med det.")


def test_sensing_verb_introduces_a_predicate_and_bland_ones_do_not_win() -> None:
    text = "It felt hollow, if I'm honest. The transcripts were fine, the data was there."
    assert find_terms(text, language="en")[0].text == "hollow"


def test_plain_verb_loses_to_an_adjective_noun_phrase() -> None:
    text = "Det er jo å gå inn på deres hellige grunn. Det glemmer jeg aldri."
    assert find_terms(text, language="nb")[0].text == "hellige grunn"
