"""One stored interview bound to a live engine: the database is the truth.

The app shows only what is in the SQLite store, so a reload or a crash can
never lose or change what was on screen. A :class:`Recorder` keeps the live
engine (:class:`~intervju.live.LiveSession`) in step with one stored session:

- :meth:`Recorder.open` replays the stored turns through the engine once;
  suggestions are recomputed only for a last turn whose suggestions were
  never stored (a crash between commit and display);
- :meth:`Recorder.feed` pushes newly *committed* turns through the engine and
  records what it produced (flags, suggestions shown, automatic coverage)
  before the caller renders anything;
- :meth:`Recorder.revise` re-analyses a last turn whose text a re-pasted or
  followed transcript has changed;
- :meth:`Recorder.edit_turn`, :meth:`Recorder.delete_turn` and :meth:`Recorder.undo`
  correct a stored turn (one committed write each), then replay the session into a
  fresh engine and store what changed: the turn's flag, the cards of the last
  answer, and automatic guide ticks whose evidence changed. Unchanged turns are not
  embedded again (the live engine keeps turn vectors by text).

This lives in the core, not the UI, so that it is tested without a browser and
any front end (Streamlit, a future desktop app) gets the same guarantees.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from langchain_core.embeddings import Embeddings

from .live import LiveSession, LiveUpdate
from .models import Guide, Role
from .storage import SessionStore, StoredTurn, TurnChange
from .tracking import Coverage, GuideNext


@dataclass
class Recorder:
    """The live engine's state for one stored session (derived from the store)."""

    store: SessionStore
    session_id: int
    live: LiveSession
    applied: int = 0  # stored turns fed to ``live`` (turn idx < applied)
    texts: list[str] = field(default_factory=list)  # as fed, to notice edits
    guide_next: GuideNext | None = None
    # A guide question the last turn may have asked (weak evidence): offered, never ticked.
    tick_suggestion: GuideNext | None = None
    seen_covered: set[str] = field(default_factory=set)  # ids the engine covered so far
    lock: threading.RLock = field(default_factory=threading.RLock)

    @classmethod
    def open(cls, store: SessionStore, session_id: int, base: LiveSession) -> Recorder:
        """Build the engine state for a stored session by replaying its turns.

        ``base`` is an empty session holding the embedder and the guide's
        vectors; ``base.fresh()`` reuses them, so opening costs only the replay.
        """
        recorder = cls(store=store, session_id=session_id, live=base.fresh())
        with recorder.lock:
            stored = store.covered(session_id)
            for item in stored:
                if item.how == "manual":
                    recorder._tick(item.question_id)
            fed_live = bool(store.flags(session_id))  # before the replay stores any
            recorder._replay()
            if not stored and not fed_live:
                # Never fed live (a transcript imported by the CLI has no flags yet): store
                # what the replay covered. A live session with every tick removed stays so.
                recorder.adopt_coverage()
            else:
                # The store is the truth: what the user unticked stays unticked after replay.
                kept = {c.question_id for c in store.covered(session_id)}
                for question_id in set(recorder.live.coverage().covered) - kept:
                    recorder.live.unmark_covered(question_id)
                recorder.seen_covered = set(recorder.live.coverage().covered)
                recorder.guide_next = recorder.live.next_question()
        return recorder

    @classmethod
    def for_session(cls, store: SessionStore, session_id: int, embeddings: Embeddings) -> Recorder:
        """Open a session with its own guide snapshot (the CLI; the app caches the base)."""
        store.get_session(session_id)  # a clear error for an unknown id
        base = LiveSession(store.session_guide(session_id), embeddings)
        return cls.open(store, session_id, base)

    # -- keeping in step with the store -------------------------------------------
    def sync(self) -> None:
        """Feed turns committed elsewhere (another tab, a paste, a followed file)."""
        with self.lock:
            turns = self.store.turns(self.session_id)
            if len(turns) > self.applied:
                self.feed(turns[self.applied :])

    def feed(self, turns: Sequence[StoredTurn]) -> LiveUpdate | None:
        """Push newly committed turns through the engine and store what it produced.

        Only the last turn's follow-ups are computed and recorded (they are the
        ones shown); every interviewer turn gets its flag stored for review.
        Returns the last update (None if every turn was already fed).
        """
        with self.lock:
            fresh = [t for t in turns if t.idx >= self.applied]
            if not fresh:
                return None
            update: LiveUpdate | None = None
            for position, turn in enumerate(fresh):
                is_last = position == len(fresh) - 1
                update = self._add(turn, suggest=is_last)
                if turn.role == "unknown" and update.turn.role != "unknown":
                    self.store.update_turn_role(self.session_id, turn.idx, update.turn.role)
                self._record(turn.idx, update, suggestions=is_last)
            self._record_coverage(fresh[-1].idx)
            self._after(update)
            return update

    def revise(self, edited: Sequence[StoredTurn]) -> LiveUpdate | None:
        """Re-analyse the engine's last turn if ``edited`` changed its text.

        Edits of earlier turns only update what the engine remembers: their
        suggestions were replaced long ago, and tracking coverage only grows.
        """
        with self.lock:
            update: LiveUpdate | None = None
            for turn in edited:
                if turn.idx >= self.applied or self.texts[turn.idx] == turn.text:
                    continue
                self.texts[turn.idx] = turn.text
                if turn.idx == self.applied - 1:
                    update = self.live.revise_last_turn(turn.text)
                    self._record(turn.idx, update, suggestions=True, replace=True)
            self._after(update)
            return update

    # -- reading engine state (under the lock: another tab may be feeding) -----------
    def coverage(self) -> Coverage:
        """The engine's guide coverage now (topic progress, current topic)."""
        with self.lock:
            return self.live.coverage()

    @property
    def guide(self) -> Guide | None:
        return self.live.guide

    # -- turn correction --------------------------------------------------------------
    def edit_turn(
        self,
        idx: int,
        *,
        text: str | None = None,
        speaker: str | None = None,
        role: Role | None = None,
    ) -> TurnChange:
        """Correct a stored turn's text, speaker or role; the engine state follows."""
        with self.lock:
            change = self.store.edit_turn(
                self.session_id, idx, text=text, speaker=speaker, role=role
            )
            self._rebuild(idx, stale=True, new_evidence=True)
            return change

    def delete_turn(self, idx: int) -> TurnChange:
        """Delete a stored turn; flags, cards and coverage are recomputed without it."""
        with self.lock:
            change = self.store.delete_turn(self.session_id, idx)
            self._rebuild(idx, stale=False, new_evidence=False)
            return change

    def undo(self) -> TurnChange | None:
        """Revert the last correction (edit or delete); None when there is nothing to undo."""
        with self.lock:
            change = self.store.undo_turn_change(self.session_id)
            if change is not None:
                # An undone edit changes the text back; an undone delete restores the
                # turn with its own cards, so only its missing flag is recomputed.
                self._rebuild(change.idx, stale=change.kind == "edit", new_evidence=True)
            return change

    def _rebuild(self, changed: int, *, stale: bool, new_evidence: bool) -> None:
        """Replay the stored session into a fresh engine after turn ``changed`` was corrected.

        Stored: the changed turn's flag (or its removal), the last answer's cards when
        they are missing or their turn was edited, automatic ticks that lost their
        evidence removed, and (after an edit or undo) ticks the changed turn now earns.
        """
        turns = self.store.turns(self.session_id)
        covered = self.store.covered(self.session_id)
        manual = {c.question_id for c in covered if c.how == "manual"}
        auto_before = {c.question_id for c in covered if c.how == "auto"}
        live = self.live.fresh()
        self.live, self.applied, self.texts = live, 0, []
        for question_id in manual:
            self._tick(question_id)
        found = self._replay_for_rebuild(turns, changed if stale else None)
        for question_id in sorted(auto_before - set(found) - manual):
            self.store.unmark_covered(self.session_id, question_id)
        if new_evidence:
            for question_id, turn_idx in sorted(found.items()):
                if turn_idx == changed and question_id not in auto_before | manual:
                    self.store.mark_covered(self.session_id, question_id, "auto", turn_idx)
        kept = {c.question_id for c in self.store.covered(self.session_id)}
        for question_id in set(live.coverage().covered) - kept:
            live.unmark_covered(question_id)
        self.seen_covered = set(live.coverage().covered)
        self.guide_next = live.next_question()

    def _replay_for_rebuild(
        self, turns: Sequence[StoredTurn], stale_idx: int | None
    ) -> dict[str, int]:
        """Feed every turn again; returns each newly covered question with its turn.

        ``stale_idx``: a turn whose text or role changed, so its flag and cards are redone.
        """
        flagged = {f.turn_idx for f in self.store.flags(self.session_id)}
        carded = {s.turn_idx for s in self.store.suggestions(self.session_id)}
        answers = [t.idx for t in turns if t.role == "informant"]
        last_answer = answers[-1] if answers else None
        found: dict[str, int] = {}
        update: LiveUpdate | None = None
        for turn in turns:
            stale = turn.idx == stale_idx
            suggest = turn.idx == last_answer and (stale or turn.idx not in carded)
            before = set(self.live.coverage().covered)
            update = self._add(turn, suggest)
            for question_id in set(self.live.coverage().covered) - before:
                found.setdefault(question_id, turn.idx)
            if update.analysis is not None and (stale or turn.idx not in flagged):
                self.store.record_flag(self.session_id, turn.idx, update.analysis)
            elif update.analysis is None and turn.idx in flagged:
                self.store.drop_flag(self.session_id, turn.idx)
            if suggest and update.suggestions:
                self.store.record_suggestions(
                    self.session_id, turn.idx, update.suggestions, replace=True
                )
        self.tick_suggestion = None
        self._suggest_tick(update)
        return found

    # -- guide ticks ----------------------------------------------------------------
    def mark_covered(self, question_id: str) -> None:
        """The user ticked a guide question (or clicked it as asked)."""
        with self.lock, self.store.transaction():
            turns = self.store.turns(self.session_id)
            self.store.mark_covered(
                self.session_id, question_id, "manual", turns[-1].idx if turns else None
            )
            self._tick(question_id)
            self.guide_next = self.live.next_question()
            if self.tick_suggestion is not None and self.tick_suggestion.question_id == question_id:
                self.tick_suggestion = None

    def unmark_covered(self, question_id: str) -> None:
        """The user unticked a guide question: the store and the engine forget it."""
        with self.lock:
            self.store.unmark_covered(self.session_id, question_id)
            self.live.unmark_covered(question_id)
            self.seen_covered.discard(question_id)
            self.guide_next = self.live.next_question()

    def adopt_coverage(self) -> None:
        """Record what the engine covered while replaying turns never fed live."""
        with self.lock:
            turns = self.store.turns(self.session_id)
            self.seen_covered = set()
            self._record_coverage(turns[-1].idx if turns else None)

    # -- internals --------------------------------------------------------------------
    def _tick(self, question_id: str) -> None:
        guide = self.live.guide
        if guide is not None and any(q.id == question_id for q in guide.questions):
            self.live.mark_covered(question_id)  # ids from an older guide snapshot are skipped

    def _replay(self) -> None:
        turns = self.store.turns(self.session_id)
        if turns:
            have_flags = {f.turn_idx for f in self.store.flags(self.session_id)}
            have_suggestions = {s.turn_idx for s in self.store.suggestions(self.session_id)}
            last = turns[-1].idx
            update: LiveUpdate | None = None
            for turn in turns:
                suggest = turn.idx == last and turn.idx not in have_suggestions
                update = self._add(turn, suggest)
                if update.analysis is not None and turn.idx not in have_flags:
                    self.store.record_flag(self.session_id, turn.idx, update.analysis)
                if suggest and update.suggestions:
                    self.store.record_suggestions(self.session_id, turn.idx, update.suggestions)
            # Coverage was recorded when the turns were first fed; a tick the user
            # removed since then must stay removed, so nothing is re-recorded here.
            self.seen_covered = set(self.live.coverage().covered)
            self._suggest_tick(update)
        self.guide_next = self.live.next_question()

    def _add(self, turn: StoredTurn, suggest: bool) -> LiveUpdate:
        role = turn.role if turn.role != "unknown" else None
        update = self.live.add_turn(
            turn.speaker, turn.text, role, turn.start, turn.end, suggest_followups=suggest
        )
        self.applied = turn.idx + 1
        self.texts.append(turn.text)
        return update

    def _record(
        self, turn_idx: int, update: LiveUpdate, *, suggestions: bool, replace: bool = False
    ) -> None:
        if update.analysis is not None:
            self.store.record_flag(self.session_id, turn_idx, update.analysis)
        if suggestions and update.suggestions:
            self.store.record_suggestions(
                self.session_id, turn_idx, update.suggestions, replace=replace
            )

    def _record_coverage(self, turn_idx: int | None) -> None:
        now = set(self.live.coverage().covered)
        with self.store.transaction():  # all of a turn's new coverage, or none of it
            for question_id in sorted(now - self.seen_covered):
                self.store.mark_covered(self.session_id, question_id, "auto", turn_idx)
        self.seen_covered = now

    def _suggest_tick(self, update: LiveUpdate | None) -> None:
        """Offer the last turn's weak guide match as a tick (None once it is covered)."""
        guide = self.live.guide
        suggested = update.match.suggest if update is not None and update.match else None
        if update is None:
            return
        if guide is None or suggested is None or suggested in self.live.coverage().covered:
            self.tick_suggestion = None
            return
        topic = guide.topic_index_of(suggested)
        self.tick_suggestion = GuideNext(topic, suggested, guide.question(suggested).text)

    def _after(self, update: LiveUpdate | None) -> None:
        self._suggest_tick(update)
        if update is not None and update.guide_next is not None:
            self.guide_next = update.guide_next
        elif update is not None and update.turn.role == "interviewer":
            self.guide_next = self.live.next_question()
