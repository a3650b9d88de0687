"""Closing the terminal (SIGHUP) or `kill` (SIGTERM) right after a key press: the change is
on disk when the process has exited. Runs the real `planner` command in a pseudo-terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from planner.plan import WeekPlan
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity, PlannedDay

WEEK = IsoWeek(2026, 48)

# The real command, with every save slowed down so one is still pending when the signal
# arrives: without a flush on exit, that save would be lost.
SLOW_SAVES = """
import sys, time
from planner import cli, store

original = store.Store.save_plan

def slow_save_plan(self, plan):
    time.sleep(0.5)
    original(self, plan)

store.Store.save_plan = slow_save_plan
sys.exit(cli.main(sys.argv[1:]))
"""


def read_until(fd: int, needle: bytes, timeout: float = 20) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while needle not in seen:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"never saw {needle!r}; last output: {seen[-400:]!r}")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:  # the child closed the terminal
                break
    return seen


def drain(fd: int) -> None:
    while select.select([fd], [], [], 0.05)[0]:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_signal_right_after_a_key_press_still_saves(tmp_path: Path, signum: int) -> None:
    db = tmp_path / "planner.json"
    with Store.open(db) as store:  # Tuesday planned already: the key press adds Monday
        store.save_plan(
            WeekPlan.empty(WEEK, FirstWeekday.MONDAY).with_day(1, PlannedDay.of(Activity.RUN))
        )
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36"}
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_SAVES, "--db", str(db), "--week", str(WEEK)],
        stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
    )  # fmt: skip
    os.close(slave)
    try:
        read_until(master, b"saved")
        drain(master)
        os.write(master, b"\x1b[Hg")  # Home, then g: legs on Monday
        read_until(master, b"LEGS")
        child.send_signal(signum)
        child.wait(timeout=20)
        drain(master)
    finally:
        if child.poll() is None:
            child.kill()
        os.close(master)
    with Store.open(db, read_only=True) as store:
        plan = store.load_plan(WEEK, FirstWeekday.MONDAY)
    assert plan.activities[:2] == (Activity.LEGS, Activity.RUN)
