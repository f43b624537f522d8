"""Nothing doubled: concurrent pastes and followers of one session store each turn once.

Threads with their own ``SessionStore`` are separate SQLite connections, like
separate processes, and start together behind a barrier; the process tests
run the real CLI (``intervju session paste`` / ``follow``). Before pastes and
polls ran in one write transaction, these failed (see bench/concurrency.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from intervju import follow
from intervju.ingest import FileFollower, ingest_file_poll, ingest_paste
from intervju.storage import SessionStore

BIN = Path(sys.executable).with_name("intervju")
STRESS_TRIALS = int(os.environ.get("INTERVJU_STRESS_TRIALS", "30"))


_WORDS = [
    "kaffe",
    "møte",
    "skjerm",
    "kamera",
    "lyd",
    "pause",
    "bruker",
    "veileder",
    "kontor",
    "hjemme",
    "tillit",
    "avtale",
    "planen",
    "jobb",
    "søknad",
    "kurs",
    "barn",
    "helse",
    "lege",
    "buss",
    "vinter",
    "sommer",
    "telefon",
    "brev",
    "nettet",
    "svar",
    "spørsmål",
    "tanke",
    "følelse",
    "ro",
    "stress",
    "latter",
    "stillhet",
    "mappe",
    "sak",
    "frist",
    "lønn",
]


def _lines(n: int, *, tag: str = "") -> list[str]:
    """Turns that share no content words, so only exact copies look alike."""
    out = []
    for i in range(n):
        who = "Forsker" if i % 2 == 0 else "Kari"
        words = " ".join(_WORDS[(i * 3 + k) % len(_WORDS)] for k in range(3))
        out.append(f"{who}: {i}{tag} {words} {i * 13}.\n")
    return out


def _want(lines: list[str]) -> list[tuple[str, str]]:
    return [(a, b) for a, b in (line.rstrip("\n").split(": ", 1) for line in lines)]


def _stored(db: Path, sid: int) -> list[tuple[str, str]]:
    with SessionStore(db) as store:
        return [(t.speaker, t.text) for t in store.turns(sid)]


def _new_session(db: Path) -> int:
    with SessionStore(db) as store:
        return store.create_session("concurrent").id


def _run_together(count: int, work: object) -> None:
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            barrier.wait()
            work(i)  # type: ignore[operator]
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors


@pytest.mark.parametrize("trial", range(10))
def test_concurrent_pastes_store_each_turn_once(tmp_path: Path, trial: int) -> None:
    db = tmp_path / "s.sqlite3"
    sid = _new_session(db)
    lines = _lines(40, tag=f"-{trial}")
    text = "".join(lines)

    def paste(_: int) -> None:
        with SessionStore(db) as store:
            ingest_paste(store, sid, text)

    _run_together(6, paste)
    assert _stored(db, sid) == _want(lines)


def test_growing_pastes_from_many_tabs_add_each_turn_once(tmp_path: Path) -> None:
    """Tabs paste ever longer copies of the live transcript at the same time."""
    db = tmp_path / "s.sqlite3"
    sid = _new_session(db)
    lines = _lines(30)

    def tab(i: int) -> None:
        with SessionStore(db) as store:
            for end in range(4 + i, len(lines) + 1, 3):  # both names seen twice
                ingest_paste(store, sid, "".join(lines[:end]))
            ingest_paste(store, sid, "".join(lines))

    _run_together(4, tab)
    assert _stored(db, sid) == _want(lines)


def _write_slowly(path: Path, lines: list[str], pause: float) -> None:
    with path.open("a", encoding="utf-8") as handle:
        for line in lines:
            handle.write(line)
            handle.flush()
            time.sleep(pause)


@pytest.mark.parametrize("shared", [True, False], ids=["one-follower-two-tabs", "two-followers"])
def test_two_followers_of_a_growing_file_store_each_turn_once(tmp_path: Path, shared: bool) -> None:
    db = tmp_path / "s.sqlite3"
    live = tmp_path / "live.txt"
    live.write_text("", encoding="utf-8")
    sid = _new_session(db)
    lines = _lines(30)
    done = threading.Event()
    one = FileFollower(live)

    def tab(i: int) -> None:
        if i == 2:
            _write_slowly(live, lines, 0.005)
            done.set()
            return
        mine = one if shared else FileFollower(live)
        with SessionStore(db) as store:
            while not done.is_set():
                ingest_file_poll(store, sid, mine)
            for _ in range(3):  # the last line, once the file is stable
                ingest_file_poll(store, sid, mine)
                time.sleep(0.01)

    _run_together(3, tab)
    assert _stored(db, sid) == _want(lines)


def test_session_owns_its_followed_file(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    live = tmp_path / "live.txt"
    live.write_text("".join(_lines(4)), encoding="utf-8")
    with SessionStore(db) as store, SessionStore(db) as other_tab:
        sid = store.create_session("s").id
        follow.start(store, sid, str(live))
        assert other_tab.get_session(sid).follow_path == str(live.absolute())
        assert follow.follower(store, sid) is follow.follower(other_tab, sid)  # one per session
        assert len(follow.poll(other_tab, sid).added) == 4
        assert not follow.poll(store, sid)
        follow.stop(store, sid)
        assert other_tab.get_session(sid).follow_path is None
        assert follow.follower(other_tab, sid) is None


def test_a_failed_write_rewinds_the_follower(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    live = tmp_path / "live.txt"
    live.write_text("".join(_lines(4)), encoding="utf-8")
    follower = FileFollower(live)
    with SessionStore(db) as store:
        sid = store.create_session("s").id
        with pytest.raises(Exception, match="no session"):
            ingest_file_poll(store, sid + 1, follower)  # the write fails
        assert len(ingest_file_poll(store, sid, follower).added) == 4  # nothing was skipped


def _paste_procs(db: Path, sid: int, text_file: Path, count: int) -> list[str]:
    procs = [
        subprocess.Popen(
            [str(BIN), "session", "paste", str(sid), str(text_file), "--db", str(db), "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(count)
    ]
    outs = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        outs.append(out)
    return outs


def _paste_trials(tmp_path: Path, trials: int, count: int) -> None:
    import json

    for trial in range(trials):
        folder = tmp_path / f"t{trial}"
        folder.mkdir()
        db = folder / "s.sqlite3"
        sid = _new_session(db)
        lines = _lines(40, tag=f"-{trial}")
        text_file = folder / "paste.txt"
        text_file.write_text("".join(lines), encoding="utf-8")
        reports = [json.loads(out) for out in _paste_procs(db, sid, text_file, count)]
        assert sorted(r["added"] for r in reports) == [0] * (count - 1) + [40]
        assert _stored(db, sid) == _want(lines), f"trial {trial}"


def test_paste_processes_at_once_store_exactly_the_text(tmp_path: Path) -> None:
    _paste_trials(tmp_path, trials=2, count=4)


@pytest.mark.stress
def test_paste_processes_at_once_many_times(tmp_path: Path) -> None:
    _paste_trials(tmp_path, trials=STRESS_TRIALS, count=4)


def _follow_trial(folder: Path, count: int) -> None:
    db = folder / "s.sqlite3"
    live = folder / "live.txt"
    live.write_text("", encoding="utf-8")
    sid = _new_session(db)
    lines = _lines(24)
    cmd = [str(BIN), "session", "follow", str(sid), str(live), "--db", str(db)]
    cmd += ["--interval", "0.05", "--idle-exit", "2", "--json"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL) for _ in range(count)]
    time.sleep(0.5)
    _write_slowly(live, lines, 0.03)
    for proc in procs:
        assert proc.wait(timeout=120) == 0
    assert _stored(db, sid) == _want(lines)


def test_two_follow_processes_of_a_growing_file(tmp_path: Path) -> None:
    _follow_trial(tmp_path, count=2)


@pytest.mark.stress
def test_two_follow_processes_many_times(tmp_path: Path) -> None:
    for trial in range(max(3, STRESS_TRIALS // 3)):
        folder = tmp_path / f"t{trial}"
        folder.mkdir()
        _follow_trial(folder, count=2)
