"""ISO weeks, the displayed dates under each first-weekday setting, and navigation."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.weeks import FirstWeekday, IsoWeek, WeekError, shown_dates, week_of

MONDAY, SUNDAY = FirstWeekday.MONDAY, FirstWeekday.SUNDAY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-W48", IsoWeek(2026, 48)),
        ("2026-W53", IsoWeek(2026, 53)),
        ("2020-W53", IsoWeek(2020, 53)),
        ("2026-W01", IsoWeek(2026, 1)),
        (" 2026-W01 ", IsoWeek(2026, 1)),
    ],
)
def test_parse_existing_weeks(text: str, expected: IsoWeek) -> None:
    assert IsoWeek.parse(text) == expected
    assert str(expected) == text.strip()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-W53", "2025 has weeks W01 to W52"),
        ("2026-W00", "W00 does not exist"),
        ("2026-W54", "W54 does not exist"),
        ("0000-W01", "out of range"),
        ("2026-48", "is not an ISO week"),
        ("2026-W4", "is not an ISO week"),
        ("2026W48", "is not an ISO week"),
        ("2026-w48", "is not an ISO week"),
        ("", "is not an ISO week"),
        ("2026-W48-1", "is not an ISO week"),
    ],
)
def test_parse_rejects(text: str, message: str) -> None:
    with pytest.raises(WeekError, match=message):
        IsoWeek.parse(text)


@pytest.mark.parametrize(
    ("week", "first", "start", "end"),
    [
        (IsoWeek(2026, 48), MONDAY, date(2026, 11, 23), date(2026, 11, 29)),
        (IsoWeek(2026, 48), SUNDAY, date(2026, 11, 22), date(2026, 11, 28)),
        # Year boundaries: ISO W01 starting in December, and W53 ending in January.
        (IsoWeek(2026, 1), MONDAY, date(2025, 12, 29), date(2026, 1, 4)),
        (IsoWeek(2026, 1), SUNDAY, date(2025, 12, 28), date(2026, 1, 3)),
        (IsoWeek(2026, 53), MONDAY, date(2026, 12, 28), date(2027, 1, 3)),
        (IsoWeek(2026, 53), SUNDAY, date(2026, 12, 27), date(2027, 1, 2)),
        (IsoWeek(2021, 1), SUNDAY, date(2021, 1, 3), date(2021, 1, 9)),
    ],
)
def test_shown_dates(week: IsoWeek, first: FirstWeekday, start: date, end: date) -> None:
    dates = shown_dates(week, first)
    assert dates[0] == start
    assert dates[-1] == end
    assert [b - a for a, b in pairwise(dates)] == [timedelta(days=1)] * 6
    assert all(isinstance(day, pendulum.Date) for day in dates)
    assert dates[0].isoweekday() == (1 if first is MONDAY else 7)


@pytest.mark.parametrize(
    ("day", "first", "expected"),
    [
        (date(2026, 11, 22), MONDAY, IsoWeek(2026, 47)),  # a Sunday
        (date(2026, 11, 22), SUNDAY, IsoWeek(2026, 48)),
        (date(2026, 11, 28), SUNDAY, IsoWeek(2026, 48)),  # a Saturday
        (date(2026, 11, 29), SUNDAY, IsoWeek(2026, 49)),
        (date(2025, 12, 28), SUNDAY, IsoWeek(2026, 1)),
        (date(2027, 1, 3), MONDAY, IsoWeek(2026, 53)),
        (date(2027, 1, 3), SUNDAY, IsoWeek(2027, 1)),
    ],
)
def test_week_of(day: date, first: FirstWeekday, expected: IsoWeek) -> None:
    assert week_of(day, first) == expected


def test_first_weekday_values_are_stable() -> None:
    # These strings are written to the database.
    assert [f.value for f in FirstWeekday] == ["monday", "sunday"]


def test_shown_dates_before_year_one() -> None:
    with pytest.raises(WeekError, match="first representable date"):
        shown_dates(IsoWeek(1, 1), SUNDAY)


@pytest.mark.parametrize(
    ("week", "steps", "expected"),
    [
        (IsoWeek(2026, 52), 1, IsoWeek(2026, 53)),
        (IsoWeek(2026, 53), 1, IsoWeek(2027, 1)),
        (IsoWeek(2026, 1), -1, IsoWeek(2025, 52)),
        (IsoWeek(2025, 52), 1, IsoWeek(2026, 1)),
        (IsoWeek(2026, 48), 52, IsoWeek(2027, 47)),
    ],
)
def test_navigation(week: IsoWeek, steps: int, expected: IsoWeek) -> None:
    assert week.shifted(steps) == expected
    if steps == 1:
        assert week.next() == expected
        assert expected.previous() == week


days = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
firsts = st.sampled_from(list(FirstWeekday))


@given(days, firsts)
def test_week_of_is_inverse_of_shown_dates(day: date, first: FirstWeekday) -> None:
    week = week_of(day, first)
    shown = shown_dates(week, first)
    assert day in shown
    assert all(week_of(other, first) == week for other in shown)


@given(days, firsts)
def test_consecutive_shown_weeks_tile_the_calendar(day: date, first: FirstWeekday) -> None:
    week = week_of(day, first)
    assert shown_dates(week.next(), first)[0] == shown_dates(week, first)[-1] + timedelta(days=1)
    assert (
        shown_dates(week.previous(), first)[-1] + timedelta(days=1) == shown_dates(week, first)[0]
    )


@given(st.integers(min_value=1900, max_value=2200))
def test_week_53_exists_exactly_when_28_december_says_so(year: int) -> None:
    last = date(year, 12, 28).isocalendar().week
    IsoWeek(year, last)
    with pytest.raises(WeekError):
        IsoWeek(year, last + 1)
