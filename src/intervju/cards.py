"""Follow-up cards: three different questions an experienced interviewer could ask next.

The cards quote what the informant just said where grammar allows (a feeling said back,
an image asked about, a person in the story, a repeated word), and fall back to the
all-purpose probes only when the turn calls for them or nothing specific stands out: a
thought left hanging gets «let them talk», a generalisation an example, an episode told
without feelings «how was that for you?», unless the interviewer has just asked that.
Every wording and reason is language data (``data/lang/<code>/cards.yaml``); the reason
under a card quotes only words that are in the turn and counts only what was counted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from .lang import Lang, Spoken, words
from .lang.review_words import review_words
from .spans import (
    CardData,
    Span,
    Tok,
    _find_phrases,
    _match_at,
    _match_end,
    _quote,
    card_data,
    find_spans,
    inverted_subject,
    noun_or_verb,
)

__all__ = ["Card", "CardPlan", "angles_of", "plan_cards"]

SECOND_WORDING = 1.1  # a second card on the same span must beat others by this much
SILENCE_TRAILING = 4.8
SECOND_OF_KIND = 1.6  # a second span of one kind beats the all-purpose probes (≤ 1.2) above this
SECOND_KINDS = frozenset({"thing", "word_thing"})
STRONG_SECOND = 4.6  # a second card on one span only when it is this strong (a feeling of ones own)
SILENCE_HESITATING = 3.0
CUT_LENGTH = 6  # letters: an unknown final word this short is a word cut off
CUT_ZIPF = 1.0  # wordfreq zipf below this: not a word of the language
LOSS_REACH = 3  # words after «mistet» / "lost" where the person lost is named
CUT_KNOWN = 4.0  # zipf at or above this: a whole everyday word, not the start of one
SPECIFIC = 1.3  # a card on the informant's words this strong beats the all-purpose probes
CLASHING_INTENTS = frozenset({"feeling", "example", "reason"})
COMPARISON_REACH = 4  # words: «penere, enn det …»: the «than» of a comparative follows soon
SUBJECT_NOUNS = 2  # words between a generalising subject and its verb («de fleste foreldrene»)
MAX_FITTING = 2  # all-purpose probes beside a specific card, when the turn calls for them
FITTING = 2.0  # an all-purpose probe this strong is what the turn calls for (an episode told)
# Spans a second card may ask about from another angle (echo, then reason or meaning).
SECOND_ANGLE_KINDS = frozenset(
    {
        "feeling_self",
        "feeling_it",
        "feeling_word",
        "feeling_other",
        "evaluation",
        "evaluation_self",
        "evaluation_of",
        "image",
        "ambivalence",
        "own_clause",
    }
)
# Spans that name a thing or a person in passing: asked about only when nothing else stands out.
PLAIN_KINDS = frozenset({"thing", "word_thing", "episode"})
NEAR_SAME = frozenset({"echo", "meaning"})  # two cards on one word that ask the same
SIDE_WORDS = 4  # words: each side of «du sier både X og Y» is short
LEAD = 3.0  # «let them talk» leads a turn that stops mid-sentence
MEANING_OF_THING = (
    2.0  # a thing this strong (rare, pointed at, repeated) may be asked the meaning of
)
MEANING_OF = 0.9  # «hva betyr X for deg?» beats the bare «hva betyr det for deg?» (0.8)
# Any bracketed transcriber's note at the very end («… (ler)», «… [pause]»): the turn is left
# open. A pause mark inside the turn is the review's (``review_words().pause``, from the
# languages' review.yaml: «(pause 5 sek)», «[lang pause]», "[long silence]").
_NOTE_AT_END = re.compile(r"[(\[][^)\]]*[)\]]\W*$")
# A turn this short hesitates wherever its break is; in a longer one only its last sentence counts.
HESITATION_ANYWHERE = 15
_LAST_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=\S)")


@dataclass(frozen=True)
class Card:
    """One card: ``quote`` is the informant's words it picks up (None for a generic card)."""

    intent: str
    text: str
    why: str
    score: float
    kind: str
    quote: str | None = None
    anchor: tuple[int, int] | None = None
    tier: int = 0  # 1: a plain thing beside something that stands out; 2: only to fill up


@dataclass(frozen=True)
class CardPlan:
    """The chosen cards with the spans and situation behind them (for tests and debugging)."""

    cards: tuple[Card, ...]
    spans: tuple[Span, ...]
    situation: frozenset[str]
    asked_angles: frozenset[str]


def angles_of(question: str | None, lang: Lang) -> frozenset[str]:
    """What the interviewer's question already asks for (feeling, example, reason, …)."""
    if not question:
        return frozenset()
    low = " " + " ".join(w.lower() for w in words(question)) + " "
    data = card_data(lang)
    return frozenset(
        angle
        for angle, phrases in data.angles.items()
        if any(f" {p} " in low or low.strip().startswith(p) for p in phrases)
    )


def plan_cards(
    text: str,
    lang: Lang,
    *,
    context: Sequence[str] = (),
    asked: str | None = None,
    known: Collection[str] = (),
    recent: Collection[str] = (),
    retrieval: Mapping[str, float] | None = None,
    accept: Callable[[str, bool], bool] = lambda _text, _quoting: True,
    n: int = 3,
) -> CardPlan:
    """Up to ``n`` cards for the informant's ``text`` (best first), three different angles.

    ``accept(text, quoting)`` vets a wording with the question analyser (open, single, and
    not leading unless it only says back the informant's own evaluation).
    """
    data = card_data(lang)
    spans, toks, spoken = find_spans(text, lang, context=context, asked=asked, known=known)
    situation = _situation(toks, spoken, spans, data)
    angles = angles_of(asked, lang)
    candidates = [c for s in spans for c in _span_cards(s, data, toks)]
    candidates += _two_sides(spans, toks, data)
    candidates += _generic_cards(situation, spans, toks, data, angles, retrieval or {})
    candidates = _as_a_set(candidates, spans, toks, situation, data)
    candidates.sort(key=lambda c: -c.score)
    chosen = _choose(candidates, recent, accept, n)
    return CardPlan(tuple(chosen), tuple(spans), frozenset(situation), angles)


def _choose(
    candidates: Sequence[Card], recent: Collection[str], accept: Callable[[str, bool], bool], n: int
) -> list[Card]:
    """The cards as a set, best first: «let them talk» when the turn calls for it, then cards
    on different words of the informant's (one per span, one per kind of span first), at most
    one all-purpose probe and none beside two cards on the informant's words; a plain thing
    named in passing only when nothing else stands out (see :func:`_as_a_set`).

    ``n`` cards are always returned: when the turn has too little, a second angle on a
    feeling or an image comes before a second all-purpose probe, and a repeat last.
    """
    usable = [
        c
        for c in candidates
        if c.text not in recent and (c.intent == "silence" or accept(c.text, c.anchor is not None))
    ]
    chosen: list[Card] = []

    def take(card: Card) -> bool:
        if len(chosen) >= n or any(c.text == card.text for c in chosen):
            return False
        chosen.append(card)
        return True

    silence = next((c for c in usable if c.intent == "silence"), None)
    if silence is not None:
        take(silence)  # only made when the turn calls for it; placed by its score below
    own = [c for c in usable if c.anchor is not None and c.tier == 0]
    plain = [c for c in usable if c.anchor is not None and c.tier == 1]
    if not own:  # what stood out has no card that passes: the things named are what is left
        own, plain = [replace(c, tier=0) for c in plain], []
    generics = [c for c in usable if _generic(c) and c.tier == 0]
    if (
        generics
        and generics[0].score >= FITTING
        and generics[0].score > max((c.score for c in own), default=0.0)
    ):
        take(
            generics[0]
        )  # what the turn calls for above all («hvordan var det for deg?» at a death)
    for strict in (True, False):  # other kinds of span first, then more of one kind
        for card in own:
            if not _on_other_words(card, chosen):
                continue
            if strict and any(_same_angle(card, c) for c in chosen):
                continue
            if not strict and sum(c.kind == card.kind for c in chosen) >= 2:
                continue
            take(card)
    if sum(c.anchor is not None for c in chosen) < 2 and not any(_generic(c) for c in chosen):
        for card in generics:
            if not any(_same_angle(card, c) for c in chosen) and take(card):
                break  # one all-purpose probe at most
    for card in plain:
        if _on_other_words(card, chosen) and not any(_same_angle(card, c) for c in chosen):
            take(card)
    # Too little in the turn: a probe the turn calls for (an example after «ofte»), a second
    # angle on a feeling or an image, then a filler.
    for card in generics:
        if card.score >= FITTING and not any(_generic(c) or _same_angle(card, c) for c in chosen):
            take(card)
    for near in (False, True):  # why beside saying it back first; «hva legger du i» last
        if near and not any(_generic(c) for c in chosen):
            for card in generics:  # one all-purpose probe before asking the same twice
                if not any(_same_angle(card, c) for c in chosen) and take(card):
                    break
        for card in own:
            on_same = [c for c in chosen if c.anchor == card.anchor]
            if card.kind in SECOND_ANGLE_KINDS and all(
                _other_angle(card, c, near) for c in on_same
            ):
                take(card)
    for strict in (True, False):  # other intents first, then another wording of one
        for card in generics:
            if not any(_same_angle(card, c) if strict else _same_intent(card, c) for c in chosen):
                take(card)
    for card in sorted(candidates, key=lambda c: (_contained(c, chosen), c.tier)):
        if card.intent != "silence":
            take(card)  # never fewer than n: a recent generic is better than none
    return sorted(chosen, key=lambda c: (c.tier, -c.score))


def _other_angle(card: Card, other: Card, near: bool = False) -> bool:
    """A second card on the same words asks something else: why, beside saying it back;
    «hva legger du i X?» beside «du sa X – kan du si mer?» nearly asks the same twice
    (allowed with ``near``, before a second all-purpose probe)."""
    return card.intent != other.intent and (near or {card.intent, other.intent} != NEAR_SAME)


def _on_other_words(card: Card, chosen: Sequence[Card]) -> bool:
    """No two cards on the same words: the spans said back do not overlap."""
    if card.anchor is None:
        return True
    first, last = card.anchor
    return all(c.anchor is None or c.anchor[1] < first or last < c.anchor[0] for c in chosen)


def _generics_full(card: Card, chosen: Sequence[Card]) -> bool:
    """Beside a card on the informant's words: one all-purpose filler, or two probes the
    turn calls for (an example after «generelt», «hva gjør forskjellen?» after «mer … enn»)."""
    generics = sum(_generic(c) for c in chosen)
    return generics >= (MAX_FITTING if card.score >= FITTING else 1)


def _generic(card: Card) -> bool:
    """An all-purpose probe: quotes nothing of the turn, and is no «let them talk»."""
    return card.anchor is None and card.intent != "silence"


def _same_intent(card: Card, other: Card) -> bool:
    """An all-purpose probe asking what a card on the informant's words already asks
    («hvordan var det for deg?» beside «hvordan var det å spille klarinett?»)."""
    generic, specific = (card, other) if _generic(card) else (other, card)
    return (
        _generic(generic)
        and generic.score < FITTING
        and specific.anchor is not None
        and generic.intent == specific.intent
        and generic.intent in CLASHING_INTENTS
    )


def _second_of_kind(card: Card, clashes: Sequence[Card], chosen: Sequence[Card]) -> bool:
    """A second thing in the story («skolegården» after «vinteren»), on other words, is
    worth more than an all-purpose probe; a third of one kind is not three angles."""
    return (
        card.anchor is not None
        and card.kind in SECOND_KINDS
        and card.score >= SECOND_OF_KIND
        and all(c.anchor is not None and c.anchor != card.anchor for c in clashes)
        and sum(c.kind == card.kind for c in chosen) < 2
    )


def _contained(card: Card, chosen: Sequence[Card]) -> bool:
    """A generic whose words are already the end of a chosen card («hva betyr det for deg?»)."""
    bare = card.text.rstrip("?").lower()
    return card.anchor is None and any(bare in c.text.lower() for c in chosen)


def _same_angle(card: Card, other: Card) -> bool:
    if _contained(card, [other]) or _same_intent(card, other):
        return True
    if card.anchor is not None and other.anchor is not None:
        # One card per span, and one per kind of span («fortell om faren din» once).
        if card.anchor == other.anchor:
            return card.intent == other.intent or card.score < STRONG_SECOND
        return card.kind == other.kind
    if card.anchor is None and other.anchor is None:
        return card.intent == other.intent
    return False


def _as_a_set(
    candidates: Sequence[Card],
    spans: Sequence[Span],
    toks: Sequence[Tok],
    situation: set[str],
    data: CardData,
) -> list[Card]:
    """What the turn as a whole rules out or puts back.

    - A turn cut off mid-sentence: «let them talk» leads, and no card asks about the clause
      left open (nor an all-purpose «det» that can only mean it) unless nothing else is left.
    - A plain thing or person named in passing ranks below a feeling, an evaluation, an image
      or two sides said together in the same turn.
    - No «what made it so?» when the informant has just said why («fordi», "because",
      «…, så det …»), and no example asked for right after an episode was told.
    """
    salient = any(s.kind not in PLAIN_KINDS and s.score >= SPECIFIC for s in spans)
    trailing = "trailing" in situation
    open_from = _last_sentence(toks)
    reasons = _reason_at(toks, data)
    told = "past" in situation and "generalising" not in situation
    out: list[Card] = []
    for card in candidates:
        if card.intent == "silence":
            out.append(replace(card, score=card.score + LEAD) if trailing else card)
            continue
        tier = 0
        if card.anchor is not None and card.kind in PLAIN_KINDS and salient:
            tier = 1
        if trailing and (card.anchor is None or card.anchor[1] >= open_from):
            tier = 2
        if card.intent == "reason" and _reason_given(card, toks, reasons):
            tier = 2
        if told and _generic(card) and card.intent == "example":
            tier = 2
        out.append(replace(card, tier=tier) if tier else card)
    return out


def _two_sides(spans: Sequence[Span], toks: Sequence[Tok], data: CardData) -> list[Card]:
    """«Det er givende, men jeg føler meg alene», «redde for ham og glade i ham samtidig»: two
    things of the informant's that pull apart in one sentence are asked about together."""
    wording = data.generic.get("two_sides")
    if wording is None or not toks:
        return []
    marks = [a for a, _ in _find_phrases(toks, data, "contrast_words")]
    sides = sorted(
        (s for s in spans if s.kind not in PLAIN_KINDS and s.score >= SPECIFIC),
        key=lambda s: s.first,
    )
    for a, b in pairwise(sides):
        if b.first <= a.last or _sentence(toks, a.first) != _sentence(toks, b.first):
            continue
        end = _sentence(toks, a.first)[1]
        if not any(a.first < m <= end for m in marks):
            continue
        first, second = _side(toks, a, data), _side(toks, b, data)
        if not first or not second or first.lower() == second.lower():
            continue
        if max(len(first.split()), len(second.split())) > SIDE_WORDS:
            continue  # two whole clauses side by side is no question an interviewer says
        text = _tidy(wording["text"].format_map(_Strict({"first": first, "second": second})))
        said = {"quote": second, "first": first, "second": second, "count": ""}
        why = data.reasons.get("two_sides", "").format_map(said)
        score = round(max(a.score, b.score) + 0.1, 3)
        return [Card(wording["intent"], text, why, score, "two_sides", second, (b.first, b.last))]
    return []


def _side(toks: Sequence[Tok], span: Span, data: CardData) -> str:
    """The words of one side without the subject and verb in front («er redde for ham» →
    «redde for ham»), or the evaluation of a thing without the thing."""
    adj = span.slots.get("adj", "")
    if adj and adj.lower() in span.quote.lower():
        return adj  # «jobben er meningsfull» → «meningsfull»: the evaluation itself
    lead = data.words("side_leads")
    first = span.first
    while first < span.last and toks[first].low in lead:
        first += 1
    return _quote(toks, first, span.last)


def _last_sentence(toks: Sequence[Tok]) -> int:
    """Where the turn's last sentence starts: in a turn cut off, the sentence left open."""
    starts = [i for i, t in enumerate(toks) if i and t.sentence_start]
    return starts[-1] if starts else 0


def _sentence(toks: Sequence[Tok], at: int) -> tuple[int, int]:
    first = max((i for i in range(at + 1) if toks[i].sentence_start), default=0)
    nxt = [i for i in range(at + 1, len(toks)) if toks[i].sentence_start]
    return first, (nxt[0] - 1 if nxt else len(toks) - 1)


def _reason_at(toks: Sequence[Tok], data: CardData) -> list[int]:
    """Where the turn gives a reason: «fordi», "because", and a consequence opening a clause
    («…, så det blir at …»: the marker right after punctuation, then a subject)."""
    found = [a for a, _ in _find_phrases(toks, data, "reason_markers")]
    subjects = data.words("subject_pronouns") | data.words("it_pronouns")
    for i, tok in enumerate(toks[:-1]):
        if (
            tok.low in data.words("consequence_markers")
            and tok.boundary
            and toks[i + 1].low in subjects
        ):
            found.append(i)
    return found


def _reason_given(card: Card, toks: Sequence[Tok], reasons: Sequence[int]) -> bool:
    """A reason card on words whose sentence already says why (any reason, for a generic)."""
    if not reasons or not toks:
        return False
    if card.anchor is None:
        return True
    first, last = _sentence(toks, min(card.anchor[0], len(toks) - 1))
    return any(first <= r <= last for r in reasons)


# --- cards on a span ------------------------------------------------------------------------
_CARD_KIND = {
    "feeling_self": "feeling_self",
    "evaluation_self": "feeling_self",
    "feeling_word": "feeling_word",
    "evaluation_word": "word",
    "repeated_context": "repeated",
    "word_thing": "word_thing",
    "pointer": "pointer",
}
_REASON_KIND = {
    "feeling_self": "feeling",
    "feeling_it": "feeling",
    "feeling_word": "feeling",
    "feeling_other": "feeling_other",
    "evaluation_self": "evaluation",
    "evaluation_word": "evaluation",
    "word_thing": "word",
}


def _span_cards(span: Span, data: CardData, toks: Sequence[Tok] = ()) -> list[Card]:
    kind = _CARD_KIND.get(span.kind, span.kind)
    if kind == "repeated" and "np" in span.slots:
        kind = "repeated_thing"
    if kind == "image" and " " in span.quote:
        kind = "image_clause"  # «i hele kroppen» is said back in its clause, not defined
    marked = span.slots.get("image_words", span.quote) != span.quote  # «som …», "like …"
    if marked and kind == "image_clause" and not _has_subject(span.slots["clause"], data):
        kind = "image_said"  # "Like walking into a museum …": no clause to say back
    if span.kind == "evaluation" and span.slots.get("kind") == "feeling":
        kind = "evaluation"
    if span.kind == "evaluation_word" and "adj" in span.slots:
        kind = "evaluation_alone"  # «litt vanskelig»: why, and what they mean only if their own
    values = {"quote": span.quote, **span.slots}
    wordings = [w for w in data.cards.get(kind, ()) if w.get("tense") in (None, span.tense)]
    if "clause" in values and not _said_clause(values["clause"], data):
        # «Du sa at eldre dame som var helt urolig»: no clause with its subject to say
        # back; the informant's words are quoted as said instead, or the card is left out
        quoted = [
            w for w in data.cards.get(f"{kind}_quoted", ()) if w.get("tense") in (None, span.tense)
        ]
        wordings = quoted + [w for w in wordings if "{clause}" not in w["text"]]
    if _bare_description(span, toks, data):
        # "You mentioned 'alone'": a lone adjective is asked what it means, not said back
        wordings = [w for w in wordings if w["intent"] != "echo"]
    why = _reason(span, data)
    out: list[Card] = []
    out += _meaning_of(span, data, kind, values)
    for rank, wording in enumerate(wordings):
        if "{adj}" in wording["text"] and " " in values.get("adj", ""):
            continue  # «hva gjorde det så {adj}?» needs one word, not «på trynet»
        if "{adj}" in wording["text"] and values.get("adj", "").lower() in data.words(
            "evaluation_nouns"
        ):
            continue  # «hva gjorde det så kaos?»: a noun takes no «gjorde det så …»
        try:
            text = wording["text"].format_map(_Strict(values))
        except KeyError:
            continue
        text = _tidy(text)
        score = span.score - (SECOND_WORDING * rank)
        out.append(
            Card(
                wording["intent"],
                text,
                why,
                round(score, 3),
                span.kind,
                span.quote,
                (span.first, span.last),
            )
        )
    return out


def _said_clause(clause: str, data: CardData) -> bool:
    """The words said back after «Du sa at …» form a clause: a subject pronoun first, or a
    verb that is not inside a relative clause («treneren er streng», not «eldre dame som
    var helt urolig», not «de små pratene ved kaffemaskinen»)."""
    verbs = data.words("present_forms") | data.words("past_forms") | data.words("auxiliaries")
    verbs |= data.words("own_copulas") | data.words("feeling_verbs")
    verbs |= data.words("self_emotion_verbs") | data.words("emotion_verbs")
    said = [w.lower() for w in clause.split()]
    if _has_subject(clause, data):
        # «de små pratene ved kaffemaskinen»: «de» is the article there, not «they»
        return bool(said) and (
            said[0] not in data.words("demonstratives")
            or any(w in verbs or _past_form(w, data) for w in said[1:])
        )
    finite = tuple(data.words("finite_endings"))
    if said and said[0] in data.words("fused_subjects"):
        return True  # "it's a constant juggling act": subject and verb in one word
    for i, word in enumerate(said):
        if word in data.words("relative_markers"):
            return False
        if word in verbs or (i and finite and word.endswith(finite) and len(word) > CUT_LENGTH - 2):
            return i > 0  # «dagene flyter»: a finite ending after the subject
    return False


def _past_form(word: str, data: CardData) -> bool:
    """A word ending as a past tense does («dagene flyttet»), for :func:`_said_clause`."""
    ends = tuple(data.words("past_endings"))
    not_ends = tuple(data.words("not_past_endings"))
    return bool(ends) and word.endswith(ends) and not word.endswith(not_ends) and len(word) > 3


def _bare_description(span: Span, toks: Sequence[Tok], data: CardData) -> bool:
    """A feeling or evaluation said as one word with nothing that makes it a noun («alene»,
    «givende», "relieved"; not «mye uro», «en sorg», «med sosial angst»; «i bilen alene» is one)."""
    if span.first != span.last or " " in span.quote or not toks or span.first >= len(toks):
        return False
    if span.kind not in {"feeling_word", "own_phrase", "evaluation_word", "described"}:
        return False
    if span.kind in {"own_phrase", "described"} and not span.quote.lower().endswith(
        tuple(data.words("adjective_endings"))
    ):
        return False  # «fadderuka»: a word of their own that is no feeling or evaluation
    if span.quote.lower().endswith(tuple(data.words("noun_endings"))):
        return False  # «ensomhet», "loneliness": a noun, said back as it was said
    before = toks[span.first - 1].low if span.first else ""
    leads = data.words("noun_leads")
    middle = toks[span.first - 1] if span.first >= 2 else None
    if (
        middle is not None
        and toks[span.first - 2].low in leads
        and not middle.boundary
        and middle.low.endswith(tuple(data.words("adjective_endings")))
    ):
        return False  # «med sosial angst», "a painful loss": a lead and a word describing it
    return not before or before not in leads or toks[span.first].boundary


def _has_subject(clause: str, data: CardData) -> bool:
    """The clause said back starts with its subject («du …», «det …»)."""
    first = clause.split()[0].lower() if clause.split() else ""
    subjects = set(data.words("subject_pronouns")) | set(data.words("it_pronouns"))
    return first in subjects | set(data.pronoun_swap.values()) | set(data.words("own_fused"))


def _meaning_of(span: Span, data: CardData, kind: str, values: Mapping[str, str]) -> list[Card]:
    """«Hva betyr klasserommet for deg?»: the meaning probe about the thing itself.

    It stands in for the all-purpose «Hva betyr det for deg?», so it carries no anchor
    and may sit beside another card on the same thing.
    """
    wording = data.generic.get("meaning_of")
    if wording is None or kind not in {"thing", "repeated_thing"} or "np" not in values:
        return []
    if span.score < MEANING_OF_THING:
        return []  # «hva betyr bordet for deg?»: a thing named in passing means nothing special
    text = _tidy(wording["text"].format_map(_Strict(values)))
    score = max(span.score - SECOND_WORDING, MEANING_OF)
    anchor = (span.first, span.last)  # the same thing: not a second card beside «fortell mer»
    why = _reason(span, data)
    return [Card(wording["intent"], text, why, round(score, 3), "meaning_of", span.quote, anchor)]


class _Strict(dict[str, str]):
    def __missing__(self, key: str) -> str:
        raise KeyError(key)


def _tidy(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def _hesitates_at_end(original: str, length: int) -> bool:
    """A break («…», «[pause]») where the informant ended: still looking for words. In a long
    turn a break further back was only on the way to a settled last sentence («… og … ja.
    det var litt sånn dugnadsånd, egentlig.»): they said what they meant (blind round 5)."""
    pause = review_words().pause
    text = original if length <= HESITATION_ANYWHERE else _LAST_SENTENCE.split(original)[-1]
    if not text.strip():
        text = original
    return "…" in text or "..." in text or bool(pause.search(text))


def _reason(span: Span, data: CardData) -> str:
    key = _REASON_KIND.get(span.kind, span.kind)
    template = data.reasons.get(key) or data.reasons.get("open", "")
    return template.format_map({"quote": span.quote, "count": data.count_word(span.count)})


# --- cards for the turn as a whole ----------------------------------------------------------
def _situation(
    toks: Sequence[Tok], spoken: Spoken, spans: Sequence[Span], data: CardData
) -> set[str]:
    """What the turn as a whole calls for: trailing off, hesitation, a short answer, …"""
    out: set[str] = set()
    original = spoken.original.rstrip()
    if not toks:
        # Only hesitation («å, eh»): the informant is looking for words, give them time.
        return {"short", "hesitating"} if words(spoken.original) else {"short"}
    if all(t.low in data.words("bare_answers") for t in toks):
        out.add("bare")  # «ja», «ja ja m»: a closed question answered, nothing to pick up
    last = toks[-1]
    settled = any(_match_end(toks, phrase) for phrase in data.phrases("settled_endings"))
    settled = settled or _inverted_end(toks, data)
    open_end = last.low in data.words("trailing") and not _particle_end(toks, data)
    open_end = open_end or any(_match_end(toks, p) for p in data.phrases("trailing_endings"))
    if original.endswith(("...", "…", "–")) or (
        open_end and original[-1:] not in ".!?" and not settled
    ):
        out.add("trailing")
    elif _cut_off(toks, original, data):
        out.add("trailing")  # «… og folk var veld»: the informant is still talking
    if _NOTE_AT_END.search(original) or original.count("…") + original.count("...") >= 2:
        out.add("trailing")
    elif _hesitates_at_end(original, len(toks)) or any(
        _match_end(toks, phrase) for phrase in data.phrases("unsure_endings")
    ):
        out.add("hesitating")  # «… jeg vet ikke helt hvordan jeg skal forklare det»: searching
    said = len(words(spoken.original))
    dropped = said - len(toks)
    if dropped >= 4 and dropped >= 0.2 * said and len(toks) <= HESITATION_ANYWHERE:
        out.add("hesitating")
    if len(toks) <= 5:
        out.add("short")
    if _generalising(toks, data):
        out.add("generalising")
    said_past = [i for i, t in enumerate(toks) if _past(t, data)]
    denied = [i for i in said_past if _denied(toks, i, data)]
    past = [toks[i] for i in said_past if i not in denied]
    if denied and not past:
        out.add("denied")  # «jeg har ikke jobbet der», "I never worked nights": nothing lived
    after_aux = {toks[i].start for i in range(1, len(toks)) if _after_aux(toks, i, data)}
    # «har jobbet», «er utdannet»: a perfect or a state, not an event told
    events = [
        t for t in past if t.low not in data.words("stative_past") and t.start not in after_aux
    ]
    if events:
        out.add("past")
    elif any(t.start not in after_aux for t in past):
        out.add("told_past")  # «vi hadde mange venner»: a state of the past, told
    if _grave(toks, data):
        out.add("moved")
    if len(past) >= 2 and events and not _says_how_it_was(spans):
        out.add("episode_no_feeling")
    reasoned = bool(_hits(toks, data, "reason_markers"))
    if _opinions(toks, data) and not reasoned:
        out.add("opinion")
    if _hits(toks, data, "observation") and not reasoned:
        out.add("observation")
    if _comparisons(toks, data):
        out.add("comparison")
    return out


def _after_aux(toks: Sequence[Tok], i: int, data: CardData) -> bool:
    """«har jobbet», «har ikke jobbet», "have never worked", "I've lived": an auxiliary before
    the word, past sentence adverbs and negations."""
    skip = data.words("sentence_adverbs") | data.words("negations")
    k = i - 1
    while k > 0 and toks[k].low in skip and not toks[k + 1].boundary:
        k -= 1
    aux = toks[k].low in data.words("auxiliaries") or toks[k].low in data.contractions  # "I've"
    return not toks[k + 1].boundary and aux


def _denied(toks: Sequence[Tok], i: int, data: CardData) -> bool:
    """The informant's own past, negated in its clause («jeg har ikke jobbet der», «Nei, aldri
    jobbet natt», «det gjorde jeg ikke»): nothing lived through to ask how it was. Someone
    else's («hun kom aldri tilbake») is something the informant lived through."""
    openers = data.words("clause_openers") | data.words("own_subordinators")
    first = i
    while first > 0 and not toks[first].boundary and toks[first - 1].low not in openers:
        first -= 1
        if toks[first].low in data.words("relatives"):
            return False  # «noe som ikke handlet om Nav»: what the relative stands for
    last = i
    while last + 1 < len(toks) and not toks[last + 1].boundary:
        if toks[last + 1].low in openers | data.words("relatives"):
            break
        last += 1
    clause = toks[first : last + 1]
    verbs = data.words("present_forms") | data.words("past_forms")

    def governs(k: int) -> bool:  # no other verb between: not "sat there thinking this is not"
        between = toks[min(k, i) + 1 : max(k, i)]
        return not any(t.low in verbs or _past(t, data) for t in between)

    negations = data.words("negations")
    if not any(toks[k].low in negations and governs(k) for k in range(first, last + 1)):
        return False
    subjects = data.words("subject_pronouns") | data.words("other_pronouns")
    own = data.words("self_pronouns")
    named = [t for t in clause if t.low in subjects]
    if named:
        return all(t.low in own for t in named)
    # no pronoun: the informant's own only when nothing before the verb could be a subject
    plain = data.words("negations") | data.words("auxiliaries") | data.words("bare_answers")
    return all(t.low in plain | data.words("sentence_adverbs") for t in toks[first:i])


def _grave(toks: Sequence[Tok], data: CardData) -> list[str]:
    """«døde», «begravelse»; «mistet» only of a person («mistet faren min», not «mistet
    kontakten med de nye»)."""
    found = _hits(toks, data, "grave")
    people = data.words("person_nouns") | data.words("possessives")
    for first, last in _find_phrases(toks, data, "grave_loss"):
        after = toks[last + 1 : last + 1 + LOSS_REACH]
        if any(t.lemma in people or t.low in people for t in after):
            found.append(_quote(toks, first, last))
    return found


def _opinions(toks: Sequence[Tok], data: CardData) -> list[str]:
    """«jeg synes», and «for meg» where it opens a clause («For meg er video helt vanlig»), not
    where it ends one («han sang for meg», «viktig for meg at …»)."""
    found = _hits(toks, data, "opinion")
    openers = data.words("clause_openers")
    for first, last in _find_phrases(toks, data, "opinion_openers"):
        if first == 0 or toks[first].boundary or toks[first - 1].low in openers:
            found.append(_quote(toks, first, last))
    return found


def _cut_off(toks: Sequence[Tok], original: str, data: CardData) -> bool:
    """The turn stops inside a word («… var veldig fint og folk var veld», «jeg var alei»).

    A live transcript that ends mid-word ends while the informant is still speaking. Cut:
    the start of a word said earlier in the turn, a lone letter that is no word, or a short
    unknown word; a rare word or a name at the end («… tyggegummipapir») is neither.
    """
    last = toks[-1]
    if not original[-1:].isalpha() or last.word[:1].isupper():
        return False
    if last.low in data.words("bare_answers") | data.words("one_letter_words"):
        return False
    if len(last.low) == 1:
        return True
    earlier = {t.low for t in toks[:-1]}
    known = last.zipf >= CUT_KNOWN  # «… hva de sa» after «satt»: a word, not «sa-» cut off
    if not known and any(w.startswith(last.low) and len(w) > len(last.low) for w in earlier):
        return True
    return len(last.low) <= CUT_LENGTH and last.zipf < CUT_ZIPF


def _particle_end(toks: Sequence[Tok], data: CardData) -> bool:
    """«… før vi fikk det til», «… og hører på»: the last word is the particle of its verb
    (after an object pronoun or right after the verb), not a preposition left open."""
    if len(toks) < 2 or toks[-1].boundary or toks[-1].low not in data.words("particles"):
        return False
    before = toks[-2]
    if before.low in data.words("particle_objects"):
        return True
    return before.low in data.words("present_forms") or _finite(before, data) or _past(before, data)


def _inverted_end(toks: Sequence[Tok], data: CardData) -> bool:
    """«så her bor jeg», «det husker jeg»: a clause closed by its subject, not a thought cut."""
    return inverted_subject(toks, len(toks) - 1, data)


def _fragment(toks: Sequence[Tok], data: CardData) -> bool:
    """«I elleve år.», «til å begynne med»: a fact or a time answered, no view to ask the
    reason for."""
    first = next((t for t in toks if t.low not in data.words("bare_answers")), None)
    if first is None:
        return False
    number = any(ch.isdigit() for t in toks for ch in t.low) or any(
        t.low in data.words("numbers") for t in toks
    )
    return number or first.low in data.words("dangling_words")


def _generalising(toks: Sequence[Tok], data: CardData) -> list[str]:
    """Talk in general terms: «som regel», «ofte», and «folk sier», «man blir», «mange tror».

    A word of ``generalising_subjects`` counts only as the subject of a present verb; said
    plainly («mange venner», «det kom folk») it is a quantity, not a claim to ask an example of.
    """
    found = _hits(toks, data, "generalising")
    openers = data.words("clause_openers")
    for first, last in _find_phrases(toks, data, "generalising_subjects"):
        if not (first == 0 or toks[first].boundary or toks[first - 1].low in openers):
            continue
        verb = _generalising_verb(toks, last, data)
        if verb is not None:
            found.append(_quote(toks, first, verb))
    inverted = data.words("generalising_inverted")
    for i, tok in enumerate(toks):
        # «som bonde står man jo alene»: the generic subject right after its verb
        if tok.low in inverted and i and not tok.boundary and _finite(toks[i - 1], data):
            found.append(_quote(toks, i - 1, i))
    return found


def _generalising_verb(toks: Sequence[Tok], last: int, data: CardData) -> int | None:
    """The present verb of a generalising subject ending at ``last``: right after it, or after
    the noun it quantifies, with possessives and «av» / "of" inside («de fleste foreldrene
    svarer», «de fleste kollegaene mine jobber», "most of my colleagues work"). After «av» /
    "of" the subject is plain, so any word that is no past tense is its verb."""
    inner = data.words("subject_inner") | data.words("possessives")
    partitive = False
    nouns = 0
    for at in range(last + 1, len(toks)):
        tok = toks[at]
        if tok.boundary:
            return None
        if _finite(tok, data):
            return at
        if tok.low in data.words("subject_links"):
            partitive = True
            continue
        if tok.low in inner:
            continue
        if partitive and nouns:  # "most of my colleagues work …", not "… left last year"
            return None if _past(tok, data) else at
        reading = noun_or_verb(tok, data)
        if nouns >= SUBJECT_NOUNS or reading == "verb" or (reading != "noun" and not partitive):
            return None
        nouns += 1
    return None


def _finite(tok: Tok, data: CardData) -> bool:
    """A present-tense verb by form: the list of forms, or an inflected verb («klager»).

    «alle var ute og gikk på skøyter» tells what happened, not what people do.
    """
    if tok.low in data.words("present_forms"):
        return True
    past = tok.low in data.words("past_forms") or _past(tok, data)
    return not past and noun_or_verb(tok, data) == "verb"


def _comparisons(toks: Sequence[Tok], data: CardData) -> list[str]:
    """«bedre enn», «mye mer», and a comparative by its ending («hyppigere», "stricter")."""
    found = [
        _quote(toks, a, b)
        for a, b in _find_phrases(toks, data, "comparatives")
        if not _than_expected(toks, a, data)
    ]
    ends = data.words("comparison_endings")
    than = data.words("comparison_than")
    degree = data.words("comparison_degree")
    for i, tok in enumerate(toks):
        if not any(tok.low == tok.lemma + e for e in ends):
            continue
        # «penere enn det vi gjorde», «mye hyppigere»; not «senere», «videre» said plainly
        after = any(t.low in than for t in toks[i + 1 : i + 1 + COMPARISON_REACH])
        if _than_expected(toks, i, data):
            continue  # «høyere enn jeg trodde»: against what was expected, not two things
        if after or (i and toks[i - 1].low in degree and not tok.boundary):
            found.append(tok.quote)
    return found


def _than_expected(toks: Sequence[Tok], at: int, data: CardData) -> bool:
    """«bedre enn jeg trodde»: the «than» of the comparison at ``at`` leads to an expectation."""
    than = data.words("comparison_than")
    for k in range(at, min(at + 1 + COMPARISON_REACH, len(toks))):
        if toks[k].low in than:
            return any(_match_at(toks, k + 1, p) for p in data.phrases("comparison_expected"))
    return False


def _says_how_it_was(spans: Sequence[Span]) -> bool:
    """A feeling, an evaluation or an image of the informant's: how it was is already said."""
    return any(
        s.kind.startswith(("feeling", "evaluation")) or s.kind in {"image", "ambivalence"}
        for s in spans
    )


def _hits(toks: Sequence[Tok], data: CardData, name: str) -> list[str]:
    return [_quote(toks, a, b) for a, b in _find_phrases(toks, data, name)]


def _past(tok: Tok, data: CardData) -> bool:
    from .spans import _past_verb

    return _past_verb(tok, data)


def _generic_cards(
    situation: set[str],
    spans: Sequence[Span],
    toks: Sequence[Tok],
    data: CardData,
    angles: frozenset[str],
    retrieval: Mapping[str, float],
) -> list[Card]:
    out: list[Card] = []
    strong = max((s.score for s in spans), default=0.0)

    def add(name: str, score: float, reason: str, quote: str | None = None) -> None:
        wording = data.generic.get(name)
        if wording is None:
            return
        intent = wording["intent"]
        if intent in angles or (name in {"short", "elaborate"} and "elaborate" in angles):
            return  # the interviewer has just asked for exactly this
        why = data.reasons.get(reason, data.reasons.get("open", "")).format_map(
            {"quote": quote or "", "count": ""}
        )
        bonus = 0.3 * retrieval.get(intent, 0.0)
        out.append(Card(intent, wording["text"], why, round(score + bonus, 3), name))

    if "moved" in situation:
        grave = _grave(toks, data)[0]
        add("silence", SILENCE_HESITATING + 0.2, "moved", grave)
        if not _says_how_it_was(spans):
            add("feeling", 3.3, "moved", grave)
    if "trailing" in situation:
        add("silence", SILENCE_TRAILING, "trailing")
    elif "hesitating" in situation:
        add("silence", SILENCE_HESITATING, "hesitating")
    if "bare" in situation:
        # After a bare yes the content is asked for; «what makes you say that?» is for a view.
        add("short", 3.4, "short")
        add("bare_how", 2.2, "short")
        add("bare_example", 2.0, "short")
    elif "short" in situation:
        # a short answer with words of its own («Jeg kjører hjem i stillhet.»): those first
        add("short", 3.4 if strong < SPECIFIC else min(2.4, strong - 0.05), "short")
        if not _fragment(toks, data):
            add("short_why", 2.2 if strong < SPECIFIC else 1.3, "short")
        # «hva tenker du om det?» after «ja ordner seg sikkert» asks for what was just said;
        # how it was (or is) for them is a different angle
        if not _says_how_it_was(spans) and strong < SPECIFIC and "denied" not in situation:
            told = "past" in situation or "told_past" in situation
            add("feeling" if told else "feeling_now", 1.0, "short")
        add("short_view", 0.3, "short")
    if "generalising" in situation:
        add("example", 2.8, "generalising", _generalising(toks, data)[0])
    if "episode_no_feeling" in situation:
        add("feeling", 2.7, "episode_no_feeling")
    if "opinion" in situation:
        add("reason", 2.4, "opinion", _opinions(toks, data)[0])
    if "observation" in situation:
        add("observation", 3.3, "observation", _hits(toks, data, "observation")[0])
    if "comparison" in situation:
        add("comparison", 2.9, "comparison", _comparisons(toks, data)[0])
    add("elaborate", 1.2, "open")
    nothing = strong < SPECIFIC  # nothing in the turn to pick up: the all-purpose probes
    general = "generalising" in situation or "observation" in situation
    told = "past" in situation or "told_past" in situation
    if general:
        add("episode_example", 1.0, "open")  # a general account, not an episode already told
    elif not told and "short" not in situation and nothing:
        add("bare_example", 0.9, "open")  # «jobben er grei nok»: an example of the present
    if told and "short" not in situation and not _says_how_it_was(spans):
        add("feeling", 0.7, "open")
    add("more", 0.6, "open")
    if general or nothing:
        add("view", 0.5, "open")  # «folk sier …»: their own view, not asked after every turn
    if "past" in situation and "short" not in situation:
        add("detail", 0.4, "open")  # «hvordan foregikk det?» only of something that happened
    add("meaning", 0.45, "open")  # a bare «what does it mean to you?» is the weakest filler
    return out
