"""Place every question of a *finished* interview on a guide topic.

Why not just replay the live tracker: live, it must decide turn by turn and
can only lean on the past. Afterwards the whole interview is known, and a
semi-structured interview moves through its guide roughly in order. So the
review decodes the most likely *sequence* of topics (Viterbi) from three
kinds of evidence per question:

* meaning: the live tracker's similarities of the question to every guide
  question (:meth:`GuideTracker.similarities`, same vectors and cache as
  live), as a softmax over topics of the best question per topic;
* words: content words the question shares with one topic's own text (its
  title, purpose, questions and presiseringer), weighted by how specific the
  word is to that topic («relasjonen», «pandemien», «avslutter»);
* time: where in the interview the question falls, against the guide's
  planned minutes per topic (a soft prior).

Transitions favour staying in a topic or moving to the next; jumping ahead
costs a little more per skipped topic, and going back costs as much as
skipping one (IPA interviewers are encouraged to follow the informant back).
The decoder remembers the furthest topic reached, so after a step back the
interviewer *resumes* where they were at the price of moving on, and an
announced return («going back to …») is judged without the planned minutes.
Follow-up questions carry little evidence of their own (their emission is damped), so
they mostly stay in the topic of the thread they follow, unless their words
clearly belong elsewhere (an informant's aside picked up as a new theme).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..lang.review_words import review_words
from ..models import Guide
from .followups import content_words, same_stem

TEMPERATURE = 0.015  # e5 cosines differ by a few hundredths between topics
LEXICAL_WEIGHT = 1.2
POSITION_WEIGHT = 1.0  # soft: real interviews rarely keep the planned minutes
STAY = 0.0
NEXT = -0.5
SKIP = -1.5  # per topic skipped beyond the next one
BACK = -1.5  # as much as skipping a topic: interviews that free themselves from the guide go back
RESUME = NEXT  # back from a step back, to a topic already reached: as cheap as moving on
CLOSING_BONUS = 3.0
ANNOUNCED_WEIGHT = 6.0
FOLLOW_UP_WEIGHT = 0.2  # a probe's own words say little about the topic
FOLLOW_UP_MOVE = -1.0  # extra cost for a follow-up to leave its thread's topic


# Announced returns («går vi litt tilbake …»), closings («til slutt …») and announced next
# topics («da går vi videre til …») are the language data's (``review.yaml``).


@dataclass(frozen=True)
class Placement:
    topic_index: int  # 1-based
    question_id: str | None
    score: float  # similarity to that guide question


def _topic_words(guide: Guide, language: str) -> list[frozenset[str]]:
    """Per topic: the content words of its title, purpose, questions and presiseringer."""
    out: list[frozenset[str]] = []
    for topic in guide.topics:
        texts = [topic.title, topic.purpose]
        for q in topic.questions:
            texts.append(q.text)
            if q.presisering:
                texts.append(q.presisering)
        out.append(frozenset(content_words(" ".join(texts), language)))
    return out


def _lexical(question: str, topic_words: list[frozenset[str]], language: str) -> np.ndarray:
    """Per topic: the question's words found in it, each weighted 1 / topics it is found in.

    A word found in one topic only («relasjonen», «korona» in «Koronakrisen»)
    counts fully; one found everywhere («video») counts for nothing useful.
    """
    scores = np.zeros(len(topic_words), dtype=np.float64)
    # «going back to …» names no topic («background»)
    question = review_words().topic_backward.sub(" ", question)
    for word in set(content_words(question, language)):
        hits = _hits(word, tuple(topic_words), language)
        for t in hits:
            scores[t] += 1.0 / len(hits)
    return scores


@lru_cache(maxsize=8192)
def _hits(word: str, topic_words: tuple[frozenset[str], ...], language: str) -> tuple[int, ...]:
    """The topics whose words include ``word`` (stem match); cached across questions."""
    return tuple(
        t for t, words in enumerate(topic_words) if any(_related(word, w, language) for w in words)
    )


ENGLISH_SUFFIX = 3  # letters: "colleague"/"colleagues", "work"/"working"; not "back"/"background"


def _related(a: str, b: str, language: str) -> bool:
    """A stem match; in English only across an inflection, since English compounds are rare
    and a shared start («back», «background») is more often chance than one word."""
    if not same_stem(a, b):
        return False
    return language != "en" or abs(len(a) - len(b)) <= ENGLISH_SUFFIX


def _spans(guide: Guide) -> list[tuple[float, float]]:
    total = sum(t.minutes for t in guide.topics) or 1.0
    spans: list[tuple[float, float]] = []
    start = 0.0
    for topic in guide.topics:
        end = start + topic.minutes / total
        spans.append((start, end))
        start = end
    return spans


def place_questions(
    guide: Guide,
    similarities: Sequence[np.ndarray | None],
    texts: Sequence[str],
    positions: Sequence[float],
    follow_ups: Sequence[bool],
    language: str = "nb",
) -> list[Placement]:
    """Decode topics for the questions of one interview.

    ``similarities`` has one row per question (guide question order), or
    None for a question that was not embedded (a follow-up); ``positions``
    are relative positions in the interview (0..1);
    ``follow_ups`` marks questions that inherit the previous topic.
    """
    n = len(texts)
    topics = len(guide.topics)
    if n == 0 or topics == 0:
        return []
    topic_of = np.asarray([guide.topic_index_of(q.id) - 1 for q in guide.questions], dtype=np.int64)
    ids = [q.id for q in guide.questions]
    words = _topic_words(guide, language)
    spans = _spans(guide)
    emissions = np.zeros((n, topics), dtype=np.float64)
    for i in range(n):
        sims = similarities[i]
        log_soft = np.zeros(topics, dtype=np.float64)
        if sims is not None:
            best = np.full(topics, -1.0)
            for t in range(topics):
                mask = topic_of == t
                if mask.any():
                    best[t] = float(sims[mask].max())
            logits = (best - best.max()) / TEMPERATURE
            log_soft = logits - math.log(float(np.exp(logits).sum()))
        lexical = _lexical(texts[i], words, language) * LEXICAL_WEIGHT
        announced = review_words().topic_announce.search(texts[i])
        if announced:
            lexical += _lexical(announced.group(1), words, language) * ANNOUNCED_WEIGHT
        if review_words().topic_closing.search(texts[i]):
            lexical[-1] += CLOSING_BONUS
        pos = min(max(positions[i], 0.0), 1.0)
        prior = np.array([-POSITION_WEIGHT * max(lo - pos, pos - hi, 0.0) for lo, hi in spans])
        if review_words().topic_backward.search(texts[i]):
            prior[:] = 0.0  # «går vi litt tilbake»: the plan's minutes no longer say where we are
        weight = FOLLOW_UP_WEIGHT if (follow_ups[i] and i > 0) else 1.0
        emissions[i] = weight * (log_soft + lexical) + prior
    path = _decode(emissions, texts, follow_ups, topics)
    out: list[Placement] = []
    for i, t in enumerate(path):
        rows = np.flatnonzero(topic_of == t)
        sims = similarities[i]
        if rows.size == 0 or sims is None:
            out.append(Placement(t + 1, None, 0.0))
            continue
        local = int(rows[np.argmax(sims[rows])])
        out.append(Placement(t + 1, ids[local], float(sims[local])))
    return out


def _decode(
    emissions: np.ndarray, texts: Sequence[str], follow_ups: Sequence[bool], topics: int
) -> list[int]:
    """The best topic path (Viterbi) over states (topic, furthest topic reached so far).

    Remembering the furthest topic lets an interviewer step back to an earlier topic and
    then *resume* where they were at the price of moving on (:data:`RESUME`), instead of
    paying for skipping ahead again; only topics beyond the furthest one count as skipped.
    """
    n = emissions.shape[0]
    states = [(t, m) for m in range(topics) for t in range(m + 1)]
    index = {state: k for k, state in enumerate(states)}
    size = len(states)
    plain = np.full((size, size), -np.inf)
    announced = np.full((size, size), -np.inf)
    leaving = np.zeros((size, size))
    for k, (a, m) in enumerate(states):
        for b in range(topics):
            j = index[(b, max(m, b))]
            if b == a:
                cost = STAY
            elif b < a:
                cost = BACK
            elif b <= m:
                cost = RESUME
            else:
                cost = NEXT + SKIP * (b - m - 1)
            plain[k, j] = cost
            announced[k, j] = NEXT if b < a else cost
            leaving[k, j] = 0.0 if b == a else FOLLOW_UP_MOVE
    topic = np.asarray([t for t, _ in states], dtype=np.int64)
    start = np.full(size, -np.inf)
    for t in range(topics):
        start[index[(t, t)]] = emissions[0, t]
    score = start
    back = np.zeros((n, size), dtype=np.int64)
    for i in range(1, n):
        trans = announced if review_words().topic_backward.search(texts[i]) else plain
        if follow_ups[i]:
            trans = trans + leaving
        total = score[:, None] + trans
        back[i] = np.argmax(total, axis=0)
        score = total[back[i], np.arange(size)] + emissions[i, topic]
    path = [int(np.argmax(score))]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i][path[-1]]))
    path.reverse()
    return [int(topic[k]) for k in path]
