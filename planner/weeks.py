"""ISO weeks and their dates.

A week is named by its ISO week (``2026-W48``). pendulum accepts ``2026-W00`` and its
``GGGG-[W]WW`` format returns literal text, so weeks are parsed and named here, with
``date.isocalendar()`` as the single source of truth.

The planner supports the ISO weeks of the years 1900 to 2999 (1900-W01 to 2999-W52): far
wider than any real plan, and far enough from the ends of Python's calendar (years 1 and
9999) that every date a week needs exists: its Sunday-first view, the days of context on
each side, a whole year screen, an export. Every week value is in that range; a week name
outside it is refused where it comes in (command line, import, the go-to-week dialog), and
moving past either end stops there with a message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

import pendulum

# ASCII digits only: \d and int() also take fullwidth and other scripts' digits.
_ISO_WEEK = re.compile(r"([0-9]{4})-W([0-9]{2})")

FIRST_YEAR = 1900
LAST_YEAR = 2999


class WeekError(ValueError):
    """A week name that is malformed or names a week that does not exist."""


class UnsupportedWeek(WeekError):
    """A week that exists in the calendar but lies outside the weeks the planner supports
    (a database written by an older planner may hold one); ``name`` is how it is written."""

    def __init__(self, year: int, week: int) -> None:
        self.name = f"{year:04d}-W{week:02d}"
        super().__init__(
            f"{self.name} is outside the weeks the planner supports "
            f"({FIRST_YEAR}-W01 to {LAST_YEAR}-W{weeks_in_year(LAST_YEAR):02d})"
        )


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
        if not FIRST_YEAR <= self.year <= LAST_YEAR:
            if 1 <= self.year <= 9999 and 1 <= self.week <= weeks_in_year(self.year):
                raise UnsupportedWeek(self.year, self.week)
            raise WeekError(
                f"year {self.year} is out of range: the planner supports weeks "
                f"{FIRST_YEAR}-W01 to {LAST_YEAR}-W{weeks_in_year(LAST_YEAR):02d}"
            )
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
        """The week ``weeks`` later (earlier if negative); WeekError past either end of the
        supported weeks."""
        try:
            monday: date | None = self.monday.add(weeks=weeks)
        except (OverflowError, ValueError):
            monday = None
        if monday is None or not supported(monday):
            edge, where = (FIRST_WEEK, "first") if weeks < 0 else (LAST_WEEK, "last")
            raise WeekError(f"{edge} is the {where} week the planner supports")
        return IsoWeek.containing(monday)

    def next(self) -> IsoWeek:
        return self.shifted(1)

    def previous(self) -> IsoWeek:
        return self.shifted(-1)


FIRST_WEEK = IsoWeek(FIRST_YEAR, 1)
LAST_WEEK = IsoWeek(LAST_YEAR, weeks_in_year(LAST_YEAR))
# The first and last days of the supported weeks: a day outside them (the Sunday before
# 1900-W01 in its Sunday-first view, a context day) is never planned.
FIRST_DAY = FIRST_WEEK.monday
LAST_DAY = LAST_WEEK.days[-1]


def supported(day: date) -> bool:
    """Whether ``day`` lies in a supported week, and so can be planned and stored."""
    return FIRST_DAY <= day <= LAST_DAY


def stored_week(day: date) -> IsoWeek | None:
    """The ISO week ``day`` is stored in; None for a day outside the supported weeks."""
    return IsoWeek.containing(day) if supported(day) else None


class UnsupportedDay(WeekError):
    """A day outside the supported weeks was to be planned."""

    def __init__(self, day: date) -> None:
        super().__init__(
            f"{day.isoformat()} is outside the weeks the planner supports "
            f"({FIRST_WEEK} to {LAST_WEEK}); it cannot be planned"
        )


@lru_cache(maxsize=256)
def shown_dates(week: IsoWeek, first: FirstWeekday) -> tuple[pendulum.Date, ...]:
    """The seven dates displayed for ``week``. Kept per week: asked for many times on every
    key press, and pendulum's date arithmetic is slow.

    Monday-first is the ISO week itself. Sunday-first starts the day before the ISO Monday and
    ends on the Saturday, so its Sunday belongs to the previous ISO week.
    """
    monday = week.monday
    start = monday if first is FirstWeekday.MONDAY else monday.subtract(days=1)
    return tuple(start.add(days=offset) for offset in range(7))


def week_of(day: date, first: FirstWeekday) -> IsoWeek:
    """The displayed week containing ``day``: the inverse of :func:`shown_dates`.

    Sunday-first weeks start on Sunday, so a Sunday is shown in the next ISO week's row.
    """
    if first is FirstWeekday.SUNDAY and day.isoweekday() == 7:
        return IsoWeek.containing(day + timedelta(days=1))
    return IsoWeek.containing(day)
