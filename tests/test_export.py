from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from intervju.cli import session_cmd
from intervju.errors import StorageError, TranscriptError
from intervju.export import (
    cue_timings,
    export_json,
    export_session,
    export_txt,
    export_vtt,
    import_transcript,
    write_export,
)
from intervju.guides import load_guide
from intervju.readers import read_transcript, read_transcript_text
from intervju.storage import SessionStore
from intervju.suggestions import Suggestion
from tests.helpers import flag

TURNS = [
    ("Forsker", "interviewer", "Hvordan opplevde du de første videomøtene?", 1.5, 4.0),
    ("Kari Berg", "informant", "Det var uvant <men> greit & litt rart.", 5.0, 11.25),
    ("Forsker", "interviewer", "Du synes vel det var bedre hjemme, ikke sant?", None, None),
    ("Kari Berg", "informant", "Ja, kaffekoppen hjemme gjorde mye.", None, None),
]


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    with SessionStore(tmp_path / "s.sqlite3") as s:
        yield s  # type: ignore[misc]


@pytest.fixture
def sid(store: SessionStore) -> int:
    info = store.create_session("Kari, intervju 3", load_guide("nav-videooppfolging"))
    for speaker, role, text, start, end in TURNS:
        store.add_turn(info.id, speaker, role, text, start, end)  # type: ignore[arg-type]
    shown = store.record_suggestions(
        info.id,
        3,
        [Suggestion("meaning", "Hva betydde kaffekoppen for deg?", "echo", ("kaffekoppen",))],
    )
    store.mark_suggestion_used(info.id, shown[0].id)
    store.record_flag(
        info.id, 2, flag("closed", True, False, False, "Ledende.", "Hvordan var det hjemme?")
    )
    store.mark_covered(info.id, "q1", "manual")
    store.add_note(info.id, "latter", 3)
    return info.id


def _pairs(text: str, fmt: str) -> list[tuple[str, str]]:
    return [(t.speaker, t.text) for t in read_transcript_text(text, format=fmt).turns]


def test_txt_round_trips_through_the_reader(store: SessionStore, sid: int) -> None:
    text = export_txt(store, sid)
    assert text.startswith("[00:00:01] Forsker: Hvordan opplevde")
    transcript = read_transcript_text(text, format="txt")
    assert [(t.speaker, t.text) for t in transcript.turns] == [(s, x) for s, _, x, _, _ in TURNS]
    assert [t.role for t in transcript.turns] == [r for _, r, _, _, _ in TURNS]
    assert transcript.turns[1].start == 5.0


def test_vtt_round_trips_and_synthesises_timings(store: SessionStore, sid: int) -> None:
    text = export_vtt(store, sid)
    assert text.startswith("WEBVTT\n")
    assert "<v Kari Berg>Det var uvant &lt;men&gt; greit &amp; litt rart.</v>" in text
    assert "NOTE" in text
    transcript = read_transcript_text(text, format="vtt")
    assert [(t.speaker, t.text) for t in transcript.turns] == [(s, x) for s, _, x, _, _ in TURNS]
    starts = [t.start for t in transcript.turns]
    ends = [t.end for t in transcript.turns]
    assert starts[:2] == [1.5, 5.0] and ends[:2] == [4.0, 11.25]
    assert starts[2] == 11.25  # synthesised: right after the previous cue
    assert all(e is not None and s is not None and e > s for s, e in zip(starts, ends, strict=True))
    assert starts == sorted(starts)


def test_cue_timings_rules(store: SessionStore) -> None:
    sid = store.create_session("t").id
    store.add_turn(sid, "A", "interviewer", "en to tre fire fem seks sju", None, None)
    store.add_turn(sid, "B", "informant", "ja", 20.0, 19.0)  # end before start: fixed
    timings = cue_timings(store.turns(sid))
    assert timings[0] == (0.0, pytest.approx(2.8), True)
    assert timings[1] == (20.0, 21.0, True)


def test_json_has_everything(store: SessionStore, sid: int) -> None:
    payload = json.loads(export_json(store, sid))
    assert payload["format"] == "intervju-session"
    assert payload["session"]["title"] == "Kari, intervju 3"
    assert payload["session"]["guide_id"] == "nav-videooppfolging"
    assert "topics:" in payload["guide_yaml"]
    assert [t["text"] for t in payload["turns"]] == [x for _, _, x, _, _ in TURNS]
    assert payload["suggestions"][0]["used"] is True
    assert payload["suggestions"][0]["emphasis"] == ["kaffekoppen"]
    assert payload["flags"][0]["problems"] == ["closed", "leading"]
    assert payload["covered"][0]["question_id"] == "q1"
    assert payload["notes"][0]["text"] == "latter"


def test_export_session_dispatch_and_errors(store: SessionStore, sid: int) -> None:
    assert export_session(store, sid, ".VTT").startswith("WEBVTT")
    with pytest.raises(StorageError, match="unknown export format"):
        export_session(store, sid, "docx")
    with pytest.raises(StorageError, match="no session"):
        export_session(store, 999, "txt")


def test_write_export_by_extension(tmp_path: Path, store: SessionStore, sid: int) -> None:
    for suffix in ("txt", "vtt", "json"):
        path = write_export(store, sid, tmp_path / "out" / f"kari.{suffix}")
        assert path.read_text(encoding="utf-8") == export_session(store, sid, suffix)
    with pytest.raises(StorageError, match="export format"):
        write_export(store, sid, tmp_path / "kari.pdf")
    assert write_export(store, sid, tmp_path / "noext", "txt").exists()


def test_export_files_import_again(tmp_path: Path, store: SessionStore, sid: int) -> None:
    for suffix in ("txt", "vtt"):
        path = write_export(store, sid, tmp_path / f"kari.{suffix}")
        assert [(t.speaker, t.text) for t in read_transcript(path).turns] == [
            (s, x) for s, _, x, _, _ in TURNS
        ]
        info = import_transcript(store, path, guide="nav-videooppfolging")
        assert info.title == "kari"
        assert info.guide_id == "nav-videooppfolging"
        turns = store.turns(info.id)
        assert [t.text for t in turns] == [x for _, _, x, _, _ in TURNS]
        assert {t.source for t in turns} == {"import"}
        assert [t.role for t in turns] == [r for _, r, _, _, _ in TURNS]


def test_import_bad_file_leaves_no_session(tmp_path: Path, store: SessionStore) -> None:
    path = tmp_path / "tom.txt"
    path.write_text("", encoding="utf-8")
    with pytest.raises(TranscriptError):
        import_transcript(store, path)
    assert store.list_sessions() == ()


def test_empty_session_exports(store: SessionStore) -> None:
    sid = store.create_session("tom").id
    assert export_txt(store, sid) == ""
    assert export_vtt(store, sid) == "WEBVTT\n"
    assert json.loads(export_json(store, sid))["turns"] == []


def _cli() -> typer.Typer:
    app = typer.Typer()
    session_cmd.register(app)

    @app.callback()
    def _root() -> None:  # keeps "session" a sub-command group
        pass

    return app


def test_cli_session_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVJU_DATA_DIR", str(tmp_path / "data"))
    runner = CliRunner()
    app = _cli()
    db = tmp_path / "data" / "sessions.sqlite3"

    listed = runner.invoke(app, ["session", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    assert json.loads(listed.stdout) == []
    assert not db.exists()  # listing never creates a database

    source = tmp_path / "kari.txt"
    source.write_text(
        "Forsker: Hvordan var det?\n\nKari: Uvant.\n\nForsker: Hva mener du?\n\nKari: Rart.\n",
        encoding="utf-8",
    )
    imported = runner.invoke(app, ["session", "import", str(source), "--json", "--title", "K"])
    assert imported.exit_code == 0, imported.output
    sid = json.loads(imported.stdout)["id"]
    assert db.exists()

    listed = runner.invoke(app, ["session", "list", "--db", str(db)])
    assert f"{sid}\t" in listed.stdout and "4 turns" in listed.stdout

    shown = runner.invoke(app, ["session", "show", str(sid), "--json"])
    assert json.loads(shown.stdout)["turns"][1]["text"] == "Uvant."
    assert "Kari: Uvant." in runner.invoke(app, ["session", "show", str(sid)]).stdout

    vtt = runner.invoke(app, ["session", "export", str(sid), "-f", "vtt"])
    assert vtt.stdout.startswith("WEBVTT")
    out = tmp_path / "k.json"
    runner.invoke(app, ["session", "export", str(sid), "-o", str(out)])
    assert json.loads(out.read_text(encoding="utf-8"))["session"]["title"] == "K"

    renamed = runner.invoke(app, ["session", "rename", str(sid), "Kari 1"])
    assert "Kari 1" in renamed.stdout

    refused = runner.invoke(app, ["session", "delete", str(sid)], input="n\n")
    assert refused.exit_code != 0
    deleted = runner.invoke(app, ["session", "delete", str(sid), "--yes", "--json"])
    assert deleted.exit_code == 0, deleted.output
    assert json.loads(deleted.stdout)["turns"] == 4
    assert json.loads(runner.invoke(app, ["session", "list", "--json"]).stdout) == []

    missing = runner.invoke(app, ["session", "show", "99"])
    assert isinstance(missing.exception, StorageError)
    assert "no session with id 99" in str(missing.exception)


def test_cli_read_commands_need_a_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        _cli(), ["session", "show", "1", "--db", str(tmp_path / "none.sqlite3")]
    )
    assert isinstance(result.exception, StorageError)
    assert "no session database" in str(result.exception)
    assert not (tmp_path / "none.sqlite3").exists()
