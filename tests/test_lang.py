"""The language layer: one tokeniser, splitter, detector, lemma and spoken normaliser.

Table-driven: each row is a pattern seen in real transcribed interviews (written here in our
own words), with what every judgement should read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from intervju.errors import ConfigError, IntervjuError
from intervju.lang import (
    detect_language,
    lemma,
    lexicon,
    normalise,
    resolve_language,
    sentences,
    words,
    zipf,
)

NORMALISE = [
    # (language, as transcribed, what judgements read)
    ("nb", "e hva gjorde du etterpå?", "hva gjorde du etterpå?"),
    ("nb", "ja, em, hvor jobber du nå?", "ja, hvor jobber du nå?"),
    ("nb", "mm øh hvordan gikk det", "hvordan gikk det"),
    ("nb", "ehhh hvem var med?", "hvem var med?"),
    ("nb", "hvo- hvor lenge var du der?", "hvor lenge var du der?"),
    ("nb", "Hvo-hvor lenge var du der?", "Hvor lenge var du der?"),
    ("nb", "jeg jeg tenkte på det", "jeg tenkte på det"),
    ("nb", "hva e hva likte du best?", "hva likte du best?"),
    ("nb", "åssen var sommeren?", "hvordan var sommeren?"),
    ("nb", "koss trur du det blei?", "hvordan tror du det ble?"),
    ("nb", "ka e det du savner?", "hva er det du savner?"),
    ("nb", "kor bodde dokker da?", "hvor bodde dere da?"),
    ("nb", "å hva spiste dere?", "hva spiste dere?"),
    ("nb", "- og så flyttet vi [ler] til byen", "og så flyttet vi til byen"),
    ("nb", "det var # liksom * litt rart", "det var, liksom litt rart"),
    ("nb", "vi snakket om [...] alt mulig", "vi snakket om, alt mulig"),
    ("nb", "det må ha v- vært tøft", "det må ha vært tøft"),
    ("nb", "Kan du f.eks. si noe om det?", "Kan du f.eks. si noe om det?"),
    ("nb", "Hvordan var det, var det vanskelig?", "Hvordan var det, var det vanskelig?"),
    ("nb", "Hva tenkte du, Kari?", "Hva tenkte du?"),
    ("en", "um how did you cope?", "how did you cope?"),
    ("en", "How-how did that feel, Billy?", "How did that feel?"),
    ("en", "Is-- can you tell me more?", "can you tell me more?"),
    ("en", "uh what what happened then", "what happened then"),
    ("en", "Oh what made you stop?", "what made you stop?"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), NORMALISE, ids=[r[1] for r in NORMALISE])
def test_normalise_reads_through_speech(lang: str, text: str, expected: str) -> None:
    assert normalise(text, lang).text == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "phrase", "said"),
    [
        ("e jeg ble faktisk eh litt rørt", "litt rørt", "litt rørt"),
        ("det var ehm liksom en glassboble", "en glassboble", "en glassboble"),
        ("vi trur at det blei bedre", "tror", "trur"),
        ("det er jo eh e tungt", "jo tungt", "jo eh e tungt"),
    ],
)
def test_spans_map_back_to_the_informants_words(text: str, phrase: str, said: str) -> None:
    spoken = normalise(text, "nb")
    start = spoken.text.index(phrase)
    assert spoken.original_words(start, start + len(phrase)) == said


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Take your time.", "en"),
        ("Ta den tiden du trenger.", "nb"),
        ("Hvordan var det?", "nb"),
        ("How was that?", "en"),
        ("åssen var det", "nb"),
        ("mm", "nb"),  # no evidence: the default
    ],
)
def test_one_language_detector(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_language_codes_resolve_and_unknown_is_an_error() -> None:
    assert resolve_language("no") == "nb"
    assert resolve_language("en-GB") == "en"
    assert resolve_language("auto", "What happened?") == "en"
    with pytest.raises(IntervjuError):
        resolve_language("de")


def test_words_sentences_lemmas_and_frequencies() -> None:
    assert words("Nav-kontoret, don't hvo- 2022") == ["Nav-kontoret", "don't", "hvo-", "2022"]
    assert sentences("Ja. Hvordan var det? Fint!") == ["Ja.", "Hvordan var det?", "Fint!"]
    assert lemma("distansen", "nb") == lemma("distanse", "nb")
    assert lemma("meetings", "en") == "meeting"
    assert zipf("og", "nb") > 6 > zipf("glassboble", "nb")


def test_lexicon_lists_by_name() -> None:
    nb = lexicon("nb")
    assert nb.is_filler("ehhh") and not nb.is_filler("hva")
    assert "hvordan" in nb.set("question_words")
    with pytest.raises(ConfigError):
        nb.set("no_such_list")


DIALECT = [
    # Dialect and colloquial question forms, as transcribed in bokmål studies.
    ("kordan var det å vokse opp der?", "hvordan var det å vokse opp der?"),
    ("koffor flytta dokker", "hvorfor flytta dere"),
    ("kor mykje jobba du", "hvor mye jobba du"),
    ("ka e det du gjer no", "hva er det du gjer nå"),  # «no» is listed as «nå»
    ("va det fint å bo der", "var det fint å bo der"),
    ("ha du noen gang vært der", "har du noen gang vært der"),
    ("veit du kor han bur", "vet du hvor han bur"),
    ("e du sa at det var tungt", "du sa at det var tungt"),  # «e» here is a hesitation
]


@pytest.mark.parametrize(("text", "expected"), DIALECT, ids=[r[0] for r in DIALECT])
def test_dialect_forms_read_as_bokmal(text: str, expected: str) -> None:
    assert normalise(text, "nb").text == expected


def test_language_data_refuses_a_key_given_twice(tmp_path: Path) -> None:
    from intervju.lang._yaml import read_mapping

    path = tmp_path / "lexicon.yaml"
    path.write_text("spoken_forms:\n  kor: hvor\n  kor: hva\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="twice"):
        read_mapping(path)


def test_every_language_has_the_same_wordings() -> None:
    """A key missing in one language would be a KeyError in that language's report only."""
    import string

    from intervju.lang.wordings import _sections

    nb, en = _sections("nb"), _sections("en")
    assert set(nb) == set(en) >= {"review_report", "classify", "pseudonyms"}
    for section in nb:
        assert set(nb[section]) == set(en[section]), section
        for key in nb[section]:
            fields = [{f for _, f, _, _ in string.Formatter().parse(d[section][key]) if f}
                      for d in (nb, en)]  # fmt: skip
            assert fields[0] == fields[1], f"{section}.{key}"


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("Nei. (pause 5 sek) Jeg vet ikke.", 5.0),
        ("Tja [lang pause] kanskje", 5.0),
        ("Hm (pause på 3 sekunder)", 3.0),
        ("Well [long silence] maybe", 5.0),
        ("I don't know (pause 4 seconds).", 4.0),
        ("Det var (ler) fint.", 0.0),
    ],
)
def test_review_reads_pause_marks_from_the_language_data(text: str, seconds: float) -> None:
    from intervju.review.followups import pause_seconds

    assert pause_seconds(text) == seconds


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("Eh, hvordan var det å starte der", True),
        ("Ja så kan du fortelle om det", True),
        ("Well, tell me about the job", True),
        ("Jeg jobber på Nav", False),
        ("And then we left", False),
    ],
)
def test_roles_read_question_openers_from_the_language_data(text: str, question: bool) -> None:
    from intervju.readers.roles import INFORMANT_LABELS, INTERVIEWER_LABELS, is_question

    assert is_question(text) is question
    assert {"forsker", "interviewer"} <= INTERVIEWER_LABELS
    assert {"intervjuperson", "participant"} <= INFORMANT_LABELS


@pytest.mark.parametrize("value", ["no", "yes", "off", 0, 1, None, "false"])
def test_a_flag_in_language_data_must_be_true_or_false(value: object) -> None:
    """The strict loader keeps yes/no as strings: read as ``bool`` «no» would be true."""
    from intervju.lang._yaml import flag

    with pytest.raises(ConfigError, match="true or false"):
        flag({"inverts_inside": value}, "inverts_inside", "analysis.yaml")
    assert flag({}, "inverts_inside", "analysis.yaml") is False
    assert flag({"inverts_inside": True}, "inverts_inside", "analysis.yaml") is True


def test_a_word_list_written_as_one_word_is_an_error_not_its_letters() -> None:
    from intervju.lang._yaml import word_list

    with pytest.raises(ConfigError, match="must be a list"):
        word_list({"marker_suffixes": "ing"}, "marker_suffixes", "lexicon.yaml")


def test_regex_fragments_keep_their_case() -> None:
    """``\\S`` lower-cased is ``\\s``: a word loader must never read a pattern list."""
    from intervju.lang import _yaml

    assert _yaml.pattern_list({"p": [r"\S+ om", r"\Bx"]}, "p", "t") == (r"\S+ om", r"\Bx")
    with pytest.raises(ConfigError):
        _yaml.pattern_list({"p": ["(unclosed"]}, "p", "t")


def test_an_empty_alternation_matches_nothing() -> None:
    import re

    from intervju.lang import _yaml

    assert re.search(_yaml.alternation([]), "anything") is None
    assert _yaml.alternation(["ab", "abc", "a.b"]) == r"a\.b|abc|ab"
