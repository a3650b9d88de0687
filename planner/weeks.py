"""ISO weeks and their dates.

A week is named by its ISO week (``2026-W48``). pendulum accepts ``2026-W00`` and its
``GGGG-[W]WW`` format returns literal text, so weeks are parsed and named here, with
``date.isocalendar()`` as the single source of truth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

import pendulum

_ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})")


class WeekError(ValueError):
    """A week name that is malformed or names a week that does not exist."""


class FirstWeekday(StrEnum):
    """The day a displayed week starts on: a user setting, never pendulum's global state."""

    MONDAY = "monday"
    SUNDAY = "sunday"


def weeks_in_year(year: int) -> int:
    """52 or 53: 28 December always falls in the last ISO week of its year."""
    return date(year, 12, 28).isocalendar().week


@dataclass(frozen=True, order=True, slots=True)
class IsoWeek:
    year: int
    week: int

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise WeekError(f"year {self.year} is out of range (1-9999)")
        last = weeks_in_year(self.year)
        if not 1 <= self.week <= last:
            raise WeekError(
                f"{self.year} has weeks W01 to W{last:02d}; W{self.week:02d} does not exist"
            )

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        match = _ISO_WEEK.fullmatch(text.strip())
        if match is None:
            raise WeekError(f"'{text}' is not an ISO week; write it like 2026-W48")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def containing(cls, day: date) -> IsoWeek:
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    def __str__(self) -> str:
        return f"{self.year:04d}-W{self.week:02d}"

    @property
    def monday(self) -> pendulum.Date:
        return pendulum.Date.fromisocalendar(self.year, self.week, 1)

    @property
    def days(self) -> tuple[pendulum.Date, ...]:
        """Monday to Sunday."""
        monday = self.monday
        return tuple(monday.add(days=offset) for offset in range(7))

    def shifted(self, weeks: int) -> IsoWeek:
        return IsoWeek.containing(self.monday.add(weeks=weeks))

    def next(self) -> IsoWeek:
        return self.shifted(1)

    def previous(self) -> IsoWeek:
        return self.shifted(-1)


@lru_cache(maxsize=256)
def shown_dates(week: IsoWeek, first: FirstWeekday) -> tuple[pendulum.Date, ...]:
    """The seven dates displayed for ``week``. Kept per week: asked for many times on every
    key press, and pendulum's date arithmetic is slow.

    Monday-first is the ISO week itself. Sunday-first starts the day before the ISO Monday and
    ends on the Saturday, so its Sunday belongs to the previous ISO week.
    """
    monday = week.monday
    if first is FirstWeekday.MONDAY:
        start = monday
    else:
        try:
            start = monday.subtract(days=1)
        except OverflowError:
            raise WeekError(f"{week} starts before the first representable date") from None
    return tuple(start.add(days=offset) for offset in range(7))


def week_of(day: date, first: FirstWeekday) -> IsoWeek:
    """The displayed week containing ``day``: the inverse of :func:`shown_dates`.

    Sunday-first weeks start on Sunday, so a Sunday is shown in the next ISO week's row.
    """
    if first is FirstWeekday.SUNDAY and day.isoweekday() == 7:
        return IsoWeek.containing(day + timedelta(days=1))
    return IsoWeek.containing(day)
