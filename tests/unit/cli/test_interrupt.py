"""Ctrl-C on any command prints one line and exits 130 (issue 24, finding 5: a long suggest
ended in a KeyboardInterrupt traceback)."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planner import cli
from planner.clock import Clock
from tests.helpers import run_cli

EXIT_INTERRUPTED = 130


def test_an_interrupted_command_prints_one_line_and_exits_130(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(args: argparse.Namespace, clock: Clock) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli.suggest, "run", interrupted)
    outcome = run_cli(["suggest", "run=1"], capsys)
    assert outcome.code == EXIT_INTERRUPTED
    assert outcome.err == "planner: interrupted\n"
    assert outcome.out == ""


def test_ctrl_c_on_a_command_waiting_for_its_input(tmp_path: Path) -> None:
    """The real command, waiting on a standard input that never ends, then SIGINT."""
    child = subprocess.Popen(
        [sys.executable, "-m", "planner", "import", "-", "--db", str(tmp_path / "db.json")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        time.sleep(1.5)  # imported and reading standard input
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == EXIT_INTERRUPTED, err
    assert err.decode() == "planner: interrupted\n"
    assert out == b""
    assert not (tmp_path / "db.json").exists()
