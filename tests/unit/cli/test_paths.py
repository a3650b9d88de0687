"""Database paths that cannot work are refused in one line, exit 2, before anything is read
or written: a symlink loop, an empty --db, a named pipe or a device."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planner.locations import DB_ENV
from tests.helpers import assert_refused, run_cli

COMMANDS = [["show"], ["set", "mon=legs"], ["export", "--format", "json"]]


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: argv[0])
def test_a_symlink_loop_as_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    loop = tmp_path / "loop.json"
    loop.symlink_to(tmp_path / "other.json")
    (tmp_path / "other.json").symlink_to(loop)
    outcome = run_cli([*argv, "--db", str(loop)], capsys)
    assert_refused(outcome, f"Cannot open the database {loop}: ")
    assert "symbolic link" in outcome.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["loop.json", "other.json"]


@pytest.mark.parametrize("argv", [*COMMANDS, []], ids=lambda argv: argv[0] if argv else "tui")
def test_an_empty_db_option_is_refused(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    for where in (["--db", ""], [*argv[:1], "--db", "", *argv[1:]]):
        outcome = run_cli([*where, *argv] if where[0] == "--db" else where, capsys)
        assert_refused(outcome, "argument --db: the path is empty")


def test_an_empty_environment_variable_means_not_set(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(DB_ENV, "")
    outcome = run_cli(["set", "mon=legs"], capsys)
    assert outcome.code == 0, outcome
    data_home = Path(os.environ["XDG_DATA_HOME"])
    assert (data_home / "planner" / "planner.json").exists()


def test_a_named_pipe_as_the_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    for argv in COMMANDS:
        outcome = run_cli([*argv, "--db", str(pipe)], capsys)
        assert_refused(outcome, f"Cannot read the database {pipe}: it is not a regular file")


def test_a_device_as_the_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    device = tmp_path / "zero.json"
    device.symlink_to("/dev/zero")
    outcome = run_cli(["show", "--db", str(device)], capsys)
    assert_refused(outcome, "/dev/zero: it is not a regular file")
