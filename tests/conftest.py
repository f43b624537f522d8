"""Keep every test away from the user's real configuration and data folders."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The remembered data-folder choice lives in the user's config folder; tests get their own.
    monkeypatch.setenv("INTERVJU_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``stress`` tests (many processes, huge hostile files) run only when asked for.

    Run them with ``INTERVJU_STRESS=1 pytest`` or ``pytest -m stress``; the
    default suite stays within a few minutes on two cores.
    """
    import os

    wanted = os.environ.get("INTERVJU_STRESS") == "1" or "stress" in (config.option.markexpr or "")
    if wanted:
        return
    skip = pytest.mark.skip(reason="stress test: set INTERVJU_STRESS=1 or use -m stress")
    for item in items:
        if "stress" in item.keywords:
            item.add_marker(skip)
