"""Interview guides are data: YAML files validated into frozen dataclasses.

Validation walks the YAML *node* tree rather than the loaded dicts so that
every message can name the file and the line a researcher must fix
("guide.yaml, line 14: topic 'relasjon' has no questions"). Researchers edit
these files by hand; a precise message is the whole user interface.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from .errors import GuideError
from .lang import _yaml
from .lang.input_words import input_words
from .models import Guide, Question, Topic
from .paths import GUIDE_DATA
from .settings import atomic_write_text, default_data_dir

SCHEMA_VERSION = 1
BUNDLED_DIR = GUIDE_DATA
DEFAULT_GUIDE_ID = "nav-videooppfolging"
USER_GUIDES = "guides"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_LANGUAGES = {"nb", "nn", "no", "en"}


def bundled_guides() -> dict[str, Path]:
    """The guides shipped with the package, by guide file stem."""
    if not BUNDLED_DIR.is_dir():
        return {}
    return {p.stem: p for p in sorted(BUNDLED_DIR.glob("*.yaml"))}


def user_guides_dir(data_dir: Path) -> Path:
    """Where the user's own guides live: ``guides/`` in the data folder."""
    return data_dir / USER_GUIDES


def guide_library(data_dir: Path | None = None) -> dict[str, Path]:
    """Every guide the user can pick by name: the bundled ones, then the user's own.

    ``data_dir`` defaults to the data folder in the settings, so the app's Guider page, the
    CLI's ``--guide NAME`` and ``intervju guide list`` see the same library. A user's guide
    never shadows a bundled one of the same name.
    """
    library: dict[str, Path] = dict(bundled_guides())
    folder = user_guides_dir(data_dir if data_dir is not None else default_data_dir())
    if folder.is_dir():
        for path in sorted(folder.glob("*.yaml")):
            library.setdefault(path.stem, path)
    return library


def save_user_guide(text: str, data_dir: Path) -> tuple[Guide, Path]:
    """Validate a guide and save it in the user's library under its id (atomically).

    Refuses an invalid guide (:class:`GuideError` naming the line) and an id a bundled guide
    already has, so a saved guide can always be found by its name.
    """
    guide = parse_guide(text, source="<guide>")
    if guide.id in bundled_guides():
        raise GuideError(f"a bundled guide already has the id '{guide.id}'", where="<guide>")
    target = user_guides_dir(data_dir) / f"{guide.id}.yaml"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(target, text)
    except OSError as exc:
        raise GuideError(f"cannot save ({exc.strerror})", where=str(target)) from None
    return guide, target


def resolve_guide_path(name_or_path: str | Path | None, data_dir: Path | None = None) -> Path:
    """Accept None (the study guide), a guide's name in the library, or a file path."""
    if name_or_path is None:
        name_or_path = DEFAULT_GUIDE_ID
    key = str(name_or_path)
    bundled = bundled_guides()
    if key in bundled:
        return bundled[key]
    path = Path(name_or_path).expanduser()
    if path.is_file():
        return path
    library = guide_library(data_dir)
    if key in library:
        return library[key]
    known = ", ".join(sorted(library)) or "none"
    raise GuideError(f"no such guide file or guide name (known: {known})", where=key)


def load_guide(path: str | Path | None = None, data_dir: Path | None = None) -> Guide:
    """Load and validate a guide; ``None`` gives the bundled study guide."""
    resolved = resolve_guide_path(path, data_dir)
    try:
        text = resolved.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GuideError(f"not UTF-8 text ({exc.reason})", where=str(resolved)) from None
    except OSError as exc:
        raise GuideError(f"cannot read file ({exc.strerror})", where=str(resolved)) from None
    return parse_guide(text, source=str(resolved))


def parse_guide(text: str, *, source: str = "<guide>") -> Guide:
    """Validate guide YAML text; errors name ``source`` and the line."""
    root = _yaml.compose(text, source=source, error=GuideError)
    if root is None:
        # Comments only or nothing at all: point at line 1 so every message has a line.
        raise GuideError(
            "the file is empty (expected a guide: schema, id, title, ...)",
            where=f"{source}, line 1",
        )
    return _Validator(source).guide(root)


def copy_guide_text(text: str, *, id_suffix: str, title_suffix: str, source: str) -> str:
    """The guide's YAML with a new id and title, everything else (comments too) kept.

    The two values are replaced where the YAML parser found them, so quoting,
    trailing comments and layout cannot break the copy; the copy is validated.
    """
    guide = parse_guide(text, source=source)
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    assert isinstance(root, yaml.MappingNode)  # parse_guide has checked the shape
    values = {str(key.value): value for key, value in root.value}
    replacements = {
        "id": json.dumps(guide.id + id_suffix, ensure_ascii=False),
        "title": json.dumps(guide.title + title_suffix, ensure_ascii=False),
    }
    out = text
    for key in sorted(replacements, key=lambda k: -values[k].start_mark.index):
        node = values[key]
        out = out[: node.start_mark.index] + replacements[key] + out[node.end_mark.index :]
    parse_guide(out, source=source)
    return out


class _Validator:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, node: yaml.Node, message: str) -> GuideError:
        return GuideError(message, where=f"{self.source}, line {node.start_mark.line + 1}")

    def mapping(self, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping of keys to values")
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in out:
                raise self.fail(key_node, f"duplicate key '{key}' in {what}")
            out[key] = (key_node, value_node)
        return out

    def check_keys(
        self,
        node: yaml.Node,
        fields: dict[str, tuple[yaml.Node, yaml.Node]],
        required: set[str],
        optional: set[str],
        what: str,
    ) -> None:
        for key, (key_node, _) in fields.items():
            if key not in required | optional:
                allowed = ", ".join(sorted(required | optional))
                raise self.fail(key_node, f"unknown key '{key}' in {what} (allowed: {allowed})")
        for key in sorted(required):
            if key not in fields:
                raise self.fail(node, f"{what} is missing required key '{key}'")

    def scalar(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.value is None:
            raise self.fail(node, f"{what} must be a single value")
        if node.tag == "tag:yaml.org,2002:null":
            # `key: null` / `key: ~` is an empty value, not the word "null" as text.
            return ""
        return str(node.value)

    def text(self, node: yaml.Node, what: str) -> str:
        value = self.scalar(node, what).strip()
        if not value:
            raise self.fail(node, f"{what} must not be empty")
        return " ".join(value.split())

    def identifier(self, node: yaml.Node, what: str) -> str:
        value = self.scalar(node, what).strip()
        if not _ID.match(value):
            raise self.fail(node, f"{what} '{value}' must be letters, digits, '-', '_' or '.'")
        return value

    def number(self, node: yaml.Node, what: str) -> float:
        raw = self.scalar(node, what)
        try:
            value = float(raw)
        except ValueError:
            raise self.fail(node, f"{what} must be a number of minutes, not '{raw}'") from None
        if not 0 < value <= 600:
            raise self.fail(node, f"{what} must be more than 0 and at most 600, not '{raw}'")
        return value

    def flag(self, node: yaml.Node, what: str) -> bool:
        raw = self.scalar(node, what).strip().lower()
        if raw == "true" or raw in input_words().yes_words:
            return True
        if raw == "false" or raw in input_words().no_words:
            return False
        raise self.fail(node, f"{what} must be true or false, not '{raw}'")

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"{what} must be a list")
        if not node.value:
            raise self.fail(node, f"{what} must not be empty")
        return list(node.value)

    def guide(self, root: yaml.Node) -> Guide:
        fields = self.mapping(root, "the guide")
        self.check_keys(
            root,
            fields,
            {"schema", "id", "title", "language", "topics"},
            {"description"},
            "the guide",
        )
        schema_node = fields["schema"][1]
        schema = self.scalar(schema_node, "schema")
        if schema != str(SCHEMA_VERSION):
            raise self.fail(
                schema_node, f"schema {schema} is not supported (expected {SCHEMA_VERSION})"
            )
        language_node = fields["language"][1]
        language = self.scalar(language_node, "language").strip().lower()
        if language not in _LANGUAGES:
            raise self.fail(language_node, f"language '{language}' must be one of nb, nn, no, en")
        topics: list[Topic] = []
        seen_ids: dict[str, yaml.Node] = {}
        for topic_node in self.sequence(fields["topics"][1], "topics"):
            topic = self.topic(topic_node, seen_ids)
            topics.append(topic)
        description = None
        if "description" in fields:
            description = self.text(fields["description"][1], "description")
        return Guide(
            schema=SCHEMA_VERSION,
            id=self.identifier(fields["id"][1], "guide id"),
            title=self.text(fields["title"][1], "title"),
            language="nb" if language == "no" else language,
            topics=tuple(topics),
            description=description,
            source=self.source,
        )

    def topic(self, node: yaml.Node, seen_ids: dict[str, yaml.Node]) -> Topic:
        fields = self.mapping(node, "a topic")
        self.check_keys(
            node, fields, {"id", "title", "questions"}, {"purpose", "minutes"}, "a topic"
        )
        topic_id = self.identifier(fields["id"][1], "topic id")
        self.unique(topic_id, fields["id"][1], seen_ids)
        what = f"topic '{topic_id}'"
        questions = tuple(
            self.question(q, seen_ids, what)
            for q in self.sequence(fields["questions"][1], f"questions of {what}")
        )
        return Topic(
            id=topic_id,
            title=self.text(fields["title"][1], f"title of {what}"),
            purpose=self.text(fields["purpose"][1], f"purpose of {what}")
            if "purpose" in fields
            else "",
            minutes=self.number(fields["minutes"][1], f"minutes of {what}")
            if "minutes" in fields
            else 10.0,
            questions=questions,
        )

    def question(self, node: yaml.Node, seen_ids: dict[str, yaml.Node], where: str) -> Question:
        fields = self.mapping(node, f"a question in {where}")
        self.check_keys(
            node,
            fields,
            {"id", "text"},
            {"presisering", "probes", "core"},
            f"a question in {where}",
        )
        qid = self.identifier(fields["id"][1], "question id")
        self.unique(qid, fields["id"][1], seen_ids)
        what = f"question '{qid}'"
        probes: tuple[str, ...] = ()
        if "probes" in fields:
            probes = tuple(
                self.text(p, f"a probe of {what}")
                for p in self.sequence(fields["probes"][1], f"probes of {what}")
            )
        return Question(
            id=qid,
            text=self.text(fields["text"][1], f"text of {what}"),
            presisering=(
                self.text(fields["presisering"][1], f"presisering of {what}")
                if "presisering" in fields
                else None
            ),
            probes=probes,
            core=self.flag(fields["core"][1], f"core of {what}") if "core" in fields else False,
        )

    def unique(self, ident: str, node: yaml.Node, seen: dict[str, yaml.Node]) -> None:
        if ident in seen:
            first = seen[ident].start_mark.line + 1
            raise self.fail(node, f"id '{ident}' is used twice (first on line {first})")
        seen[ident] = node
