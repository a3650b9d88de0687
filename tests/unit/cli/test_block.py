"""``planner block``: N weeks from the repeating week or a template, deload weeks lowered,
planned weeks never laid over without --replace, logged days kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.block import BlockWeek
from planner.days import WEEKDAY_KEYS, day_words, parse_day
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from tests.helpers import assert_refused, run_cli, seed

REPEATING = {
    "mon": "legs:heavy+run:easy",
    "tue": "push:heavy",
    "wed": "run:intervals",
    "thu": "pull:moderate",
    "fri": "run:tempo",
    "sat": "rest",
}
# The deload week: the same sessions on the same days, effort lowered.
DELOADED = {
    "mon": "legs:moderate+run:easy",
    "tue": "push:moderate",
    "wed": "run:easy",
    "thu": "pull:moderate",
    "fri": "run:easy",
    "sat": "rest",
}
BLOCK = ["block", "--from", "2026-W50", "--weeks", "4", "--deload-every", "4"]


def stored_days(db: Path, week: str) -> dict[str, str]:
    with Store.open(db, read_only=True) as store:
        plan = store.load_plan(IsoWeek.parse(week), FirstWeekday.MONDAY)
    return {
        WEEKDAY_KEYS[index]: day_words(day, explicit=True)
        for index, day in enumerate(plan.days)
        if day.is_planned
    }


def explicit(days: dict[str, str]) -> dict[str, str]:
    return {key: day_words(parse_day(words), explicit=True) for key, words in days.items()}


@pytest.fixture
def db(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    seed(db_path, {"2026-W47": REPEATING})
    assert run_cli(["repeat", "--week", "2026-W47", "--db", str(db_path)], capsys).code == 0
    return db_path


def test_lays_a_four_week_block_with_a_deload_on_an_empty_range(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_cli([*BLOCK, "--db", str(db)], capsys)
    assert (outcome.code, outcome.err) == (0, "")
    lines = outcome.out.splitlines()
    assert lines[0] == (
        "Laid a 4-week block from 2026-W50 (the repeating week 2026-W47; deload: 2026-W53):"
    )
    assert lines[1].startswith("2026-W50  week 1 of 4  ")
    assert lines[4].startswith("2026-W53  week 4 of 4, deload  ")
    assert "wed run:intervals" in lines[1] and "wed run:easy" in lines[4]
    for week in ("2026-W50", "2026-W51", "2026-W52"):
        assert stored_days(db, week) == explicit(REPEATING)
    assert stored_days(db, "2026-W53") == explicit(DELOADED)
    with Store.open(db, read_only=True) as store:
        marks = store.blocks_between(IsoWeek(2026, 49), IsoWeek(2027, 1))
    start = IsoWeek(2026, 50)
    assert marks == {start.shifted(n - 1): BlockWeek(start, n, 4, n == 4) for n in range(1, 5)}


def test_refuses_to_lay_over_planned_weeks_and_leaves_the_file_as_it_was(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_more = run_cli(["set", "--week", "2026-W52", "wed=push", "--db", str(db)], capsys)
    assert seed_more.code == 0
    before = db.read_bytes()
    outcome = run_cli([*BLOCK, "--db", str(db)], capsys)
    assert_refused(
        outcome, "2026-W52 is planned already; give --replace to lay the block over them"
    )
    assert db.read_bytes() == before


def test_replace_lays_over_planned_weeks(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["set", "--week", "2026-W52", "sun=push", "--db", str(db)], capsys).code == 0
    outcome = run_cli([*BLOCK, "--replace", "--db", str(db)], capsys)
    assert (outcome.code, outcome.err) == (0, "")
    assert stored_days(db, "2026-W52") == explicit(REPEATING)  # sun cleared, whole week laid


def test_a_day_logged_done_keeps_its_plan(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Today is 2026-11-25 (W48, a Wednesday): Monday was logged done.
    seed(db_path, {"2026-W48": {"mon": "push"}})
    assert (
        run_cli(["log", "--week", "2026-W48", "mon=done", "--db", str(db_path)], capsys).code == 0
    )
    argv = ["block", "--from", "2026-W48", "--weeks", "2", "--template", "upper-lower"]
    outcome = run_cli([*argv, "--replace", "--json", "--db", str(db_path)], capsys)
    assert (outcome.code, outcome.err) == (0, "")
    printed = json.loads(outcome.out)
    assert printed["kept"] == ["2026-11-23"]
    assert printed["source"] == {"template": "upper-lower"}
    assert [week["deload"] for week in printed["laid"]] == [False, False]
    assert stored_days(db_path, "2026-W48")["mon"] == "push:moderate"
    text = run_cli([*argv, "--replace", "--db", str(db_path)], capsys).out
    assert text.splitlines()[-1] == "Logged, so kept as planned: 2026-11-23"


def test_json_says_what_was_laid(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    printed = json.loads(run_cli([*BLOCK, "--json", "--db", str(db)], capsys).out)
    assert {key: printed[key] for key in ("format", "from", "weeks", "deload_every")} == {
        "format": 1,
        "from": "2026-W50",
        "weeks": 4,
        "deload_every": 4,
    }
    assert printed["source"] == {"repeat_week": "2026-W47"}
    assert [(week["week"], week["number"], week["deload"]) for week in printed["laid"]] == [
        ("2026-W50", 1, False),
        ("2026-W51", 2, False),
        ("2026-W52", 3, False),
        ("2026-W53", 4, True),
    ]
    deload = printed["laid"][3]["days"]
    assert deload["wed"]["sessions"] == [{"kind": "run", "type": "easy"}]
    assert deload["sun"] is None
    assert printed["kept"] == []


def test_from_defaults_to_the_week_after_the_current_one(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_cli(["block", "--weeks", "1", "--db", str(db)], capsys)
    assert outcome.out.startswith("Laid a 1-week block from 2026-W49 ")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--weeks", "0"], "--weeks must be a whole number from 1 to 52"),
        (["--weeks", "53"], "--weeks must be a whole number from 1 to 52"),
        (["--weeks", "4", "--deload-every", "1"], "--deload-every must be 2 or more"),
        (["--weeks", "4", "--template", "upper-lowr"], "did you mean upper-lower?"),
        (["--weeks", "4", "--week", "2026-W50"], "block takes --from WEEK"),
        (["--weeks", "4", "--from", "2999-W51"], "runs past the last week"),
    ],
)
def test_errors_are_one_line_and_write_nothing(
    db: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    before = db.read_bytes()
    assert_refused(run_cli(["block", *argv, "--db", str(db)], capsys), message)
    assert db.read_bytes() == before


def test_without_a_repeating_week_or_a_template_it_says_what_to_give(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W47": REPEATING})
    before = db_path.read_bytes()
    outcome = run_cli([*BLOCK, "--db", str(db_path)], capsys)
    assert_refused(outcome, "mark one with 'planner repeat --week WEEK', or give --template ID")
    assert db_path.read_bytes() == before
