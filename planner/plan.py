"""Immutable values the screens and the store exchange: a displayed week and the settings."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pendulum

from planner.weeks import FirstWeekday, IsoWeek, shown_dates
from rules import Activity

DAYS_IN_WEEK = 7


@dataclass(frozen=True, slots=True)
class WeekPlan:
    """One displayed week: seven activities (``None`` = unplanned) in displayed order.

    With Sunday-first the first entry is the Sunday before the ISO Monday, so a plan may touch
    two ISO weeks; the store takes care of that.
    """

    week: IsoWeek
    first_weekday: FirstWeekday
    activities: tuple[Activity | None, ...]

    def __post_init__(self) -> None:
        if len(self.activities) != DAYS_IN_WEEK:
            raise ValueError(
                f"a week has {DAYS_IN_WEEK} days, got {len(self.activities)} activities"
            )
        for activity in self.activities:
            if activity is not None and not isinstance(activity, Activity):
                raise TypeError(f"{activity!r} is not an Activity or None")
        if not isinstance(self.first_weekday, FirstWeekday):
            raise TypeError(f"{self.first_weekday!r} is not a FirstWeekday")

    @classmethod
    def empty(cls, week: IsoWeek, first_weekday: FirstWeekday) -> WeekPlan:
        return cls(week, first_weekday, (None,) * DAYS_IN_WEEK)

    @property
    def dates(self) -> tuple[pendulum.Date, ...]:
        return shown_dates(self.week, self.first_weekday)

    @property
    def days(self) -> tuple[tuple[pendulum.Date, Activity | None], ...]:
        """(date, activity) pairs in displayed order, ready for the rules engine."""
        return tuple(zip(self.dates, self.activities, strict=True))

    @property
    def is_empty(self) -> bool:
        return all(activity is None for activity in self.activities)

    def with_activity(self, index: int, activity: Activity | None) -> WeekPlan:
        if not 0 <= index < DAYS_IN_WEEK:
            raise IndexError(f"day index {index} is outside 0-{DAYS_IN_WEEK - 1}")
        activities = list(self.activities)
        activities[index] = activity
        return replace(self, activities=tuple(activities))

    def activity_on(self, day: date) -> Activity | None:
        for shown, activity in zip(self.dates, self.activities, strict=True):
            if shown == day:
                return activity
        raise ValueError(f"{day.isoformat()} is not shown in {self.week}")


@dataclass(frozen=True, slots=True)
class Settings:
    """User settings. New fields need a default so older databases still load."""

    first_weekday: FirstWeekday = FirstWeekday.MONDAY
    # The week whose layout new, unplanned weeks show until edited (planner/repeat.py).
    repeat_week: IsoWeek | None = None
