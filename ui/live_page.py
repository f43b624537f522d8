"""Live intervju: the second screen beside Teams.

Layout, top to bottom: clock and per-topic progress; the flag on the
interviewer's last question; 2-3 follow-up cards for the informant's last
answer; the next guide question as a quiet hint; the transcript (newest
last); the input. The guide checklist sits to the right when there is room
and below when there is not (Streamlit stacks columns under ~640 px).

Data flow: every input (typed line, paste, followed file, import) is first
committed to the :class:`~intervju.storage.SessionStore`, then fed through
the live engine (:class:`intervju.recorder.Recorder`), which stores what it produced; the
page renders *only from the store*. So what is on screen is always already on
disk, and a reload or a restart shows the same screen. Input handlers run as
widget callbacks, i.e. before the page is drawn, so a new turn appears in the
same run that stored it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

import streamlit as st

from intervju import follow as following
from intervju.errors import IntervjuError
from intervju.export import export_session, import_transcript
from intervju.ingest import ingest_paste
from intervju.models import Role
from intervju.readers import read_transcript_bytes
from intervju.recorder import Recorder
from intervju.settings import Settings
from intervju.storage import SessionInfo, SessionStore, StoredFlag, StoredTurn
from intervju.typed import Speaker, other, parse_line

from . import components as c
from . import correction, listen_panel, resources
from .strings import role_label, t

RECENT_TURNS = 3  # turns shown unfolded above the input (newest last)
SWITCH_SHORTCUT = "Alt+S"
CLOCK_SECONDS = 15.0
_TIMING = bool(os.environ.get("INTERVJU_UI_TIMING"))  # print where the time of a turn goes
FOLLOW_SECONDS = 2.0
# ---------------------------------------------------------------------------
# Session selection (the id lives in the URL so a reload finds it)


def _settings() -> Settings:
    settings: Settings = st.session_state["settings"]
    return settings


def current_session(store: SessionStore) -> SessionInfo | None:
    sessions = store.list_sessions()
    by_id = {s.id: s for s in sessions}
    raw = st.query_params.get("s", "")
    chosen: int | None = int(raw) if raw.isdigit() and int(raw) in by_id else None
    if chosen is None:
        remembered = st.session_state.get("sid")
        chosen = remembered if remembered in by_id else None
    if chosen is None and sessions and not st.session_state.get("no_auto_pick"):
        chosen = sessions[0].id
    if chosen is None:
        st.query_params.pop("s", None)
        return None
    st.session_state["sid"] = chosen
    if st.query_params.get("s") != str(chosen):
        st.query_params["s"] = str(chosen)
    return by_id[chosen]


def _select(session_id: int | None) -> None:
    """Show ``session_id``; None shows no session (after a delete: never jump to another)."""
    st.session_state["sid"] = session_id
    st.session_state["no_auto_pick"] = session_id is None
    st.session_state.pop("live_speaker", None)
    st.session_state.pop("replay", None)
    st.session_state.pop("confirm_delete", None)
    if session_id is None:
        st.query_params.pop("s", None)
    else:
        st.query_params["s"] = str(session_id)


def _flash(kind: str, message: str) -> None:
    st.session_state["live_flash"] = (kind, message)


def _show_flash() -> None:
    item = st.session_state.pop("live_flash", None)
    if item is None:
        return
    kind, message = item
    if kind == "error":
        st.error(message, icon="⚠️")
    else:  # a passing note: a toast takes no room from the cards
        st.toast(message, icon="✅" if kind == "success" else "ℹ️")


def _handle(store: SessionStore, session_id: int, *, sync: bool = True) -> Recorder:
    settings = _settings()
    backend, model = resources.embeddings_choice(settings)
    emb = resources.embedder(backend, model)
    return resources.live_handle(store, session_id, emb, f"{backend}:{model}", sync=sync)


# ---------------------------------------------------------------------------
# Callbacks (run before the page is drawn)


def _speaker_name(store: SessionStore, session_id: int, role: Speaker) -> str:
    """The name this role already has in the session (imported names), else a label."""
    for turn in reversed(store.turns(session_id)):
        if turn.role == role:
            return turn.speaker
    return role_label(role)


def _elapsed(store: SessionStore, session_id: int) -> float:
    info = store.get_session(session_id)
    return round(info.elapsed_seconds(), 1) if info.started_at else 0.0


def _lang() -> str:
    return str(st.session_state.get("lang", "nb"))


def _error(exc: IntervjuError) -> str:
    """The error's one line in the interface language (coded errors have both)."""
    return exc.localised(_lang())


def _set_speaker(store: SessionStore, session_id: int, role: Speaker) -> None:
    """The next speaker lives in the store, so every tab (and a reload) shows the same."""
    store.set_next_speaker(session_id, role)
    st.session_state["live_speaker"] = role


def _on_line(store: SessionStore, session_id: int) -> None:
    raw = str(st.session_state.get("live_line") or "")
    current = store.next_speaker(session_id)  # the store, not this tab's possibly stale radio
    line = parse_line(raw, current)
    if line.kind == "empty":
        return
    if line.kind == "switch":
        _set_speaker(store, session_id, line.role)
        _flash("info", t("switched_to", role=role_label(line.role)))
        return
    try:
        t0 = time.perf_counter()
        start = _elapsed(store, session_id)
        name = _speaker_name(store, session_id, line.role)
        stored = store.add_turn(session_id, name, line.role, line.text, start, source="typed")
        t1 = time.perf_counter()
        _handle(store, session_id).feed([stored])
        if _TIMING:
            done = time.perf_counter()
            print(
                f"ivj-timing store={1000 * (t1 - t0):.1f}ms feed={1000 * (done - t1):.1f}ms",
                file=sys.stderr,
            )
        # No write: the stored speaker follows the turns once a new one is stored.
        st.session_state["live_speaker"] = other(line.role)
    except IntervjuError as exc:
        _flash("error", _error(exc))


def _on_switch(store: SessionStore, session_id: int) -> None:
    _set_speaker(store, session_id, other(store.next_speaker(session_id)))


def _on_speaker_pick(store: SessionStore, session_id: int) -> None:
    picked = st.session_state.get("live_speaker")
    if picked in ("interviewer", "informant"):
        store.set_next_speaker(session_id, picked)


def _on_paste(store: SessionStore, session_id: int) -> None:
    text = str(st.session_state.get("paste_text") or "")
    if not text.strip():
        return
    try:
        result = ingest_paste(store, session_id, text)
        # Revise an edited last turn before new turns are fed after it.
        handle = _handle(store, session_id, sync=False)
        handle.revise(result.edited)
        handle.sync()
    except IntervjuError as exc:
        # Refused: the text stays in the box and the error is shown right under it, and
        # at the top of the screen too, where it is seen whatever the page's scroll.
        st.session_state["paste_error"] = _error(exc)
        _flash("error", st.session_state["paste_error"])
        return
    st.session_state.pop("paste_error", None)
    st.session_state["paste_text"] = ""
    if result:
        _flash("success", t("paste_result", added=len(result.added), edited=len(result.edited)))
    else:
        _flash("info", t("paste_nothing"))
    if result.added:
        st.session_state["live_speaker"] = store.next_speaker(session_id)


def _on_follow(store: SessionStore, session_id: int, start: bool) -> None:
    """The followed file belongs to the session (every tab sees it), not to the URL."""
    try:
        if start:
            path = str(st.session_state.get("follow_input") or "").strip()
            if path:
                following.start(store, session_id, path)
        else:
            following.stop(store, session_id)
    except IntervjuError as exc:
        _flash("error", str(exc))


def _uploaded_transcript() -> tuple[str, bytes] | None:
    upload = st.session_state.get("import_file")
    if upload is None:
        return None
    return upload.name, upload.getvalue()


def _on_import(store: SessionStore, session_id: int, mode: str) -> None:
    upload = _uploaded_transcript()
    if upload is None:
        return
    name, data = upload
    try:
        transcript = read_transcript_bytes(data, name)
        if mode == "new":
            info = import_transcript(
                store,
                transcript,
                title=name.rsplit(".", 1)[0],
                guide=store.session_guide(session_id),
            )
            _handle(store, info.id).adopt_coverage()
            _select(info.id)
            _flash("success", t("import_done", n=len(transcript.turns)))
        elif mode == "append":
            rows: list[tuple[str, Role, str, float | None, float | None]] = [
                (turn.speaker or "?", turn.role, turn.text, turn.start, turn.end)
                for turn in transcript.turns
            ]
            added = store.add_turns(session_id, rows, source="import")
            _handle(store, session_id).feed(added)
            _flash("success", t("import_done", n=len(added)))
        else:
            st.session_state["replay"] = [
                (turn.speaker or "?", turn.role, turn.text, turn.start, turn.end)
                for turn in transcript.turns
            ]
    except IntervjuError as exc:
        _flash("error", _error(exc))


def _on_replay(store: SessionStore, session_id: int, count: int) -> None:
    queue = list(st.session_state.get("replay") or [])
    if count <= 0:
        st.session_state.pop("replay", None)
        return
    batch, rest = queue[:count], queue[count:]
    try:
        added = store.add_turns(session_id, batch, source="import")
        _handle(store, session_id).feed(added)
    except IntervjuError as exc:
        _flash("error", _error(exc))
        return
    if rest:
        st.session_state["replay"] = rest
    else:
        st.session_state.pop("replay", None)


def _on_use(store: SessionStore, session_id: int, suggestion_id: int) -> None:
    try:
        store.mark_suggestion_used(session_id, suggestion_id)
    except IntervjuError as exc:
        _flash("error", _error(exc))


def _on_guide_asked(store: SessionStore, session_id: int, question_id: str) -> None:
    try:
        _handle(store, session_id).mark_covered(question_id)
    except IntervjuError as exc:
        _flash("error", _error(exc))


def _on_tick(store: SessionStore, session_id: int, question_id: str, key: str) -> None:
    try:
        handle = _handle(store, session_id)
        if st.session_state.get(key):
            handle.mark_covered(question_id)
        else:
            handle.unmark_covered(question_id)
    except IntervjuError as exc:
        _flash("error", _error(exc))


def _on_create(store: SessionStore, key: str) -> None:
    settings = _settings()
    title = str(st.session_state.get(f"{key}_title") or "").strip()
    if not title:
        title = t("session_title_default", n=len(store.list_sessions()) + 1)
    choice = st.session_state.get(f"{key}_guide")
    try:
        guide = None
        if choice and choice != "-":
            guide = resources.guide_at(resources.guide_choices(settings)[choice])
        info = store.create_session(title, guide, language=st.session_state.get("lang", "nb"))
    except IntervjuError as exc:
        _flash("error", _error(exc))
        return
    except KeyError as exc:
        _flash("error", str(exc))
        return
    _select(info.id)


def _on_pick(store: SessionStore) -> None:
    picked = st.session_state.get("session_pick")
    if isinstance(picked, int):
        _select(picked)
        st.session_state.pop(f"delete_{picked}", None)


def _on_rename(store: SessionStore, session_id: int) -> None:
    try:
        store.rename_session(session_id, str(st.session_state.get("rename_title") or ""))
    except IntervjuError as exc:
        _flash("error", _error(exc))


def _on_delete(store: SessionStore, session_id: int) -> None:
    try:
        report = store.delete_session(session_id)
    except IntervjuError as exc:
        _flash("error", _error(exc))
        return
    resources.forget(store, session_id)
    _select(None)
    _flash("success" if report.purged else "info", t("session_deleted", turns=report.turns))
    if not report.purged:
        _flash("info", t("session_delete_not_purged"))


def _on_note(store: SessionStore, session_id: int) -> None:
    try:
        store.set_note(session_id, str(st.session_state.get("note_text") or ""))
    except IntervjuError as exc:
        _flash("error", _error(exc))


# ---------------------------------------------------------------------------
# Drawing


def _session_label(info: SessionInfo) -> str:
    when = info.updated_at.astimezone().strftime("%d.%m %H:%M")
    return t("session_label", title=info.title, n=info.turn_count, when=when)


def _new_session_form(store: SessionStore, *, key: str) -> None:
    settings = _settings()
    choices = resources.guide_choices(settings)
    options = ["-", *choices]
    default = options.index("nav-videooppfolging") if "nav-videooppfolging" in options else 0
    titles = resources.guide_titles(settings)
    with st.form(key, clear_on_submit=True, border=False):
        st.text_input(
            t("session_title"),
            key=f"{key}_title",
            placeholder=t("session_title_default", n=len(store.list_sessions()) + 1),
        )
        st.selectbox(
            t("session_guide"),
            options,
            index=default,
            key=f"{key}_guide",
            format_func=lambda k: t("session_no_guide") if k == "-" else titles.get(k, k),
        )
        st.form_submit_button(
            t("session_create"), on_click=_on_create, args=(store, key), type="primary"
        )


def _session_picker(store: SessionStore, info: SessionInfo | None) -> None:
    sessions = store.list_sessions()
    if not sessions:
        return
    ids = [s.id for s in sessions]
    labels = {s.id: _session_label(s) for s in sessions}
    st.session_state["session_pick"] = info.id if info is not None else None
    st.selectbox(
        t("session_pick"),
        ids,
        index=ids.index(info.id) if info is not None else None,
        key="session_pick",
        format_func=lambda i: labels.get(i, str(i)),
        on_change=_on_pick,
        args=(store,),
        placeholder=t("session_choose"),
    )


def _sidebar(store: SessionStore, info: SessionInfo | None, handle: Recorder | None) -> None:
    """Sessions and the guide checklist: beside the page when wide, one tap away when narrow."""
    with st.sidebar:
        _session_picker(store, info)
        if info is None:
            return
        if handle is not None:
            _guide_panel(store, info, handle)
        st.subheader(t("sessions"))
        _session_tools(store, info)


def _session_tools(store: SessionStore, info: SessionInfo) -> None:
    with st.expander(t("session_new")):
        _new_session_form(store, key="new_session_sidebar")
    with st.expander(t("session_export")):
        for fmt, mime in (
            ("txt", "text/plain"),
            ("vtt", "text/vtt"),
            ("json", "application/json"),
        ):
            # Built only when clicked: no export work on every keystroke-driven rerun.
            st.download_button(
                f".{fmt}",
                data=_exporter(store, info.id, fmt),
                file_name=f"{_file_stem(info.title)}.{fmt}",
                mime=mime,
                key=f"export_{fmt}",
                on_click="ignore",
            )
    with st.expander(t("session_rename")):
        st.text_input(t("session_title"), value=info.title, key="rename_title")
        st.button(t("session_rename_save"), on_click=_on_rename, args=(store, info.id))
    with st.expander(t("note_label")):
        st.text_area(
            t("note_label"), value=info.notes, key="note_text", label_visibility="collapsed"
        )
        st.button(t("note_save"), on_click=_on_note, args=(store, info.id))
    # Keyed by session: the confirmation of one session never stays open for another.
    with st.expander(t("session_delete"), key=f"delete_{info.id}"):
        st.warning(t("session_delete_confirm", title=info.title))
        st.button(
            t("session_delete_yes"),
            on_click=_on_delete,
            args=(store, info.id),
            key=f"delete_yes_{info.id}",
            type="primary",
        )


def _exporter(store: SessionStore, session_id: int, fmt: str) -> Callable[[], bytes]:
    def build() -> bytes:
        return export_session(store, session_id, fmt).encode("utf-8")

    return build


def _file_stem(title: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in "-_ " else "_" for ch in title).strip()
    return "-".join(keep.split()) or "intervju"


@st.fragment(run_every=CLOCK_SECONDS)
def _top_bar(store: SessionStore, session_id: int, handle: Recorder) -> None:
    """Clock and topic progress; refreshes itself so the clock moves between turns."""
    try:
        info = store.get_session(session_id)
        covered = {item.question_id for item in store.covered(info.id)}
    except IntervjuError:
        return  # deleted in another tab; the next full run shows why
    coverage = handle.coverage()
    elapsed = info.elapsed_seconds() if info.started_at else None
    st.markdown(c.top_bar_html(info.title, elapsed, coverage, covered), unsafe_allow_html=True)


def _head(
    store: SessionStore,
    info: SessionInfo,
    turns: tuple[StoredTurn, ...],
    flags: dict[int, StoredFlag],
    handle: Recorder,
) -> None:
    """What matters now, pinned to the top of the screen (CSS: ``.st-key-ivj_head``).

    Clock and topic progress, the flag on the last question, the cards for the last
    answer, then the guide hint. It sticks to the top while the page scrolls, so it is
    in view after every turn, reload and session start at any width.
    """
    with st.container(key="ivj_head"):
        _top_bar(store, info.id, handle)
        _show_flash()
        last_question = next((tt for tt in reversed(turns) if tt.role == "interviewer"), None)
        if last_question is not None:
            flag = flags.get(last_question.idx)
            if flag is not None and flag.problems:
                st.markdown(c.flag_html(flag), unsafe_allow_html=True)
        _cards(store, info, turns)
        _hints(store, info, handle)


def _cards(store: SessionStore, info: SessionInfo, turns: tuple[StoredTurn, ...]) -> None:
    """The last answer's follow-ups, labelled with that answer; dimmed once you ask anew."""
    last_answer = next((tt for tt in reversed(turns) if tt.role == "informant"), None)
    suggestions = store.suggestions(info.id, last_answer.idx) if last_answer is not None else ()
    if last_answer is None or not suggestions:
        if turns:
            st.caption(t("suggestions_wait"))
        return
    stale = turns[-1].idx > last_answer.idx  # the interviewer has spoken since
    start = c.opening(last_answer.text)
    label = t("cards_stale", start=start) if stale else t("cards_for", start=start)
    st.markdown(c.cards_label_html(label, last_answer.idx, stale), unsafe_allow_html=True)
    for suggestion in suggestions[:3]:
        with st.container(
            border=True,
            horizontal=True,
            wrap=False,
            vertical_alignment="center",
            key=f"card_{suggestion.id}",
        ):
            st.markdown(
                c.card_html(suggestion, stale=stale), unsafe_allow_html=True, width="stretch"
            )
            st.button(
                "✓",
                key=f"use_{suggestion.id}",
                on_click=_on_use,
                args=(store, info.id, suggestion.id),
                disabled=suggestion.used,
                help=t("suggestion_used") if suggestion.used else t("suggestion_use"),
            )


def _hints(store: SessionStore, info: SessionInfo, handle: Recorder) -> None:
    """A weak guide match offered as a tick, else the next guide question."""
    offer = handle.tick_suggestion
    if offer is not None:
        with st.container(horizontal=True, wrap=False, vertical_alignment="center", key="ticksug"):
            st.markdown(
                c.hint_html(t("tick_suggest"), offer.text), unsafe_allow_html=True, width="stretch"
            )
            st.button(
                t("tick_suggest_yes"),
                key=f"ticksug_{offer.question_id}",
                on_click=_on_guide_asked,
                args=(store, info.id, offer.question_id),
                type="tertiary",
            )
        return
    guide_next = handle.guide_next
    if guide_next is None:
        return
    with st.container(horizontal=True, wrap=False, vertical_alignment="center", key="hint"):
        st.markdown(
            c.hint_html(t("guide_next"), guide_next.text),
            unsafe_allow_html=True,
            width="stretch",
        )
        st.button(
            "✓",
            key=f"next_{guide_next.question_id}",
            on_click=_on_guide_asked,
            args=(store, info.id, guide_next.question_id),
            help=t("guide_next_asked"),
            type="tertiary",
        )


def _transcript(
    store: SessionStore,
    info: SessionInfo,
    turns: tuple[StoredTurn, ...],
    flags: dict[int, StoredFlag],
    handle: Recorder,
) -> None:
    """Older turns folded away, the newest ones last (next to the input), then «Rett»."""
    if not turns:
        st.caption(t("transcript_empty"))
        return
    older, recent = turns[:-RECENT_TURNS], turns[-RECENT_TURNS:]
    if older:
        with st.expander(t("transcript_older", n=len(older))):
            st.markdown(c.transcript_html(older, flags), unsafe_allow_html=True)
    st.markdown(c.transcript_html(recent, flags), unsafe_allow_html=True)


def _guide_panel(store: SessionStore, info: SessionInfo, handle: Recorder) -> None:
    guide = handle.guide
    st.markdown(f"**{t('guide_panel')}**")
    if guide is None:
        st.caption(t("guide_none"))
        return
    covered = {item.question_id for item in store.covered(info.id)}
    total = len(guide.questions)
    st.caption(
        t("guide_progress", covered=len(covered & {q.id for q in guide.questions}), total=total)
    )
    current = handle.coverage().current_topic or 1
    for position, topic in enumerate(guide.topics, start=1):
        done = sum(1 for q in topic.questions if q.id in covered)
        label = f"{position}. {topic.title} · {done}/{len(topic.questions)}"
        with st.expander(label, expanded=position == current):
            for question in topic.questions:
                key = f"tick_{info.id}_{question.id}"
                st.session_state[key] = question.id in covered
                st.checkbox(
                    question.text + (" ★" if question.core else ""),
                    key=key,
                    on_change=_on_tick,
                    args=(store, info.id, question.id, key),
                )


def _input_tools(store: SessionStore, info: SessionInfo) -> None:
    opened = bool(st.session_state.get("replay") or st.session_state.get("paste_error"))
    with st.expander(t("more_input"), expanded=opened):
        paste, follow, imp = st.tabs([t("paste_tab"), t("follow_tab"), t("import_tab")])
        with paste, st.form("paste_form", clear_on_submit=False, border=False):
            # Cleared by the callback only when the paste was read; refused text stays.
            st.text_area(t("paste_label"), key="paste_text", height=140)
            if problem := st.session_state.get("paste_error"):
                st.error(problem, icon="⚠️")
            st.form_submit_button(t("paste_submit"), on_click=_on_paste, args=(store, info.id))
        with follow:
            _follow_tab(store, info)
        with imp:
            _import_tab(store, info)


def _follow_tab(store: SessionStore, info: SessionInfo) -> None:
    """Follow a transcript file as it grows, or stop following it."""
    if info.follow_path:
        st.button(
            t("follow_stop"),
            on_click=_on_follow,
            args=(store, info.id, False),
            key="follow_stop",
        )
    else:
        st.text_input(t("follow_path"), key="follow_input")
        st.button(
            t("follow_start"),
            on_click=_on_follow,
            args=(store, info.id, True),
            key="follow_start",
        )


def _import_tab(store: SessionStore, info: SessionInfo) -> None:
    """Import a file (append, new session or replay), and step through a replay."""
    st.file_uploader(t("import_label"), type=["vtt", "docx", "txt", "srt"], key="import_file")
    cols = st.columns(3)
    for col, (mode, label) in zip(
        cols,
        (("append", "import_append"), ("new", "import_new"), ("replay", "import_replay")),
        strict=True,
    ):
        col.button(t(label), key=f"import_{mode}", on_click=_on_import, args=(store, info.id, mode))
    queue = st.session_state.get("replay") or []
    if queue:
        cols = st.columns(3)
        cols[0].button(
            t("replay_next", left=len(queue)),
            key="replay_next",
            on_click=_on_replay,
            args=(store, info.id, 1),
            type="primary",
        )
        cols[1].button(
            t("replay_all"),
            key="replay_all",
            on_click=_on_replay,
            args=(store, info.id, len(queue)),
        )
        cols[2].button(
            t("replay_stop"),
            key="replay_stop",
            on_click=_on_replay,
            args=(store, info.id, 0),
        )


def _follow_status(store: SessionStore, info: SessionInfo) -> None:
    """Poll the followed file every couple of seconds; a full rerun shows new turns."""
    if not info.follow_path:
        return
    _poll(store, info.id)


@st.fragment(run_every=FOLLOW_SECONDS)
def _poll(store: SessionStore, session_id: int) -> None:
    try:
        follower = following.follower(store, session_id)
        if follower is None:
            return  # stopped in another tab
        result = following.poll(store, session_id)
        if result:
            handle = _handle(store, session_id, sync=False)
            handle.revise(result.edited)
            handle.sync()
    except IntervjuError as exc:
        st.error(str(exc), icon="⚠️")
        return
    st.caption(
        t("follow_active", path=follower.path.name)
        + ("" if follower.exists else " " + t("follow_missing"))
    )
    if result:
        st.rerun()


def render() -> None:
    began = time.perf_counter()
    _render()
    if _TIMING:
        print(f"ivj-timing render={1000 * (time.perf_counter() - began):.1f}ms", file=sys.stderr)


def _landing(store: SessionStore) -> None:
    """No session chosen: one line per mode, then start a session."""
    _show_flash()
    st.markdown(t("landing_intro"))
    st.markdown(
        "\n".join(f"- {t(key)}" for key in ("landing_live", "landing_practice", "landing_review"))
    )
    st.info(t("session_none"))
    _new_session_form(store, key="new_session_main")


def _speaker_row(store: SessionStore, session_id: int) -> None:
    # The stored speaker wins over this tab's widget state: two tabs always agree.
    st.session_state["live_speaker"] = store.next_speaker(session_id)
    with st.container(horizontal=True, vertical_alignment="bottom", key="speaker_row"):
        st.radio(
            t("speaker_next"),
            ["interviewer", "informant"],
            key="live_speaker",
            format_func=role_label,
            horizontal=True,
            help=t("input_help"),
            on_change=_on_speaker_pick,
            args=(store, session_id),
        )
        st.button(
            t("switch_speaker"),
            key="switch_speaker",
            on_click=_on_switch,
            args=(store, session_id),
            shortcut=SWITCH_SHORTCUT,
            type="tertiary",
        )


def _render() -> None:
    settings = _settings()
    try:
        store = resources.store_for(settings)
        info = current_session(store)
    except IntervjuError as exc:
        st.error(t("storage_error", msg=str(exc)), icon="⚠️")
        return
    if info is None:
        _sidebar(store, None, None)
        _landing(store)
        return
    try:
        with st.spinner(t("loading_engine")):
            handle = _handle(store, info.id)
        turns = store.turns(info.id)
        flags = {f.turn_idx: f for f in store.flags(info.id)}
    except IntervjuError as exc:
        st.error(_error(exc), icon="⚠️")
        return
    c.keep_focus_in_input()
    # Top to bottom: the pinned head; the input tools (folded); the transcript with the
    # newest turn last, right above the input box, where the page rests after each turn.
    _head(store, info, turns, flags, handle)
    _speaker_row(store, info.id)
    _input_tools(store, info)
    listen_panel.render(store, info)
    _follow_status(store, info)
    _transcript(store, info, turns, flags, handle)
    correction.render(store, info.id, turns, handle)
    _sidebar(store, info, handle)
    speaker = role_label(st.session_state.get("live_speaker", "interviewer"))
    st.chat_input(
        t("input_placeholder", role=speaker),
        key="live_line",
        on_submit=_on_line,
        args=(store, info.id),
    )
