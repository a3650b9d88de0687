"""WeekPlan and Settings: immutable values in displayed order."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date

import pytest

from planner.plan import Settings, WeekPlan
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity, PlannedDay

W48 = IsoWeek(2026, 48)


def test_empty_plan() -> None:
    plan = WeekPlan.empty(W48, FirstWeekday.MONDAY)
    assert plan.is_empty
    assert plan.activities == (None,) * 7
    assert plan.dates[0] == date(2026, 11, 23)


@pytest.mark.parametrize("first", list(FirstWeekday))
@pytest.mark.parametrize("activity", [*Activity, None])
def test_with_activity_on_every_day(first: FirstWeekday, activity: Activity | None) -> None:
    base = WeekPlan.empty(W48, first)
    for index, day in enumerate(base.dates):
        plan = base.with_day(index, PlannedDay.of(activity))
        assert plan.day_on(day) == PlannedDay.of(activity)
        assert plan.is_empty == (activity is None)
        assert plan.dated_days[index] == (day, PlannedDay.of(activity))
        assert base.is_empty  # the original is untouched


def test_sunday_first_dates_and_lookup() -> None:
    plan = WeekPlan.empty(W48, FirstWeekday.SUNDAY).with_day(0, PlannedDay.of(Activity.RUN))
    assert plan.dates[0] == date(2026, 11, 22)
    assert plan.day_on(date(2026, 11, 22)) == PlannedDay.of(Activity.RUN)
    with pytest.raises(ValueError, match="not shown"):
        plan.day_on(date(2026, 11, 29))


@pytest.mark.parametrize(
    ("activities", "error"),
    [
        ((None,) * 6, ValueError),
        ((None,) * 8, ValueError),
        (("push", None, None, None, None, None, None), ValueError),
    ],
)
def test_invalid_plans(activities: tuple[object, ...], error: type[Exception]) -> None:
    with pytest.raises(error):
        WeekPlan.of_activities(W48, FirstWeekday.MONDAY, activities)  # type: ignore[arg-type]


def test_with_activity_index_out_of_range() -> None:
    with pytest.raises(IndexError):
        WeekPlan.empty(W48, FirstWeekday.MONDAY).with_day(7, PlannedDay.of(Activity.RUN))


def test_values_are_frozen_and_comparable() -> None:
    plan = WeekPlan.empty(W48, FirstWeekday.MONDAY)
    with pytest.raises(FrozenInstanceError):
        plan.week = IsoWeek(2026, 49)  # type: ignore[misc]
    assert plan == WeekPlan.empty(W48, FirstWeekday.MONDAY)
    assert Settings() == Settings(first_weekday=FirstWeekday.MONDAY)
