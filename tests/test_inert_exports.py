"""Exports are inert: transcript text never becomes code in a report someone opens.

What was said or pasted can contain HTML, Markdown links and images, or cells
a spreadsheet runs as formulas. Each injection case is checked in Markdown
(rendered by a CommonMark renderer: no HTML element, link or image may
appear), CSV (every text cell shows as text) and HTML (escaped, and a
Content-Security-Policy that loads nothing).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from intervju.fakes import HashingEmbeddings
from intervju.models import Transcript, Turn
from intervju.review import render_csv, render_html, render_markdown, report_bytes, review_many

ATTACKS = {
    "script": "Hva mener du? <script>alert('x')</script>",
    "img-onerror": 'Kan du si mer? <img src=x onerror="alert(1)">',
    "iframe": "Hvordan var det? <iframe src=http://evil.example/></iframe>",
    "js-link": "Fortell om det [her](javascript:alert(1)) da?",
    "remote-image": "Hva skjedde? ![beacon](http://evil.example/pixel.png)",
    "autolink": "Husker du https://evil.example/track eller www.evil.example?",
    "angle-link": "Hvordan opplevde du <http://evil.example> da?",
    "formula-eq": '=HYPERLINK("http://evil.example","klikk")',
    "formula-plus": "+cmd|' /C calc'!A0",
    "formula-minus": "-2+3+cmd|' /C calc'!A0",
    "formula-at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "formula-tab": "\t=1+1",
}


def _report(attack: str):  # type: ignore[no-untyped-def]
    text = attack + " Hva mener du om det?"  # starts with the attack, still a question
    turns = (
        Turn(0, "Forsker", "interviewer", None, None, text),
        Turn(1, "Kari", "informant", None, None, text + " Jeg vet ikke helt."),
        Turn(2, "Forsker", "interviewer", None, None, text),
    )
    transcript = Transcript(turns=turns, source="<b>evil</b>.vtt", format="vtt")
    return review_many([transcript], embeddings=HashingEmbeddings(), files=["=evil<b>.vtt"])


def _rendered_md(markdown: str) -> list[str]:
    """The element types a CommonMark renderer makes from the Markdown."""
    md = MarkdownIt("commonmark", {"html": True, "linkify": False})
    kinds: list[str] = []
    for token in md.parse(markdown):
        kinds.append(token.type)
        kinds.extend(child.type for child in token.children or [])
    return kinds


@pytest.mark.parametrize("name", list(ATTACKS))
def test_markdown_has_no_html_links_or_images(name: str) -> None:
    markdown = render_markdown(_report(ATTACKS[name]))
    kinds = _rendered_md(markdown)
    assert not {"html_inline", "html_block", "image", "link_open"} & set(kinds), name
    assert not re.search(r"(?i)(https?|javascript):(?!\\)", markdown.replace("\\:", ""))


@pytest.mark.parametrize("name", list(ATTACKS))
def test_csv_cells_never_start_a_formula(name: str) -> None:
    text = render_csv(_report(ATTACKS[name]))
    rows = list(csv.reader(io.StringIO(text)))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
    assert any(ATTACKS[name].strip() in cell for row in rows for cell in row)  # kept, as text


@pytest.mark.parametrize("name", list(ATTACKS))
def test_html_escapes_and_loads_nothing(name: str) -> None:
    page = render_html(_report(ATTACKS[name]))
    assert "<script" not in page.lower()
    assert "<iframe" not in page.lower() and "<img" not in page.lower()
    assert "onerror=" not in page.replace("onerror=&quot;", "")
    assert 'http-equiv="Content-Security-Policy"' in page
    assert "default-src 'none'" in page


def test_csv_byte_order_mark_once() -> None:
    data = report_bytes(_report("Hva tenker du om æøå?"), "csv")
    assert data.startswith(b"\xef\xbb\xbf") and not data[3:].startswith(b"\xef\xbb\xbf")
    assert report_bytes(_report("Hva?"), "md").startswith(b"#")


def test_review_cli_writes_one_bom(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from intervju.cli import app

    vtt = tmp_path / "i.vtt"
    vtt.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Forsker>=1+1 Hva skjedde?</v>\n\n"
        "00:00:04.000 --> 00:00:08.000\n<v Kari>Det var fint.</v>\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.csv"
    result = CliRunner().invoke(
        app,
        ["review", str(vtt), "--format", "csv", "--out", str(out)],
    )
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.count(b"\xef\xbb\xbf") == 1 and data.startswith(b"\xef\xbb\xbf")
    assert b",'=1+1" in data
