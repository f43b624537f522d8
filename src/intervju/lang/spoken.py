"""The spoken-transcript normaliser: read what was said, not how it was transcribed.

Real interview speech, typed by a transcriber or written by speech-to-text, is full of things
that carry no words: hesitations («e», «em», "um"), false starts and stutters («hvo- hvor»,
"How-how", «jeg jeg»), transcriber marks («[...]», «#», «*», «(ler)»), the dash that
continues a turn, a name said at the end ("…, Billy?"), dialect and colloquial spellings
(«åssen», «ka», «trur»). Every judgement (question form, key terms, topics) reads the
normalised text; what the product *shows* stays the original, and :meth:`Spoken.original_span`
maps a span of the normalised text back to the informant's exact words.

The machinery here knows no words: fillers, interjections and spoken forms are the
language's lexicon (``data/lang/<code>/lexicon.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .lexicon import Lang, Lexicon, lexicon
from .text import WORD

# Transcriber notes in brackets; «[...]»/«[…]» marks speech left out (a clause boundary).
_OMISSION = re.compile(r"\[\s*(?:\.\.\.|…)\s*\]")
_NOTE = re.compile(r"\[[^\]]*\]|\([^)]*\)|<[^>]*>")
_TOKEN = re.compile(
    rf"(?P<omission>{_OMISSION.pattern})|(?P<note>{_NOTE.pattern})|(?P<word>{WORD.pattern})"
    r"|(?P<pause>#+)|(?P<overlap>\*+)|(?P<punct>[^\w\s]+)",
    re.UNICODE,
)
_CLOSING = frozenset(",.?!;:…)»”]")
_SENTENCE_END = frozenset(".?!…")
_DASH = frozenset("-–—")


@dataclass(frozen=True)
class _Piece:
    text: str  # what goes into the normalised text
    start: int  # span in the original
    end: int
    word: bool
    replaced: bool


@dataclass(frozen=True)
class Spoken:
    """One turn: the original as said, and the text every judgement reads."""

    original: str
    text: str
    _starts: tuple[int, ...]
    _ends: tuple[int, ...]
    trails_off: bool = False  # ends in a hesitation, a broken-off word or «…»: unfinished

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that ``text[start:end]`` came from."""
        if not self.text or start >= end:
            return (0, 0)
        start = max(0, min(start, len(self.text) - 1))
        end = max(start + 1, min(end, len(self.text)))
        return self._starts[start], self._ends[end - 1]

    def original_words(self, start: int, end: int) -> str:
        """The informant's own words for ``text[start:end]`` (fillers inside kept as said)."""
        a, b = self.original_span(start, end)
        return self.original[a:b]


@lru_cache(maxsize=4096)
def normalise(text: str, lang: Lang) -> Spoken:
    """Normalise one turn of speech (see the module docstring for what is removed).

    Cached: the analyser, the cue detector and the explanation each read the same turn.
    """
    lex = lexicon(lang)
    pieces = _pieces(text)
    trails_off = _trails_off(pieces, lex)
    pieces = _drop_noise(pieces, lex)
    pieces = _collapse_repeats(pieces)
    pieces = _drop_vocative(pieces)
    pieces = _tidy_punctuation(pieces)
    return replace(_assemble(text, pieces), trails_off=trails_off)


def _trails_off(pieces: list[_Piece], lex: Lexicon) -> bool:
    """Does the turn stop mid-thought: a hesitation, a broken-off word, «…» or a dash?"""
    if not pieces:
        return False
    last = pieces[-1]
    if last.word:
        return lex.is_filler(last.text) or last.text.endswith("-")
    return last.text.strip()[-1:] in ("…", "-", "–", "—") or last.text.endswith("..")


def _pieces(text: str) -> list[_Piece]:
    out: list[_Piece] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind in ("note", "overlap"):
            continue
        if kind in ("omission", "pause"):
            out.append(_Piece(",", m.start(), m.end(), word=False, replaced=True))
        else:
            out.append(_Piece(m.group(0), m.start(), m.end(), kind == "word", replaced=False))
    # The dash that continues a turn («- og så …») is not a word or a boundary.
    while out and not out[0].word and set(out[0].text) <= _DASH | {","}:
        out.pop(0)
    return out


def _drop_noise(pieces: list[_Piece], lex: Lexicon) -> list[_Piece]:
    """Fillers, cut-off words, spoken forms and turn-opening interjections."""
    out: list[_Piece] = []
    for i, piece in enumerate(pieces):
        if not piece.word:
            out.append(piece)
            continue
        low = piece.text.lower()
        prev = _previous_word(out)
        nxt = _next_word(pieces, i)
        contextual = next(
            (
                c
                for c in lex.contextual_forms
                if low == c.word
                and (prev or "").lower() in c.after
                and nxt is not None
                and _mapped(nxt, lex) in c.before
            ),
            None,
        )
        if contextual is not None:
            out.append(_replace(piece, contextual.becomes))
            continue
        if lex.is_filler(low) or (low.endswith("-") and len(low) > 1):
            if low.endswith("-") and i + 1 < len(pieces) and set(pieces[i + 1].text) <= _DASH:
                pieces[i + 1] = _replace(pieces[i + 1], ",")  # "Is-- can you …"
            continue  # a hesitation, or a word broken off («hvo-», «v-»)
        if "-" in low:
            head, _, tail = low.partition("-")
            if tail and (tail.startswith(head) or head.startswith(tail)):
                piece = _replace(piece, _cased(piece.text[len(head) + 1 :], piece.text))
                low = piece.text.lower()
        if low in lex.leading_interjections and _sentence_start(out) and nxt is not None:
            continue  # «å hva leita dere etter?»
        if low in lex.spoken_forms:
            piece = _replace(piece, _cased(lex.spoken_forms[low], piece.text))
        out.append(piece)
    return out


def _collapse_repeats(pieces: list[_Piece]) -> list[_Piece]:
    """A word or a phrase of up to three words said twice in a row is said once."""
    out: list[_Piece] = []
    for piece in pieces:
        out.append(piece)
        for n in (1, 2, 3):
            # A phrase restarted after a comma may be a new clause («Hvordan var det, var det
            # vanskelig?»); a single word said twice is a stutter either way.
            tail = _last_words(out, 2 * n, commas=n == 1)
            if tail is None:
                continue
            first, second = tail[:n], tail[n:]
            if [p.text.lower() for p in first] == [p.text.lower() for p in second]:
                keep_from = out.index(second[0])
                drop_from = out.index(first[0])
                out = out[:drop_from] + out[keep_from:]
                break
    return out


def _drop_vocative(pieces: list[_Piece]) -> list[_Piece]:
    """ "…, Billy?": a capitalised name after the last comma addresses, it does not ask."""
    end = len(pieces)
    while end and not pieces[end - 1].word and pieces[end - 1].text[0] in _SENTENCE_END:
        end -= 1
    if end < 4 or not pieces[end - 1].word or pieces[end - 2].text != ",":
        return pieces
    name = pieces[end - 1].text
    if not (name[:1].isupper() and name[1:].islower()) or name in ("I",):
        return pieces
    if sum(p.word for p in pieces[: end - 2]) < 3:
        return pieces
    return pieces[: end - 2] + pieces[end:]


def _tidy_punctuation(pieces: list[_Piece]) -> list[_Piece]:
    """No comma at the start, none doubled, none right before the end mark."""
    out: list[_Piece] = []
    for piece in pieces:
        if not piece.word and piece.text == ",":
            if not out or (not out[-1].word and out[-1].text in (",", "-", "–")):
                continue
            if not out[-1].word and out[-1].text[-1] in _SENTENCE_END:
                continue
        if not piece.word and piece.text[0] in _SENTENCE_END and out and out[-1].text == ",":
            out.pop()
        out.append(piece)
    while out and not out[-1].word and out[-1].text in (",", "-", "–"):
        out.pop()
    return out


def _assemble(original: str, pieces: list[_Piece]) -> Spoken:
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, piece in enumerate(pieces):
        gap = original[pieces[i - 1].end : piece.start] if i else ""
        closing = not piece.word and piece.text[0] in _CLOSING
        if parts and gap and not closing:
            parts.append(" ")
            starts.append(piece.start)
            ends.append(pieces[i - 1].end)
        parts.append(piece.text)
        for k in range(len(piece.text)):
            if piece.replaced:
                starts.append(piece.start)
                ends.append(piece.end)
            else:
                starts.append(piece.start + k)
                ends.append(piece.start + k + 1)
    return Spoken(original, "".join(parts), tuple(starts), tuple(ends))


def _replace(piece: _Piece, text: str) -> _Piece:
    return _Piece(text, piece.start, piece.end, piece.word, replaced=True)


def _cased(replacement: str, like: str) -> str:
    return replacement[:1].upper() + replacement[1:] if like[:1].isupper() else replacement


def _mapped(word: str, lex: Lexicon) -> str:
    low = word.lower()
    return lex.spoken_forms.get(low, low)


def _previous_word(pieces: list[_Piece]) -> str | None:
    for piece in reversed(pieces):
        if piece.word:
            return piece.text
        if piece.text[0] in _SENTENCE_END:
            return None
    return None


def _next_word(pieces: list[_Piece], i: int) -> str | None:
    for piece in pieces[i + 1 :]:
        if piece.word:
            return piece.text
        if piece.text[0] in _SENTENCE_END:
            return None
    return None


def _sentence_start(out: list[_Piece]) -> bool:
    return all(not p.word for p in out) or (not out[-1].word and out[-1].text[0] in _SENTENCE_END)


def _last_words(pieces: list[_Piece], n: int, *, commas: bool) -> list[_Piece] | None:
    """The last ``n`` words, if nothing (or, with ``commas``, only commas) stands between."""
    found: list[_Piece] = []
    for piece in reversed(pieces):
        if piece.word:
            found.append(piece)
            if len(found) == n:
                return found[::-1]
        elif not (commas and piece.text == ","):
            return None
    return None
