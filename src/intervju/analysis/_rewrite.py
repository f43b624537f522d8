"""Re-open a closed, leading or double question in the interviewer's own words.

The rewrite keeps the topic words of the question the informant would answer (the first
question of a double turn) and swaps only the frame: a yes/no frame becomes «Hvordan …» /
«Hva tenker du om …» / "What was it like …", an evaluative predicate («vanskelig», "better")
and leading particles are dropped, a perfect «Har du merket noen forskjell?» becomes «Hva
slags forskjell har du merket?». Each language has a few word-order transformations and a
safe fallback («Kan du fortelle mer om det?»). Every candidate is run through the analyser
itself and the first one judged open, single and non-leading wins, so a rewrite can never
reintroduce the problem it was meant to fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lang import lemma
from ._data import LangData
from ._reframe import (
    _ends,
    _s,
    _s_map,
    _set,
    asked_part,
    fragment_topic,
    last_resort,
    reframe,
    shapes,
    social,
    topic,
    topic_lemmas,
    topic_ok,
)
from ._syntax import Unit, is_verb, tokens

_WORDS: dict[tuple[LangData, str], frozenset[str]] = {}


def _w(lang: LangData, key: str) -> frozenset[str]:
    """A word list of ``rewrite:`` in the language data, read once per language."""
    k = (lang, key)
    if k not in _WORDS:
        _WORDS[k] = frozenset(_set(lang, key))
    return _WORDS[k]


def _participle_nb(word: str, lang: LangData) -> bool:
    ends = word.endswith(_ends(lang, "participle_endings_plain"))
    return len(word) >= 4 and ends and word not in _w(lang, "not_participles")


def _participle_en(word: str, lang: LangData) -> bool:
    irregular = _w(lang, "irregular_past") | _w(lang, "participle_forms")
    return word.endswith(_ends(lang, "participle_endings")) or word in irregular


def _verb_at(words: list[str], lang: LangData, limit: int = 4) -> int:
    """Index of the finite verb of a declarative clause (subject first), or -1."""
    for k in range(1, min(len(words), limit + 1)):
        w = words[k]
        if w in lang.finite_verbs or w in lang.cognition_verbs:
            return k
        noun_end = _s(lang, "not_verb_ending")
        if lang.code == "nb" and is_verb(w, lang) and not (noun_end and w.endswith(noun_end)):
            return k
        if lang.code == "en" and (
            w in _w(lang, "irregular_past")
            or (w.endswith(_ends(lang, "finite_endings")) and k <= 2)
        ):
            return k
        if (
            lang.code == "en"
            and w.endswith(_ends(lang, "third_endings"))
            and k == 1
            and words[0] not in lang.subjects
            and words[0] not in _w(lang, "np_openers")
        ):
            return k
    return -1


def _split_subject(rest: list[str], lang: LangData) -> tuple[list[str], list[str]]:
    if not rest:
        return [], []
    if rest[0] in lang.subject_pronouns or rest[0] in lang.addressee:
        return rest[:1], rest[1:]
    if rest[0] in _w(lang, "np_openers") and len(rest) > 1:
        return rest[:2], rest[2:]
    return rest[:1], rest[1:]


def _linker(words: list[str], lang: LangData) -> int:
    for i, w in enumerate(words):
        if w in _w(lang, "linkers"):
            return i
    return -1


def _linker_for_copula(words: list[str], lang: LangData) -> int:
    """Where the topic starts after a predicate: «å …» if there is one, else the last PP.

    «Var barnet til stede under samtalen?» → «under samtalen»; «Var det vanskelig å miste
    kontakten med brukerne?» → «å miste kontakten med brukerne».
    """
    infinitive = _s(lang, "infinitive")
    if infinitive in words:
        return words.index(infinitive)
    last = -1
    for i, w in enumerate(words):
        if w in _w(lang, "linkers") and i > 0:
            last = i
    return last if last >= 0 else _linker(words, lang)


def _clean(words: list[str], lang: LangData) -> list[str]:
    """Drop particles, frames and hedges; a trailing «eller»; a check («hvis jeg forstår …»)."""
    text = " ".join(words)
    for pattern in lang.checks:
        match = pattern.search(text)
        clause = " " + _s(lang, "check_clause_prefix")
        if match and match.start() == 0 and not text[match.end() :].startswith(clause):
            words = tokens(text[match.end() :])
            break
    while words and words[-1] in (lang.or_word, lang.grammar.and_word):
        words = words[:-1]
    drop = [tuple(str(d).split()) for d in lang.rewrite.get("drop_words", [])]
    out: list[str] = []
    i = 0
    while i < len(words):
        for phrase in sorted(drop, key=len, reverse=True):
            if tuple(words[i : i + len(phrase)]) == phrase:
                i += len(phrase)
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _past(verb: str, lang: LangData) -> bool:
    return verb in {str(v) for v in lang.rewrite.get("past_verbs", [])}


def _experience(verb: str, lang: LangData) -> str:
    key = "experience_past" if _past(verb, lang) else "experience_present"
    return str(lang.rewrite.get(key, ""))


def _j(words: list[str]) -> str:
    return " ".join(words)


def _neg(lang: LangData) -> str:
    return lang.grammar.negation


def _drop_determiner(words: list[str], lang: LangData) -> list[str]:
    if words and words[0] in _w(lang, "drop_determiners"):
        return words[1:]
    return words


def _copula_nb(verb: str, rest: list[str], lang: LangData) -> Iterator[str]:
    grading = _set(lang, "evaluative")
    how, it, you, neg = _s(lang, "how_word"), _s(lang, "it_word"), _s(lang, "you_word"), _neg(lang)
    which = _s(lang, "which_plural")
    if rest[:2] == [it, _s(lang, "some_word")]:
        rest = rest[:2] + [w for w in rest[2:] if w not in grading]  # «noen spesielle idretter»
    if rest[:2] == [it, _s(lang, "some_word")] and len(rest) > 3:
        noun, body = rest[2], rest[3:]
        if body[:1] == [_s(lang, "relative_word")]:
            yield f"{which} {noun} {_j(body[1:])}"
        elif len(body) > 1 and body[0] in lang.subject_pronouns and is_verb(body[1], lang):
            yield f"{which} {noun} {body[1]} {body[0]} {_j(body[2:])}"
        elif len(body) > 2 and body[1] == neg and is_verb(body[2], lang):
            yield f"{which} {noun} {body[2]} {body[0]} {neg} {_j(body[3:])}"
    subject, after = _split_subject(rest, lang)
    after = [w for w in after if w not in _w(lang, "comparatives_drop")]
    k = _linker_for_copula(after, lang)
    tail = after[k:] if k >= 0 else []
    something = _s(lang, "something_word")
    if subject and subject[0] == it and after[:1] == [something] and len(after) > 2:
        yield from _something_nb(after[1:], lang)
    if subject and subject[0] in lang.addressee:
        if k >= 0 and len(tail) > 1:
            yield f"{how} {_experience(verb, lang)} {you} {_j(tail[1:])}"
        yield _s(lang, "for_you").format(copula=verb)
        return
    if subject and subject[0] in lang.subject_pronouns:
        if tail:
            yield f"{how} {verb} {it} {_j(tail)}"
        yield _s(lang, "for_you").format(copula=verb)
        return
    if tail:
        yield f"{how} {verb} {_j(subject)} {_j(tail)}"
    yield f"{how} {_experience(verb, lang)} {you} {_j(subject)}"


def _something_nb(words: list[str], lang: LangData) -> Iterator[str]:
    """«(Er det) noe du savner …» → «Hva savner du …»; «noe som …» → «Hva …»."""
    what = _s(lang, "what_word")
    if words[:1] == [_s(lang, "relative_word")]:
        yield f"{what} {_j(words[1:])}"
    elif len(words) > 1 and words[0] in lang.subject_pronouns and is_verb(words[1], lang):
        yield f"{what} {words[1]} {words[0]} {_j(words[2:])}"


def _clause_nb(words: list[str], lang: LangData) -> Iterator[str]:
    how, it, you = _s(lang, "how_word"), _s(lang, "it_word"), _s(lang, "you_word")
    think_about, inf = _s(lang, "think_about"), _s(lang, "infinitive")
    words = words[1:] if words[:1] == [_s(lang, "that_word")] else words
    k = _verb_at(words, lang)
    if k < 0:
        if words:
            yield f"{think_about} {_j(words)}"
        return
    subject, verb, rest = words[:k], words[k], words[k + 1 :]
    if subject == [you] or subject == [_s(lang, "you_plural")]:
        yield from _addressed_as(subject[0], verb, rest, lang)
        return
    if verb in lang.copulas:
        yield from _copula_nb(verb, subject + rest, lang)
        return
    if verb in lang.perfect_auxiliaries and rest[:1] and rest[0] in _w(lang, "effect_participles"):
        # «video har gjort deg til en bedre veileder» → «Hvordan har video påvirket deg som …»
        k3 = _linker(rest[1:], lang)
        obj = [
            w
            for w in (rest[1 : 1 + k3] if k3 >= 0 else rest[1:])
            if w not in _w(lang, "evaluation_words")
        ]
        pp = [
            w for w in (rest[1 + k3 :] if k3 >= 0 else []) if w not in _w(lang, "comparatives_drop")
        ]
        if pp[:1] == [_s(lang, "into_word")] and len(pp) > 1:
            pp = [_s(lang, "as_word"), pp[-1]]
        if obj:
            yield f"{how} {verb} {_j(subject)} {_s(lang, 'affected_word')} {_j(obj)} {_j(pp)}"
    if subject == [it] and inf in rest:
        # «det gikk greit å lære seg Teams» → «Hvordan gikk det å lære seg Teams»
        yield f"{how} {verb} {it} {_j(rest[rest.index(inf) :])}"
    if subject[0] not in lang.subject_pronouns:
        k2 = _linker(rest, lang)
        pp = rest[k2:] if k2 >= 0 else []
        obj = [
            w for w in (rest[:k2] if k2 >= 0 else rest) if w not in _w(lang, "comparatives_drop")
        ]
        neutral = [
            w for w in obj if w not in _w(lang, "grading_adjectives") | _w(lang, "evaluation_words")
        ]
        if verb in _s_map(lang, "effect_to_affect") and neutral:
            # «videomøter gjør relasjonen vanskeligere» → «Hvordan påvirker videomøter relasjonen»
            plain_pp = [
                w
                for w in pp
                if w not in _w(lang, "comparatives_drop") | _w(lang, "evaluation_words")
            ]
            affect = _s_map(lang, "effect_to_affect")[verb]
            yield f"{how} {affect} {_j(subject)} {_j(neutral)} {_j(plain_pp)}"
        if not neutral and not any(is_verb(w, lang) for w in pp[:2]):
            # «video fungerer bra» → «Hvordan fungerer video»
            yield f"{how} {verb} {_j(subject)} {_j(pp)}"
        if obj and len(obj) <= 3 and not any(is_verb(w, lang) for w in obj) and not pp:
            yield f"{think_about} {_j(subject)} {lang.grammar.and_word} {_j(obj)}"
        yield f"{how} {_experience(verb, lang)} {you} {_j(subject)} {_j(pp)}"
        yield f"{how} {verb} {_j(subject)} {_j(rest)}"
    if (
        len(subject) == 1
        and subject[0] in _w(lang, "thing_pronouns")
        and all(
            w
            in _w(lang, "grading_adjectives")
            | _w(lang, "evaluation_words")
            | _w(lang, "comparatives_drop")
            for w in rest
        )
    ):
        yield f"{how} {verb} {subject[0]}"  # «om det fungerte (bra)» → «Hvordan fungerte det»
    yield from _topic_of_claim_nb(verb, rest, lang)
    yield f"{think_about} {_s(lang, 'whether_word')} {_j(words)}"


def _topic_of_claim_nb(verb: str, rest: list[str], lang: LangData) -> Iterator[str]:
    """Ask about what a claim is about, not whether it holds.

    «de eldre vil helst bo hjemme» → «Hva tenker du om å bo hjemme»; «de savner den
    uformelle praten i gangen» → «Hvordan opplever du den uformelle praten i gangen».
    """
    body = [w for w in rest if w not in _w(lang, "claim_hedges") and w != lang.grammar.negation]
    guess = _set(lang, "modal_be") | {w.split()[0] for w in _set(lang, "perfect_been")}
    if verb in _w(lang, "modal_verbs") and body and body[0] in guess:
        return  # «Det må ha vært en overgang» is a guess, not a claim about doing something
    if verb in _w(lang, "modal_verbs") and body and not is_verb(body[0], lang):
        yield f"{_s(lang, 'think_about')} {_s(lang, 'infinitive')} {_j(body)}"
    obj = [w for w in body if w not in _w(lang, "comparatives_drop") | _w(lang, "evaluation_words")]
    if obj and not any(is_verb(w, lang) for w in obj[:3]) and obj[0] not in _w(lang, "linkers"):
        how, you = _s(lang, "how_word"), _s(lang, "you_word")
        yield f"{how} {_s(lang, 'experience_present')} {you} {_j(obj)}"


def _addressed_as(subject: str, verb: str, rest: list[str], lang: LangData) -> Iterator[str]:
    """:func:`_addressed_nb`, still addressing a group when the question did («Brukte dere …»)."""
    for candidate in _addressed_nb(verb, rest, lang):
        if subject == _s(lang, "you_plural"):
            plural = _s_map(lang, "plural_address")
            candidate = " ".join(plural.get(w, w) for w in candidate.split())
        yield candidate


def _addressed_nb(verb: str, rest: list[str], lang: LangData) -> Iterator[str]:
    """Re-open «<verb> du <rest>» (a question or a statement about the informant)."""
    how, you, it, inf = (_s(lang, k) for k in ("how_word", "you_word", "it_word", "infinitive"))
    that, self_, on = _s(lang, "that_word"), _s(lang, "reflexive_word"), _s(lang, "on_word")
    think_about, what_kind = _s(lang, "think_about"), _s(lang, "what_kind")
    complements = _w(lang, "complement_words")
    while rest[:1] and rest[0] in _w(lang, "addressed_skip"):
        rest = rest[1:]
    if verb in _w(lang, "feel_self_verbs") and rest[:1] == [self_]:
        # «Føler du deg sliten etter …» → «Hvordan føler du deg etter …»
        k = _linker(rest[1:], lang)
        yield f"{how} {verb} {you} {self_} {_j(rest[1 + k :]) if k >= 0 else ''}"
    if verb in lang.copulas:
        yield from _copula_nb(verb, [you, *rest], lang)
        return
    say = _s(lang, "say_word")
    if verb in lang.cognition_verbs or (verb in _w(lang, "say_modals") and rest[:1] == [say]):
        body = rest[1:] if rest[:1] == [say] else rest
        if _verb_at(body[1:] if body[:1] == [that] else body, lang) >= 0:
            yield from _clause_nb(body, lang)
        elif body:
            yield f"{how} {verb} {you} {_j(body)}"
        yield f"{how} {verb} {you} {it}"
        return
    some = rest[:1] and rest[0] in _w(lang, "some_words")
    if verb in _w(lang, "have_get_verbs") and some and rest[1:]:
        # «Fikk/Har dere noen rutiner for det» → «Hva slags rutiner har dere for det»
        yield f"{what_kind} {rest[1]} {verb} {you} {_j(rest[2:])}"
    if verb in lang.perfect_auxiliaries:
        while rest[:1] and rest[0] in _w(lang, "perfect_adverbs") and len(rest) > 1:
            rest = rest[1:]  # «Har du selv vurdert å slutte» → «vurdert å slutte»
        if rest[1:2] == [that] and _participle_nb(rest[0], lang):
            # «Har du opplevd at video gjør …» → re-open the claim itself
            yield from _clause_nb(rest[2:], lang)
        desire = _s(lang, "desire_word")
        if rest[:2] == [desire, _s(lang, "into_word")] or rest[:2] == [desire, inf]:
            tail = rest[2:] if rest[1] == inf else rest[3:] if rest[2:3] == [inf] else rest[2:]
            yield f"{think_about} {inf} {_j(tail)}"
        elif rest and _participle_nb(rest[0], lang):
            part, obj = rest[0], rest[1:]
            k = _linker(obj, lang)
            np = _drop_determiner(obj[:k] if k >= 0 else obj, lang)
            pp = obj[k:] if k >= 0 else []
            if part in _w(lang, "consider_participles") and inf in obj[:2]:
                # «Har du tenkt på å selge gården» → «Hva tenker du om å selge gården»
                yield f"{think_about} {_j(obj[obj.index(inf) :])}"
            if any(w in _w(lang, "clause_words") for w in obj) and obj[0] not in complements:
                yield f"{_s(lang, 'tell_about_words')} {_j(_drop_determiner(obj, lang))}"
            np = [w for w in np if w not in _w(lang, "grading_adjectives")]
            if (
                part in _w(lang, "perception_participles")
                and np
                and np[0] not in complements | {it}
            ):
                yield f"{what_kind} {_j(np)} {_s(lang, 'have_word')} {you} {part} {_j(pp)}"
            yield f"{how} {verb} {you} {part} {_j(obj)}"
        elif rest:
            yield f"{_s(lang, 'tell_about_words')} {_j(rest)}"
        return
    if verb in _w(lang, "modal_verbs"):
        body = rest
        if body[:1] == [say] and body[1:2] and body[1] in complements and len(body) > 3:
            yield from _clause_nb(body[2:], lang)  # «Kan du si om det fungerte» → the clause
        if body[:2] == _s(lang, "imagine_words").split():
            body = body[2:]
            yield f"{think_about} {_j(body)}"
        if body[:1] and body[0] in _w(lang, "recall_verbs") and len(body) > 1:
            tail = body[2:] if body[1:2] == [on] else body[1:]
            yield f"{_s(lang, 'tell_about_words')} {_j(tail)}"
        yield f"{how} {verb} {you} {_j(body)}"
        return
    rest = rest[1:] if rest[:1] == [_neg(lang)] else rest
    wh = complements | {_s(lang, "what_word"), how}
    if verb in _w(lang, "remember_verbs") and rest and rest[0] not in wh:
        yield f"{_s(lang, 'remember_from')} {_j(rest)}"
    if (
        verb in _w(lang, "emotive_verbs")
        and rest[:1] != [on]
        and rest[:1]
        and rest[0] in _w(lang, "linkers")
    ):
        yield f"{how} {verb} {you} {_j(rest)}"  # «Trives du i jobben» → «Hvordan trives du i …»
    if verb in _w(lang, "emotive_verbs"):
        body = rest[1:] if rest[:1] == [on] else rest
        if body[:1] == [self_] and body[1:2] and body[1] in _w(lang, "linkers"):
            body = body[2:]  # «Gleder du deg til å …» → «Hva tenker du om å …»
        yield f"{think_about} {_j(_and_for_or(body, lang))}"
    yield f"{how} {verb} {you} {_j(rest)}"


def _and_for_or(words: list[str], lang: LangData) -> list[str]:
    """«eller» → «og», "or" → "and": both options asked about, no choice offered."""
    return [lang.grammar.and_word if w == lang.or_word else w for w in words]


def _drop_frame_negation(words: list[str], unit: Unit, lang: LangData) -> list[str]:
    """Drop the «ikke»/"not" of a negative yes/no frame («Synes du ikke …»), nothing else."""
    negation = _neg(lang)
    if unit.kind == "verb_first" and negation in words[1:3]:
        k = words.index(negation)
        return words[:k] + words[k + 1 :]
    return words


def _reopen_nb(unit: Unit, lang: LangData) -> Iterator[str]:
    words = _clean(_drop_frame_negation(list(unit.words), unit, lang), lang)
    if not words:
        return
    how, you = _s(lang, "how_word"), _s(lang, "you_word")
    raw = list(unit.words)
    amount = next((w for w in raw[2:] if w in _w(lang, "amount_adverbs")), None)
    if unit.kind == "verb_first" and len(words) > 2 and amount and words[1] in lang.addressee:
        # «Har du jobbet lenge i Nav?» → «Hvor lenge har du jobbet i Nav?»;
        # «Har du mange brukere?» → «Hvor mange brukere har du?»
        rest = [w for w in words[2:] if w != amount]
        after = raw[raw.index(amount) + 1 : raw.index(amount) + 2]
        how_much = _s(lang, "how_much_word")
        if amount == _s(lang, "many_word") and after and after[0] in rest:
            rest.remove(after[0])
            yield f"{how_much} {amount} {after[0]} {words[0]} {words[1]} {_j(rest)}"
        else:
            yield f"{how_much} {amount} {words[0]} {words[1]} {_j(rest)}"
    if unit.kind == "verb_first" and len(words) > 1:
        verb, subject = words[0], words[1]
        if verb in lang.copulas:
            yield from _copula_nb(verb, words[1:], lang)
        elif subject in lang.addressee:
            yield from _addressed_as(subject, verb, words[2:], lang)
        else:
            subj, rest = _split_subject(words[1:], lang)
            if subj and subj[0] not in lang.subject_pronouns:
                k = _linker(rest, lang)
                pp = rest[k:] if k >= 0 else []
                predicate = rest[:k] if k >= 0 else rest
                if predicate and all(
                    w
                    in _w(lang, "grading_adjectives")
                    | _w(lang, "evaluation_words")
                    | _w(lang, "comparatives_drop")
                    for w in predicate
                ):
                    # «Fungerte Teams godt for deg?» → «Hvordan fungerte Teams for deg?»
                    yield f"{how} {verb} {_j(subj)} {_j(pp)}"
                yield f"{how} {_experience(verb, lang)} {you} {_j(subj)} {_j(pp)}"
            plain = [
                w
                for w in words
                if w not in _w(lang, "grading_adjectives") | _w(lang, "evaluation_words")
            ]
            if len(plain) >= 2 and plain != words:
                yield f"{how} {_j(plain)}"  # «Fungerte det bra» → «Hvordan fungerte det»
            yield f"{how} {_j(words)}"
        return
    if unit.kind == "embedded_whether":
        # «Vil du si at video har …», «Kan du si om det …»: re-open the embedded claim
        complements = _w(lang, "complement_words")
        cut = next((i for i, w in enumerate(words) if w in complements), -1)
        if 0 <= cut < len(words) - 2:
            yield from _clause_nb(words[cut + 1 :], lang)
    if unit.kind == "wh" and unit.choice:
        if "," in unit.core and len(tokens(unit.core.split(",")[0])) >= 3:
            yield unit.core.split(",")[0]  # «Hvilket år var det, 2019 eller 2020?» → the wh-part
        tail = re.split(r"[,:–]", unit.core)[-1] if "," in unit.core else unit.core
        options = [w for w in tokens(tail) if w not in lang.wh_words and not is_verb(w, lang)]
        prefer = _s(lang, "prefer_word")
        options = [w for w in options if w not in lang.subject_pronouns and w != prefer]
        yield f"{_s(lang, 'think_about')} {_j(_and_for_or(options, lang))}"
        return
    if unit.kind == "wh" and any(kind == "offered" for kind, _ in unit.cues):
        # «Hvordan var den første samtalen, vanskelig?» → «Hvordan var den første samtalen»
        kept = tokens(re.split(r"[,:–-]", unit.core)[0])
        if len(kept) >= 3:
            yield from _open_nb(kept, lang)
    if unit.form == "open":
        yield from _open_nb(words, lang)
        return
    copulas = {_s(lang, "copula_present"), _s(lang, "copula_past")}
    it_is = words[:1] and words[0] in copulas and words[1:2] == [_s(lang, "it_word")]
    if it_is and words[2:3] and words[2] in _w(lang, "such_words"):
        that = _s(lang, "that_word")
        yield from _clause_nb(words[words.index(that) + 1 :] if that in words else words, lang)
    yield from _clause_nb(words, lang)


def _open_nb(words: list[str], lang: LangData) -> Iterator[str]:
    yield from _superlative_topic(words, lang)
    how = _s(lang, "how_word")
    out = list(words)
    if out[:1] == [_s(lang, "how_much_word")] and len(out) > 2:
        nxt = out[1]
        much = nxt in _w(lang, "amount_words_plain")
        if much and len(out) > 2 and out[2] in _w(lang, "comparatives_drop"):
            out = [how, *out[3:]]
        elif nxt not in lang.wh_measure_words and not is_verb(nxt, lang):
            out = [how, *out[2:]]
    out = _drop_so_adjective(out, _s(lang, "so_word"))
    if (
        out[:1] == [how]
        and out[1:2]
        and out[1] in lang.copulas
        and out[2:3] == [_s(lang, "you_word")]
    ):
        # not «Hvordan var du …»
        for_you = [_s(lang, "it_word"), _s(lang, "for_word"), _s(lang, "reflexive_word")]
        out = [how, out[1], *for_you, *out[3:]]
    yield _j(out)


def _superlative_topic(words: list[str], lang: LangData) -> Iterator[str]:
    """«Hva er det verste med å miste øyekontakten?» → «Hvordan opplever du å miste …?»."""
    match = re.match(_s(lang, "superlative_pattern"), " ".join(words))
    if match:
        topic = match.group(match.lastindex or 0)
        past = match.group(1) == _s(lang, "copula_past")
        yield _s(lang, "how_experience_past" if past else "how_experience").format(np=topic)


def _drop_so_adjective(words: list[str], so: str) -> list[str]:
    """«Hva gjorde det så vanskelig?» → «Hva gjorde det vanskelig?»: drop the intensifier."""
    return [w for i, w in enumerate(words) if not (w == so and 0 < i < len(words) - 1)]


# --------------------------------------------------------------------------- English


def _do(past: bool, lang: LangData) -> str:
    return _s(lang, "do_past" if past else "do_base")


def _copula(past: bool, lang: LangData) -> str:
    return _s(lang, "copula_past" if past else "copula_present")


def _copula_en(verb: str, rest: list[str], lang: LangData) -> Iterator[str]:
    what, you = _s(lang, "what_word"), _s(lang, "you_word")
    subject, after = _split_subject(rest, lang)
    after = [w for w in after if w not in _w(lang, "comparatives_drop")]
    k = _linker(after, lang)
    tail = after[k:] if k >= 0 else []
    past = verb in _w(lang, "past_copulas")
    there = subject and subject[0] in _w(lang, "existential")
    if there and after[:1] and after[0] in _w(lang, "something_words"):
        body = after[1:]
        if body[:1] and body[0] in _w(lang, "that_which"):
            yield f"{what} {_j(body[1:])}"
        elif body[:1] == [you] and len(body) > 1:
            yield f"{what} {_do(past, lang)} {you} {_j(body[1:])}"
    if subject and subject[0] == you:
        if k >= 0 and len(tail) > 1:
            yield _s(lang, "how_experience_past" if past else "how_experience").format(
                np=_j(tail[1:])
            )
        yield _s(lang, "for_you").format(copula=_copula(past, lang))
        return
    if subject and subject[0] in lang.subject_pronouns:
        if tail:
            yield _s(lang, "it_like_frame").format(copula=_copula(past, lang), rest=_j(tail))
        yield _s(lang, "for_you").format(copula=_copula(past, lang))
        return
    if tail and tail[0] != _s(lang, "infinitive"):
        positive = verb.removesuffix(_s(lang, "negated_suffix"))
        yield f"{what} {positive} {_j(subject)} {_s(lang, 'like_word')} {_j(tail)}"
    yield _s(lang, "how_experience_past" if past else "how_experience").format(np=_j(subject))


def _clause_en(words: list[str], lang: LangData, past: bool = False) -> Iterator[str]:
    thoughts_on, you = _s(lang, "thoughts_on"), _s(lang, "you_word")
    words = words[1:] if words[:1] == [_s(lang, "that_word")] else words
    k = _verb_at(words, lang)
    if k < 0:
        if words:
            yield f"{thoughts_on} {_j(words)}"
        return
    subject, verb, rest = words[:k], words[k], words[k + 1 :]
    if subject == [you]:
        if verb in _w(lang, "feel_find"):
            k2 = _linker(rest, lang)
            pp = rest[k2:] if k2 >= 0 else []
            felt = verb in _w(lang, "feel_find_past")
            yield _s(lang, "how_feel").format(do=_do(felt, lang), rest=_j(pp))
            return
        if verb in lang.copulas:
            yield from _copula_en(verb, [you, *rest], lang)
            return
        # Not "you moved back home" → "thoughts on back home": without its verb the rest
        # names nothing; the topic frame («when you moved back home») keeps it.
        return
    if verb in lang.copulas:
        yield from _copula_en(verb, subject + rest, lang)
        return
    if subject[0] not in lang.subject_pronouns:
        k2 = _linker(rest, lang)
        pp = rest[k2:] if k2 >= 0 else []
        frame = _s(lang, "how_experience_past" if past else "how_experience")
        yield frame.format(np=f"{_j(subject)} {_j(pp)}")
    yield f"{thoughts_on} {_s(lang, 'whether_word')} {_j(words)}"


def _reopen_en(unit: Unit, lang: LangData) -> Iterator[str]:
    how, what, you, it = (_s(lang, k) for k in ("how_word", "what_word", "you_word", "it_word"))
    thoughts_on, inf = _s(lang, "thoughts_on"), _s(lang, "infinitive")
    words = _clean(_drop_frame_negation(list(unit.words), unit, lang), lang)
    if not words:
        return
    if _j(words[1:4]) in _w(lang, "it_true_that") and len(words) > 5:
        yield from _clause_en(words[4:], lang)
    if unit.kind == "verb_first" and len(words) > 1:
        verb, rest = words[0].replace(_s(lang, "negated_suffix"), ""), words[1:]
        if verb in lang.copulas:
            yield from _copula_en(verb, rest, lang)
            return
        subject, body = _split_subject(rest, lang)
        past = verb in _w(lang, "past_auxiliary_forms")
        if subject == [it] and body[:1] and body[0] in _w(lang, "modal_be") and inf in body:
            # "Wouldn't it be easier to meet them in person" → "What would it be like to meet …"
            yield _s(lang, "would_like_frame").format(verb=verb, rest=_j(body[body.index(inf) :]))
        get = body[0] in _w(lang, "get_verbs") if body else False
        if subject == [you] and len(body) > 2 and get and body[1] in _w(lang, "some_words"):
            # "Did you get any training in Teams" → "What training did you get in Teams"
            yield f"{what} {body[2]} {verb} {you} {body[0]} {_j(body[3:])}"
        if subject == [you] and body:
            main = body[0]
            says = main in lang.cognition_verbs or main in _w(lang, "say_verbs")
            if says and body[1:2] != [_s(lang, "phrasal_out")]:
                clause = body[1:]
                clause = clause[1:] if clause[:1] == [_s(lang, "with_word")] else clause
                that = _s(lang, "that_word")
                if _verb_at(clause[1:] if clause[:1] == [that] else clause, lang) >= 0:
                    yield from _clause_en(clause, lang, past)
                elif main in _w(lang, "feel_find_present"):
                    k = _linker(clause, lang)
                    pp = clause[k:] if k >= 0 else []
                    yield _s(lang, "how_feel").format(do=_do(past, lang), rest=_j(pp))
                else:
                    yield f"{thoughts_on} {_j(clause)}"
                return
            if verb in lang.perfect_auxiliaries and _participle_en(main, lang):
                obj = body[1:]
                k = _linker(obj, lang)
                np = _drop_determiner(obj[:k] if k >= 0 else obj, lang)
                pp = obj[k:] if k >= 0 else []
                if (
                    main in _w(lang, "perception_participles")
                    and np
                    and np[0] not in _w(lang, "not_np_starts")
                ):
                    yield f"{_s(lang, 'what_kind')} {_j(np)} {verb} {you} {main} {_j(pp)}"
                yield f"{how} {verb} {you} {_j(body)}"
                return
            remember = _w(lang, "remember_verbs")
            if main in remember and len(body) > 1 and body[1] in _w(lang, "remember_determiners"):
                yield _s(lang, "remember_about_frame").format(rest=_j(body[1:]))
            if main in _w(lang, "recall_think_verbs") and len(body) > 1:
                of = body[1:2] and body[1] in _w(lang, "of_about")
                tail = body[2:] if of else body[1:]
                yield f"{_s(lang, 'could_tell_about')} {_j(tail)}"
            if main in _w(lang, "emotive_verbs"):
                yield f"{thoughts_on} {_j(_and_for_or(body[1:], lang))}"
            yield f"{how} {verb} {you} {_j(body)}"
            return
        if subject and subject[0] not in lang.subject_pronouns and body:
            yield f"{how} {verb} {_j(subject)} {_j(body)}"
            yield _s(lang, "how_experience_past" if past else "how_experience").format(
                np=_j(subject)
            )
        yield f"{how} {_j(words)}"
        return
    if unit.kind == "wh" and (unit.choice or any(k == "offered" for k, _ in unit.cues)):
        head = unit.core.split(",")[0]
        if "," in unit.core and len(tokens(head)) >= 3:
            yield head  # "How was your first night, terrifying?" → "How was your first night"
    if unit.kind == "wh" and unit.choice:
        tail_text = re.split(r"[,:–]", unit.core)[-1] if "," in unit.core else unit.core
        options = [
            w for w in tokens(tail_text) if w not in lang.wh_words and w not in lang.subjects
        ]
        prefer = _s(lang, "prefer_word")
        options = [w for w in options if w not in lang.finite_verbs and w != prefer]
        yield f"{thoughts_on} {_j(_and_for_or(options, lang))}"
        return
    if unit.form == "open":
        yield from _superlative_topic(words, lang)
        out = list(words)
        if out[:1] == [how] and len(out) > 3 and out[1] not in lang.wh_measure_words:
            if out[2] in lang.copulas and out[3] in _w(lang, "it_that"):
                out = [what, out[2], it, _s(lang, "like_word"), *out[4:]]
            else:
                out = [how, *out[2:]]
        yield _j(_drop_so_adjective(out, _s(lang, "so_word")))
        return
    yield from _clause_en(words, lang)


def _restore_case(text: str, surface: str, lang: LangData) -> str:
    """Give proper nouns («Nav», "Teams") back their capitals from the original.

    Only words capitalised inside a sentence count: a sentence's first word is capitalised
    by convention, not because it is a name.
    """
    cased: dict[str, str] = {}
    for sentence in re.split(r"(?<=[.?!])\s+", surface):
        for k, token in enumerate(re.findall(r"[\w'-]+", sentence)):
            if k > 0 and token[:1].isupper() and token.lower() not in _w(lang, "never_cased"):
                cased[token.lower()] = token
    return " ".join(cased.get(word, word) for word in text.split(" "))


def _tidy(text: str, surface: str, lang: LangData) -> str:
    text = re.sub(r"\s+,", ",", re.sub(r"\s+", " ", text)).strip(" ,")
    text = re.sub(r"\b(\w+)(?:-\1)+\b", r"\1", text, flags=re.IGNORECASE)  # "the-the-the"
    text = _restore_case(text, surface, lang)
    when = _s(lang, "capital_i_when")  # "I" in a question to "you"
    if when and re.search(when, text):
        for low, up in _s_map(lang, "capitalised").items():
            text = re.sub(rf"\b{re.escape(low)}\b", up, text)
    for phrase in _w(lang, "said_once"):
        said = re.escape(phrase)
        text = re.sub(rf"\b({said}) {said}\b", r"\1", text)
    return text[:1].upper() + text[1:] + "?"


def _only_pronoun(unit: Unit, lang: LangData) -> bool:
    rest = [
        w
        for w in _clean(list(unit.words), lang)
        if w not in lang.stopwords and w not in lang.subjects and not is_verb(w, lang)
    ]
    return not rest


def _without_why(text: str, lang: LangData) -> str | None:
    """Turn a why-question into a how/what question with the same content.

    «Hvorfor valgte du video?» → «Hvordan kom det seg at du valgte video?»;
    «Vet du hvorfor de la ned avdelingen?» → «Hva tenker du er grunnen til at de la ned …?»;
    "Why did you choose nursing?" → "What led you to choose nursing?".
    """
    words = tokens(text)
    why = _s(lang, "why_word")
    if why not in words:
        return None
    k = words.index(why)
    rest = words[k + 1 :]
    if lang.code == "nb":
        reason = _s(lang, "reason_frame")
        if k > 0:  # embedded: «… hvorfor de la ned avdelingen»
            return reason.format(clause=_j(rest)) if len(rest) > 1 else None
        if len(rest) < 2 or rest[0] == _neg(lang) or not is_verb(rest[0], lang):
            return None
        subject, after = _split_subject(rest[1:], lang)
        addressed = subject in ([_s(lang, "you_word")], [_s(lang, "you_plural")])
        if rest[0] in _w(lang, "opinion_verbs") and addressed:
            return reason.format(clause=_j(after)) if after else None
        return _s(lang, "how_come_frame").format(clause=f"{_j(subject)} {rest[0]} {_j(after)}")
    if k > 0:
        return _s(lang, "reason_frame").format(clause=_j(rest)) if len(rest) > 1 else None
    if len(rest) < 3 or rest[0] not in _w(lang, "do_words"):
        return None
    subject, after = _split_subject(rest[1:], lang)
    if len(subject) != 1 or not after:
        return None
    obj = _s_map(lang, "why_objects").get(subject[0], subject[0])
    if after[0] == _s(lang, "think_word") and subject == [_s(lang, "you_word")]:
        return _s(lang, "makes_think_frame").format(clause=_j(after[1:])) if after[1:] else None
    led = "led_frame_past" if rest[0] == _s(lang, "do_past") else "led_frame"
    return _s(lang, led).format(object=obj, clause=_j(after))


def _how_is_sound(text: str, lang: LangData) -> bool:
    """«Hvordan» / "How" before a verb that assumes the event («Hvordan mistet du …») is not.

    Allowed: a copula, a modal or an auxiliary before a noun subject, or a main verb whose
    lemma asks about manner (``how_verbs``, ``how_open_verbs`` in the language data).
    """
    words = tokens(text)
    how = str(lang.rewrite.get("how_word", ""))
    if len(words) < 3 or words[0] != how:
        return True
    if any(lemma(w, lang.code) in _set(lang, "claim_effect_verbs") for w in words[2:]):
        return False  # "How does screen time harm …" assumes the harm
    allowed = {str(w) for w in lang.rewrite.get("how_verbs", []) or []}
    allowed |= {str(w) for w in lang.rewrite.get("how_open_verbs", []) or []}
    auxiliaries = set(lang.perfect_auxiliaries) | _w(lang, "do_words")
    verb, after = words[1], words[2:]
    do_words = _set(lang, "do_words")
    pronoun_object = len(words) > 3 and words[3] in lang.grammar.object_pronouns  # «ha det»
    if verb in auxiliaries and words[2] in lang.subject_pronouns and len(words) > 3:
        verb, after = (verb, words[3:]) if pronoun_object else (words[3], words[4:])
    elif verb in do_words and len(words) > 3:
        # "How did your doctor talk to you": the main verb is the first bare verb after the
        # subject; unknown words keep the question.
        bare = _set(lang, "base_verbs") | allowed
        k = next((i for i, w in enumerate(words[3:], 3) if w in bare or is_verb(w, lang)), -1)
        if k < 0 and words[2] in _set(lang, "determiners") and len(words) > 4:
            k = 4  # "how did your manager decide": a determiner, a noun, the verb
        if k < 0:
            return True
        verb, after = words[k], words[k + 1 :]
    else:
        amount = set(lang.rewrite.get("amount_words", []) or []) | lang.wh_measure_words
        if verb in lang.copulas | auxiliaries | _w(lang, "modal_verbs") | amount:
            return True
    base = lemma(verb, lang.code)
    phrase = f"{base} {after[0]}" if after else ""
    return base in allowed or verb in allowed or phrase in allowed


def _keeps_topic(candidate: str, topic_words: set[str], lang: LangData) -> bool:
    return bool(topic_lemmas(tokens(candidate), lang) & topic_words)


def _about_frame_sound(text: str, lang: LangData) -> bool:
    """«Hva tenker du om …», "What are your thoughts on …": only around a well-formed topic."""
    words = tokens(text)
    for frame in lang.rewrite.get("about_frames", []) or []:
        head = tokens(str(frame))
        if words[: len(head)] == head:
            topic = words[len(head) :]
            again = [i for i, w in enumerate(topic[:-1]) if w == head[-1]]
            dets = _set(lang, "determiners") | _set(lang, "possessives")
            if any(topic[i + 1] in dets for i in again):
                return False  # "tell me more about the GP about the side effects"
            noun_only = str(frame) in _set(lang, "noun_topic_frames")
            return topic_ok(topic, lang) and not (noun_only and _clause_topic(topic, lang))
    return True


def _clause_topic(topic: list[str], lang: LangData) -> bool:
    """ "thoughts on patients trust you more": a whole clause where a topic belongs (a
    subject pronoun inside, not opened by a question word or «at»/"that")."""
    if not topic or topic[0] in lang.wh_words or topic[0] in _set(lang, "relative_words"):
        return False
    opener = {str(lang.rewrite.get("that_word", "")), str(lang.rewrite.get("infinitive", ""))}
    return topic[0] not in opener and any(w in lang.subject_pronouns for w in topic[1:])


def _restarted(unit: Unit, questions: list[Unit], lang: LangData) -> bool:
    """A false start the speaker said again: "is there, I just wonder, is there a connection
    …", "why do you want to-- what do you wanna do with that?" (broken off on a word that
    cannot end a question)."""
    k = questions.index(unit)
    later = questions[k + 1 :]
    head = list(unit.words[:2])
    if later and unit.words and unit.words[-1] in _set(lang, "broken_off_words"):
        return True
    return len(head) == 2 and any(list(q.words[:2]) == head for q in later)


def rewrite_turn(
    units: list[Unit], questions: list[Unit], double: bool, lang: LangData
) -> str | None:
    """One open, neutral, single question for a closed, leading or double turn.

    None for a permission or logistics question («er det greit at jeg …», "is that okay?",
    ``no_rewrite_patterns``): it asks for no account, and any open rewrite would change it.
    The candidates come best first (the interviewer's own open question, a named shape, the
    question rebuilt, a frame around its topic); the first one the analyser judges open,
    single and neutral wins, else the generic ``tell_more``.
    """
    target = _target(questions, double, lang)
    if _asks_permission(target, lang):
        return None
    candidates, trusted = _candidates(units, questions, target, double, lang)
    for candidate in candidates:
        for variant in (_without_why(candidate, lang), candidate):
            text = _accepted(variant, trusted, target, lang)
            if text is not None:
                return text
    return str(lang.rewrite.get("tell_more", ""))


def _target(questions: list[Unit], double: bool, lang: LangData) -> Unit:
    """The question the informant would answer: the first of a double turn (not a false
    start said again), else the last."""
    if not double:
        return questions[-1]
    return next((q for q in questions if not _restarted(q, questions, lang)), questions[0])


def _asks_permission(target: Unit, lang: LangData) -> bool:
    spoken = " ".join(target.words)
    patterns = lang.rewrite.get("no_rewrite_patterns", []) or []
    return any(re.search(str(p), spoken) for p in patterns)


def _candidates(
    units: list[Unit], questions: list[Unit], target: Unit, double: bool, lang: LangData
) -> tuple[list[str], set[str]]:
    """(candidate rewrites best first, the ones built from trusted words: the interviewer's
    own open question and the language data's shapes, exempt from the form checks)."""
    said_again = double and target is not questions[0] and target.form == "open" and not target.cues
    no_end = {str(w) for w in lang.rewrite.get("no_end_words", []) or []}
    earlier_open = [
        u
        for u in questions
        if u.form == "open" and not u.cues and len(u.words) >= 3 and u.words[-1] not in no_end
    ]
    candidates: list[str] = []
    if said_again:
        candidates.append(target.core)  # the open question said after a false start
    if earlier_open and (double or earlier_open[0] is not target):
        candidates.append(earlier_open[0].core)  # the interviewer's own open question
    candidates.extend(_from_preamble(units, target, lang))
    shaped = list(shapes(target, lang))  # a shape the language data names: trusted words
    candidates.extend(shaped)
    candidates.extend(_rebuilt(target, lang))
    trusted = {earlier_open[0].core} if earlier_open else set()
    trusted |= {target.core} if said_again else set()
    trusted.add(str(lang.rewrite.get("why_bare", "")))
    return candidates, trusted | set(shaped)


def _from_preamble(units: list[Unit], target: Unit, lang: LangData) -> Iterator[str]:
    """What the statements before the question name: social proof («Mange sier at …»), or
    the claim a bare «opplever du det også?» points back to."""
    before = units[: units.index(target)][::-1]
    for unit in before:
        if unit.form == "not_question":
            yield from social(list(unit.words), lang)  # «Mange sier at …»
    if not _only_pronoun(target, lang):
        return
    # «Mange sier at video er tungvint – opplever du det også?»: «det» is the preamble.
    for unit in before:
        words = list(unit.words)
        said, anywhere = _s(lang, "preamble_that"), _s(lang, "preamble_that_any")
        if (unit.form == "not_question" and said in words) or anywhere in words:
            clause = words[words.index(said if said in words else anywhere) + 1 :]
            yield from (_clause_nb if lang.code == "nb" else _clause_en)(clause, lang)
            return


def _rebuilt(target: Unit, lang: LangData) -> list[str]:
    """The question rebuilt from its own structure; those that keep none of its topic words
    (a generic stand-in) come after an open frame around its topic."""
    structural = list(fragment_topic(target, lang))  # an echo: its own topic first
    structural.extend(reframe(target, lang))
    reopen = _reopen_nb if lang.code == "nb" else _reopen_en
    structural.extend(reopen(target, lang))
    structural.extend(last_resort(target, lang))
    asked = asked_part(list(target.words), lang)  # «…, eller …»: the first one
    topic_words = topic_lemmas(asked, lang)
    kept = [c for c in structural if not topic_words or _keeps_topic(c, topic_words, lang)]
    return [*kept, *topic(target, lang), *(c for c in structural if c not in kept)]


def _accepted(variant: str | None, trusted: set[str], target: Unit, lang: LangData) -> str | None:
    """The candidate as shown («Hvordan …?»), if it is well formed and the analyser judges it
    open, single and neutral; trusted words skip the form checks, never the analyser."""
    from . import asks_why, verdict

    rejected = [re.compile(str(p)) for p in lang.rewrite.get("reject_patterns", []) or []]
    if variant is None or any(p.search(variant) for p in rejected):
        return None
    if variant not in trusted and not (
        _how_is_sound(variant, lang) and _about_frame_sound(variant, lang)
    ):
        return None
    text = _tidy(variant, target.surface, lang)
    words = tokens(text)
    longest = int(lang.rewrite.get("max_words", 18))
    if variant not in trusted and (
        len(words) < 3
        or len(words) > longest
        or words[-1] in _w(lang, "dangling_words")
        or (len(words) <= 4 and words[-1] in _w(lang, "linkers"))
    ):
        return None
    form, leading, is_double = verdict(text, lang.code)
    if form != "open" or leading or is_double or asks_why(text, lang.code):
        return None
    return text
