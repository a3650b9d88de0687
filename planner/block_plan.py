"""Laying a training block on what is planned: where its layout comes from (the repeating
week or a template), which of its weeks are planned already, and the block in words.

Shared by ``planner block`` and the planning session, so both refuse the same weeks and say
the same thing. Reads through :class:`planner.advice.PlannedDays` (a store, or a session
with its unsaved edits). The layout and the deload are planner.block's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from planner.block import BlockError, LaidWeek, weekday_layout
from planner.days import WEEKDAY_KEYS, day_words
from planner.plan import WeekPlan
from planner.weeks import FirstWeekday, IsoWeek
from rules import PlannedDay

if TYPE_CHECKING:
    from planner.advice import PlannedDays
    from planner.templates import Template

NO_SOURCE = (
    "there is no repeating week to lay the block from: mark one with "
    "'planner repeat --week WEEK', or give --template ID"
)


@dataclass(frozen=True, slots=True)
class BlockSource:
    """Where a block's layout came from: the repeating week, or a template (by id)."""

    repeat_week: IsoWeek | None = None
    template: str | None = None

    @property
    def words(self) -> str:
        """``the repeating week 2026-W47`` or ``template ppl``."""
        if self.template is not None:
            return f"template {self.template}"
        return f"the repeating week {self.repeat_week}"


def iso_plan(days: PlannedDays, week: IsoWeek) -> WeekPlan:
    """ISO week ``week`` (Monday..Sunday) as ``days`` hold it, whatever the first weekday
    they show: a block is laid, and stored, in ISO weeks."""
    monday = date.fromisocalendar(week.year, week.week, 1)
    held = days.days_between(monday, monday + timedelta(days=6))
    return WeekPlan(week, FirstWeekday.MONDAY, tuple(day for _, day in held))


def block_layout(
    days: PlannedDays, repeat_week: IsoWeek | None, template: Template | None
) -> tuple[tuple[PlannedDay | None, ...], BlockSource]:
    """The layout (Monday..Sunday, None open) a block repeats: the template's days when one
    is given, else the repeating week's. BlockError when there is neither."""
    if template is not None:
        return template.days, BlockSource(template=template.id)
    if repeat_week is None:
        raise BlockError(NO_SOURCE)
    return weekday_layout(iso_plan(days, repeat_week)), BlockSource(repeat_week=repeat_week)


def planned_weeks(days: PlannedDays, laid: Sequence[LaidWeek]) -> list[IsoWeek]:
    """The block's weeks that hold a planned day now: never laid over without asking."""
    return [week.plan.week for week in laid if not iso_plan(days, week.plan.week).is_empty]


def refusal(weeks: Sequence[IsoWeek], replace: str = "--replace") -> str:
    """One line: which weeks are planned, and how to lay the block over them anyway."""
    named = ", ".join(str(week) for week in weeks)
    held = "holds planned days" if len(weeks) == 1 else "hold planned days"
    return f"{named} already {held}; give {replace} to lay the block over them"


def laid_days(plan: WeekPlan) -> str:
    """``mon legs:heavy+run:easy, wed push:moderate, sun rest``: the planned days of a laid
    week, every attribute spelled out (a deload week reads as lowered)."""
    planned = [
        f"{WEEKDAY_KEYS[day.weekday()]} {day_words(held, explicit=True)}"
        for day, held in plan.dated_days
        if held.is_planned
    ]
    return ", ".join(planned)


def week_line(week: LaidWeek) -> str:
    """``2026-W50  week 1 of 4          mon legs:heavy, ...``: one laid week."""
    return f"{week.plan.week}  {week.mark.label:<19}  {laid_days(week.plan)}"


def summary(laid: Sequence[LaidWeek], source: BlockSource) -> str:
    """``Laid a 4-week block from 2026-W50 (from template ppl; deloads: 2026-W53)``."""
    first = laid[0].mark
    deloads = [str(week.plan.week) for week in laid if week.mark.deload]
    deload = f"deload: {', '.join(deloads)}" if deloads else "no deload week"
    return f"Laid a {first.weeks}-week block from {first.start} ({source.words}; {deload})"


def kept_words(kept: Sequence[date]) -> str:
    """``logged, so kept as planned: 2026-12-07, 2026-12-08`` (or nothing)."""
    if not kept:
        return ""
    return f"logged, so kept as planned: {', '.join(day.isoformat() for day in kept)}"
