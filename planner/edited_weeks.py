"""The weeks as a planning session has them: edited in it, else as stored. What the session
judges reads through them, so the advice never reads a week older than the screen while the
writer has not written the latest edits yet."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

import pendulum

from planner.advice import Logs
from planner.block import BlockWeek
from planner.log import EMPTY_LOG, DayLog, WeekLogs
from planner.plan import DatedDay, WeekPlan
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek, WeekError, week_of
from rules import PlannedDay


class EditedWeeks:
    """A :class:`planner.advice.PlannedDays` over a store and the session's edits."""

    def __init__(self, store: Store, first: FirstWeekday) -> None:
        self._store = store
        self._first = first
        self._plans: dict[IsoWeek, WeekPlan] = {}
        # Day logs edited in the session (an empty log: none), read over the store's.
        self._logs: dict[date, DayLog] = {}
        # Block marks laid in the session, read over the store's.
        self._blocks: dict[IsoWeek, BlockWeek] = {}

    @property
    def first(self) -> FirstWeekday:
        return self._first

    def plan_for(self, week: IsoWeek) -> WeekPlan:
        plan = self._plans.get(week)
        if plan is None:
            plan = self._plans[week] = self._store.load_plan(week, self._first)
        return plan

    def keep(self, plan: WeekPlan) -> None:
        """``plan`` as edited: read from here on, whatever the store holds yet."""
        self._plans[plan.week] = plan

    def keep_days(self, days: Mapping[date, PlannedDay]) -> None:
        """Days set by date (a block, laid in ISO weeks), read from here on in the weeks
        this session shows them in."""
        for week in {week for day in days if (week := shown_week(day, self._first)) is not None}:
            plan = self.plan_for(week)
            held = tuple(days.get(day, held) for day, held in plan.dated_days)
            self.keep(WeekPlan(week, self._first, held))

    def keep_blocks(self, marks: Mapping[IsoWeek, BlockWeek]) -> None:
        self._blocks.update(marks)

    def blocks_between(self, first: IsoWeek, last: IsoWeek) -> dict[IsoWeek, BlockWeek]:
        """The block marks of ISO weeks ``first`` to ``last``: laid here, else as stored."""
        found = self._store.blocks_between(first, last)
        found.update((week, mark) for week, mark in self._blocks.items() if first <= week <= last)
        return found

    def keep_logs(self, logs: WeekLogs) -> None:
        """A week's day logs as edited, read from here on."""
        self._logs.update(logs.days)

    def week_logs(self, week: IsoWeek) -> WeekLogs:
        """The day logs of ISO week ``week``, every day of it (empty where none)."""
        monday = date.fromisocalendar(week.year, week.week, 1)
        days = [monday + timedelta(days=n) for n in range(7)]
        found = self.logs_between(days[0], days[-1])
        return WeekLogs(week, tuple((day, found.get(day, EMPTY_LOG)) for day in days))

    def reshaped(self, first: FirstWeekday) -> EditedWeeks:
        """The same edits in weeks starting on ``first``, carried over by date (the writer
        may not have written them yet, so they are not read again from the store)."""
        edited = {day: held for plan in self._plans.values() for day, held in plan.dated_days}
        weeks = EditedWeeks(self._store, first)
        weeks._logs = dict(self._logs)
        weeks._blocks = dict(self._blocks)
        for week in {week for day in edited if (week := shown_week(day, first)) is not None}:
            plan = self._store.load_plan(week, first)
            weeks.keep(
                WeekPlan(week, first, tuple(edited.get(d, held) for d, held in plan.dated_days))
            )
        return weeks

    # -- PlannedDays: what judge_week and the repeating week's proposal read ----------------

    def load_plan(self, week: IsoWeek, first: FirstWeekday) -> WeekPlan:
        if first != self._first:
            raise ValueError(f"this session shows {self._first}-first weeks, not {first}-first")
        return self.plan_for(week)

    def days_between(self, start: date, end: date) -> list[DatedDay]:
        days: list[DatedDay] = []
        day = pendulum.Date(start.year, start.month, start.day)
        while day <= end:
            week = shown_week(day, self._first)
            if week is None:  # shown in no supported week (next to the edge): as stored
                days.extend(self._store.days_between(day, day))
            else:
                days.append((day, self.plan_for(week).day_on(day)))
            day = day.add(days=1)
        return days

    def logs_between(self, start: date, end: date) -> Logs:
        """The day logs from ``start`` to ``end``: edited here, else as stored."""
        found = self._store.logs_between(start, end)
        for day, log in self._logs.items():
            if start <= day <= end:
                if log.is_empty:
                    found.pop(day, None)
                else:
                    found[day] = log
        return found


def shown_week(day: date, first: FirstWeekday) -> IsoWeek | None:
    """The displayed week holding ``day``; None next to the edge of the supported weeks."""
    try:
        return week_of(day, first)
    except WeekError:
        return None
