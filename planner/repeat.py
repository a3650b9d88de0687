"""The repeating week: a week the user marks (``Settings.repeat_week``) whose layout new,
unplanned weeks show as a proposal until the user edits them.

A proposal is never stored: the week stays unplanned on disk until the user confirms it (or
plans any day), so marking another week, or none, changes every proposal at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.advice import PlannedDays
from planner.plan import Settings, WeekPlan
from planner.weeks import IsoWeek, WeekError


@dataclass(frozen=True, slots=True)
class Proposal:
    """What an unplanned week would hold: ``plan``, from the repeating week ``source``."""

    source: IsoWeek
    plan: WeekPlan


def proposal_for(plan: WeekPlan, settings: Settings, days: PlannedDays) -> Proposal | None:
    """The repeating week's layout on ``plan``'s shown dates, weekday by weekday (its
    Monday's activity on the shown Monday, also in Sunday-first weeks), or None.

    None when there is no repeating week, when ``plan`` is that week, when ``plan`` has any
    planned day (the user has started on it), or when the repeating week, read as shown
    with ``plan``'s first weekday, has no planned day.
    """
    source = settings.repeat_week
    if source is None or source == plan.week or not plan.is_empty:
        return None
    try:
        layout = days.load_plan(source, plan.first_weekday)
    except WeekError:
        # A repeating week that cannot be shown any more: nothing to propose from it.
        return None
    if layout.is_empty:
        return None
    by_weekday = {day.weekday(): held for day, held in layout.dated_days}
    proposed = WeekPlan(
        plan.week, plan.first_weekday, tuple(by_weekday[day.weekday()] for day in plan.dates)
    )
    return Proposal(source, proposed)
