"""The words a day is read in (planner.days.day_phrase), beside the words it is typed in."""

from __future__ import annotations

import pytest

from planner.days import day_phrase, parse_day
from rules import PlannedDay


@pytest.mark.parametrize(
    ("words", "phrase"),
    [
        ("legs:heavy+run", "Legs heavy + Run"),
        ("push,pull", "Push & Pull"),
        ("run:intervals", "Run intervals"),
        ("legs:moderate", "Legs"),
        ("rest", "Rest"),
    ],
)
def test_day_phrase_reads_a_day(words: str, phrase: str) -> None:
    assert day_phrase(parse_day(words)) == phrase


def test_an_unplanned_day_reads_unplanned() -> None:
    assert day_phrase(PlannedDay.UNPLANNED) == "unplanned"
