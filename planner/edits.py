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
from rules import Goal, PlannedDay


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


def choose_goal(settings: Settings, goal: Goal) -> Settings:
    """Judge every week for ``goal`` from now on."""
    return replace(settings, goal=goal)
