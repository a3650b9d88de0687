"""ISO week names: what exists, what does not, and moving between weeks."""

from __future__ import annotations

import pendulum
import pytest

from planner.weeks import IsoWeek, WeekError


@pytest.mark.parametrize(
    ("text", "monday"),
    [
        ("2026-W48", pendulum.Date(2026, 11, 23)),
        ("2026-W53", pendulum.Date(2026, 12, 28)),
        ("2026-W01", pendulum.Date(2025, 12, 29)),
        ("2020-W53", pendulum.Date(2020, 12, 28)),
    ],
)
def test_parse_valid_weeks(text: str, monday: pendulum.Date) -> None:
    week = IsoWeek.parse(text)
    assert week.monday == monday
    assert str(week) == text
    assert [d.isoweekday() for d in week.days] == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize("text", ["2026-W00", "2025-W53", "2026-48", "2026-W4", "W48", "", "x"])
def test_parse_rejects_missing_and_malformed_weeks(text: str) -> None:
    with pytest.raises(WeekError):
        IsoWeek.parse(text)


def test_navigation_crosses_year_boundaries() -> None:
    assert IsoWeek(2026, 53).next() == IsoWeek(2027, 1)
    assert IsoWeek(2026, 1).previous() == IsoWeek(2025, 52)
    assert IsoWeek.containing(pendulum.Date(2027, 1, 1)) == IsoWeek(2026, 53)
