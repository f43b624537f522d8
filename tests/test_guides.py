"""Interview guides: the bundled guides, the loader's error messages and ``intervju guide``.

A researcher edits guide YAML by hand, so the error message is the user interface: every
invalid fixture in ``tests/data/guides/`` must produce a one-line message that names the
file, the line to fix and what is wrong. The CLI tests run the real entry point in a
subprocess because the exit status and the stderr line are produced in ``main()``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from intervju.cli import app
from intervju.errors import GuideError
from intervju.guides import (
    bundled_guides,
    guide_library,
    load_guide,
    parse_guide,
    save_user_guide,
)
from intervju.models import Guide

DATA = Path(__file__).parent / "data" / "guides"
REPO = Path(__file__).resolve().parents[1]
STUDY_TITLES = (
    "Start og personalia",
    "Koronakrisen og brukeroppfølging",
    "Kommunikasjon",
    "Relasjon",
    "Avrunding",
)
BUNDLED = ("nav-videooppfolging", "remote-work-en")


@pytest.fixture(scope="module")
def study() -> Guide:
    return load_guide()


# --- the bundled guides ------------------------------------------------------------------


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_guide_loads(name: str) -> None:
    guide = load_guide(name)
    assert guide.id == name
    assert guide.topics and guide.questions
    assert Path(guide.source or "").name == f"{name}.yaml"


def test_bundled_guides_are_listed() -> None:
    assert set(BUNDLED) <= set(bundled_guides())


def test_default_guide_is_the_study_guide(study: Guide) -> None:
    assert study.id == "nav-videooppfolging"
    assert study.language == "nb"


def test_study_guide_has_the_five_topics_in_order(study: Guide) -> None:
    assert tuple(t.title for t in study.topics) == STUDY_TITLES


def test_study_guide_has_29_questions(study: Guide) -> None:
    assert len(study.questions) == 29
    assert all(topic.questions for topic in study.topics)


def test_study_guide_plans_about_an_hour(study: Guide) -> None:
    assert 50 <= study.planned_minutes <= 70


def test_study_guide_marks_about_ten_core_questions(study: Guide) -> None:
    core = [q for q in study.questions if q.core]
    assert 8 <= len(core) <= 12
    # The closing "what have we not talked about" question must never be skipped.
    assert study.topics[-1].questions and any(q.core for q in study.topics[-1].questions)


def test_english_guide_is_short_and_english() -> None:
    guide = load_guide("remote-work-en")
    assert guide.language == "en"
    assert 4 <= len(guide.topics) <= 5
    assert 12 <= len(guide.questions) <= 18


@pytest.mark.parametrize("name", BUNDLED)
def test_ids_are_unique_across_topics_and_questions(name: str) -> None:
    guide = load_guide(name)
    ids = [t.id for t in guide.topics] + [q.id for q in guide.questions]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", BUNDLED)
def test_every_question_has_a_presisering_and_is_one_question(name: str) -> None:
    guide = load_guide(name)
    for topic in guide.topics:
        assert topic.purpose, topic.id
        for q in topic.questions:
            assert q.presisering, q.id
            assert q.text.endswith("?"), q.id
            # One question per item: a second "?" inside the text means a double question.
            assert q.text.count("?") == 1, q.id


@pytest.mark.parametrize("name", BUNDLED)
def test_question_ids_follow_their_topic(name: str) -> None:
    guide = load_guide(name)
    for topic in guide.topics:
        for q in topic.questions:
            assert q.id.startswith(f"{topic.id}-"), q.id


def test_study_guide_avoids_obvious_question_traps(study: Guide) -> None:
    """A cheap lexical guard that needs no analyser: no why, no tags, no «vel»/«jo»."""
    verb_first = ("har ", "er ", "synes ", "tror ", "opplever ", "kunne ", "vil ", "blir ")
    for q in study.questions:
        words = q.text.lower().replace(",", " ").replace("?", " ").split()
        assert "hvorfor" not in words, q.id
        assert not {"vel", "jo"} & set(words), q.id
        assert "ikke sant" not in q.text.lower(), q.id
        assert not q.text.lower().startswith(verb_first), q.id


def test_guide_roundtrips_through_to_dict(study: Guide) -> None:
    data = study.to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    topics: list[dict[str, Any]] = data["topics"]  # type: ignore[assignment]
    assert sum(len(t["questions"]) for t in topics) == 29


# --- invalid guides: file, line and what is wrong -----------------------------------------

INVALID: list[tuple[str, int, str]] = [
    ("missing-key.yaml", 7, "missing required key 'title'"),
    ("unknown-key.yaml", 12, "unknown key 'followups'"),
    ("duplicate-id.yaml", 16, "id 'start-1' is used twice (first on line 10)"),
    ("duplicate-key.yaml", 11, "duplicate key 'text'"),
    ("empty-topics.yaml", 7, "topics must not be empty"),
    ("bad-minutes.yaml", 14, "minutes of topic 'avrunding' must be a number"),
    ("zero-minutes.yaml", 8, "minutes of topic 'start' must be more than 0"),
    ("bad-syntax.yaml", 7, "invalid YAML: mapping values are not allowed here"),
    ("wrong-schema.yaml", 2, "schema 2 is not supported (expected 1)"),
    ("not-mapping.yaml", 1, "the guide must be a mapping"),
    ("empty.yaml", 1, "the file is empty"),
    ("comments-only.yaml", 1, "the file is empty"),
    ("null-presisering.yaml", 11, "presisering of question 'start-1' must not be empty"),
    ("empty-question-text.yaml", 10, "text of question 'start-1' must not be empty"),
    ("bad-language.yaml", 4, "language 'sv' must be one of"),
    ("bad-core.yaml", 11, "core of question 'start-1' must be true or false"),
]


def test_every_fixture_is_covered() -> None:
    on_disk = {p.name for p in DATA.glob("*.yaml")} - {"valid-minimal.yaml"}
    assert on_disk == {name for name, _, _ in INVALID}


@pytest.mark.parametrize(("name", "line", "what"), INVALID, ids=[row[0] for row in INVALID])
def test_invalid_guide_names_file_line_and_problem(name: str, line: int, what: str) -> None:
    path = DATA / name
    with pytest.raises(GuideError) as caught:
        load_guide(path)
    message = str(caught.value)
    assert message.startswith(f"{path}, line {line}: "), message
    assert what in caught.value.message
    assert "\n" not in message


def test_missing_guide_file_is_a_guide_error(tmp_path: Path) -> None:
    missing = tmp_path / "finnes-ikke.yaml"
    with pytest.raises(GuideError, match="no such guide file"):
        load_guide(missing)


def test_non_utf8_guide_is_a_guide_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: Brukeroppfølging\n".encode("cp1252"))
    with pytest.raises(GuideError, match="not UTF-8"):
        load_guide(path)


def test_parse_guide_uses_the_given_source_name() -> None:
    with pytest.raises(GuideError) as caught:
        parse_guide("schema: 1\nid: x\n", source="inline.yaml")
    assert str(caught.value).startswith("inline.yaml, line 1: ")
    assert "missing required key" in caught.value.message


def test_valid_minimal_guide_gets_defaults() -> None:
    guide = load_guide(DATA / "valid-minimal.yaml")
    (topic,) = guide.topics
    assert topic.purpose == "" and topic.minutes == 10.0
    (question,) = topic.questions
    assert question.presisering is None and question.probes == () and question.core is False


def test_guide_text_is_whitespace_normalised() -> None:
    text = (DATA / "valid-minimal.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "Kan du fortelle litt om deg selv?",
        ">\n          Kan du fortelle\n          litt om deg selv?",
    )
    guide = parse_guide(text)
    assert guide.questions[0].text == "Kan du fortelle litt om deg selv?"


# --- the command line ---------------------------------------------------------------------

runner = CliRunner()


def test_cli_guide_show_json_gives_the_structure() -> None:
    result = runner.invoke(app, ["guide", "show", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["id"] == "nav-videooppfolging"
    assert [t["title"] for t in data["topics"]] == list(STUDY_TITLES)
    assert sum(len(t["questions"]) for t in data["topics"]) == 29
    first = data["topics"][0]["questions"][0]
    assert set(first) == {"id", "text", "presisering", "probes", "core"}


def test_cli_guide_show_english_by_name_as_text() -> None:
    result = runner.invoke(app, ["guide", "show", "remote-work-en"])
    assert result.exit_code == 0, result.output
    assert "Closing" in result.stdout
    assert "15 questions" in result.stdout


def test_cli_guide_show_text_lists_all_topics() -> None:
    result = runner.invoke(app, ["guide", "show"])
    assert result.exit_code == 0, result.output
    for position, title in enumerate(STUDY_TITLES, start=1):
        assert f"{position}. {title}" in result.stdout
    assert "29 questions, 60 min planned" in result.stdout


def test_cli_guide_check_ok() -> None:
    result = runner.invoke(
        app, ["guide", "check", str(REPO / "guide" / "nav-videooppfolging.yaml")]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "ok: nav-videooppfolging – 5 topics, 29 questions"


def test_cli_guide_check_invalid_raises_guide_error_inside_app() -> None:
    # Inside the typer app the error propagates; main() turns it into exit 2 (tested below).
    result = runner.invoke(app, ["guide", "check", str(DATA / "missing-key.yaml")])
    assert isinstance(result.exception, GuideError)


def _run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "intervju", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("name", ["missing-key.yaml", "bad-syntax.yaml", "empty.yaml"])
def test_cli_guide_check_invalid_exits_2_with_one_line(name: str) -> None:
    path = DATA / name
    line = next(row[1] for row in INVALID if row[0] == name)
    proc = _run_cli("guide", "check", str(path))
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(f"intervju: {path}, line {line}: ")
    assert "Traceback" not in proc.stderr


def test_cli_guide_check_valid_exits_0() -> None:
    proc = _run_cli("guide", "check", "guide/remote-work-en.yaml")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok: remote-work-en – 5 topics, 15 questions"
    assert proc.stderr == ""


def test_cli_guide_show_unknown_name_exits_2() -> None:
    proc = _run_cli("guide", "show", "finnes-ikke")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert "no such guide file or guide name" in proc.stderr
    assert "nav-videooppfolging" in proc.stderr  # tells the user what exists


# --- the analyser agrees that the bundled questions are good ---------------------------------


def _bundled_texts(*, probes: bool) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name in BUNDLED:
        for q in load_guide(name).questions:
            if probes:
                out += [(f"{q.id}/probe-{i}", p) for i, p in enumerate(q.probes, start=1)]
            else:
                out.append((q.id, q.text))
    return out


def _verdict(text: str) -> Any:
    from intervju.analysis import analyse

    return analyse(text)


@pytest.mark.parametrize(("qid", "text"), _bundled_texts(probes=False))
def test_bundled_question_is_judged_open_and_neutral(qid: str, text: str) -> None:
    verdict = _verdict(text)
    assert verdict.form == "open", (qid, text, verdict)
    assert not verdict.leading, (qid, text, verdict)
    assert not verdict.double, (qid, text, verdict)
    assert not verdict.why, (qid, text, verdict)


@pytest.mark.parametrize(("pid", "text"), _bundled_texts(probes=True))
def test_bundled_probe_is_judged_open_and_neutral(pid: str, text: str) -> None:
    verdict = _verdict(text)
    assert verdict.form == "open", (pid, text, verdict)
    assert not verdict.leading, (pid, text, verdict)
    assert not verdict.double, (pid, text, verdict)


def test_copy_keeps_comments_and_gives_a_new_valid_id_and_title() -> None:
    from intervju.guides import copy_guide_text, parse_guide

    text = bundled_guides()["nav-videooppfolging"].read_text(encoding="utf-8")
    tricky = text.replace("\nid: nav-videooppfolging", '\nid: "nav-videooppfolging"  # note', 1)
    copy = copy_guide_text(tricky, id_suffix="-kopi", title_suffix=" (kopi)", source="x.yaml")
    guide = parse_guide(copy, source="x.yaml")
    assert guide.id == "nav-videooppfolging-kopi" and guide.title.endswith("(kopi)")
    assert "# note" in copy and len(guide.questions) == 29


def test_the_users_guide_library_is_shared_by_app_and_cli(tmp_path: Path) -> None:
    """A guide saved on the Guider page is found by name from the CLI too."""
    text = bundled_guides()["remote-work-en"].read_text(encoding="utf-8")
    mine = text.replace("id: remote-work-en", "id: my-study", 1)
    guide, path = save_user_guide(mine, tmp_path)
    assert guide.id == "my-study" and path == tmp_path / "guides" / "my-study.yaml"
    assert guide_library(tmp_path)["my-study"] == path
    assert load_guide("my-study", tmp_path).id == "my-study"
    with pytest.raises(GuideError):
        save_user_guide(text, tmp_path)  # the bundled id is taken
    with pytest.raises(GuideError):
        save_user_guide("id: [broken", tmp_path)

    env = {"INTERVJU_DATA_DIR": str(tmp_path)}
    listed = CliRunner().invoke(app, ["guide", "list", "--json"], env=env)
    assert listed.exit_code == 0, listed.output
    names = {row["name"]: row for row in json.loads(listed.output)}
    assert names["my-study"]["bundled"] is False and names["remote-work-en"]["bundled"] is True
    shown = CliRunner().invoke(app, ["guide", "show", "my-study", "--json"], env=env)
    assert shown.exit_code == 0 and json.loads(shown.output)["id"] == "my-study"
