"""``planner set``: days of the displayed week, applied all together, with what changed."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity, PlannedDay
from tests.helpers import run_cli, seed

W48 = IsoWeek(2026, 48)


def stored(db: Path, first: FirstWeekday = FirstWeekday.MONDAY) -> list[str | None]:
    with Store.open(db, read_only=True) as store:
        plan = store.load_plan(W48, first)
    return [None if activity is None else activity.value for activity in plan.activities]


SEEDED = {"2026-W48": {"thu": "run", "sun": "push"}}


@pytest.mark.parametrize(
    ("argv", "printed", "after"),
    [
        (
            ["mon=legs", "tue=pull", "wed=rest"],
            "2026-W48: mon legs, tue pull, wed rest",
            ["legs", "pull", "rest", "run", None, None, "push"],
        ),
        (
            ["sun=legs", "thu=-"],
            "2026-W48: thu cleared, sun legs",
            [None, None, None, None, None, None, "legs"],
        ),
        (
            ["MON=Push", "Fri=RUN"],
            "2026-W48: mon push, fri run",
            ["push", None, None, "run", "run", None, "push"],
        ),
        (
            ["thu=run", "sun=push"],
            "2026-W48: no change",
            [None, None, None, "run", None, None, "push"],
        ),
    ],
)
def test_set_applies_every_assignment_and_says_what_changed(
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    printed: str,
    after: list[str | None],
) -> None:
    seed(db_path, SEEDED)
    outcome = run_cli(["set", "--week", "2026-W48", "--db", str(db_path), *argv], capsys)
    assert (outcome.code, outcome.out, outcome.err) == (0, printed + "\n", "")
    assert stored(db_path) == after


def test_no_change_writes_nothing(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_cli(["set", "--db", str(db_path), "mon=-"], capsys)
    assert outcome.out == "2026-W48: no change\n"
    assert not db_path.exists()


def test_the_default_week_comes_from_the_clock(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_cli(
        ["set", "--db", str(db_path), "wed=run"], capsys, today=pendulum.Date(2027, 1, 1)
    )
    assert outcome.out == "2026-W53: wed run\n"
    with Store.open(db_path, read_only=True) as store:
        assert store.stored_weeks() == [IsoWeek(2026, 53)]


def test_sunday_first_sun_is_the_sunday_before_the_iso_monday(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {}, first="sunday")
    outcome = run_cli(["set", "--db", str(db_path), "--week", "2026-W48", "sun=run"], capsys)
    assert outcome.out == "2026-W48: sun run\n"
    with Store.open(db_path, read_only=True) as store:
        assert store.stored_weeks() == [IsoWeek(2026, 47)]
        [(_, activity)] = store.days_between(
            pendulum.Date(2026, 11, 22), pendulum.Date(2026, 11, 22)
        )
    assert activity == PlannedDay.of(Activity.RUN)


def test_set_then_show_in_a_fresh_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "not" / "yet" / "planner.json"
    assert run_cli(["set", "--db", str(db), "mon=legs"], capsys).code == 0
    assert db.exists()
    assert stored(db)[0] == "legs"
