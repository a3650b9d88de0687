"""What a user asks ``suggest`` for, and why a request can be impossible.

A suggested week is fully planned: the counted sessions (push, pull, legs, run) are placed
exactly as many times as asked, and every other day is rest. ``rest_min`` is therefore only
a check ("at least N of the leftover days"), and a pinned rest day counts as one of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from planner.days import (
    DAYS_IN_WEEK,
    SESSIONS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_NAMES,
    displayed_index,
    displayed_weekdays,
)
from planner.weeks import FirstWeekday
from rules import Activity

_ACTIVITY_VALUES = frozenset(activity.value for activity in Activity)


class SuggestError(ValueError):
    """A request no week can satisfy, or a malformed one: one line saying what is wrong
    and what to change."""


@dataclass(frozen=True)
class SuggestRequest:
    """What the week must hold.

    ``counts``: exactly how many push, pull, legs and run days (missing = 0; rest is not
    counted, it fills the other days). ``rest_min``: at least this many rest days.
    ``pins``: day index in displayed order (0 = first shown day) -> the activity that day
    must hold; rest may be pinned too. ``suggest`` validates the request with
    :func:`check_request` before searching.
    """

    counts: Mapping[Activity, int] = field(default_factory=dict)
    rest_min: int = 0
    pins: Mapping[int, Activity] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Copied and frozen: the caller's dicts may change after the request is made. Plain
        # strings naming an activity become Activity; anything else is left for
        # check_request to report.
        counts = {_as_activity(key): number for key, number in self.counts.items()}
        pins = {index: _as_activity(value) for index, value in self.pins.items()}
        object.__setattr__(self, "counts", MappingProxyType(counts))
        object.__setattr__(self, "pins", MappingProxyType(pins))

    def count(self, activity: Activity) -> int:
        """How many days of ``activity`` the week holds (rest: all days not counted)."""
        if activity is Activity.REST:
            return DAYS_IN_WEEK - self.sessions
        return self.counts.get(activity, 0)

    @property
    def sessions(self) -> int:
        return sum(self.counts.get(activity, 0) for activity in SESSIONS)


def _as_activity(value: object) -> object:
    if isinstance(value, str) and value in _ACTIVITY_VALUES:
        return Activity(value)
    return value


def day_index(name: str, first: FirstWeekday) -> int:
    """Displayed index (0..6) of a weekday written 'sat', 'Saturday', 'SAT'...

    For the command line and the dialog: ``--pin sat=run`` pins whichever shown day is a
    Saturday. Raises SuggestError for anything else.
    """
    key = name.strip().lower()
    for weekday, full in enumerate(WEEKDAY_NAMES):
        if len(key) >= 3 and full.lower().startswith(key):
            return displayed_index(weekday, first)
    raise SuggestError(f"'{name}' is not a day of the week; write mon, tue, ... sun")


def _pinned_day(index: int, first: FirstWeekday) -> str:
    return WEEKDAY_ABBREVIATIONS[displayed_weekdays(first)[index]]


def check_request(request: SuggestRequest, first: FirstWeekday = FirstWeekday.MONDAY) -> None:
    """Raise SuggestError if no fully planned week can satisfy ``request``.

    ``first`` only serves to name pinned days the way the user sees them.
    """
    for activity, number in request.counts.items():
        if activity is Activity.REST:
            raise SuggestError(
                "rest is not counted: it fills the days left over; "
                "ask for a minimum number of rest days instead"
            )
        if not isinstance(activity, Activity):
            raise SuggestError(f"'{activity}' is not a session to count; use push, pull, legs, run")
        if not isinstance(number, int) or isinstance(number, bool) or number < 0:
            raise SuggestError(f"{activity}={number!r}: a count must be a whole number, 0 or more")
    if request.sessions > DAYS_IN_WEEK:
        raise SuggestError(
            f"{request.sessions} sessions do not fit in a week of {DAYS_IN_WEEK} days; "
            "ask for fewer"
        )
    rest_min = request.rest_min
    if not isinstance(rest_min, int) or isinstance(rest_min, bool) or rest_min < 0:
        raise SuggestError(f"at least {rest_min!r} rest days: write a whole number, 0 or more")
    left = DAYS_IN_WEEK - request.sessions
    if rest_min > left:
        raise SuggestError(
            f"{request.sessions} sessions leave {left} rest day{'s' if left != 1 else ''}, "
            f"fewer than the {rest_min} asked for; drop a session or lower the rest minimum"
        )
    pinned: dict[Activity, list[int]] = {}
    for index, activity in sorted(request.pins.items()):
        if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < DAYS_IN_WEEK:
            raise SuggestError(f"day {index!r} is not in the week; pin days 0-6 (mon-sun)")
        if not isinstance(activity, Activity):
            raise SuggestError(
                f"{_pinned_day(index, first)}: '{activity}' is not an activity "
                f"(known: {', '.join(Activity)})"
            )
        pinned.setdefault(activity, []).append(index)
    for activity, indexes in pinned.items():
        allowed = request.count(activity)
        if len(indexes) <= allowed:
            continue
        days = ", ".join(_pinned_day(index, first) for index in indexes)
        if activity is Activity.REST:
            raise SuggestError(
                f"rest is pinned on {len(indexes)} days ({days}) but {request.sessions} "
                f"sessions leave only {allowed}; unpin a rest day or drop a session"
            )
        if allowed == 0:
            raise SuggestError(
                f"{activity} is pinned on {days} but {activity}=0; "
                f"ask for {activity}={len(indexes)} or drop the pin"
            )
        raise SuggestError(
            f"{activity} is pinned on {len(indexes)} days ({days}) but {activity}={allowed}; "
            f"ask for {activity}={len(indexes)} or drop a pin"
        )
