"""The weeks as a planning session has them: edited in it, else as stored. What the session
judges reads through them, so the advice never reads a week older than the screen while the
writer has not written the latest edits yet."""

from __future__ import annotations

from datetime import date

import pendulum

from planner.advice import Logs
from planner.plan import DatedDay, WeekPlan
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek, WeekError, week_of


class EditedWeeks:
    """A :class:`planner.advice.PlannedDays` over a store and the session's edits."""

    def __init__(self, store: Store, first: FirstWeekday) -> None:
        self._store = store
        self._first = first
        self._plans: dict[IsoWeek, WeekPlan] = {}

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

    def reshaped(self, first: FirstWeekday) -> EditedWeeks:
        """The same edits in weeks starting on ``first``, carried over by date (the writer
        may not have written them yet, so they are not read again from the store)."""
        edited = {day: held for plan in self._plans.values() for day, held in plan.dated_days}
        weeks = EditedWeeks(self._store, first)
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
        """The day logs, as stored."""
        return self._store.logs_between(start, end)


def shown_week(day: date, first: FirstWeekday) -> IsoWeek | None:
    """The displayed week holding ``day``; None next to the edge of the supported weeks."""
    try:
        return week_of(day, first)
    except WeekError:
        return None
