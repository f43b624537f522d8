"""Keep every test away from the user's real configuration and data folders."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The remembered data-folder choice lives in the user's config folder; tests get their own.
    monkeypatch.setenv("INTERVJU_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
