"""Machinery knows no words: Norwegian and English words live in ``data/lang/<code>/``.

Every string literal of every module outside ``intervju.lang`` (docstrings aside) is read
with :mod:`ast`. A literal that is one word, or a regular expression's words, fails the test
when it is a closed-class word of the language data (stop words, function words, question
words, pronouns, fillers) or a common word that is Norwegian rather than English
(``wordfreq``). So «ikke», "because" or ``r"\\b(fordi|derfor)\\b"`` cannot creep back into
code; the fix is a named list in the language's YAML file, read through the language layer.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import intervju
from intervju.lang import zipf
from intervju.lang._yaml import read_mapping

PACKAGE = Path(intervju.__file__).resolve().parent
_WORD = re.compile(r"^[^\W\d_]{2,}(?:['’-][^\W\d_]+)*$")
_REGEX = re.compile(r"\\b|\(\?[:!=<]|\|")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
# Lists in the language data whose words are grammar, never a name for a thing.
_CLOSED_CLASS = (
    "stop_words", "stopwords", "function_words", "question_words", "pronouns", "fillers",
)  # fmt: skip

# Names the product gives to things (JSON and YAML keys, cue and intent kinds, codes,
# option values) that happen to be spelled like English words. Not language knowledge.
IDENTIFIERS = frozenset(
    {
        "en", "nb", "lang", "intervju", "kind", "type", "other", "why", "how", "more",
        "feeling", "feelings", "meaning", "example", "examples", "elaborate", "question",
        "talk", "time", "nothing", "given",
    }
)  # fmt: skip
# The same, used in one module only: a key, an option value, a byte order.
ALLOWED_IN = {
    "analysis/_data.py": frozenset({"because"}),  # names a list in analysis.yaml
    "analysis/_reframe.py": frozenset({"out"}),  # a key of a rewrite shape row
    "cards.py": frozenset({"thing", "bare"}),  # card situations («bare»: a bare yes)
    "cli/classify_cmd.py": frozenset({"ok"}),  # a key of the verdict's wordings
    "cli/practice_cmd.py": frozenset({"nav-veileder"}),  # the default persona's id
    "cli/listen_cmd.py": frozenset({"with", "from", "out"}),
    "embeddings.py": frozenset({"or"}),
    "fakes.py": frozenset({"little"}),
    "guides.py": frozenset({"no"}),  # the language code «no» (Norwegian) a guide may give
    "listen/process.py": frozenset({"out", "gone"}),
    "llm.py": frozenset({"yes"}),  # an environment variable's accepted value
    "personas.py": frozenset({"about", "people", "again"}),
    "practice.py": frozenset({"again"}),
    "probes.py": frozenset({"when"}),
    "readers/vtt.py": frozenset({"no"}),  # an English error message
    "review/render_html.py": frozenset({"yes"}),  # a key of the report's wordings
    "review/render_md.py": frozenset({"yes"}),  # a key of the report's wordings
    "review/report.py": frozenset({"at"}),
    # span kinds and card slots; «Tok» is a class name
    "spans.py": frozenset({"thing", "experience", "so", "tok"}),
    "storage.py": frozenset({"before", "after", "ok"}),  # keys; SQLite's quick_check answer
}
# Modules whose word lists have not moved to the language data yet (#9). None is left:
# the rewrite engine and reframing moved too. A module put here is out of the guard.
NOT_YET_MOVED: frozenset[str] = frozenset()


def _walk(value: Any, out: set[str]) -> None:
    if isinstance(value, str):
        if _WORD.match(value.strip()):
            out.add(value.strip().lower())
    elif isinstance(value, list):
        for item in value:
            _walk(item, out)


@cache
def _closed_class() -> frozenset[str]:
    words: set[str] = set()
    for path in (PACKAGE / "data" / "lang").rglob("*.yaml"):
        raw = read_mapping(path)
        for key in _CLOSED_CLASS:
            _walk(raw.get(key), words)
    for path in (PACKAGE / "data" / "lang").glob("*/probes.yaml"):
        raw = read_mapping(path)
        _walk((raw.get("lexicon") or {}).get("stopwords"), words)
    return frozenset(words)


def is_language_word(word: str) -> bool:
    """A closed-class word of the data, or a common word that is Norwegian, not English."""
    low = word.lower()
    if low in _closed_class():
        return True
    nb, en = zipf(low, "nb"), zipf(low, "en")
    return nb >= 3.5 and nb > en + 1.5


def _docstrings(tree: ast.AST) -> set[int]:
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def words_in_literals(source: str) -> Iterator[tuple[int, str]]:
    """(line, word) for each language word found in the string literals of ``source``."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if id(node) in skip:
            continue
        text = node.value.strip()
        if _WORD.match(text):
            candidates = [text]
        elif _REGEX.search(text):
            candidates = _LETTERS.findall(text)
        else:
            continue
        for word in candidates:
            if word.lower() not in IDENTIFIERS and is_language_word(word):
                yield node.lineno, word.lower()


def _modules() -> list[str]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if not name.startswith(("lang/", "data/")):
            out.append(name)
    return out


@pytest.mark.parametrize("module", [m for m in _modules() if m not in NOT_YET_MOVED])
def test_machinery_has_no_language_words(module: str) -> None:
    source = (PACKAGE / module).read_text(encoding="utf-8")
    allowed = ALLOWED_IN.get(module, frozenset())
    found = [(line, w) for line, w in words_in_literals(source) if w not in allowed]
    assert not found, (
        f"{module} spells language words in code {found}: move them to a named list in "
        "src/intervju/data/lang/<code>/*.yaml and read it through intervju.lang"
    )


def test_the_scan_finds_words_in_sets_and_regexes() -> None:
    source = (
        '"""Docstrings may say «ikke»."""\n'
        'NEG = {"ikke", "not", "text"}\n'
        'REASON = r"\\b(fordi|derfor|because)\\b"\n'
        'MESSAGE = "cannot read the file"\n'
    )
    found = {w for _, w in words_in_literals(source)}
    assert found == {"ikke", "not", "fordi", "derfor", "because"}


def test_the_lists_name_real_modules() -> None:
    modules = set(_modules())
    assert modules >= NOT_YET_MOVED
    assert set(ALLOWED_IN) <= modules
