"""Optional language-model backend for two generative extras: an informant and rewrites.

Why optional and behind one interface: everything intervju decides (question
flags, follow-up suggestions, guide tracking) is rule- or embedding-based and
runs offline. A chat model only makes two things *richer* — a practice
informant that answers in its own words, and an alternative wording for a
flagged question — so it is never required, and nothing here runs unless the
user configured ``llm.provider`` ("ollama" or "openai") in the settings.

The interface is LangChain's :class:`BaseChatModel`: Ollama and every
OpenAI-compatible server (llama.cpp ``llama-server``, vLLM, LM Studio) plug in
through ``langchain-ollama`` / ``langchain-openai`` (the ``llm`` extra), and
tests use LangChain's fake chat models (see :class:`RecordingChatModel`).

Privacy: interview talk is personal data. A model on this machine or the local
network is used as configured; anything else — the OpenAI cloud (provider
"openai" with no ``base_url``) or any other remote host — sends text off the
machine and therefore needs an explicit opt-in (``INTERVJU_ALLOW_CLOUD=1``).
API keys come only from the environment (``OPENAI_API_KEY``), never from the
settings file.

The model's output is never trusted blindly: the informant's answer is cut to
the length its question type calls for, a failed call falls back to the
rule-based :class:`~intervju.practice.SimulatedInformant`, and a generated
rewrite is only returned if the rule-based analyser agrees it is open and
neutral.
"""

from __future__ import annotations

import importlib
import ipaddress
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlparse

from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from pydantic import Field

from .analysis import Analysis, analyse
from .errors import ConfigError
from .lang import LANGUAGES
from .personas import lang_code, practice_lang
from .practice import (
    Persona,
    PracticeFeedback,
    PracticeReply,
    ReplyKind,
    SimulatedInformant,
    offers_choice,
    summarise_practice,
)
from .settings import LLMSettings

ENV_ALLOW_CLOUD = "INTERVJU_ALLOW_CLOUD"
ENV_OPENAI_KEY = "OPENAI_API_KEY"
OPENAI_CLOUD_URL = "https://api.openai.com/v1"
OLLAMA_DEFAULT_URL = "http://localhost:11434"
INSTALL_HINT = "install the llm extra: pip install -e '.[llm]'"

# Generous: a CPU-only local model can need a minute for a 150-word story, but a
# dead server must not hang a practice session for ever.
REQUEST_TIMEOUT_S = 120.0
# After this many failed calls in a row the informant stops trying the model for
# the rest of the session (each try could cost a full timeout).
MAX_FAILURES = 2
# Exchanges (question + answer) of history sent with each call: enough for the
# informant to stay consistent, small enough for a local model's context.
HISTORY_EXCHANGES = 8


# ---------------------------------------------------------------------------
# Building the configured chat model


@dataclass(frozen=True)
class LLMTarget:
    """Where a configured model's requests go, for the settings page and error messages."""

    provider: str
    model: str
    url: str
    remote: bool  # True when text leaves this machine and its local network


def _local_host(host: str) -> bool:
    host = host.strip("[]").lower().rstrip(".")
    if not host:
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        # Names: localhost, mDNS/home/intranet suffixes and single-label intranet names.
        return (
            host == "localhost"
            or host.endswith((".localhost", ".local", ".lan", ".home.arpa", ".internal"))
            or "." not in host
        )
    return address.is_loopback or address.is_private or address.is_link_local


def llm_target(settings: LLMSettings) -> LLMTarget | None:
    """Where requests would go (None for provider "none"); pure, builds nothing."""
    if settings.provider == "none":
        return None
    model = (settings.model or "").strip()
    default = OLLAMA_DEFAULT_URL if settings.provider == "ollama" else OPENAI_CLOUD_URL
    url = (settings.base_url or "").strip() or default
    host = urlparse(url if "://" in url else f"http://{url}").hostname or ""
    return LLMTarget(provider=settings.provider, model=model, url=url, remote=not _local_host(host))


def cloud_allowed(settings: LLMSettings, allow_cloud: bool | None = None) -> bool:
    """The explicit opt-in for remote models: argument, settings flag, or environment."""
    if allow_cloud is not None:
        return allow_cloud
    # ``allow_cloud`` is read defensively so an LLMSettings field can be added later.
    if bool(getattr(settings, "allow_cloud", False)):
        return True
    return os.environ.get(ENV_ALLOW_CLOUD, "").strip().lower() in {"1", "true", "yes"}


def _import(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ConfigError(f"{module} is not installed; {INSTALL_HINT}", where="llm") from None


def get_chat_model(
    settings: LLMSettings, *, allow_cloud: bool | None = None, temperature: float = 0.7
) -> BaseChatModel | None:
    """The configured chat model, or None when ``provider`` is "none".

    Builds the client only (no request is made). Raises :class:`ConfigError`
    when the extra is missing, no model is named, or the model is remote
    (cloud) without the explicit opt-in ``INTERVJU_ALLOW_CLOUD=1``.
    """
    target = llm_target(settings)
    if target is None:
        return None
    where = f"llm.{target.provider}"
    if not target.model:
        raise ConfigError("name a model in the settings (llm.model)", where=where)
    if target.remote and not cloud_allowed(settings, allow_cloud):
        raise ConfigError(
            f"{target.url} is outside this machine and network, so interview text would be "
            f"sent there; set {ENV_ALLOW_CLOUD}=1 to allow it, or use a local server (base_url)",
            where=where,
        )
    if target.provider == "ollama":
        module = _import("langchain_ollama")
        model: BaseChatModel = module.ChatOllama(
            model=target.model,
            base_url=target.url,
            temperature=temperature,
            client_kwargs={"timeout": REQUEST_TIMEOUT_S},
        )
        return model
    # Settings are checked before the client package is imported: a wrong setting gets
    # its own message whether or not the extra is installed.
    key = os.environ.get(ENV_OPENAI_KEY, "").strip()
    if not key:
        if target.remote:
            raise ConfigError(f"set {ENV_OPENAI_KEY} in the environment", where=where)
        key = "not-needed"  # local OpenAI-compatible servers ignore it; the client wants one
    module = _import("langchain_openai")
    model = module.ChatOpenAI(
        model=target.model,
        base_url=target.url,
        api_key=key,
        temperature=temperature,
        timeout=REQUEST_TIMEOUT_S,
        max_retries=1,
    )
    return model


def describe(settings: LLMSettings) -> str:
    """One line for the UI/CLI: which model answers, and where it runs."""
    target = llm_target(settings)
    if target is None:
        return "none"
    where = "remote" if target.remote else "local"
    return f"{target.provider}: {target.model or '?'} @ {target.url} ({where})"


# ---------------------------------------------------------------------------
# A fake for tests and demos


class RecordingChatModel(FakeListChatModel):
    """A fake chat model that cycles through ``responses`` and records every prompt.

    ``calls`` holds the message list of each invocation, so tests can check what
    the model was asked without any network.
    """

    calls: list[list[BaseMessage]] = Field(default_factory=list)

    def _call(self, *args: Any, **kwargs: Any) -> str:
        messages = kwargs.get("messages", args[0] if args else [])
        self.calls.append(list(messages))
        return super()._call(*args, **kwargs)


# ---------------------------------------------------------------------------
# The language-model informant


def expected_kind(question: str, verdict: Analysis, *, has_context: bool) -> ReplyKind:
    """How the informant should answer, from the analyser's verdict alone (pure).

    The same order of precedence as the rule-based informant: a leading question
    gets agreement even when it is also closed; a closed one with alternatives
    gets a choice.
    """
    if verdict.form == "not_question":
        return "more" if has_context else "unclear"
    if verdict.leading:
        return "agree"
    if verdict.form == "closed":
        return "choice" if offers_choice(verdict) else "short"
    if verdict.double:
        return "partial"
    if verdict.why:
        return "why"
    return "story"


def _style(lang: str) -> dict[ReplyKind, str]:
    styles = practice_lang(lang_code(lang)).llm["style"]
    return {kind: " ".join(str(text).split()) for kind, text in styles.items()}


# The style instruction per reply kind and language, from ``data/lang/<lang>/practice.yaml``.
STYLE: dict[str, dict[ReplyKind, str]] = {lang: _style(lang) for lang in LANGUAGES}

# Most sentences (and words) an answer of each kind may keep: the model is asked
# politely, and this makes sure a chatty model still shows the difference.
_MAX_SENTENCES: dict[ReplyKind, int] = {
    "short": 1,
    "choice": 1,
    "unclear": 1,
    "agree": 2,
    "partial": 3,
    "why": 3,
    "more": 4,
    "deeper": 5,
    "nothing": 2,
    "story": 12,
}
_MAX_STORY_WORDS = 170


def persona_prompt(persona: Persona, kind: ReplyKind, material: str | None = None) -> str:
    """The system prompt: who the informant is, its fixed facts, what it lived through,
    what it has to tell about this question (the rule-based informant's choice), how to
    answer now. Wordings are language data (``data/lang/<lang>/practice.yaml``)."""
    lang = lang_code(persona.language)
    prompts = practice_lang(lang).llm
    facts = "\n".join(f"- {key}: {value}" for key, value in persona.facts)
    episodes = "\n".join(
        f"- {' '.join((e.text, *(d.text for d in e.details)))}" for e in persona.episodes
    )
    focus = str(prompts["focus"]).format(material=material) if material else ""
    return str(prompts["persona"]).format(
        name=persona.name,
        role=persona.role,
        facts=facts,
        episodes=episodes,
        focus=focus,
        style=STYLE[lang][kind],
    )


def _message_text(message: BaseMessage) -> str:
    content = message.content
    if isinstance(content, str):
        return content
    parts: list[str] = []
    for block in content:
        if isinstance(block, str):
            parts.append(block)
        elif isinstance(block, dict) and block.get("type") == "text":
            parts.append(str(block.get("text", "")))
    return "".join(parts)


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_QUOTES = "\"'«»“”‘’"


def clean_answer(text: str, kind: ReplyKind, speaker: str = "") -> str:
    """Trim a model's answer to plain speech of the length its kind allows."""
    text = " ".join(text.split()).strip(_QUOTES + " ")
    if speaker and text.lower().startswith(speaker.lower() + ":"):
        text = text[len(speaker) + 1 :].strip(_QUOTES + " ")
    sentences = [s for s in _SENTENCE_END.split(text) if s]
    kept = sentences[: _MAX_SENTENCES[kind]]
    if kind == "story":
        words = 0
        trimmed: list[str] = []
        for sentence in kept:
            words += len(sentence.split())
            if trimmed and words > _MAX_STORY_WORDS:
                break
            trimmed.append(sentence)
        kept = trimmed
    return " ".join(kept).strip()


@dataclass
class LLMInformant:
    """A practice informant whose words come from a chat model.

    Same contract as :class:`~intervju.practice.SimulatedInformant`
    (``reply``, ``history``, ``feedback``, ``persona``). The rule-based informant
    runs alongside and decides *how* to answer (the style instruction, from the
    analyser's verdict) and *what about* (the episode and detail it would tell,
    given to the model as the material for this answer), so a model answer is as
    on-topic and as deep on a follow-up as the rules; the model decides the words.
    If the model fails (server down, timeout, empty answer) the rule-based answer
    is used, marked with a ``fallback`` note; after ``max_failures`` failures in a
    row the model is not tried again this session.
    """

    persona: Persona
    model: BaseChatModel
    embeddings: Embeddings  # for the rule-based informant that plans each answer
    seed: int = 0
    max_failures: int = MAX_FAILURES
    history: list[PracticeReply] = field(default_factory=list, init=False)
    failures: int = field(default=0, init=False)
    _rules: SimulatedInformant = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._rules = SimulatedInformant(self.persona, self.embeddings, seed=self.seed)

    @property
    def model_disabled(self) -> bool:
        return self.failures >= self.max_failures

    def messages(
        self, question: str, kind: ReplyKind, material: str | None = None
    ) -> list[BaseMessage]:
        """The prompt for one question: persona + style, recent history, the question."""
        system = persona_prompt(self.persona, kind, material)
        prompt: list[BaseMessage] = [SystemMessage(content=system)]
        for past in self.history[-HISTORY_EXCHANGES:]:
            prompt.append(HumanMessage(content=past.question))
            prompt.append(AIMessage(content=past.text))
        prompt.append(HumanMessage(content=question))
        return prompt

    def reply(self, question: str) -> PracticeReply:
        planned = self._rules.reply(question)
        if self.model_disabled:
            return self._fall_back(planned, "the language model failed repeatedly; rule-based")
        material = planned.text if planned.kind in _GROUNDED else None
        try:
            answer = self.model.invoke(self.messages(question, planned.kind, material))
            text = clean_answer(_message_text(answer), planned.kind, self.persona.name)
        except Exception as exc:  # any backend failure: practice goes on, rule-based
            self.failures += 1
            reason = f"{type(exc).__name__}: {exc}".strip()[:200]
            return self._fall_back(planned, f"language model unavailable ({reason})")
        if not text:
            self.failures += 1
            return self._fall_back(planned, "the language model gave an empty answer")
        self.failures = 0
        result = replace(planned, text=text, source="llm")
        self.history.append(result)
        return result

    def _fall_back(self, planned: PracticeReply, note: str) -> PracticeReply:
        result = replace(planned, source="rules", fallback=note)
        self.history.append(result)
        return result

    def feedback(self) -> PracticeFeedback:
        return summarise_practice(self.history)


# Kinds whose rule-based text is the material the model should put in its own words.
_GROUNDED: frozenset[str] = frozenset({"story", "deeper", "more", "partial", "why"})


# ---------------------------------------------------------------------------
# Rewrites checked by the analyser


def _label_pattern(lang: str) -> re.Pattern[str]:
    labels = practice_lang(lang_code(lang)).llm.get("rewrite_labels") or []
    alternatives = "|".join(re.escape(str(label)) for label in labels) or r"(?!)"
    return re.compile(rf"^({alternatives})\s*:\s*", re.IGNORECASE)


_MAX_REWRITE_WORDS = 40


def _first_question(text: str, lang: str) -> str:
    label = _label_pattern(lang)
    for line in text.splitlines():
        line = line.strip().lstrip("-*0123456789. ").strip()
        line = label.sub("", line).strip(_QUOTES + " ")
        if line:
            return line
    return ""


def generate_rewrite(model: BaseChatModel, question: str, analysis: Analysis) -> str | None:
    """An open, neutral rewrite of ``question`` from the model, or None.

    The candidate is checked with the rule-based analyser in the question's
    language: it must be an open question with no problem at all (not closed,
    leading, double or a why-question). Anything else — including a failed
    model call — returns None, and the caller keeps the rule-based rewrite.
    """
    lang = analysis.language
    prompts = practice_lang(lang).llm
    problem = ""
    if analysis.explanation:
        problem = str(prompts["rewrite_problem"]).format(explanation=analysis.explanation)
    prompt: Sequence[BaseMessage] = [
        SystemMessage(content=" ".join(str(prompts["rewrite"]).split()).format(problem=problem)),
        HumanMessage(content=question),
    ]
    try:
        answer = model.invoke(list(prompt))
    except Exception:  # optional extra: the rule-based rewrite stands
        return None
    candidate = _first_question(_message_text(answer), lang)
    if not candidate or len(candidate.split()) > _MAX_REWRITE_WORDS:
        return None
    if " ".join(candidate.lower().split()) == " ".join(question.lower().split()):
        return None
    check = analyse(candidate, language=lang)
    if check.form != "open" or check.problems or len(check.questions) != 1:
        return None
    return candidate
