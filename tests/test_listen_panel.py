"""The «Lytt» control on the live page (AppTest): it starts a listener process for the
session, follows its file, and shows the listener's own one-line error."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from intervju.storage import SessionStore

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from intervju.listen.process import read_status, session_paths  # noqa: E402

APP = str(ROOT / "app.py")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "data"
    monkeypatch.setenv("INTERVJU_DATA_DIR", str(folder))
    monkeypatch.setenv("INTERVJU_EMBEDDINGS", "hashing")
    monkeypatch.setenv("INTERVJU_CACHE_DIR", str(tmp_path / "cache"))
    st.cache_resource.clear()
    yield folder
    st.cache_resource.clear()


def test_lytt_starts_a_listener_that_reports_its_error(data_dir: Path, tmp_path: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.button[0].click().run()  # "Start økten"
    assert not at.exception
    at.selectbox(key="listen_model").set_value("own").run()
    at.text_input(key="listen_model_path").set_value(str(tmp_path / "no-such-model")).run()
    at.button(key="listen_start").click().run()
    vtt, status = session_paths(data_dir, 1)
    with SessionStore(data_dir / "sessions.sqlite3") as store:  # the session follows its file
        assert store.get_session(1).follow_path == str(vtt)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        current = read_status(status)
        if current is not None and current.state == "error":
            break
        time.sleep(0.2)
    assert current is not None and current.state == "error" and current.error
    at.run()
    shown = [e.value for e in at.error]
    assert any(("model folder not found" in e) or ("extra is not installed" in e) for e in shown)
