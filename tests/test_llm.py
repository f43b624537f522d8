"""The optional LLM backend: configuration guards, the LLM informant, checked rewrites.

Only fake chat models are used: nothing here opens a network connection.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

from intervju.analysis import analyse
from intervju.errors import ConfigError
from intervju.fakes import HashingEmbeddings
from intervju.llm import (
    ENV_ALLOW_CLOUD,
    STYLE,
    LLMInformant,
    RecordingChatModel,
    clean_answer,
    expected_kind,
    generate_rewrite,
    get_chat_model,
    llm_target,
)
from intervju.practice import PracticeReply, load_persona
from intervju.settings import LLMSettings

STORY = (
    "Jeg husker det første videomøtet godt. Brukeren satt på kjøkkenet med ungene rundt seg, "
    "og lyden falt ut hele tiden. Jeg prøvde å holde tråden, men det ble mye gjentakelse. "
    "Etterpå ringte jeg henne opp igjen på telefon, og da kom det faktisk mer fram."
)


class FailingChatModel(GenericFakeChatModel):
    """A chat model whose server is down."""

    def _generate(self, *args: Any, **kwargs: Any) -> Any:
        raise ConnectionRefusedError("[Errno 111] Connection refused")


@pytest.fixture(autouse=True)
def _no_cloud_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_ALLOW_CLOUD, raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)


def informant(
    responses: list[str], language: str = "nb"
) -> tuple[LLMInformant, RecordingChatModel]:
    model = RecordingChatModel(responses=responses)
    persona = load_persona("nav-veileder" if language == "nb" else "remote-worker")
    return LLMInformant(persona, model, HashingEmbeddings(), seed=1), model


# -- configuration -------------------------------------------------------------


def test_provider_none_gives_no_model() -> None:
    assert get_chat_model(LLMSettings()) is None
    assert llm_target(LLMSettings()) is None


def test_missing_package_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes any import of that name raise ImportError
    for name in ("langchain_ollama", "langchain_openai"):
        monkeypatch.setitem(sys.modules, name, None)
    for provider in ("ollama", "openai"):
        settings = LLMSettings(provider=provider, model="m", base_url="http://localhost:1/v1")  # type: ignore[arg-type]
        with pytest.raises(ConfigError, match=r"pip install -e '\.\[llm\]'"):
            get_chat_model(settings)


def test_cloud_needs_explicit_opt_in(monkeypatch: pytest.MonkeyPatch) -> None:
    cloud = LLMSettings(provider="openai", model="gpt-4o-mini")
    target = llm_target(cloud)
    assert target is not None and target.remote and "api.openai.com" in target.url
    with pytest.raises(ConfigError, match=ENV_ALLOW_CLOUD):
        get_chat_model(cloud)
    # any other remote host is the same data transfer
    with pytest.raises(ConfigError, match=ENV_ALLOW_CLOUD):
        get_chat_model(
            LLMSettings(provider="ollama", model="m", base_url="https://llm.example.com")
        )
    # opting in is not enough without a key from the environment
    monkeypatch.setenv(ENV_ALLOW_CLOUD, "1")
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        get_chat_model(cloud)


@pytest.mark.parametrize(
    ("url", "remote"),
    [
        ("http://localhost:8080/v1", False),
        ("http://127.0.0.1:11434", False),
        ("http://192.168.1.20:8000/v1", False),
        ("http://[::1]:8000/v1", False),
        ("http://gpu-server:8000/v1", False),
        ("http://box.local:8000", False),
        ("https://api.openai.com/v1", True),
        ("https://api.groq.com/openai/v1", True),
        ("http://8.8.8.8/v1", True),
    ],
)
def test_local_or_remote(url: str, remote: bool) -> None:
    target = llm_target(LLMSettings(provider="openai", model="m", base_url=url))
    assert target is not None and target.remote is remote


def test_missing_model_name_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"llm\.model"):
        get_chat_model(LLMSettings(provider="ollama"))


def test_local_models_are_built_without_a_request() -> None:
    pytest.importorskip("langchain_ollama")
    pytest.importorskip("langchain_openai")
    ollama = get_chat_model(LLMSettings(provider="ollama", model="llama3.1"))
    local = get_chat_model(
        LLMSettings(provider="openai", model="qwen", base_url="http://127.0.0.1:8080/v1")
    )
    assert type(ollama).__name__ == "ChatOllama"
    assert type(local).__name__ == "ChatOpenAI"
    assert str(getattr(local, "openai_api_base", "")) == "http://127.0.0.1:8080/v1"


# -- the LLM informant -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Har du hatt mange videomøter?", "short"),
        ("Du synes vel at video er slitsomt, ikke sant?", "agree"),
        ("Var det bedre på kontoret eller hjemme?", "choice"),
        ("Kan du fortelle om det første videomøtet ditt?", "story"),
        ("Hvordan var det første videomøtet, og hva lærte du av det?", "partial"),
        ("Hvorfor bruker du video?", "why"),
    ],
)
def test_style_instruction_follows_the_verdict(question: str, kind: str) -> None:
    agent, model = informant([STORY])
    reply = agent.reply(question)
    assert reply.kind == kind and reply.source == "llm" and reply.fallback is None
    (prompt,) = model.calls
    assert isinstance(prompt[0], SystemMessage)
    system = str(prompt[0].content)
    assert STYLE["nb"][reply.kind] in system
    # only this verdict's instruction, not the others'
    assert all(STYLE["nb"][other] not in system for other in STYLE["nb"] if other != kind)
    assert agent.persona.name in system
    assert agent.persona.episodes[0].text in system
    assert dict(agent.persona.facts)["office"] in system  # the fixed facts are in the prompt
    assert isinstance(prompt[-1], HumanMessage) and prompt[-1].content == question


def test_english_persona_gets_an_english_prompt() -> None:
    agent, model = informant(["Yes."], language="en")
    reply = agent.reply("Do you like working from home?")
    assert reply.kind == "short"
    assert STYLE["en"]["short"] in str(model.calls[0][0].content)


def test_answers_are_cut_to_their_kind() -> None:
    chatty = "Ja, det har jeg. Jeg hadde mange. Det var travelt. Særlig om høsten."
    agent, _ = informant([chatty])
    assert agent.reply("Har du hatt mange videomøter?").text == "Ja, det har jeg."
    long_story = " ".join([STORY] * 4)
    agent, _ = informant([long_story])
    story = agent.reply("Kan du fortelle om det første videomøtet ditt?").text
    assert 40 < len(story.split()) <= 170
    assert clean_answer("Rita: «Nei.»", "short", "Rita") == "Nei."


def test_history_is_kept_in_the_prompt() -> None:
    agent, model = informant([STORY, "Ja, det var det."])
    agent.reply("Kan du fortelle om det første videomøtet ditt?")
    agent.reply("Mm.")
    second = model.calls[1]
    assert [type(m) for m in second] == [SystemMessage, HumanMessage, AIMessage, HumanMessage]
    assert second[1].content == "Kan du fortelle om det første videomøtet ditt?"
    assert second[2].content == STORY
    assert STYLE["nb"]["more"] in str(second[0].content)
    assert [r.kind for r in agent.history] == ["story", "more"]
    feedback = agent.feedback()
    assert feedback.questions == 1 and feedback.open == 1


def test_a_failing_model_falls_back_to_the_rules() -> None:
    persona = load_persona("nav-veileder")
    agent = LLMInformant(persona, FailingChatModel(messages=iter([])), HashingEmbeddings())
    reply = agent.reply("Har du hatt mange videomøter?")
    assert reply.source == "rules" and reply.kind == "short"
    assert reply.fallback is not None and "Connection refused" in reply.fallback
    assert reply.text in persona.line("short_yes") + persona.line("short_no")
    agent.reply("Kan du fortelle om det første videomøtet ditt?")
    assert agent.model_disabled
    third = agent.reply("Hvorfor bruker du video?")
    assert third.kind == "why" and third.fallback and "repeatedly" in third.fallback
    assert len(agent.history) == 3


def test_an_empty_answer_falls_back() -> None:
    agent, _ = informant(["   "])
    reply = agent.reply("Kan du fortelle om det første videomøtet ditt?")
    assert reply.source == "rules" and reply.kind == "story" and reply.fallback
    assert reply.text


def test_practice_reply_stays_backward_compatible() -> None:
    question = "Var det vanskelig?"
    reply = PracticeReply(question, analyse(question), "short", "Ja.")
    assert reply.source == "rules" and reply.fallback is None


def test_the_model_is_given_the_material_the_rules_chose() -> None:
    agent, model = informant([STORY, STORY])
    first = agent.reply("Hvordan går du fram når du gir et avslag på video?")
    probe = agent.reply("Kan du gi et eksempel?")
    assert (first.episode, probe.episode) == ("avslag", "avslag")
    assert probe.kind == "deeper" and probe.detail is not None
    detail = agent.persona.episode("avslag").details[probe.detail].text
    assert detail in str(model.calls[1][0].content)
    assert STYLE["nb"]["deeper"] in str(model.calls[1][0].content)


def test_expected_kind_without_context_is_unclear() -> None:
    assert expected_kind("Mm.", analyse("Mm."), has_context=False) == "unclear"
    assert expected_kind("Mm.", analyse("Mm."), has_context=True) == "more"


# -- rewrites ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "output",
    [
        "Var det vanskelig å jobbe hjemme?",  # closed
        "Synes du ikke at det var vanskelig å jobbe hjemme?",  # leading
        "Hvordan var det, og hva gjorde du etterpå?",  # double
        "Hvorfor var det vanskelig?",  # why
        "",
    ],
)
def test_generate_rewrite_rejects_what_the_analyser_flags(output: str) -> None:
    question = "Var det vanskelig å jobbe hjemme?"
    model = RecordingChatModel(responses=[output])
    assert generate_rewrite(model, question, analyse(question)) is None


def test_generate_rewrite_accepts_an_open_neutral_question() -> None:
    question = "Var det vanskelig å jobbe hjemme?"
    model = RecordingChatModel(responses=["Omskrevet: «Hvordan opplevde du å jobbe hjemme?»"])
    assert generate_rewrite(model, question, analyse(question)) == (
        "Hvordan opplevde du å jobbe hjemme?"
    )
    system = str(model.calls[0][0].content)
    assert "åpent, nøytralt" in system and model.calls[0][1].content == question


def test_generate_rewrite_survives_a_failing_model() -> None:
    question = "Did you like it?"
    assert (
        generate_rewrite(FailingChatModel(messages=iter([])), question, analyse(question)) is None
    )


# -- CLI --------------------------------------------------------------------------


def test_cli_llm_without_configuration_exits_2(tmp_path: Any) -> None:
    env = {"INTERVJU_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "intervju", "practice", "--llm", "--jsonl"],
        input='{"id": 1, "text": "Var det vanskelig?"}\n',
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2
    assert "llm" in done.stderr and "Innstillinger" in done.stderr


# -- UI wiring (Streamlit AppTest, fake models only) -------------------------------

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def app_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    pytest.importorskip("streamlit")
    import streamlit as st

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    folder = tmp_path / "data"
    monkeypatch.setenv("INTERVJU_DATA_DIR", str(folder))
    monkeypatch.setenv("INTERVJU_EMBEDDINGS", "hashing")
    monkeypatch.setenv("INTERVJU_CACHE_DIR", str(tmp_path / "cache"))
    st.cache_resource.clear()
    yield folder
    st.cache_resource.clear()


def _page(url_path: str, at: Any = None) -> Any:
    from streamlit.testing.v1 import AppTest

    at = at or AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    for page_hash, info in at._registered_pages.items():
        if info.get("url_pathname") == url_path:
            at._page_hash = page_hash
            return at.run()
    raise AssertionError(f"no page {url_path}")


def test_settings_page_saves_the_llm_with_a_cloud_warning(app_dir: Path) -> None:
    at = _page("innstillinger")
    assert not at.exception
    at.radio(key="set_llm_provider").set_value("openai").run()
    at.text_input(key="set_llm_model").set_value("gpt-4o-mini").run()
    assert any(ENV_ALLOW_CLOUD in w.value and "api.openai.com" in w.value for w in at.warning)
    at.button[0].click().run()
    assert not at.exception and not at.error
    saved = json.loads((app_dir / "settings.json").read_text(encoding="utf-8"))
    assert saved["llm"] == {"provider": "openai", "model": "gpt-4o-mini", "base_url": None}
    assert any("kan ikke brukes" in w.value for w in at.warning)  # no opt-in: told at once
    # a local server: no cloud warning
    at.text_input(key="set_llm_url").set_value("http://localhost:8080/v1").run()
    assert not any(ENV_ALLOW_CLOUD in w.value for w in at.warning)


def test_practice_page_says_which_informant_answers(app_dir: Path) -> None:
    at = _page("ovelse")
    assert not at.exception
    assert any("Regelbasert informant" in c.value for c in at.caption)

    app_dir.mkdir(parents=True, exist_ok=True)
    local = LLMSettings(provider="ollama", model="fake-model")
    (app_dir / "settings.json").write_text(
        json.dumps({"version": 1, "llm": local.to_dict()}), encoding="utf-8"
    )
    from intervju.settings import load_settings
    from ui.practice_page import informant_key

    agent, model = informant([STORY])
    at = _page("ovelse")
    at.session_state[informant_key("nav-veileder", load_settings())] = agent
    at.run()
    assert any("fake-model" in c.value for c in at.caption)
    at.chat_input(key="practice_line").set_value("Kan du fortelle om det første møtet?").run()
    assert not at.exception and not at.error
    answers = [m for m in at.chat_message if m.name == "assistant"]
    assert answers and answers[-1].markdown[0].value.startswith("Jeg husker")
    assert len(model.calls) == 1
