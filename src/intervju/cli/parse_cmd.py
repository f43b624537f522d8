"""``intervju parse FILE``: read a transcript and print it as JSON.

The JSON is the contract other tools (and the review step) rely on:
``{"format", "interviewer", "turns": [{"index", "speaker", "role",
"start", "end", "text"}]}`` with null times where the format has none.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..readers import read_transcript
from ._common import print_json


def register(app: typer.Typer) -> None:
    """Add ``parse`` to the app."""

    @app.command("parse")
    def parse(
        file: Annotated[Path, typer.Argument(help="Transcript: .vtt, .docx, .txt or .srt.")],
        format: Annotated[
            str,
            typer.Option("--format", "-f", help="auto | vtt | docx | txt | srt (default: auto)."),
        ] = "auto",
        interviewer: Annotated[
            Optional[str],  # noqa: UP045 - typer needs Optional on Python 3.10
            typer.Option(
                "--interviewer", "-i", help="Speaker name of the interviewer (else inferred)."
            ),
        ] = None,
    ) -> None:
        """Read a transcript and print its turns as JSON."""
        transcript = read_transcript(file, format=format, interviewer=interviewer)
        print_json(transcript.to_dict())
