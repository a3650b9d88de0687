"""The run of weeks the load screen and `planner load` show (planner.load_weeks): the
window around a week, the ranges refused, and each week with its block mark and caution,
read from the store or through a planning session's unsaved edits."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.days import parse_day
from planner.load_weeks import (
    FIRST_LOAD_WEEK,
    MAX_WEEKS,
    WEEKS_AHEAD,
    WEEKS_BACK,
    check_range,
    loaded_weeks,
    window_around,
)
from planner.session import PlanningSession
from planner.store import Store
from planner.weeks import FIRST_WEEK, LAST_WEEK, FirstWeekday, IsoWeek, WeekError
from rules import default_knowledge
from tests.conftest import TODAY
from tests.helpers import seed_training

KNOWLEDGE = default_knowledge()
W48 = IsoWeek(2026, 48)


def test_the_window_is_eight_weeks_back_and_four_ahead() -> None:
    assert window_around(W48) == (IsoWeek(2026, 40), IsoWeek(2026, 52))
    assert WEEKS_BACK + WEEKS_AHEAD + 1 == 13


def test_the_window_stays_inside_the_calendar_with_the_same_length() -> None:
    first, last = window_around(FIRST_WEEK)
    assert first == FIRST_LOAD_WEEK and last == FIRST_LOAD_WEEK.shifted(12)
    first, last = window_around(LAST_WEEK)
    assert last == LAST_WEEK and first == LAST_WEEK.shifted(-12)


@pytest.mark.parametrize(
    ("first", "last", "said"),
    [
        (W48, IsoWeek(2026, 40), "2026-W48 is after 2026-W40"),
        (FIRST_WEEK, W48, "fewer than 4 supported weeks before it"),
        (IsoWeek(2000, 1), W48, f"more than {MAX_WEEKS} weeks"),
    ],
)
def test_a_range_that_cannot_be_read_is_one_line(first: IsoWeek, last: IsoWeek, said: str) -> None:
    with pytest.raises(WeekError, match=said) as raised:
        check_range(first, last)
    assert "\n" not in str(raised.value)


def test_each_week_has_its_block_mark_and_a_jump_its_caution(db_path: Path) -> None:
    seed_training(db_path)
    with Store.open(db_path, read_only=True) as store:
        rows = loaded_weeks(
            store, store, IsoWeek(2026, 40), IsoWeek(2026, 52), FirstWeekday.MONDAY, KNOWLEDGE
        )
    by_week = {row.week.week: row for row in rows}
    assert len(rows) == 13 and rows[0].week == IsoWeek(2026, 40)
    assert [by_week[n].block_mark for n in range(44, 53)] == [
        "", "B1/4", "B2/4", "B3/4", "deload", "B1/4", "B2/4", "B3/4", "deload"
    ]  # fmt: skip
    # Past weeks are logged; weeks ahead are not.
    assert by_week[44].figures.done is not None and by_week[50].figures.done is None
    # The first block week jumps far above the base weeks before it.
    assert by_week[45].caution is not None and by_week[44].caution is None
    # A deload keeps the days and lowers the effort: less load than the block's weeks.
    assert by_week[52].figures.planned < by_week[51].figures.planned


def test_the_session_reads_its_edits_not_yet_written(db_path: Path) -> None:
    seed_training(db_path)
    with Store.open(db_path) as store:
        session = PlanningSession(store, KNOWLEDGE, TODAY, lambda _: None, week=IsoWeek(2026, 50))
        before = session.week_loads(*window_around(session.week))[WEEKS_BACK]
        session.set_day(6, parse_day("run:long"))  # saved by nobody: only the session has it
        after = session.week_loads(*window_around(session.week))[WEEKS_BACK]
    assert before.week == after.week == IsoWeek(2026, 50)
    assert after.figures.planned == before.figures.planned + 450
    assert after.block_mark == "B2/4"
