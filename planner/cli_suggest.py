"""``planner suggest``: ``ACTIVITY=N`` counts and ``--pin DAY=ACTIVITY`` words read into a
request, and the suggestions printed as a grid or as JSON."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from planner.cli_set import describe_changes
from planner.cli_show import days_json
from planner.names import DAY_NAMES, UnknownName, day_name, parse_activity, parse_day
from planner.plan import WeekPlan
from planner.suggest import Suggestion, SuggestRequest, check_request
from planner.suggest_request import SESSIONS
from planner.weeks import FirstWeekday
from rules import Activity

_COUNT = re.compile(r"[0-9]+")
_CELL = 8  # width of a day's column in the grid


class RequestWordError(ValueError):
    """A count or pin word that cannot be read; ``str()`` is the message."""


def _split(word: str, example: str, what: str) -> tuple[str, str]:
    left, equals, right = word.partition("=")
    if not equals or not left.strip() or not right.strip():
        raise RequestWordError(f"'{word}' is not {what}; write it like {example}")
    return left, right


def _activity(text: str, word: str) -> Activity:
    try:
        activity = parse_activity(text)
    except UnknownName as error:
        raise RequestWordError(f"{word}: {error}") from None
    assert activity is not None  # None only for "-" with clear=True
    return activity


def parse_counts(words: Sequence[str]) -> dict[Activity, int]:
    """``push=1 run=2`` as {activity: count}; rest is refused (it fills the other days)."""
    counts: dict[Activity, int] = {}
    given: dict[Activity, str] = {}
    for word in words:
        name, number = _split(word, "run=2", "ACTIVITY=N")
        activity = _activity(name, word)
        if not _COUNT.fullmatch(number.strip()):
            raise RequestWordError(f"{word}: the count must be a whole number, 0 or more")
        if activity is Activity.REST:
            raise RequestWordError(
                f"{word}: rest is not counted, it fills the days left over; "
                f"use --rest-min {int(number)} to ask for at least {int(number)} rest days"
            )
        if activity in given:
            raise RequestWordError(
                f"{activity} is given twice ({given[activity]}, {word}); give each once"
            )
        given[activity] = word
        counts[activity] = int(number)
    return counts


def parse_pins(words: Sequence[str]) -> dict[int, Activity]:
    """``sat=run`` as {ISO weekday (0 = Monday): activity}."""
    pins: dict[int, Activity] = {}
    given: dict[int, str] = {}
    for word in words:
        day, name = _split(word, "--pin sat=run", "DAY=ACTIVITY")
        try:
            weekday = parse_day(day)
        except UnknownName as error:
            raise RequestWordError(f"--pin {word}: {error}") from None
        activity = _activity(name, f"--pin {word}")
        if weekday in given:
            raise RequestWordError(
                f"{day.strip().lower()} is pinned twice ({given[weekday]}, {word}); "
                "pin each day once"
            )
        given[weekday] = word
        pins[weekday] = activity
    return pins


def weekday_request(
    counts: dict[Activity, int], rest_min: int, pins: dict[int, Activity]
) -> SuggestRequest:
    """The request with pins by ISO weekday, checked: SuggestError if no week fits it.

    Checked Monday-first, where a displayed index is the ISO weekday, so messages name the
    pinned days right before the store (and so the first-weekday setting) is even opened.
    """
    request = SuggestRequest(counts, rest_min, pins)
    check_request(request, FirstWeekday.MONDAY)
    return request


def on_week(request: SuggestRequest, plan: WeekPlan) -> SuggestRequest:
    """``request`` with each pin moved to the displayed day of its weekday in ``plan``."""
    index = {day.weekday(): position for position, day in enumerate(plan.dates)}
    pins = {index[weekday]: activity for weekday, activity in request.pins.items()}
    return SuggestRequest(request.counts, request.rest_min, pins)


def describe_request(request: SuggestRequest) -> str:
    """``push 1, pull 1, legs 1, run 2, rest 2 (at least 1); pinned: sat run``."""
    parts = [f"{activity} {request.count(activity)}" for activity in SESSIONS]
    rest = f"rest {request.count(Activity.REST)}"
    if request.rest_min:
        rest += f" (at least {request.rest_min})"
    text = ", ".join([*parts, rest])
    if request.pins:
        pinned = sorted(request.pins.items())
        text += "; pinned: " + ", ".join(f"{DAY_NAMES[day]} {act}" for day, act in pinned)
    return text


def _compared_with(rank: int, total: int) -> int | None:
    """The rank a suggestion's differences refer to: the runner-up for the best one."""
    other = 2 if rank == 1 else 1
    return other if other <= total else None


def suggestions_text(
    stored: WeekPlan,
    request: SuggestRequest,
    suggestions: Sequence[Suggestion],
    applied: WeekPlan | None,
) -> str:
    """The suggestions as a grid, best first, then how each differs; then what ``--apply``
    wrote (``applied``: the week as it was saved) or would replace."""
    dates = stored.dates
    header = "".join(f"{f'{day:%a} {day.day}':<{_CELL}}" for day in dates)
    lines = [
        f"Suggestions for {stored.week}: {describe_request(request)}",
        "",
        f"      {header}score",
    ]
    for rank, suggestion in enumerate(suggestions, start=1):
        cells = "".join(f"{activity!s:<{_CELL}}" for activity in suggestion.plan.activities)
        lines.append(f"  {rank}.  {cells}{suggestion.score:>5}")
    lines.append("")
    if len(suggestions) == 1:
        lines.append("Only this week fits the request.")
    for rank, suggestion in enumerate(suggestions, start=1):
        other = _compared_with(rank, len(suggestions))
        if other is None:
            continue
        lines.append(f"{rank} compared with {other}:")
        lines += [f"  - {phrase}" for phrase in suggestion.differences] or ["  - the same week"]
    if applied is not None:
        done = describe_changes(stored, applied)
        lines += ["", f"Applied suggestion 1 (score {suggestions[0].score}) to {done}"]
    elif not stored.is_empty:
        planned = ", ".join(
            f"{day_name(day)} {activity}" for day, activity in stored.days if activity is not None
        )
        lines += [
            "",
            f"Note: {stored.week} already has planned days ({planned}); "
            "--apply would replace all seven days with suggestion 1.",
        ]
    return "\n".join(lines) + "\n"


def suggestions_json(
    stored: WeekPlan, suggestions: Sequence[Suggestion], applied: bool
) -> dict[str, Any]:
    """The documented shape of ``planner suggest --json``; keys in this order."""
    return {
        "week": str(stored.week),
        "suggestions": [
            {
                "rank": rank,
                "score": suggestion.score,
                "days": days_json(suggestion.plan),
                "differences": list(suggestion.differences),
                "compared_with": _compared_with(rank, len(suggestions)),
            }
            for rank, suggestion in enumerate(suggestions, start=1)
        ],
        "applied": applied,
    }
