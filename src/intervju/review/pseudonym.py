"""Replace speakers' names with fictive labels before anything is reviewed.

The review runs on the real transcripts (so that word counts and every
other number are exactly those of the unaltered text: «Per Olav» is two
words, «Informant 4» too, but «Marte» is one) and the finished report is then
rewritten as a whole: every string in it, at any depth, goes through the
same replacement. So every export built from it — JSON, Markdown, HTML, CSV,
the app's tables — is clean, including analyser rewrites and suggested
follow-ups that quote the turn text, and key terms (matched without regard to
case, since key terms are lower-cased).

Labels: the interviewer becomes «Intervjuer» ("Interviewer" for English
guides); every other speaker becomes «Informant 1», «Informant 2», … in order
of first appearance across the interviews, so the same person keeps the same
label in every file. Names are replaced in the speaker field, in the text of
every turn (the full name and each part of it of two letters or more, as a
capitalised whole word, also in the genitive: «Martes»), and in file names.
Names of people who never speak cannot be known and are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields, is_dataclass, replace
from pathlib import PurePath
from typing import Any, TypeVar

from ..lang import as_lang
from ..lang.wordings import wordings
from ..models import Transcript


@dataclass(frozen=True)
class Pseudonyms:
    """Real name -> label, and one compiled pattern that finds every name part.

    One pattern, replaced in one pass, because replacing name by name would run later
    names over labels already written: a speaker called «Informant» would turn the
    «Informant 1» written for «Kari Hansen» into «Informant 2 1».
    """

    labels: dict[str, str]
    pattern: re.Pattern[str] | None
    exact: dict[str, str]  # name part as written -> label
    pieces: dict[str, str]  # lower-cased name part -> label

    def apply(self, text: str) -> str:
        return self._sub(text, case_sensitive=True)

    def file_name(self, name: str) -> str:
        """File names are written any way («intervju_sigurd_hansen.vtt»): match any case."""
        return self._sub(name, case_sensitive=False, space="-")

    def term(self, word: str) -> str:
        """A lower-cased key term that is a name part becomes its label."""
        return self.pieces.get(word.lower(), self.apply(word))

    def speaker(self, name: str) -> str:
        return self.labels.get(name, self.apply(name))

    def _sub(self, text: str, *, case_sensitive: bool, space: str = " ") -> str:
        if self.pattern is None:
            return text
        pattern = self.pattern if case_sensitive else re.compile(self.pattern.pattern, re.I)

        def label(match: re.Match[str]) -> str:
            found = match.group("name")
            name = self.exact[found] if case_sensitive else self.pieces[found.lower()]
            return name.replace(" ", space)

        return pattern.sub(label, text)


def build_pseudonyms(transcripts: Sequence[Transcript], language: str = "nb") -> Pseudonyms:
    """Labels for every speaker of ``transcripts`` (see module docstring)."""
    names = wordings(as_lang(language), "pseudonyms")
    interviewer_label = names["interviewer"]
    labels: dict[str, str] = {}
    informants = 0
    for transcript in transcripts:
        interviewers = {t.speaker for t in transcript.turns if t.role == "interviewer"}
        if transcript.interviewer:
            interviewers.add(transcript.interviewer)
        for name in sorted(interviewers):
            labels.setdefault(name, interviewer_label)
        for turn in transcript.turns:
            if turn.speaker not in labels:
                informants += 1
                labels[turn.speaker] = names["informant"].format(number=informants)
    pieces = _pieces_of(labels)
    ordered = sorted(pieces, key=len, reverse=True)
    # Only letters bound a name: «_Sigurd_» and «kari-sigurd» in file names match too.
    # Longest first, so «Kari Hansen» is one match, not «Kari» and «Hansen».
    pattern = (
        re.compile(
            r"(?<![^\W\d_])(?P<name>" + "|".join(map(re.escape, ordered)) + r")(?:s)?(?![^\W\d_])"
        )
        if ordered
        else None
    )
    lowered: dict[str, str] = {}
    for piece in ordered:
        lowered.setdefault(piece.lower(), pieces[piece])
    return Pseudonyms(labels, pattern, pieces, lowered)


def _pieces_of(labels: dict[str, str]) -> dict[str, str]:
    """Each full name and each capitalised part of two letters or more -> its label."""
    pieces: dict[str, str] = {}
    for name, label in labels.items():
        if not name.strip():
            continue
        pieces.setdefault(name.strip(), label)
        for part in re.split(r"[\s\-]+", name.strip()):
            if len(part) >= 2 and part[0].isupper():
                pieces.setdefault(part, label)
    return pieces


def pseudonymise_transcript(transcript: Transcript, names: Pseudonyms) -> Transcript:
    """A copy of ``transcript`` with speakers and names in the text replaced."""
    turns = tuple(
        replace(turn, speaker=names.speaker(turn.speaker), text=names.apply(turn.text))
        for turn in transcript.turns
    )
    source = None
    if transcript.source:
        source = pseudonymise_file_name(transcript.source, names)
    interviewer = names.speaker(transcript.interviewer) if transcript.interviewer else None
    return replace(transcript, turns=turns, interviewer=interviewer, source=source)


def pseudonymise_file_name(file: str, names: Pseudonyms) -> str:
    return names.file_name(PurePath(file).name)


T = TypeVar("T")


def pseudonymise_value(value: T, names: Pseudonyms) -> T:
    """``value`` with every string inside it (dataclasses, tuples, lists, dicts) replaced."""
    out: Any
    if isinstance(value, str):
        out = names.apply(value)
    elif is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {}
        for f in fields(value):
            current = getattr(value, f.name)
            if f.name == "term" and isinstance(current, str):
                changes[f.name] = names.term(current)
            elif f.name == "file" and isinstance(current, str):
                changes[f.name] = pseudonymise_file_name(current, names)
            else:
                changes[f.name] = pseudonymise_value(current, names)
        out = replace(value, **changes)
    elif isinstance(value, tuple):
        out = tuple(pseudonymise_value(v, names) for v in value)
    elif isinstance(value, list):
        out = [pseudonymise_value(v, names) for v in value]
    elif isinstance(value, dict):
        out = {k: pseudonymise_value(v, names) for k, v in value.items()}
    else:
        out = value
    return out  # type: ignore[no-any-return]
