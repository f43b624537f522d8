"""Review mode's words (follow-up forms, pointing words, pause marks, topic announcements),
from ``data/lang/<code>/review.yaml``.

Every language's lists are merged, as review did before they moved here: an English probe
("tell me more") in a Norwegian interview is still a probe. The regular expressions are
built here from the word lists, so the machinery in ``intervju.review`` knows no words. The
pause pattern is the one declaration of a transcriber's pause mark: the live cards
(``intervju.cards``) read it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import _yaml
from .lexicon import LANGUAGES, read_language_file


@dataclass(frozen=True)
class ReviewWords:
    """The review's word lists and patterns, every language together."""

    follow_up_probes: tuple[re.Pattern[str], ...]
    pointing_words: frozenset[str]
    demonstrative: re.Pattern[str]  # group 1: the word pointed at (four letters or more)
    echo_stop_words: frozenset[str]
    pause: re.Pattern[str]  # groups «seconds» (a number) and «short» (a short pause word)
    topic_backward: re.Pattern[str]
    topic_closing: re.Pattern[str]
    topic_announce: re.Pattern[str]  # group 1: what follows the announcement


@cache
def review_words() -> ReviewWords:
    """Load and merge every language's ``review.yaml`` (once per process)."""
    probes: list[re.Pattern[str]] = []
    sets: dict[str, list[str]] = {}
    ordered: dict[str, list[str]] = {}
    listed = (
        "pointing_words", "demonstratives", "echo_stop_words", "pause_lengths",
        "short_pause_lengths", "pause_words", "pause_before_seconds", "second_units",
        "silence_lengths", "silence_words",
    )  # fmt: skip
    regex_parts = ("topic_backward", "topic_closing", "topic_announce")
    for code in LANGUAGES:
        raw, where = read_language_file(code, "review")
        probes.extend(_yaml.patterns(raw, "follow_up_probes", where))
        for key in listed:
            sets.setdefault(key, []).extend(_yaml.word_set(raw, key, where))
        for key in regex_parts:
            ordered.setdefault(key, []).extend(_yaml.pattern_list(raw, key, where))
    alt = {k: _yaml.alternation(v) for k, v in sets.items()}
    before = alt["pause_before_seconds"]
    pause = (
        rf"[\(\[]\s*(?:(?:(?P<short>{alt['short_pause_lengths']})|{alt['pause_lengths']})\s+)?"
        rf"(?:{alt['pause_words']})"
        rf"(?:\s*(?:(?:{before})\s*)?(?P<seconds>\d+)\s*(?:{alt['second_units']})\.?)?\s*[\)\]]"
        rf"|[\(\[]\s*(?:{alt['silence_lengths']})\s+(?:{alt['silence_words']})\s*[\)\]]"
    )
    topic = {k: "|".join(v) or r"(?!)" for k, v in ordered.items()}
    return ReviewWords(
        follow_up_probes=tuple(probes),
        pointing_words=frozenset(sets["pointing_words"]),
        demonstrative=re.compile(rf"\b(?:{alt['demonstratives']})\s+([^\W\d_]{{4,}})"),
        echo_stop_words=frozenset(sets["echo_stop_words"]),
        pause=re.compile(pause, re.IGNORECASE),
        topic_backward=re.compile(rf"\b({topic['topic_backward']})\b", re.IGNORECASE),
        topic_closing=re.compile(rf"\b({topic['topic_closing']})\b", re.IGNORECASE),
        topic_announce=re.compile(rf"\b(?:{topic['topic_announce']})\b(.*)", re.IGNORECASE),
    )
