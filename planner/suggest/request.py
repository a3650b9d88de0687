"""What a user asks ``suggest`` for, and why a request can be impossible.

A suggested week is fully planned: the counted sessions (a kind with its intensity or run
type, ``legs:heavy``) are placed exactly as many times as asked, and every other day is
rest. A day ``suggest`` fills holds rest, one session, or, with ``max_per_day=2``, two
sessions of different kinds, apart (morning and evening). A pinned day holds exactly what
is pinned (rest, one session, or two, apart or together), and its sessions count among
those asked for. ``rest_min`` is a check: at least N rest days in the week, pinned ones
included.
"""

from __future__ import annotations

from collections import Counter
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
    session_words,
)
from planner.weeks import FirstWeekday
from rules import Activity, Intensity, PlannedDay, RunType, Session

_ACTIVITY_VALUES = frozenset(activity.value for activity in Activity)
MAX_PER_DAY = (1, 2)
_KIND_RANK = {kind: rank for rank, kind in enumerate(SESSIONS)}
_ATTRIBUTE_RANK: dict[Intensity | RunType, int] = {
    **{value: rank for rank, value in enumerate(Intensity)},
    **{value: rank for rank, value in enumerate(RunType)},
}


class SuggestError(ValueError):
    """A request no week can satisfy, or a malformed one: one line saying what is wrong
    and what to change."""


def session_key(session: Session) -> tuple[int, int]:
    """The order sessions are tried and tie-broken in: kind (push, pull, legs, run), then
    attribute (light, moderate, heavy; easy, long, tempo, intervals)."""
    return _KIND_RANK[session.kind], _ATTRIBUTE_RANK[session.attribute]


@dataclass(frozen=True)
class SuggestRequest:
    """What the week must hold.

    ``counts``: exactly how many of each session (missing = 0; an Activity key means that
    kind at its default attribute; rest is not counted, it fills the other days).
    ``rest_min``: at least this many rest days. ``pins``: day index in displayed order
    (0 = first shown day) -> what that day must hold (a PlannedDay, or an Activity for one
    session at its defaults or rest). ``max_per_day``: 1, or 2 to let ``suggest`` fill a
    day with two sessions. ``suggest`` validates the request with :func:`check_request`
    before searching.
    """

    counts: Mapping[Session, int] = field(default_factory=dict)
    rest_min: int = 0
    pins: Mapping[int, PlannedDay] = field(default_factory=dict)
    max_per_day: int = 1

    def __post_init__(self) -> None:
        # Copied and frozen: the caller's dicts may change after the request is made. Plain
        # strings naming an activity become Activity, activities a default session or a
        # day; anything else is left for check_request to report.
        counts: dict[object, int] = {}
        for key, number in self.counts.items():
            counts[_as_session(key)] = number
        pins = {index: _as_day(value) for index, value in self.pins.items()}
        object.__setattr__(self, "counts", MappingProxyType(counts))
        object.__setattr__(self, "pins", MappingProxyType(pins))

    @property
    def sessions(self) -> int:
        """How many sessions the week holds, pinned ones included."""
        return sum(number for number in self.counts.values())

    def kind_count(self, kind: Activity) -> int:
        """How many sessions of ``kind``, whatever their attribute."""
        return sum(number for session, number in self.counts.items() if session.kind is kind)

    def free_counts(self) -> Counter[Session]:
        """The sessions left to place once the pinned days hold theirs."""
        left = Counter({session: number for session, number in self.counts.items() if number})
        for day in self.pins.values():
            for session in day.sessions:
                left[session] -= 1
        return left


def _as_activity(value: object) -> object:
    if isinstance(value, str) and not isinstance(value, Activity) and value in _ACTIVITY_VALUES:
        return Activity(value)
    return value


def _as_session(value: object) -> object:
    value = _as_activity(value)
    if isinstance(value, Activity) and value is not Activity.REST:
        return Session(value)
    return value


def _as_day(value: object) -> object:
    value = _as_activity(value)
    if isinstance(value, Activity):
        return PlannedDay.of(value)
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


def fewest_session_days(sessions: Counter[Session], max_per_day: int) -> int:
    """The fewest days that can hold ``sessions`` (two of one kind never share a day)."""
    total = sum(sessions.values())
    if max_per_day == 1:
        return total
    per_kind = Counter[Activity]()
    for session, number in sessions.items():
        per_kind[session.kind] += number
    return max((total + 1) // 2, max(per_kind.values(), default=0))


def _check_counts(request: SuggestRequest) -> None:
    for session, number in request.counts.items():
        if not isinstance(session, Session):
            if session == Activity.REST:
                raise SuggestError(
                    "rest is not counted: it fills the days left over; "
                    "ask for a minimum number of rest days instead"
                )
            raise SuggestError(f"'{session}' is not a session to count; use push, pull, legs, run")
        word = session_words(session)
        if not isinstance(number, int) or isinstance(number, bool) or number < 0:
            raise SuggestError(f"{word}={number!r}: a count must be a whole number, 0 or more")


def _check_pins(request: SuggestRequest, first: FirstWeekday) -> None:
    for index, day in sorted(request.pins.items()):
        if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < DAYS_IN_WEEK:
            raise SuggestError(f"day {index!r} is not in the week; pin days 0-6 (mon-sun)")
        if not isinstance(day, PlannedDay):
            raise SuggestError(
                f"{_pinned_day(index, first)}: '{day}' is not an activity "
                f"(known: {', '.join(Activity)})"
            )
        if not day.is_planned:
            raise SuggestError(f"{_pinned_day(index, first)}: pin rest or sessions, not nothing")
    pinned: dict[Session, list[int]] = {}
    for index, day in sorted(request.pins.items()):
        for session in day.sessions:
            pinned.setdefault(session, []).append(index)
    for session, indexes in pinned.items():
        allowed = request.counts.get(session, 0)
        if len(indexes) <= allowed:
            continue
        word = session_words(session)
        days = ", ".join(_pinned_day(index, first) for index in indexes)
        if allowed == 0:
            raise SuggestError(
                f"{word} is pinned on {days} but {word}=0; ask for {word}={len(indexes)} "
                "or drop the pin"
            )
        raise SuggestError(
            f"{word} is pinned on {len(indexes)} days ({days}) but {word}={allowed}; "
            f"ask for {word}={len(indexes)} or drop a pin"
        )


def check_request(request: SuggestRequest, first: FirstWeekday = FirstWeekday.MONDAY) -> None:
    """Raise SuggestError if no fully planned week can satisfy ``request``.

    ``first`` only serves to name pinned days the way the user sees them.
    """
    if request.max_per_day not in MAX_PER_DAY:
        raise SuggestError(
            f"at most {request.max_per_day!r} sessions a day: write 1 or 2 (two of different "
            "kinds, apart)"
        )
    _check_counts(request)
    two = request.max_per_day == 2
    if request.sessions > DAYS_IN_WEEK * request.max_per_day:
        hint = "ask for fewer" if two else "ask for fewer or allow two a day (--max-per-day 2)"
        raise SuggestError(
            f"{request.sessions} sessions do not fit in a week of {DAYS_IN_WEEK} days; {hint}"
        )
    rest_min = request.rest_min
    if not isinstance(rest_min, int) or isinstance(rest_min, bool) or rest_min < 0:
        raise SuggestError(f"at least {rest_min!r} rest days: write a whole number, 0 or more")
    _check_pins(request, first)
    all_sessions = Counter({s: n for s, n in request.counts.items() if n})
    pinned_rest = [index for index, day in sorted(request.pins.items()) if day.is_rest]
    rest_left = DAYS_IN_WEEK - fewest_session_days(all_sessions, request.max_per_day)
    if pinned_rest and len(pinned_rest) > rest_left:
        days = ", ".join(_pinned_day(index, first) for index in pinned_rest)
        raise SuggestError(
            f"rest is pinned on {len(pinned_rest)} days ({days}) but {request.sessions} "
            f"sessions leave only {rest_left}; unpin a rest day or drop a session"
        )
    free = DAYS_IN_WEEK - len(request.pins)
    left = request.free_counts()
    needed = fewest_session_days(left, request.max_per_day)
    if needed > free:
        sessions = sum(left.values())
        if two and sessions <= 2 * free:
            per_kind = Counter[Activity]()
            for session, number in left.items():
                per_kind[session.kind] += number
            kind, times = per_kind.most_common(1)[0]
            raise SuggestError(
                f"{times} {kind} sessions do not fit on the {free} unpinned days: two "
                "sessions of one kind never share a day; ask for fewer"
            )
        raise SuggestError(
            f"{sessions} sessions do not fit on the {free} unpinned days; ask for fewer"
            + ("" if two else " or allow two a day (--max-per-day 2)")
        )
    most_rest = len(pinned_rest) + free - needed
    if rest_min > most_rest:
        raise SuggestError(
            f"{request.sessions} sessions leave {most_rest} rest "
            f"day{'s' if most_rest != 1 else ''}, fewer than the {rest_min} asked for; "
            "drop a session or lower the rest minimum"
        )
