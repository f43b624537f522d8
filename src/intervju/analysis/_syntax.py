"""Normalisation, segmentation and word-order classification of question units.

Three steps, each small and testable:

1. :func:`normalise` removes spoken noise that carries no syntax: fillers («eh», «altså»,
   "um"), bracketed transcriber notes («[...]», «(pause)»), stutters («du du»), and expands
   written abbreviations so their dots are not read as full stops.
2. :func:`segment` splits a turn into sentences, then into clause *pieces* at commas, dashes,
   colons and before a coordinator that starts a new question («…, og hvordan …», "and what…").
   Pieces are merged back into *units*: a piece opens a new unit only when it starts a question
   in main-clause order (hv-word + verb, finite verb + subject, an invitation); everything else
   — a subordinate clause, a tag («…, ikke sant?»), an option list («…, video eller fysisk?»),
   an «eller» alternative («…, eller gikk det greit?») — stays with its neighbour. A short
   fragment before a dash that is followed by a question is a false start and is dropped.
3. :func:`classify_unit` reads the unit's word order with a strict precedence:
   backchannel → invitation («Kan du fortelle …», open; «… om du …», closed) → hv/wh-word in
   main-clause order (open; closed when it offers options) → finite verb first (closed) →
   tag question (closed) → declarative with a question mark (closed, and leading unless it is
   an echo or reports the informant's own words back) → not a question.
   Leading cues are scanned separately so that an open question can be leading too.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, replace
from itertools import accumulate, pairwise
from typing import Literal

from ..lang import normalise as normalise_speech
from ..lang.text import WORD, lemma, sentences
from ..models import Form
from ._data import LangData

Joiner = Literal["first", "sentence", "additive", "alternative", "comma"]

_TOKEN = WORD
_BRACKETS = re.compile(r"\[[^\]]*\]|\([^)]*\)|<[^>]*>")
_DASHES = re.compile(r"\s+[-–—]+\s+|\s*[–—]+\s*|\s*(?:\.\.\.+|…)\s*|\s+-{2,}\s*")
_REPEAT = re.compile(r"(?<![\w-])([\w'-]+)(?:\s*,?\s+\1)+(?![\w-])", re.IGNORECASE)


def _restart(match: re.Match[str], lang: LangData) -> str:
    """Collapse a restarted phrase only when it is one: marked («altså») or a hv-word."""
    phrase = match.group(1)
    marked = match.group(0) != f"{phrase}, {phrase}" and match.group(0) != f"{phrase} {phrase}"
    if marked or tokens(phrase)[0] in lang.wh_words:
        return phrase
    return match.group(0)


_BOUNDARY = re.compile(r"\s*([,;:–])\s*")


@dataclass(frozen=True)
class Unit:
    """One clause group of a turn, with the decision about it."""

    surface: str  # cleaned text as spoken, for display
    words: tuple[str, ...]  # lower-cased tokens after openers and any tag are removed
    core: str  # the same, joined with spaces (commas kept), for pattern matching
    question_mark: bool
    joiner: Joiner
    form: Form
    kind: str  # how the form was decided (wh, invitation, verb_first, tagged, declarative, …)
    choice: bool  # offers options («… eller …?»)
    cues: tuple[tuple[str, str], ...]  # leading cues: (kind, words)
    why: bool
    so_prefix: bool  # opened with «så»/"so": an interviewer's summary
    repair: bool = False  # opened with «altså», "I mean", «eller» + hv-word: a rephrasing


@dataclass(frozen=True)
class _Piece:
    text: str
    delimiter: str  # what preceded it in the sentence ("" for the first)
    question_mark: bool
    statement_mark: bool = False  # the sentence ends with a full stop or «!»


def tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def normalise(text: str, lang: LangData) -> str:
    """Remove spoken noise while keeping punctuation that marks syntax.

    The language layer's normaliser removes what every judgement ignores (hesitations, false
    starts, transcriber marks, dialect spellings); what follows is what only word-order
    analysis needs (quotes, abbreviations, contractions, dashes as clause boundaries).
    """
    s = normalise_speech(text, lang.code).text
    s = s.replace("’", "'").replace("‘", "'").replace("´", "'")
    s = s.replace("«", "").replace("»", "").replace("“", "").replace("”", "").replace('"', "")
    # «[...]» marks speech left out: a clause boundary, unlike notes such as «[ler]».
    s = re.sub(r"\[\s*(?:\.\.\.|…)\s*\]", ", ", s)
    s = _BRACKETS.sub(" ", s)
    for pattern, replacement in lang.abbreviations:
        s = pattern.sub(replacement, s)
    if lang.contractions is not None:
        table = lang.contraction_map
        s = lang.contractions.sub(lambda m: table[m.group(0).lower()], s)
    s = _DASHES.sub(" – ", s)
    s = lang.fillers.sub(" ", s)
    s = _REPEAT.sub(r"\1", s)
    s = lang.phrase_repeat.sub(lambda m: _restart(m, lang), s)
    s = re.sub(r"\s+", " ", s)
    s = re.sub(r"\s+([,.?!;:])", r"\1", s)
    s = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", s)
    s = re.sub(r"^[\s,;:–.]+", "", s)
    s = re.sub(r"[,;:–]\s*([?.!])", r"\1", s)
    return s.strip()


def is_verb(word: str, lang: LangData) -> bool:
    """A finite verb: listed, or (Norwegian) a word with a present/past ending."""
    if word in lang.finite_verbs:
        return True
    if word in lang.not_verbs:
        return False
    g = lang.grammar
    if not g.verb_endings:
        return False
    # A present participle («frustrerende») is an adjective here.
    return (
        len(word) >= 4 and word.endswith(g.verb_endings) and not word.endswith(g.not_verb_endings)
    )


@dataclass(frozen=True)
class Prefix:
    """What was stripped from the start of a unit, and what it signals."""

    so_summary: bool  # «Så du synes …» / "So you felt …": the interviewer's summary
    so_then: bool  # «(og) så tar vi …»: «så» as "then", which inverts a statement
    repair: bool  # «altså», "I mean", «eller»: the unit repairs the one before


def strip_openers(words: list[str], lang: LangData) -> tuple[list[str], bool]:
    """Token-level opener stripping (no commas known); see :func:`strip_prefix`."""
    rest, prefix = strip_prefix(" ".join(words), lang)
    return tokens(rest), prefix.so_summary


def strip_prefix(raw: str, lang: LangData) -> tuple[str, Prefix]:
    """Drop discourse openers («og», «ja») and comma-marked interjections («Skjønner,»).

    ``raw`` is lower case with commas kept. A summarising «så»/"so" (followed by a subject)
    and a repair marker («altså», "I mean") are reported, as they change the verdict.
    """
    so_summary = so_then = repair = False
    text = raw.strip(" ,")
    changed = True
    while changed:
        changed = False
        words = tokens(text)
        if len(words) < 2:
            break
        for phrase in lang.interjections:
            n = len(phrase)
            if tuple(words[:n]) == phrase and len(words) > n:
                after = _after_words(text, n)
                if after.startswith(","):
                    repair = repair or phrase in lang.repair_markers
                    text = after.strip(" ,")
                    changed = True
                    break
        if changed:
            continue
        for opener in lang.openers:
            n = len(opener)
            if len(words) > n and tuple(words[:n]) == opener:
                summary = lang.grammar.summary_word
                if opener == (summary,) and _so_is_verb(words, lang):
                    continue
                if opener[-1] == summary:
                    adverbs = lang.grammar.summary_adverbs
                    ahead = [w for w in words[n : n + 3] if w not in adverbs]
                    if len(opener) == 1 and ahead and ahead[0] in lang.subjects:
                        so_summary = True
                    elif lang.grammar.verb_endings:  # V2 languages: «så» + verb is "then"
                        so_then = True
                repair = repair or opener in lang.repair_markers
                text = _after_words(text, n).strip(" ,")
                changed = True
                break
        if not changed:
            for marker in lang.repair_markers:
                n = len(marker)
                if len(words) > n and tuple(words[:n]) == marker:
                    repair = True
                    text = _after_words(text, n).strip(" ,")
                    changed = True
                    break
    return text, Prefix(so_summary, so_then, repair)


def _after_words(text: str, n: int) -> str:
    matches = list(_TOKEN.finditer(text))
    return text[matches[n - 1].end() :] if n <= len(matches) else ""


def _so_is_verb(words: list[str], lang: LangData) -> bool:
    # «Så du noen forskjell?» (did you see) vs «Så du synes …?» (so you think).
    if not lang.grammar.verb_endings or len(words) < 2 or words[1] not in lang.subject_pronouns:
        return False
    return len(words) < 3 or not is_verb(words[2], lang)


def _is_wh_main(words: list[str], question_mark: bool, lang: LangData) -> bool | None:
    """True: wh-question in main-clause order; False: subordinate/embedded; None: no wh."""
    i = 0
    if len(words) > 1 and words[0] in lang.wh_prepositions and words[1] in lang.wh_words:
        i = 1
    if not words or words[i] not in lang.wh_words:
        return None
    while i + 1 < len(words) and words[i + 1] in lang.wh_words:
        i += 1  # «hva hvordan …»: a false start
    if i + 1 >= len(words):
        return question_mark
    nxt = words[i + 1]
    if words[i] in lang.which_words or nxt in lang.grammar.wh_about:
        return True
    if nxt in lang.subjects and nxt not in lang.wh_measure_words and not is_verb(nxt, lang):
        return question_mark  # «hvordan folk snakka der»: subject before verb, subordinate
    if words[i] == lang.grammar.when_word and not is_verb(nxt, lang):
        return question_mark
    return True


def _definite_noun(word: str, lang: LangData) -> bool:
    endings = lang.grammar.definite_noun_endings
    return bool(endings) and len(word) > 4 and word.endswith(endings)


def _is_verb_first(words: list[str], question_mark: bool, lang: LangData) -> bool:
    """Finite verb first, then a subject: the word order of a yes/no question."""
    if len(words) < 2:
        return False
    first, second = words[0], words[1]
    if not lang.grammar.verb_endings:  # English: only listed auxiliaries invert
        return first in lang.finite_verbs
    if first in lang.non_verb_starts and first not in lang.finite_verbs:
        return False
    if first in lang.finite_verbs:
        return (
            second in lang.subjects
            or second == lang.grammar.negation
            or question_mark
            or second in lang.grammar.determiners
            or _definite_noun(second, lang)
        )
    finite_like = lang.grammar.finite_like_endings
    looks_finite = is_verb(first, lang) or (len(first) >= 3 and first.endswith(finite_like))
    if not looks_finite:
        return False
    if second in lang.subject_pronouns or second in lang.grammar.determiners:
        return True
    # «Passer video bedre …?»: a noun subject after a verb-looking word (not a noun + verb).
    return (
        (question_mark or _definite_noun(second, lang))
        and not is_verb(second, lang)
        and len(words) > 2
    )


def _parenthetical(words: list[str], lang: LangData) -> bool:
    """«…, tror du?» / "…, do you think?": a comment on the question, not a new one."""
    if not words or len(words) > 3:
        return False
    allowed = lang.subjects | lang.cognition_verbs | lang.finite_verbs
    allowed |= lang.grammar.parenthetical_extras
    return (
        words[0] in lang.finite_verbs | lang.cognition_verbs
        and all(w in allowed for w in words)
        and any(w in lang.cognition_verbs for w in words)
    )


def _tag(core: str, lang: LangData) -> re.Match[str] | None:
    for pattern in lang.tags:
        match = pattern.search(core)
        if match:
            return match
    return None


def _invitation(core: str, words: list[str], lang: LangData) -> Form | None:
    """Open for a polite invitation; closed when it embeds a whether-question."""
    for pattern in lang.embedded_whether:
        if pattern.pattern.startswith("^") and pattern.search(core):
            return "closed"
    if not any(p.search(core) for p in lang.invitations):
        return None
    for pattern in lang.embedded_whether:
        for match in pattern.finditer(core):
            after = tokens(core[match.end() :])
            subject_last = tokens(match.group(0))[-1]
            if not lang.grammar.verb_endings or subject_last in lang.grammar.embedded_whether_words:
                return "closed"
            if after and is_verb(after[0], lang):
                return "closed"
    return "open"


def _offers_options(core: str, words: list[str], lang: LangData, wh: bool) -> bool:
    """«A eller B?»: options offered inside the question (vague extenders don't count)."""
    text = f" {core} "
    for extender in lang.or_extenders:
        text = text.replace(f" {extender} ", " ").replace(f" {extender},", ",")
    or_word = f" {lang.or_word} "
    if or_word not in text or text.rstrip(" ?").endswith(f" {lang.or_word}"):
        return False
    if not wh:
        return True
    if any(w in lang.which_words for w in words):
        return True
    # A tail after the last comma/colon that is only options: «Hva foretrekker du, A eller B?»
    tail = re.split(r"[,:–]", text)[-1]
    tail_words = tokens(tail)
    return (
        len(re.split(r"[,:–]", text)) > 1
        and lang.or_word in tail_words
        and len(tail_words) <= 8
        and not (tail_words and (tail_words[0] in lang.wh_words or is_verb(tail_words[0], lang)))
    )


def _is_backchannel(words: list[str], lang: LangData) -> bool:
    if not words:
        return True
    return " ".join(words) in lang.backchannels or all(w in lang.backchannel_words for w in words)


def starts_question(text: str, lang: LangData) -> bool:
    """Does this piece open a new question (main-clause question order or an invitation)?"""
    rest, _ = strip_prefix(text.lower(), lang)
    words = tokens(rest)
    if not words or _is_backchannel(words, lang) or _parenthetical(words, lang):
        return False
    core = " ".join(words)
    if _tag(", " + core, lang) and len(words) <= 4:
        return False  # a bare tag belongs to the clause before it
    if _invitation(core, words, lang) is not None:
        return True
    wh = _is_wh_main(words, False, lang)
    if wh is not None:
        return wh and len(words) > 1
    return _is_verb_first(words, False, lang) and (
        words[1] in lang.subjects | {lang.grammar.negation} or _definite_noun(words[1], lang)
    )


def _about_informant(words: list[str], lang: LangData) -> bool:
    """A statement that could be put to the informant (not «For min del …», not meta-talk)."""
    if not words or words[0] in lang.grammar.because:
        return False
    if any(w in lang.grammar.first_person for w in words[:3]):
        return False
    return not any(w in lang.meta_words for w in words)


def _guess_clause(text: str, lang: LangData) -> bool:
    """A statement that guesses the answer («det var vel en stor glede»): its own unit."""
    words = tokens(text)
    if len(words) < 3 or _is_wh_main(words, False, lang) is not None:
        return False
    if words[0] in lang.grammar.because:
        return False  # «– for det er jo ganske mange»: a reason given inside the question
    low = " ".join(words)
    return any(p.search(low) for p in lang.declarative_lead) and not _is_verb_first(
        words, False, lang
    )


@dataclass(frozen=True)
class _Decision:
    """What word order alone says about a unit: its form, how that was decided, its cues."""

    form: Form
    kind: str
    choice: bool = False
    cues: tuple[tuple[str, str], ...] = ()


def classify_unit(
    surface: str,
    question_mark: bool,
    joiner: Joiner,
    lang: LangData,
    *,
    is_last: bool = False,
    after_subclause: bool = False,
    statement_mark: bool = False,
) -> Unit:
    """Decide the form of one unit and collect its leading cues (see module docstring)."""
    raw = surface.lower().rstrip("?.! ")
    raw = re.sub(r"[^\w\s,'-]", " ", raw)
    raw = re.sub(r"\s+", " ", raw).strip(" ,")
    core, prefix = strip_prefix(raw, lang)
    words = tokens(core)
    decision = _conversational(raw, core, words, question_mark, lang)
    if decision is None:
        bare = not question_mark and not statement_mark
        core, tag_cue, tagged = _split_tag(core, question_mark, lang, bare=bare)
        words = tokens(core)
        decision = _by_word_order(
            core, words, question_mark, prefix, lang, tagged=tagged, after_subclause=after_subclause
        ) or _by_statement_shape(
            core, words, question_mark, prefix, lang, is_last=is_last, statement_mark=statement_mark
        )
        if tag_cue is not None:
            decision = replace(decision, cues=(tag_cue, *decision.cues))
    cues: list[tuple[str, str]] = list(decision.cues)
    why = False
    if decision.form != "not_question":
        cues += _leading_cues(core, words, decision, lang)
        why = any(p.search(core) for p in lang.why)
    return Unit(
        surface=surface,
        words=tuple(words),
        core=core,
        question_mark=question_mark,
        joiner=joiner,
        form=decision.form,
        kind=decision.kind,
        choice=decision.choice,
        cues=tuple(_dedupe(cues)) if decision.form != "not_question" else (),
        why=why,
        so_prefix=prefix.so_summary,
        repair=prefix.repair,
    )


def _conversational(
    raw: str, core: str, words: list[str], question_mark: bool, lang: LangData
) -> _Decision | None:
    """Backchannels, continuers («Og så?») and self-talk, decided before word order."""
    if not words or _is_backchannel(words, lang):
        if question_mark and any(p.search(raw) for p in lang.continuers):
            return _Decision("open", "continuer")  # «Og?»
        return _Decision("not_question", "backchannel")
    if question_mark and any(p.search(core) for p in lang.continuers):
        return _Decision("open", "continuer")  # «Og så?», "And then?"
    if any(p.search(core) for p in lang.self_talk):
        return _Decision("not_question", "self_talk")
    return None


def _split_tag(
    core: str, question_mark: bool, lang: LangData, *, bare: bool = False
) -> tuple[str, tuple[str, str] | None, bool]:
    """Cut a tag off the end: (core without it, its leading cue, whether there was one).

    A tag question («…, ikke sant?») leads; «…, eller?» only closes a yes/no question. A
    unit with no punctuation at all (speech-to-text) may end in a tag with no comma.
    """
    tagged = _tag(core + ("?" if question_mark else ""), lang)
    if tagged is None and bare:
        tagged = next((m for p in lang.bare_tags if (m := p.search(core))), None)
    if tagged:
        group = "tag" if "tag" in tagged.re.groupindex else 0  # a pattern may name the tag
        if tagged.start(group) > 0:
            cue = ("tag", tagged.group(group).strip(" ,?.!"))
            return core[: tagged.start(group)].strip(" ,"), cue, True
    soft = next((m for p in lang.soft_tags if (m := p.search(core + "?" * question_mark))), None)
    if soft is not None and soft.start() > 0:
        return core[: soft.start()].strip(" ,"), None, True
    return core, None, False


def _by_word_order(
    core: str,
    words: list[str],
    question_mark: bool,
    prefix: Prefix,
    lang: LangData,
    *,
    tagged: bool,
    after_subclause: bool,
) -> _Decision | None:
    """Invitation, question word, verb first or a tag: the word orders that ask."""
    invitation = _invitation(core, words, lang)
    if invitation == "closed":
        return _Decision("closed", "embedded_whether")
    if invitation == "open":
        topic = len(words) <= 5 and any(p.search(core) for p in lang.topic_openers)
        return _Decision("open", "topic" if topic else "invitation")  # «Hva med foreldrene?»
    wh = _is_wh_main(words, question_mark, lang)
    if wh is False:
        return _Decision("not_question", "subordinate")
    if wh:
        return _wh_question(core, words, question_mark, lang)
    if any(p.search(core) for p in lang.insitu_wh):
        return _Decision("open", "insitu_wh")
    inverted = (prefix.so_then or after_subclause) and not question_mark
    if _is_verb_first(words, question_mark, lang) and not inverted:
        return _Decision("closed", "verb_first", _offers_options(core, words, lang, wh=False))
    if tagged:
        return _Decision("closed", "tagged")
    return None


def _wh_question(core: str, words: list[str], question_mark: bool, lang: LangData) -> _Decision:
    """Open, unless it offers options or tacks a candidate answer on after a comma."""
    presupposed = tuple(_evaluative_wh(words, lang))
    if _offers_options(core, words, lang, wh=True):
        return _Decision("closed", "wh", True, presupposed)  # a forced choice: closed
    offered = _offered_tail(core, question_mark, lang)
    if offered:
        return _Decision("closed", "wh", False, (("offered", offered), *presupposed))
    return _Decision("open", "wh", False, presupposed)


def _by_statement_shape(
    core: str,
    words: list[str],
    question_mark: bool,
    prefix: Prefix,
    lang: LangData,
    *,
    is_last: bool,
    statement_mark: bool,
) -> _Decision:
    """A statement: an echo or a check with «?», a guess put to the informant, or a comment."""
    guess = next((m for p in lang.declarative_lead if (m := p.search(core))), None)
    guess_cue = (("declarative", guess.group(0).strip()),) if guess is not None else ()
    if question_mark:
        if len(words) <= 3 and not any(is_verb(w, lang) for w in words):
            # «Ullevål?», «på skolen?»: the informant's word handed back to check it;
            # «om sommeren da?» asks the same question again about something new.
            elliptic = len(words) > 1 and words[-1] in lang.elliptic_tails
            return _Decision("open", "continuer") if elliptic else _Decision("closed", "echo")
        if any(p.search(core) for p in lang.checks):
            return _Decision("closed", "check")
        # «så du flyttet hjem igjen?»: a check of what was said, closed but not leading
        # unless it carries the interviewer's own guess («det var vel tøft?»).
        return _Decision("closed", "declarative", False, guess_cue)
    if is_last and _stated_question(core, words, prefix.so_summary, statement_mark, lang):
        return _Decision("closed", "declarative", False, guess_cue)
    if is_last and not statement_mark and any(p.search(core) for p in lang.closing_checks):
        return _Decision("closed", "check")  # «noe annet», "anything else"
    return _Decision("not_question", "statement")


def _leading_cues(
    core: str, words: list[str], decision: _Decision, lang: LangData
) -> list[tuple[str, str]]:
    """The unit's own leading cues (social proof and opinion are scanned per turn)."""
    cues = []
    for cue_kind, pattern in lang.leading:
        if cue_kind in ("social", "opinion"):
            continue  # scanned over the whole turn
        if cue_kind == "negative" and decision.kind != "verb_first":
            continue
        if cue_kind == "factive" and decision.form != "closed":
            continue  # «Hvordan merker du at …» asks how, not whether
        if cue_kind == "superlative" and words and words[0] in lang.which_words:
            continue  # «Hvilke situasjoner er mest krevende?» ranks, presupposes nothing
        match = pattern.search(core)
        if match:
            cues.append((cue_kind, match.group(0).strip()))
    negation = lang.grammar.negation
    if decision.kind == "verb_first" and negation in words[1:3] and words[-1:] != [negation]:
        after = words[words.index(negation) + 1 : words.index(negation) + 2]
        if not set(after) & lang.grammar.negation_exceptions:
            # «Skjønner du ikke …?», "Do you not think …?": the negation expects a yes.
            cues.append(("negative", " ".join(words[: words.index(negation) + 1])))
    return cues


def _stated_question(
    core: str, words: list[str], so_prefix: bool, statement_mark: bool, lang: LangData
) -> bool:
    """Is a statement without a question mark put to the informant as a question?

    Real transcripts decide: with a full stop it is a comment («det er jo luksus.», "So
    you're feeling motivated.") unless it guesses at the informant («Det må ha vært tøft for
    deg.», "You must have seen a lot."). Speech-to-text gives no punctuation at all, so there
    a summary («så du flyttet hjem igjen») or a guess about the informant is a check too.
    """
    if not _about_informant(words, lang) or any(p.search(core) for p in lang.checks):
        return False  # «du nevnte jo at …»: the informant's own words, recalled
    addressed = any(w in lang.addressee_words for w in words)
    comment = lang.grammar.comment_particles
    guess = any(
        (m := p.search(core)) and m.group(0).strip() not in comment for p in lang.declarative_lead
    )
    if statement_mark:
        return addressed and guess
    if so_prefix and lang.grammar.summary_needs_addressee:
        return words[:1] != [] and words[0] in lang.addressee  # «så du flytta hjem igjen»
    return so_prefix or (addressed and guess)


def _offered_tail(core: str, question_mark: bool, lang: LangData) -> str | None:
    """«Hvordan var den første vakta, skummel?»: a candidate answer tacked on after a comma."""
    if not question_mark or "," not in core:
        return None
    head, tail = (part.strip() for part in core.rsplit(",", 1))
    if tokens(head)[-1:] in ([lang.or_word], [lang.grammar.and_word]):
        return None  # «… økonomisk og, eh, mentalt»: a coordination, not a guess
    if tokens(head)[-1:] and (
        tokens(head)[-1] in lang.copulas or tokens(head)[-1] in lang.wh_prepositions
    ):
        return None  # «da du var, liten?»: a pause inside the clause, which the tail ends
    words = tokens(tail)
    if words[:1] == [lang.grammar.complementizer] and len(words) <= 8:
        return tail  # «Hva var best med video, at det sparte tid?»: a candidate answer
    ending = lang.grammar.continuous_prefix_ending
    if len(words) > 1 and ending and words[0].endswith(ending):
        return None  # "…, looking back?"
    if not 1 <= len(words) <= 3 or words[0] in lang.wh_prepositions:
        return None
    if any(w in lang.stopwords or w in lang.subjects or is_verb(w, lang) for w in words):
        return None
    if any(w in lang.wh_words or w in lang.cognition_verbs for w in words):
        return None
    return tail


def _dedupe(cues: list[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    out = []
    for cue in cues:
        if cue not in seen:
            seen.add(cue)
            out.append(cue)
    return out


def _evaluative_wh(words: list[str], lang: LangData) -> list[tuple[str, str]]:
    """«Hvor vanskelig …» / "How hard …": an adjective after how presupposes the answer."""
    how = lang.grammar.how_word
    if len(words) < 3 or words[0] != how:
        return []
    nxt = words[1]
    if (
        nxt in lang.wh_measure_words
        or nxt in lang.subjects
        or is_verb(nxt, lang)
        or nxt in lang.wh_prepositions
    ):
        return []
    return [("presupposition", f"{words[0]} {nxt}")]


def split_sentences(text: str) -> list[str]:
    return sentences(text)


def _pieces(sentence: str, lang: LangData, *, bare: bool = False) -> list[_Piece]:
    question_mark = sentence.rstrip().endswith("?")
    body = sentence.rstrip().rstrip("?.! ")
    parts = _BOUNDARY.split(body)
    pieces: list[_Piece] = []
    delimiter = ""
    for i, part in enumerate(parts):
        if i % 2 == 1:
            delimiter = part
            continue
        if not part.strip():
            continue
        for j, paired in enumerate(_split_paired_wh(part.strip(), lang)):
            coordinated = _split_coordinated(paired, lang)
            subs = [e for c in coordinated for e in _split_embedded_wh(c, lang, bare=bare)]
            for k, sub in enumerate(subs):
                pieces.append(_Piece(sub, delimiter if j == 0 and k == 0 else " ", False))
        delimiter = ""
    if pieces and question_mark:
        last = pieces[-1]
        pieces[-1] = _Piece(last.text, last.delimiter, True)
    elif pieces and sentence.rstrip().endswith((".", "!")):
        last = pieces[-1]
        pieces[-1] = _Piece(last.text, last.delimiter, False, statement_mark=True)
    return pieces


def _split_paired_wh(text: str, lang: LangData) -> list[str]:
    """«Hvorfor og hvordan begynte dere …?» asks two questions: spell both out."""
    matches = list(_TOKEN.finditer(text))
    if len(matches) < 4:
        return [text]
    first, conj, second = (m.group(0).lower() for m in matches[:3])
    coordinator = lang.grammar.and_word
    if first in lang.wh_words and conj == coordinator and second in lang.wh_words:
        rest = text[matches[2].end() :]
        return [matches[0].group(0) + rest, text[matches[1].start() : matches[2].end()] + rest]
    return [text]


def _split_coordinated(text: str, lang: LangData) -> list[str]:
    """Split «… og hvordan …» / "… and what …" where the coordinator opens a new question."""
    coordinators = lang.grammar.coordinators
    matches = list(_TOKEN.finditer(text))
    cuts = []
    for k, match in enumerate(matches[1:], start=1):
        word = match.group(0).lower()
        if word not in coordinators or k + 1 >= len(matches):
            continue
        rest = text[matches[k + 1].start() :]
        rest_words = tokens(rest)
        wh = _is_wh_main(rest_words, False, lang)
        is_or = word == lang.or_word
        opens = wh or (
            not is_or and _is_verb_first(rest_words, False, lang) and len(rest_words) > 2
        )
        if (
            opens
            and rest_words[1:2]
            and rest_words[1] in lang.subjects | lang.finite_verbs | lang.grammar.wh_about
        ):
            cuts.append(match.start())
    if not cuts:
        return [text]
    out = []
    start = 0
    for cut in cuts:
        out.append(text[start:cut].strip())
        start = cut
    out.append(text[start:].strip())
    return [o for o in out if o]


def _split_embedded_wh(text: str, lang: LangData, *, bare: bool = False) -> list[str]:
    """Split before a question word in main-clause order inside a run of speech.

    Speech-to-text gives no commas: «hvis du tenker på hvordan folk snakker der hvordan vil
    du beskrive språket» holds a subordinate wh-clause (question word, subject, verb) and then
    the question itself (question word, finite verb, subject). Only the second order opens a
    question, so only there is the text cut.
    """
    matches = list(_TOKEN.finditer(text))
    low = [m.group(0).lower() for m in matches]
    # openers_before[k]: every word before k is an opener (worked out once, not per k)
    openers_before = list(
        accumulate(((w,) in lang.openers for w in low), operator.and_, initial=True)
    )
    cuts = []
    for k in range(1, len(matches) - 2):
        if low[k] not in lang.wh_words or low[k - 1] in lang.wh_words:
            continue
        j = k
        if low[k + 1] in lang.grammar.wh_modifiers:
            j = k + 1  # "what else do you …"
        elif low[k + 1] in lang.wh_measure_words and low[k + 1] not in lang.finite_verbs:
            j = k + 2  # «hvor mange rom er det»: the question word, its measure and a noun
        if j + 2 >= len(low):
            continue
        if low[k - 1] in lang.wh_prepositions:
            continue  # «på hvilken måte», «fra hvor»: the question word belongs to the phrase
        if openers_before[k]:
            continue  # «eller hva er …», «ja hvor bor du»: the opener belongs to the question
        if is_verb(low[j + 1], lang) and low[j + 2] in lang.subjects:
            cuts.append(matches[k].start())  # "… what else do you like"
    if bare and lang.grammar.inverts_inside:  # only where no punctuation marks the questions
        cuts = sorted(set(cuts) | set(_inverted_starts(matches, low, lang)))
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in pairwise(bounds) if text[a:b].strip()]


def _inverted_starts(matches: list[re.Match[str]], low: list[str], lang: LangData) -> list[int]:
    """English only inverts to ask: "… so do you have any other questions for me".

    An auxiliary before a subject pronoun inside a run of speech starts a yes/no question,
    unless a question word just before owns it ("how many drinks would you say") or it is
    an elliptic "so do I".
    """
    cuts = []
    for k in range(2, len(matches) - 1):
        if low[k] not in lang.finite_verbs or low[k + 1] not in lang.subject_pronouns:
            continue
        if low[k + 1] in lang.grammar.object_pronouns and low[k] not in lang.copulas:
            continue  # "… you actually did it": a main verb and its object
        if low[k - 1] in lang.grammar.inversion_blockers:
            continue
        if any(w in lang.wh_words for w in low[max(0, k - 4) : k]):
            continue
        cuts.append(matches[k].start())
    return cuts


def _joiner(text: str, lang: LangData) -> Joiner:
    first = tokens(text)[:1]
    if not first:
        return "comma"
    if first[0] in lang.grammar.additive:
        return "additive"
    if first[0] == lang.or_word:
        return "alternative"
    return "comma"


_Group = tuple[list[_Piece], Joiner, bool]  # pieces, joiner, after a subordinate clause


def segment(text: str, lang: LangData) -> list[Unit]:
    """Split a normalised turn into classified units (questions and the rest)."""
    bare = not any(mark in text for mark in ".?!,")  # speech-to-text: no punctuation at all
    grouped: list[_Group] = []
    for s_index, sentence in enumerate(split_sentences(text)):
        grouped.extend(_group_sentence(sentence, s_index, lang, bare=bare))
    units: list[Unit] = []
    for g_index, (group, joiner, after_subclause) in enumerate(grouped):
        if g_index and g_index == len(grouped) - 1 and _afterthought(group, units, lang):
            continue  # «Hva gjorde dere i fritida? Da du var liten?»: the same question
        question_mark = group[-1].question_mark
        units.append(
            classify_unit(
                _surface(group) + ("?" if question_mark else ""),
                question_mark,
                joiner,
                lang,
                is_last=g_index == len(grouped) - 1,
                after_subclause=after_subclause,
                statement_mark=group[-1].statement_mark,
            )
        )
    return units


def _group_sentence(sentence: str, s_index: int, lang: LangData, *, bare: bool) -> list[_Group]:
    """The sentence's pieces, grouped so that each group is one question unit."""
    statement = sentence.rstrip().endswith((".", "!"))
    pieces = _pieces(sentence, lang, bare=bare)
    skip = _false_starts(pieces, lang)
    groups: list[_Group] = []
    for p_index, piece in enumerate(pieces):
        if skip[p_index]:
            continue
        previous = groups[-1][0] if groups else None
        if previous is not None and not _opens_unit(piece, previous, statement, lang):
            previous.append(piece)
            continue
        joiner: Joiner
        if not groups:
            joiner = "first" if s_index == 0 else "sentence"
        else:
            joiner = _joiner(piece.text, lang)
        first = tokens(previous[0].text)[:1] if previous else []
        sub = bool(statement and first and first[0] in lang.grammar.subordinators)
        groups.append(([piece], joiner, sub))
    return groups


def _opens_unit(piece: _Piece, previous: list[_Piece], statement: bool, lang: LangData) -> bool:
    """A piece that starts a new question unit rather than continuing the one before."""
    after_question = starts_question(previous[0].text, lang)
    asks = starts_question(piece.text, lang) or (after_question and _guess_clause(piece.text, lang))
    first = tokens(piece.text)[:1]
    relative = statement and bool(first) and first[0] in lang.grammar.relatives
    return asks and not relative and not _is_or_alternative(piece.text, previous, lang)


def _surface(group: list[_Piece]) -> str:
    """The group's pieces joined with the punctuation that was between them."""
    surface = ""
    for piece in group:
        if not surface:
            surface = piece.text
        elif piece.delimiter.strip():
            sep = " – " if piece.delimiter == "–" else f"{piece.delimiter} "
            surface += sep + piece.text
        else:
            surface += " " + piece.text
    return surface


def _afterthought(group: list[_Piece], units: list[Unit], lang: LangData) -> bool:
    """A closing subordinate clause that narrows the question before it, not a new one."""
    words = tokens(group[0].text)
    if not words or words[0] not in lang.grammar.subordinators or not units:
        return False
    if starts_question(group[0].text, lang) or units[-1].form == "not_question":
        return False
    return units[-1].question_mark


def _false_starts(pieces: list[_Piece], lang: LangData) -> list[bool]:
    """Mark fragments before a question that the speaker abandoned («hva – nei, vent – …»)."""
    skip = [False] * len(pieces)
    question_follows = False
    for i in range(len(pieces) - 1, -1, -1):
        piece = pieces[i]
        words = tokens(piece.text)
        fragment = not piece.question_mark and (
            _is_false_start(piece.text, lang) or _is_backchannel(words, lang)
        )
        if fragment and question_follows and i + 1 < len(pieces):
            skip[i] = pieces[i + 1].delimiter in ("–", ",", " ", ";") or skip[i + 1]
        if not skip[i]:
            question_follows = starts_question(piece.text, lang)
    return skip


def _is_false_start(text: str, lang: LangData) -> bool:
    words = tokens(text)
    if not words:
        return False
    if all(w in lang.wh_words or w in lang.backchannel_words for w in words):
        return True
    return words[0] in lang.finite_verbs and len(words) <= 2


def _is_or_alternative(text: str, previous: list[_Piece] | None, lang: LangData) -> bool:
    """«Var det bra, eller gikk det dårlig?»: the second option of the same yes/no question.

    After a hv-question, «eller» + a yes/no question is a new question instead.
    """
    words = tokens(text)
    if not words or words[0] != lang.or_word or previous is None:
        return False
    rest = words[1:]
    if not rest or _is_wh_main(rest, False, lang) is not None:
        return False
    first, _ = strip_openers(tokens(previous[0].text), lang)
    return _is_wh_main(first, False, lang) is None


def content_words(unit: Unit, lang: LangData) -> frozenset[str]:
    """Content lemmas for comparing two units; verbs of experience collapse into one."""
    out = set()
    for word in unit.words:
        if word in lang.experience_words:
            out.add("<experience>")
        elif word not in lang.stopwords and word not in lang.wh_words and len(word) > 1:
            out.add(lemma(word, lang.code))  # «boligen»/«bolig» compare equal
    return frozenset(out)
