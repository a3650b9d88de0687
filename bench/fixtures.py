"""Databases the benchmarks share: ten years of weeks (520), the size a keen user reaches."""

from __future__ import annotations

from pathlib import Path

from planner.plan import WeekPlan
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity

TEN_YEARS = 520
CHOICES = (*Activity, None)
# The week the UI benchmarks show; the ten years stored end with it.
SHOWN_WEEK = IsoWeek(2026, 48)


def plan_for(week: IsoWeek, salt: int, first: FirstWeekday = FirstWeekday.MONDAY) -> WeekPlan:
    """A varied but deterministic week; never entirely unplanned (that would not be stored)."""
    activities = tuple(CHOICES[(week.week + salt + day) % len(CHOICES)] for day in range(7))
    if all(activity is None for activity in activities):
        activities = (Activity.REST, *activities[1:])
    return WeekPlan.of_activities(week, first, activities)


def ten_years_of_weeks(last: IsoWeek = SHOWN_WEEK) -> list[IsoWeek]:
    return [last.shifted(n - TEN_YEARS + 1) for n in range(TEN_YEARS)]


def fill_ten_years(path: Path) -> list[IsoWeek]:
    weeks = ten_years_of_weeks()
    with Store.open(path) as store:
        store.replace_weeks([plan_for(week, 0) for week in weeks])
    return weeks
