"""Input built to break a parser: nesting 100k deep, numbers of 5,000 digits, repeated keys.
Each is one line on stderr, exit 2, no traceback, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.locations import config_dir
from tests.helpers import assert_refused, run_cli, seed

DEEP = 100_000
DEEP_JSON = "[" * DEEP + "]" * DEEP
HUGE = "9" * 5000
WEEKS = {"2026-W48": {"mon": "legs"}}


def export_text(**fields: object) -> str:
    return json.dumps({"format": "planner-export", "version": 1, "weeks": [], **fields})


def user_rules(text: str) -> Path:
    path = config_dir() / "rules.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (DEEP_JSON, "f.json is nested too deeply to read"),
        ('{"format": "planner-export", "weeks": ' + DEEP_JSON + "}", "nested too deeply"),
        ('{"format": "planner-export", "version": ' + HUGE + ', "weeks": []}', "too long"),
        ('{"format": "planner-export", "version": 1, "weeks": [' + HUGE + "]}", "too long"),
    ],
    ids=["deep", "deep-inside", "huge-version", "huge-week"],
)
def test_an_import_that_breaks_the_parser(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    seed(db_path, WEEKS)
    before = db_path.read_bytes()
    source = tmp_path / "f.json"
    source.write_text(text)
    outcome = run_cli(["import", str(source), "--db", str(db_path)], capsys)
    assert_refused(outcome, message)
    assert len(outcome.err) < 400
    assert db_path.read_bytes() == before


@pytest.mark.parametrize(
    "argv",
    [["show"], ["suggest", "run=1"], ["export", "--format", "md"], ["export", "--format", "ics"]],
    ids=lambda argv: " ".join(argv),
)
def test_a_deeply_nested_database_for_a_reader(
    db_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    payload = ('{"meta": {"1": {"schema_version": 1}}, "weeks": ' + DEEP_JSON + "}").encode()
    db_path.write_bytes(payload)
    outcome = run_cli([*argv, "--db", str(db_path)], capsys)
    assert_refused(outcome, f"The database {db_path} is damaged (nested too deeply)")
    assert db_path.read_bytes() == payload


def test_a_deeply_nested_database_for_a_writer_is_moved_aside(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path.write_bytes(DEEP_JSON.encode())
    outcome = run_cli(["set", "mon=legs", "--db", str(db_path)], capsys)
    assert outcome.code == 0, outcome
    assert "was damaged (nested too deeply)" in outcome.err
    (aside,) = db_path.parent.glob("planner.json.corrupt-*")
    assert aside.read_bytes() == DEEP_JSON.encode()


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("disable = " + "[" * DEEP + "]" * DEEP, "is nested too deeply to read"),
        ("x = " + "{a = " * DEEP + "1" + "}" * DEEP, "is nested too deeply to read"),
        ("[[rules]]\nweight = " + HUGE, "holds a number too long to read"),
    ],
    ids=["deep-array", "deep-table", "huge-number"],
)
@pytest.mark.parametrize(
    "argv",
    [["show"], ["suggest", "run=1"], ["export", "--format", "md"], []],
    ids=lambda argv: " ".join(argv) or "tui",
)
def test_a_user_rules_file_that_breaks_the_parser(
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    toml: str,
    message: str,
    argv: list[str],
) -> None:
    seed(db_path, WEEKS)
    before = db_path.read_bytes()
    path = user_rules(toml)
    outcome = run_cli([*argv, "--db", str(db_path)], capsys)
    assert_refused(outcome, f"{path}: {message}")
    assert len(outcome.err) < 400
    assert db_path.read_bytes() == before


@pytest.mark.parametrize(
    ("word", "message"),
    [
        (f"push={HUGE}", "the count must be a whole number from 0 to 7"),
        (f"push=0000{HUGE}", "the count must be a whole number from 0 to 7"),
        (f"rest={HUGE}", "the count must be a whole number from 0 to 7"),
    ],
    ids=["push", "push-zeros", "rest"],
)
def test_a_count_of_thousands_of_digits(
    db_path: Path, capsys: pytest.CaptureFixture[str], word: str, message: str
) -> None:
    outcome = run_cli(["suggest", word, "--db", str(db_path)], capsys)
    assert_refused(outcome, message)
    assert len(outcome.err) < 400


def test_a_long_count_of_zeros_is_still_a_count(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_cli(["suggest", "push=" + "0" * 5000 + "1", "--db", str(db_path)], capsys)
    assert outcome.code == 0, outcome
