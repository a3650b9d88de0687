"""``planner copy``: a whole displayed week into another, across years and Sunday-first."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from tests.helpers import run_cli, seed


def iso_days(db: Path, week: str) -> list[str | None]:
    """Monday to Sunday of the ISO week, as stored."""
    with Store.open(db, read_only=True) as store:
        plan = store.load_plan(IsoWeek.parse(week), FirstWeekday.MONDAY)
    return [None if a is None else a.value for a in plan.activities]


@pytest.mark.parametrize(
    ("case", "first", "seeded", "argv", "today", "printed", "expected"),
    [
        (
            "the week before into this week",
            "monday",
            {"2026-W47": {"mon": "legs", "tue": "pull", "sun": "run"}, "2026-W48": {"wed": "push"}},
            [],
            pendulum.Date(2026, 11, 25),
            "Copied 2026-W47 to 2026-W48: mon legs, tue pull, wed cleared, sun run",
            {"2026-W48": ["legs", "pull", None, None, None, None, "run"]},
        ),
        (
            "across the year boundary: 2026 has 53 weeks",
            "monday",
            {"2026-W53": {"mon": "push", "sun": "rest"}},
            ["--week", "2027-W01"],
            pendulum.Date(2026, 11, 25),
            "Copied 2026-W53 to 2027-W01: mon push, sun rest",
            {"2027-W01": ["push", None, None, None, None, None, "rest"]},
        ),
        (
            "--from a week further back",
            "monday",
            {"2026-W40": {"fri": "run"}},
            ["--from", "2026-W40", "--week", "2026-W48"],
            pendulum.Date(2026, 11, 25),
            "Copied 2026-W40 to 2026-W48: fri run",
            {"2026-W48": [None, None, None, None, "run", None, None]},
        ),
        (
            # Shown Sun 22 Nov..Sat 28 Nov into Sun 29 Nov..Sat 5 Dec: the copied Sunday is
            # the ISO Sunday of W47, and it lands on the ISO Sunday of W48.
            "Sunday-first",
            "sunday",
            {"2026-W47": {"sun": "rest"}, "2026-W48": {"mon": "legs", "sun": "run"}},
            ["--week", "2026-W49"],
            pendulum.Date(2026, 11, 25),
            "Copied 2026-W48 to 2026-W49: sun rest, mon legs",
            {
                "2026-W48": ["legs", None, None, None, None, None, "rest"],
                "2026-W49": ["legs", None, None, None, None, None, None],
            },
        ),
        (
            # Today (Sun 3 Jan 2027) is shown in 2027-W01, which starts on 2026-W53's Sunday.
            "Sunday-first across the year boundary, default weeks",
            "sunday",
            {"2026-W52": {"sun": "pull"}, "2026-W53": {"sat": "run", "sun": "legs"}},
            [],
            pendulum.Date(2027, 1, 3),
            "Copied 2026-W53 to 2027-W01: sun pull, sat run",
            {
                "2026-W53": [None, None, None, None, None, "run", "pull"],
                "2027-W01": [None, None, None, None, None, "run", None],
            },
        ),
    ],
)
def test_copy(
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    case: str,
    first: str,
    seeded: dict[str, dict[str, str]],
    argv: list[str],
    today: pendulum.Date,
    printed: str,
    expected: dict[str, list[str | None]],
) -> None:
    seed(db_path, seeded, first=first)
    outcome = run_cli(["copy", "--db", str(db_path), *argv], capsys, today=today)
    assert (outcome.code, outcome.err, outcome.out) == (0, "", printed + "\n"), case
    for week, days in expected.items():
        assert iso_days(db_path, week) == days, case


def test_copying_the_same_days_again_writes_nothing(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W47": {"mon": "legs"}})
    run_cli(["copy", "--db", str(db_path)], capsys)
    before = db_path.read_bytes()
    outcome = run_cli(["copy", "--db", str(db_path)], capsys)
    assert outcome.out == "Copied 2026-W47 to 2026-W48: no change\n"
    assert db_path.read_bytes() == before
