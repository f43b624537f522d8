"""Review one or many finished interviews: what was asked, how, and what was left.

This is glue over the other engines, in one pass per transcript:

* every interviewer turn goes to the question analyser
  (:func:`intervju.analysis.analyse`); turns in which it finds a question
  (or an invitation such as «Fortell om …») are the interview's *questions*;
* the questions are embedded in one batch; the live engine's
  :class:`~intervju.tracking.GuideTracker` gives their similarities to the
  guide questions, and :mod:`.topics` decodes the most likely sequence of
  topics over the whole interview (the live tracker can only look back);
* :mod:`.followups` decides follow-up versus new question and finds the
  missed follow-ups; :func:`intervju.suggestions.suggest` words the follow-up
  that could have been asked; :func:`intervju.cues.key_terms` gives the
  informant's repeated words;
* :mod:`.metrics` counts.

Definitions (also in the report's documentation):

* ``topic_index`` of a question: the 1-based guide topic decoded by
  :mod:`.topics`; a follow-up normally stays in the topic of the thread it
  follows, because a probe such as «Hva gjorde det med deg?» has no topic of
  its own.
* ``guide_question_id``: the nearest guide question within that topic; for a
  follow-up in the same topic, the guide question of the thread it follows.
* ``topics_covered``: the sorted topic indices where a guide question was
  asked (at least one new, non-follow-up question placed in the topic) or
  where the interview dwelt (at least two questions of any kind); see
  :func:`topics_covered`.
* A guide question is *asked* when at least one new (non-follow-up) question
  was placed on it; *never asked* otherwise.
* Interview order across files: the order given, unless ``order="natural"``
  (natural sort of file names: «intervju-2» before «intervju-10»).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import numpy as np
from langchain_core.embeddings import Embeddings

from ..analysis import Analysis, analyse
from ..cues import detect_cues, key_terms
from ..embeddings import embed_queries, get_embeddings
from ..guides import load_guide
from ..lang import as_lang, detect_language, language_evidence, sentences
from ..models import Guide, Transcript, Turn
from ..readers import read_transcript
from ..spans import find_spans
from ..suggestions import Suggestion, suggest
from ..tracking import GuideTracker
from . import metrics
from .followups import (
    OWN_FEELING,
    FollowUpVerdict,
    body_reaction,
    broken_off,
    cue_facts,
    is_follow_up,
    lasting_impact,
    missed_threshold,
    pause_seconds,
    returned_to,
    span_richness,
    spoken,
    vocabulary,
)
from .pseudonym import build_pseudonyms, pseudonymise_value
from .report import (
    InterviewReport,
    KeyTerm,
    LearningPoint,
    MissedFollowUp,
    QuestionReview,
    ReviewReport,
    ReviewSummary,
    SkippedQuestion,
    TopicCoverage,
)
from .topics import Placement, place_questions

Order = Literal["given", "natural"]
Progress = Callable[[int, int, str], None]
KEY_TERMS = 15
EMBED_WORDS = 32
MIN_CUE_WORDS = 8  # shorter answers cannot carry a strong cue without a marked pause


@dataclass(frozen=True)
class _Asked:
    """An interviewer turn with a question, before tracking."""

    turn: Turn
    analysis: Analysis


def _is_question(analysis: Analysis) -> bool:
    return bool(analysis.questions) or analysis.form != "not_question"


def _language(guide: Guide) -> str:
    return as_lang(guide.language)


def review_transcript(
    transcript: Transcript,
    guide: Guide | None = None,
    *,
    embeddings: Embeddings | None = None,
    file: str | None = None,
) -> InterviewReport:
    """The review of one interview (pure: reads nothing, writes nothing)."""
    guide = guide or load_guide()
    embeddings = embeddings if embeddings is not None else get_embeddings()
    language = _language(guide)
    turns = transcript.turns
    name = file or (Path(transcript.source).name if transcript.source else "intervju")

    language = _transcript_language(turns, language)
    asked = _asked(turns, language)
    verdicts = _follow_up_verdicts(turns, asked, guide, language)
    # Only new questions are embedded: a follow-up's topic comes from its thread,
    # and embedding is most of the review's cost. The embedding engine is C code
    # that releases the GIL, so the cue analysis runs meanwhile in this thread.
    new_rows = [i for i, v in enumerate(verdicts) if not v.follow_up or i == 0]
    texts = [_embedding_text(asked[i].turn.text) for i in new_rows]
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(_embed, texts, embeddings)
        follow_ups = {a.turn.index: v.follow_up for a, v in zip(asked, verdicts, strict=True)}
        missed = _missed_followups(turns, follow_ups, language)
        returned = _returned_to(turns, asked, guide, language)
        missed = tuple(m for m in missed if m.turn_index not in returned)
        informant_texts = [spoken(t.text) for t in turns if t.role == "informant"]
        terms = tuple(KeyTerm(term, count) for term, count in key_terms(informant_texts, language))
        vectors = pending.result()
    tracker = GuideTracker(guide, embeddings)
    sims: list[np.ndarray | None] = [None] * len(asked)
    for row, i in enumerate(new_rows):
        sims[i] = tracker.similarities(asked[i].turn.text, vector=vectors[row])
    placements = place_questions(
        guide,
        sims,
        [a.turn.text for a in asked],
        _positions(turns, asked),
        [v.follow_up for v in verdicts],
        language,
    )
    questions = _question_reviews(turns, asked, verdicts, placements)
    return _interview_report(transcript, name, guide, questions, missed, terms)


def _asked(turns: Sequence[Turn], language: str) -> list[_Asked]:
    """The interviewer turns that ask something, each with the analyser's verdict."""
    asked: list[_Asked] = []
    for turn in turns:
        if turn.role == "interviewer":
            # Each turn in its own language when it shows one, as the live screen does.
            analysis = analyse(turn.text, language_evidence(turn.text) or language)
            if _is_question(analysis):
                asked.append(_Asked(turn, analysis))
    return asked


def _follow_up_verdicts(
    turns: Sequence[Turn], asked: Sequence[_Asked], guide: Guide, language: str
) -> list[FollowUpVerdict]:
    """Each question judged against the informant turn before it (the guide's own words
    are no echo)."""
    guide_vocab = vocabulary(
        [q.text for q in guide.questions] + [t.title for t in guide.topics], language
    )
    said_before = _said_before(turns)
    return [
        is_follow_up(
            a.turn.text,
            said_before[a.turn.index][-1] if said_before[a.turn.index] else "",
            guide_vocab,
            language,
            earlier=said_before[a.turn.index][-2::-1],
        )
        for a in asked
    ]


def _returned_to(
    turns: Sequence[Turn], asked: Sequence[_Asked], guide: Guide, language: str
) -> set[int]:
    """The informant turns a later question announces a return to (see
    :func:`.followups.returned_to`): those threads were followed up after all."""
    guide_vocab = vocabulary(
        [q.text for q in guide.questions] + [t.title for t in guide.topics], language
    )
    informant: list[Turn] = []
    out: set[int] = set()
    by_turn = {a.turn.index for a in asked}
    for turn in turns:
        if turn.role == "informant":
            informant.append(turn)
        elif turn.index in by_turn and informant:
            back = returned_to(
                turn.text, [t.text for t in reversed(informant)], guide_vocab, language
            )
            if back > 0:
                out.add(informant[-1 - back].index)
    return out


def _question_reviews(
    turns: Sequence[Turn],
    asked: Sequence[_Asked],
    verdicts: Sequence[FollowUpVerdict],
    placements: Sequence[Placement],
) -> list[QuestionReview]:
    """One review row per question; a follow-up keeps its thread's guide question."""
    questions: list[QuestionReview] = []
    answers = metrics.answer_seconds(turns, {a.turn.index for a in asked})
    for item, verdict, placement in zip(asked, verdicts, placements, strict=True):
        turn = item.turn
        topic, qid, score = placement.topic_index, placement.question_id, placement.score
        if verdict.follow_up and questions and questions[-1].topic_index == topic:
            qid = questions[-1].guide_question_id  # the thread's guide question
        a = item.analysis
        questions.append(
            QuestionReview(
                turn_index=turn.index,
                text=turn.text,
                form=a.form,
                leading=a.leading,
                double=a.double,
                why=a.why,
                explanation=a.explanation,
                rewrite=a.rewrite,
                topic_index=topic,
                guide_question_id=qid,
                follow_up=verdict.follow_up,
                follow_up_reason=verdict.reason,
                questions=tuple(a.questions),
                start=turn.start,
                score=round(score, 3),
                answer_seconds=answers.get(turn.index),
            )
        )
    return questions


def _interview_report(
    transcript: Transcript,
    name: str,
    guide: Guide,
    questions: list[QuestionReview],
    missed: tuple[MissedFollowUp, ...],
    terms: tuple[KeyTerm, ...],
) -> InterviewReport:
    """The report of one interview from its reviewed questions, missed follow-ups and terms."""
    turns = transcript.turns
    _, _, share = metrics.word_share(turns, transcript.interviewer)
    return InterviewReport(
        file=name,
        interviewer=transcript.interviewer,
        informants=tuple(
            s
            for s in transcript.speakers
            if s != transcript.interviewer and s in _informants(turns)
        ),
        questions=tuple(questions),
        topics_covered=topics_covered(questions),
        interviewer_word_share=share,
        missed_followups=missed,
        key_terms=terms[:KEY_TERMS],
        stats=metrics.stats(turns, questions, transcript.interviewer),
        coverage=_coverage(guide, turns, questions),
        timeline=metrics.timeline(turns, questions),
        turns=len(turns),
        open_curve=metrics.open_curve(turns, questions),
    )


def topics_covered(questions: Sequence[QuestionReview]) -> tuple[int, ...]:
    """Topics the interview covered: a guide question was asked there, or it dwelt there.

    A topic counts when at least one new (non-follow-up) question was placed in
    it, or at least two questions of any kind (an interviewer may enter a topic
    by following up the informant's words and stay there with follow-ups). A
    single follow-up alone does not cover a topic: it belongs to its thread.
    """
    counts: dict[int, int] = {}
    new: set[int] = set()
    for q in questions:
        if q.topic_index is None:
            continue
        counts[q.topic_index] = counts.get(q.topic_index, 0) + 1
        if not q.follow_up:
            new.add(q.topic_index)
    covered = new | {t for t, n in counts.items() if n >= 2}
    if not covered:
        covered = set(counts)
    return tuple(sorted(covered))


def _transcript_language(turns: Sequence[Turn], default: str) -> str:
    """The interview's language, guessed once from its first few thousand characters."""
    sample = " ".join(t.text for t in turns)[:3000]
    if not sample.strip():
        return default
    return detect_language(sample, as_lang(default))


def _embedding_text(text: str, words: int = EMBED_WORDS) -> str:
    """The end of a long turn: the question comes last, after any preamble."""
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[-words:])


def _informants(turns: Sequence[Turn]) -> set[str]:
    return {t.speaker for t in turns if t.role == "informant"}


def _embed(texts: Sequence[str], embeddings: Embeddings) -> np.ndarray:
    """One row per text; a question asked twice in the same words is embedded once."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    unique = list(dict.fromkeys(texts))
    vectors = embed_queries(embeddings, unique)
    if len(unique) == len(texts):
        return vectors
    row = {text: i for i, text in enumerate(unique)}
    return vectors[[row[t] for t in texts]]


def _said_before(turns: Sequence[Turn]) -> dict[int, list[str]]:
    """Per turn index: the informant turns before it, oldest first (one shared list, sliced)."""
    said: list[str] = []
    ends: dict[int, int] = {}
    for turn in turns:
        ends[turn.index] = len(said)
        if turn.role == "informant":
            said.append(turn.text)
    return {index: said[:end] for index, end in ends.items()}


def _positions(turns: Sequence[Turn], asked: Sequence[_Asked]) -> list[float]:
    """Relative position (0..1) of each question: by time if known, else by turn order."""
    order = {t.index: i for i, t in enumerate(turns)}
    starts = [t.start for t in turns if t.start is not None]
    ends = [t.end if t.end is not None else t.start for t in turns if t.start is not None]
    if starts and all(a.turn.start is not None for a in asked):
        lo = min(starts)
        hi = max(e for e in ends if e is not None)
        span = (hi - lo) or 1.0
        return [((a.turn.start or lo) - lo) / span for a in asked]
    span = max(len(turns) - 1, 1)
    return [order[a.turn.index] / span for a in asked]


def _missed_followups(
    turns: Sequence[Turn], follow_ups: dict[int, bool], language: str
) -> tuple[MissedFollowUp, ...]:
    """Strong-cue informant turns after which the interviewer moved on (see followups).

    ``follow_ups`` maps the turn index of every interviewer question to whether
    it follows up; other interviewer turns («Mhm.») do not end an answer block.
    """
    by_index = {t.index: t for t in turns}
    out: list[MissedFollowUp] = []
    context: list[str] = []
    block: list[tuple[float, Turn, tuple[str, ...]]] = []
    opened_by_follow_up = False
    # Only answers that the interviewer leaves for a *new* question can be missed:
    # the cue analysis (the costly part) is skipped for all others.
    moves_on: dict[int, bool] = {}
    upcoming: bool | None = None
    for turn in reversed(turns):
        if turn.index in follow_ups:
            upcoming = not follow_ups[turn.index]
        elif turn.role == "informant":
            moves_on[turn.index] = bool(upcoming)
    for turn in turns:
        if turn.role == "informant":
            said = spoken(turn.text)
            worth = len(said.split()) >= MIN_CUE_WORDS or pause_seconds(turn.text) > 0
            if moves_on.get(turn.index) and worth:
                score, reasons = _call_for_follow_up(turn.text, said, context[-4:], language)
                block.append((score, turn, reasons))
            context.append(said)
            continue
        if turn.index not in follow_ups:
            # «Mhm.», «Ja.»: minimal encouragement takes up what was just said (a silence
            # probe), so only what the informant says after it can still be left hanging.
            block = []
            continue
        is_follow = follow_ups[turn.index]
        if block and not is_follow:
            score, best, reasons = max(block, key=lambda item: item[0])
            if score >= missed_threshold(opened_by_follow_up):
                out.append(_missed(best, reasons, by_index[turn.index], context, language))
        block = []
        opened_by_follow_up = is_follow
    return tuple(out)


def _call_for_follow_up(
    text: str, said: str, context: Sequence[str], language: str
) -> tuple[float, tuple[str, ...]]:
    """How strongly one informant turn calls for a follow-up, and the reasons.

    Two readings of the turn: the live cue detector (:func:`.followups.cue_facts`: a feeling
    of their own, hesitation, strong words, a marked pause) and the follow-up span ranker
    (:func:`intervju.spans.find_spans` weighed by :func:`.followups.span_richness`: a
    feeling, an image, ambivalence, a charged evaluation). The strength is what is rich in
    the turn, plus a marked pause (:data:`PAUSE_WEIGHT`) and a moment that stayed with them
    or the body's reaction (:data:`LASTING`), plus :data:`HESITATION` for a rich moment said
    haltingly; a turn left hanging (trailing off while hedging, a feeling of their own said
    haltingly, a story broken off) is at least :data:`HANGING`. A long answer with a
    repeated word is not by itself a moment left hanging.
    """
    facts = cue_facts(detect_cues(said, context, language), text, language)
    # No context: the rich kinds are read in the turn itself (repetition across turns is the
    # cue detector's), and tokenising four earlier turns per call would double the cost.
    spans, _, _ = find_spans(said, as_lang(language))
    rich = span_richness(spans, own_feeling=facts.own_feeling, strong_words=facts.strong_words)
    # A hint left hanging: the informant trails off («… jeg vet ikke helt hva …») while
    # hedging; no span to rank, but the moment is theirs to be asked about. A feeling of
    # their own said haltingly («jeg vet ikke helt … noen ganger føler jeg at …») too.
    hanging = {"trailing", "hedging"} <= facts.kinds or (facts.own_feeling and facts.hesitant)
    broken = broken_off(text)  # «… men ja»: the informant breaks the story off
    hanging = hanging or broken is not None
    lasting = lasting_impact(said)  # «jeg har tenkt mye på …»: it stayed with them
    body = body_reaction(said)  # «jeg skalv»: the body telling what was felt
    # The strength is what is rich in the turn, never its length: a long answer that
    # repeats a word and hedges («long», «repeated», «hedging») is no moment left hanging.
    score = (
        rich.score
        + (PAUSE_WEIGHT if facts.long_pause else 0.0)
        + (LASTING if lasting or body else 0.0)
    )
    if (lasting or body) and facts.own_feeling and not rich.score:
        # "I'll never forget that. It was the moment I felt we were a team": a feeling of
        # their own the span ranker reads as an opinion ("felt we were …") is theirs after
        # all when they also say the moment stayed with them; alone it often is an opinion
        # ("I feel more loyal to my team").
        score += OWN_FEELING
    if rich.score > 0 and facts.hesitant:
        score += HESITATION  # a rich moment said haltingly
    score = max(score, HANGING if hanging else 0.0)
    if score <= 0:
        return 0.0, facts.cues
    extra = tuple(q for q in rich.quotes if q.split(":")[0] not in facts.kinds)
    extra += (f"lasting: {lasting}",) if lasting else ()
    extra += (f"body: {body}",) if body else ()
    extra += (f"broken off: {broken}",) if broken else ()
    return score, facts.cues + extra


PAUSE_WEIGHT = 2.0  # a marked pause of LONG_PAUSE_SECONDS or more
HESITATION = 0.5
HANGING = 2.0  # trailing off while hedging, a feeling of their own said haltingly, a break-off
LASTING = 2.0  # a moment that stayed with them or the body's reaction: as a feeling of their own


# _preferred reads the engine's top three cards that are not a nod; the cards' choice is greedy
# (its first cards are the same however many are asked for), so five leave room for two nods
# without wording and vetting ten.
SUGGESTION_POOL = 5


def _missed(
    turn: Turn,
    cues: tuple[str, ...],
    next_question: Turn,
    context: Sequence[str],
    language: str,
) -> MissedFollowUp:
    said = spoken(turn.text)
    earlier = [c for c in context if c != said][-4:]
    options = suggest(spoken(turn.text), earlier, language=language, n=SUGGESTION_POOL)
    chosen = _preferred(options, cues)
    text = chosen.text if chosen else ""
    intent = chosen.intent if chosen else ""
    return MissedFollowUp(
        turn_index=turn.index,
        text=turn.text,
        cues=cues,
        next_turn_index=next_question.index,
        next_question=next_question.text,
        suggestion=text,
        suggestion_intent=intent,
        words=called_for(said, cues),
    )


_WORD_CUES = (
    "feeling", "lasting", "body", "broken off", "strong", "metaphor", "repeated", "hedging",
    "trailing",
)  # fmt: skip


def called_for(said: str, cues: Sequence[str]) -> str:
    """The informant's sentence that called for a follow-up: the first holding a cue's word.

    Cues read «kind: term» («feeling: rørt», «repeated: distanse»), the most
    telling kind first (:data:`_WORD_CUES`: a feeling before a repeated word); a cue without
    a term (a pause, hesitation) points at the turn's last sentence, where the
    informant stopped.
    """
    parts = sentences(said) or [said]
    rank = {kind: i for i, kind in enumerate(_WORD_CUES)}
    named = sorted((c for c in cues if ":" in c), key=lambda c: rank.get(c.split(":")[0], 99))
    terms = [c.split(":", 1)[1].strip().lower() for c in named]
    for term in terms:
        for at, sentence in enumerate(parts):
            if term and term in sentence.lower():
                # a closer said on its own («… anyway.») belongs to the story it breaks off
                alone = sentence.strip(" .…!?").lower() == term and at > 0
                return f"{parts[at - 1].strip()} {sentence.strip()}" if alone else sentence.strip()
    return parts[-1].strip()


def _preferred(options: Sequence[Suggestion], cues: Sequence[str]) -> Suggestion | None:
    """Of the engine's top suggestions, the one that answers the strongest cue.

    A marked pause, a feeling or a moment that stayed with them calls for «how was that for
    you»; a repeated,
    strong or pictured word for its meaning; otherwise the engine's first.
    """
    # The engine's own top three (a nod is no question to have asked); wanting an intent
    # must not reach down to a weak tenth card.
    options = [o for o in options if o.intent != "silence"][:3] or list(options[:1])
    if not options:
        return None
    kinds = [c.split(":")[0].split(" ")[0] for c in cues]
    wanted: tuple[str, ...] = ()
    if any(k in kinds for k in ("pause", "feeling", "lasting", "body")):  # «det gjorde noe med meg»
        wanted = ("feeling", "meaning")  # else the engine's own first card, not a plain noun
    elif any(k in kinds for k in ("repeated", "strong", "metaphor")):
        wanted = ("meaning", "echo", "clarify")
    grounded = [o for o in options if o.emphasis]
    for intent in wanted:
        for option in options:
            if option.intent == intent:
                # «Kan du si litt mer om det?» only when nothing in the top three quotes the turn
                return option if option.emphasis or not grounded else grounded[0]
    return options[0]


def _coverage(
    guide: Guide, turns: Sequence[Turn], questions: Sequence[QuestionReview]
) -> tuple[TopicCoverage, ...]:
    """Per topic: guide questions asked / never asked, questions placed, minutes spent."""
    asked_ids = {q.guide_question_id for q in questions if not q.follow_up and q.guide_question_id}
    minutes: dict[int, float] = {}
    current: int | None = None
    by_turn = {q.turn_index: q for q in questions}
    timed = any(t.start is not None for t in turns)
    for turn in turns:
        if turn.index in by_turn:
            current = by_turn[turn.index].topic_index
        if current is not None and turn.start is not None and turn.end is not None:
            minutes[current] = minutes.get(current, 0.0) + max(turn.end - turn.start, 0.0) / 60
    out: list[TopicCoverage] = []
    for position, topic in enumerate(guide.topics, start=1):
        ids = [q.id for q in topic.questions]
        text = {q.id: q.text for q in topic.questions}
        out.append(
            TopicCoverage(
                topic_index=position,
                title=topic.title,
                total=len(ids),
                asked=tuple(i for i in ids if i in asked_ids),
                never_asked=tuple(i for i in ids if i not in asked_ids),
                questions=sum(q.topic_index == position for q in questions),
                minutes=round(minutes.get(position, 0.0), 1) if timed else None,
                asked_text=tuple(text[i] for i in ids if i in asked_ids),
                never_asked_text=tuple(text[i] for i in ids if i not in asked_ids),
            )
        )
    return tuple(out)


def natural_key(name: str) -> tuple[object, ...]:
    """«intervju-2» sorts before «intervju-10»."""
    parts = re.split(r"(\d+)", Path(name).name.lower())
    return tuple(int(p) if p.isdigit() else p for p in parts)


def summarise(reports: Sequence[InterviewReport], guide: Guide, order: str) -> ReviewSummary:
    """The learning curve (in the given order) and systematically skipped guide questions."""
    curve = tuple(
        LearningPoint(
            position=i,
            file=r.file,
            questions=r.stats.questions,
            open_share=r.stats.open_share,
            leading=r.stats.leading,
            double=r.stats.double,
            interviewer_word_share=r.interviewer_word_share,
            follow_up_rate=r.stats.follow_up_rate,
            missed_followups=len(r.missed_followups),
        )
        for i, r in enumerate(reports, start=1)
    )
    n = len(reports)
    skipped: list[SkippedQuestion] = []
    if n:
        for position, topic in enumerate(guide.topics, start=1):
            for q in topic.questions:
                never = sum(q.id in r.coverage[position - 1].never_asked for r in reports)
                if never * 2 >= n:
                    skipped.append(SkippedQuestion(q.id, position, q.text, never, n))
    total_q = sum(r.stats.questions for r in reports)
    total_open = sum(r.stats.open for r in reports)
    total_follow = sum(r.stats.follow_ups for r in reports)
    mine = sum(r.stats.interviewer_words for r in reports)
    words = mine + sum(r.stats.informant_words for r in reports)
    return ReviewSummary(
        interviews=n,
        guide_id=guide.id,
        guide_title=guide.title,
        learning_curve=curve,
        skipped_questions=tuple(skipped),
        questions=total_q,
        open_share=round(total_open / total_q, 3) if total_q else 0.0,
        follow_up_rate=round(total_follow / total_q, 3) if total_q else 0.0,
        interviewer_word_share=round(mine / words, 3) if words else 0.0,
        order=order,
    )


def review_many(
    transcripts: Sequence[Transcript],
    guide: Guide | None = None,
    *,
    embeddings: Embeddings | None = None,
    files: Sequence[str] | None = None,
    pseudonymise: bool = False,
    order: Order = "given",
    progress: Progress | None = None,
) -> ReviewReport:
    """Review several interviews (in the given order) and summarise across them."""
    guide = guide or load_guide()
    embeddings = embeddings if embeddings is not None else get_embeddings()
    names, items = in_review_order(transcripts, files, order)
    reports: list[InterviewReport] = []
    for i, (name, transcript) in enumerate(zip(names, items, strict=True)):
        if progress is not None:
            progress(i, len(items), name)
        reports.append(review_transcript(transcript, guide, embeddings=embeddings, file=name))
    if progress is not None:
        progress(len(items), len(items), "")
    report = ReviewReport(
        interviews=tuple(reports),
        summary=summarise(reports, guide, order),
        guide_topics=tuple(t.title for t in guide.topics),
        pseudonymised=False,
        language=_language(guide),
    )
    if not pseudonymise:
        return report
    pseudonyms = build_pseudonyms(items, _language(guide))
    return replace(pseudonymise_value(report, pseudonyms), pseudonymised=True)


def in_review_order(
    transcripts: Sequence[Transcript], files: Sequence[str] | None = None, order: Order = "given"
) -> tuple[list[str], list[Transcript]]:
    """Names and transcripts in the order :func:`review_many` reports them.

    Exports that need the transcripts beside the report (the QDA project) use
    this to pair each reviewed interview with its transcript.
    """
    names = list(files) if files is not None else [_name(t, i) for i, t in enumerate(transcripts)]
    pairs = list(zip(names, transcripts, strict=True))
    if order == "natural":
        pairs.sort(key=lambda pair: natural_key(pair[0]))
    return [n for n, _ in pairs], [t for _, t in pairs]


def _name(transcript: Transcript, i: int) -> str:
    return Path(transcript.source).name if transcript.source else f"intervju-{i + 1}"


def review_files(
    paths: Sequence[str | Path],
    guide: Guide | str | Path | None = None,
    *,
    interviewer: str | None = None,
    embeddings: Embeddings | None = None,
    pseudonymise: bool = False,
    order: Order = "given",
    progress: Progress | None = None,
) -> ReviewReport:
    """Read transcript files and review them (see :func:`review_many`)."""
    loaded = guide if isinstance(guide, Guide) else load_guide(guide)
    transcripts = [read_transcript(p, interviewer=interviewer) for p in paths]
    return review_many(
        transcripts,
        loaded,
        embeddings=embeddings,
        files=[Path(p).name for p in paths],
        pseudonymise=pseudonymise,
        order=order,
        progress=progress,
    )


__all__ = [
    "natural_key",
    "review_files",
    "review_many",
    "review_transcript",
    "summarise",
]
