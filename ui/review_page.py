"""Gjennomgang: review one or many interviews (uploaded files or saved sessions).

The review itself is :func:`intervju.review.core.review_many`; this page only
collects the transcripts, shows the report's numbers as altair charts and
tables, and offers every export for download. A file that cannot be read is
skipped with a one-line warning; the others are still reviewed.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Literal

import altair as alt
import pandas as pd
import streamlit as st

from intervju.errors import IntervjuError
from intervju.export import session_transcript
from intervju.models import Transcript
from intervju.readers import read_transcript_bytes
from intervju.review import ReportFormat, report_bytes
from intervju.review.report import InterviewReport, ReviewReport
from intervju.settings import Settings
from intervju.storage import SessionStore

from . import resources
from .strings import lang, problem_label, t


def _collect(settings: Settings, store: SessionStore | None) -> tuple[list[Transcript], list[str]]:
    transcripts: list[Transcript] = []
    names: list[str] = []
    for upload in st.session_state.get("review_files") or []:
        try:
            transcripts.append(read_transcript_bytes(upload.getvalue(), upload.name))
            names.append(upload.name)
        except IntervjuError as exc:
            st.warning(t("review_skipped", file=upload.name, msg=exc.message), icon="⚠️")
    if store is not None:
        for session_id in st.session_state.get("review_sessions") or []:
            try:
                transcript = session_transcript(store, int(session_id))
            except IntervjuError as exc:
                st.warning(t("review_skipped", file=session_id, msg=exc.message), icon="⚠️")
                continue
            if transcript.turns:
                transcripts.append(transcript)
                names.append(transcript.source or f"session-{session_id}")
    return transcripts, names


def _run(settings: Settings, store: SessionStore | None) -> None:
    transcripts, names = _collect(settings, store)
    if not transcripts:
        st.info(t("review_nothing"))
        return
    from intervju.review.core import in_review_order, review_many

    choices = resources.guide_choices(settings)
    guide = resources.guide_at(choices[st.session_state["review_guide"]])
    bar = st.progress(0.0)

    def progress(done: int, total: int, name: str) -> None:
        bar.progress(
            done / total if total else 1.0,
            text=t("review_working", file=name, i=done + 1, n=total) if name else None,
        )

    report = review_many(
        transcripts,
        guide,
        embeddings=resources.current_embedder(settings),
        files=names,
        pseudonymise=bool(st.session_state.get("review_pseudo")),
        order="natural" if st.session_state.get("review_natural") else "given",
        progress=progress,
    )
    bar.empty()
    st.session_state["review_report"] = report
    order: Literal["given", "natural"] = (
        "natural" if st.session_state.get("review_natural") else "given"
    )
    st.session_state["review_transcripts"] = in_review_order(transcripts, names, order)[1]


def _timeline_chart(report: ReviewReport) -> Any:
    """The smoothed open share (a moving window, see review.metrics.open_curve).

    By minutes when every interview has times, else by question number.
    """
    timed = all(p.by_time for i in report.interviews for p in i.open_curve)
    axis = t("axis_minute") if timed else t("axis_question_no")
    rows = [
        {
            t("axis_interview"): interview.file,
            axis: round(p.at / 60, 1) if timed else p.at,
            t("axis_share"): p.open_share,
            t("review_questions"): p.questions,
        }
        for interview in report.interviews
        for p in interview.open_curve
        if p.by_time == timed
    ]
    frame = pd.DataFrame(rows)
    return (
        alt.Chart(frame, title=t("chart_timeline"))
        .mark_line(interpolate="monotone")
        .encode(
            x=alt.X(f"{axis}:Q"),
            y=alt.Y(
                f"{t('axis_share')}:Q", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])
            ),
            color=alt.Color(f"{t('axis_interview')}:N", legend=alt.Legend(orient="bottom")),
            tooltip=[
                t("axis_interview"),
                axis,
                t("review_questions"),
                alt.Tooltip(f"{t('axis_share')}:Q", format=".0%"),
            ],
        )
    )


def _curve_chart(report: ReviewReport) -> Any:
    rows = []
    for point in report.summary.learning_curve:
        label = f"{point.position}. {point.file}"
        for measure, value in (
            (t("measure_open"), point.open_share),
            (t("measure_follow"), point.follow_up_rate),
            (t("measure_talk"), point.interviewer_word_share),
        ):
            rows.append(
                {
                    t("axis_interview"): label,
                    "n": point.position,
                    t("axis_measure"): measure,
                    t("axis_share"): value,
                }
            )
    frame = pd.DataFrame(rows)
    return (
        alt.Chart(frame, title=t("chart_curve"))
        .mark_line(point=True)
        .encode(
            x=alt.X(f"{t('axis_interview')}:N", sort=alt.SortField("n")),
            y=alt.Y(
                f"{t('axis_share')}:Q", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])
            ),
            color=alt.Color(f"{t('axis_measure')}:N", legend=alt.Legend(orient="bottom")),
            tooltip=[
                t("axis_interview"),
                t("axis_measure"),
                alt.Tooltip(f"{t('axis_share')}:Q", format=".0%"),
            ],
        )
    )


def _talk_chart(report: ReviewReport) -> Any:
    rows = []
    for position, interview in enumerate(report.interviews, start=1):
        share = interview.interviewer_word_share
        rows.append(
            {
                t("axis_interview"): f"{position}. {interview.file}",
                "n": position,
                t("axis_speaker"): t("interviewer_label"),
                t("axis_share"): share,
            }
        )
        rows.append(
            {
                t("axis_interview"): f"{position}. {interview.file}",
                "n": position,
                t("axis_speaker"): t("informant_label"),
                t("axis_share"): 1 - share,
            }
        )
    frame = pd.DataFrame(rows)
    return (
        alt.Chart(frame, title=t("chart_talk"))
        .mark_bar()
        .encode(
            y=alt.Y(f"{t('axis_interview')}:N", sort=alt.SortField("n"), title=None),
            x=alt.X(f"{t('axis_share')}:Q", stack="normalize", axis=alt.Axis(format="%")),
            color=alt.Color(f"{t('axis_speaker')}:N", legend=alt.Legend(orient="bottom")),
            tooltip=[
                t("axis_interview"),
                t("axis_speaker"),
                alt.Tooltip(f"{t('axis_share')}:Q", format=".0%"),
            ],
        )
    )


def _interview_tables(report: ReviewReport, interview: InterviewReport) -> None:
    topics = report.guide_topics
    # Beside the question that came instead: the informant's words left hanging.
    missed_words = {m.next_turn_index: f"⚠ «{m.words}»" for m in interview.missed_followups}
    questions = pd.DataFrame(
        [
            {
                t("col_turn"): q.turn_index,
                t("col_text"): q.text,
                t("col_problems"): ", ".join(problem_label(p) for p in q.problems),
                t("col_rewrite"): q.rewrite or "",
                t("col_topic"): topics[q.topic_index - 1]
                if q.topic_index and q.topic_index <= len(topics)
                else "",
                t("col_follow"): "✓" if q.follow_up else "",
                t("col_answer"): q.answer_seconds,
                t("col_missed_before"): missed_words.get(q.turn_index, ""),
            }
            for q in interview.questions
        ]
    )
    st.markdown(f"**{t('review_question_table')}**")
    st.dataframe(questions, hide_index=True, use_container_width=True)
    left, right = st.columns([3, 2])
    with left:
        st.markdown(f"**{t('review_missed')}**")
        missed = pd.DataFrame(
            [
                {
                    t("col_turn"): m.turn_index,
                    t("col_words"): m.words,
                    t("col_said"): m.text,
                    t("col_cues"): ", ".join(m.cue_labels(lang())),
                    t("col_next"): m.next_question,
                    t("col_suggest"): m.suggestion,
                }
                for m in interview.missed_followups
            ]
        )
        st.dataframe(missed, hide_index=True, use_container_width=True)
        st.markdown(f"**{t('review_coverage')}**")
        coverage = pd.DataFrame(
            [
                {
                    t("col_topic"): f"{c.topic_index}. {c.title}",
                    t("col_asked"): f"{len(c.asked)}/{c.total}",
                    t("col_never"): "\n".join(c.never_asked_text or c.never_asked),
                }
                for c in interview.coverage
            ]
        )
        st.dataframe(coverage, hide_index=True, use_container_width=True)
    with right:
        st.markdown(f"**{t('review_terms')}**")
        terms = pd.DataFrame(
            [{t("col_term"): k.term, t("col_count"): k.count} for k in interview.key_terms]
        )
        st.dataframe(terms, hide_index=True, use_container_width=True)


def _downloads(report: ReviewReport) -> None:
    st.markdown(f"**{t('review_downloads')}**")
    exports: tuple[tuple[str, ReportFormat, str], ...] = (
        ("HTML", "html", "text/html"),
        ("Markdown", "md", "text/markdown"),
        ("CSV", "csv", "text/csv"),
        ("JSON", "json", "application/json"),
    )
    for col, (label, fmt, mime) in zip(st.columns(len(exports)), exports, strict=True):
        col.download_button(
            label,
            # Built when clicked, not on every rerun of the page.
            partial(_export_bytes, report, fmt),
            file_name=f"intervju-gjennomgang.{fmt}",
            mime=mime,
            key=f"review_dl_{fmt}",
            on_click="ignore",
        )
    _qdpx_download(report)


def _qdpx_download(report: ReviewReport) -> None:
    transcripts = st.session_state.get("review_transcripts")
    if not isinstance(transcripts, list) or len(transcripts) != len(report.interviews):
        return
    st.download_button(
        t("review_qdpx"),
        partial(_qdpx_bytes, report, transcripts),
        file_name="intervju-studie.qdpx",
        mime="application/zip",
        key="review_dl_qdpx",
        help=t("review_qdpx_help"),
        on_click="ignore",
    )


def _qdpx_bytes(report: ReviewReport, transcripts: list[Transcript]) -> bytes:
    from intervju.review.qdpx import build_qdpx

    return build_qdpx(report, transcripts)


def _export_bytes(report: ReviewReport, fmt: ReportFormat) -> bytes:
    return report_bytes(report, fmt)  # the core adds the CSV byte-order mark


def _show(report: ReviewReport) -> None:
    summary = report.summary
    st.subheader(t("review_summary"))
    row = st.columns(4)
    row[0].metric(t("review_questions"), summary.questions)
    row[1].metric(t("review_open_share"), f"{summary.open_share:.0%}")
    row[2].metric(t("review_follow_rate"), f"{summary.follow_up_rate:.0%}")
    row[3].metric(t("review_talk_share"), f"{summary.interviewer_word_share:.0%}")
    _downloads(report)
    st.altair_chart(_timeline_chart(report), use_container_width=True)
    left, right = st.columns(2)
    with left:
        if len(report.interviews) > 1:
            st.altair_chart(_curve_chart(report), use_container_width=True)
        else:
            st.caption(t("review_curve_needs_more"))
    with right:
        st.altair_chart(_talk_chart(report), use_container_width=True)
    if summary.skipped_questions:
        st.markdown(f"**{t('review_skipped_q')}**")
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        t("col_topic"): s.topic_index,
                        t("col_text"): s.text,
                        t("col_never"): f"{s.never_asked_in}/{s.interviews}",
                    }
                    for s in summary.skipped_questions
                ]
            ),
            hide_index=True,
            use_container_width=True,
        )
    files = [i.file for i in report.interviews]
    chosen = st.selectbox(
        t("review_pick_interview"),
        range(len(files)),
        format_func=lambda i: files[i],
        key="review_pick",
    )
    _interview_tables(report, report.interviews[int(chosen or 0)])


def render() -> None:
    settings: Settings = st.session_state["settings"]
    st.title(t("page_review"))
    st.caption(t("review_intro"))
    store: SessionStore | None
    try:
        store = resources.store_for(settings)
        sessions = store.list_sessions()
    except IntervjuError as exc:
        st.error(t("storage_error", msg=str(exc)), icon="⚠️")
        store, sessions = None, ()
    left, right = st.columns(2)
    left.file_uploader(
        t("review_upload"),
        type=["vtt", "docx", "txt", "srt"],
        accept_multiple_files=True,
        key="review_files",
    )
    labels: dict[int, str] = {s.id: f"{s.title} ({s.turn_count})" for s in sessions}
    right.multiselect(
        t("review_sessions"),
        list(labels),
        format_func=lambda i: labels.get(i, str(i)),
        key="review_sessions",
        placeholder=t("multiselect_placeholder") if labels else t("select_empty"),
    )
    choices = list(resources.guide_choices(settings))
    titles = resources.guide_titles(settings)
    right.selectbox(
        t("review_guide"),
        choices,
        index=choices.index("nav-videooppfolging") if "nav-videooppfolging" in choices else 0,
        key="review_guide",
        format_func=lambda k: titles.get(k, k),
    )
    opts = st.columns(3, vertical_alignment="center")
    opts[0].checkbox(t("review_order"), key="review_natural")
    opts[1].checkbox(t("review_pseudo"), key="review_pseudo")
    if opts[2].button(t("review_run"), type="primary", key="review_run"):
        try:
            _run(settings, store)
        except IntervjuError as exc:
            st.error(str(exc), icon="⚠️")
    _search(settings, store)
    report: Any = st.session_state.get("review_report")
    if isinstance(report, ReviewReport) and report.interviews:
        _show(report)


def _search(settings: Settings, store: SessionStore | None) -> None:
    """Semantic search over the chosen interviews (files and sessions), index on disk."""
    with st.expander(t("search_title"), expanded=bool(st.session_state.get("review_query"))):
        query = st.text_input(t("search_box"), key="review_query", help=t("search_help"))
        if not query.strip():
            return
        transcripts, names = _collect(settings, store)
        if not transcripts:
            st.info(t("search_nothing"))
            return
        from intervju.search import StudyIndex, index_folder, transcript_source

        sources = [transcript_source(n, tr) for n, tr in zip(names, transcripts, strict=True)]
        try:
            index = StudyIndex.build(
                sources, resources.current_embedder(settings), index_folder(settings.data_dir)
            )
            hits = index.search(query, 10)
        except IntervjuError as exc:
            st.error(str(exc), icon="⚠️")
            return
        if not hits:
            st.caption(t("search_none"))
            return
        rows = [
            {
                t("col_interview"): h.passage.source,
                t("col_time"): _clock(h.passage.start),
                t("col_speaker"): h.passage.speaker,
                t("col_said"): h.passage.text,
                t("col_score"): round(h.score, 3),
            }
            for h in hits
        ]
        st.dataframe(pd.DataFrame(rows), hide_index=True, use_container_width=True)


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    whole = int(seconds)
    return f"{whole // 60:02d}:{whole % 60:02d}"
