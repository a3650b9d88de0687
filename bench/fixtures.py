"""Databases the benchmarks share: ten years of weeks (520), the size a keen user reaches."""

from __future__ import annotations

from pathlib import Path

from planner.days import parse_day
from planner.plan import WeekPlan
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from rules import PlannedDay

TEN_YEARS = 520
# Plain days, attributes and two-session days, as a keen hybrid athlete's weeks hold them.
CHOICES = (
    *map(parse_day, ("push", "pull:heavy", "legs:heavy+run:easy", "run:intervals", "rest")),
    *map(parse_day, ("push,pull", "legs", "run:long")),
    PlannedDay.UNPLANNED,
)
# The week the UI benchmarks show; the ten years stored end with it, and it is the heaviest
# a week gets: every day two sessions, with intensities and run types.
SHOWN_WEEK = IsoWeek(2026, 48)
TWO_SESSION_DAYS = tuple(
    map(
        parse_day,
        (
            "legs:heavy+run:easy",
            "push,pull",
            "run:intervals+legs:light",
            "pull:heavy+run:easy",
            "push:heavy,run:tempo",
            "legs+run:long",
            "push:light+pull:light",
        ),
    )
)


def plan_for(week: IsoWeek, salt: int, first: FirstWeekday = FirstWeekday.MONDAY) -> WeekPlan:
    """A varied but deterministic week; never entirely unplanned (that would not be stored)."""
    days = tuple(CHOICES[(week.week + salt + day) % len(CHOICES)] for day in range(7))
    if not any(day.is_planned for day in days):
        days = (PlannedDay.REST, *days[1:])
    return WeekPlan(week, first, days)


def ten_years_of_weeks(last: IsoWeek = SHOWN_WEEK) -> list[IsoWeek]:
    return [last.shifted(n - TEN_YEARS + 1) for n in range(TEN_YEARS)]


def fill_ten_years(path: Path) -> list[IsoWeek]:
    weeks = ten_years_of_weeks()
    plans = [plan_for(week, 0) for week in weeks[:-1]]
    plans.append(WeekPlan(SHOWN_WEEK, FirstWeekday.MONDAY, TWO_SESSION_DAYS))
    with Store.open(path) as store:
        store.replace_weeks(plans)
    return weeks
