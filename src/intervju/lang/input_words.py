"""The input side's words (typed-line prefixes, Teams paste layouts), from ``input.yaml``.

Both languages are merged: a Norwegian interviewer may type «q:» and a pasted Teams
transcript may come from an English client, so input accepts either language's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import _yaml
from .lexicon import LANGUAGES, read_language_file

# Regular-expression fragments, kept as written; every other field is a lower-cased word list.
_PATTERN_FIELDS = frozenset({"question_lead_ins", "question_openers"})


@dataclass(frozen=True)
class InputWords:
    """Word lists for reading what the user types or pastes (lower-cased)."""

    interviewer_prefixes: frozenset[str]
    informant_prefixes: frozenset[str]
    teams_system_lines: tuple[str, ...]
    not_speaker_names: frozenset[str]
    clock_am: frozenset[str]
    clock_pm: frozenset[str]
    interviewer_labels: frozenset[str]
    informant_labels: frozenset[str]
    question_start: re.Pattern[str]  # a turn opening with a question form
    yes_words: frozenset[str]
    no_words: frozenset[str]


@cache
def input_words() -> InputWords:
    """Load and merge every language's ``input.yaml`` (once per process)."""
    fields: dict[str, set[str]] = {
        "interviewer_prefixes": set(),
        "informant_prefixes": set(),
        "teams_system_lines": set(),
        "not_speaker_names": set(),
        "clock_am": set(),
        "clock_pm": set(),
        "interviewer_labels": set(),
        "informant_labels": set(),
        "question_lead_ins": set(),
        "question_openers": set(),
        "yes_words": set(),
        "no_words": set(),
    }
    for code in LANGUAGES:
        raw, where = read_language_file(code, "input")
        for name, bucket in fields.items():
            if name in _PATTERN_FIELDS:
                bucket.update(_yaml.pattern_list(raw, name, where))
            else:
                bucket.update(_yaml.word_set(raw, name, where))
    return InputWords(
        interviewer_prefixes=frozenset(fields["interviewer_prefixes"]),
        informant_prefixes=frozenset(fields["informant_prefixes"]),
        teams_system_lines=tuple(sorted(fields["teams_system_lines"], key=len, reverse=True)),
        not_speaker_names=frozenset(fields["not_speaker_names"]),
        clock_am=frozenset(fields["clock_am"]),
        clock_pm=frozenset(fields["clock_pm"]),
        interviewer_labels=frozenset(fields["interviewer_labels"]),
        informant_labels=frozenset(fields["informant_labels"]),
        question_start=re.compile(
            rf"^(?:(?:{_yaml.alternation(fields['question_lead_ins'], escape=False)})[,.]?\s+)*"
            rf"(?:{_yaml.alternation(fields['question_openers'], escape=False)})\b",
            re.IGNORECASE,
        ),
        yes_words=frozenset(fields["yes_words"]),
        no_words=frozenset(fields["no_words"]),
    )
