"""Who is the interviewer? Decided from names, labels, then questions.

Order of evidence, strongest first:

1. ``interviewer=NAME`` from the user: matched case-insensitively against
   the speakers (a unique first name or prefix also matches, so
   ``--interviewer kari`` finds "Kari Nordmann"). A name that matches no
   speaker is an error, not a silent guess.
2. Role labels: Forsker, Intervjuer, Interviewer, Researcher, Moderator, F,
   Q mark the interviewer; Informant, IP, Intervjuperson, Respondent,
   Deltaker, Participant, Interviewee, P, A mark informants. A trailing
   number is ignored ("Informant 2").
   **"I" is ambiguous.** Norwegian transcripts use both "I/IP"
   (Intervjuer / Intervjuperson) and "F/I" (Forsker / Informant). We read
   "I" as the informant when another speaker carries an interviewer label
   (F, Forsker, …), and as the interviewer otherwise.
3. Questions: the speaker with most question turns (a question mark, or a
   turn opening with a hv-word / wh-word / "kan du fortelle …") is the
   interviewer, if strictly ahead of everyone else.

Once an interviewer is known, every other named speaker is an informant.
If nothing decides it, roles stay "unknown" (except labelled informants)
and no interviewer is reported. A speaker-less segment is always "unknown".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import TranscriptError
from ..lang.input_words import input_words
from ..models import Role

# Role labels and question openers are the language data's (``input.yaml`` of every language).
INTERVIEWER_LABELS = input_words().interviewer_labels
INFORMANT_LABELS = input_words().informant_labels


def label_key(speaker: str) -> str:
    """Normalise a label for lookup: 'Informant 2' -> 'informant', 'IP1' -> 'ip'."""
    return re.sub(r"[\d\W_]+", "", speaker.casefold())


def is_question(text: str) -> bool:
    return "?" in text or bool(input_words().question_start.match(text.strip()))


def _match_given(name: str, speakers: Sequence[str], where: str) -> str:
    wanted = " ".join(name.split()).casefold()
    exact = [s for s in speakers if s.casefold() == wanted]
    if exact:
        return exact[0]
    partial = [
        s for s in speakers if s.casefold().startswith(wanted) or wanted in s.casefold().split()
    ]
    if len(partial) == 1:
        return partial[0]
    listed = ", ".join(repr(s) for s in speakers) or "none"
    reason = "matches several speakers" if partial else "is not a speaker in this transcript"
    raise TranscriptError(f"interviewer {name!r} {reason}; speakers: {listed}", where=where)


def _by_questions(turns: Sequence[tuple[str, str]], candidates: Sequence[str]) -> str | None:
    questions = dict.fromkeys(candidates, 0)
    totals = dict.fromkeys(candidates, 0)
    for speaker, text in turns:
        if speaker in questions:
            totals[speaker] += 1
            questions[speaker] += is_question(text)
    ranked = sorted(
        candidates, key=lambda s: (questions[s], questions[s] / max(totals[s], 1)), reverse=True
    )
    if not ranked or questions[ranked[0]] == 0:
        return None
    if len(ranked) > 1:
        best, second = ranked[0], ranked[1]
        if (questions[best], questions[best] / totals[best]) == (
            questions[second],
            questions[second] / max(totals[second], 1),
        ):
            return None
    return ranked[0]


def assign_roles(
    turns: Sequence[tuple[str, str]], *, interviewer: str | None, where: str
) -> tuple[dict[str, Role], str | None]:
    """Map each speaker to a role and name the interviewer (or None).

    ``turns`` are (speaker, text) pairs in order, already merged.
    """
    speakers = list(dict.fromkeys(s for s, _ in turns if s))
    roles: dict[str, Role] = dict.fromkeys((s for s, _ in turns), "unknown")
    interviewers: list[str] = []
    informants: set[str] = set()

    if interviewer is not None and interviewer.strip():
        interviewers = [_match_given(interviewer, speakers, where)]
    else:
        keys = {s: label_key(s) for s in speakers}
        labelled = [s for s in speakers if keys[s] in INTERVIEWER_LABELS]
        informants = {s for s in speakers if keys[s] in INFORMANT_LABELS}
        single_i = [s for s in speakers if keys[s] == "i"]
        if labelled:
            interviewers = labelled
            informants.update(single_i)
        elif single_i:
            interviewers = single_i
        else:
            rest = [s for s in speakers if s not in informants]
            if informants and len(rest) == 1:
                interviewers = rest
            elif rest:
                chosen = _by_questions(turns, rest)
                interviewers = [chosen] if chosen else []

    if interviewers:
        for speaker in speakers:
            roles[speaker] = "interviewer" if speaker in interviewers else "informant"
    else:
        for speaker in informants:
            roles[speaker] = "informant"

    chosen_name: str | None = None
    if interviewers:
        words = dict.fromkeys(interviewers, 0)
        for speaker, text in turns:
            if speaker in words:
                words[speaker] += len(text.split())
        chosen_name = max(interviewers, key=lambda s: words[s])
    return roles, chosen_name
