"""Database paths that cannot work are refused in one line, exit 2, before anything is read
or written: a symlink loop, an empty --db, a named pipe or a device."""

from __future__ import annotations

import os
from collections.abc import Iterator
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


# Issue 24, finding 6: '~nosuchuser' raised RuntimeError, a path 1,100 folders deep
# RecursionError (pathlib's mkdir recurses once per missing folder).
NO_USER = "~nosuchuser-planner-test"


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "--db", f"{NO_USER}/x.json"],
        ["set", "mon=legs", "--db", f"{NO_USER}/x.json"],
        ["import", f"{NO_USER}/x.json"],
        ["export", "--format", "json", "-o", f"{NO_USER}/x.json"],
        [],
    ],
    ids=["show --db", "set --db", "import", "export -o", "environment"],
)
def test_a_path_of_an_unknown_user_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    if not argv:
        monkeypatch.setenv(DB_ENV, f"{NO_USER}/x.json")
        argv = ["show"]
    outcome = run_cli(argv, capsys)
    assert_refused(outcome, f"{NO_USER}: no such user")


@pytest.fixture
def deep_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder name of 2.2 KB, under PATH_MAX (4 KB), that does not exist yet; removed one
    folder at a time afterwards (shutil.rmtree, cleaning pytest's temporary folders,
    recurses once per folder too)."""
    deep = tmp_path.joinpath(*["a"] * 1100)
    yield deep
    for folder in [deep, *deep.parents]:
        if folder == tmp_path:
            break
        if folder.is_dir():
            for child in folder.iterdir():
                if not child.is_dir():
                    child.unlink()
            folder.rmdir()


def test_a_database_in_a_very_deep_new_folder(
    deep_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = deep_folder / "planner.json"
    outcome = run_cli(["set", "mon=legs", "--db", str(db)], capsys)
    assert outcome.code == 0, outcome
    assert run_cli(["show", "--db", str(db)], capsys).out.count("legs") >= 1


def test_a_very_deep_cache_folder_means_the_command_works(
    deep_folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(deep_folder))
    outcome = run_cli(["show", "--db", str(tmp_path / "db.json")], capsys)
    assert outcome.code == 0, outcome
    assert outcome.err == ""


def test_a_cache_folder_that_is_a_file_means_no_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "cache-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "deeper"))
    outcome = run_cli(["show", "--db", str(tmp_path / "db.json")], capsys)
    assert outcome.code == 0, outcome
    assert outcome.err == ""
