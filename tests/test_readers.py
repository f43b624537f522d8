"""Transcript readers: golden files, cross-format equality, roles, bad input, CLI.

Goldens live next to the samples (``<sample>.json``); regenerate them with
``UPDATE_GOLDEN=1 pytest tests/test_readers.py`` after a deliberate change,
and read the diff before committing.
"""

from __future__ import annotations

import io
import json
import os
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from intervju.errors import TranscriptError
from intervju.models import Transcript
from intervju.readers import (
    _decode,
    detect_format,
    read_transcript,
    read_transcript_bytes,
    read_transcript_text,
)

DATA = Path(__file__).parent / "data" / "transcripts"
SAMPLES = sorted(p.name for p in DATA.iterdir() if p.suffix in {".vtt", ".docx", ".txt", ".srt"})
SAME_INTERVIEW = ["teams_intervju.vtt", "teams_intervju.docx", "teams_intervju.txt"]
SAME_INTERVIEW_ALL = [*SAME_INTERVIEW, "teams_intervju.srt"]


def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def message(exc: pytest.ExceptionInfo[TranscriptError]) -> str:
    return str(exc.value)


# --------------------------------------------------------------------------- goldens


@pytest.mark.parametrize("name", SAMPLES)
def test_golden(name: str) -> None:
    got = read_transcript(DATA / name).to_dict()
    golden = DATA / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert golden.exists(), f"missing golden {golden.name}; run with UPDATE_GOLDEN=1"
    assert got == json.loads(golden.read_text(encoding="utf-8"))


def test_every_format_has_a_sample() -> None:
    formats = {read_transcript(DATA / name).format for name in SAMPLES}
    assert formats == {"vtt", "docx", "txt", "srt"}


# ------------------------------------------------------------------ same interview


def _core(t: Transcript) -> list[tuple[str, str, str]]:
    return [(turn.speaker, turn.role, turn.text) for turn in t.turns]


def test_same_interview_gives_same_turns_in_every_format() -> None:
    read = {name: read_transcript(DATA / name) for name in SAME_INTERVIEW_ALL}
    reference = _core(read["teams_intervju.vtt"])
    assert len(reference) == 14
    for name, transcript in read.items():
        assert _core(transcript) == reference, name
        assert transcript.interviewer == "Ingrid Solberg", name
    # Times agree to the precision each format keeps.
    vtt = read["teams_intervju.vtt"].turns
    for name in ("teams_intervju.docx", "teams_intervju.txt"):
        for a, b in zip(vtt, read[name].turns, strict=True):
            assert a.start is not None and b.start == int(a.start), name
            assert b.end is None
    assert [t.start for t in read["teams_intervju.srt"].turns] == [t.start for t in vtt]
    assert [t.end for t in read["teams_intervju.srt"].turns] == [t.end for t in vtt]


def test_vtt_merges_cues_and_reads_hours() -> None:
    t = read_transcript(DATA / "teams_intervju.vtt")
    long_turn = t.turns[3]
    assert long_turn.text.startswith("Jeg har jobbet på Nav-kontoret")
    assert long_turn.text.endswith("på godt og vondt.")
    assert long_turn.start == 44.2  # first cue's start ...
    assert long_turn.end is not None and long_turn.end > 70  # ... last cue's end
    assert t.turns[8].start == 3700.4  # 01:01:40.400
    assert "æ" in t.turns[5].text and "ø" in t.turns[3].text and "å" in t.turns[3].text


def test_text_bytes_and_path_agree() -> None:
    path = DATA / "teams_intervju.vtt"
    from_path = read_transcript(path)
    from_bytes = read_transcript_bytes(path.read_bytes(), "opplasting.vtt")
    from_text = read_transcript_text(path.read_text(encoding="utf-8"))
    assert from_path.turns == from_bytes.turns == from_text.turns
    assert from_bytes.source == "opplasting.vtt"
    assert from_text.format == "vtt"


# ---------------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "cp1252"])
def test_text_encodings_keep_norwegian_letters(encoding: str) -> None:
    text = (DATA / "teams_intervju.txt").read_text(encoding="utf-8")
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    got = read_transcript_bytes(data, "intervju.txt")
    assert _core(got) == _core(read_transcript(DATA / "teams_intervju.txt"))


@pytest.mark.parametrize(
    "text",
    [
        "Forsker: Hvordan gikk møtet?\nInformant: Greit, men blåbærsyltetøyet var borte.",
        "I: Hva så du?\nIP: Ærlig talt, ingenting. Øyeblikket gikk fort – «puff».",
        "Kari: Så på TV?\nOla: Nei.\nKari: Hvorfor ikke?\nOla: Får ikke lov.",
    ],
)
def test_short_cp1252_files_decode_right(text: str) -> None:
    got = read_transcript_bytes(text.encode("cp1252"), "kort.txt")
    assert " ".join(t.text for t in got.turns) == " ".join(
        line.split(": ", 1)[1] for line in text.splitlines()
    )


def test_utf16_without_bom_is_read() -> None:
    text = "Forsker: Hvordan går det på kontoret?\nInformant: Det går bra, takk."
    got = read_transcript_bytes(text.encode("utf-16-le"), "fil.txt")
    assert got.turns[0].text == "Hvordan går det på kontoret?"


def test_bom_is_not_part_of_first_label() -> None:
    got = read_transcript_bytes("\ufeffForsker: Hei?\nInformant: Hei.".encode(), "b.txt")
    assert got.turns[0].speaker == "Forsker"


# ----------------------------------------------------------------------------- vtt


def test_vtt_voice_class_multiple_voices_notes_and_entities() -> None:
    text = (
        "WEBVTT - Teams\n\nNOTE opptak\n\nSTYLE\n::cue { color: red }\n\n"
        "1\n00:00:01.000 --> 00:00:02.500 align:start\n<v.loud Ola Berg>Hva &amp; hvorfor?</v>\n\n"
        "2\n00:00:02.500 --> 00:00:04.000\n<v Kari>Ja,</v> <v Ola Berg>og så?</v>\n\n"
        "3\n00:00:04.000 --> 00:00:05.000\n<v Ola Berg><i>Mhm,</i>\nfortell.</v>\n"
    )
    t = read_transcript_text(text)
    assert [(x.speaker, x.text) for x in t.turns] == [
        ("Ola Berg", "Hva & hvorfor?"),
        ("Kari", "Ja,"),
        ("Ola Berg", "og så? Mhm, fortell."),
    ]
    assert t.turns[2].start == 2.5 and t.turns[2].end == 5.0


def test_vtt_without_voice_spans_uses_name_prefixes() -> None:
    text = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nForsker: Hvordan var det?\n\n"
        "2\n00:00:02.000 --> 00:00:03.000\nInformant: Rart.\n\n"
        "3\n00:00:03.000 --> 00:00:04.000\nSå ble det bedre.\n"
    )
    t = read_transcript_text(text)
    assert [(x.speaker, x.text) for x in t.turns] == [
        ("Forsker", "Hvordan var det?"),
        ("Informant", "Rart. Så ble det bedre."),
    ]


def test_vtt_without_any_speaker_keeps_cues_apart() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\nen\n\n00:02.000 --> 00:03.000\nto\n"
    t = read_transcript_text(text)
    assert [(x.speaker, x.role, x.text) for x in t.turns] == [
        ("", "unknown", "en"),
        ("", "unknown", "to"),
    ]
    assert t.interviewer is None


# ------------------------------------------------------------------------- docx


def test_docx_old_teams_layout() -> None:
    data = docx_bytes(
        "Transkripsjon",
        "0:0:0.0 --> 0:0:4.950\nIngrid Solberg\nHvordan har du det i dag?",
        "0:0:4.950 --> 0:0:9.100\nMarte Hansen\nJo, takk, det går fint.",
        "0:0:9.100 --> 0:0:12.000\nMarte Hansen\nLitt sliten.",
    )
    t = read_transcript_bytes(data, "gammel.docx")
    assert [(x.speaker, x.role, x.start, x.end, x.text) for x in t.turns] == [
        ("Ingrid Solberg", "interviewer", 0.0, 4.95, "Hvordan har du det i dag?"),
        ("Marte Hansen", "informant", 4.95, 12.0, "Jo, takk, det går fint. Litt sliten."),
    ]


def test_docx_with_labels_typed_by_hand() -> None:
    data = docx_bytes(
        "Intervju 2",
        "Forsker: Hva tenker du om videomøter?",
        "Informant: Blandet.",
        "Det kommer an på brukeren.",
    )
    t = read_transcript_bytes(data, "manuell.docx")
    assert t.format == "docx"
    assert [(x.speaker, x.role, x.text) for x in t.turns] == [
        ("Forsker", "interviewer", "Hva tenker du om videomøter?"),
        ("Informant", "informant", "Blandet. Det kommer an på brukeren."),
    ]


def test_docx_sentence_ending_in_a_time_is_not_a_speaker() -> None:
    data = docx_bytes(
        "Kari Berg   0:01",
        "Når startet dere?",
        "Ola Lie   0:04",
        "Vi møttes klokka 10:30",
        "Kari Berg   0:09",
        "Og så?",
        "Ola Lie   0:12",
        "Så gikk vi.",
    )
    t = read_transcript_bytes(data, "teams.docx")
    assert [x.speaker for x in t.turns] == ["Kari Berg", "Ola Lie", "Kari Berg", "Ola Lie"]
    assert t.turns[1].text == "Vi møttes klokka 10:30"


# ------------------------------------------------------------------------- text


def test_text_continuations_preamble_and_sentence_colons() -> None:
    text = (
        "Intervju med Kari\n"
        "Dato: tirsdag\n\n"
        "Forsker: Hvordan var det?\n"
        "Informant: Det var slik: vi satt hjemme.\n"
        "Altså: alle var hjemme.\n\n"
        "og fortsatt etter en tom linje\n"
        "Forsker: Hm.\n"
    )
    t = read_transcript_text(text)
    assert [(x.speaker, x.text) for x in t.turns] == [
        ("Forsker", "Hvordan var det?"),
        (
            "Informant",
            "Det var slik: vi satt hjemme. Altså: alle var hjemme. og fortsatt etter en tom linje",
        ),
        ("Forsker", "Hm."),
    ]


@pytest.mark.parametrize(
    ("line", "start"),
    [
        ("[00:12:05] Forsker: Hei?", 725.0),
        ("Forsker [01:02:03]: Hei?", 3723.0),
        ("Forsker (12:05): Hei?", 725.0),
        ("(12:05) Forsker: Hei?", 725.0),
        ("Forsker: [1:00:00.5] Hei?", 3600.5),
    ],
)
def test_text_timestamps(line: str, start: float) -> None:
    t = read_transcript_text(line + "\nInformant: Ja.")
    assert t.turns[0].start == start
    assert t.turns[0].text == "Hei?"


def test_standalone_timestamp_line_sets_next_start() -> None:
    t = read_transcript_text("[00:01:00]\nForsker: Hei?\nInformant: Ja.")
    assert t.turns[0].start == 60.0


def test_case_variants_of_a_label_are_one_speaker() -> None:
    t = read_transcript_text("Forsker: Hva?\nInformant: Ja.\nforsker: Hvorfor?")
    assert [x.speaker for x in t.turns] == ["Forsker", "Informant", "Forsker"]


def test_txt_holding_webvtt_is_read_as_vtt() -> None:
    data = (DATA / "teams_intervju.vtt").read_bytes()
    assert detect_format(data, "omdøpt.txt") == "vtt"
    assert read_transcript_bytes(data, "omdøpt.txt").format == "vtt"
    assert detect_format(data, None) == "vtt"
    assert detect_format((DATA / "teams_intervju.srt").read_bytes(), "x") == "srt"
    assert detect_format((DATA / "teams_intervju.docx").read_bytes(), "x") == "docx"


# ------------------------------------------------------------------------- roles


@pytest.mark.parametrize(
    ("given", "expected"), [("marte hansen", "Marte Hansen"), ("Marte", "Marte Hansen")]
)
def test_interviewer_given(given: str, expected: str) -> None:
    t = read_transcript(DATA / "teams_intervju.vtt", interviewer=given)
    assert t.interviewer == expected
    roles = {x.speaker: x.role for x in t.turns}
    assert roles == {"Marte Hansen": "interviewer", "Ingrid Solberg": "informant"}


def test_interviewer_not_a_speaker() -> None:
    with pytest.raises(TranscriptError) as exc:
        read_transcript(DATA / "teams_intervju.vtt", interviewer="Per")
    assert "'Per' is not a speaker" in message(exc)
    assert "'Ingrid Solberg'" in message(exc)


@pytest.mark.parametrize(
    ("text", "interviewer", "roles"),
    [
        ("F: Hva?\nI: Tja.", "F", {"F": "interviewer", "I": "informant"}),
        ("I: Hva?\nIP: Tja.", "I", {"I": "interviewer", "IP": "informant"}),
        ("I: Hva?\nR: Tja.", "I", {"I": "interviewer", "R": "informant"}),
        ("Q: What?\nA: Well.", "Q", {"Q": "interviewer", "A": "informant"}),
        (
            "Intervjuer: Hva?\nInformant 1: Ja.\nInformant 2: Nei.",
            "Intervjuer",
            {"Intervjuer": "interviewer", "Informant 1": "informant", "Informant 2": "informant"},
        ),
        (
            "Informant: Ja.\nKari: Hvorfor?",
            "Kari",
            {"Informant": "informant", "Kari": "interviewer"},
        ),
        (
            "Kari: Hvordan var det?\nOla: Fint.\nKari: Hva mer?\nOla: Kaffe?\nKari: Fortell.",
            "Kari",
            {"Kari": "interviewer", "Ola": "informant"},
        ),
        ("Kari: Hei.\nOla: Hei.", None, {"Kari": "unknown", "Ola": "unknown"}),
        ("Kari: Ja?\nOla: Nei?", None, {"Kari": "unknown", "Ola": "unknown"}),
        (
            "Informant: Ja.\nKari: Nei.\nOla: Tja.",
            None,
            {"Informant": "informant", "Kari": "unknown", "Ola": "unknown"},
        ),
    ],
)
def test_role_inference(text: str, interviewer: str | None, roles: dict[str, str]) -> None:
    t = read_transcript_text(text)
    assert t.interviewer == interviewer
    assert {x.speaker: x.role for x in t.turns} == roles


# -------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("tom.vtt", b"", "tom.vtt: file is empty"),
        ("tom.txt", b"  \n\r\n", "tom.txt: file is empty"),
        ("bilde.txt", bytes(range(256)) * 4, "bilde.txt: binary data, not a text transcript"),
        (
            "x.vtt",
            b"WEBVTT\n\n00:00:01.000 --> 00:00:2x.000\n<v A>hei</v>\n",
            "x.vtt, line 3: malformed timestamp '00:00:2x.000'",
        ),
        (
            "x.vtt",
            b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n<v A>hei</v>\n\n2\n00:00:02.0",
            "x.vtt, line 7: the file ends before this cue's timings (truncated?)",
        ),
        (
            "x.vtt",
            b"WEBVTT\n\nhei\nog hopp\nog sprett\n\n00:00:01.000 --> 00:00:02.000\nja\n",
            "x.vtt, line 3: expected WebVTT cue timings such as",
        ),
        (
            "x.vtt",
            b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n<v A>hei</v>\n\n"
            b"2\n00:00:02.000 --> 00:00:0",
            "x.vtt, line 8: malformed timestamp '00:00:0'",
        ),
        (
            "x.vtt",
            b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n",
            "x.vtt, line 4: the file ends right after cue timings (truncated?)",
        ),
        ("x.vtt", b"Forsker: hei\n", "x.vtt, line 1: not a WebVTT file"),
        ("x.vtt", b"WEBVTT\n\nNOTE bare en kommentar\n", "x.vtt: no WebVTT cues found"),
        (
            "x.vtt",
            b"WEBVTT\n\n00:00:05.000 --> 00:00:01.000\n<v A>hei</v>\n",
            "x.vtt, line 3: cue ends before it starts",
        ),
        (
            "x.vtt",
            b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v A>hei</v>\n"
            b"00:00:02.000 --> 00:00:03.000\n<v A>igjen</v>\n",
            "x.vtt, line 5: two cue timings in one block",
        ),
        (
            "x.srt",
            b"1\n00:00:01,000 --> 00:00:0x,000\nKari: hei\n",
            "x.srt, line 2: malformed timestamp '00:00:0x,000'",
        ),
        (
            "x.txt",
            b"Bare litt tekst uten noen som snakker.",
            "x.txt: no speaker labels found",
        ),
        ("x.docx", b"dette er ikke en zip", "x.docx: not a .docx file"),
        ("x.docx", b"PK\x03\x04rubbish", "x.docx: damaged .docx archive"),
        ("x.doc", b"\xd0\xcf\x11\xe0stuff", "x.doc: old Word .doc files cannot be read"),
        ("x.bin", b"\x00\x01\x02\x03" * 10, "x.bin: unknown format '.bin'"),
    ],
)
def test_bad_input_has_one_clear_message(name: str, data: bytes, expected: str) -> None:
    with pytest.raises(TranscriptError) as exc:
        read_transcript_bytes(data, name)
    assert message(exc).startswith(expected), message(exc)
    assert "\n" not in message(exc)


def test_docx_that_is_no_transcript() -> None:
    data = docx_bytes("Referat fra personalmøtet", "Vi snakket om kantina og parkering.")
    with pytest.raises(TranscriptError, match=r"^r\.docx: no speaker labels found in the Word"):
        read_transcript_bytes(data, "r.docx")


def test_zip_without_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hei.txt", "hei")
    with pytest.raises(TranscriptError, match=r"no word/document\.xml"):
        read_transcript_bytes(buffer.getvalue(), "z.docx")


def test_docx_forced_as_text_is_refused() -> None:
    data = (DATA / "teams_intervju.docx").read_bytes()
    with pytest.raises(TranscriptError, match="use --format docx"):
        read_transcript_bytes(data, "x.docx", format="txt")


def test_unknown_format_argument() -> None:
    with pytest.raises(TranscriptError, match=r"unknown format 'pdf'; choose auto, vtt"):
        read_transcript(DATA / "teams_intervju.vtt", format="pdf")
    with pytest.raises(TranscriptError, match="must be read from its bytes"):
        read_transcript_text("Forsker: hei", format="docx")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(TranscriptError, match=r"finnes-ikke\.vtt: no such file$"):
        read_transcript(tmp_path / "finnes-ikke.vtt")
    with pytest.raises(TranscriptError, match="is a directory"):
        read_transcript(tmp_path)


def test_large_files_are_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_decode, "MAX_BYTES", 1000)
    big = tmp_path / "stor.vtt"
    big.write_bytes((DATA / "teams_intervju.vtt").read_bytes())  # ~4 KB > 1000 bytes
    with pytest.raises(TranscriptError, match=r"stor\.vtt: file is 4 KB; .* larger than 1000"):
        read_transcript(big)
    with pytest.raises(TranscriptError, match="larger than"):
        read_transcript_bytes(big.read_bytes(), "stor.vtt")
    with pytest.raises(TranscriptError, match="larger than"):
        read_transcript_text(big.read_text(encoding="utf-8"))
    with pytest.raises(TranscriptError, match="larger than"):
        read_transcript(DATA / "teams_intervju.docx")


def test_docx_that_unpacks_too_large_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    data = docx_bytes("Forsker: hei?", "Informant: " + "ja " * 100_000)
    monkeypatch.setattr(_decode, "MAX_BYTES", len(data) + 10)
    with pytest.raises(TranscriptError, match="document text unpacks to"):
        read_transcript_bytes(data, "bombe.docx")


# --------------------------------------------------------------------------- CLI


def run_cli(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    from intervju.cli import main

    monkeypatch.setattr(sys, "argv", ["intervju", *args])
    with pytest.raises(SystemExit) as exc:
        main()
    code = exc.value.code
    return code if isinstance(code, int) else 0


def test_cli_parse_prints_the_json_contract(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_cli(monkeypatch, "parse", str(DATA / "teams_intervju.vtt"))
    out = capsys.readouterr().out
    assert code == 0
    payload = json.loads(out)
    assert list(payload) == ["format", "interviewer", "turns"]
    assert list(payload["turns"][0]) == ["index", "speaker", "role", "start", "end", "text"]
    assert payload["format"] == "vtt" and payload["interviewer"] == "Ingrid Solberg"
    assert "Før vi begynner" in out  # ensure_ascii=False


def test_cli_parse_options(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(DATA / "teams_intervju.txt")
    code = run_cli(monkeypatch, "parse", path, "--format", "txt", "--interviewer", "marte")
    payload = json.loads(capsys.readouterr().out)
    assert code == 0
    assert payload["interviewer"] == "Marte Hansen"
    assert payload["turns"][0]["end"] is None


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["parse", "finnes-ikke.vtt"], "intervju: finnes-ikke.vtt: no such file\n"),
        (["parse", str(DATA / "teams_intervju.vtt"), "--format", "x"], "unknown format 'x'"),
    ],
)
def test_cli_parse_errors_exit_2_with_one_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    expected: str,
) -> None:
    assert run_cli(monkeypatch, *args) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_pathological_cue_text_is_read_as_text() -> None:
    # Once took quadratic time: every "<" without a ">" rescanned the cue.
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Kari>" + "<" * 200_000
    t = read_transcript_text(text)
    assert t.turns[0].speaker == "Kari" and len(t.turns[0].text) == 200_000


def test_pasted_webvtt_may_start_with_blank_lines() -> None:
    from intervju.readers import read_transcript_text

    text = "\n\n  WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\n<v Kari>Hvordan var det?</v>\n"
    transcript = read_transcript_text(text)
    assert transcript.format == "vtt" and transcript.turns[0].speaker == "Kari"
