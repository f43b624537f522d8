"""Words and number formats shared by the Markdown, HTML and CSV exports.

The report speaks the guide's language (bokmål or English); every label is one entry of
the language data's ``wordings.yaml``, so the exports cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..lang import as_lang
from ..lang.wordings import wordings


def labels(language: str) -> Mapping[str, str]:
    """The report's wordings in ``language`` (``review_report`` in ``wordings.yaml``)."""
    return wordings(as_lang(language), "review_report")


def cue_label(cue: str, language: str) -> str:
    """A cue as a reader sees it: «feeling: rørt» → «følelse: «rørt»», «pause 4 s» →
    «pause 4 s», «hesitation» → «nøling» (``review_cues`` in ``wordings.yaml``). A kind
    without a wording is shown as it is."""
    words = wordings(as_lang(language), "review_cues")
    if ":" in cue:
        kind, term = (part.strip() for part in cue.split(":", 1))
        if kind in words:
            return f"{words[kind]}: {words['quoted'].format(term=term)}" if term else words[kind]
        return cue
    kind, _, rest = cue.partition(" ")
    if kind in words:
        return f"{words[kind]} {rest}" if rest else words[kind]
    return cue


def clock(seconds: float | None) -> str:
    """m:ss or h:mm:ss; empty when unknown."""
    if seconds is None:
        return ""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def percent(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100):d} %"


def problems_text(problems: tuple[str, ...], language: str) -> str:
    words = labels(language)
    return ", ".join(words[f"p_{p}"] for p in problems)


def excerpt(text: str, limit: int = 220) -> str:
    clean = " ".join(text.split())
    if len(clean) <= limit:
        return clean
    cut = clean[:limit].rsplit(" ", 1)[0]
    return cut + " …"
