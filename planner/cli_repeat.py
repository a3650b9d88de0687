"""``planner repeat``: what marking, clearing or asking about the repeating week says."""

from __future__ import annotations

from planner.cli_set import describe_days
from planner.plan import WeekPlan
from planner.weeks import IsoWeek

_WHAT_IT_DOES = "unplanned weeks show its layout as a proposal until you edit them"


def marked(layout: WeekPlan, before: IsoWeek | None) -> str:
    """After ``planner repeat --week W``: ``layout`` is W as shown."""
    week = layout.week
    if before == week:
        return f"{week} already is the repeating week; nothing changed."
    instead = "" if before is None else f" instead of {before}"
    return (
        f"{week} is now the repeating week{instead}: {_WHAT_IT_DOES} "
        f"({describe_days(layout)}). 'planner repeat --off' stops this."
    )


def cleared(before: IsoWeek | None) -> str:
    if before is None:
        return "There is no repeating week; nothing changed."
    return f"{before} is no longer the repeating week; unplanned weeks show no proposal."


def status(layout: WeekPlan | None, current: IsoWeek) -> str:
    """``layout``: the repeating week as shown, or None when there is none."""
    if layout is None:
        return (
            "There is no repeating week. Mark one with 'planner repeat --week WEEK', e.g. "
            f"'planner repeat --week {current}' for this week."
        )
    if layout.is_empty:
        return (
            f"The repeating week is {layout.week}, but it has no planned day, so unplanned "
            "weeks show no proposal. Plan it, or mark another week with "
            "'planner repeat --week WEEK'."
        )
    return (
        f"The repeating week is {layout.week} ({describe_days(layout)}): {_WHAT_IT_DOES}. "
        "'planner repeat --off' stops this."
    )
