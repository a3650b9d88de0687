"""``planner suggest``: ``ACTIVITY=N`` counts and ``--pin DAY=ACTIVITY`` words read into a
request, and the suggestions printed as a grid or as JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from planner.cli_set import describe_changes
from planner.cli_show import days_json
from planner.names import DAY_NAMES, day_name
from planner.plan import WeekPlan
from planner.suggest import Suggestion, SuggestRequest, check_request
from planner.suggest_request import SESSIONS
from planner.weeks import FirstWeekday
from rules import Activity

_CELL = 8  # width of a day's column in the grid


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
