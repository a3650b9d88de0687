"""ISO weeks, the displayed dates under each first-weekday setting, and navigation."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.advice import CONTEXT_DAYS
from planner.weeks import (
    FIRST_DAY,
    FIRST_WEEK,
    LAST_DAY,
    LAST_WEEK,
    FirstWeekday,
    IsoWeek,
    UnsupportedWeek,
    WeekError,
    shown_dates,
    stored_week,
    week_of,
    weeks_in_year,
)

MONDAY, SUNDAY = FirstWeekday.MONDAY, FirstWeekday.SUNDAY
firsts = st.sampled_from(list(FirstWeekday))


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


# -- the supported weeks: 1900-W01 to 2999-W52 ---------------------------------------------


@pytest.mark.parametrize("text", ["0001-W01", "0001-W02", "1899-W52", "3000-W01", "9999-W52"])
def test_weeks_outside_the_supported_ones_are_refused(text: str) -> None:
    with pytest.raises(
        UnsupportedWeek, match=f"{text} is outside the weeks the planner supports"
    ) as refused:
        IsoWeek.parse(text)
    assert refused.value.name == text
    assert "(1900-W01 to 2999-W52)" in str(refused.value)


def test_the_edges_of_the_supported_weeks() -> None:
    assert (IsoWeek(1900, 1), IsoWeek(2999, 52)) == (FIRST_WEEK, LAST_WEEK)
    assert (date(1900, 1, 1), date(2999, 12, 29)) == (FIRST_DAY, LAST_DAY)
    # The day before 1900-W01 (its Sunday-first Sunday, its context) exists but is never
    # stored, nor is the day after 2999-W52.
    assert shown_dates(FIRST_WEEK, SUNDAY)[0] == date(1899, 12, 31)
    assert stored_week(date(1899, 12, 31)) is None
    assert stored_week(date(2999, 12, 30)) is None
    assert stored_week(FIRST_DAY) == FIRST_WEEK
    assert stored_week(LAST_DAY) == LAST_WEEK


@pytest.mark.parametrize(
    ("week", "steps", "message"),
    [
        (FIRST_WEEK, -1, "1900-W01 is the first week the planner supports"),
        (IsoWeek(1900, 5), -5, "1900-W01 is the first week"),
        (LAST_WEEK, 1, "2999-W52 is the last week the planner supports"),
        (IsoWeek(2999, 40), 13, "2999-W52 is the last week"),
        (IsoWeek(2026, 48), 10**12, "2999-W52 is the last week"),
        (IsoWeek(2026, 48), -(10**12), "1900-W01 is the first week"),
    ],
)
def test_moving_past_an_edge_stops_there(week: IsoWeek, steps: int, message: str) -> None:
    with pytest.raises(WeekError, match=message):
        week.shifted(steps)


def test_moving_up_to_an_edge_is_fine() -> None:
    assert IsoWeek(1900, 2).previous() == FIRST_WEEK
    assert IsoWeek(2999, 51).next() == LAST_WEEK
    assert IsoWeek(1900, 5).shifted(-4) == FIRST_WEEK


supported_weeks = st.integers(min_value=0, max_value=(LAST_DAY - FIRST_DAY).days // 7).map(
    lambda n: IsoWeek.containing(FIRST_DAY + timedelta(weeks=n))
)


@given(supported_weeks, firsts)
def test_every_supported_week_has_every_date_it_needs(week: IsoWeek, first: FirstWeekday) -> None:
    """Each view of a supported week, its context days and its year exist as dates."""
    shown = shown_dates(week, first)
    assert len(shown) == 7
    shown[0].subtract(days=CONTEXT_DAYS)
    shown[-1].add(days=CONTEXT_DAYS)
    IsoWeek(week.year, 1)
    IsoWeek(week.year, weeks_in_year(week.year))


@pytest.mark.parametrize("week", [FIRST_WEEK, LAST_WEEK])
def test_the_edge_weeks_are_seen_whole(week: IsoWeek) -> None:
    for first in FirstWeekday:
        assert len(shown_dates(week, first)) == 7


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


# Past the first week: the tiling test looks one week back.
days = st.dates(min_value=date(1900, 1, 8), max_value=date(2200, 12, 31))


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
