"""The words a day is read in (planner.days.day_phrase), beside the words it is typed in."""

from __future__ import annotations

import pytest

from planner.days import day_phrase, day_sentence, parse_day
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


@pytest.mark.parametrize(
    ("words", "sentence"),
    [
        ("legs:heavy+run", "Legs (heavy), then an easy run in the evening"),
        ("legs", "Legs (moderate)"),
        ("run:long", "Run (long)"),
        ("push,pull", "Push (moderate), then a moderate pull session straight after"),
        ("run:tempo+legs:light", "Run (tempo), then a light leg session in the evening"),
        ("pull:heavy+run:intervals", "Pull (heavy), then an interval run in the evening"),
        ("legs+run:long", "Legs (moderate), then a long run in the evening"),
        ("run,push:heavy", "Run (easy), then a heavy push session straight after"),
        ("push+run:tempo", "Push (moderate), then a tempo run in the evening"),
        ("rest", "Rest day"),
        ("-", "Nothing planned"),
    ],
)
def test_day_sentence_says_a_day_as_a_person_writes_it(words: str, sentence: str) -> None:
    assert day_sentence(parse_day(words, clear=True)) == sentence
