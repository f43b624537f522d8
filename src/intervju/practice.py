"""Practice interviews against a simulated informant.

The point is to *feel* the difference between question types before
fieldwork: a closed question gets a short answer, a leading one gets polite
agreement, a double question gets only its last part answered, and an open,
neutral question gets a rich story. Stories are written per persona in
``guide/practice/*.yaml`` and picked by meaning (sentence embeddings), so the
informant answers what was asked. Everything is deterministic for a given
seed, which keeps practice sessions and tests reproducible.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import yaml
from langchain_core.embeddings import Embeddings

from .analysis import Analysis, analyse
from .errors import GuideError

PERSONA_DIR = Path(__file__).resolve().parent / "data" / "guide" / "practice"

ReplyKind = Literal["story", "more", "short", "agree", "choice", "partial", "why", "unclear"]
ReplySource = Literal["rules", "llm"]


@dataclass(frozen=True)
class Story:
    topic: int
    text: str
    more: str


@dataclass(frozen=True)
class Persona:
    id: str
    language: str
    name: str
    role: str
    short_yes: tuple[str, ...]
    short_no: tuple[str, ...]
    agree: tuple[str, ...]
    choose: tuple[str, ...]
    double: tuple[str, ...]
    why: tuple[str, ...]
    unclear: tuple[str, ...]
    stories: tuple[Story, ...]


@dataclass(frozen=True)
class PracticeReply:
    """What the simulated informant said, and why it answered that way."""

    question: str
    analysis: Analysis
    kind: ReplyKind
    text: str
    # Who wrote the answer: the rule-based informant or a configured language model
    # (``intervju.llm.LLMInformant``). Optional so older callers keep working.
    source: ReplySource = "rules"
    # Why a language-model informant answered with the rule-based reply instead
    # (connection refused, timeout, empty answer); None when it did not fall back.
    fallback: str | None = None


@dataclass(frozen=True)
class PracticeFeedback:
    """Summary after a practice interview: how the questions shaped the answers."""

    questions: int
    open: int
    closed: int
    leading: int
    double: int
    why: int
    mean_answer_words_open: float
    mean_answer_words_other: float
    rewrites: tuple[tuple[str, str], ...]  # (question asked, open alternative)

    @property
    def open_share(self) -> float:
        return self.open / self.questions if self.questions else 0.0


def bundled_personas() -> dict[str, Path]:
    if not PERSONA_DIR.is_dir():
        return {}
    return {path.name.split(".")[0]: path for path in sorted(PERSONA_DIR.glob("*.yaml"))}


def load_persona(name_or_path: str | Path) -> Persona:
    """Load a persona by bundled name (``nav-veileder``) or file path."""
    path = bundled_personas().get(str(name_or_path)) or Path(name_or_path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GuideError(f"cannot read persona ({exc.strerror})", where=str(path)) from None
    except yaml.YAMLError as exc:
        raise GuideError(f"invalid YAML ({exc})", where=str(path)) from None
    if not isinstance(raw, dict):
        raise GuideError("a persona must be a mapping", where=str(path))
    try:
        stories = tuple(
            Story(topic=int(s["topic"]), text=" ".join(str(s["text"]).split()), more=str(s["more"]))
            for s in raw["stories"]
        )
        lists = {
            key: tuple(str(item) for item in raw[key])
            for key in ("short_yes", "short_no", "agree", "choose", "double", "why", "unclear")
        }
        persona = Persona(
            id=str(raw["id"]),
            language=str(raw["language"]),
            name=str(raw["name"]),
            role=str(raw["role"]),
            stories=stories,
            **lists,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise GuideError(
            f"persona is missing or has a bad field ({exc})", where=str(path)
        ) from None
    if not persona.stories or not all(lists.values()):
        raise GuideError("a persona needs stories and every answer list", where=str(path))
    return persona


_NEGATIVE_LEAN = re.compile(r"\b(ikke|aldri|never|not|n't)\b", re.IGNORECASE)


@dataclass
class SimulatedInformant:
    """A rule-driven informant whose answers depend on how it is asked.

    State (which stories were told, the last story) lives here; the decision
    about the question is the analyser's pure verdict.
    """

    persona: Persona
    embeddings: Embeddings
    seed: int = 0
    _told: set[int] = field(default_factory=set, init=False)
    _last_story: int | None = field(default=None, init=False)
    _vectors: np.ndarray = field(init=False, repr=False)
    _rng: random.Random = field(init=False, repr=False)
    history: list[PracticeReply] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        texts = [story.text for story in self.persona.stories]
        self._vectors = np.asarray(self.embeddings.embed_documents(texts), dtype=np.float32)
        self._rng = random.Random(self.seed)

    def reply(self, question: str) -> PracticeReply:
        verdict = analyse(question)
        kind, text = self._answer(question, verdict)
        result = PracticeReply(question=question, analysis=verdict, kind=kind, text=text)
        self.history.append(result)
        return result

    def _pick(self, options: tuple[str, ...]) -> str:
        return options[self._rng.randrange(len(options))]

    def _best_story(self, question: str) -> int:
        query = np.asarray(self.embeddings.embed_query(question), dtype=np.float32)
        scores = self._vectors @ query
        for position in np.argsort(-scores):
            if int(position) not in self._told:
                return int(position)
        return int(np.argmax(scores))

    def _answer(self, question: str, verdict: Analysis) -> tuple[ReplyKind, str]:
        if verdict.form == "not_question":
            if self._last_story is not None:
                return "more", self.persona.stories[self._last_story].more
            return "unclear", self._pick(self.persona.unclear)
        if verdict.leading:
            return "agree", self._pick(self.persona.agree)
        if verdict.form == "closed":
            if " eller " in f" {question.lower()} " or " or " in f" {question.lower()} ":
                return "choice", self._pick(self.persona.choose)
            pool = (
                self.persona.short_no if _NEGATIVE_LEAN.search(question) else self.persona.short_yes
            )
            return "short", self._pick(pool)
        story = self._best_story(verdict.questions[-1] if verdict.questions else question)
        self._told.add(story)
        self._last_story = story
        text = self.persona.stories[story].text
        if verdict.double:
            first_sentence = text.split(". ")[0].rstrip(".") + "."
            return "partial", f"{self._pick(self.persona.double)} {first_sentence}"
        if verdict.why:
            first_sentence = text.split(". ")[0].rstrip(".") + "."
            return "why", f"{self._pick(self.persona.why)} {first_sentence}"
        return "story", text

    def feedback(self) -> PracticeFeedback:
        return summarise_practice(self.history)


def summarise_practice(replies: list[PracticeReply]) -> PracticeFeedback:
    """Aggregate a practice interview into feedback the researcher can act on."""
    asked = [r for r in replies if r.analysis.form != "not_question"]

    def words(text: str) -> int:
        return len(re.findall(r"\w+", text))

    open_good = [r for r in asked if r.analysis.form == "open" and not r.analysis.leading]
    others = [r for r in asked if r not in open_good]
    rewrites = tuple((r.question, r.analysis.rewrite) for r in asked if r.analysis.rewrite)
    return PracticeFeedback(
        questions=len(asked),
        open=sum(r.analysis.form == "open" for r in asked),
        closed=sum(r.analysis.form == "closed" for r in asked),
        leading=sum(r.analysis.leading for r in asked),
        double=sum(r.analysis.double for r in asked),
        why=sum(r.analysis.why for r in asked),
        mean_answer_words_open=(
            float(np.mean([words(r.text) for r in open_good])) if open_good else 0.0
        ),
        mean_answer_words_other=float(np.mean([words(r.text) for r in others])) if others else 0.0,
        rewrites=rewrites,
    )
