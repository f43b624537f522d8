"""``intervju classify``: judge interviewer questions (closed, leading, double, why).

``intervju classify TEXT…`` prints a readable verdict per text; ``--jsonl`` reads lines
``{"id": …, "text": …}`` from stdin and writes one JSON line per input with the stable shape
``{"id", "form", "leading", "double", "why", "questions", "explanation", "rewrite"}``.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..analysis import Analysis, analyse
from ..errors import IntervjuError
from ..lang.wordings import wordings
from ._common import print_jsonl, read_jsonl


def _verdict(analysis: Analysis) -> str:
    labels = wordings(analysis.language, "classify")
    flags = [labels[p] for p in analysis.problems if p != "closed"]
    head = labels[analysis.form] + (f" · {' · '.join(flags)}" if flags else "")
    lines = [f"{analysis.text}", f"  → {head}  [{analysis.language}]"]
    if len(analysis.questions) > 1:
        for number, part in enumerate(analysis.parts, start=1):
            lines.append(f"    {number}. {part.text}  ({labels[part.form]})")
    if analysis.explanation:
        lines.append(f"  {analysis.explanation}")
    elif analysis.form != "not_question":
        lines.append(f"  {labels['ok'].capitalize()}.")
    if analysis.rewrite:
        lines.append(f"  {labels['rewrite']}: {analysis.rewrite}")
    return "\n".join(lines)


def register(app: typer.Typer) -> None:
    """Add ``classify`` to the app."""

    @app.command("classify")
    def classify(
        texts: Annotated[
            Optional[list[str]],  # noqa: UP045 - typer needs Optional on Python 3.10
            typer.Argument(help="Interviewer turns to judge (quote each one)."),
        ] = None,
        jsonl: Annotated[
            bool,
            typer.Option("--jsonl", help='Read {"id", "text"} lines from stdin, write JSON lines.'),
        ] = False,
        language: Annotated[
            Optional[str],  # noqa: UP045
            typer.Option("--language", "-l", help="nb or en (default: detect per turn)."),
        ] = None,
    ) -> None:
        """Judge interviewer questions: open/closed, leading, double, why; suggest a rewrite."""
        if jsonl:
            if texts:
                raise IntervjuError("give texts as arguments or --jsonl on stdin, not both")
            for number, obj in read_jsonl():
                text = obj.get("text")
                if not isinstance(text, str):
                    raise IntervjuError("missing string field 'text'", where=f"stdin line {number}")
                hint = obj.get("lang")
                if hint is not None and not isinstance(hint, str):
                    raise IntervjuError("'lang' must be a string", where=f"stdin line {number}")
                result = analyse(text, language or hint or None)
                print_jsonl({"id": obj.get("id"), **result.to_dict()})
            return
        if not texts:
            raise IntervjuError("nothing to classify: give one or more texts, or use --jsonl")
        for index, text in enumerate(texts):
            if index:
                typer.echo("")
            typer.echo(_verdict(analyse(text, language)))
