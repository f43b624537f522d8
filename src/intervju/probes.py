"""Probe banks: the follow-up wordings, retrieval examples and cue word lists.

Why data and not code: the wordings are the product's voice in the interview,
and researchers in other fields (or languages) will want to edit them. So they
live in ``data/lang/<code>/probes.yaml`` and are validated like guides, walking the
YAML node tree so that each error names the file and line to fix.

A wording may contain two slots: ``{term}`` (the informant's own word) and
``{other}`` (the other side of a comparison). A wording is offered only when
every slot it uses can be filled, so the bank can mix tailored and generic
wordings and the engine always has something to say.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import yaml

from .errors import GuideError
from .lang import LANGUAGES, Lang, _yaml, as_lang
from .paths import LANG_DATA

__all__ = [
    "CUE_KINDS",
    "INTENTS",
    "IntentBank",
    "Lexicon",
    "ProbeBank",
    "Wording",
    "load_probe_bank",
    "parse_probe_bank",
    "probe_bank_path",
]

Language = Lang
INTENTS: tuple[str, ...] = (
    "example",
    "meaning",
    "elaborate",
    "feeling",
    "reason",
    "contrast",
    "clarify",
    "echo",
    "interpret",
    "silence",
)
CUE_KINDS: tuple[str, ...] = (
    "repeated",
    "repeated_context",
    "generalising",
    "episode_no_feeling",
    "feeling",
    "strong",
    "metaphor",
    "hedging",
    "trailing",
    "contrast",
    "vague",
    "jargon",
    "long",
    "short",
    "opinion",
    "observation",
    "key_word",
)
SLOTS = frozenset({"term", "other"})
CONDITIONS = frozenset({"repeated"})
_LIST_KEYS = (
    "stopwords",
    "generalising",
    "episode",
    "feelings",
    "strong",
    "metaphor",
    "hedges",
    "contrast",
    "vague",
    "opinion",
    "observation",
)
SCHEMA_VERSION = 1
MIN_EXAMPLES = 3


@dataclass(frozen=True)
class Wording:
    """One way of asking a follow-up; ``slots`` are the placeholders it needs."""

    text: str
    slots: frozenset[str]
    when: str | None = None

    def render(self, term: str | None = None, other: str | None = None) -> str | None:
        """The filled text, or None when a needed slot is missing."""
        if ("term" in self.slots and not term) or ("other" in self.slots and not other):
            return None
        values = {"term": term or "", "other": other or ""}
        return self.text.format_map(values)


@dataclass(frozen=True)
class IntentBank:
    """Everything the engine knows about one follow-up intent in one language."""

    id: str
    label: str
    why: str
    wordings: tuple[Wording, ...]
    examples: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """Word lists for cue detection (lower case; entries may be several words)."""

    stopwords: frozenset[str]
    generalising: tuple[str, ...]
    episode: tuple[str, ...]
    feelings: tuple[str, ...]
    strong: tuple[str, ...]
    metaphor: tuple[str, ...]
    hedges: tuple[str, ...]
    contrast: tuple[str, ...]
    vague: tuple[str, ...]
    opinion: tuple[str, ...]
    observation: tuple[str, ...]
    contrast_pairs: Mapping[str, str]
    numbers: tuple[str | None, ...]

    def count_word(self, count: int) -> str:
        """«tre» for 3 where the bank has a word for it, else the digits."""
        if 0 <= count < len(self.numbers) and self.numbers[count]:
            return str(self.numbers[count])
        # Beyond the list: digits plus whatever follows the number in the last entry ("times").
        last = next((n for n in reversed(self.numbers) if n), "")
        tail = last.split(" ", 1)[1] if " " in last else ""
        return f"{count} {tail}".strip()


@dataclass(frozen=True)
class ProbeBank:
    """A validated ``probes.<lang>.yaml``."""

    language: str
    intents: tuple[IntentBank, ...]
    lexicon: Lexicon
    reasons: Mapping[str, str]
    source: str = "<probes>"

    def intent(self, intent_id: str) -> IntentBank:
        for bank in self.intents:
            if bank.id == intent_id:
                return bank
        raise KeyError(intent_id)

    def reason(self, cue_kind: str, term: str | None = None, count: int = 0) -> str:
        template = self.reasons.get(cue_kind, "")
        return template.format_map({"term": term or "", "count": self.lexicon.count_word(count)})


def probe_bank_path(language: str) -> Path:
    return LANG_DATA / as_lang(language) / "probes.yaml"


@lru_cache(maxsize=8)
def _load_cached(path: str) -> ProbeBank:
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise GuideError(f"cannot read probe bank ({exc.strerror})", where=path) from None
    return parse_probe_bank(text, source=path)


def load_probe_bank(language: str = "nb", path: str | Path | None = None) -> ProbeBank:
    """The bundled bank for ``language`` ("nb" or "en"), or the file at ``path``."""
    return _load_cached(str(Path(path) if path is not None else probe_bank_path(language)))


def parse_probe_bank(text: str, *, source: str = "<probes>") -> ProbeBank:
    """Validate probe-bank YAML; errors name ``source`` and the line."""
    root = _yaml.compose(text, source=source, error=GuideError)
    if root is None:
        raise GuideError("the file is empty", where=source)
    return _BankValidator(source).bank(root)


class _BankValidator:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, node: yaml.Node, message: str) -> GuideError:
        return GuideError(message, where=f"{self.source}, line {node.start_mark.line + 1}")

    def mapping(
        self, node: yaml.Node, what: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping of keys to values")
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in out:
                raise self.fail(key_node, f"duplicate key '{key}' in {what}")
            if required and key not in required + optional:
                allowed = ", ".join(required + optional)
                raise self.fail(key_node, f"unknown key '{key}' in {what} (allowed: {allowed})")
            out[key] = value_node
        for key in required:
            if key not in out:
                raise self.fail(node, f"{what} is missing required key '{key}'")
        return out

    def text(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
            raise self.fail(node, f"{what} must be a single text value")
        value = " ".join(str(node.value).split())
        if not value:
            raise self.fail(node, f"{what} must not be empty")
        return value

    def sequence(self, node: yaml.Node, what: str, minimum: int = 1) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"{what} must be a list")
        if len(node.value) < minimum:
            raise self.fail(node, f"{what} needs at least {minimum} entries")
        return list(node.value)

    def bank(self, root: yaml.Node) -> ProbeBank:
        fields = self.mapping(
            root, "the probe bank", ("schema", "language", "intents", "lexicon"), ("reasons",)
        )
        schema = self.text(fields["schema"], "schema")
        if schema != str(SCHEMA_VERSION):
            raise self.fail(
                fields["schema"], f"schema {schema} is not supported (expected {SCHEMA_VERSION})"
            )
        language = self.text(fields["language"], "language").lower()
        if language not in LANGUAGES:
            raise self.fail(fields["language"], f"language '{language}' must be nb or en")
        intents_node = fields["intents"]
        intent_fields = self.mapping(intents_node, "intents", ())
        intents: list[IntentBank] = []
        for name, node in intent_fields.items():
            if name not in INTENTS:
                raise self.fail(node, f"unknown intent '{name}' (known: {', '.join(INTENTS)})")
            intents.append(self.intent(name, node))
        missing = [i for i in INTENTS if i not in intent_fields]
        if missing:
            raise self.fail(intents_node, f"intents is missing {', '.join(missing)}")
        intents.sort(key=lambda bank: INTENTS.index(bank.id))
        reasons: dict[str, str] = {}
        if "reasons" in fields:
            for kind, node in self.mapping(fields["reasons"], "reasons", ()).items():
                if kind not in CUE_KINDS:
                    raise self.fail(
                        node, f"unknown cue '{kind}' in reasons (known: {', '.join(CUE_KINDS)})"
                    )
                reasons[kind] = self.template(
                    node, f"reason '{kind}'", frozenset({"term", "count"})
                )
        return ProbeBank(
            language=language,
            intents=tuple(intents),
            lexicon=self.lexicon(fields["lexicon"]),
            reasons=MappingProxyType(reasons),
            source=self.source,
        )

    def template(self, node: yaml.Node, what: str, allowed: frozenset[str]) -> str:
        value = self.text(node, what)
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        except ValueError as exc:
            raise self.fail(node, f"{what} has a broken placeholder ({exc})") from None
        unknown = sorted(n for n in names if n not in allowed)
        if unknown:
            raise self.fail(
                node,
                f"{what} uses unknown placeholder {{{unknown[0]}}} (allowed: "
                + ", ".join("{" + a + "}" for a in sorted(allowed))
                + ")",
            )
        return value

    def intent(self, name: str, node: yaml.Node) -> IntentBank:
        what = f"intent '{name}'"
        fields = self.mapping(node, what, ("label", "why", "wordings", "examples"))
        wordings = tuple(
            self.wording(w, f"a wording of {what}")
            for w in self.sequence(fields["wordings"], f"wordings of {what}")
        )
        if all(w.when for w in wordings):
            raise self.fail(
                fields["wordings"],
                f"{what} needs at least one wording without a 'when' condition",
            )
        examples = tuple(
            self.text(e, f"an example of {what}")
            for e in self.sequence(fields["examples"], f"examples of {what}", MIN_EXAMPLES)
        )
        return IntentBank(
            id=name,
            label=self.text(fields["label"], f"label of {what}"),
            why=self.text(fields["why"], f"why of {what}"),
            wordings=wordings,
            examples=examples,
        )

    def wording(self, node: yaml.Node, what: str) -> Wording:
        when: str | None = None
        text_node = node
        if isinstance(node, yaml.MappingNode):
            fields = self.mapping(node, what, ("text",), ("when",))
            text_node = fields["text"]
            if "when" in fields:
                when = self.text(fields["when"], f"'when' of {what}")
                if when not in CONDITIONS:
                    raise self.fail(
                        fields["when"], f"'when' must be one of {', '.join(sorted(CONDITIONS))}"
                    )
        text = self.template(text_node, what, SLOTS)
        slots = frozenset(
            name for _, name, _, _ in string.Formatter().parse(text) if name is not None and name
        )
        if when == "repeated" and "term" not in slots:
            raise self.fail(node, f"{what}: 'when: repeated' needs a {{term}} placeholder")
        return Wording(text=text, slots=slots, when=when)

    def words(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        return tuple(self.text(w, f"an entry of {what}").lower() for w in self.sequence(node, what))

    def lexicon(self, node: yaml.Node) -> Lexicon:
        fields = self.mapping(node, "lexicon", (*_LIST_KEYS, "contrast_pairs"), ("numbers",))
        lists = {key: self.words(fields[key], f"lexicon '{key}'") for key in _LIST_KEYS}
        pairs: dict[str, str] = {}
        for key, value in self.mapping(fields["contrast_pairs"], "contrast_pairs", ()).items():
            pairs[key.lower()] = self.text(value, f"contrast pair '{key}'")
        numbers: tuple[str | None, ...] = ()
        if "numbers" in fields:
            numbers = tuple(
                None
                if isinstance(n, yaml.ScalarNode) and n.tag == "tag:yaml.org,2002:null"
                else self.text(n, "an entry of lexicon 'numbers'")
                for n in self.sequence(fields["numbers"], "lexicon 'numbers'")
            )
        return Lexicon(
            stopwords=frozenset(lists["stopwords"]),
            generalising=lists["generalising"],
            episode=lists["episode"],
            feelings=lists["feelings"],
            strong=lists["strong"],
            metaphor=lists["metaphor"],
            hedges=lists["hedges"],
            contrast=lists["contrast"],
            vague=lists["vague"],
            opinion=lists["opinion"],
            observation=lists["observation"],
            contrast_pairs=MappingProxyType(pairs),
            numbers=numbers,
        )
