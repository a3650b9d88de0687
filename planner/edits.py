"""Every edit of a week or of the repeating week, as a new value: the one path that the
planner screen's session and the command line both take. Nothing here reads or writes the
store; callers save what comes back (and the session remembers it for undo).

An edit that cannot be made raises :class:`EditError`, whose text is the one line to show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from planner.days import DAYS_IN_WEEK, displayed_index
from planner.plan import Settings, WeekPlan
from rules import MAX_SESSIONS, Activity, Goal, Intensity, PlannedDay, RunType, Session


class EditError(ValueError):
    """An edit that cannot be made; ``str()`` says why, in one line."""


class CopyOntoItself(EditError):
    pass


def set_days(plan: WeekPlan, days: Mapping[int, PlannedDay]) -> WeekPlan:
    """``plan`` with the day of each ISO weekday (0 = Monday) in ``days`` replaced, on the
    date where that weekday is shown."""
    for weekday, day in days.items():
        plan = plan.with_day(displayed_index(weekday, plan.first_weekday), day)
    return plan


# -- one change to a week: what `planner fix` proposes (planner/fix.py) ---------------------


@dataclass(frozen=True, slots=True)
class MoveDay:
    """The day shown at ``source`` (displayed index) is taken out and put in at ``target``;
    the days between shift one day towards ``source`` to close the gap. Moving Monday to
    Thursday: Tuesday, Wednesday and Thursday each move one day earlier."""

    source: int
    target: int


@dataclass(frozen=True, slots=True)
class SwapDays:
    """The days shown at ``first`` and ``second`` (``first < second``) change places."""

    first: int
    second: int


@dataclass(frozen=True, slots=True)
class ChangeSession:
    """Session ``slot`` (0 or 1) of the day shown at ``day`` takes ``attribute`` (an
    intensity for a lift, a type for a run); everything else stays."""

    day: int
    slot: int
    attribute: Intensity | RunType


WeekChange = MoveDay | SwapDays | ChangeSession


def change_week(plan: WeekPlan, change: WeekChange) -> WeekPlan:
    """``plan`` with ``change`` made. EditError if it names a day or session not there."""
    days = list(plan.days)
    if isinstance(change, MoveDay):
        _check_days(change.source, change.target)
        days.insert(change.target, days.pop(change.source))
    elif isinstance(change, SwapDays):
        _check_days(change.first, change.second)
        days[change.first], days[change.second] = days[change.second], days[change.first]
    else:
        _check_days(change.day)
        days[change.day] = _with_attribute(days[change.day], change.slot, change.attribute)
    return replace(plan, days=tuple(days))


def _check_days(*indices: int) -> None:
    for index in indices:
        if not 0 <= index < DAYS_IN_WEEK:
            raise EditError(f"day {index} is outside the week (0-{DAYS_IN_WEEK - 1})")


def _with_attribute(day: PlannedDay, slot: int, attribute: Intensity | RunType) -> PlannedDay:
    if not 0 <= slot < len(day.sessions):
        raise EditError(f"the day has no session {slot + 1}")
    old = day.sessions[slot]
    if (old.kind is Activity.RUN) != isinstance(attribute, RunType):
        raise EditError(f"{old.kind} has no {attribute}")
    if isinstance(attribute, RunType):
        new = Session(old.kind, run_type=attribute)
    else:
        new = Session(old.kind, intensity=attribute)
    sessions = (*day.sessions[:slot], new, *day.sessions[slot + 1 :])
    return replace(day, sessions=sessions)


def copy_week(source: WeekPlan, onto: WeekPlan) -> WeekPlan:
    """``onto`` holding ``source``'s seven days, position by position as both are shown (a
    day unplanned in ``source`` becomes unplanned)."""
    if source.week == onto.week:
        raise CopyOntoItself(f"{source.week} is the week to copy into; copy from another week")
    if source.is_empty:
        raise EditError(f"{source.week} has no planned day, nothing to copy")
    return replace(onto, days=source.days)


def mark_repeating(settings: Settings, layout: WeekPlan) -> Settings:
    """Make the week of ``layout`` (as shown) the one unplanned weeks propose."""
    if layout.is_empty:
        raise EditError(f"{layout.week} has no planned day; plan it first, then mark it")
    return replace(settings, repeat_week=layout.week)


def stop_repeating(settings: Settings) -> Settings:
    return replace(settings, repeat_week=None)


def choose_goal(settings: Settings, goal: Goal) -> Settings:
    """Judge every week for ``goal`` from now on."""
    return replace(settings, goal=goal)


# -- one day's sessions, a key each on the week screen -------------------------------------


def cycle_attribute(day: PlannedDay, step: int = 1, *, first: bool = False) -> PlannedDay:
    """``day`` with its last session's intensity (light, moderate, heavy) or run type (easy,
    long, tempo, intervals) ``step`` places on, round in a circle; with ``first``, the first
    of its two sessions' instead (a day of one session is refused: its only session is
    the last, which the plain form steps)."""
    if not day.sessions:
        raise EditError("no session to set an intensity or run type for")
    if first and len(day.sessions) < MAX_SESSIONS:
        raise EditError("one session, no first of two; press i for its intensity or run type")
    slot = 0 if first else len(day.sessions) - 1
    old = day.sessions[slot]
    if old.run_type is not None:
        types = tuple(RunType)
        changed = replace(old, run_type=types[(types.index(old.run_type) + step) % len(types)])
    else:
        assert old.intensity is not None  # a lift always has one
        levels = tuple(Intensity)
        changed = replace(old, intensity=levels[(levels.index(old.intensity) + step) % len(levels)])
    return replace(day, sessions=(*day.sessions[:slot], changed, *day.sessions[slot + 1 :]))


def add_session(day: PlannedDay, kind: Activity) -> PlannedDay:
    """``day`` with a ``kind`` session at its defaults after the one it holds (apart); on a
    day without a session, that session alone."""
    if kind is Activity.REST:
        raise EditError("rest is a whole day, not a second session; press . to plan rest")
    if len(day.sessions) >= MAX_SESSIONS:
        raise EditError(f"already {MAX_SESSIONS} sessions; press - to remove the last one")
    return PlannedDay((*day.sessions, Session(kind)))


def remove_session(day: PlannedDay) -> PlannedDay:
    """``day`` without its last session (a day of one session becomes unplanned)."""
    if not day.sessions:
        what = "a rest day" if day.rest else "unplanned"
        raise EditError(f"{what}, no session to remove")
    return PlannedDay(day.sessions[:-1])


def toggle_together(day: PlannedDay) -> PlannedDay:
    """A two-session day switched between apart (>= 6 h) and together (back to back)."""
    if len(day.sessions) != MAX_SESSIONS:
        count = "one session" if day.sessions else "no session"
        raise EditError(f"{count}, nothing to put apart or together; press + to add one")
    return replace(day, together=not day.together)
