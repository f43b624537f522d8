"""Small output helpers shared by the sub-commands."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

from ..errors import IntervjuError


def print_json(payload: Any) -> None:
    """Pretty JSON with æøå kept readable."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def print_jsonl(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def read_jsonl(stream: Any = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each non-blank JSON line on stdin."""
    source = stream if stream is not None else sys.stdin
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise IntervjuError(
                f"not valid JSON ({exc.msg})", where=f"stdin line {number}"
            ) from None
        if not isinstance(obj, dict):
            raise IntervjuError("each line must be a JSON object", where=f"stdin line {number}")
        yield number, obj
