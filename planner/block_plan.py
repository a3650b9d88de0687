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

from planner.block import BlockError, BlockWeek, LaidWeek, lay_block, lowers_nothing, weekday_layout
from planner.days import WEEKDAY_KEYS, day_words
from planner.log import keep_logged
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


@dataclass(frozen=True, slots=True)
class LaidBlock:
    """A block as laid on what was planned: its weeks (days logged done already keep their
    plan in them), where the layout came from, and the dates so kept. What the planning
    session hands its writer, which saves it with ``Store.lay_block``."""

    weeks: tuple[LaidWeek, ...]
    source: BlockSource
    kept: tuple[date, ...] = ()

    @property
    def start(self) -> IsoWeek:
        return self.weeks[0].mark.start

    @property
    def marks(self) -> dict[IsoWeek, BlockWeek]:
        return {week.plan.week: week.mark for week in self.weeks}


def plan_block(
    days: PlannedDays,
    repeat_week: IsoWeek | None,
    start: IsoWeek,
    weeks: int,
    deload_every: int,
    template: Template | None = None,
    *,
    replace: bool = False,
    how_to_replace: str = "give --replace to lay the block over them",
) -> LaidBlock:
    """The block of ``weeks`` ISO weeks from ``start`` on ``days`` as they are: BlockError
    (one line) when it cannot be laid, or when a week of it is planned and ``replace`` is
    not given (the refusal says ``how_to_replace``)."""
    layout, source = block_layout(days, repeat_week, template)
    laid = lay_block(layout, start, weeks, deload_every, FirstWeekday.MONDAY)
    planned = planned_weeks(days, laid)
    if planned and not replace:
        raise BlockError(refusal(planned, how_to_replace))
    kept: list[date] = []
    kept_laid = []
    for week in laid:
        before = iso_plan(days, week.plan.week)
        logs = days.logs_between(before.dates[0], before.dates[-1])
        plan, kept_here = keep_logged(before, week.plan, logs)
        kept_laid.append(LaidWeek(plan, week.mark))
        kept += kept_here
    return LaidBlock(tuple(kept_laid), source, tuple(kept))


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


def refusal(
    weeks: Sequence[IsoWeek], how: str = "give --replace to lay the block over them"
) -> str:
    """One line: which weeks are planned (runs of weeks as ``2026-W49 to 2026-W51``), and
    ``how`` to lay the block over them anyway."""
    runs: list[list[IsoWeek]] = []
    for week in weeks:
        if runs and runs[-1][-1].next() == week:
            runs[-1].append(week)
        else:
            runs.append([week])
    named = ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]} to {run[-1]}" for run in runs)
    verb = "is" if len(weeks) == 1 else "are"
    return f"{named} {verb} planned already; {how}"


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
    deloads = [week for week in laid if week.mark.deload]
    deload = (
        f"deload: {', '.join(str(w.plan.week) for w in deloads)}" if deloads else "no deload week"
    )
    said = f"Laid a {first.weeks}-week block from {first.start} ({source.words}; {deload})"
    if deloads and lowers_nothing(laid[0].plan.days):  # week 1 is never a deload
        said += (
            ". Its layout has nothing heavy, no tempo run or intervals for a deload week to "
            "lower: do fewer sets and shorter runs in it yourself"
        )
    return said


def kept_words(kept: Sequence[date]) -> str:
    """``logged, so kept as planned: 2026-12-07, 2026-12-08`` (or nothing)."""
    if not kept:
        return ""
    return f"logged, so kept as planned: {', '.join(day.isoformat() for day in kept)}"
