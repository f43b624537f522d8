"""The review as Markdown: readable as plain text, pastes into notes and wikis.

Deterministic (no dates, no machine paths) so that it can be golden-tested
and diffed between two runs.
"""

from __future__ import annotations

import re

from ._text import clock, excerpt, labels, percent, problems_text
from .report import InterviewReport, ReviewReport

# Markdown and inline-HTML syntax characters; a backslash makes each literal text.
# ( and ) are left: with [ ] escaped they cannot form a link.
_SYNTAX = re.compile(r"([\\`*_\[\]<>!|~#&{}])")
_SCHEME = re.compile(r"(?i)\b(https?|ftp|javascript|data|vbscript|file|mailto)(:)")
_WWW = re.compile(r"(?i)\bwww\.")


def _inert(text: object) -> str:
    """Transcript text as literal Markdown: no HTML, links, images or autolinks.

    What was said or pasted may contain ``<script>``, ``<img onerror=…>``,
    ``[x](javascript:…)`` or a remote image that beacons when the file is
    opened; every syntax character is backslash-escaped (CommonMark shows it
    as itself) and URL schemes and ``www.`` are broken so no autolink forms.
    """
    out = _SYNTAX.sub(r"\\\1", " ".join(str(text).split()))
    out = _SCHEME.sub(r"\1\\\2", out)
    return _WWW.sub("www\\.", out)


def _cell(text: str) -> str:
    return _inert(text)


def render_markdown(report: ReviewReport) -> str:
    """The whole report (summary first, then one section per interview)."""
    w = labels(report.language)
    s = report.summary
    out: list[str] = [f"# {w['title']}", ""]
    out.append(f"- {w['guide']}: {_inert(s.guide_title)} (`{s.guide_id.replace('`', '')}`)")
    order = w["order_natural"] if s.order == "natural" else w["order_given"]
    out.append(f"- {w['interviews']}: {s.interviews} ({order})")
    out.append(
        f"- {w['questions']}: {s.questions}; {w['open_share'].lower()} {percent(s.open_share)}; "
        f"{w['follow_up_rate'].lower()} {percent(s.follow_up_rate)}; "
        f"{w['word_share'].lower()} {percent(s.interviewer_word_share)}"
    )
    if report.pseudonymised:
        out.append(f"- {w['pseudonymised']}")
    out.append("")
    if s.interviews > 1:
        out += [f"## {w['learning']}", ""]
        out.append(
            f"| # | {w['file']} | {w['questions']} | {w['open_share']} | {w['leading']} | "
            f"{w['double']} | {w['talk']} | {w['follow_up_rate']} | {w['missed_count']} |"
        )
        out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
        for p in s.learning_curve:
            out.append(
                f"| {p.position} | {_cell(p.file)} | {p.questions} | {percent(p.open_share)} | "
                f"{p.leading} | {p.double} | {percent(p.interviewer_word_share)} | "
                f"{percent(p.follow_up_rate)} | {p.missed_followups} |"
            )
        out.append("")
        out += [f"## {w['skipped']}", ""]
        if s.skipped_questions:
            for q in s.skipped_questions:
                never = w["never_in"].format(never=q.never_asked_in, total=q.interviews)
                out.append(
                    f"- `{q.question_id}` ({w['topic'].lower()} {q.topic_index}): "
                    f"{_inert(q.text)} – {never}"
                )
        else:
            out.append(w["skipped_none"])
        out.append("")
    for number, interview in enumerate(report.interviews, start=1):
        out += _interview(interview, number, report)
    out += [f"## {w['definitions']}", ""]
    for key in ("def_words", "def_follow", "def_missed", "def_topics"):
        out.append(f"- {w[key]}")
    out.append("")
    return "\n".join(out)


def _interview(r: InterviewReport, number: int, report: ReviewReport) -> list[str]:
    w = labels(report.language)
    lang = report.language
    st = r.stats
    out = [f"## {w['interview']} {number}: {_inert(r.file)}", ""]
    people = f"{w['interviewer']}: {_inert(r.interviewer or '–')}"
    if r.informants:
        people += f"; {w['informant']}: {_inert(', '.join(r.informants))}"
    if st.duration_seconds is not None:
        people += f"; {w['duration']}: {clock(st.duration_seconds)}"
    out += [people + f"; {r.turns} {w['turns']}", ""]
    out += [f"### {w['key_figures']}", ""]
    out.append(
        f"- {w['questions']}: {st.questions} – {w['open'].lower()} {st.open} "
        f"({percent(st.open_share)}), {w['closed'].lower()} {st.closed} "
        f"({percent(st.closed_share)}), {w['leading'].lower()} {st.leading}, "
        f"{w['double'].lower()} {st.double}, {w['why'].lower()} {st.why}"
    )
    out.append(f"- {w['follow_up_rate']}: {percent(st.follow_up_rate)} ({st.follow_ups})")
    out.append(
        f"- {w['word_share']}: {percent(r.interviewer_word_share)} ({r.interviewer_word_share})"
    )
    if st.interviewer_time_share is not None:
        out.append(f"- {w['time_share']}: {percent(st.interviewer_time_share)}")
    out.append(f"- {w['missed_count']}: {len(r.missed_followups)}")
    out.append("")
    out += [f"### {w['coverage']}", ""]
    out.append(
        f"| {w['topic']} | {w['asked']} | {w['never_asked']} | {w['questions']} | {w['minutes']} |"
    )
    out.append("|---|---:|---|---:|---:|")
    for c in r.coverage:
        never = "; ".join(f"«{_cell(q)}»" for q in c.never_asked_text or c.never_asked) or "–"
        mins = "–" if c.minutes is None else f"{c.minutes:g}"
        out.append(
            f"| {c.topic_index}. {_cell(c.title)} | {len(c.asked)}/{c.total} | {never} | "
            f"{c.questions} | {mins} |"
        )
    out.append("")
    out += [f"### {w['all_questions']}", ""]
    out.append(
        f"| {w['turn']} | {w['time']} | {w['topic']} | {w['question']} "
        f"| {w['form']} | {w['problems']} | {w['follow_up']} |"
    )
    out.append("|---:|---|---:|---|---|---|---|")
    missed_before = {m.next_turn_index: m for m in r.missed_followups}
    for q in r.questions:
        topic = "" if q.topic_index is None else str(q.topic_index)
        follow = w["yes"] if q.follow_up else w["new"]
        if q.turn_index in missed_before:
            words = missed_before[q.turn_index].words or excerpt(missed_before[q.turn_index].text)
            follow += " ⚠ " + w["missed_here"].format(words=_cell(words))
        out.append(
            f"| {q.turn_index} | {clock(q.start)} | {topic} | {_cell(q.text)} | "
            f"{w['form_' + q.form]} | {problems_text(q.problems, lang)} | {follow} |"
        )
    out.append("")
    flagged = [q for q in r.questions if q.problems]
    if flagged:
        out += [f"### {w['problem_details']}", ""]
        for q in flagged:
            flags = problems_text(q.problems, lang)
            line = f"- {w['turn']} {q.turn_index} ({flags}): «{_cell(q.text)}»"
            if q.explanation:
                line += f" {_inert(q.explanation)}"
            if q.rewrite:
                line += f" {w['rewrite']}: «{_inert(q.rewrite)}»"
            out.append(line)
        out.append("")
    out += [f"### {w['missed']}", ""]
    if r.missed_followups:
        for m in r.missed_followups:
            out.append(f"- {w['turn']} {m.turn_index}: «{_inert(excerpt(m.text))}»")
            if m.words:
                out.append(f"  - {w['called_for']}: «{_cell(m.words)}»")
            out.append(f"  - {w['cues']}: {_inert('; '.join(m.cue_labels(report.language)))}")
            out.append(
                f"  - {w['next_question']} ({w['turn'].lower()} {m.next_turn_index}): "
                f"«{_cell(m.next_question)}»"
            )
            if m.suggestion:
                out.append(f"  - {w['could_ask']}: «{_inert(m.suggestion)}»")
    else:
        out.append(w["missed_none"])
    out.append("")
    out += [f"### {w['key_terms']}", ""]
    if r.key_terms:
        out.append(", ".join(f"{_inert(k.term)} ({k.count})" for k in r.key_terms))
    else:
        out.append(w["key_terms_none"])
    out.append("")
    return out
