"""``planner template list`` and ``planner template apply``: by weekday, open days kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.store import Store
from planner.templates import load_templates, template_by_id
from planner.weeks import FirstWeekday, IsoWeek
from tests.helpers import run_cli, seed

W48 = IsoWeek(2026, 48)


def stored(db: Path, week: IsoWeek, first: FirstWeekday) -> list[str | None]:
    with Store.open(db, read_only=True) as store:
        return [None if a is None else a.value for a in store.load_plan(week, first).activities]


@pytest.mark.parametrize(
    ("first", "days"),
    [
        ("monday", "mon push, tue rest, wed legs, thu pull, fri rest, sat open, sun open"),
        ("sunday", "sun open, mon push, tue rest, wed legs, thu pull, fri rest, sat open"),
    ],
)
def test_list_prints_every_template_with_its_days_as_shown(
    db_path: Path, capsys: pytest.CaptureFixture[str], first: str, days: str
) -> None:
    seed(db_path, {}, first=first)
    outcome = run_cli(["template", "list", "--db", str(db_path)], capsys)
    assert (outcome.code, outcome.err) == (0, "")
    blocks = outcome.out.rstrip("\n").split("\n\n")
    templates = load_templates()
    assert len(blocks) == len(templates)
    for block, template in zip(blocks, templates, strict=True):
        heading, day_line, *description = block.splitlines()
        assert heading == f"{template.id}  {template.name}, for {template.goal.label}"
        assert " ".join(line.strip() for line in description) == template.description
        assert all(len(line) <= 79 for line in description)
        assert day_line.startswith("  sun " if first == "sunday" else "  mon ")
    assert blocks[0].splitlines()[1] == f"  {days}"


def test_list_needs_no_database_file(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_cli(["template", "list", "--db", str(db_path)], capsys)
    assert outcome.code == 0
    assert not db_path.exists()


@pytest.mark.parametrize(
    ("template", "seeded", "after", "printed"),
    [
        (
            "push-pull-legs-twice",
            {},
            ["push", "pull", "legs", "rest", "push", "pull", "legs"],
            "Applied template push-pull-legs-twice to 2026-W48: mon push, tue pull, wed legs, "
            "thu rest, fri push, sat pull, sun legs",
        ),
        (
            # Leaves the weekend open: what is planned there stays, the rest is replaced.
            "push-rest-legs-pull-rest",
            {"mon": "run", "sat": "run"},
            ["push", "rest", "legs", "pull", "rest", "run", None],
            "Applied template push-rest-legs-pull-rest to 2026-W48: mon push, tue rest, "
            "wed legs, thu pull, fri rest; left open by the template, so kept as they were: "
            "sat, sun",
        ),
        (
            "push-pull-legs-twice",
            {"mon": "push", "tue": "pull", "wed": "legs", "thu": "rest"},
            ["push", "pull", "legs", "rest", "push", "pull", "legs"],
            "Applied template push-pull-legs-twice to 2026-W48: fri push, sat pull, sun legs",
        ),
    ],
)
def test_apply_lays_the_template_on_the_week(
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    template: str,
    seeded: dict[str, str],
    after: list[str | None],
    printed: str,
) -> None:
    seed(db_path, {"2026-W48": seeded} if seeded else {})
    outcome = run_cli(
        ["template", "apply", template, "--week", "2026-W48", "--db", str(db_path)], capsys
    )
    assert (outcome.code, outcome.err, outcome.out) == (0, "", printed + "\n")
    assert stored(db_path, W48, FirstWeekday.MONDAY) == after


def test_apply_sunday_first_puts_the_sunday_entry_on_the_sunday_shown_first(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": {"sun": "legs"}}, first="sunday")
    outcome = run_cli(
        ["--week", "2026-W48", "template", "apply", "push-pull-legs-twice", "--db", str(db_path)],
        capsys,
    )
    assert outcome.code == 0
    assert outcome.out.startswith("Applied template push-pull-legs-twice to 2026-W48: sun legs, ")
    # Shown Sunday 22 Nov (ISO 2026-W47) to Saturday 28 Nov.
    assert stored(db_path, W48, FirstWeekday.SUNDAY) == [
        "legs",
        "push",
        "pull",
        "legs",
        "rest",
        "push",
        "pull",
    ]
    # The ISO Sunday of W48 is shown in the next week and is left alone.
    assert stored(db_path, W48, FirstWeekday.MONDAY)[6] == "legs"
    expected = template_by_id("push-pull-legs-twice").plan_for(W48, FirstWeekday.SUNDAY)
    assert stored(db_path, W48, FirstWeekday.SUNDAY) == [a and a.value for a in expected.activities]


def test_apply_the_same_twice_writes_once(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["template", "apply", "upper-lower", "--db", str(db_path)]
    run_cli(argv, capsys)
    before = db_path.read_bytes()
    outcome = run_cli(argv, capsys)
    assert outcome.out == "Applied template upper-lower to 2026-W48: no change\n"
    assert db_path.read_bytes() == before


def test_apply_help_says_open_days_are_kept(capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_cli(["template", "apply", "--help"], capsys)
    assert outcome.code == 0
    out = " ".join(outcome.out.split())
    assert (
        "every day the template fixes is replaced; a day it leaves open keeps what it holds" in out
    )
