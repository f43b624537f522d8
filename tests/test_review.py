"""Review mode: golden JSON/Markdown, word share, follow-ups, missed follow-ups,
pseudonymisation in every export, CSV columns, HTML self-containment, CLI.

The samples in ``tests/data/review`` are four fictive Teams interviews written
for this project, with truth labels (``*.truth.json``) made by
``tests/data/review/make_samples.py``. Goldens (``intervju-01.golden.json`` and
``.golden.md``) are regenerated with ``UPDATE_GOLDEN=1 pytest
tests/test_review.py`` after a deliberate change; read the diff first.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from intervju.cli import app
from intervju.cues import Cue, detect_cues
from intervju.embeddings import get_embeddings
from intervju.fakes import HashingEmbeddings
from intervju.guides import load_guide
from intervju.models import Transcript, Turn
from intervju.review import (
    CSV_COLUMNS,
    ReviewReport,
    natural_key,
    render_csv,
    render_html,
    render_markdown,
    review_files,
    review_many,
    review_transcript,
)
from intervju.review.followups import (
    cue_facts,
    is_follow_up,
    pause_seconds,
    returned_to,
    spoken,
    vocabulary,
)
from intervju.review.metrics import word_share
from intervju.review.report import QuestionReview

DATA = Path(__file__).parent / "data" / "review"
SAMPLES = sorted(DATA.glob("intervju-0*.vtt"))
NAMES = ["Ingrid", "Solberg", "Marte", "Haugen", "Jonas", "Berg", "Silje", "Dahl", "Per", "Olav"]
NAMES += ["Lunde"]
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def truth(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(path.with_suffix(".truth.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="module")
def guide():  # type: ignore[no-untyped-def]
    return load_guide()


@pytest.fixture(scope="module")
def report(guide) -> ReviewReport:  # type: ignore[no-untyped-def]
    """All four samples with the real embedding model (embedded once for the module)."""
    return review_files(SAMPLES, guide, embeddings=get_embeddings())


@pytest.fixture(scope="module")
def pseudonymised(guide) -> ReviewReport:  # type: ignore[no-untyped-def]
    return review_files(SAMPLES, guide, embeddings=HashingEmbeddings(), pseudonymise=True)


def turn(index: int, role: str, text: str, speaker: str | None = None) -> Turn:
    name = speaker or ("Forsker" if role == "interviewer" else "Informant")
    return Turn(index, name, role, None, None, text)  # type: ignore[arg-type]


# -- golden files ---------------------------------------------------------------------------


def _golden(name: str, text: str) -> None:
    path = DATA / name
    if UPDATE or not path.exists():
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; UPDATE_GOLDEN=1 to accept"


def test_golden_json_and_markdown(guide) -> None:  # type: ignore[no-untyped-def]
    single = review_files([DATA / "intervju-01.vtt"], guide, embeddings=get_embeddings())
    _golden(
        "intervju-01.golden.json",
        json.dumps(single.to_dict(), ensure_ascii=False, indent=2) + "\n",
    )
    _golden("intervju-01.golden.md", render_markdown(single))


# -- the stable JSON interface --------------------------------------------------------------


def test_json_has_the_promised_keys(report: ReviewReport) -> None:
    data = json.loads(json.dumps(report.to_dict()))
    assert set(data) >= {"interviews", "summary"}
    for interview in data["interviews"]:
        assert set(interview) >= {
            "file",
            "interviewer",
            "questions",
            "topics_covered",
            "interviewer_word_share",
            "missed_followups",
            "key_terms",
        }
        assert all(isinstance(i, int) for i in interview["missed_followups"])
        for term in interview["key_terms"]:
            assert set(term) >= {"term", "count"} and term["count"] >= 2
        for q in interview["questions"]:
            assert set(q) >= {
                "turn_index",
                "text",
                "form",
                "leading",
                "double",
                "why",
                "explanation",
                "rewrite",
                "topic_index",
                "guide_question_id",
                "follow_up",
            }
            assert q["form"] in {"open", "closed", "not_question"}
            assert 1 <= q["topic_index"] <= 5


def test_every_truth_question_is_found_and_nothing_else(report: ReviewReport) -> None:
    for path, interview in zip(SAMPLES, report.interviews, strict=True):
        expected = {q["turn_index"] for q in truth(path)["questions"]}  # type: ignore[attr-defined]
        assert {q.turn_index for q in interview.questions} == expected


def test_topics_covered_definition(report: ReviewReport) -> None:
    for interview in report.interviews:
        new = {q.topic_index for q in interview.questions if not q.follow_up}
        assert new <= set(interview.topics_covered)
        for topic in set(interview.topics_covered) - new:
            assert sum(q.topic_index == topic for q in interview.questions) >= 2
    assert [list(i.topics_covered) for i in report.interviews] == [
        truth(p)["topics_covered"] for p in SAMPLES
    ]


def test_topic_accuracy_on_samples(report: ReviewReport) -> None:
    right = total = 0
    for path, interview in zip(SAMPLES, report.interviews, strict=True):
        want = {q["turn_index"]: q["topic_index"] for q in truth(path)["questions"]}  # type: ignore[attr-defined]
        for q in interview.questions:
            total += 1
            right += q.topic_index == want[q.turn_index]
    assert right / total >= 0.8


# -- word share -----------------------------------------------------------------------------


def test_word_share_counts_regex_words() -> None:
    turns = [
        turn(0, "interviewer", "Hva skjedde da?"),
        turn(1, "informant", "Det var en lang dag (pause 5 sek)"),
        turn(2, "interviewer", "Mhm."),
    ]
    mine, other, share = word_share(turns, "Forsker")
    assert (mine, other) == (4, 8)
    assert share == round(4 / 12, 3)
    assert word_share([], None) == (0, 0, 0.0)


def test_word_share_matches_truth(report: ReviewReport) -> None:
    for path, interview in zip(SAMPLES, report.interviews, strict=True):
        assert interview.interviewer_word_share == truth(path)["interviewer_word_share"]


def test_time_share_only_with_timestamps(guide) -> None:  # type: ignore[no-untyped-def]
    plain = Transcript(
        (turn(0, "interviewer", "Hvordan var det?"), turn(1, "informant", "Fint.")),
        "txt",
        "Forsker",
    )
    result = review_many([plain], guide, embeddings=HashingEmbeddings())
    assert result.interviews[0].stats.interviewer_time_share is None
    assert result.interviews[0].timeline  # by turn position instead


# -- follow-ups -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "previous", "expected"),
    [
        ("Kan du gi et eksempel på det?", "Det var tungt.", True),
        ("Hva mener du med distanse?", "Det ble en distanse.", True),
        ("Du sier at rommet forsvinner. Hvordan merker du det?", "Rommet forsvinner.", True),
        ("Hva betyr latteren for deg?", "Jeg savner latteren.", True),
        ("Hva gjorde det med deg?", "Hun viste meg leiligheten.", True),
        ("Hva tror du skammen handlet om?", "Skam, kanskje.", True),
        ("Hvordan tok ungdommene imot videomøtene?", "Ja. Det var et ansikt.", False),
        ("Hva med øyekontakt?", "Det er som en glassvegg mellom oss.", False),
        ("Hvordan var det første videomøtet ditt?", "Vi brukte telefon.", False),
        ("Can you give me an example?", "It was hard.", True),
    ],
)
def test_follow_up_detection(question: str, previous: str, expected: bool, guide) -> None:  # type: ignore[no-untyped-def]
    vocab = vocabulary([q.text for q in guide.questions])
    assert is_follow_up(question, previous, vocab).follow_up is expected


def test_guide_words_are_not_echoes(guide) -> None:  # type: ignore[no-untyped-def]
    vocab = vocabulary([q.text for q in guide.questions])
    question = "Hvordan opplever du relasjonen til brukerne på video?"
    assert not is_follow_up(question, "Brukerne mine liker video.", vocab).follow_up


def test_follow_ups_match_truth(report: ReviewReport) -> None:
    for path, interview in zip(SAMPLES, report.interviews, strict=True):
        want = {q["turn_index"]: q["follow_up"] for q in truth(path)["questions"]}  # type: ignore[attr-defined]
        got = {q.turn_index: q.follow_up for q in interview.questions}
        assert got == want, path.name


# -- missed follow-ups ----------------------------------------------------------------------


def test_pause_markers() -> None:
    assert pause_seconds("altså (pause 5 sek) ja") == 5.0
    assert pause_seconds("[lang pause] ja") == 5.0
    assert pause_seconds("[long pause]") == 5.0
    # A short pause is not the charged silence that calls for a follow-up on its own.
    assert pause_seconds("Ja (kort pause) det var fint") == 1.0
    assert pause_seconds("yes [short pause] it was fine") == 1.0
    assert pause_seconds("(kort pause) ja (pause 4 sek)") == 4.0
    assert pause_seconds("ingen pause her") == 0.0
    assert spoken("ja (pause 4 sek) nei [ler]") == "ja nei"


def test_missed_followups_match_truth(report: ReviewReport) -> None:
    for path, interview in zip(SAMPLES, report.interviews, strict=True):
        assert [m.turn_index for m in interview.missed_followups] == truth(path)[
            "missed_followups"
        ], path.name
        for m in interview.missed_followups:
            assert m.suggestion and m.cues


def _missed(guide, follow_up_text: str) -> list[int]:  # type: ignore[no-untyped-def]
    rich = (
        "Altså ... (pause 6 sek) jeg var redd hele våren. Det var tungt, og jeg var bekymret "
        "for dem hver eneste kveld."
    )
    transcript = Transcript(
        (
            turn(0, "interviewer", "Hvordan endret arbeidet seg da pandemien kom?"),
            turn(1, "informant", rich),
            turn(2, "interviewer", follow_up_text),
            turn(3, "informant", "Ja."),
        ),
        "txt",
        "Forsker",
    )
    result = review_many([transcript], guide, embeddings=HashingEmbeddings())
    return [m.turn_index for m in result.interviews[0].missed_followups]


def test_moving_on_after_a_charged_answer_is_missed(guide) -> None:  # type: ignore[no-untyped-def]
    assert _missed(guide, "Hvordan pleier du å åpne et videomøte med en bruker?") == [1]


def test_following_up_a_charged_answer_is_not_missed(guide) -> None:  # type: ignore[no-untyped-def]
    assert _missed(guide, "Hvordan var det for deg å være redd på den måten?") == []


def test_cue_facts_name_no_weak_cue() -> None:
    # a generalisation and a contrast are live prompts, no moment left hanging
    calm = "Vi bruker Teams, og det fungerer greit for de fleste."
    assert {c.kind for c in detect_cues(calm)} and cue_facts(detect_cues(calm), calm).cues == ()
    assert _moved_on(calm) == []


def test_cue_facts_give_the_strong_words_and_the_pause() -> None:
    said = "Jeg vet ikke (pause 4 sek) kontoret er så sterilt."
    facts = cue_facts([Cue("strong", 0.8, "sterilt"), Cue("hedging", 0.7, "vet ikke")], said)
    assert facts.strong_words == ("sterilt",) and facts.pause == 4.0 and facts.long_pause
    assert facts.cues == ("pause 4 s", "strong: sterilt", "hedging: vet ikke")
    assert facts.kinds == {"strong", "hedging"} and facts.hesitant
    short = cue_facts([], "Ja (pause 2 sek) det stemmer.")
    assert short.pause == 2.0 and not short.long_pause and short.cues == ()


def test_any_feeling_cue_of_their_own_makes_the_feeling_theirs() -> None:
    said = "Hun var glad for det. Jeg var redd hele tiden."
    cues = [Cue("feeling", 0.8, "glad"), Cue("feeling", 0.8, "redd")]
    assert cue_facts(cues, said).own_feeling
    assert not cue_facts(cues[:1], said).own_feeling


# -- pseudonymisation -----------------------------------------------------------------------


def test_pseudonymise_leaves_no_name_in_any_format(pseudonymised: ReviewReport) -> None:
    outputs = {
        "json": json.dumps(pseudonymised.to_dict(), ensure_ascii=False),
        "md": render_markdown(pseudonymised),
        "html": render_html(pseudonymised),
        "csv": render_csv(pseudonymised),
    }
    for fmt, text in outputs.items():
        for name in NAMES:
            assert not re.search(rf"(?<!\w){name}(?!\w)", text), f"{name} left in {fmt}"
        assert "Informant 1" in text or fmt == "csv"
    assert pseudonymised.pseudonymised
    assert {i.interviewer for i in pseudonymised.interviews} == {"Intervjuer"}
    assert [i.informants for i in pseudonymised.interviews] == [
        ("Informant 1",),
        ("Informant 2",),
        ("Informant 3",),
        ("Informant 4",),
    ]


def test_pseudonymise_does_not_change_numbers(pseudonymised: ReviewReport, guide) -> None:  # type: ignore[no-untyped-def]
    plain = review_files(SAMPLES, guide, embeddings=HashingEmbeddings())
    for a, b in zip(plain.interviews, pseudonymised.interviews, strict=True):
        assert a.interviewer_word_share == b.interviewer_word_share
        assert a.stats == b.stats


# -- CSV, HTML, Markdown ----------------------------------------------------------------------


def test_csv_columns_and_rows(report: ReviewReport) -> None:
    rows = list(csv.reader(io.StringIO(render_csv(report))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) - 1 == sum(len(i.questions) for i in report.interviews)
    index = {name: i for i, name in enumerate(CSV_COLUMNS)}
    for row in rows[1:]:
        assert row[index["leading"]] in {"true", "false"}
        assert row[index["form"]] in {"open", "closed", "not_question"}
        assert row[index["file"]].endswith(".vtt")


def test_html_is_self_contained_and_printable(report: ReviewReport) -> None:
    html = render_html(report)
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html
    assert "<svg" in html and "@media print" in html and "size: A4" in html
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", html))
    assert urls <= {"http://www.w3.org/2000/svg"}
    assert "&lt;script&gt;" not in html  # nothing in the samples needs escaping like that


def test_html_escapes_transcript_text(guide) -> None:  # type: ignore[no-untyped-def]
    transcript = Transcript(
        (
            turn(0, "interviewer", "Hva skjedde med <b>skjermen</b> & lyden?"),
            turn(1, "informant", "Den <script>frøs</script>."),
        ),
        "txt",
        "Forsker",
    )
    html = render_html(review_many([transcript], guide, embeddings=HashingEmbeddings()))
    assert "<script>" not in html and "&lt;b&gt;skjermen&lt;/b&gt; &amp; lyden" in html


def test_learning_curve_shows_improvement(report: ReviewReport) -> None:
    curve = report.summary.learning_curve
    assert [p.position for p in curve] == [1, 2, 3, 4]
    assert curve[-1].open_share > curve[0].open_share
    assert curve[-1].leading < curve[0].leading
    assert curve[-1].follow_up_rate > curve[0].follow_up_rate
    md = render_markdown(report)
    assert "## Læringskurve" in md and "| 4 | intervju-04.vtt |" in md


def test_skipped_questions_are_never_asked_in_half(report: ReviewReport) -> None:
    n = len(report.interviews)
    for skipped in report.summary.skipped_questions:
        never = sum(
            skipped.question_id in i.coverage[skipped.topic_index - 1].never_asked
            for i in report.interviews
        )
        assert never == skipped.never_asked_in and 2 * never >= n


def test_timeline_has_ten_bins_holding_every_question(report: ReviewReport) -> None:
    for interview in report.interviews:
        assert len(interview.timeline) == 10
        assert sum(b.questions for b in interview.timeline) == len(interview.questions)


# -- order and CLI ----------------------------------------------------------------------------


def test_natural_order() -> None:
    names = ["intervju-10.vtt", "intervju-2.vtt", "intervju-1.vtt"]
    assert sorted(names, key=natural_key) == ["intervju-1.vtt", "intervju-2.vtt", "intervju-10.vtt"]


def test_review_many_natural_order(guide) -> None:  # type: ignore[no-untyped-def]
    result = review_files(
        [SAMPLES[1], SAMPLES[0]], guide, embeddings=HashingEmbeddings(), order="natural"
    )
    assert [i.file for i in result.interviews] == ["intervju-01.vtt", "intervju-02.vtt"]
    assert result.summary.order == "natural"


def test_cli_review_json_and_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("intervju.embeddings.get_embeddings", lambda *a, **k: HashingEmbeddings())
    runner = CliRunner()
    result = runner.invoke(app, ["review", str(SAMPLES[3]), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["interviews"][0]["file"] == "intervju-04.vtt"
    out = tmp_path / "q.csv"
    result = runner.invoke(
        app, ["review", *map(str, SAMPLES[:2]), "--format", "csv", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    bad = runner.invoke(app, ["review", str(tmp_path / "missing.vtt")])
    assert bad.exit_code != 0


# --- an independent labelled set --------------------------------------------------------
# Four interviews written in a separate session by an annotator who never saw this code
# (tests/data/README.md). Floors sit under what review mode reached on it, so a change that
# generalises worse fails here first.
INDEPENDENT = sorted((DATA / "independent").glob("review-*.vtt"))


def test_independent_interviews_meet_the_targets(guide) -> None:  # type: ignore[no-untyped-def]
    report = review_files(INDEPENDENT, guide, embeddings=get_embeddings())
    placed = correct = tp = fp = fn = 0
    for path, interview in zip(INDEPENDENT, report.interviews, strict=True):
        expected = truth(path)
        want = {q["turn_index"]: q["topic_index"] for q in expected["questions"]}  # type: ignore[attr-defined]
        for question in interview.questions:
            if question.turn_index in want:
                placed += 1
                correct += question.topic_index == want[question.turn_index]
        assert abs(interview.interviewer_word_share - expected["interviewer_word_share"]) <= 0.02  # type: ignore[operator]
        missed = {m.turn_index for m in interview.missed_followups}
        real = set(expected["missed_followups"])  # type: ignore[arg-type]
        tp, fp, fn = tp + len(missed & real), fp + len(missed - real), fn + len(real - missed)
    assert correct / placed >= 0.85
    assert tp / (tp + fn) >= 0.75 and tp / (tp + fp) >= 0.70  # issue 16's targets


def test_pseudonymise_names_in_file_names_of_any_case(tmp_path: Path, guide) -> None:  # type: ignore[no-untyped-def]
    named = tmp_path / "intervju_ingrid_solberg-marte.vtt"
    named.write_text(SAMPLES[0].read_text("utf-8"), encoding="utf-8")
    report = review_files([named], guide, embeddings=HashingEmbeddings(), pseudonymise=True)
    text = json.dumps(report.to_dict(), ensure_ascii=False).lower()
    for name in ("ingrid", "solberg", "marte", "haugen"):
        assert name not in text


def test_pseudonymise_never_relabels_a_label_already_written() -> None:
    """A speaker named «Informant» must not relabel «Informant 2», Kari Hansen's label."""
    from intervju.review.pseudonym import build_pseudonyms

    first = Transcript(
        turns=(
            Turn(0, "Forsker", "interviewer", None, None, "Hvordan var det?"),
            Turn(1, "Informant", "informant", None, None, "Det var greit."),
        ),
        format="txt",
        interviewer="Forsker",
    )
    second = Transcript(
        turns=(
            Turn(0, "Forsker", "interviewer", None, None, "Hvordan var det, Kari?"),
            Turn(1, "Kari Hansen", "informant", None, None, "Fint."),
        ),
        format="txt",
        interviewer="Forsker",
    )
    names = build_pseudonyms([first, second])
    assert names.apply("Hei Kari Hansen, og Kari. Informant sa nei.") == (
        "Hei Informant 2, og Informant 2. Informant 1 sa nei."
    )
    assert names.file_name("intervju_kari_hansen.vtt") == "intervju_Informant-2_Informant-2.vtt"
    assert names.speaker("Kari Hansen") == "Informant 2"


@pytest.mark.parametrize("fmt", ["json", "html", "md", "csv"])
def test_render_report_gives_every_export_format(report: ReviewReport, fmt: str) -> None:
    from intervju.review import render_report

    text = render_report(report, fmt)  # type: ignore[arg-type]
    assert text.strip()
    if fmt == "json":
        assert json.loads(text)["interviews"][0]["file"] == report.interviews[0].file


def test_timeline_says_its_unit_when_a_question_has_no_time(guide) -> None:  # type: ignore[no-untyped-def]
    turns = (
        Turn(0, "Forsker", "interviewer", 0.0, 5.0, "Hvordan var det første møtet?"),
        Turn(1, "Kari", "informant", 5.0, 60.0, "Det var rart, men det gikk bra til slutt."),
        Turn(2, "Forsker", "interviewer", None, None, "Hva skjedde videre?"),
        Turn(3, "Kari", "informant", 65.0, 90.0, "Vi fant en form som passet oss begge."),
    )
    transcript = Transcript(turns=turns, format="txt", interviewer="Forsker")
    report = review_transcript(transcript, guide, embeddings=HashingEmbeddings())
    assert report.timeline and not any(b.by_time for b in report.timeline)
    html = render_html(review_many([transcript], guide, embeddings=HashingEmbeddings()))
    timeline_svg = re.findall(r"<svg.*?</svg>", html, flags=re.S)[0]
    assert "0:00" not in timeline_svg  # turn positions are not shown as clock times


# -- issue 16: words that called for a follow-up, smoothed open share, coverage by text ------


@pytest.mark.parametrize(
    ("said", "cues", "expected"),
    [
        (
            "Vi gikk over til video. Jeg ble faktisk litt rørt da hun viste meg rommet sitt. "
            "Så gikk vi videre.",
            ("repeated: video", "feeling: rørt"),
            "Jeg ble faktisk litt rørt da hun viste meg rommet sitt.",
        ),
        (
            "Det var en lang dag. Og så sa han ingenting mer.",
            ("pause 5 s",),
            "Og så sa han ingenting mer.",
        ),
        ("Kontoret er sterilt. Hjemme er det varmt.", ("strong: sterilt",), "Kontoret er sterilt."),
    ],
)
def test_called_for_names_the_informants_words(
    said: str, cues: tuple[str, ...], expected: str
) -> None:
    from intervju.review.core import called_for

    assert called_for(said, cues) == expected


def _questions(
    forms: list[str], starts: list[float | None]
) -> tuple[list[Turn], list[QuestionReview]]:
    turns: list[Turn] = []
    questions: list[QuestionReview] = []
    for i, (form, start) in enumerate(zip(forms, starts, strict=True)):
        end = None if start is None else start + 20
        turns.append(Turn(2 * i, "F", "interviewer", start, end and start + 5, "?"))  # type: ignore[arg-type]
        turns.append(Turn(2 * i + 1, "I", "informant", end and start + 5, end, "svar"))  # type: ignore[arg-type]
        questions.append(
            QuestionReview(
                turn_index=2 * i,
                text="?",
                form=form,  # type: ignore[arg-type]
                leading=False,
                double=False,
                why=False,
                explanation="",
                rewrite=None,
                topic_index=1,
                guide_question_id=None,
                follow_up=False,
                follow_up_reason="",
                questions=(),
                start=start,
                score=0.0,
            )
        )
    return turns, questions


@pytest.mark.parametrize("timed", [False, True])
def test_open_curve_is_smooth_not_zero_or_hundred(timed: bool) -> None:
    from intervju.review.metrics import open_curve

    forms = ["open", "closed"] * 10
    starts = [i * 30.0 if timed else None for i in range(20)]
    turns, questions = _questions(forms, starts)
    curve = open_curve(turns, questions)
    assert curve and all(p.by_time is timed for p in curve)
    assert all(0.25 <= p.open_share <= 0.75 for p in curve)  # alternating questions: ~half open
    assert all(p.questions >= 3 for p in curve)


def test_open_curve_follows_a_trend() -> None:
    from intervju.review.metrics import open_curve

    forms = ["closed"] * 8 + ["open"] * 8
    turns, questions = _questions(forms, [None] * 16)
    curve = open_curve(turns, questions)
    assert curve[0].open_share == 0.0 and curve[-1].open_share == 1.0
    shares = [p.open_share for p in curve]
    assert shares == sorted(shares)


def test_answer_seconds_by_time() -> None:
    from intervju.review.metrics import answer_seconds

    turns, questions = _questions(["open", "open"], [0.0, 30.0])
    assert answer_seconds(turns, {q.turn_index for q in questions}) == {0: 15.0, 2: 15.0}
    untimed, qs = _questions(["open"], [None])
    assert answer_seconds(untimed, {q.turn_index for q in qs}) == {0: None}


def test_coverage_lists_question_texts(report: ReviewReport) -> None:
    guide = load_guide()
    texts = {q.id: q.text for q in guide.questions}
    for interview in report.interviews:
        for c in interview.coverage:
            assert c.never_asked_text == tuple(texts[i] for i in c.never_asked)
            assert c.asked_text == tuple(texts[i] for i in c.asked)
    markdown = render_markdown(report)
    table = [line for line in markdown.splitlines() if line.startswith("| 2. ")]
    assert table and all("`korona-" not in line for line in table)
    assert all("«" in line for line in table)  # the never-asked questions, by their wording


@pytest.mark.parametrize(
    ("answer", "missed"),
    [
        ("Ja, en gutt viste meg rommet sitt og hunden sin. Jeg ble faktisk litt rørt.", True),
        ("Ja, en gutt viste meg rommet sitt og hunden sin. Brukerne ble litt rørt.", False),
        ("Ja, en gutt viste meg rommet sitt og hunden sin. Jeg var ikke redd for det.", False),
    ],
)
def test_own_feeling_followed_by_the_next_guide_question_is_missed(
    answer: str, missed: bool
) -> None:
    """A typed interview (no times): «jeg ble faktisk litt rørt», then the next guide question."""
    rows = [
        ("interviewer", "Kan du fortelle om et videomøte som gjorde inntrykk på deg?"),
        ("informant", answer),
        ("interviewer", "Hvordan pleier du å åpne et videomøte med en bruker?"),
        ("informant", "Jeg spør hvordan de har det, og så prater vi litt om været."),
    ]
    turns = tuple(turn(i, role, text) for i, (role, text) in enumerate(rows))
    report = review_transcript(
        Transcript(turns, "typed", "Forsker"), embeddings=HashingEmbeddings()
    )
    assert [m.turn_index for m in report.missed_followups] == ([1] if missed else [])
    if missed:
        assert report.missed_followups[0].words == "Jeg ble faktisk litt rørt."
        assert report.missed_followups[0].next_turn_index == 2


# -- issue 16, second round: preambles, the span ranker, stepping back and resuming ---------


@pytest.mark.parametrize(
    ("question", "previous", "follow_up"),
    [
        # A comment saying a word back, then a guide question of its own: a new question.
        (
            "I love that, clouds all day. I'd like to hear about working with others as well. "
            "Can you tell me about a project where you worked with colleagues while apart?",
            "I work in the attic, it's got a skylight, so I see clouds all day.",
            False,
        ),
        (
            "Jeg tenker på det du sa om brukeren i bilen. Hvordan bygger du kontakt med noen "
            "du bare har møtt på skjerm?",
            "Jeg spør hvordan de har det og om de sitter greit. Litt småprat om været.",
            False,
        ),
        # A short said-back run before the question is still a follow-up.
        (
            "Tre uker før. Så du rakk nesten ikke å møte brukerne fysisk?",
            "Jeg begynte tre uker før nedstengningen, og hadde bare noen få fysiske møter.",
            True,
        ),
        # The follow-up sits in the question sentence itself.
        (
            "Yeah, that's a big change, I can imagine it took a while to settle. "
            "How did that feel for you?",
            "We moved the whole team online in one week.",
            True,
        ),
    ],
)
def test_a_preamble_does_not_make_a_new_question_a_follow_up(
    question: str, previous: str, follow_up: bool
) -> None:
    language = "en" if question.isascii() else "nb"
    assert is_follow_up(question, previous, frozenset(), language).follow_up is follow_up


def _exchange(lines: list[tuple[str, str]]) -> Transcript:
    turns = tuple(
        Turn(i, "Forsker" if role == "interviewer" else "Inf", role, None, None, text)  # type: ignore[arg-type]
        for i, (role, text) in enumerate(lines)
    )
    return Transcript(turns=turns, format="txt", interviewer="Forsker")


def test_a_feeling_only_the_span_ranker_sees_is_a_missed_follow_up() -> None:
    guide = load_guide("remote-work-en")
    said = (
        "Better, thanks. She's living on her own again. That was part of why I stayed here "
        "even after she recovered. It's a strange mix of guilt and relief, being near her."
    )
    transcript = _exchange(
        [
            ("interviewer", "How did working from home first become part of your job?"),
            ("informant", said),
            ("interviewer", "What does a working day at home look like for you?"),
            ("informant", "Coffee, a walk with the dog, and then I open the laptop at nine."),
        ]
    )
    report = review_transcript(transcript, guide, embeddings=HashingEmbeddings())
    [missed] = report.missed_followups
    assert missed.turn_index == 1 and missed.next_turn_index == 2
    assert "guilt" in missed.words


def test_a_long_answer_with_a_repeated_word_but_nothing_rich_is_not_missed(guide) -> None:  # type: ignore[no-untyped-def]
    said = (
        "Det varierer. Noen har jeg hver uke, korte møter på et kvarter. Andre møter jeg en "
        "gang i måneden. Fordelen er at jeg kan ta en rask sjekk hvis noe skjer, og det er "
        "lett å flytte et møte. Møtene er kortere nå, og jeg har flere møter enn før."
    )
    transcript = _exchange(
        [
            ("interviewer", "Kan du beskrive hvor ofte du møter brukerne på video?"),
            ("informant", said),
            ("interviewer", "Hvordan pleier du å åpne et videomøte med en bruker?"),
            ("informant", "Jeg spør hvordan de har det."),
        ]
    )
    report = review_transcript(transcript, guide, embeddings=HashingEmbeddings())
    assert report.missed_followups == ()


def test_a_step_back_to_an_earlier_topic_resumes_where_the_interview_was() -> None:
    from intervju.review.topics import _decode

    # Topics 0, 1, 2, an announced step back to 0, then a question leaning only a little
    # towards topic 2: resuming there costs as much as moving on, not as much as skipping.
    emissions = np.array(
        [
            [3.0, 0.0, 0.0, 0.0],
            [0.0, 3.0, 0.0, 0.0],
            [0.0, 0.0, 3.0, 0.0],
            [1.0, 0.0, 0.0, 0.0],
            [0.0, 0.0, 0.8, 0.0],
        ]
    )
    texts = ["a", "b", "c", "Going back to the start, how was it?", "d"]
    assert _decode(emissions, texts, [False] * 5, 4) == [0, 1, 2, 0, 2]


def test_a_hint_left_hanging_before_a_new_question_is_a_missed_follow_up(guide) -> None:  # type: ignore[no-untyped-def]
    said = "Samtalene blir kortere. Men det er noe som forsvinner, jeg vet ikke helt hva..."
    turns = (
        Turn(0, "Forsker", "interviewer", None, None, "Hva merker du på skjerm?"),
        Turn(1, "Kari", "informant", None, None, said),
        Turn(2, "Forsker", "interviewer", None, None, "Hvordan pleier du å åpne et videomøte?"),
        Turn(3, "Kari", "informant", None, None, "Jeg leser saken først og sjekker lenken."),
    )
    transcript = Transcript(turns=turns, format="txt", interviewer="Forsker")
    report = review_transcript(transcript, guide, embeddings=HashingEmbeddings())
    assert [m.turn_index for m in report.missed_followups] == [1]
    # Taken up by a probe, the same hint is not missed.
    echoed = (*turns[:2], Turn(2, "Forsker", "interviewer", None, None, "Kan du si mer om det?"))
    transcript = Transcript(turns=echoed, format="txt", interviewer="Forsker")
    report = review_transcript(transcript, guide, embeddings=HashingEmbeddings())
    assert report.missed_followups == ()


# -- issue 16, third round: a missed follow-up needs a rich moment, not a long answer --------


def _moved_on(said: str, language: str = "nb") -> list[int]:
    """The missed follow-ups when ``said`` is answered by the next guide question."""
    if language == "en":
        guide = load_guide("remote-work-en")
        asked = "How do you decide which days you spend at the office?"
        then = "How would you describe your concentration on the days you work from home?"
    else:
        guide = load_guide()
        asked = "Hvordan avgjør du hvilke samtaler som skal gå på video?"
        then = "Hvordan pleier du å åpne et videomøte med en bruker?"
    transcript = _exchange(
        [
            ("interviewer", asked),
            ("informant", said),
            ("interviewer", then),
            ("informant", "Det er forskjellig." if language == "nb" else "It depends."),
        ]
    )
    report = review_transcript(transcript, guide, embeddings=HashingEmbeddings())
    return [m.turn_index for m in report.missed_followups]


_RULE = (
    "Vi har en slags tommelfingerregel på kontoret. Korte statusmøter og oppfølging av "
    "aktivitetsplanen tar vi på video, mens første samtale, vanskelige beskjeder og møter med "
    "arbeidsgivere helst skal være fysiske på kontoret. Men det blir ofte styrt av hva "
    "brukeren selv ønsker og hvor langt de bor fra kontoret."
)


def test_a_long_rule_of_thumb_with_a_figure_of_speech_is_not_missed() -> None:
    # Long, a word said three times, a dead metaphor and a plain evaluative word: no moment.
    assert _moved_on(_RULE) == []


def test_the_same_answer_with_a_feeling_of_their_own_is_missed() -> None:
    said = " Sist måtte jeg gi et avslag på skjerm, og jeg kjente meg helt maktesløs."
    assert _moved_on(_RULE + said) == [1]


def test_a_negation_in_another_clause_does_not_take_back_a_feeling() -> None:
    said = (
        "Better in the morning. In the afternoons I drift. I check messages all the time, "
        "because if I don't answer quickly I worry that people think I'm not working."
    )
    assert cue_facts(detect_cues(said, [], "en"), said, "en").own_feeling
    assert _moved_on(said, "en") == [1]
    denied = "Better in the morning. I don't worry about it, I check messages now and then."
    assert not cue_facts(detect_cues(denied, [], "en"), denied, "en").own_feeling
    # a typographic apostrophe (Word, Teams, autocorrect) negates as the plain one
    curly = denied.replace("'", "’") + " During the day, I mean."
    assert not cue_facts(detect_cues(curly, [], "en"), curly, "en").own_feeling
    assert _moved_on(curly, "en") == []


@pytest.mark.parametrize(
    "said",
    [
        "I don't think I was scared.",
        "I don't think I was scared, it was an ordinary shift on the ward for me.",
        "I don't think that I was ever scared of the new system.",
    ],
)
def test_a_feeling_denied_through_an_opinion_verb_is_not_missed(said: str) -> None:
    assert not cue_facts(detect_cues(said, [], "en"), said, "en").own_feeling
    assert _moved_on(said, "en") == []


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("I don't think I was scared.", "en"),
        ("I don’t worry about it.", "en"),
        ("I didn’t feel safe there.", "en"),
        ("Jeg tror ikke at jeg var så redd.", "nb"),
    ],
)
def test_the_span_ranker_reads_a_denied_feeling_as_denied(said: str, language: str) -> None:
    from intervju.lang import as_lang
    from intervju.spans import find_spans

    spans, _, _ = find_spans(said, as_lang(language))
    assert not {s.kind for s in spans} & {"feeling_self", "feeling_word", "feeling_other"}
    assert not {s.kind for s in spans} & {"feeling_it", "evaluation"}


@pytest.mark.parametrize(
    ("said", "term", "own"),
    [
        ("Jeg har ikke vært så veldig redd, egentlig.", "redd", False),
        ("Jeg tror ikke jeg var redd den gangen.", "redd", False),
        ("Jeg var ikke sliten, men jeg var redd den gangen.", "redd", True),
        ("Jeg var ikke sliten men redd.", "redd", True),
        ("Hvis jeg ikke svarer med en gang blir jeg urolig.", "urolig", True),
        ("I wasn’t nervous about it at all.", "nervous", False),
        ("I don't think they listen to us and I get so worried.", "worried", True),
    ],
)
def test_a_negation_reaches_back_to_the_start_of_its_clause(
    said: str, term: str, own: bool
) -> None:
    from intervju.review.followups import _own_feeling

    assert _own_feeling(said, term, "en" if said.startswith("I ") else "nb") is own


def test_a_possessive_is_its_noun_with_either_apostrophe() -> None:
    from intervju.review.followups import content_words

    said = "My daughter’s school and the teacher's notes, we didn’t read them."
    assert content_words(said, "en") == ["daughter", "school", "teacher", "notes", "read"]


def test_someone_elses_feelings_in_a_long_answer_are_not_missed() -> None:
    said = (
        "Hvis det blir avslag, tar jeg en telefon først. Og så tilbyr jeg et videomøte dagen "
        "etter. Det gir dem tid til å bli sinte eller lei seg alene, hvis de trenger det, før "
        "vi prater om hva som skjer videre."
    )
    assert _moved_on(said) == []


# Two interviews written for this round before the detection changed (tests/data/review/fresh,
# make_fresh.py): merged topics, jumps back, digressions and many long factual answers.
FRESH = sorted((DATA / "fresh").glob("fresh-*.vtt"))


@pytest.mark.parametrize("path", FRESH, ids=lambda p: p.stem)
def test_fresh_interviews_meet_the_missed_follow_up_targets(path: Path) -> None:
    expected = truth(path)
    report = review_files([path], expected.get("guide"), embeddings=get_embeddings())  # type: ignore[arg-type]
    missed = {m.turn_index for m in report.interviews[0].missed_followups}
    real = set(expected["missed_followups"])  # type: ignore[arg-type]
    tp = len(missed & real)
    assert tp / max(len(missed), 1) >= 0.70 and tp / len(real) >= 0.75


# -- issue 16, fourth round: signals that generalise (tests/data/review/unseen) ---------------


def test_a_moment_that_stayed_with_them_is_missed_without_a_feeling_word() -> None:
    nb = (
        "En kvinne fortalte om samboeren, og midt i setningen kom han inn i rommet. Hun byttet "
        "tema på et sekund. Jeg har tenkt mye på om jeg satte henne i fare den gangen."
    )
    en = (
        "We hired a designer and I didn't meet her for eight months. Over lunch she said she'd "
        "nearly quit in her first month. That really shook me, because I had no idea."
    )
    assert _moved_on(nb) == [1] and _moved_on(en, "en") == [1]


def test_a_story_broken_off_by_the_informant_is_missed() -> None:
    said = (
        "Much more. Chat is where most of the work happens now. Although chat is also where "
        "things went really wrong last year, with a thread that got out of hand … anyway."
    )
    assert _moved_on(said, "en") == [1]
    assert _moved_on(said.replace(" … anyway.", ".") + " Anyway, we use it a lot.", "en") == []


@pytest.mark.parametrize(
    ("said", "lang"),
    [
        # A story held back: the informant says there is one and will not tell it now
        # (own sentences, 2026-12-06).
        ("Vi hadde en sak i vinter som gikk galt, men det orker jeg ikke å gå inn på.", "nb"),
        ("En annen veileder fikk kjeft for det, men det er ikke min historie å fortelle.", "nb"),
        ("One meeting with a father went badly, but I'd rather not go into that.", "en"),
        # Something never told or never understood.
        ("Jeg gikk rett hjem den dagen. Det har jeg faktisk aldri fortalt til noen.", "nb"),
        ("Vi snakket aldri mer om det, og jeg har aldri helt fått tak i hva som skjedde.", "nb"),
        ("I just sat in the car for an hour. I'm still not sure why I did that.", "en"),
        ("She cried on the call, and we have never really talked about that day.", "en"),
    ],
)
def test_a_moment_left_unsaid_is_missed(said: str, lang: str) -> None:
    assert _moved_on(said, lang) == [1]


def test_knowing_someone_is_not_a_feeling() -> None:
    said = (
        "Pussig. Hun var høyere enn jeg trodde. Men vi fant tonen fort, og etter to møter "
        "kjente vi hverandre godt."
    )
    assert cue_facts(detect_cues(said, [], "nb"), said).own_feeling is False
    felt = said.replace("kjente vi hverandre godt", "kjente jeg meg trygg")
    assert cue_facts(detect_cues(felt, [], "nb"), felt).own_feeling is True


def test_a_return_to_an_earlier_answer_is_not_a_follow_up_of_the_last(guide) -> None:  # type: ignore[no-untyped-def]
    vocab = vocabulary([q.text for q in guide.questions])
    question = "Før vi går videre, du sa at du var på sosialtjenesten først. Hvor lenge var du der?"
    last = "Det hakker hele tiden, som et vindu som dugger igjen."
    earlier = ["Jeg begynte på sosialtjenesten i Bodø og gikk over til oppfølging i 2015."]
    assert is_follow_up(question, last, vocab).follow_up
    assert not is_follow_up(question, last, vocab, earlier=earlier).follow_up
    # said back from the last answer itself: still a follow-up
    assert is_follow_up(question, earlier[0], vocab, earlier=[last]).follow_up


UNSEEN = sorted((DATA / "unseen").glob("unseen-*.vtt"))


def test_unseen_interviews_meet_the_targets() -> None:
    """Three interviews labelled before the review ran on them (make_unseen.py); floors
    under the final figures (topic 60/64, missed P 13/13, R 13/16)."""
    placed = correct = tp = fp = fn = 0
    for path in UNSEEN:
        expected = truth(path)
        report = review_files([path], expected.get("guide"), embeddings=get_embeddings())  # type: ignore[arg-type]
        interview = report.interviews[0]
        want = {q["turn_index"]: q["topic_index"] for q in expected["questions"]}  # type: ignore[attr-defined]
        placed += len(want)
        correct += sum(q.topic_index == want.get(q.turn_index) for q in interview.questions)
        missed = {m.turn_index for m in interview.missed_followups}
        real = set(expected["missed_followups"])  # type: ignore[arg-type]
        tp, fp, fn = tp + len(missed & real), fp + len(missed - real), fn + len(real - missed)
    assert correct / placed >= 0.92
    assert tp / (tp + fn) >= 0.75 and tp / (tp + fp) >= 0.70


def test_an_article_before_an_adjective_is_no_demonstrative_echo(guide) -> None:  # type: ignore[no-untyped-def]
    vocab = vocabulary([q.text for q in guide.questions])
    said = "Den første uka var rar, og det første møtet gikk på telefon."
    assert not is_follow_up("Hvordan var det første videomøtet ditt?", said, vocab).follow_up
    assert is_follow_up("Hvordan var den grensen for deg?", "Jeg satte en grense.", vocab).follow_up


def test_the_body_telling_a_feeling_is_a_missed_follow_up() -> None:
    said = (
        "The night before the deadline the document got corrupted. I remember staring at the "
        "screen at one in the morning, shaking, and nobody on the call said anything."
    )
    assert _moved_on(said, "en") == [1]
    assert _moved_on("We met at the door, shaking hands, and then we sat down to plan.", "en") == []


def test_a_thread_taken_up_again_later_is_followed_up(guide) -> None:  # type: ignore[no-untyped-def]
    vocab = vocabulary([q.text for q in guide.questions])
    answers = [  # the last answer first
        "Det betyr mindre enn før, og jeg er mer lojal mot teamet.",
        "Rutinen er fast, mandag og onsdag på kontoret.",
        "Leiligheten kjentes som et venterom de første ukene, ingen visste hvor lenge.",
    ]
    back = "Du sa tidligere at leiligheten kjentes som et venterom. Kjennes den sånn ennå?"
    assert returned_to(back, answers, vocab) == 2
    # a mention that only leads into a new question takes nothing up
    lead = "Du sa tidligere at leiligheten var et venterom. Hvordan bygger du kontakt med kolleger?"
    assert returned_to(lead, answers, vocab) == -1
    # said back from the last answer: no return at all
    assert returned_to("Du sa at du er mer lojal mot teamet. Hvordan da?", answers, vocab) == 0


def test_an_answer_returned_to_later_is_not_a_missed_follow_up(guide) -> None:  # type: ignore[no-untyped-def]
    rich = (
        "Det var brått. Jeg bar skjermen hjem på bussen som et barn, og jeg kjente meg stolt "
        "og helt fortapt på samme tid. Leiligheten ble et venterom."
    )
    lines = [
        ("interviewer", "Hvordan ble hjemmekontor en del av jobben din?"),
        ("informant", rich),
        ("interviewer", "Kan du beskrive brukerne du følger opp i det daglige?"),
        ("informant", "Mest unge under tretti, rundt sytti i porteføljen."),
    ]
    later = "Du sa tidligere at leiligheten ble et venterom. Er den det ennå?"
    plain = [turn(i, role, text) for i, (role, text) in enumerate(lines)]
    first = review_transcript(
        Transcript(tuple(plain), "txt"), guide, embeddings=HashingEmbeddings()
    )
    assert [m.turn_index for m in first.missed_followups] == [1]
    back = [*plain, turn(4, "interviewer", later), turn(5, "informant", "Nei, nå er det hjem.")]
    again = review_transcript(Transcript(tuple(back), "txt"), guide, embeddings=HashingEmbeddings())
    assert [m.turn_index for m in again.missed_followups] == []


@pytest.mark.parametrize(
    ("said", "language", "own"),
    [
        ("Jeg har aldri følt meg så hjelpeløs i jobben.", "nb", True),
        ("Jeg har aldri vært så redd.", "nb", True),
        ("I have never felt so helpless.", "en", True),
        ("Jeg har ikke vært så veldig redd.", "nb", False),
        ("Jeg var aldri redd, så det gikk fint.", "nb", False),
        ("I was never that scared.", "en", False),
    ],
)
def test_never_so_grades_a_feeling_it_does_not_deny(said: str, language: str, own: bool) -> None:
    from intervju.lang import as_lang
    from intervju.spans import find_spans

    spans, _, _ = find_spans(said, as_lang(language))
    assert any(s.kind == "feeling_self" for s in spans) is own


def test_a_feeling_asked_about_in_other_words_is_a_follow_up(guide) -> None:  # type: ignore[no-untyped-def]
    vocab = vocabulary([q.text for q in guide.questions])
    said = "Jeg ble flau over at de kunne se leiligheten min, så jeg flyttet skrivebordet."
    closed = "Var det ubehagelig for deg at brukerne så hjemmet ditt?"
    assert is_follow_up(closed, said, vocab).follow_up
    # a closed question on something new is not
    assert not is_follow_up("Brukte dere Teams fra starten?", said, vocab).follow_up
    # nor a feeling question after an answer that names no feeling
    plain = "Vi har en rutine på at første samtale er fysisk."
    assert not is_follow_up(closed, plain, vocab).follow_up


def test_a_feeling_still_there_when_it_comes_back_calls_for_a_follow_up() -> None:
    from intervju.review.core import _call_for_follow_up
    from intervju.review.followups import lasting_impact

    said = "Jeg har fortsatt en vond følelse når jeg tenker på det."
    assert lasting_impact(said)
    assert lasting_impact("I still feel a bit sick when I think about it.")
    assert lasting_impact("Jeg tenker på det. Det var fortsatt kaldt.") is None
    score, reasons = _call_for_follow_up(said, said, [], "nb")
    assert score >= 2.0 and "feeling: en vond følelse" in reasons
    # a feeling word describing a thing is no feeling
    assert (
        _call_for_follow_up("Det var en vond samtale.", "Det var en vond samtale.", [], "nb")[0]
        == 0
    )


def test_an_own_feeling_that_stayed_with_them_calls_for_a_follow_up() -> None:
    from intervju.review.core import _call_for_follow_up

    said = "I'll never forget that. It was the moment I felt we were a team, even apart."
    assert _call_for_follow_up(said, said, [], "en")[0] >= 3.0  # over the bar after a follow-up
    opinion = "It means less than it used to. I feel more loyal to my team than to the company."
    assert _call_for_follow_up(opinion, opinion, [], "en")[0] < 2.0


WRITTEN = sorted((DATA / "written").glob("written-*.vtt"))


def test_written_interviews_keep_their_missed_follow_ups() -> None:
    """Two interviews labelled before the review ran on them (make_written.py): first run
    missed P 5/7, R 5/7; floors under the final figures (P 7/7, R 7/7; topic 46/47)."""
    tp = fp = fn = 0
    for path in WRITTEN:
        expected = truth(path)
        report = review_files([path], expected.get("guide"), embeddings=get_embeddings())  # type: ignore[arg-type]
        missed = {m.turn_index for m in report.interviews[0].missed_followups}
        real = set(expected["missed_followups"])  # type: ignore[arg-type]
        tp, fp, fn = tp + len(missed & real), fp + len(missed - real), fn + len(real - missed)
    assert len(WRITTEN) == 2
    assert tp / (tp + fn) >= 0.85 and tp / (tp + fp) >= 0.85


def test_a_feeling_word_that_frames_a_move_is_no_follow_up() -> None:
    """ "Are you happy to go on to the next topic?" after "I was so angry at her." moves on;
    "Were you angry with her?" and «Var det ubehagelig for deg?» after a feeling follow up."""
    from intervju.review.followups import is_follow_up

    angry = "I was so angry at her."
    assert not is_follow_up(
        "Are you happy to go on to the next topic?", angry, frozenset(), "en"
    ).follow_up
    assert is_follow_up("Were you upset with her?", angry, frozenset(), "en").follow_up
