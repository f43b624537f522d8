"""Structure-keeping rewrites: the interviewer's own question, opened.

Why a separate step: a rewrite a researcher would say instead keeps the question's subject,
verb and topic and changes only what makes it closed or loaded. So each rule here recognises
one question shape and rebuilds it with the same words: a verb that can be asked about with
«Hvordan»/"How" gets the question word in front («Har brukerne dine tilpasset seg
videomøtene?» → «Hvordan har brukerne dine tilpasset seg videomøtene?»); a why becomes «Hva
gjorde at …?» / "What made …?"; «Har du noen gang …» asks about any time, assuming none; an
existence question («Er det noe som …») asks what, if anything; a place question asks where;
a predicate that grades («vanskelig», "strict") is left out. A verb whose «Hvordan» would
assume the event («Hvordan mistet du kontakten?») is never opened that way. Every candidate
is checked by the analyser afterwards; shapes this module does not know fall through to the
older transformations in :mod:`._rewrite`. The roles are code, the words are language data
(``rewrite:`` in ``data/lang/<code>/analysis.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lang import _yaml, lemma, zipf
from ._data import LangData
from ._syntax import Unit, is_verb


def _s(lang: LangData, key: str) -> str:
    return str(lang.rewrite.get(key, ""))


_SETS: dict[tuple[LangData, str], frozenset[str]] = {}


def _set(lang: LangData, key: str) -> set[str]:
    """A word list of ``rewrite:`` as a new set (the caller may change it; the read is kept)."""
    k = (lang, key)
    if k not in _SETS:
        _SETS[k] = frozenset(str(w) for w in lang.rewrite.get(key, []) or [])
    return set(_SETS[k])


_ENDS: dict[tuple[LangData, str], tuple[str, ...]] = {}


def _ends(lang: LangData, key: str) -> tuple[str, ...]:
    """Word endings the language data names (``past_endings``): for ``str.endswith``."""
    k = (lang, key)
    if k not in _ENDS:
        _ENDS[k] = tuple(sorted(_set(lang, key)))
    return _ENDS[k]


def _j(words: list[str]) -> str:
    return " ".join(w for w in words if w)


def _lemma(word: str, lang: LangData) -> str:
    return lemma(word, lang.code)


def _drop_phrases(words: list[str], phrases: set[str]) -> list[str]:
    split = sorted((tuple(p.split()) for p in phrases), key=len, reverse=True)
    out: list[str] = []
    i = 0
    while i < len(words):
        hit = next((p for p in split if tuple(words[i : i + len(p)]) == p), None)
        if hit:
            i += len(hit)
        else:
            out.append(words[i])
            i += 1
    return out


def _tidy_words(words: list[str], lang: LangData) -> list[str]:
    """Spoken hedges and trailing particles out («liksom», «da eller»)."""
    trailing = sorted((tuple(p.split()) for p in _set(lang, "trailing")), key=len, reverse=True)
    changed = True
    while changed and words:
        changed = False
        for phrase in trailing:
            if len(words) > len(phrase) + 1 and tuple(words[-len(phrase) :]) == phrase:
                words = words[: -len(phrase)]
                changed = True
                break
    hedges = _set(lang, "hedges")
    kept = words[-1:] if len(words) > 2 and words[-2] in lang.copulas else []
    kept = kept if kept and kept[0] in _set(lang, "manner_words") else []  # «det ble sånn»
    words = [w for w in _drop_phrases(words[: len(words) - len(kept)], hedges) if w] + kept
    ends = _set(lang, "trailing") | set(lang.grammar.coordinators)
    while len(words) > 2 and words[-1] in ends:
        words = words[:-1]  # «premie eller sånn da» → «premie»; «i friminutta og sånn»
    return words


def _plain(words: list[str], lang: LangData) -> list[str]:
    """Without the grading words («vanskelig», "strict"). A causative verb left without the
    word it caused becomes the neutral effect verb: «gjør relasjonen vanskeligere» →
    «påvirker relasjonen» (``effect_to_affect``), never «gjør relasjonen»."""
    drop = _set(lang, "evaluative")
    affect = _s_map(lang, "effect_to_affect")
    out = list(words)
    for k, word in enumerate(words):
        if word in drop:
            cause = next((j for j in range(k - 1, max(k - 5, -1), -1) if words[j] in affect), None)
            if cause is not None:
                out[cause] = affect[words[cause]]
    return [w for w in out if w not in drop]


def _verbish(word: str, lang: LangData) -> bool:
    """A finite verb, also an English one the lists do not hold ("works", "solved")."""
    if is_verb(word, lang) or word in lang.copulas or word in _set(lang, "modals"):
        return True
    ends = _ends(lang, "verb_form_endings")
    return lang.code == "en" and word.endswith(ends) and _lemma(word, lang) != word


def _participle(word: str, lang: LangData) -> bool:
    """«tilpasset», «bodd», "noticed", "been": a perfect's participle, not a noun («barn»)."""
    if word in lang.grammar.participles or word in _set(lang, "participles"):
        return True
    if lang.code == "nb":
        return (
            len(word) >= 4
            and word.endswith(_ends(lang, "participle_endings"))
            and _lemma(word, lang) != word
        )
    return word.endswith(_ends(lang, "participle_endings")) or (
        _lemma(word, lang) != word and not word.endswith(_ends(lang, "third_endings"))
    )


def _past(verb: str, lang: LangData) -> bool:
    if verb in _set(lang, "past_verbs") or verb in _set(lang, "past_auxiliaries"):
        return True
    if lang.code == "nb":
        return verb.endswith(_ends(lang, "past_endings")) and _lemma(verb, lang) != verb
    return verb.endswith(_ends(lang, "past_endings")) or verb in set(_forms(lang).values())


def _forms(lang: LangData) -> dict[str, str]:
    return {str(k): str(v) for k, v in (lang.rewrite.get("past_forms") or {}).items()}


_BASE_FORMS: dict[str, dict[str, str]] = {}


def _base_form(verb: str, lang: LangData) -> str:
    """The base of a past form ("felt" → "feel", from ``past_forms``), else its lemma."""
    if lang.code not in _BASE_FORMS:
        _BASE_FORMS[lang.code] = {v: k for k, v in _forms(lang).items()}
    return _BASE_FORMS[lang.code].get(verb) or _lemma(verb, lang)


def _bare_verbs(lang: LangData) -> set[str]:
    """Verbs the rewrite lists name by their base form ("adapt", "talk"): after do-support
    one of them ends the subject ("did the clients adapt to video")."""
    keys: tuple[str, ...] = ("base_verbs", "how_verbs", "liking_verbs", "memory_verbs")
    keys = (
        *keys,
        "know_verbs",
        "preference_verbs",
        "wish_verbs",
        "feeling_verbs",
        "claim_effect_verbs",
    )
    return {w for key in keys for w in _set(lang, key)} | _set(lang, "cognition_lemmas")


def _split_np(words: list[str], lang: LangData) -> tuple[list[str], list[str]]:
    """A subject: a pronoun, or a noun with its determiner and possessive («brukerne dine»)."""
    if not words:
        return [], []
    dets = _set(lang, "determiners")
    pronoun = words[0] in lang.subject_pronouns or words[0] in lang.addressee
    as_det = words[0] in _set(lang, "pronoun_determiners") and len(words) > 2
    if pronoun and not (as_det and not _verbish(words[1], lang)):
        return words[:1], words[1:]
    k = 1
    if words[0] in dets and len(words) > 1:
        k = 2
    while k < len(words) and words[k] in _set(lang, "possessives"):
        k += 1
    while lang.code == "en" and 1 < k < 4 and k < len(words) - 1 and not _verbish(words[k], lang):
        if words[k] in _set(lang, "all_prepositions") | _set(lang, "relative_words"):
            break
        if _s(lang, "than_word") in words[k : k + 2]:
            break  # "your patients older than …": the comparative is no part of the noun
        grade = _set(lang, "evaluative") | set(_s_map(lang, "degree_words"))
        if words[k + 1] in grade | lang.subject_pronouns:
            break  # "the kids behave better": the word before a grade is the verb
        if words[k] in _bare_verbs(lang):
            break  # "did your doctor talk to you": a bare verb after do-support
        k += 1  # "the new rota works": the noun phrase runs up to its verb
    j = next((i for i, w in enumerate(words[:4]) if w in lang.copulas), -1)
    if lang.code == "nb" and k == 1 and j > 1 and not set(words[:j]) & lang.subject_pronouns:
        k = j  # «fysiske møter er bedre»: the noun phrase runs up to the copula
    if lang.code == "en" and words[0] not in dets and k == 1 and len(words) > 2:
        # "face-to-face meetings are …": a bare compound noun of two words.
        stop = lang.copulas | _set(lang, "modals") | _set(lang, "all_prepositions")
        verb_next = words[2] in lang.copulas or words[2] in _bare_verbs(lang)
        if words[1] not in stop and not is_verb(words[1], lang) and verb_next:
            k = 2  # "screen time harms …"
    return words[:k], words[k:]


def _first_pp(words: list[str], lang: LangData) -> tuple[list[str], list[str]]:
    """(the first prepositional phrase, the rest): «på Stovner nå» → (på Stovner, nå)."""
    preps = _set(lang, "place_prepositions")
    stop = preps | _set(lang, "still_words") | {_s(lang, "now_word")} | _set(lang, "time_words")
    stop |= set(lang.grammar.coordinators)
    if not words or words[0] not in preps:
        return [], words
    k = 1
    while k < len(words) and words[k] not in stop:
        k += 1
    return words[:k], words[k:]


def reframe(unit: Unit, lang: LangData) -> Iterator[str]:
    """Candidates for one question unit, best first (lower case, no question mark)."""
    words = _tidy_words(list(unit.words), lang)
    if len(words) < 1:
        return
    why = _s(lang, "why_word")
    clause = _why_clause(words, lang)
    if clause is not None:
        yield from _why_of_clause(clause, lang)
        return
    if why and why in words:
        k = words.index(why)
        lead = _set(lang, "lead_words")
        if all(w in lead for w in words[:k]):
            words = words[k:]  # "so why do you think …": the opener asks nothing
        yield from _why(words, lang)
        return
    if unit.choice:
        first = _first_alternative(words, lang)
        if first == words and unit.kind == "verb_first":
            yield from _choice_of_things(words, lang)
        words = first
    kind = unit.kind
    asked = _question_part(words, lang) if kind != "verb_first" else None
    if asked:
        words, kind = asked, "verb_first"  # "so going back to … do you always use it"
    lead = _set(lang, "lead_words")
    k = next((i for i, w in enumerate(words) if w not in lead), 0)
    hedges = _set(lang, "hedges")
    frames = {_j([w for w in f.split() if w not in hedges]) for f in _set(lang, "claim_frames")}
    if k and any(_j(words[k:]).startswith(f + " ") for f in frames):
        words = words[k:]  # «men er det sånn at …»
    claim = next((f.split() for f in frames if _j(words).startswith(f + " ")), [])
    if claim and len(words) > len(claim) + 2:
        words, kind = words[len(claim) :], "declarative"  # «er det sånn at …»: the claim itself
    saw = words[2:3] and words[2] in {_s(lang, "that_word")} | lang.wh_words  # «så du at …»
    if words[:1] == [lang.grammar.summary_word] and len(words) > 3 and not saw:
        words = words[1:]  # «så du syns …»: the summary word opens no question
    many = next((q.split() for q in _set(lang, "quantifiers") if _j(words).startswith(q + " ")), [])
    if many and kind in ("declarative", "tagged"):
        words = words[len(many) :]  # «De fleste brukerne …»: the generalisation left out
    if words[:1] and words[0] in lang.subject_pronouns and len(words) > 2:
        yield from _checked_act(words, lang)
        words = _as_question(words, lang)
    elif kind in ("declarative", "tagged") and len(words) > 2 and not _opens_verb(words, lang):
        words = _as_question(words, lang)  # «Elevene blir jo …» → «blir elevene …»
    if kind in ("verb_first", "declarative", "tagged") and len(words) > 1:
        yield from _verb_first(words, lang)


def _why_clause(words: list[str], lang: LangData) -> list[str] | None:
    """The plain clause after an opener that asks why («hvordan kan det ha seg at du …»,
    "how come you …"), also after a first word such as "so"; None for any other question."""
    for opener in sorted(_set(lang, "why_clause_openers"), key=len, reverse=True):
        phrase = opener.split()
        for k in range(min(2, len(words))):
            if words[k : k + len(phrase)] == phrase and len(words) > k + len(phrase) + 1:
                return words[k + len(phrase) :]
    return None


def _why_of_clause(clause: list[str], lang: LangData) -> Iterator[str]:
    """«… at hun sluttet» → «hva gjorde at hun sluttet»; "how come she left" → "what made her
    leave"; an auxiliary ("how come you don't …", "… you are …") is asked as a why."""
    subject, rest = _split_np(clause, lang)
    if not subject or not rest:
        return
    verb = rest[0]
    past = _past(verb, lang)
    if lang.code != "en":
        skip = {lang.grammar.negation} | _set(lang, "clause_adverbs")
        verb = next((w for w in rest if w not in skip), verb)  # «at du ikke søkte»: «søkte»
        past = _past(verb, lang)
        yield f"{_s(lang, 'why_past') if past else _s(lang, 'why_present')} {_j(clause)}"
        return
    negated = _s(lang, "negated_suffix")
    if (negated and verb.endswith(negated)) or verb in lang.copulas | _set(lang, "modals"):
        yield from _why([_s(lang, "why_word"), verb, *subject, *rest[1:]], lang)
        return
    irregular = {past: base for base, past in _s_map(lang, "past_forms").items()}
    base = irregular.get(verb) or _lemma(verb, lang)
    past = base != verb and not verb.endswith(_ends(lang, "third_endings"))
    frame = _s(lang, "why_past") if past else _s(lang, "why_present")
    yield f"{frame} {_object_form(subject, lang)} {base} {_j(rest[1:])}"


def _object_form(subject: list[str], lang: LangData) -> str:
    """ "she" → "her", "you" → "you": the subject as the object of "what made …"."""
    if len(subject) == 1:
        return _s_map(lang, "object_pronouns").get(subject[0], subject[0])
    return _j(subject)


def _question_part(words: list[str], lang: LangData) -> list[str] | None:
    """A spoken turn's question after a long preamble, without a break: "so going back to what
    you said about the camera do you always use it" → "do you always use the camera". The
    question opens with a finite verb before «du»/"you"; a lone «det»/"it" at its end stands
    for the preamble's last named thing («om kameraet», "about the camera")."""
    grammar = lang.copulas | _set(lang, "modals") | _set(lang, "do_words")
    grammar |= lang.perfect_auxiliaries
    k = next(
        (
            i
            for i in range(3, len(words) - 2)
            if words[i] in grammar and words[i + 1] in lang.addressee
        ),
        -1,
    )
    if k < 0:
        return None
    question, before = words[k:], words[:k]
    about = _set(lang, "topic_prepositions")
    j = max((i for i, w in enumerate(before) if w in about), default=-1)
    named = before[j + 1 :] if j >= 0 else []
    pronoun = lang.grammar.object_pronouns
    if named and _named(named, lang) and len(named) <= 3 and set(question) & pronoun:
        p = next(i for i, w in enumerate(question) if w in pronoun and i > 1)
        question = [*question[:p], *named, *question[p + 1 :]]
    return question


def _opens_verb(words: list[str], lang: LangData) -> bool:
    """Does the clause open with its verb (already in question order)?"""
    grammar = lang.finite_verbs | lang.copulas | _set(lang, "modals") | _set(lang, "do_words")
    return words[0] in grammar or (lang.code == "nb" and _verbish(words[0], lang))


def _checked_act(words: list[str], lang: LangData) -> Iterator[str]:
    """«Så du hadde ansvaret for hele avdelingen?» → «Hvordan var det å ha ansvaret for hele
    avdelingen?»; "So you moved back home?" → "What was it like to move back home?": a check
    of what the informant did, asked as what it was like. Not for verbs of feeling, thinking
    or manner (those have their own question), nor a perfect («du har jobbet …»)."""
    if words[0] not in lang.addressee or len(words) < 3:
        return
    verb, rest = words[1], words[2:]
    if verb in _set(lang, "still_words") | _set(lang, "clause_adverbs"):
        return  # "you still live at home": the verb comes later; its own question asks
    base = _lemma(verb, lang)
    grammar = lang.copulas | _set(lang, "modals") | set(lang.cognition_verbs)
    own = ("how_verbs", "state_verbs", "cognition_lemmas", "liking_verbs", "place_verbs")
    finite = _verbish(verb, lang) or (_past(verb, lang) and base != verb)  # «jobba»
    finite = finite or (lang.code == "en" and verb not in lang.stopwords)  # "you teach maths"
    if verb in grammar or any(base in _set(lang, k) for k in own) or not finite:
        return
    noun = any(_lemma(rest[0], lang) + e == rest[0] for e in lang.grammar.definite_noun_endings)
    if verb in lang.perfect_auxiliaries and _participle(rest[0], lang) and not noun:
        # «så du har jobba med det i mange år» → «Hvordan har det vært å jobbe med det …»
        if any(_lemma(rest[0], lang) in _set(lang, k) for k in own):
            return  # «du har bodd på …»: «Hvor har du bodd?» asks it
        act = [_s(lang, "infinitive"), _infinitive_of(_base_form(rest[0], lang), lang)]
        yield _s(lang, "like_frame_perfect").format(rest=_j([*act, *rest[1:]]))
        return
    if rest[0] in {_s(lang, "that_word")} | lang.wh_words:
        return
    if _drop_phrases(rest, _set(lang, "when_adverbs")) != rest:
        return  # «Dere gikk over med en gang?»: «Når gikk dere over …» asks it
    told = list(_event_topic(words[:1], words[1:], lang))  # «Kan du fortelle om da du …»
    yield from told
    past = _past(verb, lang)
    copula = _s(lang, "copula_past") if past else _s(lang, "copula_present")
    inf = _infinitive_of(_base_form(verb, lang), lang)
    act = [_s(lang, "infinitive"), inf, *_plain(rest, lang)]
    yield _s(lang, "like_frame").format(copula=copula, rest=_j(act))


def _as_question(words: list[str], lang: LangData) -> list[str]:
    """«du bor fortsatt hjemme» → «bor du fortsatt hjemme»; "you live" → "do you live"."""
    subject, rest = _split_np(words, lang)
    adverbs = _set(lang, "clause_adverbs") | _set(lang, "still_words")
    lead = [w for w in rest[:1] if w in adverbs]
    rest = rest[len(lead) :]
    addressed_verb = bool(subject[:1]) and subject[0] in lang.addressee and bool(rest)
    addressed_verb = addressed_verb and rest[0] not in _set(lang, "all_prepositions")
    negated = rest[:1] and rest[0] in _s_map(lang, "negated_forms")
    bare = rest[:1] and rest[0] in _bare_verbs(lang)  # "most nurses like …"
    if (
        not subject
        or not rest
        or not (_verbish(rest[0], lang) or addressed_verb or negated or bare)
    ):
        return words
    verb = rest[0]
    english_main = lang.code == "en" and verb not in lang.copulas | _set(lang, "modals")
    if english_main and verb not in lang.perfect_auxiliaries | _set(lang, "do_words"):
        aux = _do_aux(verb, lang)
        return [aux, *subject, _lemma(verb, lang), *lead, *rest[1:]]
    return [verb, *subject, *lead, *rest[1:]]


def _choice_of_things(words: list[str], lang: LangData) -> Iterator[str]:
    """«Brukte dere Teams eller Skype?» → «Hva brukte dere?»: ask for the thing, offer none."""
    verb, (subject, rest) = words[0], _split_np(words[1:], lang)
    yield from _where_choice(verb, subject, rest, lang)
    if not subject or subject[0] not in lang.addressee or lang.or_word not in rest:
        return
    main = rest[0] if lang.code == "en" and verb in _set(lang, "do_words") and rest else verb
    if verb in lang.copulas or _lemma(main, lang) in _set(lang, "cognition_lemmas"):
        return
    inf = _s(lang, "infinitive")
    if _lemma(main, lang) in _set(lang, "liking_verbs") and inf in rest:
        # «Liker du best å undervise i små eller store grupper?» → «Hvordan er det å undervise
        # i små og store grupper?»: what each is like, no favourite asked for.
        act = [lang.grammar.and_word if w == lang.or_word else w for w in rest[rest.index(inf) :]]
        yield _s(lang, "like_frame").format(copula=_s(lang, "copula_present"), rest=_j(act))
        return
    if _lemma(main, lang) in _set(lang, "preference_verbs"):
        # «Foretrekker du hjemmekontor eller kontoret?» → «Hvordan vil du sammenligne …»
        options = rest[1:] if main != verb else rest
        pair = [lang.grammar.and_word if w == lang.or_word else w for w in options]
        yield _s(lang, "compare_frame").format(pair=_j(pair))
        return
    if rest and rest[0] in _set(lang, "all_prepositions") | _set(lang, "liking_verbs"):
        return
    if lang.code == "nb" and is_verb(verb, lang) and verb not in lang.perfect_auxiliaries:
        yield f"{_s(lang, 'what_word')} {verb} {_j(subject)}"
    elif lang.code == "en" and verb in _set(lang, "do_words") and len(rest) > 2:
        yield f"{_s(lang, 'what_word')} {verb} {_j(subject)} {rest[0]}"


def _where_choice(verb: str, subject: list[str], rest: list[str], lang: LangData) -> Iterator[str]:
    """«Møter du brukerne på kontoret eller hjemme hos dem?» → «Hvor møter du brukerne?»: two
    places offered ask where."""
    if not subject or lang.or_word not in rest:
        return
    k = rest.index(lang.or_word)
    place = _set(lang, "place_prepositions") | _set(lang, "place_adverbs")
    j = next((i for i, w in enumerate(rest[:k]) if w in place), -1)
    if j < 0 or k + 1 >= len(rest) or rest[k + 1] not in place:
        return
    obj = rest[:j]
    if verb not in lang.copulas:
        yield f"{_s(lang, 'where_word')} {verb} {_j(subject)} {_j(obj)}"  # "do you meet them"


def _first_alternative(words: list[str], lang: LangData) -> list[str]:
    """«er det greit å ha vakt alene eller er det tungt» → the first alternative, if a clause."""
    if lang.or_word in words:
        k = words.index(lang.or_word)
        after = words[k + 1 : k + 2]
        if after and (after[0] in lang.copulas or is_verb(after[0], lang)) and k >= 3:
            return words[:k]
    return words


def asked_part(words: list[str], lang: LangData) -> list[str]:
    """The part of an either-or question a rewrite asks about: the first alternative."""
    return _first_alternative(words, lang)


def _why(words: list[str], lang: LangData) -> Iterator[str]:
    k = words.index(_s(lang, "why_word"))
    rest = words[k + 1 :]
    if k > 0 or len(rest) < 2:
        if len(rest) < 2:
            yield _s(lang, "why_bare")
        return
    verb, after = rest[0], rest[1:]
    if lang.code == "en":
        yield from _why_en(verb, after, lang)
        return
    if verb in lang.subject_pronouns or verb == lang.grammar.negation:
        return
    negation = lang.grammar.negation
    moved = after[:1] == [negation] and len(after) > 2 and after[1] not in lang.addressee
    if moved:
        after = after[1:]  # «Hvorfor møtte ikke brukeren opp» → «… at brukeren ikke møtte opp»
    subject, body = _split_np(after, lang)
    body = [negation, *body] if moved else body
    if subject and subject[0] in lang.addressee and lang.grammar.negation in body[:3]:
        # «Hvorfor sa du ikke ifra?» holds its answer (you should have): ask what they thought.
        yield from _why_not(verb, subject, [w for w in body if w != lang.grammar.negation], lang)
        return
    adverbs = _set(lang, "clause_adverbs")
    lead = [w for w in body[:2] if w in adverbs]
    body = body[len(lead) :]
    if verb in lang.cognition_verbs and subject and subject[0] in lang.addressee and body:
        body = body[1:] if body[:1] == [_s(lang, "that_word")] else body
        inner = _split_np(body, lang)[1]
        past = bool(inner) and _past(inner[0], lang)  # «… det ble sånn»: what made it
        cause = _s(lang, "why_cause_past" if past else "why_cause")
        yield f"{_s(lang, 'what_word')} {verb} {_j(subject)} {cause} {_j(body)}"
    frame = _s(lang, "why_past") if _past(verb, lang) else _s(lang, "why_present")
    body = [w for w in body if w not in _set(lang, "intensifiers")]
    yield f"{frame} {_j(subject)} {_j(lead)} {verb} {_j(body)}"


def _why_en(verb: str, after: list[str], lang: LangData) -> Iterator[str]:
    negated = _s(lang, "negated_suffix")
    neg = bool(negated) and verb.endswith(negated)
    verb = verb.removesuffix(negated)
    subject, body = _split_np(after, lang)
    if not subject or not body:
        return
    obj = _object_form(subject, lang)
    if verb in _set(lang, "do_words"):
        past = verb == _s(lang, "do_past")
        if neg and subject[0] in lang.addressee:
            yield from _why_not(verb, subject, body, lang)
            return
        you = len(subject) == 1 and subject[0] in lang.addressee
        if body[0] in lang.cognition_verbs and you and body[1:]:
            that = body[1:2] == [_s(lang, "that_word")]
            pronoun = that and len(body) == 3 and _verbish(body[2], lang)  # "that happened"
            clause = body[2:] if that and not pronoun else body[1:]
            yield from _cause_en(body[0], clause, lang)
            return
        not_ = f"{lang.grammar.negation} " if neg else ""
        yield f"{_s(lang, 'why_past' if past else 'why_present')} {obj} {not_}{_j(body)}"
        return
    if verb in lang.copulas:
        past = verb in _set(lang, "past_auxiliaries")
        body = [w for w in body if w not in _set(lang, "intensifiers")]
        not_ = f"{lang.grammar.negation} " if neg else ""
        yield f"{_s(lang, 'why_past' if past else 'why_present')} {obj} {not_}{_j(body)}"
        return
    if verb in lang.perfect_auxiliaries and body:
        yield f"{_s(lang, 'why_perfect')} {obj} {_lemma(body[0], lang)} {_j(body[1:])}"


def _why_not(verb: str, subject: list[str], body: list[str], lang: LangData) -> Iterator[str]:
    """ "Why didn't you bring her in sooner?" → "What were your thoughts on bringing her in at
    the time?"; «Hvorfor sa du ikke ifra?» → «Hva tenkte du om å si ifra?». A negated why
    says what the informant should have done; the rewrite asks about the act itself, without
    the time word that made it a reproach (``why_not_drop``). Where the language has a frame
    for it, a word of ``why_not_later`` makes it a question of waiting («Hva gjorde at du
    ventet med å …»)."""
    kept = _drop_phrases(body, _set(lang, "why_not_drop"))
    if (lang.code == "en" and not kept) or verb in lang.cognition_verbs:
        return
    past = _past(verb, lang)
    frame = _s(lang, "why_not_past" if past else "why_not_present")
    if _drop_phrases(body, _set(lang, "why_not_later")) != body:
        # «… ikke tidligere»: the act came later, it was not left undone
        frame = _s(lang, "why_not_later_past" if past else "why_not_later_present") or frame
    body = kept
    modal_frame = _s(lang, "why_not_modal_past" if past else "why_not_modal_present")
    if modal_frame and verb in _set(lang, "modals"):
        # «Hvorfor ville du ikke det?»: no «lot være å ville»; the will itself is asked about
        yield modal_frame.format(subject=_j(subject), verb=verb, rest=_j(body))
        return
    if lang.code == "en":
        act = [_gerund(body[0], lang), *body[1:]]
    else:
        act = [_s(lang, "infinitive"), _lemma(verb, lang), *body]
    yield frame.format(act=_j(act), subject=_j(subject))


def _cause_en(think: str, clause: list[str], lang: LangData) -> Iterator[str]:
    """ "Why do you think he stopped talking?" → "What do you think made him stop talking?"."""
    subject, body = _split_np(clause, lang)
    if not body and len(clause) > 1 and _verbish(clause[1], lang):
        subject, body = clause[:1], clause[1:]  # "that happened": a pronoun, not a determiner
    if not subject or not body:
        return
    verb = body[0]
    negated = _s(lang, "negated_suffix")
    if (negated and verb.endswith(negated)) or body[1:2] == [lang.grammar.negation]:
        return  # "why do you think people don't come": no «makes people do come»
    obj = _object_form(subject, lang)
    cause = _s(lang, "why_cause_past") if _past(verb, lang) else _s(lang, "why_cause")
    if verb in lang.copulas:
        rest = [w for w in body[1:] if w not in _set(lang, "intensifiers")]  # "is so quiet"
    elif is_verb(verb, lang) or _past(verb, lang):
        rest = [_base_form(verb, lang), *body[1:]]  # "stopped talking" → "stop talking"
    else:
        return
    yield _s(lang, "cause_think_frame").format(think=think, cause=cause, obj=obj, rest=_j(rest))


def last_resort(unit: Unit, lang: LangData) -> Iterator[str]:
    """«De ansatte brydde seg ikke?» → «Hvordan var det med de ansatte?»: the named topic.

    Only for a stated guess about a named group or thing (a determiner and a noun before
    its verb), and only when no shape above fitted.
    """
    words = _tidy_words(list(unit.words), lang)
    if words[:1] == [lang.grammar.summary_word]:
        words = words[1:]
    if unit.kind != "declarative" or len(words) < 3 or words[0] not in _set(lang, "determiners"):
        return
    subject, rest = _split_np(words, lang)
    if len(subject) < 2 or not rest or subject[0] in lang.addressee_words:
        return
    if not (_verbish(rest[0], lang) or rest[0] in _s_map(lang, "negated_forms")):
        return
    copula = _s(lang, "copula_past") if _past(rest[0], lang) else _s(lang, "copula_present")
    yield _s(lang, "with_np").format(copula=copula, np=_j(subject))


def fragment_topic(unit: Unit, lang: LangData) -> Iterator[str]:
    """«Ullevål?», «ja på skolen?», "Guts?": a clarifying echo with no verb.

    The echo names its topic; «Kan du fortelle om Ullevål?» opens it without guessing at a
    verb the interviewer never said. Leading prepositions and hedges are left out.
    """
    words = _tidy_words(list(unit.words), lang)
    skip = _set(lang, "all_prepositions") | _set(lang, "fragment_skip")
    while words and words[0] in skip:
        words = words[1:]
    if not 0 < len(words) <= 4 or any(w in lang.finite_verbs for w in words):
        return
    closed_words = skip | lang.subjects | lang.backchannel_words | lang.backchannels
    closed_words |= {lang.or_word} | lang.wh_words
    # "your sister?", "the night shifts?": a determiner opens the noun phrase it echoes.
    lead = 1 if len(words) > 1 and words[0] in _set(lang, "determiners") else 0
    heads = {w.split("-")[0] for w in words[lead:]}
    if heads & closed_words or heads & lang.grammar.object_pronouns:
        return
    yield _s(lang, "tell_about_frame").format(np=_j(words))


def social(words: list[str], lang: LangData) -> Iterator[str]:
    """«Mange sier at video er slitsomt. Kjenner du deg igjen?» → the interviewer's own question.

    The claim's subject is the matter asked about; the group and its verdict are dropped.
    """
    reports = _set(lang, "report_verbs")
    k = next((i for i, w in enumerate(words) if w in reports), -1)
    if k < 1:
        return
    clause = words[k + 1 :]
    clause = clause[1:] if clause[:1] == [_s(lang, "that_word")] else clause
    subject, rest = _split_np(clause, lang)
    people = set(lang.grammar.first_person) | lang.addressee_words  # «du sa at …»: a check
    if set(words[:k]) & people:
        return
    if subject and subject[0] not in lang.subject_pronouns and rest and topic_ok(subject, lang):
        yield _s(lang, "social_frame").format(np=_j(subject))
    elif subject and rest:
        # «Mange sier at de ikke rekker pausene. Gjelder det deg?»: the claim is about the
        # others; the interviewer's own question asks for the informant's experience of it.
        yield _s(lang, "social_own")


def _s_map(lang: LangData, key: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in (lang.rewrite.get(key) or {}).items()}


def _verb_first(words: list[str], lang: LangData) -> Iterator[str]:
    """«V S rest»: the yes/no order, or a declarative turned into it."""
    verb = _s_map(lang, "negated_forms").get(
        words[0], words[0].removesuffix(_s(lang, "negated_suffix"))
    )
    negation = lang.grammar.negation
    body_all = [w for w in words[1:3] if w != negation] + words[3:]
    subject, rest = _split_np(body_all, lang)
    if not subject:
        return
    ever = _drop_phrases(rest, _set(lang, "ever_words"))
    has_ever = ever != rest
    timed = _drop_phrases(rest, _set(lang, "when_adverbs"))
    askable = lang.code == "nb" or verb in _set(lang, "do_words")
    if timed != rest and timed and subject[0] in lang.addressee and askable:
        # «Dere gikk vel over til hjemmekontor med en gang?» → «Når gikk dere over til …»
        yield f"{_s(lang, 'when_word')} {verb} {_j(subject)} {_j(timed)}"
    if lang.code == "en" and verb in _set(lang, "do_words") and rest:
        if len(rest) > 1 and rest[0] in _s_map(lang, "degree_words"):
            rest = [rest[1], rest[0], *rest[2:]]  # "do you always use it": the verb first
        yield from _do_support(verb, subject, rest, ever, has_ever, lang)
        return
    if verb in lang.perfect_auxiliaries and ever and _participle(ever[0], lang):
        yield from _perfect(verb, subject, ever, has_ever, lang)
        return
    if verb in lang.copulas:
        yield from _copula(verb, subject, rest, lang)
        return
    if verb in _set(lang, "modals"):
        yield from _modal(verb, subject, rest, lang)
        return
    yield from _main_verb(verb, subject, rest, lang, aux="")


def _main_verb(
    verb: str, subject: list[str], rest: list[str], lang: LangData, aux: str
) -> Iterator[str]:
    """«Trives du i jobben» / "(do) you enjoy working nights": the verb itself decides."""
    base = _lemma(verb, lang)
    finite = aux or verb
    head = f"{finite} {_j(subject)}" + (f" {verb}" if aux else "")
    yield from _seen_state(verb, rest, lang)
    past = _past(finite, lang)
    copula = _s(lang, "copula_past") if past else _s(lang, "copula_present")
    amount = _set(lang, "amount_words")
    if rest[:1] and rest[0] in amount and len(rest) > 1:
        np, after = _np_until_pp(rest[1:], lang)
        yield f"{_s(lang, 'amount_word')} {rest[0]} {_j(np)} {head} {_j(after)}"
    long_word = _s(lang, "long_word")
    k = rest.index(long_word) if long_word in rest else -1
    excess = _set(lang, "intensifiers") | _set(lang, "excess_words")
    thinking = verb in lang.cognition_verbs or base in _set(lang, "cognition_lemmas")
    if k >= 0 and not thinking and not (k and rest[k - 1] in excess):  # not "too long"
        after = [w for w in rest if w != long_word]
        yield f"{_s(lang, 'amount_word')} {long_word} {head} {_j(after)}"
    future = f"{verb} {rest[0]}" if rest else ""
    if future in _set(lang, "future_markers") and _s(lang, "infinitive") in rest:
        tail = rest[rest.index(_s(lang, "infinitive")) + 1 :]
        yield _s(lang, "future_frame").format(rest=_j(tail))
    where = _where(head, subject, base, rest, lang)
    if where:
        yield where
        return
    if base in _set(lang, "memory_verbs"):
        yield from _remember(head, rest, lang)
    if base in _set(lang, "know_verbs") | _set(lang, "memory_verbs"):
        yield from _embedded_wh(rest, lang)
    if verb in lang.cognition_verbs or base in _set(lang, "cognition_lemmas"):
        yield from _cognition(verb, subject, rest, lang)
    thinking = verb in lang.cognition_verbs or base in _set(lang, "cognition_lemmas")
    loose = rest[1:2] and rest[1] in _set(lang, "all_prepositions")
    if thinking and loose and rest[0] in _set(lang, "something_words"):
        rest = rest[1:]  # «tenker du noe på hvordan …»: «noe» asks nothing here
    if (
        rest[:1]
        and rest[0] in _set(lang, "something_words")
        and base not in _set(lang, "have_verbs")
    ):
        # «Savner du noe fra den gamle jobben?» → «Hva savner du eventuelt fra …»
        np, pp = _np_until_pp(rest[1:], lang)
        if np and lang.code == "nb":
            yield f"{_s(lang, 'what_kind')} {_j(np)} {head} {_j(pp)}"
        elif np:
            yield f"{_s(lang, 'what_word')} {_j(np)} {head} {_j(pp)}, {_s(lang, 'if_any')}"
        elif lang.code == "nb" and aux:
            # «Har du lært noe av …» → «Hva har du eventuelt lært av …»
            mid = f"{aux} {_j(subject)} {_s(lang, 'if_any')} {verb}"
            yield f"{_s(lang, 'what_word')} {mid} {_j(rest[1:])}"
        elif lang.code == "nb":
            yield f"{_s(lang, 'what_word')} {head} {_s(lang, 'if_any')} {_j(rest[1:])}"
        else:
            yield f"{_s(lang, 'what_word')} {head} {_j(rest[1:])}, {_s(lang, 'if_anything')}"
    yield from _degree(head, rest, base, lang)
    yield from _most_with(verb, subject, rest, lang, aux)
    yield from _others_view(subject, verb, rest, aux, lang)
    if base in _set(lang, "ability_verbs") and rest[:1] == [_s(lang, "infinitive")]:
        # «Klarte du å sove etter vaktene?» → «Hvordan var det å sove …»: not «Hvordan klarte
        # du …», which assumes you did.
        yield _s(lang, "like_frame").format(copula=copula, rest=_j(rest))
        return
    if base in _set(lang, "liking_verbs"):
        liked = list(_liking(copula, head, rest, lang))
        yield from liked
        if not liked and base in _set(lang, "how_verbs"):
            yield f"{_s(lang, 'how_word')} {head} {_j(_plain(rest, lang))}"  # «trives du …»
        return
    if base in _set(lang, "how_verbs") or (rest and f"{base} {rest[0]}" in _set(lang, "how_verbs")):
        body = rest
        if _set(lang, "as_words") & set(body):
            # «Opplevde du det som en belastning?»: the label is the interviewer's; «Ser du på
            # deg selv som en god leder?» keeps the role, not the grade.
            k = next(i for i, w in enumerate(body) if w in _set(lang, "as_words"))
            role = [w for w in _plain(body[k + 1 :], lang) if w not in _set(lang, "articles")]
            keep = f"{base} {rest[0]}" in _set(lang, "role_verbs") and role
            body = [*body[: k + 1], *role] if keep else body[:k]
        yield f"{_s(lang, 'how_word')} {head} {_j(_plain(body, lang))}"
        return
    if base in _set(lang, "have_verbs") and rest:
        yield from _possession(finite, head, rest, lang)
    blocked = lang.subject_pronouns | _set(lang, "all_prepositions") | _set(lang, "something_words")
    plain_rest = _plain(rest, lang)
    blocked |= {_s(lang, "infinitive"), lang.or_word} | _set(lang, "particles")
    short = 0 < len(plain_rest) <= 5 and not any(is_verb(w, lang) for w in plain_rest)
    short = short and not set(plain_rest) & (blocked - _set(lang, "all_prepositions"))
    short = short and plain_rest[0] not in blocked and not set(plain_rest) & lang.addressee_words
    own = {"have_verbs", "place_verbs", "preference_verbs", "cognition_lemmas"}
    special = any(base in _set(lang, key) for key in own) or verb in lang.cognition_verbs
    yield from _felt_or_done(verb, subject, rest, lang, aux, past or special)
    if subject[0] in lang.addressee and not past and short and not special:
        # «Bruker du kamera i samtalene?» → «Hva er din erfaring med kamera i samtalene?»
        yield _s(lang, "experience_with").format(np=_j(plain_rest))
    yield from _claimed_effect(base, subject, rest, past, lang)
    if base in _set(lang, "effect_verbs") and rest and rest[-1] in _set(lang, "evaluative"):
        # «Gjør videomøter relasjonen svakere?» → «Hvordan påvirker videomøter relasjonen?»
        obj = _plain(rest, lang)
        if obj:
            yield _s(lang, "effect_frame").format(subject=_j(subject), object=_j(obj))


def _degree(head: str, rest: list[str], base: str, lang: LangData) -> Iterator[str]:
    """«Ringer pasientene ofte tilbake?» → «Hvor ofte ringer pasientene tilbake?»; "Do parents
    contact you often?" → "How often do parents contact you?": the degree word, asked."""
    degrees = _s_map(lang, "degree_words")
    k = next((i for i, w in enumerate(rest) if w in degrees), -1)
    hit = rest[k] if k >= 0 else ""
    modifier = _set(lang, "determiners") | _set(lang, "articles") | _set(lang, "something_words")
    if not hit or base in _set(lang, "how_verbs") or (k > 0 and rest[k - 1] in modifier):
        return
    after = [w for w in rest if w != hit]
    yield f"{_s(lang, 'amount_word')} {degrees[hit]} {head} {_j(after)}"


def _seen_state(verb: str, rest: list[str], lang: LangData) -> Iterator[str]:
    """«Så du at pasienten var redd?» → «Hvordan virket pasienten?»: what was seen, asked
    without the state the interviewer named."""
    seeing = {verb, _lemma(verb, lang)} & _set(lang, "perception_verbs")
    if not seeing or rest[:1] != [_s(lang, "that_word")]:
        return
    subject, body = _split_np(rest[1:], lang)
    if not subject or subject[0] in lang.subject_pronouns or not body:
        return
    if body[0] in lang.copulas and len(body) <= 3:
        frame = "seem_frame_past" if _past(body[0], lang) else "seem_frame"
        yield _s(lang, frame).format(np=_j(subject))


def _others_view(
    subject: list[str], verb: str, rest: list[str], aux: str, lang: LangData
) -> Iterator[str]:
    """«De fleste brukerne foretrekker vel fysiske møter?» → «Hva tror du brukerne
    foretrekker?»: what others want, asked as the informant's view, no answer offered."""
    base = _lemma(verb, lang)
    liking = base in _set(lang, "liking_verbs") and bool(rest)
    if base not in _set(lang, "preference_verbs") | _set(lang, "wish_verbs") and not liking:
        return
    np = _drop_phrases(subject, _set(lang, "quantifiers"))
    if not np or subject[0] in lang.subject_pronouns | lang.addressee_words:
        return
    if np[0] in _set(lang, "determiners") and len(np) == 1:
        return
    third = _s(lang, "third_person_ending")
    if aux and _past(aux, lang):  # "did the clients prefer" → "… the clients preferred"
        verb = _forms(lang).get(verb) or verb
    elif aux and third and aux.endswith(third):
        verb = verb + third
    if liking:  # «liker vel digitale prøver» → «Hvordan tror du elevene opplever …»
        yield _s(lang, "others_like").format(np=_j(np), obj=_j(_plain(rest, lang)))
        return
    yield _s(lang, "others_view").format(clause=f"{_j(np)} {verb}")


def _most_with(
    verb: str, subject: list[str], rest: list[str], lang: LangData, aux: str
) -> Iterator[str]:
    """«Jobber du mest med unge brukere?» → «Hvem jobber du mest med?»: who or what, most."""
    if len(rest) < 3 or rest[0] not in _set(lang, "most_words"):
        return
    if rest[1] not in _set(lang, "all_prepositions"):
        return
    np, after = _np_until_pp(rest[2:], lang)
    people = _set(lang, "person_nouns")
    who = any(_lemma(w, lang) in people or w in people for w in np)
    wh = _s(lang, "who_question") if who else _s(lang, "what_word")
    finite = aux or verb
    main = _lemma(verb, lang) if aux else ""
    yield (
        _s(lang, "most_frame").format(
            wh=wh, finite=finite, subject=_j(subject), main=main, most=rest[0], prep=rest[1]
        )
        + f" {_j(after)}"
    )


def _infinitive_of(verb: str, lang: LangData) -> str:
    """«leser» → «lese», "reads" → "read": the lemma, or the present ending taken off."""
    base = _lemma(verb, lang)
    ending = _s(lang, "present_ending")
    if base == verb and ending and verb.endswith(ending) and len(verb) > 4:
        return verb[: -len(ending)]
    return base


def _habit(finite: str, verb: str, rest: list[str], lang: LangData) -> Iterator[str]:
    """«Skriver du notater under samtalen?» → «Hva er din erfaring med å skrive notater under
    samtalen?»: a habit asked yes/no, asked as experience with the act, verb kept."""
    frame = _s(lang, "experience_with_act")
    stop = lang.subject_pronouns | _set(lang, "something_words") | {lang.or_word}
    stop |= {_s(lang, "that_word"), _s(lang, "infinitive")} | lang.wh_words
    if not frame or not 0 < len(rest) <= 8 or set(rest) & stop:
        return
    if set(rest) & (lang.copulas | lang.finite_verbs) or finite in lang.perfect_auxiliaries:
        return  # a clause follows, or a perfect («har du flyttet»): not a habit
    if rest[0] in _set(lang, "all_prepositions") and len(rest) < 2:
        return
    body = _plain(rest, lang)
    base = _infinitive_of(verb, lang)
    act = _gerund(base, lang) if _s(lang, "gerund_ending") else base
    if body:
        yield frame.format(act=act, rest=_j(body))


def _where(head: str, subject: list[str], base: str, rest: list[str], lang: LangData) -> str:
    """«Bor du på Stovner nå?», «Jobber du fortsatt på det samme sykehjemmet?» → «Hvor bor du
    nå?», «Hvor jobber du nå?»; "" when the question names no place."""
    still_here = bool(set(rest) & _set(lang, "still_words")) and subject[0] in lang.addressee
    if base not in _set(lang, "place_verbs") and not (
        still_here and base in _set(lang, "work_verbs")
    ):
        return ""
    still = set(rest) & _set(lang, "still_words")
    rest = [w for w in rest if w not in still]
    pp, after = _first_pp(rest, lang)
    cut = next((i for i, w in enumerate(after) if w in lang.grammar.coordinators), len(after))
    after = after[:cut]
    while after and after[-1] in _set(lang, "trailing"):
        after = after[:-1]
    if not pp and rest[:1] and rest[0] in _set(lang, "place_adverbs"):
        pp, after = rest[:1], rest[1:]
    if not pp:
        return ""
    now = _s(lang, "now_word")
    after = [*after, now] if still and now not in after else after
    return f"{_s(lang, 'where_word')} {head} {_j(after)}"


def _felt_or_done(
    verb: str, subject: list[str], rest: list[str], lang: LangData, aux: str, skip: bool
) -> Iterator[str]:
    """A guessed feeling («(Selvfølgelig) savner du kollegene?» → «Hva tenker du om
    kollegene?»: the matter is the informant's to describe) or a present habit («Leser du
    journalen?» → «Hva er din erfaring med å lese journalen?»)."""
    base = _lemma(verb, lang)
    addressed = subject[0] in lang.addressee
    feeling = base in _set(lang, "feeling_verbs") and bool(rest) and addressed
    if feeling and rest[0] not in _set(lang, "all_prepositions") | {_s(lang, "infinitive")}:
        yield _s(lang, "wonder_frame").format(np=_j(_plain(rest, lang)))
    if addressed and not skip and base not in _set(lang, "state_verbs"):
        yield from _habit(aux or verb, verb, rest, lang)


def _claimed_effect(
    base: str, subject: list[str], rest: list[str], past: bool, lang: LangData
) -> Iterator[str]:
    """«(Føler du ikke at) systemet svikter de svakeste?» → «Hvordan påvirker systemet de
    svakeste?»: the effect asked, its direction left to the informant."""
    named = subject[0] not in lang.subject_pronouns | lang.addressee_words
    if base in _set(lang, "claim_effect_verbs") and named and 0 < len(rest) <= 4:
        frame = "effect_frame_past" if past else "effect_frame"
        yield _s(lang, frame).format(subject=_j(subject), object=_j(_plain(rest, lang)))


def _liking(copula: str, head: str, rest: list[str], lang: LangData) -> Iterator[str]:
    inf = _s(lang, "infinitive")
    if rest[:1] == [inf] or (
        lang.code == "en" and rest and rest[0].endswith(_ends(lang, "gerund_endings"))
    ):
        yield _s(lang, "like_frame").format(copula=copula, rest=_j(rest))
    elif lang.code == "nb" and rest[:1] == [_s(lang, "reflexive_word")]:
        yield f"{_s(lang, 'how_word')} {head} {_j(rest)}"
    elif lang.code == "en" and rest:
        np, after = _np_until_pp(rest, lang)
        if np:
            yield _s(lang, "what_like_np").format(copula=copula, np=_j(np)) + f" {_j(after)}"


def _np_until_pp(words: list[str], lang: LangData) -> tuple[list[str], list[str]]:
    stops = _set(lang, "clause_starts")
    k = 0
    while k < len(words) and words[k] not in stops:
        k += 1
    return words[:k], words[k:]


def _remember(head: str, rest: list[str], lang: LangData) -> Iterator[str]:
    """«Husker du noe fra den første dagen» → «Hva husker du fra den første dagen»."""
    something = _set(lang, "something_words")
    body = rest
    if body[:1] and body[0] in something:
        body = body[1:]
    body = [w for w in body if w not in _set(lang, "hedges") | _set(lang, "evaluative")]
    if body and body[0] in _set(lang, "all_prepositions"):
        yield f"{_s(lang, 'what_word')} {_s(lang, 'remember_head')} {_j(body)}"
    elif body and rest[:1] and rest[0] in something:
        np, after = _np_until_pp(body, lang)
        if np and after:
            yield f"{_s(lang, 'which_word')} {_j(np)} {_s(lang, 'remember_head')} {_j(after)}"
    if (
        lang.code == "en"
        and rest
        and rest[0] in _set(lang, "determiners") | _set(lang, "possessives")
    ):
        yield _s(lang, "remember_about_frame").format(rest=_j(rest))


def _embedded_wh(rest: list[str], lang: LangData) -> Iterator[str]:
    """«Husker du hva dere gjorde …» → «Hva gjorde dere …»: the embedded question, asked."""
    k = next((i for i, w in enumerate(rest[:3]) if w in lang.wh_words), -1)
    if k < 0 or len(rest) < k + 3:
        return
    wh, clause = rest[k], rest[k + 1 :]
    subject, body = _split_np(clause, lang)
    adverbs = _set(lang, "clause_adverbs")
    lead = [w for w in body[:1] if w in adverbs]
    body = body[len(lead) :]
    nb_verb = lang.code == "nb" and body and _lemma(body[0], lang) != body[0]
    if not body or not (_verbish(body[0], lang) or nb_verb):
        return
    if lang.code == "nb":
        yield f"{wh} {body[0]} {_j(subject)} {_j(lead)} {_j(body[1:])}"
        return
    verb = body[0]
    if verb in lang.copulas or verb in _set(lang, "modals"):
        yield f"{wh} {verb} {_j(subject)} {_j(body[1:])}"
        return
    aux = _do_aux(verb, lang)
    yield f"{wh} {aux} {_j(subject)} {_lemma(verb, lang)} {_j(body[1:])}"


def _cognition(verb: str, subject: list[str], rest: list[str], lang: LangData) -> Iterator[str]:
    """«Synes du at det er vanskelig å …»: open the clause the view is about."""
    if not subject or subject[0] not in lang.addressee:
        return
    that = _s(lang, "that_word")
    clause = rest[1:] if rest[:1] == [that] else rest
    if lang.code == "en" and clause[:1] == [_s(lang, "like_word")]:
        clause = clause[1:]
    if len(clause) < 2 or (clause[0] in lang.addressee_words and clause[0] not in lang.addressee):
        return  # «Føler du deg …»: no clause, the verb itself is the question
    if clause[0] == _s(lang, "it_word") and lang.code == "en" and _s(lang, "infinitive") in clause:
        # "Do you find it harder to build trust" → "What is it like to build trust"
        k = clause.index(_s(lang, "infinitive"))
        yield _s(lang, "like_frame").format(copula=_s(lang, "copula_present"), rest=_j(clause[k:]))
        return
    wh = next((i for i, w in enumerate(clause[:3]) if w in lang.wh_words), -1)
    if wh >= 0 and lang.code == "nb":
        # «Tenkte dere over hvordan dere snakket?» → «Hva tenkte dere om hvordan …»
        about = f"{_s(lang, 'about_word')} {_j(clause[wh:])}"
        yield f"{_s(lang, 'what_word')} {verb} {_j(subject)} {about}"
        return
    if _verbish(clause[0], lang) and not _definite(clause[0], lang):  # not «systemet»
        clause = [*subject, *clause]  # «tror du (du) kommer til å …»: the subject said once
    subj, body = _split_np(clause, lang)
    if not body:
        return
    excess = _set(lang, "intensifiers") | _set(lang, "excess_words")
    verdict_words = [w for w in _plain(body[1:], lang) if w not in excess]
    judged = body[0] in lang.copulas and len(verdict_words) <= 1  # «… er (for) lange»
    if judged and subj[0] not in lang.subject_pronouns:
        yield _s(lang, "wonder_frame").format(np=_j(subj))  # «syns du fysiske møter er bedre»
    if _verbish(body[0], lang):
        yield from _verb_first(_as_question([*subj, *body], lang), lang)
    yield from _graded_claim(verb, subj, body, lang)
    copular = body[:1] and body[0] in lang.copulas
    if (
        (_plain(body, lang) != body or not _graded(body, lang))  # not «har blitt flinkere»
        and subj
        and subj[0] not in lang.subject_pronouns
        and body
        and _verbish(body[0], lang)
        and not copular
    ):
        # «Tror du at pasientene stoler mindre på deg?» → «… om hvordan pasientene stoler på deg»
        yield _s(lang, "think_how_frame").format(clause=_j([*subj, *_plain(body, lang)]))
    named = subj and subj[0] not in lang.subject_pronouns | _set(lang, "all_prepositions")
    if named and not _verbish(subj[0], lang):
        yield _s(lang, "wonder_frame").format(np=_j(subj))


def _graded(body: list[str], lang: LangData) -> bool:
    """Does the clause grade («bedre», "better"), or hold a comparative after a copula
    («har blitt flinkere», ``comparative_endings``)?"""
    if _plain(body, lang) != body:
        return True
    ends = tuple(_set(lang, "comparative_endings"))
    after = lang.copulas | _set(lang, "become_words")
    return bool(ends) and any(
        w.endswith(ends) and len(w) > 5 and body[i - 1] in after for i, w in enumerate(body) if i
    )


def _graded_claim(verb: str, subj: list[str], body: list[str], lang: LangData) -> Iterator[str]:
    """«Synes du at elevene har blitt flinkere?», «Opplever du at brukerne sier mer hjemme?»:
    a graded claim about a named group asks how the informant experiences the group, with the
    place or time the claim named («… brukerne hjemme»), not the grade."""
    if not subj or subj[0] in lang.subject_pronouns or not _graded(body, lang):
        return
    places = _set(lang, "place_adverbs") | _set(lang, "all_prepositions")
    to_you = lang.addressee_words | lang.grammar.object_pronouns  # not «på deg»
    k = next(
        (i for i, w in enumerate(body) if w in places and not set(body[i + 1 : i + 2]) & to_you),
        len(body),
    )
    where = [w for w in body[k:] if w not in _set(lang, "evaluative")]
    frame = "experience_np_past" if _past(verb, lang) else "experience_np_frame"
    yield (_s(lang, frame) or _s(lang, "experience_np_frame")).format(np=_j([*subj, *where]))


def _copula(verb: str, subject: list[str], rest: list[str], lang: LangData) -> Iterator[str]:
    past = _past(verb, lang)
    copula = verb.removesuffix(_s(lang, "negated_suffix"))
    existential = _set(lang, "existential")
    inf = _s(lang, "infinitive")
    amount = _set(lang, "amount_words")
    if subject[0] in existential and rest[:1] and rest[0] in amount and len(rest) > 1:
        # «Var det mange barn i klassen?» → «Hvor mange barn var det i klassen?»
        np, after = _np_until_pp(rest[1:], lang)
        if lang.code == "nb" and rest[1] == _s(lang, "who_word"):
            np, after = [], rest[1:]
        yield f"{_s(lang, 'amount_word')} {rest[0]} {_j(np)} {copula} {subject[0]} {_j(after)}"
        return
    if subject[0] in existential and rest[:1] and rest[0] in _set(lang, "because_words"):
        yield _s(lang, "cause_frame")  # «Er det fordi …, eller …?» → «Hva tror du det kommer av?»
        return
    that = _s(lang, "that_word")
    if (
        subject[0] in existential
        and that in rest[1:]
        and not _plain(rest[: rest.index(that)], lang)
    ):
        k = rest.index(that)
        yield _s(lang, "for_you").format(copula=copula) + f" {_j(rest[k:])}"
    diff = _set(lang, "difference_words") & set(rest)
    if subject[0] in existential and diff:
        # «Er det stor forskjell på Oslo og Bergen?» → «Hvordan vil du sammenligne Oslo og Bergen?»
        k = rest.index(sorted(diff)[0]) + 1
        pair = (
            rest[k + 1 :] if rest[k : k + 1] and rest[k] in _set(lang, "all_prepositions") else []
        )
        if lang.grammar.and_word in pair[1:-1]:
            yield _s(lang, "compare_frame").format(pair=_j(pair))
            return
    if subject[0] in existential and rest[:1] and rest[0] in _set(lang, "something_words"):
        yield from _something(copula, rest, lang)
        return
    if subject[0] in existential and rest and _s(lang, "who_word") in rest and lang.code == "nb":
        k = rest.index(_s(lang, "who_word"))
        np = rest[:k]
        short = 0 < len(np) <= 3 and np[0] not in _set(lang, "all_prepositions")
        if short and k + 1 < len(rest) and rest[k + 1] not in lang.subject_pronouns:
            people = _set(lang, "person_nouns")
            who = any(_lemma(w, lang) in people or w in people for w in np)
            word = _s(lang, "who_question") if who else _s(lang, "what_word")
            it = _s(lang, "it_word")
            yield f"{word} {copula} {it} {_s(lang, 'who_word')} {_j(rest[k + 1 :])}"
            return
    yield from _copula_act(copula, subject, rest, lang)
    if subject[0] in (existential | {_s(lang, "it_word")}) and inf in rest:
        act = _compared(rest[rest.index(inf) :], lang)  # «… på telefon enn ansikt til ansikt»
        yield _s(lang, "like_frame").format(copula=copula, rest=_j(act))
        return
    yield from _than(copula, subject, rest, lang)
    plain = _plain(rest, lang)
    if subject[0] in lang.addressee:
        k = next((i for i, w in enumerate(plain) if w in _set(lang, "all_prepositions")), -1)
        when = _set(lang, "time_words")
        if k >= 0 and plain[k] in when:
            yield _s(lang, "for_you_when").format(copula=copula, rest=_j(plain[k:]))
        elif k >= 0 and len(plain) > k + 1 and _named(plain[k + 1 :], lang):
            np = plain[k + 1 :]
            frame = "experience_np_past" if past else "experience_np_frame"
            yield (_s(lang, frame) or _s(lang, "experience_np_frame")).format(np=_j(np))
        copula_word = _s(lang, "copula_past") if past else _s(lang, "copula_present")
        yield _s(lang, "for_you").format(copula=copula_word if lang.code == "en" else copula)
        return
    if subject[0] not in lang.subject_pronouns and not plain:
        yield _s(lang, "what_like_np").format(copula=copula, np=_j(subject))
        return
    if (
        subject[0] not in lang.subject_pronouns
        and plain
        and plain[0] in _set(lang, "all_prepositions")
    ):
        yield _s(lang, "what_like_np").format(copula=copula, np=_j(subject)) + f" {_j(plain)}"


def _than(copula: str, subject: list[str], rest: list[str], lang: LangData) -> Iterator[str]:
    """A comparison with «enn»/"than", asked without its direction: «Er det mer stress nå enn
    før?» → «Hvordan er det med stress nå sammenlignet med før?»; «Er pasientene eldre nå enn
    da du begynte?» → «Hvordan er pasientene nå sammenlignet med da du begynte?»."""
    than = _s(lang, "than_word")
    if than in rest and subject[0] in _set(lang, "existential"):
        # «Er det mer stress nå enn før?» → «Hvordan er det med stress nå sammenlignet med før?»
        k = rest.index(than)
        times = _set(lang, "time_words") | {_s(lang, "now_word")}
        at = [w for w in rest[:k] if w in times]
        np = [w for w in _plain(rest[:k], lang) if w not in at]
        if np:
            said = _j([*at, *_compared(rest[k:], lang)])
            yield _s(lang, "with_np").format(copula=copula, np=_j(np)) + f" {said}"
    if than in rest and subject[0] not in lang.subject_pronouns and len(subject) <= 2:
        # «Er pasientene eldre nå enn da du begynte?» → «Hvordan er pasientene nå sammenlignet
        # med da du begynte?»: the comparison asked, without the direction.
        k = rest.index(than)
        times = _set(lang, "time_words") | {_s(lang, "now_word")}
        compared = [*(w for w in rest[:k] if w in times), *_compared(rest[k:], lang)]
        yield _s(lang, "what_like_np").format(copula=copula, np=_j(subject)) + f" {_j(compared)}"


def _copula_act(copula: str, subject: list[str], rest: list[str], lang: LangData) -> Iterator[str]:
    """ "Was it different working from home?" → "What was it like working from home?";
    «Elevene blir mer selvstendige med nettbrett» → «Hvordan påvirker nettbrett elevene?»."""
    ing = _s(lang, "gerund_ending")
    pronoun = subject[0] in _set(lang, "existential") | {_s(lang, "it_word")}
    g = next((i for i, w in enumerate(rest[:3]) if ing and w.endswith(ing) and len(w) > 5), -1)
    if pronoun and g > 0:
        yield _s(lang, "like_frame").format(copula=copula, rest=_j(rest[g:]))
    causes = _set(lang, "cause_prepositions")
    k = next((i for i, w in enumerate(rest) if w in causes), -1)
    change = copula in _set(lang, "change_copulas") and subject[0] not in lang.subject_pronouns
    change = change and subject[0] not in lang.addressee_words  # «du blir tatt på alvor av …»
    if change and not pronoun and k > 0 and 0 < len(rest) - k - 1 <= 3:
        past = _past(copula, lang)
        frame = _s(lang, "effect_frame_past" if past else "effect_frame")
        yield frame.format(subject=_j(rest[k + 1 :]), object=_j(subject))


def _definite(word: str, lang: LangData) -> bool:
    """«systemet», «kontoret»: a noun with its definite ending, not a verb («jobbet»)."""
    return any(_lemma(word, lang) + e == word for e in lang.grammar.definite_noun_endings)


def _named(np: list[str], lang: LangData) -> bool:
    """Does this noun phrase name a thing by itself: a determiner or possessive first, or a
    definite noun («oppfølgingen»)? Not "touch with …" left over from "in touch with"."""
    dets = _set(lang, "determiners") | _set(lang, "possessives") | _set(lang, "articles")
    endings = lang.grammar.definite_noun_endings
    definite = bool(endings) and np[0].endswith(endings) and _lemma(np[0], lang) != np[0]
    return np[0] in dets or definite or np[0] in lang.grammar.object_pronouns


def _compared(words: list[str], lang: LangData) -> list[str]:
    """«enn» / "than" with its comparative gone: «sammenlignet med» / "compared with"."""
    than, instead = _s(lang, "than_word"), _s(lang, "compared_with")
    return [w for word in words for w in (instead.split() if word == than else [word])]


def _something(copula: str, rest: list[str], lang: LangData) -> Iterator[str]:
    """«Er det noe (som) …» / "Is there anything (that) …": what, if anything."""
    body = rest[1:]
    if body[:1] and f"{rest[0]} {body[0]}" in _set(lang, "something_words"):
        body = body[1:]
    more = body[:1] if body[:1] and body[0] in _set(lang, "more_words") else []
    body = body[len(more) :]
    if_any = _s(lang, "if_any")
    rel = _set(lang, "relative_words")
    if body[:1] and body[0] in rel:
        if lang.code == "nb":
            who = rest[0] in _set(lang, "someone_words") and rest[1:2] == body[:1]
            word = _s(lang, "who_question") if who else _s(lang, "what_word")
            it, relative = _s(lang, "it_word"), _s(lang, "relative_word")
            yield f"{word} {copula} {it} {if_any} {relative} {_j(body[1:])}"
        else:
            yield f"{_s(lang, 'what_word')} {_j(body[1:])}, {_s(lang, 'if_anything')}"
        return
    subject, after = _split_np(body, lang)
    pronoun = subject[:1] and subject[0] in lang.subject_pronouns
    if pronoun and after and (_verbish(after[0], lang) or after[0] in lang.finite_verbs):
        what = _s(lang, "what_word")
        if lang.code == "nb" and more:
            yield f"{what} {_j(more)} {after[0]} {_j(subject)} {_j(after[1:])}"
        elif lang.code == "nb":
            yield f"{what} {after[0]} {_j(subject)} {if_any} {_j(after[1:])}"
        elif more:
            yield f"{what} {_j(more)} {_j(after[:1])} {_j(subject)} {_j(after[1:])}"
        else:
            yield f"{what} {_j(after[:1])} {_j(subject)} {_j(after[1:])}, {_s(lang, 'if_anything')}"


def _modal(verb: str, subject: list[str], rest: list[str], lang: LangData) -> Iterator[str]:
    base = _lemma(rest[0], lang) if rest else ""
    head = f"{verb} {_j(subject)}"
    if rest[:1] and rest[0] in _set(lang, "modal_be") and len(_plain(rest[1:], lang)) <= 2:
        yield _s(lang, "for_you").format(
            copula=_s(lang, "copula_present")
        )  # «Det må vel være tøft»
        return
    if " ".join(rest[:2]) in _set(lang, "perfect_been"):
        # «Det må ha vært tøft» / "That must have been a relief": how was it for you; «… for
        # familien»: for whom the interviewer said.
        after = rest[2:]
        yield from _guessed_past(subject, after, lang)
        k = after.index(_s(lang, "for_word")) if _s(lang, "for_word") in after else -1
        np = after[k + 1 :] if k >= 0 else []
        if np and not (len(np) == 1 and np[0] in lang.addressee_words):  # not «for deg»
            yield _s(lang, "for_np").format(copula=_s(lang, "copula_past"), np=_j(np))
        yield _s(lang, "for_you").format(copula=_s(lang, "copula_past"))
        return
    if " ".join(rest[:2]) in _set(lang, "perfect_felt"):
        yield from _guessed_past(subject, rest[2:], lang)  # "You must have felt relieved when …"
    if base in _set(lang, "memory_verbs"):
        yield from _remember(_s(lang, "remember_head"), rest[1:], lang)
        return
    wish = next((p for p in _set(lang, "wish_phrases") if _j(rest[:2]) == p), "")
    if wish and len(rest) > 2:
        # «Kunne du tenke deg å gjøre det igjen?» → «Hva tenker du om å gjøre det igjen?»
        inf = _s(lang, "infinitive")
        yield _s(lang, "future_frame").format(rest=_j(rest[3:] if rest[2] == inf else rest[2:]))
        return
    if base in _set(lang, "cognition_lemmas") and rest[1:]:
        yield from _cognition(
            rest[0], subject, rest[1:], lang
        )  # «Vil du si at …», "Would you say …"
        return
    verb_next = rest and (is_verb(rest[0], lang) or lang.code == "en")
    if (
        subject
        and subject[0] in lang.addressee
        and verb_next
        and rest[0] not in _set(lang, "all_prepositions")
    ):
        if lang.code == "nb":
            yield _s(lang, "future_frame").format(rest=_j(_plain(rest, lang)))
        else:
            tail = [w for w in _plain(rest[1:], lang) if w not in _set(lang, "any_words")]
            yield _s(lang, "future_frame").format(rest=_j([_gerund(rest[0], lang), *tail]))
    del head


def _guessed_past(subject: list[str], after: list[str], lang: LangData) -> Iterator[str]:
    """What a guess about the past («Det må ha vært en stor overgang å begynne …», "You must
    have felt relieved when …") was about, asked open: «Hvordan var det å begynne …», "How
    did you feel when …". The guessed verdict is left out."""
    inf = _s(lang, "infinitive")
    if inf in after and subject[0] not in lang.addressee:
        rest = after[after.index(inf) :]
        yield _s(lang, "like_frame").format(copula=_s(lang, "copula_past"), rest=_j(rest))
    time = next((i for i, w in enumerate(after) if w in _set(lang, "time_words")), -1)
    if time > 0 and len(after) > time + 2:
        frame = "felt_when" if subject[0] in lang.addressee else "for_you_when"
        yield _s(lang, frame).format(copula=_s(lang, "copula_past"), rest=_j(after[time:]))


def _gerund(verb: str, lang: LangData) -> str:
    if verb in _s_map(lang, "gerunds"):
        return _s_map(lang, "gerunds")[verb]
    ing = _s(lang, "gerund_ending")
    for end, new in _s_map(lang, "gerund_replacements").items():  # "die" → "dying"
        if verb.endswith(end):
            return verb[: -len(end)] + new
    silent = _ends(lang, "silent_endings")  # "make" → "making", not "seeing" → "seing"
    keep_e = _ends(lang, "gerund_keep_endings")
    if verb.endswith(silent) and not verb.endswith(keep_e) and len(verb) > 2:
        return verb[:-1] + ing
    return verb + ing


def _perfect(
    aux: str, subject: list[str], rest: list[str], ever: bool, lang: LangData
) -> Iterator[str]:
    """«Har du (noen gang) opplevd at …», "Have you noticed any …", «Har du bodd …»."""
    part, obj = rest[0], rest[1:]
    addressed = subject[0] in lang.addressee
    if lang.code == "nb" and ever and addressed:
        if (
            part in _set(lang, "experience_participles")
            and obj[:1] == [_s(lang, "that_word")]
            and obj[1:]
        ):
            yield _s(lang, "experiences_frame").format(clause=_j(obj[1:]))
        yield _s(lang, "times_frame").format(subject=_j(subject), rest=_j(rest))
        return
    if lang.code == "en" and ever and addressed:
        yield _s(lang, "times_frame_perfect").format(subject=_j(subject), rest=_j(rest))
        return
    something = _set(lang, "something_words")
    if obj[:1] and obj[0] in _set(lang, "amount_words") and len(obj) > 1:
        # «Har du hatt mange brukere med rusproblemer?» → «Hvor mange brukere … har du hatt?»
        np, pp = _np_until_pp(obj[1:], lang)
        cut = next((i for i, w in enumerate(np) if i and w in _set(lang, "determiners")), len(np))
        np, pp = np[:cut], [*np[cut:], *pp]  # "complaints this year": the noun alone
        yield f"{_s(lang, 'amount_word')} {obj[0]} {_j(np)} {aux} {_j(subject)} {part} {_j(pp)}"
    if addressed and obj[:1] and obj[0] in something | _set(lang, "any_words"):
        np, pp = _np_until_pp(obj[1:], lang)
        np = _plain(np, lang)
        if np:
            if lang.code == "nb":
                kind = _s(lang, "what_kind")
                yield f"{kind} {_j(np)} {aux} {_j(subject)} {_s(lang, 'if_any')} {part} {_j(pp)}"
            else:
                what = _s(lang, "what_word")
                yield f"{what} {_j(np)} {aux} {_j(subject)} {part} {_j(pp)}, {_s(lang, 'if_any')}"
    bare = obj[:1] and obj[0] not in _set(lang, "determiners") | _set(lang, "all_prepositions")
    if lang.code == "nb" and addressed and bare and _lemma(part, lang) in _set(lang, "have_verbs"):
        # «Har du hatt konflikter med kolleger?» → «Hva slags konflikter har du eventuelt hatt …»
        np, pp = _np_until_pp(obj, lang)
        np = _plain(np, lang)
        if np and not set(np) & _set(lang, "something_words"):
            head = f"{aux} {_j(subject)} {_s(lang, 'if_any')} {part}"
            yield f"{_s(lang, 'what_kind')} {_j(np)} {head} {_j(pp)}"
    yield from _main_verb(part, subject, obj, lang, aux=aux)


def _possession(finite: str, head: str, rest: list[str], lang: LangData) -> Iterator[str]:
    """«Har dere noen rutiner for overlevering» → «Hva slags rutiner har dere for …»."""
    bare = rest[0] not in _set(lang, "something_words") | _set(lang, "any_words") | _set(
        lang, "determiners"
    )
    yield from _kind_of(head, rest, bare, lang)
    do_words = _set(lang, "do_words")
    own = _lemma(finite if finite not in do_words else _s(lang, "do_possession"), lang)
    # «har du barn», "do you have children"; not «har du fått opplæring»
    simple = len(head.split()) == 2 or head.split()[0] in _set(lang, "do_present")
    if (
        bare
        and simple
        and own in _set(lang, "possession_verbs")
        and not _past(finite, lang)
        and not set(rest) & (_set(lang, "someone_words") | _set(lang, "any_words"))
        and not set(rest) & _set(lang, "excess_words")
        and set(head.split()) & lang.addressee
    ):
        # «Har du barn?» → «Hvordan er det med barn for din del?»
        yield _s(lang, "what_about").format(np=_j(_plain(rest, lang)))
    determiners = _set(lang, "something_words") | _set(lang, "any_words")
    if lang.code == "nb":
        determiners |= _set(lang, "articles")  # «Har du fått et godt forhold …»
    if rest[0] in determiners and len(rest) > 1:
        np, pp = _np_until_pp(rest[1:], lang)
        np = _plain(np, lang)
        if np and lang.code == "en":
            yield f"{_s(lang, 'what_word')} {_j(np)} {head} {_j(pp)}, {_s(lang, 'if_any')}"
        elif np:
            # «Fikk du noen premie?» asked whether: «… fikk du eventuelt», no prize assumed.
            if_any = _s(lang, "if_any") if _past(finite, lang) else ""
            yield f"{_s(lang, 'what_kind')} {_j(np)} {head} {if_any} {_j(pp)}"


def _kind_of(head: str, rest: list[str], bare: bool, lang: LangData) -> Iterator[str]:
    """«Har du kontakt med fastlegen?» → «Hva slags kontakt har du med fastlegen?»; «Fikk du god
    veiledning i praksis?» → «Hva slags veiledning fikk du i praksis?»: a bare noun and where
    it belongs ask what kind; the grade is left out."""
    if not bare or rest[0] in _set(lang, "enough_words"):
        return
    adverbs = _set(lang, "clause_adverbs")
    rest = [w for w in rest if w not in adverbs] or rest  # «har du fortsatt videomøter»
    np, pp = _np_until_pp(_plain(rest, lang), lang)
    people = {_lemma(w, lang) for w in np} & _set(lang, "person_nouns")  # not «hva slags barn»
    if 0 < len(np) <= 2 and pp and not people and not set(np) & lang.addressee_words:
        yield f"{_s(lang, 'what_kind')} {_j(np)} {head} {_j(pp)}"


def _do_aux(verb: str, lang: LangData) -> str:
    """The English do-support auxiliary for a main verb: "did", "does" or "do"."""
    if _past(verb, lang):
        return _s(lang, "do_past")
    return _s(lang, "do_third" if verb.endswith(_s(lang, "third_person_ending")) else "do_base")


def _do_support(
    aux: str, subject: list[str], rest: list[str], ever: list[str], has_ever: bool, lang: LangData
) -> Iterator[str]:
    """English "do/did you V …": the main verb decides, "did you ever V" asks about any time."""
    if has_ever and subject[0] in lang.addressee and ever:
        forms = _forms(lang)
        verb = ever[0]
        silent = verb.endswith(_ends(lang, "silent_endings"))
        past = forms.get(verb) or verb + _s(lang, "past_after_silent" if silent else "past_ending")
        yield _s(lang, "times_frame").format(subject=_j(subject), past=past, rest=_j(ever[1:]))
        return
    yield from _main_verb(rest[0], subject, rest[1:], lang, aux=aux)


# --------------------------------------------------------------------------- shapes and topics

_SHAPES: dict[str, list[tuple[re.Pattern[str], str]]] = {}
_SLOT = re.compile(r"\{(\w+)(?:\|(\w+))?\}")


def _compiled_shapes(lang: LangData) -> list[tuple[re.Pattern[str], str]]:
    if lang.code not in _SHAPES:
        rows = lang.rewrite.get("shapes") or []
        _SHAPES[lang.code] = [(re.compile(str(r["match"])), str(r["out"])) for r in rows]
    return _SHAPES[lang.code]


def _fill_slot(value: str, how: str | None, lang: LangData) -> str:
    """A captured group, changed as the template asks: ``gerund``, ``lemma``, ``past``."""
    words = value.split()
    if not words or how is None:
        return value
    if how == "lemma":
        return _j([_lemma(words[0], lang), *words[1:]])
    if how == "gerund":
        return _j([_gerund(_base_form(words[0], lang), lang), *words[1:]])
    maps = lang.rewrite.get("slot_maps") or {}
    if how in maps:
        table = {str(k): str(v) for k, v in (maps[how] or {}).items()}
        return table.get(value, value)
    return value


def _shape_texts(unit: Unit, lang: LangData) -> list[str]:
    """The question's words as the shapes read them: hedges, skip words and openers out."""
    words = _tidy_words(list(unit.words), lang)
    words = [w for w in _drop_phrases(words, _set(lang, "shape_skip")) if w]
    lead = _set(lang, "lead_words")
    while len(words) > 1 and words[0] in lead:
        words = words[1:]
    first = _first_alternative(words, lang)
    texts = [_j(first), _j(words)] if first != words else [_j(words)]
    raw = [w for w in _drop_phrases(list(unit.words), _set(lang, "shape_skip")) if w]
    while len(raw) > 1 and raw[0] in lead:
        raw = raw[1:]
    return texts if _j(raw) in texts else [*texts, _j(raw)]  # the trailing words kept


def shapes(unit: Unit, lang: LangData) -> Iterator[str]:
    """Question shapes the language data names (``rewrite: shapes``), best first.

    Each shape is a pattern over the question's words and the open question it becomes,
    with the question's own words in its slots: "you'd like to stay out of hospital" →
    "What are your thoughts on staying out of hospital"; «er du interessert i fotball» →
    «Hvilket forhold har du til fotball». The code knows no words; a slot can be turned
    into its lemma or gerund, or looked up in a table (``slot_maps``).
    """
    for text in _shape_texts(unit, lang):
        for pattern, out in _compiled_shapes(lang):
            match = pattern.search(text)
            if match:
                groups = {k: v or "" for k, v in match.groupdict().items()}

                def slot(m: re.Match[str], groups: dict[str, str] = groups) -> str:
                    return _fill_slot(groups.get(m.group(1), ""), m.group(2), lang)

                yield _SLOT.sub(slot, out)


def topic_lemmas(words: list[str], lang: LangData) -> set[str]:
    """Lemmas of the words that carry a question's topic (not grammar, not very frequent)."""
    limit = float(lang.rewrite.get("content_zipf_max", 5.6))
    skip = lang.stopwords | _set(lang, "not_content") | lang.subject_pronouns | lang.wh_words
    skip |= _set(lang, "hedges") | _set(lang, "trailing") | _set(lang, "all_prepositions")
    frame = _set(lang, "cognition_lemmas")  # «tenke», "think": the frame, not the topic
    out = set()
    for w in words:
        if w in skip or len(w) < 3 or not w.isalpha():
            continue
        if zipf(w, lang.code) < limit and _lemma(w, lang) not in frame:
            out.add(_lemma(w, lang))
    return out


def topic_ok(words: list[str], lang: LangData) -> bool:
    """Is this the topic part of a frame («Kan du fortelle om …») a speaker could say?

    It holds a content word, ends on one that is not grammar (not «… og det», "… something"),
    has no «eller»/"or", and opens with neither a subject pronoun nor a preposition.
    """
    if not 0 < len(words) <= int(lang.rewrite.get("topic_max_words", 10)):
        return False
    if len(words) == 1 and words[0] in lang.grammar.object_pronouns:
        return True  # «Hvordan opplevde du det»: the matter is already on the table
    fine_end = _set(lang, "place_adverbs") | _set(lang, "possessives") | {_s(lang, "now_word")}
    end_bad = (lang.stopwords - fine_end) | _set(lang, "not_content") | lang.subject_pronouns
    end_bad |= _set(lang, "all_prepositions") | _set(lang, "trailing")
    end_bad |= lang.grammar.object_pronouns | set(lang.grammar.coordinators)
    ing = _s(lang, "gerund_ending")
    if ing and words[0].endswith(ing) and words[-1] in _set(lang, "phrasal_particles"):
        end_bad -= _set(lang, "phrasal_particles")  # "turning your camera on"
    if words[-1] in end_bad or lang.or_word in words:
        return False
    opener_ok = _set(lang, "topic_openers") | _set(lang, "determiners") | lang.wh_words
    opener_ok |= _set(lang, "possessives") | {_s(lang, "infinitive")}
    if words[0] not in opener_ok and (
        words[0] in lang.stopwords
        or words[0] in lang.subject_pronouns
        or words[0] in _set(lang, "all_prepositions")
        or words[0] in _set(lang, "not_content")
    ):
        return False
    if words[0] == _s(lang, "infinitive") and len(words) >= 3:
        return True  # «å gjøre det igjen»: a verb phrase is a topic without a rare word
    return bool(topic_lemmas(words, lang))


def topic(unit: Unit, lang: LangData) -> Iterator[str]:
    """«Kan du fortelle mer om …» around the question's own content words.

    Used when no shape or transformation gave a well-formed open question: better than a
    generic stand-in. The topic is, in this order: the event a past-tense statement about the
    informant names («dere kjøpte leilighet» → «om da dere kjøpte leilighet»), an infinitive
    after a modal («du kan ikke begynne på store prosjekt» → «om det å begynne på …»), a
    gerund phrase ("turning the lights off"), or the first noun phrase the question names.
    """
    words = [w for w in _shape_texts(unit, lang)[0].split() if w != lang.grammar.negation]
    if not words:
        return
    subject, rest, named = _subject_of(unit, words, lang)
    yield from _event_topic(subject, rest, lang)
    yield from _infinitive_topic(words, lang)
    yield from _gerund_topic(words, lang)
    if named and subject[0] not in lang.subject_pronouns and topic_ok(subject, lang):
        yield _s(lang, "topic_frame").format(np=_j(subject))
    yield from _determiner_topic(words, lang)


def _grammar_verbs(lang: LangData) -> set[str]:
    return {
        *lang.copulas,
        *_set(lang, "modals"),
        *lang.perfect_auxiliaries,
        *_set(lang, "do_words"),
    }


def _subject_of(unit: Unit, words: list[str], lang: LangData) -> tuple[list[str], list[str], bool]:
    """(subject, verb and the rest, whether a statement names its subject before a verb)."""
    grammar = _grammar_verbs(lang)
    if unit.kind == "verb_first" or words[0] in grammar:
        subject, rest = _split_np(words[1:], lang)
        return subject, [words[0], *rest], False
    subject, rest = _split_np(words, lang)
    named = bool(rest) and (_verbish(rest[0], lang) or rest[0] in grammar)
    return subject, rest, named


def _event_topic(subject: list[str], rest: list[str], lang: LangData) -> Iterator[str]:
    """«dere kjøpte leilighet» → «Kan du fortelle om da dere kjøpte leilighet»."""
    verb = rest[0] if rest else ""
    addressed = bool(subject) and subject[0] in lang.addressee
    if not addressed or not verb or verb in _grammar_verbs(lang) or not _past(verb, lang):
        return
    base = _lemma(verb, lang)
    special = {"have_verbs", "place_verbs", "cognition_lemmas", "memory_verbs"}
    body = rest[1:]
    # «dere begynte med video under pandemien»: the verb's own preposition may open the rest.
    named = body[1:] if body[:1] and body[0] in _set(lang, "all_prepositions") else body
    if not any(base in _set(lang, k) for k in special) and topic_ok(named, lang):
        yield _s(lang, "when_frame").format(clause=_j([*subject, verb, *body]))


def _infinitive_topic(words: list[str], lang: LangData) -> Iterator[str]:
    """«du kan ikke begynne på store prosjekt» → «… om det å begynne på store prosjekt»."""
    k = next((i for i, w in enumerate(words) if w in _set(lang, "modals")), -1)
    if k < 0 or k + 1 >= len(words):
        return
    vp = words[k + 1 :]
    if vp[0] in lang.subject_pronouns and len(vp) > 1:
        vp = vp[1:]  # «kan du …»: the subject
    vp = vp[:1] + [w for w in _plain(vp[1:], lang) if w not in _set(lang, "any_words")]
    copula = {*_set(lang, "modal_be"), *(w.split()[0] for w in _set(lang, "perfect_been"))}
    if vp and vp[0] not in _grammar_verbs(lang) | copula and len(vp) > 1 and topic_ok(vp, lang):
        yield _s(lang, "infinitive_topic").format(
            verb=vp[0], gerund=_gerund(vp[0], lang), rest=_j(vp[1:])
        )


def _gerund_topic(words: list[str], lang: LangData) -> Iterator[str]:
    """ "- and even actually turning the lights off?" → "… more about turning the lights off"."""
    ing = _s(lang, "gerund_ending")
    before = _set(lang, "all_prepositions") | _set(lang, "as_words")
    for g, w in enumerate(words):
        if ing and w.endswith(ing) and len(w) > 5 and (g == 0 or words[g - 1] in before):
            np = _noun_phrase(words[g:], lang)
            after = words[g + len(np) :]
            if 0 < len(after) <= 4 and after[0] == _s(lang, "that_word"):
                np = words[g:]  # "making sure that it is dark": a short clause belongs to it
            if topic_ok(np, lang):
                yield _s(lang, "topic_frame").format(np=_j(np))
            return


def _determiner_topic(words: list[str], lang: LangData) -> Iterator[str]:
    """The first noun phrase opened by a determiner or a possessive ("your handwriting")."""
    dets = _set(lang, "determiners") | _set(lang, "possessives")
    for i, w in enumerate(words):
        if w in dets and w not in lang.grammar.object_pronouns | _set(lang, "articles"):
            np = _noun_phrase(words[i:], lang)
            if len(np) > 1 and topic_ok(np, lang):
                yield _s(lang, "topic_frame").format(np=_j(np))
                return


def _np_stop(word: str, lang: LangData) -> bool:
    grammar = lang.copulas | _set(lang, "modals") | lang.perfect_auxiliaries | lang.finite_verbs
    if word in grammar or word in lang.subject_pronouns or word in lang.wh_words:
        return True
    if word in _set(lang, "relative_words") | {
        _s(lang, "that_word"),
        lang.or_word,
        _s(lang, "infinitive"),
    }:
        return True
    if not _yaml.flag(lang.rewrite, "np_stops_at_verb_forms", lang.code):
        return False
    # English: a verb form ends the noun phrase ("the drinking got worse"): an inflected word
    # that is not a plural or a gerund, a third-person form of a common verb, a bare verb.
    keep = tuple(_set(lang, "np_keep_endings"))
    changed = _lemma(word, lang) != word and not word.endswith(keep)
    third = _s(lang, "third_person_ending")
    verb_s = bool(third) and word.endswith(third)
    verb_s = verb_s and _lemma(word, lang) in _set(lang, "verb_lemmas")
    return changed or verb_s or is_verb(word, lang) or word in _set(lang, "base_verbs")


def _noun_phrase(words: list[str], lang: LangData) -> list[str]:
    """The noun phrase that opens ``words``, with its prepositional phrases, up to a verb,
    a pronoun, a relative word or a second determiner; trailing grammar words dropped."""
    dets = _set(lang, "determiners") | _set(lang, "possessives")
    preps = _set(lang, "all_prepositions")
    out = words[:1]
    for w in words[1:]:
        ing = _s(lang, "gerund_ending")
        opens = preps | dets
        if _np_stop(w, lang) or (
            w in dets and out[-1] not in opens and not (ing and out[0].endswith(ing))
        ):
            break
        out.append(w)
    out = _plain(out, lang) if len(_plain(out, lang)) > 1 else out
    end_bad = lang.stopwords | _set(lang, "not_content") | preps | _set(lang, "trailing")
    while len(out) > 1 and out[-1] in end_bad:
        out = out[:-1]
    return out
