"""Concurrent pastes and followers on one session: are the stored turns exactly the text's?

Each trial makes a fresh database and session, then starts N writers at once:

* ``paste``: N processes paste the same T-turn text into the same session.
* ``follow``: a writer appends T turns to a file while N followers poll it.

A trial is wrong when the session does not end with exactly the text's turns
(speaker and text, in order). Prints trials, wrong trials and extra turns.

    python bench/concurrency.py paste --trials 30 --procs 4 --turns 40
    python bench/concurrency.py follow --trials 10 --procs 2 --turns 30
    python bench/concurrency.py paste --worker python   # without the CLI (core functions)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from intervju.storage import SessionStore

BIN = Path(sys.executable).with_name("intervju")

_PASTE_WORKER = """
import sys
from intervju.ingest import ingest_paste
from intervju.storage import SessionStore
with SessionStore(sys.argv[1]) as store:
    ingest_paste(store, int(sys.argv[2]), open(sys.argv[3], encoding="utf-8").read())
"""

_FOLLOW_WORKER = """
import sys, time
from intervju.ingest import FileFollower, ingest_file_poll
from intervju.storage import SessionStore
follower = FileFollower(sys.argv[3])
idle_since = time.monotonic()
with SessionStore(sys.argv[1]) as store:
    while time.monotonic() - idle_since < float(sys.argv[4]):
        if ingest_file_poll(store, int(sys.argv[2]), follower) or follower.changed():
            idle_since = time.monotonic()
        time.sleep(0.05)
"""


def lines(turns: int) -> list[str]:
    """A labelled interview with distinct turns (the text each trial must end with)."""
    out = []
    for i in range(turns):
        who = "Forsker" if i % 2 == 0 else "Kari"
        out.append(f"{who}: Tur nummer {i} handler om videomøte {i * 7 % 13} og kaffe {i}.\n")
    return out


def expected(turns: int) -> list[tuple[str, str]]:
    return [tuple(line.rstrip("\n").split(": ", 1)) for line in lines(turns)]  # type: ignore[misc]


def _paste_cmd(worker: str, db: Path, sid: int, text: Path) -> list[str]:
    if worker == "python":
        return [sys.executable, "-c", _PASTE_WORKER, str(db), str(sid), str(text)]
    return [str(BIN), "session", "paste", str(sid), str(text), "--db", str(db)]


def _follow_cmd(worker: str, db: Path, sid: int, text: Path, idle: float) -> list[str]:
    if worker == "python":
        return [sys.executable, "-c", _FOLLOW_WORKER, str(db), str(sid), str(text), str(idle)]
    return [
        str(BIN), "session", "follow", str(sid), str(text), "--db", str(db),
        "--interval", "0.05", "--idle-exit", str(idle),
    ]  # fmt: skip


def trial(kind: str, worker: str, procs: int, turns: int, folder: Path) -> int:
    """Stored turns minus expected turns (0 = right; also -1 if order/text differ)."""
    db = folder / "s.sqlite3"
    text = folder / "live.txt"
    with SessionStore(db) as store:
        sid = store.create_session("trial").id
    if kind == "paste":
        text.write_text("".join(lines(turns)), encoding="utf-8")
        running = [
            subprocess.Popen(_paste_cmd(worker, db, sid, text), stdout=subprocess.DEVNULL)
            for _ in range(procs)
        ]
    else:
        text.write_text("", encoding="utf-8")
        running = [
            subprocess.Popen(_follow_cmd(worker, db, sid, text, 1.5), stdout=subprocess.DEVNULL)
            for _ in range(procs)
        ]
        with text.open("a", encoding="utf-8") as handle:
            for line in lines(turns):
                handle.write(line)
                handle.flush()
                time.sleep(0.02)
    for proc in running:
        proc.wait()
    with SessionStore(db) as store:
        got = [(t.speaker, t.text) for t in store.turns(sid)]
    want = expected(turns)
    if got == want:
        return 0
    return len(got) - len(want) if len(got) != len(want) else -1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=("paste", "follow"))
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--procs", type=int, default=4)
    parser.add_argument("--turns", type=int, default=40)
    parser.add_argument("--worker", choices=("cli", "python"), default="cli")
    args = parser.parse_args()
    wrong = extra = 0
    for _ in range(args.trials):
        folder = Path(tempfile.mkdtemp(prefix="ivj-conc-"))
        try:
            delta = trial(args.kind, args.worker, args.procs, args.turns, folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        wrong += delta != 0
        extra += max(delta, 0)
    print(
        f"{args.kind} worker={args.worker} procs={args.procs} turns={args.turns}: "
        f"{wrong}/{args.trials} trials wrong, {extra} extra turns"
    )


if __name__ == "__main__":
    main()
