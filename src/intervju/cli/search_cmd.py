"""``intervju search QUERY FILE…``: informant passages like the query, across interviews.

Arguments are parsed here; the index and its disk cache are :mod:`intervju.search`.
JSON (the default) is a list of hits ``{file | session, turn_index, speaker,
start, text, score}``, best first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import IntervjuError
from ._common import print_json


def register(app: typer.Typer) -> None:
    """Add ``intervju search`` to the app."""

    @app.command("search")
    def search(
        query: Annotated[str, typer.Argument(help="What to look for, in your own words.")],
        files: Annotated[
            Optional[list[Path]],  # noqa: UP045 - typer needs Optional on Python 3.10
            typer.Argument(help="Transcripts (.vtt, .docx, .txt, .srt) to search."),
        ] = None,
        sessions: Annotated[
            bool, typer.Option("--sessions", help="Also search every stored session.")
        ] = False,
        fmt: Annotated[
            str, typer.Option("--format", "-f", help="json (default) or text.")
        ] = "json",
        top: Annotated[int, typer.Option("--top", "-k", help="How many hits.", min=1)] = 10,
        interviewer: Annotated[
            Optional[str],  # noqa: UP045
            typer.Option("--interviewer", "-i", help="The interviewer's speaker name."),
        ] = None,
        embeddings: Annotated[
            Optional[str],  # noqa: UP045
            typer.Option("--embeddings", help="Embedding backend (default: the saved setting)."),
        ] = None,
    ) -> None:
        """Find the informant passages most similar in meaning to QUERY."""
        if fmt not in ("json", "text"):
            raise IntervjuError(f"unknown format '{fmt}' (choose json or text)", where="--format")
        from ..embeddings import get_embeddings
        from ..search import StudyIndex, file_source, index_folder, stored_sessions
        from ..settings import load_settings

        settings = load_settings()
        sources = [file_source(p, interviewer) for p in files or []]
        if sessions:
            sources.extend(stored_sessions(settings.db_path))
        if not sources:
            raise IntervjuError("give transcript files or --sessions (with stored sessions)")
        emb = get_embeddings(embeddings, settings=settings)
        index = StudyIndex.build(sources, emb, index_folder(settings.data_dir))
        hits = index.search(query, top)
        if fmt == "json":
            print_json([h.to_dict() for h in hits])
            return
        for hit in hits:
            p = hit.passage
            when = "" if p.start is None else f" {int(p.start // 60):02d}:{int(p.start % 60):02d}"
            typer.echo(f"{hit.score:.3f}  {p.source} #{p.turn_index}{when} {p.speaker}: {p.text}")
