"""The review as one self-contained HTML page: inline CSS, charts as inline SVG.

Why hand-drawn SVG rather than altair: an altair/vega-lite chart needs the
vega JavaScript at view time, and a transcript report must open offline and
never fetch anything. The charts here are a few rectangles and lines, so
drawing them directly keeps the page self-contained, printable (vector) and
dependency-free. ``@media print`` lays the page out for A4: each interview
starts on a new page and tables, cards and charts are not split.
"""

from __future__ import annotations

from html import escape

from ..lang import as_lang
from ._text import clock, excerpt, labels, percent, problems_text
from .report import InterviewReport, LearningPoint, ReviewReport, TimelineBin

OPEN = "#2f855a"
CLOSED = "#dd6b20"
LEADING = "#c53030"
DOUBLE = "#6b46c1"
FOLLOW = "#2b6cb0"
MUTED = "#718096"
INTERVIEWER = "#4a5568"
INFORMANT = "#90cdf4"

_CSS = """
:root { --ink:#1a202c; --muted:#4a5568; --line:#e2e8f0; --soft:#f7fafc; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial,
  sans-serif;
  color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px 28px 48px;
  line-height: 1.45; font-size: 14px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 8px; padding-bottom: 4px;
  border-bottom: 2px solid var(--line); }
h3 { font-size: 15px; margin: 20px 0 6px; color: var(--muted); text-transform: uppercase;
  letter-spacing: .04em; }
p.meta { color: var(--muted); margin: 0 0 12px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
  gap: 8px;
  margin: 8px 0 4px; }
.tile { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px;
  background: var(--soft); }
.tile b { display: block; font-size: 20px; }
.tile span { color: var(--muted); font-size: 12px; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; align-items: start; }
figure { margin: 8px 0; }
figcaption { color: var(--muted); font-size: 12px; margin-top: 2px; }
svg text { font-family: inherit; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 6px; text-align: left;
  vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.rewrite td { border-top: none; color: var(--muted); font-size: 12px; padding-top: 0; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 11px;
  color: #fff; margin: 1px 2px 1px 0; white-space: nowrap; }
.b-closed { background: $CLOSED; } .b-leading { background: $LEADING; }
.b-double { background: $DOUBLE; } .b-why { background: $MUTED; }
.b-follow { background: $FOLLOW; } .b-new { background: #a0aec0; } .b-open { background: $OPEN; }
.card { border: 1px solid var(--line); border-left: 4px solid $CLOSED;
  border-radius: 6px; padding: 8px 12px; margin: 8px 0; background: #fffaf0; }
.card p { margin: 3px 0; }
.card .label { color: var(--muted); font-size: 12px; }
.chips span { display: inline-block; border: 1px solid var(--line); border-radius: 12px;
  padding: 1px 9px; margin: 2px 4px 2px 0; background: var(--soft); }
.never { color: var(--muted); font-size: 12px; }
.legend span { display: inline-block; margin-right: 12px; font-size: 12px; color: var(--muted); }
.legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px;
  vertical-align: -1px; border-radius: 2px; }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line);
  padding-top: 8px; }
ul.defs { color: var(--muted); font-size: 12px; padding-left: 18px; }
@media (max-width: 760px) { .charts { grid-template-columns: 1fr; } }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.interview { break-before: page; }
  h2, h3 { break-after: avoid; }
  tr, .card, figure, .tile { break-inside: avoid; }
  thead { display: table-header-group; }
  .charts { grid-template-columns: 1fr 1fr; }
  a { color: inherit; text-decoration: none; }
}
"""

# The colours are shared with the SVG charts; one definition each.
CSS = (
    _CSS.replace("$CLOSED", CLOSED)
    .replace("$LEADING", LEADING)
    .replace("$DOUBLE", DOUBLE)
    .replace("$MUTED", MUTED)
    .replace("$FOLLOW", FOLLOW)
    .replace("$OPEN", OPEN)
)


CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def render_html(report: ReviewReport) -> str:
    """The whole report as one HTML document (UTF-8 text)."""
    w = labels(report.language)
    s = report.summary
    parts: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{as_lang(report.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        # Loads nothing from anywhere: no scripts, no remote images, fonts or frames.
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(w['title'])}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(w['title'])}</h1>",
    ]
    order = w["order_natural"] if s.order == "natural" else w["order_given"]
    meta = f"{_e(w['guide'])}: {_e(s.guide_title)} · "
    meta += f"{_e(w['interviews'])}: {s.interviews} ({_e(order)})"
    if report.pseudonymised:
        meta += f" · {_e(w['pseudonymised'])}"
    parts.append(f'<p class="meta">{meta}</p>')
    parts.append('<div class="tiles">')
    parts.append(_tile(str(s.questions), w["questions"]))
    parts.append(_tile(percent(s.open_share), w["open_share"]))
    parts.append(_tile(percent(s.follow_up_rate), w["follow_up_rate"]))
    parts.append(_tile(percent(s.interviewer_word_share), w["word_share"]))
    parts.append("</div>")
    if s.interviews > 1:
        parts.append(f"<h2>{_e(w['learning'])}</h2>")
        parts.append('<div class="charts">')
        parts.append(
            f"<figure>{_curve_svg(s.learning_curve, report.language)}"
            f"<figcaption>{_e(w['learning_note'])}</figcaption></figure>"
        )
        parts.append(
            f"<figure>{_counts_svg(s.learning_curve, report.language)}"
            f"<figcaption>{_e(w['leading'])} / {_e(w['double'])}</figcaption></figure>"
        )
        parts.append("</div>")
        parts.append(_curve_table(report))
        parts.append(f"<h3>{_e(w['skipped'])}</h3>")
        if s.skipped_questions:
            parts.append("<ul>")
            for q in s.skipped_questions:
                never = w["never_in"].format(never=q.never_asked_in, total=q.interviews)
                parts.append(
                    f"<li><code>{_e(q.question_id)}</code> ({_e(w['topic'].lower())} "
                    f"{q.topic_index}): {_e(q.text)} <span class=never>– {_e(never)}</span></li>"
                )
            parts.append("</ul>")
        else:
            parts.append(f"<p>{_e(w['skipped_none'])}</p>")
    for number, interview in enumerate(report.interviews, start=1):
        parts.append(_interview(interview, number, report))
    parts.append(f"<footer><b>{_e(w['definitions'])}</b><ul class=defs>")
    for key in ("def_words", "def_follow", "def_missed", "def_topics"):
        parts.append(f"<li>{_e(w[key])}</li>")
    parts.append(f"</ul>{_e(w['generated'])}</footer>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _tile(value: str, label: str) -> str:
    return f'<div class="tile"><b>{_e(value)}</b><span>{_e(label)}</span></div>'


def _curve_table(report: ReviewReport) -> str:
    w = labels(report.language)
    rows = [
        "<table><thead><tr>",
        f"<th class=num>#</th><th>{_e(w['file'])}</th><th class=num>{_e(w['questions'])}</th>"
        f"<th class=num>{_e(w['open_share'])}</th><th class=num>{_e(w['leading'])}</th>"
        f"<th class=num>{_e(w['double'])}</th><th class=num>{_e(w['talk'])}</th>"
        f"<th class=num>{_e(w['follow_up_rate'])}</th><th class=num>{_e(w['missed_count'])}</th>",
        "</tr></thead><tbody>",
    ]
    for p in report.summary.learning_curve:
        rows.append(
            f"<tr><td class=num>{p.position}</td><td>{_e(p.file)}</td>"
            f"<td class=num>{p.questions}</td><td class=num>{percent(p.open_share)}</td>"
            f"<td class=num>{p.leading}</td><td class=num>{p.double}</td>"
            f"<td class=num>{percent(p.interviewer_word_share)}</td>"
            f"<td class=num>{percent(p.follow_up_rate)}</td>"
            f"<td class=num>{p.missed_followups}</td></tr>"
        )
    rows.append("</tbody></table>")
    return "\n".join(rows)


def _legend(items: list[tuple[str, str]]) -> str:
    return (
        '<div class="legend">'
        + "".join(f'<span><i style="background:{c}"></i>{_e(t)}</span>' for t, c in items)
        + "</div>"
    )


def _curve_svg(points: tuple[LearningPoint, ...], language: str) -> str:
    """Open share, follow-up rate and interviewer word share per interview (0-100 %)."""
    w = labels(language)
    width, height, left, right, top, bottom = 480, 220, 40, 12, 12, 28
    inner_w, inner_h = width - left - right, height - top - bottom
    n = len(points)

    def x(i: int) -> float:
        return left + (inner_w * (i / (n - 1)) if n > 1 else inner_w / 2)

    def y(v: float) -> float:
        return top + inner_h * (1 - v)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-label="{_e(w["learning"])}">'
    ]
    for v in (0, 0.25, 0.5, 0.75, 1.0):
        out.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
            f'stroke="#e2e8f0"/><text x="{left - 6}" y="{y(v) + 4:.1f}" font-size="10" '
            f'text-anchor="end" fill="#718096">{int(v * 100)} %</text>'
        )
    for i, p in enumerate(points):
        out.append(
            f'<text x="{x(i):.1f}" y="{height - 10}" font-size="10" text-anchor="middle" '
            f'fill="#4a5568">{p.position}</text>'
        )
    series = [
        ([p.open_share for p in points], OPEN, ""),
        ([p.follow_up_rate for p in points], FOLLOW, ""),
        ([p.interviewer_word_share for p in points], INTERVIEWER, ' stroke-dasharray="4 3"'),
    ]
    for values, color, dash in series:
        path = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        out.append(
            f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2.2"{dash}/>'
        )
        for i, v in enumerate(values):
            out.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3.2" fill="{color}"/>')
    out.append("</svg>")
    legend = _legend(
        [(w["open_share"], OPEN), (w["follow_up_rate"], FOLLOW), (w["talk"], INTERVIEWER)]
    )
    return "".join(out) + legend


def _counts_svg(points: tuple[LearningPoint, ...], language: str) -> str:
    """Leading and double questions per interview, as paired bars."""
    w = labels(language)
    width, height, left, right, top, bottom = 480, 220, 32, 12, 12, 28
    inner_w, inner_h = width - left - right, height - top - bottom
    top_value = max([1] + [max(p.leading, p.double) for p in points])
    n = max(len(points), 1)
    slot = inner_w / n
    bar = min(22.0, slot / 3)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-label="{_e(w["leading"])} / {_e(w["double"])}">'
    ]
    step = max(1, round(top_value / 4))
    for v in range(0, top_value + 1, step):
        yy = top + inner_h * (1 - v / top_value)
        out.append(
            f'<line x1="{left}" x2="{width - right}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="#e2e8f0"/>'
            f'<text x="{left - 6}" y="{yy + 4:.1f}" font-size="10" text-anchor="end" '
            f'fill="#718096">{v}</text>'
        )
    for i, p in enumerate(points):
        cx = left + slot * (i + 0.5)
        for j, (value, color) in enumerate(((p.leading, LEADING), (p.double, DOUBLE))):
            h = inner_h * value / top_value
            xx = cx - bar + j * bar
            out.append(
                f'<rect x="{xx:.1f}" y="{top + inner_h - h:.1f}" width="{bar - 2:.1f}" '
                f'height="{h:.1f}" fill="{color}" rx="2"/>'
            )
        out.append(
            f'<text x="{cx:.1f}" y="{height - 10}" font-size="10" text-anchor="middle" '
            f'fill="#4a5568">{p.position}</text>'
        )
    out.append("</svg>")
    return "".join(out) + _legend([(w["leading"], LEADING), (w["double"], DOUBLE)])


def _timeline_svg(bins: tuple[TimelineBin, ...], language: str, timed: bool) -> str:
    """Stacked open/closed bars per tenth, with leading and double questions as dots."""
    w = labels(language)
    width, height, left, right, top, bottom = 480, 200, 28, 8, 14, 30
    inner_w, inner_h = width - left - right, height - top - bottom
    n = max(len(bins), 1)
    top_value = max([1] + [b.questions for b in bins])
    slot = inner_w / n
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-label="{_e(w["timeline"])}">'
    ]
    out.append(
        f'<line x1="{left}" x2="{width - right}" y1="{top + inner_h}" y2="{top + inner_h}" '
        f'stroke="#a0aec0"/>'
        f'<text x="{left - 6}" y="{top + 4}" font-size="10" text-anchor="end" '
        f'fill="#718096">{top_value}</text>'
    )
    for i, b in enumerate(bins):
        x0 = left + slot * i + 3
        bw = slot - 6
        base = float(top + inner_h)
        other = b.questions - b.open - b.closed
        for value, color in ((b.open, OPEN), (b.closed, CLOSED), (other, "#cbd5e0")):
            if value <= 0:
                continue
            h = inner_h * value / top_value
            base -= h
            out.append(
                f'<rect x="{x0:.1f}" y="{base:.1f}" width="{bw:.1f}" height="{h:.1f}" '
                f'fill="{color}"/>'
            )
        marks = [LEADING] * b.leading + [DOUBLE] * b.double
        for k, color in enumerate(marks[:6]):
            out.append(
                f'<circle cx="{x0 + 5 + k * 8:.1f}" cy="{top + inner_h + 8:.1f}" r="3" '
                f'fill="{color}"/>'
            )
        label = clock(b.start) if timed else str(b.bin)
        out.append(
            f'<text x="{x0 + bw / 2:.1f}" y="{height - 4}" font-size="9" text-anchor="middle" '
            f'fill="#4a5568">{_e(label)}</text>'
        )
    out.append("</svg>")
    legend = _legend(
        [
            (w["open"], OPEN),
            (w["closed"], CLOSED),
            (w["leading"], LEADING),
            (w["double"], DOUBLE),
        ]
    )
    return "".join(out) + legend


def _share_bar(share: float, time_share: float | None, language: str) -> str:
    w = labels(language)
    rows = [(w["talk"], share)]
    if time_share is not None:
        rows.append((w["time_share"], time_share))
    width, row_h = 480, 26
    height = row_h * len(rows) + 6
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-label="{_e(w["talk"])}">'
    ]
    label_w, bar_w = 170, width - 170 - 8
    for i, (label, value) in enumerate(rows):
        y = 3 + i * row_h
        mine = bar_w * value
        out.append(
            f'<text x="0" y="{y + 15}" font-size="11" fill="#4a5568">{_e(label)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{mine:.1f}" height="18" fill="{INTERVIEWER}"/>'
            f'<rect x="{label_w + mine:.1f}" y="{y}" width="{bar_w - mine:.1f}" height="18" '
            f'fill="{INFORMANT}"/>'
            f'<text x="{label_w + 4}" y="{y + 13}" font-size="11" fill="#fff">'
            f"{percent(value)}</text>"
        )
    out.append("</svg>")
    legend = _legend([(w["interviewer"], INTERVIEWER), (w["informant"], INFORMANT)])
    return "".join(out) + legend


def _badges(form: str, problems: tuple[str, ...], language: str) -> str:
    """The form as a coloured badge, then one badge per further problem."""
    w = labels(language)
    css = {"open": "b-open", "closed": "b-closed"}.get(form, "b-new")
    out = [f'<span class="badge {css}">{_e(w["form_" + form])}</span>']
    out += [
        f'<span class="badge b-{p}">{_e(problems_text((p,), language))}</span>'
        for p in problems
        if p != "closed"
    ]
    return "".join(out)


def _interview(r: InterviewReport, number: int, report: ReviewReport) -> str:
    w = labels(report.language)
    lang = report.language
    st = r.stats
    out = [f'<section class="interview" id="intervju-{number}">']
    out.append(f"<h2>{_e(w['interview'])} {number}: {_e(r.file)}</h2>")
    meta = f"{_e(w['interviewer'])}: {_e(r.interviewer or '–')}"
    if r.informants:
        meta += f" · {_e(w['informant'])}: {_e(', '.join(r.informants))}"
    if st.duration_seconds is not None:
        meta += f" · {_e(w['duration'])}: {clock(st.duration_seconds)}"
    meta += f" · {r.turns} {_e(w['turns'])}"
    out.append(f'<p class="meta">{meta}</p>')
    out.append('<div class="tiles">')
    out.append(_tile(str(st.questions), w["questions"]))
    out.append(_tile(percent(st.open_share), w["open_share"]))
    out.append(_tile(str(st.closed), w["closed"]))
    out.append(_tile(str(st.leading), w["leading"]))
    out.append(_tile(str(st.double), w["double"]))
    out.append(_tile(percent(st.follow_up_rate), w["follow_up_rate"]))
    out.append(_tile(percent(r.interviewer_word_share), w["word_share"]))
    out.append(_tile(str(len(r.missed_followups)), w["missed_count"]))
    out.append("</div>")
    timed = bool(r.timeline) and all(b.by_time for b in r.timeline)  # the bins' own unit
    out.append('<div class="charts">')
    out.append(
        f"<figure>{_timeline_svg(r.timeline, lang, timed)}"
        f"<figcaption>{_e(w['timeline'])}</figcaption></figure>"
    )
    out.append(
        f"<figure>{_share_bar(r.interviewer_word_share, st.interviewer_time_share, lang)}</figure>"
    )
    out.append("</div>")
    out.append(f"<h3>{_e(w['coverage'])}</h3>")
    out.append(
        f"<table><thead><tr><th>{_e(w['topic'])}</th><th class=num>{_e(w['asked'])}</th>"
        f"<th>{_e(w['never_asked'])}</th><th class=num>{_e(w['questions'])}</th>"
        f"<th class=num>{_e(w['minutes'])}</th></tr></thead><tbody>"
    )
    for c in r.coverage:
        never = "; ".join(f"«{q}»" for q in c.never_asked_text or c.never_asked) or "–"
        mins = "–" if c.minutes is None else f"{c.minutes:g}"
        fill = 100 * len(c.asked) / c.total if c.total else 0
        bar = (
            f'<svg width="60" height="8" viewBox="0 0 60 8" aria-hidden="true">'
            f'<rect width="60" height="8" fill="#e2e8f0" rx="2"/>'
            f'<rect width="{0.6 * fill:.1f}" height="8" fill="{OPEN}" rx="2"/></svg>'
        )
        out.append(
            f"<tr><td>{c.topic_index}. {_e(c.title)}</td>"
            f"<td class=num>{len(c.asked)}/{c.total} {bar}</td>"
            f"<td class=never>{_e(never)}</td><td class=num>{c.questions}</td>"
            f"<td class=num>{mins}</td></tr>"
        )
    out.append("</tbody></table>")
    out.append(f"<h3>{_e(w['all_questions'])}</h3>")
    out.append(
        f"<table><thead><tr><th class=num>{_e(w['turn'])}</th><th>{_e(w['time'])}</th>"
        f"<th class=num>{_e(w['topic'])}</th><th>{_e(w['question'])}</th>"
        f"<th>{_e(w['form'])}</th><th>{_e(w['follow_up'])}</th></tr></thead><tbody>"
    )
    missed_before = {m.next_turn_index: m for m in r.missed_followups}
    for q in r.questions:
        topic = "" if q.topic_index is None else str(q.topic_index)
        follow = (
            f'<span class="badge b-follow">{_e(w["yes"])}</span>'
            if q.follow_up
            else f'<span class="badge b-new">{_e(w["new"])}</span>'
        )
        if q.turn_index in missed_before:
            m = missed_before[q.turn_index]
            follow += f" ⚠ {_e(w['missed_here'].format(words=m.words or excerpt(m.text, 160)))}"
        out.append(
            f"<tr><td class=num>{q.turn_index}</td><td>{clock(q.start)}</td>"
            f"<td class=num>{topic}</td><td>{_e(q.text)}</td>"
            f"<td>{_badges(q.form, q.problems, lang)}</td><td>{follow}</td></tr>"
        )
        if q.problems and (q.explanation or q.rewrite):
            note = _e(q.explanation)
            if q.rewrite:
                note += f" <b>{_e(w['rewrite'])}:</b> «{_e(q.rewrite)}»"
            out.append(
                f'<tr class="rewrite"><td></td><td></td><td></td><td colspan=3>{note}</td></tr>'
            )
    out.append("</tbody></table>")
    out.append(f"<h3>{_e(w['missed'])}</h3>")
    if r.missed_followups:
        for m in r.missed_followups:
            out.append('<div class="card">')
            out.append(
                f"<p><b>{_e(w['turn'])} {m.turn_index}:</b> «{_e(excerpt(m.text, 320))}»</p>"
            )
            if m.words:
                out.append(
                    f'<p><span class="label">{_e(w["called_for"])}:</span> '
                    f"<b>«{_e(m.words)}»</b></p>"
                )
            out.append(
                f'<p><span class="label">{_e(w["cues"])}:</span> '
                f"{_e('; '.join(m.cue_labels(report.language)))}</p>"
            )
            out.append(
                f'<p><span class="label">{_e(w["next_question"])}:</span> '
                f"«{_e(m.next_question)}»</p>"
            )
            if m.suggestion:
                out.append(
                    f'<p><span class="label">{_e(w["could_ask"])}:</span> '
                    f"<b>«{_e(m.suggestion)}»</b></p>"
                )
            out.append("</div>")
    else:
        out.append(f"<p>{_e(w['missed_none'])}</p>")
    out.append(f"<h3>{_e(w['key_terms'])}</h3>")
    if r.key_terms:
        chips = "".join(f"<span>{_e(k.term)} <b>{k.count}</b></span>" for k in r.key_terms)
        out.append(f'<div class="chips">{chips}</div>')
    else:
        out.append(f"<p>{_e(w['key_terms_none'])}</p>")
    out.append("</section>")
    return "\n".join(out)
