"""A week as a person types it into the go-to-week dialog."""

from __future__ import annotations

from datetime import date

import pytest

from planner.week_names import FORMS, read_week
from planner.weeks import FirstWeekday, IsoWeek, WeekError

TODAY = date(2026, 11, 25)
SHOWN = IsoWeek(2026, 48)


def read(text: str, first: FirstWeekday = FirstWeekday.MONDAY) -> IsoWeek:
    return read_week(text, shown=SHOWN, today=TODAY, first=first)


@pytest.mark.parametrize(
    ("text", "week"),
    [
        ("2027-W3", IsoWeek(2027, 3)),
        ("2027-w03", IsoWeek(2027, 3)),
        (" 2027-W03 ", IsoWeek(2027, 3)),
        ("W3", IsoWeek(2026, 3)),  # this year
        ("w48", IsoWeek(2026, 48)),
        ("2027-01-15", IsoWeek(2027, 2)),  # the week holding the date
        ("2027-01-03", IsoWeek(2026, 53)),
        ("next", IsoWeek(2026, 49)),
        ("Prev", IsoWeek(2026, 47)),
    ],
)
def test_the_forms_a_week_is_typed_in(text: str, week: IsoWeek) -> None:
    assert read(text) == week


def test_a_date_is_in_the_week_as_shown() -> None:
    sunday = "2026-11-29"
    assert read(sunday) == IsoWeek(2026, 48)
    assert read(sunday, FirstWeekday.SUNDAY) == IsoWeek(2026, 49)


def test_this_year_is_todays_iso_year() -> None:
    week = read_week("W1", shown=SHOWN, today=date(2027, 1, 2), first=FirstWeekday.MONDAY)
    assert week == IsoWeek(2026, 1)  # 2 January 2027 is in 2026-W53


@pytest.mark.parametrize("text", ["", "x", "2026-48", "2026W48", "W", "W123", "tomorrow", "[/]"])
def test_anything_else_names_the_forms_in_one_line(text: str) -> None:
    with pytest.raises(WeekError) as error:
        read(text)
    message = str(error.value)
    assert message.endswith(FORMS) and "\n" not in message
    assert len(message) <= 72  # one line of the dialog at 80 columns


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2025-W53", "2025 has weeks W01 to W52; W53 does not exist"),
        ("2027-02-30", "'2027-02-30' is no date"),
        ("0001-W01", "0001-W01 is outside the weeks the planner supports"),
        ("1899-12-31", "1899-12-31 is outside the weeks the planner supports"),
        ("W00", "W00 does not exist"),
    ],
)
def test_a_week_that_does_not_exist_says_so(text: str, says: str) -> None:
    with pytest.raises(WeekError, match=says):
        read(text)


def test_next_stops_at_the_edge() -> None:
    with pytest.raises(WeekError, match="last week"):
        read_week("next", shown=IsoWeek(2999, 52), today=TODAY, first=FirstWeekday.MONDAY)
