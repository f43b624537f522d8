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
from intervju.tracking import Coverage, TopicCoverage

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
/* The head (clock, flag, cards) sticks to the top of the scrolling page: what matters
   is in view at every width, whether the page was scrolled or opened at the bottom. */
[data-testid="stLayoutWrapper"]:has(> .st-key-ivj_head) {
  position: sticky; top: 0; z-index: 99; background: var(--ivj-bg, #ffffff);
  box-shadow: 0 0.4rem 0.5rem -0.45rem rgba(128, 128, 128, 0.45);
}
.st-key-ivj_head { padding-bottom: 0.3rem; background: var(--ivj-bg, #ffffff); }
/* Scrolling to a control (keyboard, find, a click) stops below the pinned head. */
[data-testid="stAppScrollToBottomContainer"]:has(.st-key-ivj_head) { scroll-padding-top: 62vh; }
[class*="st-key-card_"] { padding: 0.45rem 0.75rem !important; }
.st-key-fix_row { margin-top: -0.6rem; }
.block-container { padding-bottom: 4.5rem !important; }
.ivj-cards-for { font-size: 0.78rem; opacity: 0.65; margin: 0.1rem 0 -0.2rem 0; }
.ivj-cards-for.stale { font-style: italic; }
[class*="st-key-card_"]:has(.ivj-card.stale) { opacity: 0.45; }
/* Long turns are clamped (the whole text is in the «Rett» editor and the export). */
.ivj-turn { display: -webkit-box; -webkit-box-orient: vertical; overflow: hidden;
  -webkit-line-clamp: 2; }
.ivj-turn.last { -webkit-line-clamp: 4; }
@media (max-width: 640px) {
  .ivj-card-text { font-size: 1.08rem !important; line-height: 1.3 !important; }
  .ivj-why { display: none; }
  .ivj-hint { font-size: 0.9rem; }
  .st-key-ivj_head [data-testid="stVerticalBlock"] { gap: 0.4rem; }
  /* Streamlit's header (the sidebar button) covers the top 3.75rem of a narrow page. A head
     with long cards scrolls inside itself rather than cover the newest turn. */
  [data-testid="stLayoutWrapper"]:has(> .st-key-ivj_head) {
    top: 3.5rem; max-height: 50vh; overflow-y: auto;
  }
  [class*="st-key-card_"] { padding: 0.3rem 0.6rem !important; }
  .ivj-intent { font-size: 0.66rem; }
  .ivj-hint { display: -webkit-box; -webkit-box-orient: vertical; overflow: hidden;
    -webkit-line-clamp: 2; }
}
.ivj-q.covered { opacity: 0.55; }
.ivj-muted { opacity: 0.6; font-size: 0.85rem; }
</style>
"""


def inject_css() -> None:
    st.markdown(CSS + _themed_css(), unsafe_allow_html=True)


def _themed_css() -> str:
    """The pieces that depend on the theme or the language (Streamlit's own labels)."""
    dark = getattr(getattr(st.context, "theme", None), "type", "light") == "dark"
    background = "#0e1117" if dark else "#ffffff"
    size = int(st.get_option("server.maxUploadSize") or 200)
    drop = esc(t("uploader_drop") + " · " + t("uploader_limit", mb=size))
    browse = esc(t("uploader_browse"))
    return f"""<style>
:root {{ --ivj-bg: {background}; }}
/* Streamlit offers no parameter for the file uploader's own texts: replace them
   (the accepted file types are in each uploader's own label). */
[data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0 !important; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{
  content: "{drop}"; font-size: 0.85rem; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{
  font-size: 0 !important; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
  content: "{browse}"; font-size: 0.9rem; }}
</style>"""


_FOCUS_JS = """
<script>
(() => {
  const doc = window.document;
  if (doc.__ivjFocus) return;
  doc.__ivjFocus = true;
  const chosen = '[class*="st-key-use_"] button, [class*="st-key-next_"] button,'
    + ' [class*="st-key-ticksug_"] button';
  // A mousedown on a card's button would take the focus from the input: keep it there.
  doc.addEventListener('mousedown', (e) => {
    if (e.target.closest && e.target.closest(chosen)) e.preventDefault();
  }, true);
  doc.addEventListener('click', (e) => {
    if (!(e.target.closest && e.target.closest(chosen))) return;
    const box = doc.querySelector('[data-testid="stChatInputTextArea"]');
    if (box && doc.activeElement !== box) setTimeout(() => box.focus(), 0);
  }, true);
})();
</script>
"""


def keep_focus_in_input() -> None:
    """Clicking a card (or a guide ✓) leaves the typing focus in the input box."""
    st.html(_FOCUS_JS, unsafe_allow_javascript=True)


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
    stamp = _clock_text(elapsed, coverage)
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
            left = _topic_left(topic) if topic.topic_index == coverage.current_topic else ""
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
                f' · <span class="ivj-min">{esc(minutes)}</span>{left}</span>'
            )
        parts.append("</div>")
    return "".join(parts)


def _clock_text(elapsed: float | None, coverage: Coverage) -> str:
    """Elapsed time, and the time left (or over) against the guide's plan."""
    if elapsed is None:
        return t("not_started")
    spent = clock(elapsed)
    planned = sum(topic.planned_minutes for topic in coverage.topics)
    if not planned:
        return t("elapsed", time=spent)
    left = planned - elapsed / 60
    if left >= 0:
        return t("clock_left", elapsed=spent, left=f"{left:.0f}")
    return t("clock_over", elapsed=spent, over=f"{-left:.0f}")


def _topic_left(topic: TopicCoverage) -> str:
    """Time left on the current topic (or over it), as a small addition to its chip."""
    if not topic.planned_minutes:
        return ""
    left = topic.planned_minutes - topic.minutes
    text = (
        t("topic_left", left=f"{left:.0f}") if left >= 0 else t("topic_over", over=f"{-left:.0f}")
    )
    return f' · <span class="ivj-left">{esc(text)}</span>'


def _short(title: str, limit: int = 22) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def opening(text: str, words: int = 7) -> str:
    """The first words of a turn, to say which answer the cards belong to."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def cards_label_html(label: str, turn_idx: int, stale: bool) -> str:
    classes = "ivj-cards-for stale" if stale else "ivj-cards-for"
    return f'<div class="{classes}" data-turn="{turn_idx}">{esc(label)}</div>'


def card_html(suggestion: StoredSuggestion, *, stale: bool = False) -> str:
    classes = "ivj-card used" if suggestion.used else "ivj-card"
    if stale:
        classes += " stale"
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
