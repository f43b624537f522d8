"""Follow-up or new question? And which rich answers were left hanging?

Two review-only judgements built on the live engine's cue detector and the
probe bank's word lists (nothing here duplicates the cue lexicon).

*Follow-up.* An interviewer question follows up the informant's previous
turn when (in this order):

1. it uses a probe form («kan du gi et eksempel», «hva mener du med»,
   «hvis jeg forstår deg riktig», «du sier at», "tell me more" …); or
2. it echoes the informant's own words: a content word of the question
   (not a stop word, not in the guide's own vocabulary, at least four
   letters) shares a stem with a word of the previous informant turn, or a
   demonstrative points at one of their words («den grensen»), or the
   question shares three or more of their content words; or
3. it asks about a feeling (cards ``emotion``, not the guide's) right after an answer
   naming one: the informant's feeling in other words («jeg ble flau …» → «Var det
   ubehagelig for deg …?»), closed or not; or
4. it is a short question pointing back with a pronoun and nothing new
   («Hva gjorde det med deg?», «Hvordan var det?»).

Otherwise it opens something new (usually the next guide question). The
guide's vocabulary is excluded in rule 2 so that a guide question about
«relasjonen» is not mistaken for an echo when the informant happened to say
«relasjon».

*Missed follow-up.* Between two interviewer questions lies an answer block of
one or more informant turns; a backchannel («Mhm.», «Ja.») inside it takes up
what came before (minimal encouragement is a follow-up), so only the turns
after the last backchannel count. Each informant turn is read twice: the live
engine's cues plus explicit pause markers («(pause 5 sek)», "[long pause]";
:func:`cue_facts`) and the follow-up span ranker (:func:`span_richness`: a
feeling, an image, ambivalence, a charged evaluation). Its strength
(``review.core._call_for_follow_up``) is what is rich in it, a marked pause and a
moment that stayed with them, never its length; a turn left hanging (trailing
off while hedging, a feeling of their own said haltingly, a story broken off)
counts too. The strongest turn of a block whose strength reaches
:data:`MISSED_THRESHOLD` is a missed follow-up when the next interviewer
question is not a follow-up. When the block itself answered a
follow-up, the bar is one point higher: the thread was already taken up once.
An answer the interviewer announces a return to later («Earlier you said …», «du sa
tidligere at …»; :func:`returned_to`) was followed up after all, not missed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..cues import Cue
from ..errors import IntervjuError
from ..lang import plain_apostrophes
from ..lang import words as tokenise
from ..lang.cue_words import either_language
from ..lang.review_words import ReviewWords, review_words
from ..probes import load_probe_bank
from ..spans import EMPHATIC_REACH, CardData, Span, card_data, emphatic

MISSED_THRESHOLD = 2.0
# A marked pause without a number: «[lang pause]» and «(pause)» count as this long,
# «(kort pause)» as short.
UNTIMED_PAUSE_SECONDS = 5.0
SHORT_PAUSE_SECONDS = 1.0

# Probe forms, pointing words, pause marks and echo stop words are the language data's
# (``data/lang/<code>/review.yaml``, through :func:`review_words`).
_LETTER = re.compile(r"[^\W\d_]")
ECHO_MIN_SHARED = 3
_ELLIPSIS = re.compile(r"\w\s*(\.\.\.|…)\s*\w")


@dataclass(frozen=True)
class FollowUpVerdict:
    follow_up: bool
    reason: str  # "probe", "echo:<word>", "pointing", or "" for a new question


@lru_cache(maxsize=4)
def _stopwords(language: str) -> frozenset[str]:
    try:
        words = load_probe_bank(language).lexicon.stopwords
    except IntervjuError:  # a broken bank must not break a review; fall back to the small set
        words = frozenset()
    return frozenset(words) | review_words().echo_stop_words


def _words(text: str) -> list[str]:
    """The language layer's words that hold a letter (a number is never an echo).

    For echoes a compound's parts count on their own («Nav-kontoret» is echoed by
    «kontoret»), a possessive is its noun ("daughter's", cues ``possessive_endings``) and a
    contraction ("didn't", "I'll") is a function word, not an echo.
    """
    out: list[str] = []
    for part in _parts(text):
        if "'" in part:
            ending = next((e for e in _possessive_endings() if part.endswith(e)), None)
            if ending is None:
                continue
            part = part[: -len(ending)]
        if _LETTER.search(part):
            out.append(part)
    return out


def _parts(text: str) -> list[str]:
    """The words of ``text`` with a compound's parts apart, each holding a letter, and the
    typographic apostrophe as the plain one ("don’t" is "don't")."""
    return [
        part
        for word in tokenise(plain_apostrophes(text))
        for part in word.split("-")
        if _LETTER.search(part)
    ]


@lru_cache(maxsize=1)
def _possessive_endings() -> tuple[str, ...]:
    """The possessive endings of every language ("'s"), longest first."""
    endings = {plain_apostrophes(e) for e in either_language("possessive_endings")}
    return tuple(sorted(endings, key=lambda e: (-len(e), e)))


def content_words(text: str, language: str = "nb") -> list[str]:
    """Lower-cased words of at least four letters that are not stop words."""
    stop = _stopwords(language)
    return [w for w in _words(text.lower()) if len(w) >= 4 and w not in stop]


def same_stem(a: str, b: str) -> bool:
    """Crude Scandinavian stemming: a shared prefix covering most of the shorter word.

    «skam»/«skammen», «trygt»/«tryggheten», «ensomt»/«ensomhet» match;
    «rom»/«romslig» do not (the shorter word must have four letters).
    """
    if a == b:
        return True
    short = min(len(a), len(b))
    if short < 4:
        return False
    need = max(4, short - 2)
    return a[:need] == b[:need]


def vocabulary(texts: Iterable[str], language: str = "nb") -> frozenset[str]:
    """Content words of a guide (question texts, titles): not evidence of an echo."""
    out: set[str] = set()
    for text in texts:
        out.update(content_words(text, language))
    return frozenset(out)


def _in(word: str, words: Iterable[str]) -> bool:
    if isinstance(words, frozenset):  # a guide's vocabulary: look only where a stem can match
        if word in words:
            return True
        near = _by_prefix(words).get(word[:STEM_PREFIX], ()) if len(word) >= STEM_PREFIX else ()
        return any(same_stem(word, other) for other in near)
    return any(same_stem(word, other) for other in words)


STEM_PREFIX = 4  # two different words of the same stem (same_stem) share their first four letters


@lru_cache(maxsize=16)
def _by_prefix(words: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The words by their first four letters (a guide's vocabulary is asked of every word of
    every question)."""
    index: dict[str, list[str]] = {}
    for word in words:
        index.setdefault(word[:STEM_PREFIX], []).append(word)
    return {key: tuple(group) for key, group in index.items()}


def is_follow_up(
    question: str,
    previous_informant: str | None,
    guide_vocabulary: frozenset[str] = frozenset(),
    language: str = "nb",
    earlier: Sequence[str] = (),
) -> FollowUpVerdict:
    """Whether ``question`` follows up ``previous_informant`` (see module docstring).

    A turn of several sentences is judged by its question first: a comment that says the
    informant's word back («I love that, clouds all day.») and then asks a question of its
    own content is a preamble to a *new* question, not a follow-up. A return to what the
    informant said in an ``earlier`` answer («du sa at du var på sosialtjenesten først …»)
    is a jump back, not a follow-up of the last answer.
    """
    if not previous_informant:
        return FollowUpVerdict(False, "")
    verdict = _judged(question, previous_informant, guide_vocabulary, language)
    if verdict.follow_up and earlier:
        target = [w for w in return_words(question, language) if not _in(w, guide_vocabulary)]
        if target and earlier_answer(target, [previous_informant, *earlier], language) > 0:
            return FollowUpVerdict(False, "")
    return verdict


def returned_to(
    question: str,
    answers: Sequence[str],
    guide_vocabulary: frozenset[str] = frozenset(),
    language: str = "nb",
) -> int:
    """Which earlier answer an announced return takes up again («Earlier you said that the
    flat felt like a waiting room …»), counting back from the last answer (0); -1 for none.

    The words named after the return marker that are not the guide's own must be found in
    that answer: a thread picked up later in the interview is followed up, not missed. A
    mention that only leads into a new question («Jeg tenker på det du sa om brukeren i
    bilen. Hvordan bygger du kontakt …?»: its question sentence holds words of its own) takes
    nothing up.
    """
    target = [w for w in return_words(question, language) if not _in(w, guide_vocabulary)]
    if not target or not answers:
        return -1
    back = earlier_answer(target, answers, language)
    preamble, asked_part = _split_question(question)
    if back > 0 and preamble:
        theirs = set(content_words(answers[back], language))
        fresh = [w for w in content_words(asked_part, language) if not _in(w, theirs)]
        if len(fresh) >= PREAMBLE_FRESH_WORDS:
            return -1
    return back


def return_words(question: str, language: str = "nb") -> list[str]:
    """The content words after an announced return («går vi tilbake til …», "you mentioned
    …"): what the interviewer goes back to; none without such a marker."""
    data = review_words()
    marks = (data.topic_backward.search(question), data.topic_said_earlier.search(question))
    found = [m.end() for m in marks if m]
    if not found:
        return []
    # What is returned to is named up to the end of its clause («…, hvor lenge …?» asks anew).
    named = _CLAUSE_END.split(question[min(found) :], maxsplit=1)[0]
    return content_words(named, language)


_CLAUSE_END = re.compile(r"[,.;:?!]")


def earlier_answer(words: Sequence[str], answers: Sequence[str], language: str = "nb") -> int:
    """Which answer, counting back from the last (0), holds most of ``words``; -1 for none,
    and 0 whenever the last answer holds any (then it is no return at all)."""
    best, best_shared = -1, 0
    for back, answer in enumerate(answers):
        theirs = set(content_words(answer, language))
        shared = sum(_in(w, theirs) for w in words)
        if back == 0 and shared:
            return 0
        if shared > best_shared:
            best, best_shared = back, shared
    return best


def _judged(
    question: str,
    previous_informant: str,
    guide_vocabulary: frozenset[str],
    language: str,
) -> FollowUpVerdict:
    preamble, asked_part = _split_question(question)
    if len(preamble.split()) >= PREAMBLE_MIN_WORDS:
        verdict = _follow_up(asked_part, previous_informant, guide_vocabulary, language)
        if verdict.follow_up:
            return verdict
        theirs = set(content_words(previous_informant, language))
        fresh = [w for w in content_words(asked_part, language) if not _in(w, theirs)]
        if len(fresh) >= PREAMBLE_FRESH_WORDS:
            return FollowUpVerdict(False, "")
    return _follow_up(question, previous_informant, guide_vocabulary, language)


PREAMBLE_FRESH_WORDS = 2  # content words of its own that make the last sentence a new question
PREAMBLE_MIN_WORDS = 6  # «Tre uker før. Så du rakk …?» is a said-back run, not a preamble


def _split_question(question: str) -> tuple[str, str]:
    """(preamble, the question sentence): the last sentence holding a question mark.

    No preamble when the turn is one sentence or has no question mark (then the whole turn
    is judged as one).
    """
    from ..lang import sentences

    parts = sentences(question)
    asking = [i for i, part in enumerate(parts) if "?" in part]
    if len(parts) < 2 or not asking or asking[-1] == 0:
        return "", question
    last = asking[-1]
    # A question split over a comma-less run of sentences starts at the first of its run.
    return " ".join(parts[:last]), " ".join(parts[last:])


def _follow_up(
    question: str,
    previous_informant: str,
    guide_vocabulary: frozenset[str],
    language: str,
) -> FollowUpVerdict:
    lowered = " ".join(question.lower().split())
    data = review_words()
    if data.any_probe.search(lowered):
        return FollowUpVerdict(True, "probe")
    theirs = set(content_words(previous_informant, language))
    asked = content_words(question, language)
    for word in asked:
        if _in(word, guide_vocabulary):
            continue
        if _in(word, theirs):
            return FollowUpVerdict(True, f"echo:{word}")
    # «den grensen», «det rommet»: a demonstrative pointing at the informant's word, even a
    # guide word. Not an article before an adjective: «det første videomøtet», «det mest …».
    for match in data.demonstrative.finditer(lowered):
        after = content_words(" ".join(lowered[match.end() :].split()[:1]), language)
        if not after and _in(match.group(1), theirs):
            return FollowUpVerdict(True, f"echo:{match.group(1)}")
    # Several of their words at once is an echo even when the guide uses them too.
    shared = {w for w in asked if _in(w, theirs)}
    if len(shared) >= ECHO_MIN_SHARED:
        return FollowUpVerdict(True, "echo:" + ",".join(sorted(shared)))
    # «Var det ubehagelig for deg …?» after «jeg ble flau …»: the informant's feeling asked
    # about in other words (cards ``emotion``; not a feeling the guide itself asks about).
    asked_feeling = _feelings(question, language) - {
        w for w in _feelings(question, language) if _in(w, guide_vocabulary)
    }
    if (
        asked_feeling
        and _feelings(previous_informant, language)
        and not _framing_a_move(lowered, asked_feeling, data)
    ):
        return FollowUpVerdict(True, "feeling:" + ",".join(sorted(asked_feeling)))
    words = _words(lowered)
    if 0 < len(words) <= 6 and any(w in data.pointing_words for w in words):
        fresh = [w for w in content_words(question, language) if not _in(w, theirs)]
        if not fresh:
            return FollowUpVerdict(True, "pointing")
    return FollowUpVerdict(False, "")


def _framing_a_move(question: str, feelings: set[str], data: ReviewWords) -> bool:
    """ "Are you happy to go on to the next topic?": the feeling word only frames a move to a
    new topic (it comes before the announcement), it asks nothing about the answer."""
    announced = data.topic_announce.search(question)
    return announced is not None and all(
        0 <= question.find(f) < announced.start() for f in feelings
    )


def _feelings(text: str, language: str) -> set[str]:
    """The feeling words of ``text`` (cards ``emotion``), as said."""
    from ..lang import as_lang

    emotion = card_data(as_lang(language)).words("emotion")
    return {w for w in _words(text.lower()) if w in emotion}


def pause_seconds(text: str) -> float:
    """The longest pause marked in a turn: «(pause 5 sek)» gives 5, «[lang pause]» 5,
    «(kort pause)» 1 (a short pause is not the charged silence a long one can be)."""
    longest = 0.0
    for match in review_words().pause.finditer(text):
        if match.group("seconds"):
            seconds = float(match.group("seconds"))
        else:
            seconds = SHORT_PAUSE_SECONDS if match.group("short") else UNTIMED_PAUSE_SECONDS
        longest = max(longest, seconds)
    return longest


_MARKER = re.compile(r"[\(\[][^\)\]]{0,40}[\)\]]")


def spoken(text: str) -> str:
    """The words said, without transcriber's markers such as «(pause 5 sek)» or "[laughs]"."""
    return " ".join(_MARKER.sub(" ", text).split())


LONG_PAUSE_SECONDS = 3.0  # a marked pause this long is a charged silence


@dataclass(frozen=True)
class CueFacts:
    """What the live engine's cues say about an informant turn, for the missed follow-up."""

    cues: tuple[str, ...]  # readable reasons, e.g. "feeling: redd", "pause 4 s"
    kinds: frozenset[str] = frozenset()  # the cue kinds named in ``cues``
    own_feeling: bool = False  # a feeling word said of themselves (first person, not negated)
    hesitant: bool = False  # clear hesitation: a hedge of several words, trailing off, «…»
    strong_words: tuple[str, ...] = ()  # the cue layer's strong words («sterilt»)
    pause: float = 0.0  # the longest marked pause, in seconds

    @property
    def long_pause(self) -> bool:
        return self.pause >= LONG_PAUSE_SECONDS


def cue_facts(cues: Sequence[Cue], text: str, language: str = "nb") -> CueFacts:
    """Read the live engine's cues for the *missed follow-up* judgement.

    Only cues that mark a rich or charged moment are named (the first of each kind): a
    marked pause of :data:`LONG_PAUSE_SECONDS` or more, a feeling, a strong word, a
    metaphor, a repeated word, clear hesitation (a hedge of several words; a lone filler
    such as «egentlig» or «liksom» is how people talk), trailing off, an ellipsis mid-turn
    and a very long answer. Comparisons, generalising, opinions and "episode without
    feelings" are good live prompts but too common to call a moment *missed*. A feeling is
    the informant's own when any feeling cue names one in the first person, not negated.
    """
    reasons: list[str] = []
    pause = pause_seconds(text)
    if pause >= LONG_PAUSE_SECONDS:
        reasons.append(f"pause {pause:g} s")
    first: dict[str, Cue] = {}
    for cue in cues:
        first.setdefault(cue.kind, cue)
    named = [cue for cue in first.values() if _telling(cue)]
    reasons += [f"{cue.kind}: {cue.term}" if cue.term else cue.kind for cue in named]
    kinds = frozenset(cue.kind for cue in named)
    own = any(_own_feeling(text, c.term, language) for c in cues if c.kind == "feeling")
    hesitant = bool(kinds & {"hedging", "trailing"})
    if _ELLIPSIS.search(text.rstrip(" .…")) and "trailing" not in first:
        reasons.append("hesitation")
        hesitant = True
    strong = tuple(c.term.strip() for c in named if c.kind == "strong" and c.term)
    return CueFacts(tuple(reasons), kinds, own, hesitant, strong, pause)


def _telling(cue: Cue) -> bool:
    """Whether a cue marks a rich or charged moment (see :func:`cue_facts`)."""
    if cue.kind in ("repeated", "feeling", "strong", "metaphor", "trailing"):
        return True
    if cue.kind == "hedging":
        return len((cue.term or "").split()) >= 2  # a lone filler is how people talk
    return cue.kind == "long" and cue.strength >= LONG_ANSWER


LONG_ANSWER = 0.9  # the cue detector's strength of a "long" cue that counts as very long


def _own_feeling(text: str, term: str | None, language: str) -> bool:
    """Whether the sentence naming the feeling speaks in the first person, not negated.

    «Jeg ble faktisk litt rørt» is the informant's own emotional moment; «jeg har
    ikke vært så veldig redd» and "I don't think I was scared" name a feeling they did not
    have (:func:`_denied`). Word lists: lexicon ``first_person`` and ``negations``.
    """
    if not term:
        return False
    from ..lang import as_lang, lexicon, sentences

    lex, data = lexicon(as_lang(language)), card_data(as_lang(language))
    own, negations = lex.set("first_person"), lex.set("negations")
    wanted = [p.replace("'", "") for p in _parts(term.lower())]
    for sentence in sentences(spoken(text)):
        heads, starts = _clauses(sentence.lower(), data.words("negation_clause_openers"))
        words = [p.replace("'", "") for p in _parts(sentence.lower())]
        if not wanted or not set(words) & own:
            continue
        for at in range(len(words) - len(wanted) + 1):
            if words[at : at + len(wanted)] != wanted:
                continue
            start = max(s for s in starts if s <= at)
            after = words[at + len(wanted) : at + len(wanted) + 2]
            if not _denied(words, heads, (start, at), negations, data) and not _knowing(
                after, lex.set("pronouns")
            ):
                return True
    return False


_CLAUSE_MARK = re.compile(r"[,;:–—]")


def _clauses(sentence: str, openers: frozenset[str]) -> tuple[list[str], list[int]]:
    """The words of a sentence as their heads (the word before an apostrophe: "i'm" is
    "i"), and where each clause starts: after a comma and at an opener («men», "if")."""
    heads: list[str] = []
    starts: list[int] = [0]
    for piece in _CLAUSE_MARK.split(sentence):
        if heads:
            starts.append(len(heads))
        for part in _parts(piece):
            head = part.split("'")[0]
            if head in openers and heads:
                starts.append(len(heads))
            heads.append(head)
    return heads, starts


def _denied(
    words: Sequence[str],
    heads: Sequence[str],
    clause: tuple[int, int],
    negations: frozenset[str],
    data: CardData,
) -> bool:
    """Whether a negation earlier in the clause takes back the feeling at ``at``.

    It reaches back to the start of the clause («jeg har ikke vært så veldig redd»), not
    over a new subject ("if I don't answer quickly I worry"), unless the negated verb is a
    negation-raising one ("I don't think I was scared", «jeg tror ikke jeg var redd»; one
    subject further, not two). ``clause``: from its start to the feeling. Word lists: lexicon
    ``negations``; cards ``negation_clause_openers``, ``subject_pronouns``, ``opinion_verbs``.
    """
    start, at = clause
    back = [k for k in range(start, at) if words[k] in negations]
    if not back:
        return False
    last = back[-1]
    if emphatic(
        words[last : at + EMPHATIC_REACH], data
    ):  # «aldri følt meg så hjelpeløs»: how strong it was
        return False
    subjects = sum(head in data.words("subject_pronouns") for head in heads[last + 1 : at])
    if subjects == 0:
        return True
    # "don't think", «tror ikke», «tror jeg ikke»: the verb just after or up to two before
    governing = [*words[max(start, last - 2) : last], *words[last + 1 : last + 2]]
    return subjects == 1 and any(w in data.words("opinion_verbs") for w in governing)


def _knowing(after: Sequence[str], pronouns: frozenset[str]) -> bool:
    """«kjente hverandre», «kjente vi henne»: a feeling verb that here means knowing someone
    (its object next, or after an inverted subject pronoun; not «kjente at han …»)."""
    objects = review_words().knowing_objects
    if not after:
        return False
    if after[0] in objects or " ".join(after) in objects:
        return True
    return len(after) == 2 and after[0] in pronouns and after[1] in objects


def lasting_impact(said: str) -> str | None:
    """The informant's words saying a moment stayed with them («jeg har tenkt mye på»,
    "that really shook me"), or None (``lasting_impact`` in review.yaml)."""
    return _first_match(review_words().lasting_impact, said)


def body_reaction(said: str) -> str | None:
    """The informant's words of the body telling a feeling («jeg skalv», "my heart was
    pounding"), or None (``body_reactions`` in review.yaml)."""
    return _first_match(review_words().body_reactions, said)


def _first_match(pattern: re.Pattern[str], said: str) -> str | None:
    match = pattern.search(" ".join(said.lower().split()))
    return match.group(0) if match else None


def broken_off(text: str) -> str | None:
    """Where the informant breaks a story off themselves («… men ja», "… anyway"), or None."""
    match = review_words().break_off.search(text)
    return match.group(0).strip(" .…–—-") if match else None


def missed_threshold(opened_by_follow_up: bool) -> float:
    """The bar for *missed*: higher when the answer already came from a follow-up.

    After one follow-up on a thread the interviewer may fairly move on; only a
    clearly charged moment then counts as left hanging.
    """
    return MISSED_THRESHOLD + (1.0 if opened_by_follow_up else 0.0)


# Follow-up span kinds (spans.py) that make a moment rich, grouped under the cue kind they
# match (so a reason reads like the cue detector's: «metaphor: glassvegg»), one weight per group.
# Someone else's feeling («noen blir urolige») weighs less and is not named as the reason.
_RICH_SPANS: dict[str, tuple[str, float]] = {
    "feeling_self": ("feeling", 2.0),
    "feeling_it": ("feeling", 2.0),
    "feeling_word": ("feeling", 1.5),
    "feeling_other": ("feeling", 1.0),
    "image": ("metaphor", 1.5),
    "ambivalence": ("ambivalence", 1.5),
    "evaluation": ("strong", 1.0),
    "evaluation_of": ("strong", 1.0),
    # «viktig», «vanskelige beskjeder»: an evaluative word alone is everyday talk.
    "evaluation_word": ("strong", 0.0),
}
RICH_SPAN_MIN = 3.4  # span ranker score: below this a span is a thing or a plain word
CHARGED_SPAN = 5.0  # an evaluation the ranker scores this high is charged («den ensomste …»)
CHARGED = 2.0  # the weight of a charged evaluation
OWN_FEELING = 2.0  # a feeling of the informant's own
MIXED_FEELINGS = 0.5  # a second feeling of their own in the turn («guilt and relief»)
OTHER_REACH = 3  # tokens from someone else's feeling within which a feeling word is theirs
_OWN_FEELINGS = frozenset({"feeling_self", "feeling_it", "feeling_word"})


@dataclass(frozen=True)
class SpanRichness:
    """What the follow-up span ranker finds rich in an informant turn."""

    score: float
    quotes: tuple[str, ...]  # «kind: the informant's words», strongest first


def span_richness(
    spans: Sequence[Span], own_feeling: bool = False, strong_words: Sequence[str] = ()
) -> SpanRichness:
    """Weigh the ranker's spans (feeling, image, ambivalence, evaluation), one per group.

    Only what makes a moment rich counts, never how long the answer is or how often a word
    comes back: a feeling (2.0 when it is the informant's own, as a «jeg kjente»-span or as
    ``own_feeling``, a feeling word the cue layer reads in the first person; a second
    feeling of their own, «guilt and relief», adds 0.5), an image or ambivalence (1.5), an
    evaluation (1.0; 2.0 when charged: the ranker scores it high, or it holds one of the cue
    layer's ``strong_words``, «kontoret vårt er ganske sterilt»). A plain evaluative word
    («viktig») weighs nothing.
    """
    best: dict[str, tuple[float, str]] = {}
    feelings: list[Span] = []
    others: list[Span] = []
    strong = {w.lower() for w in strong_words if w}
    for span in spans:
        kind = _RICH_SPANS.get(_feeling_noun(span))
        if kind is None or span.score < RICH_SPAN_MIN:
            continue
        group, weight = kind
        if group == "strong" and weight > 0 and _charged(span, strong):
            weight = CHARGED
        if span.kind in _OWN_FEELINGS:
            feelings.append(span)
        elif span.kind == "feeling_other":
            others.append(span)
        if weight > best.get(group, (0.0, ""))[0]:
            own = span.kind != "feeling_other"
            best[group] = (weight, f"{group}: {span.quote}" if own else "")
    if own_feeling and best:
        weight, quote = best.get("feeling", (0.0, ""))
        best["feeling"] = (max(weight, OWN_FEELING), quote)
    if "feeling" in best and _two_feelings(feelings, others):
        weight, quote = best["feeling"]
        best["feeling"] = (weight + MIXED_FEELINGS, quote)
    ranked = sorted(best.values(), key=lambda item: -item[0])
    return SpanRichness(round(sum(w for w, _ in ranked), 2), tuple(q for _, q in ranked if q))


def _feeling_noun(span: Span) -> str:
    """A span's kind, with «en vond følelse» (a feeling word before a feeling noun, review
    ``feeling_nouns``) read as a feeling word rather than a thing described."""
    if span.kind == "described" and span.lemmas & review_words().feeling_nouns:
        return "feeling_word"
    return span.kind


def _charged(span: Span, strong: set[str]) -> bool:
    quote = span.quote.lower()
    return span.score >= CHARGED_SPAN or any(word in quote for word in strong)


def _two_feelings(feelings: Sequence[Span], others: Sequence[Span]) -> bool:
    """Two feelings in one turn («guilt and relief»; «angst» … «det overrasket meg»), unless
    they are someone else's («det gir dem tid til å bli sinte eller lei seg»)."""
    theirs = [
        s
        for s in feelings
        if any(o.first - OTHER_REACH <= s.first <= o.last + OTHER_REACH for o in others)
    ]
    own = {s.quote.lower() for s in feelings if s not in theirs}
    return len(own) >= 2
