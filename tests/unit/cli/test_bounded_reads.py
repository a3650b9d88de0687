"""Only regular files are read, and only up to a size far above any real one: a link to
/dev/zero, a named pipe or a huge file is one line, exit 2, read no further, nothing written."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from planner.cli import files
from planner.locations import config_dir
from rules import loader
from tests.helpers import assert_refused, run_cli, seed

WEEKS = {"2026-W48": {"mon": "legs"}}
LIMIT_MIB = "larger than 64 MiB"


def odd_files(folder: Path) -> dict[str, Path]:
    zero = folder / "zero"
    zero.symlink_to("/dev/zero")
    pipe = folder / "pipe"
    os.mkfifo(pipe)
    huge = folder / "huge"
    with open(huge, "wb") as file:
        file.truncate(65 * 2**20)  # sparse: no disk used
    return {"zero": zero, "pipe": pipe, "huge": huge}


EXPECTED = {"zero": "not a regular file (a device)", "pipe": "not a regular file (a named pipe)"}


@pytest.mark.parametrize("kind", ["zero", "pipe", "huge"])
def test_an_import_that_is_not_a_regular_file_or_too_large(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    seed(db_path, WEEKS)
    before = db_path.read_bytes()
    source = odd_files(tmp_path)[kind]
    outcome = run_cli(["import", str(source), "--db", str(db_path)], capsys)
    assert_refused(outcome, f"cannot read {source}: it is {EXPECTED.get(kind, LIMIT_MIB)}")
    assert db_path.read_bytes() == before


def test_standard_input_is_bounded_too(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "READ_LIMIT", 2**20)
    monkeypatch.setattr(sys, "stdin", io.StringIO(" " * (2**20 + 1)))
    outcome = run_cli(["import", "-", "--db", str(db_path)], capsys)
    assert_refused(outcome, "cannot read standard input: it is larger than 1 MiB")
    assert not db_path.exists()


def test_a_binary_standard_input_is_read(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = '{"format": "planner-export", "version": 1, "weeks": []}'

    class Stdin(io.StringIO):
        buffer = io.BytesIO(text.encode())

    monkeypatch.setattr(sys, "stdin", Stdin())
    outcome = run_cli(["import", "-", "--db", str(db_path)], capsys)
    assert outcome.code == 0, outcome


@pytest.mark.parametrize("kind", ["zero", "pipe", "huge"])
def test_a_rules_file_that_is_not_a_regular_file_or_too_large(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    target = odd_files(tmp_path)[kind]
    rules = config_dir() / "rules.toml"
    rules.parent.mkdir(parents=True)
    rules.symlink_to(target)
    outcome = run_cli(["show", "--db", str(db_path)], capsys)
    expected = "is not a regular file" if kind != "huge" else f"is {LIMIT_MIB}"
    assert_refused(outcome, f"{rules}: {expected}")


def test_the_rules_limit_counts_what_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "USER_FILE_LIMIT", 10)
    path = tmp_path / "rules.toml"
    path.write_text("# " + "x" * 20)
    with pytest.raises(loader.RuleFileError, match="is larger than 0 MiB"):
        loader.load_knowledge(path)
