"""Immutable values the screens and the store exchange: a displayed week and the settings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

import pendulum

from planner.days import DAYS_IN_WEEK
from planner.weeks import FirstWeekday, IsoWeek, shown_dates
from rules import DEFAULT_GOAL, Activity, Goal, PlannedDay

DatedDay = tuple[pendulum.Date, PlannedDay]


@dataclass(frozen=True, slots=True)
class WeekPlan:
    """One displayed week: seven days in displayed order.

    With Sunday-first the first day is the Sunday before the ISO Monday, so a plan may touch
    two ISO weeks; the store takes care of that.
    """

    week: IsoWeek
    first_weekday: FirstWeekday
    days: tuple[PlannedDay, ...]

    def __post_init__(self) -> None:
        if len(self.days) != DAYS_IN_WEEK:
            raise ValueError(f"a week has {DAYS_IN_WEEK} days, got {len(self.days)}")
        for day in self.days:
            if not isinstance(day, PlannedDay):
                raise TypeError(f"{day!r} is not a PlannedDay")
        if not isinstance(self.first_weekday, FirstWeekday):
            raise TypeError(f"{self.first_weekday!r} is not a FirstWeekday")

    @classmethod
    def empty(cls, week: IsoWeek, first_weekday: FirstWeekday) -> WeekPlan:
        return cls(week, first_weekday, (PlannedDay.UNPLANNED,) * DAYS_IN_WEEK)

    @classmethod
    def of_activities(
        cls, week: IsoWeek, first_weekday: FirstWeekday, activities: Iterable[Activity | None]
    ) -> WeekPlan:
        """A week from one activity per day (None: unplanned)."""
        return cls(week, first_weekday, tuple(PlannedDay.of(activity) for activity in activities))

    @property
    def dates(self) -> tuple[pendulum.Date, ...]:
        return shown_dates(self.week, self.first_weekday)

    @property
    def dated_days(self) -> tuple[DatedDay, ...]:
        """(date, day) pairs in displayed order."""
        return tuple(zip(self.dates, self.days, strict=True))

    @property
    def activities(self) -> tuple[Activity | None, ...]:
        """Each day's activity (None: unplanned), in displayed order."""
        return tuple(day.activity for day in self.days)

    @property
    def is_empty(self) -> bool:
        return not any(day.is_planned for day in self.days)

    def with_day(self, index: int, day: PlannedDay) -> WeekPlan:
        if not 0 <= index < DAYS_IN_WEEK:
            raise IndexError(f"day index {index} is outside 0-{DAYS_IN_WEEK - 1}")
        days = list(self.days)
        days[index] = day
        return replace(self, days=tuple(days))

    def day_on(self, day: date) -> PlannedDay:
        for shown, planned in zip(self.dates, self.days, strict=True):
            if shown == day:
                return planned
        raise ValueError(f"{day.isoformat()} is not shown in {self.week}")


@dataclass(frozen=True, slots=True)
class Settings:
    """User settings. New fields need a default so older databases still load."""

    first_weekday: FirstWeekday = FirstWeekday.MONDAY
    # The week whose layout new, unplanned weeks show until edited (planner/repeat.py).
    repeat_week: IsoWeek | None = None
    # The planner's colour theme, as Textual names it; None: Textual's default.
    theme: str | None = None
    # What the user trains for: it weighs the advice (rules.Goal).
    goal: Goal = DEFAULT_GOAL
