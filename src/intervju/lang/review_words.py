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
    any_probe: re.Pattern[str]  # the probes as one pattern (one search per question)
    pointing_words: frozenset[str]
    demonstrative: re.Pattern[str]  # group 1: the word pointed at (four letters or more)
    echo_stop_words: frozenset[str]
    pause: re.Pattern[str]  # groups «seconds» (a number) and «short» (a short pause word)
    topic_backward: re.Pattern[str]
    topic_said_earlier: re.Pattern[str]
    topic_closing: re.Pattern[str]
    topic_announce: re.Pattern[str]  # group 1: what follows the announcement
    lasting_impact: re.Pattern[str] = re.compile(r"(?!)")  # a moment that stayed with them
    body_reactions: re.Pattern[str] = re.compile(r"(?!)")  # «jeg skalv»: the body telling it
    break_off: re.Pattern[str] = re.compile(r"(?!)")  # a story broken off («… men ja»)
    knowing_objects: frozenset[str] = frozenset()  # «kjente hverandre»: knowing, no feeling
    feeling_nouns: frozenset[str] = frozenset()  # «en vond følelse»: the noun is the feeling


@cache
def review_words() -> ReviewWords:
    """Load and merge every language's ``review.yaml`` (once per process)."""
    probes: list[re.Pattern[str]] = []
    lasting: list[re.Pattern[str]] = []
    body: list[re.Pattern[str]] = []
    sets: dict[str, list[str]] = {}
    ordered: dict[str, list[str]] = {}
    listed = (
        "pointing_words", "demonstratives", "echo_stop_words", "pause_lengths",
        "short_pause_lengths", "pause_words", "pause_before_seconds", "second_units",
        "silence_lengths", "silence_words", "break_off_closers", "break_off_phrases",
        "knowing_objects", "feeling_nouns",
    )  # fmt: skip
    regex_parts = ("topic_backward", "topic_said_earlier", "topic_closing", "topic_announce")
    for code in LANGUAGES:
        raw, where = read_language_file(code, "review")
        probes.extend(_yaml.patterns(raw, "follow_up_probes", where))
        lasting.extend(_yaml.patterns(raw, "lasting_impact", where))
        body.extend(_yaml.patterns(raw, "body_reactions", where))
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
        any_probe=_any_of(probes),
        pointing_words=frozenset(sets["pointing_words"]),
        demonstrative=re.compile(rf"\b(?:{alt['demonstratives']})\s+([^\W\d_]{{4,}})"),
        echo_stop_words=frozenset(sets["echo_stop_words"]),
        pause=re.compile(pause, re.IGNORECASE),
        topic_backward=re.compile(rf"\b({topic['topic_backward']})\b", re.IGNORECASE),
        topic_said_earlier=re.compile(rf"\b({topic['topic_said_earlier']})\b", re.IGNORECASE),
        topic_closing=re.compile(rf"\b({topic['topic_closing']})\b", re.IGNORECASE),
        topic_announce=re.compile(rf"\b(?:{topic['topic_announce']})\b(.*)", re.IGNORECASE),
        lasting_impact=_any_of(lasting),
        body_reactions=_any_of(body),
        break_off=_break_off(alt["break_off_closers"], alt["break_off_phrases"]),
        knowing_objects=frozenset(sets["knowing_objects"]),
        feeling_nouns=frozenset(sets["feeling_nouns"]),
    )


def _any_of(patterns: list[re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern for a list (one search per turn, not one per entry)."""
    joined = "|".join(f"(?:{p.pattern})" for p in patterns) or r"(?!)"
    return re.compile(joined, re.IGNORECASE)


def _break_off(closers: str, phrases: str) -> re.Pattern[str]:
    """A closer right after a trailing «…» or a dash («… anyway»), or a phrase that says the
    story is for another time, anywhere."""
    return re.compile(rf"(?:…|\.\.\.|\s[–—-])\s*(?:{closers})\b|\b(?:{phrases})\b", re.IGNORECASE)
