"""``intervju guide show|check|list``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import GuideError
from ..guides import bundled_guides, guide_library, load_guide
from ._common import print_json


def register(app: typer.Typer) -> None:
    guide_app = typer.Typer(help="Show, list and validate interview guides.", no_args_is_help=True)

    @guide_app.command("show")
    def show(
        guide: Annotated[
            Optional[str],  # noqa: UP045 - typer needs Optional on Python 3.10
            typer.Argument(help="Guide file or bundled guide name (default: the study guide)."),
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """Print a guide: topics, questions, presiseringer."""
        loaded = load_guide(guide)
        if as_json:
            print_json(loaded.to_dict())
            return
        typer.echo(f"{loaded.title}  [{loaded.id}, {loaded.language}]")
        if loaded.description:
            typer.echo(loaded.description)
        for position, topic in enumerate(loaded.topics, start=1):
            typer.echo(f"\n{position}. {topic.title}  ({topic.minutes:g} min)")
            if topic.purpose:
                typer.echo(f"   {topic.purpose}")
            for question in topic.questions:
                star = "*" if question.core else " "
                typer.echo(f"  {star} [{question.id}] {question.text}")
                if question.presisering:
                    typer.echo(f"      – {question.presisering}")
        typer.echo(f"\n{len(loaded.questions)} questions, {loaded.planned_minutes:g} min planned")

    @guide_app.command("check")
    def check(file: Annotated[Path, typer.Argument(help="Guide YAML file to validate.")]) -> None:
        """Validate a guide file; exit 2 with the line to fix when invalid."""
        loaded = load_guide(file)
        typer.echo(
            f"ok: {loaded.id} – {len(loaded.topics)} topics, {len(loaded.questions)} questions"
        )

    @guide_app.command("list")
    def list_guides(
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """List the guides you can pick by name: bundled, then your own (data folder)."""
        bundled = bundled_guides()
        rows = []
        for name, path in guide_library().items():
            try:
                title = load_guide(path).title
            except GuideError as exc:
                title = f"({exc.message})"
            rows.append(
                {"name": name, "title": title, "path": str(path), "bundled": name in bundled}
            )
        if as_json:
            print_json(rows)
            return
        for row in rows:
            typer.echo(f"{row['name']}\t{row['title']}\t{row['path']}")

    app.add_typer(guide_app, name="guide")
