"""The typed-line grammar of the live screen: who said a line the interviewer types.

Why in the core: the same rules must hold in the app, a future front end and any
script that feeds typed notes, and they are tested without a browser. The grammar:

* a line of just «/» (or «//», «\\») switches the next speaker;
* «f: text» / «i: text» (any interviewer or informant prefix from ``input.yaml``,
  either language, any case) says who said this one line;
* a prefix alone («f:») switches to that speaker without adding a turn;
* anything else is a turn by the current speaker. A colon later in the line
  («Klokka var 10: vi begynte») is text, because «klokka var 10» is no prefix.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .lang.input_words import input_words

Speaker = Literal["interviewer", "informant"]
LineKind = Literal["turn", "switch", "empty"]
SWITCH_TOKENS = frozenset({"/", "//", "\\"})

__all__ = ["Line", "Speaker", "other", "parse_line"]


@dataclass(frozen=True)
class Line:
    """What one submitted input line asks for."""

    kind: LineKind
    role: Speaker
    text: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "role": self.role, "text": self.text}


def other(role: str) -> Speaker:
    """The speaker who is not ``role`` (an unknown role counts as the informant)."""
    return "informant" if role == "interviewer" else "interviewer"


def _prefix_role(head: str) -> Speaker | None:
    words = input_words()
    key = head.strip().lower()
    if key in words.interviewer_prefixes:
        return "interviewer"
    if key in words.informant_prefixes:
        return "informant"
    return None


def parse_line(raw: str, current: Speaker) -> Line:
    """Interpret one typed line given the speaker currently selected."""
    text = " ".join(raw.split())
    if not text:
        return Line("empty", current)
    if text in SWITCH_TOKENS:
        return Line("switch", other(current))
    head, sep, rest = text.partition(":")
    role = _prefix_role(head) if sep else None
    if role is not None:
        body = rest.strip()
        return Line("turn", role, body) if body else Line("switch", role)
    return Line("turn", current, text)
