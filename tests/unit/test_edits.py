"""The edits of one day's sessions that the week screen's session keys make."""

from __future__ import annotations

import pytest

from planner.days import day_words, parse_day
from planner.edits import (
    EditError,
    add_session,
    cycle_attribute,
    remove_session,
    toggle_together,
)
from rules import Activity, PlannedDay


@pytest.mark.parametrize(
    ("words", "step", "expected"),
    [
        ("legs", 1, "legs:heavy"),
        ("legs:heavy", 1, "legs:light"),
        ("legs:light", 1, "legs"),
        ("legs", -1, "legs:light"),
        ("push:light", -1, "push:heavy"),
        ("run", 1, "run:long"),
        ("run:long", 1, "run:tempo"),
        ("run:tempo", 1, "run:intervals"),
        ("run:intervals", 1, "run"),
        ("run", -1, "run:intervals"),
        # The last session is the one that changes, the first and the joint stay.
        ("legs:heavy+run", 1, "legs:heavy+run:long"),
        ("push,pull:heavy", 1, "push,pull:light"),
    ],
)
def test_cycle_attribute_steps_the_last_session(words: str, step: int, expected: str) -> None:
    assert day_words(cycle_attribute(parse_day(words), step)) == expected


@pytest.mark.parametrize(
    ("words", "step", "expected"),
    [
        # The first of two sessions changes; the last and the joint stay.
        ("legs+run", 1, "legs:heavy+run"),
        ("legs:heavy+run:long", 1, "legs:light+run:long"),
        ("legs+run:tempo", -1, "legs:light+run:tempo"),
        ("run+legs:heavy", 1, "run:long+legs:heavy"),
        ("run:intervals,push", 1, "run,push"),
        ("push,pull:heavy", -1, "push:light,pull:heavy"),
    ],
)
def test_cycle_attribute_of_the_first_session(words: str, step: int, expected: str) -> None:
    assert day_words(cycle_attribute(parse_day(words), step, first=True)) == expected


def test_cycling_comes_back_round() -> None:
    for words, steps in (("pull:heavy", 3), ("run:tempo", 4)):
        day = parse_day(words)
        cycled = day
        for _ in range(steps):
            cycled = cycle_attribute(cycled)
        assert cycled == day


@pytest.mark.parametrize(
    ("words", "kind", "expected"),
    [
        ("legs:heavy", Activity.RUN, "legs:heavy+run"),
        ("push", Activity.PULL, "push+pull"),
        ("unplanned", Activity.RUN, "run"),
    ],
)
def test_add_session(words: str, kind: Activity, expected: str) -> None:
    day = PlannedDay.UNPLANNED if words == "unplanned" else parse_day(words)
    assert day_words(add_session(day, kind)) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [("legs:heavy+run:long", "legs:heavy"), ("push,pull", "push"), ("run:tempo", "unplanned")],
)
def test_remove_session_takes_the_last(words: str, expected: str) -> None:
    assert day_words(remove_session(parse_day(words))) == expected


def test_toggle_together_switches_back_and_forth() -> None:
    day = parse_day("legs:heavy+run")
    assert day_words(toggle_together(day)) == "legs:heavy,run"
    assert toggle_together(toggle_together(day)) == day


@pytest.mark.parametrize(
    ("edit", "words", "message"),
    [
        (cycle_attribute, "rest", "no session to set an intensity or run type for"),
        (cycle_attribute, "unplanned", "no session to set an intensity or run type for"),
        (lambda day: cycle_attribute(day, first=True), "rest", "no session to set an"),
        (lambda day: cycle_attribute(day, first=True), "unplanned", "no session to set an"),
        (
            lambda day: cycle_attribute(day, first=True),
            "legs",
            "one session, no first of two; press i for its intensity or run type",
        ),
        (remove_session, "rest", "a rest day, no session to remove"),
        (remove_session, "unplanned", "unplanned, no session to remove"),
        (toggle_together, "legs", "one session, nothing to put apart or together"),
        (toggle_together, "rest", "no session, nothing to put apart or together"),
        (lambda day: add_session(day, Activity.RUN), "legs+run", "already 2 sessions"),
        (lambda day: add_session(day, Activity.REST), "legs", "rest is a whole day"),
    ],
)
def test_impossible_edits_say_why_in_one_line(edit: object, words: str, message: str) -> None:
    day = PlannedDay.UNPLANNED if words == "unplanned" else parse_day(words)
    with pytest.raises(EditError) as refused:
        edit(day)  # type: ignore[operator]
    assert str(refused.value).startswith(message)
    assert "\n" not in str(refused.value)
