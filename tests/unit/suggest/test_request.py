"""Suggest requests: impossible ones get one clear line; weekday names become day indexes."""

from __future__ import annotations

import pytest

from planner.suggest.request import SuggestError, SuggestRequest, check_request, day_index
from planner.weeks import FirstWeekday
from rules import Activity, PlannedDay, Session

PUSH, PULL, LEGS, RUN, REST = (Activity(name) for name in ("push", "pull", "legs", "run", "rest"))
MONDAY, SUNDAY = FirstWeekday.MONDAY, FirstWeekday.SUNDAY


@pytest.mark.parametrize(
    ("request_", "first", "message"),
    [
        (
            SuggestRequest({PUSH: 4, PULL: 4}),
            MONDAY,
            "8 sessions do not fit in a week of 7 days; ask for fewer",
        ),
        (SuggestRequest({PUSH: -1}), MONDAY, "push=-1: a count must be a whole number, 0 or more"),
        (SuggestRequest({PUSH: 1.5}), MONDAY, "push=1.5: a count must be a whole number"),  # type: ignore[dict-item]
        (SuggestRequest({PUSH: True}), MONDAY, "push=True: a count must be a whole number"),
        (SuggestRequest({REST: 2}), MONDAY, "rest is not counted: it fills the days left over"),
        (SuggestRequest({"swim": 1}), MONDAY, "'swim' is not a session to count"),  # type: ignore[dict-item]
        (
            SuggestRequest({PUSH: 2, PULL: 2, LEGS: 1}, rest_min=3),
            MONDAY,
            "5 sessions leave 2 rest days, fewer than the 3 asked for; "
            "drop a session or lower the rest minimum",
        ),
        (SuggestRequest({RUN: 6}, rest_min=2), MONDAY, "6 sessions leave 1 rest day, fewer"),
        (SuggestRequest({}, rest_min=-1), MONDAY, "at least -1 rest days: write a whole number"),
        (
            SuggestRequest({RUN: 1}, pins={5: RUN, 6: RUN}),
            MONDAY,
            "run is pinned on 2 days (Sat, Sun) but run=1; ask for run=2 or drop a pin",
        ),
        (
            SuggestRequest({PUSH: 1}, pins={5: RUN}),
            MONDAY,
            "run is pinned on Sat but run=0; ask for run=1 or drop the pin",
        ),
        (
            SuggestRequest({PUSH: 1}, pins={0: RUN}),
            SUNDAY,
            "run is pinned on Sun but run=0",
        ),
        (
            SuggestRequest({PUSH: 3, PULL: 3}, pins={0: REST, 1: REST}),
            MONDAY,
            "rest is pinned on 2 days (Mon, Tue) but 6 sessions leave only 1; "
            "unpin a rest day or drop a session",
        ),
        (SuggestRequest({RUN: 1}, pins={7: RUN}), MONDAY, "day 7 is not in the week; pin days 0-6"),
        (SuggestRequest({RUN: 1}, pins={-1: RUN}), MONDAY, "day -1 is not in the week"),
        (
            SuggestRequest({RUN: 1}, pins={2: "swim"}),  # type: ignore[dict-item]
            MONDAY,
            "Wed: 'swim' is not an activity (known: push, pull, legs, run, rest)",
        ),
    ],
)
def test_impossible_requests_say_what_is_wrong(
    request_: SuggestRequest, first: FirstWeekday, message: str
) -> None:
    with pytest.raises(SuggestError) as raised:
        check_request(request_, first)
    text = str(raised.value)
    assert text.startswith(message)
    assert "\n" not in text


@pytest.mark.parametrize(
    "request_",
    [
        SuggestRequest({}),
        SuggestRequest({RUN: 7}),
        SuggestRequest({PUSH: 0, PULL: 0, LEGS: 0, RUN: 0}, rest_min=7),
        SuggestRequest({PUSH: 1, PULL: 1, LEGS: 1, RUN: 2}, rest_min=2, pins={5: RUN, 6: REST}),
        SuggestRequest({RUN: 6}, rest_min=1, pins={3: REST}),
    ],
)
def test_satisfiable_requests_pass(request_: SuggestRequest) -> None:
    check_request(request_)


def test_plain_strings_become_activities_and_the_request_is_frozen() -> None:
    counts = {"run": 2}
    request = SuggestRequest(counts, pins={5: "run"})  # type: ignore[arg-type]
    counts["run"] = 9
    assert request.counts == {Session(RUN): 2}
    assert request.pins[5] == PlannedDay((Session(RUN),))
    assert request.sessions == 2
    assert request.kind_count(RUN) == 2


@pytest.mark.parametrize(
    ("name", "first", "index"),
    [
        ("mon", MONDAY, 0),
        ("sat", MONDAY, 5),
        ("Saturday", MONDAY, 5),
        ("SUN", MONDAY, 6),
        ("sun", SUNDAY, 0),
        ("mon", SUNDAY, 1),
        ("sat", SUNDAY, 6),
        ("tues", MONDAY, 1),
        (" thu ", MONDAY, 3),
    ],
)
def test_day_index(name: str, first: FirstWeekday, index: int) -> None:
    assert day_index(name, first) == index


@pytest.mark.parametrize("name", ["", "s", "su", "someday", "7", "moon"])
def test_day_index_rejects_what_is_not_a_weekday(name: str) -> None:
    with pytest.raises(SuggestError, match="is not a day of the week; write mon, tue"):
        day_index(name, MONDAY)
