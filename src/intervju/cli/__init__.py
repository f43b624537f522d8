"""The ``intervju`` command line: it builds core objects and hands off.

Each sub-command lives in its own module and only parses arguments, calls the
core and prints (JSON where asked). Errors in the user's input arrive as
:class:`~intervju.errors.IntervjuError` and leave as one line on stderr with
exit status 2; nothing else prints a traceback unless ``INTERVJU_DEBUG=1``.
"""

from __future__ import annotations

import os
import sys

import typer

from ..errors import IntervjuError
from . import (
    classify_cmd,
    guide_cmd,
    listen_cmd,
    parse_cmd,
    practice_cmd,
    review_cmd,
    search_cmd,
    session_cmd,
    suggest_cmd,
)

app = typer.Typer(
    name="intervju",
    help="Local-first assistant for qualitative research interviews.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _module in (
    guide_cmd,
    parse_cmd,
    classify_cmd,
    suggest_cmd,
    review_cmd,
    search_cmd,
    session_cmd,
    practice_cmd,
    listen_cmd,
):
    _module.register(app)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except IntervjuError as exc:
        print(f"intervju: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except Exception as exc:  # a bug: keep the user's terminal clean unless debugging
        if os.environ.get("INTERVJU_DEBUG"):
            raise
        print(
            f"intervju: internal error ({type(exc).__name__}: {exc}); "
            "rerun with INTERVJU_DEBUG=1 for details",
            file=sys.stderr,
        )
        raise SystemExit(1) from None
