"""Every edit of a week or of the repeating week, as a new value: the one path that the
planner screen's session and the command line both take. Nothing here reads or writes the
store; callers save what comes back (and the session remembers it for undo).

An edit that cannot be made raises :class:`EditError`, whose text is the one line to show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from planner.days import displayed_index
from planner.plan import Settings, WeekPlan
from rules import MAX_SESSIONS, Activity, Intensity, PlannedDay, RunType, Session


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


# -- one day's sessions, a key each on the week screen -------------------------------------


def cycle_attribute(day: PlannedDay, step: int = 1) -> PlannedDay:
    """``day`` with its last session's intensity (light, moderate, heavy) or run type (easy,
    long, tempo, intervals) ``step`` places on, round in a circle."""
    if not day.sessions:
        raise EditError("no session to set an intensity or run type for")
    *kept, last = day.sessions
    if last.run_type is not None:
        types = tuple(RunType)
        changed = replace(last, run_type=types[(types.index(last.run_type) + step) % len(types)])
    else:
        assert last.intensity is not None  # a lift always has one
        levels = tuple(Intensity)
        changed = replace(
            last, intensity=levels[(levels.index(last.intensity) + step) % len(levels)]
        )
    return replace(day, sessions=(*kept, changed))


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
