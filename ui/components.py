"""Small view pieces shared by the pages: CSS, topic chips, cards, flag, transcript.

Why hand-written HTML for some pieces: the live page is read at arm's length
on a second screen, so suggestion text must be large, the informant's own
words visibly marked, and the topic progress must wrap into a few lines at
~500 px. Streamlit's widgets cannot style that; a few classes can. Colours
are translucent overlays on the theme's own text colour, so the same CSS
reads well in the light and the dark theme. Everything user-provided is
HTML-escaped here, in one place.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import streamlit as st

from intervju.storage import StoredFlag, StoredSuggestion, StoredTurn
from intervju.tracking import Coverage

from .strings import intent_label, problem_label, role_label, t

CSS = """
<style>
/* Narrow second screen: use the whole width, keep the input reachable. */
.block-container { padding-top: 1.2rem; padding-bottom: 6rem; max-width: 1500px; }
@media (max-width: 640px) {
  .block-container { padding-left: 0.7rem; padding-right: 0.7rem; padding-top: 3.4rem; }
  .ivj-card-text { font-size: 1.2rem !important; }
  .ivj-chip { font-size: 0.8rem !important; }
}
/* Streamlit pulls a markdown block up by 1rem; inside a row that clips our cards. */
.st-key-hint [data-testid="stMarkdownContainer"],
[class*="st-key-card_"] [data-testid="stMarkdownContainer"] { margin-bottom: 0 !important; }
.st-key-hint, [class*="st-key-card_"] { overflow: visible !important; }
.ivj-top {
  display: flex; flex-wrap: wrap; gap: 0.35rem; align-items: center; margin-bottom: 0.4rem;
}
.ivj-clock { font-size: 1.25rem; font-weight: 600; margin-right: 0.6rem; white-space: nowrap; }
.ivj-title { opacity: 0.7; font-size: 0.95rem; margin-right: 0.6rem; }
.ivj-chip {
  border-radius: 0.6rem; padding: 0.15rem 0.55rem; font-size: 0.85rem; line-height: 1.3;
  background: rgba(128, 128, 128, 0.12); border: 1px solid rgba(128, 128, 128, 0.25);
  white-space: nowrap;
}
.ivj-chip.current {
  background: rgba(46, 134, 222, 0.22); border-color: rgba(46, 134, 222, 0.8); font-weight: 600;
}
.ivj-chip.done { opacity: 0.65; }
.ivj-chip.over .ivj-min { color: #d9534f; font-weight: 600; }
.ivj-intent {
  text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.72rem; opacity: 0.7;
  font-weight: 600;
}
.ivj-card-text {
  font-size: 1.45rem; line-height: 1.35; font-weight: 500; margin: 0.1rem 0 0.2rem 0;
}
.ivj-card-text mark {
  background: rgba(255, 196, 0, 0.38); color: inherit; padding: 0 0.15em; border-radius: 0.2em;
}
.ivj-card.used .ivj-card-text { opacity: 0.5; text-decoration: line-through; }
.ivj-why { font-size: 0.8rem; opacity: 0.6; }
.ivj-hint { font-size: 1.0rem; opacity: 0.75; margin: 0 0 0.35rem 0; line-height: 1.45; }
.ivj-hint b { font-weight: 600; }
.ivj-flag {
  border-left: 4px solid rgba(230, 126, 34, 0.9); padding: 0.25rem 0.6rem;
  margin: 0.2rem 0 0.6rem 0;
  background: rgba(230, 126, 34, 0.10); border-radius: 0 0.4rem 0.4rem 0; font-size: 0.95rem;
}
.ivj-flag .ivj-badge {
  font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.05em; font-weight: 700;
  color: rgba(211, 84, 0, 1); margin-right: 0.35rem;
}
.ivj-flag .ivj-rewrite { font-size: 1.05rem; }
.ivj-turn { padding: 0.25rem 0.5rem; margin: 0.15rem 0; border-radius: 0.4rem; line-height: 1.4; }
.ivj-turn.interviewer { background: rgba(46, 134, 222, 0.08); }
.ivj-turn.informant { background: rgba(128, 128, 128, 0.07); }
.ivj-turn .ivj-who { font-size: 0.75rem; font-weight: 700; opacity: 0.65; margin-right: 0.4rem; }
.ivj-turn.interviewer .ivj-who { color: rgba(46, 134, 222, 1); opacity: 1; }
.ivj-turn.last { outline: 1px solid rgba(128, 128, 128, 0.35); }
.ivj-turn .ivj-tflag { font-size: 0.72rem; color: rgba(211, 84, 0, 1); margin-left: 0.35rem; }
.ivj-q { font-size: 0.92rem; }
.ivj-q.covered { opacity: 0.55; }
.ivj-muted { opacity: 0.6; font-size: 0.85rem; }
</style>
"""


def inject_css() -> None:
    st.markdown(CSS, unsafe_allow_html=True)


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def emphasise(text: str, words: Sequence[str]) -> str:
    """Escape ``text`` and wrap the informant's echoed words in <mark>."""
    escaped = esc(text)
    terms = sorted({w.strip() for w in words if w and w.strip()}, key=len, reverse=True)
    if not terms:
        return escaped
    pattern = re.compile("|".join(re.escape(esc(w)) for w in terms), re.IGNORECASE)
    return pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped)


def clock(seconds: float) -> str:
    """Whole minutes, like the topic chips (the top bar refreshes every 15 s)."""
    return f"{int(seconds // 60)} min"


def top_bar_html(
    title: str,
    elapsed: float | None,
    coverage: Coverage,
    covered_ids: set[str],
) -> str:
    """Clock, session title and one chip per topic (covered/total, minutes vs planned)."""
    parts = ['<div class="ivj-top">']
    stamp = t("elapsed", time=clock(elapsed)) if elapsed is not None else t("not_started")
    parts.append(f'<span class="ivj-clock">{esc(stamp)}</span>')
    parts.append(f'<span class="ivj-title">{esc(title)}</span>')
    parts.append("</div>")
    if coverage.topics:
        parts.append('<div class="ivj-top">')
        for topic in coverage.topics:
            done = sum(1 for q in topic.question_ids if q in covered_ids)
            classes = ["ivj-chip"]
            if topic.topic_index == coverage.current_topic:
                classes.append("current")
            elif topic.total and done == topic.total:
                classes.append("done")
            if topic.planned_minutes and topic.minutes > topic.planned_minutes:
                classes.append("over")
            label = t(
                "topic_chip",
                covered=done,
                total=topic.total,
                spent=f"{topic.minutes:.0f}",
                planned=f"{topic.planned_minutes:g}",
            )
            counts, _, minutes = label.partition(" · ")
            parts.append(
                f'<span class="{" ".join(classes)}" title="{esc(topic.title)}">'
                f"<b>{topic.topic_index}</b> {esc(_short(topic.title))} · {esc(counts)}"
                f' · <span class="ivj-min">{esc(minutes)}</span></span>'
            )
        parts.append("</div>")
    return "".join(parts)


def _short(title: str, limit: int = 22) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def card_html(suggestion: StoredSuggestion) -> str:
    classes = "ivj-card used" if suggestion.used else "ivj-card"
    return (
        # data-turn: which informant turn the card answers (tests wait for the new turn's cards)
        f'<div class="{classes}" data-turn="{suggestion.turn_idx}">'
        f'<div class="ivj-intent">{esc(intent_label(suggestion.intent))}</div>'
        f'<div class="ivj-card-text">{emphasise(suggestion.text, suggestion.emphasis)}</div>'
        + (f'<div class="ivj-why">{esc(suggestion.why)}</div>' if suggestion.why else "")
        + "</div>"
    )


def flag_html(flag: StoredFlag) -> str:
    badges = "".join(
        f'<span class="ivj-badge">{esc(problem_label(p))}</span>' for p in flag.problems
    )
    body = f"{badges} {esc(flag.explanation)}" if flag.explanation else badges
    rewrite = ""
    if flag.rewrite:
        rewrite = f'<div class="ivj-rewrite">{esc(t("flag_try"))}: «{esc(flag.rewrite)}»</div>'
    return f'<div class="ivj-flag"><div>{body}</div>{rewrite}</div>'


def turn_html(turn: StoredTurn, flag: StoredFlag | None, last: bool) -> str:
    role = turn.role if turn.role in ("interviewer", "informant") else "informant"
    who = turn.speaker or role_label(turn.role)
    mark = ""
    if flag is not None and flag.problems:
        mark = (
            '<span class="ivj-tflag">⚑ '
            + esc(", ".join(problem_label(p) for p in flag.problems))
            + "</span>"
        )
    classes = f"ivj-turn {role}" + (" last" if last else "")
    return (
        f'<div class="{classes}" data-idx="{turn.idx}"><span class="ivj-who">{esc(who)}</span>'
        f"{esc(turn.text)}{mark}</div>"
    )


def transcript_html(turns: Sequence[StoredTurn], flags: dict[int, StoredFlag]) -> str:
    if not turns:
        return ""
    last = turns[-1].idx
    return "".join(turn_html(turn, flags.get(turn.idx), turn.idx == last) for turn in turns)


def hint_html(label: str, text: str) -> str:
    return f'<div class="ivj-hint"><b>{esc(label)}:</b> {esc(text)}</div>'


def show_error(exc: BaseException) -> None:
    """One clear line for an error the user can fix; never a traceback."""
    st.error(str(exc), icon="⚠️")
