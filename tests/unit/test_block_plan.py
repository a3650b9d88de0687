"""planner.block_plan: the refusal names runs of planned weeks briefly, on one line."""

from __future__ import annotations

import pytest

from planner.block_plan import refusal
from planner.weeks import IsoWeek


@pytest.mark.parametrize(
    ("numbers", "named"),
    [
        ([50], "2026-W50 is"),
        ([50, 51, 52], "2026-W50 to 2026-W52 are"),
        ([49, 51, 52], "2026-W49, 2026-W51 to 2026-W52 are"),
    ],
)
def test_the_refusal_names_runs_of_weeks(numbers: list[int], named: str) -> None:
    text = refusal([IsoWeek(2026, n) for n in numbers])
    assert text == f"{named} planned already; give --replace to lay the block over them"


def test_a_run_crosses_the_year() -> None:
    weeks = [IsoWeek(2026, 53), IsoWeek(2027, 1)]
    assert refusal(weeks, "tick Replace").startswith("2026-W53 to 2027-W01 are planned")
