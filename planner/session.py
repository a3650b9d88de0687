"""What the week screen works on, without Textual: the shown week, edits, undo and redo.

Every change produces a new immutable ``WeekPlan`` (or ``Settings``); it is handed to
``save`` (the single background writer) at once and kept here, so what is shown and judged
never waits on the disk and never reads a week older than the user's last edit. Edits are
those of :mod:`planner.edits`, the same the command line makes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

import pendulum

from planner.advice import JudgedWeek, Logs, judge, judge_week
from planner.edits import (
    EditError,
    WeekChange,
    change_week,
    choose_goal,
    copy_week,
    mark_repeating,
    stop_repeating,
)
from planner.history import History
from planner.plan import DatedDay, Settings, WeekPlan
from planner.repeat import proposal_for
from planner.store import ReadOnlyStore, Store
from planner.weeks import FirstWeekday, IsoWeek, UnsupportedDay, WeekError, supported, week_of
from rules import Goal, KnowledgeBase, PlannedDay

if TYPE_CHECKING:
    from planner.suggest import Suggestions, SuggestRequest
    from planner.templates import Template

Saved = WeekPlan | Settings


class PlanningSession:
    def __init__(
        self,
        store: Store,
        knowledge: KnowledgeBase,
        today: pendulum.Date,
        save: Callable[[Saved], None],
        week: IsoWeek | None = None,
    ) -> None:
        self._store = store
        self._knowledge = knowledge
        self._save = save
        self._settings = store.settings()
        self._first = self._settings.first_weekday
        self._proposal_from: IsoWeek | None = None
        self._plans: dict[IsoWeek, WeekPlan] = {}
        self._history: History[WeekPlan] = History()
        self.today = today
        self._week = week or week_of(today, self._first)
        self._view = self._judge_shown()

    # -- reading ---------------------------------------------------------------------------

    @property
    def view(self) -> JudgedWeek:
        """The shown week as it stands (or as proposed), judged: what the screen paints."""
        return self._view

    @property
    def knowledge(self) -> KnowledgeBase:
        return self._knowledge

    @property
    def week(self) -> IsoWeek:
        return self._week

    @property
    def first_weekday(self) -> FirstWeekday:
        return self._first

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def goal(self) -> Goal:
        """What the user trains for: every week of this session is judged for it."""
        return self._settings.goal

    @property
    def read_only(self) -> bool:
        return self._store.read_only

    @property
    def proposal_from(self) -> IsoWeek | None:
        """The repeating week the shown (unplanned) week is proposed from, if it is."""
        return self._proposal_from

    @property
    def repeat_week(self) -> IsoWeek | None:
        return self._settings.repeat_week

    def plan_for(self, week: IsoWeek) -> WeekPlan:
        plan = self._plans.get(week)
        if plan is None:
            plan = self._plans[week] = self._store.load_plan(week, self._first)
        return plan

    # -- navigation ------------------------------------------------------------------------

    def show(self, week: IsoWeek) -> None:
        before = self._week
        self._week = week
        try:
            self._view = self._judge_shown()
        except WeekError:
            self._week = before
            raise

    def show_today(self) -> None:
        self.show(week_of(self.today, self._first))

    def index_of_today(self) -> int | None:
        dates = self._view.plan.dates
        return dates.index(self.today) if self.today in dates else None

    # -- editing ---------------------------------------------------------------------------

    def set_day(self, index: int, day: PlannedDay) -> bool:
        """Plan ``day`` on the shown day ``index``; False if unchanged."""
        # On a proposed week the edit confirms the proposal with this change on top.
        return self._apply(self._stored(), self._view.plan.with_day(index, day))

    def apply_change(self, change: WeekChange) -> bool:
        """Make one change (a fix, :mod:`planner.fix`) to the shown week; one undo step."""
        return self._apply(self._stored(), change_week(self._view.plan, change))

    def day_on(self, day: date) -> PlannedDay:
        """What ``day`` holds as it stands here: as shown (proposal included) if it is in
        the shown week, else as edited in this session or stored."""
        shown = self._view.plan
        if day in shown.dates:
            return shown.day_on(day)
        week = _shown_week(day, self._first)
        return PlannedDay.UNPLANNED if week is None else self.plan_for(week).day_on(day)

    def set_date(self, day: date, held: PlannedDay) -> bool:
        """Plan ``held`` on ``day``; False if unchanged. A day outside the shown week is
        edited where it is stored and the shown week stays (typing has moved on past it)."""
        shown = self._view.plan
        if day in shown.dates:
            return self.set_day(shown.dates.index(day), held)
        week = _shown_week(day, self._first)
        if week is None:
            raise EditError(str(UnsupportedDay(day)))
        plan = self.plan_for(week)
        return self._apply(plan, plan.with_day(plan.dates.index(day), held), show=False)

    def clear_week(self) -> bool:
        plan = self._stored()
        return self._apply(plan, WeekPlan.empty(plan.week, plan.first_weekday))

    def confirm_proposal(self) -> bool:
        """Keep the proposed week as it is shown; False when nothing is proposed."""
        if self._proposal_from is None:
            return False
        return self._apply(self._stored(), self._view.plan)

    def set_repeat_week(self, week: IsoWeek | None) -> None:
        """Make ``week`` the week that unplanned weeks propose (None: stop repeating).
        EditError if ``week`` has no planned day."""
        if week is None:
            self._save_settings(stop_repeating(self._settings))
        else:
            self._save_settings(mark_repeating(self._settings, self.plan_for(week)))

    def set_theme(self, theme: str) -> None:
        """Remember the theme for the next start; nothing to do if it is already the one."""
        if theme != self._settings.theme and not self.read_only:
            self._save_settings(replace(self._settings, theme=theme))

    def set_goal(self, goal: Goal) -> bool:
        """Judge every week for ``goal`` from now on, and remember it; False if it already
        is the goal. ReadOnlyStore if it cannot be saved."""
        if goal == self._settings.goal:
            return False
        self._save_settings(choose_goal(self._settings, goal))
        return True

    def _stored(self) -> WeekPlan:
        return self.plan_for(self._week)

    def replace_plan(self, new: WeekPlan) -> bool:
        """Put a whole week in place (templates, suggestions); undoable like any edit."""
        return self._apply(self.plan_for(new.week), new)

    def apply_template(self, template: Template) -> bool:
        """The template's days on the shown week (days it leaves open keep their plan)."""
        return self.replace_plan(template.apply_to(self._stored()))

    def copy_previous_week(self) -> bool:
        """The week before, day for day, onto the shown week. EditError if it is unplanned."""
        return self.replace_plan(copy_week(self.plan_for(self._week.previous()), self._stored()))

    def suggest(
        self, request: SuggestRequest, top: int = 3, time_limit: float | None = None
    ) -> Suggestions:
        """The best weeks for ``request`` around the shown week's neighbouring days, found
        within ``time_limit`` seconds (``Suggestions.complete`` says whether the search
        finished)."""
        # Imported when asked: the search is not needed for the planner's first frame.
        from planner.suggest import suggest

        view = self._view
        return suggest(
            request,
            self._week,
            self._first,
            view.before,
            view.after,
            self._knowledge,
            top,
            self._settings.goal,
            time_limit,
        )

    def undo(self) -> bool:
        edit = self._history.undo()
        if edit is None:
            return False
        self._commit(edit.before)
        return True

    def redo(self) -> bool:
        edit = self._history.redo()
        if edit is None:
            return False
        self._commit(edit.after)
        return True

    def set_first_weekday(self, first: FirstWeekday) -> None:
        """Switch Monday-first / Sunday-first. Weeks are re-read in the new shape; the undo
        history, which holds weeks of the old shape, starts afresh."""
        if first == self._first:
            return
        self._save_settings(replace(self._settings, first_weekday=first))
        # The writer may not have written the latest edits yet: carry them over by date
        # instead of re-reading them from the store.
        edited = {day: held for plan in self._plans.values() for day, held in plan.dated_days}
        self._first = first
        self._plans.clear()
        self._history = History()
        for week in {week for day in edited if (week := _shown_week(day, first)) is not None}:
            plan = self._store.load_plan(week, first)
            self._plans[week] = WeekPlan(
                week, first, tuple(edited.get(day, held) for day, held in plan.dated_days)
            )
        self.show(week_of(self._view.plan.dates[3], first))

    def reload(self) -> None:
        """Read everything again from the store, as it is now (after changes kept in memory
        were merged into a file another program wrote, or saved to another file). The undo
        history starts afresh: its weeks predate the other program's changes, and undoing
        one would write them over."""
        self._settings = self._store.settings()
        self._first = self._settings.first_weekday
        self._plans.clear()
        self._history = History()
        self._view = self._judge_shown()

    def _apply(self, before: WeekPlan, after: WeekPlan, *, show: bool = True) -> bool:
        if before == after:
            return False
        for day, held in after.dated_days:
            if held.is_planned and not supported(day):
                raise EditError(str(UnsupportedDay(day)))
        self._require_writable()
        self._history.record(before, after)
        self._commit(after, show=show)
        return True

    def _commit(self, plan: WeekPlan, *, show: bool = True) -> None:
        """Keep and save ``plan``; with ``show``, it becomes the shown week (undo and redo
        go back to the week they change)."""
        self._plans[plan.week] = plan
        self._save(plan)
        if show:
            self._week = plan.week
        self._view = self._judge_shown()

    def _save_settings(self, settings: Settings) -> None:
        if settings == self._settings:
            return
        self._require_writable()
        self._settings = settings
        self._save(settings)
        self._view = self._judge_shown()

    def _require_writable(self) -> None:
        if self._store.read_only:
            raise ReadOnlyStore(self._store.read_only_reason or "the database is read-only")

    # -- judging: the same judge_week as `planner show`, read through this session --------

    def load_plan(self, week: IsoWeek, first: FirstWeekday) -> WeekPlan:
        if first != self._first:
            raise ValueError(f"this session shows {self._first}-first weeks, not {first}-first")
        return self.plan_for(week)

    def days_between(self, start: date, end: date) -> list[DatedDay]:
        """Days read through the plans edited in this session, never older than the screen."""
        days: list[DatedDay] = []
        day = pendulum.Date(start.year, start.month, start.day)
        while day <= end:
            week = _shown_week(day, self._first)
            if week is None:  # shown in no supported week (next to the edge): as stored
                days.extend(self._store.days_between(day, day))
            else:
                days.append((day, self.plan_for(week).day_on(day)))
            day = day.add(days=1)
        return days

    def logs_between(self, start: date, end: date) -> Logs:
        """The day logs, as stored."""
        return self._store.logs_between(start, end)

    def judge(self, week: IsoWeek) -> JudgedWeek:
        """Any week as it stands in this session, judged like the shown one."""
        return judge_week(self, week, self._first, self._knowledge, self._settings.goal)

    def _judge_shown(self) -> JudgedWeek:
        view = self.judge(self._week)
        proposal = proposal_for(view.plan, self._settings, self)
        self._proposal_from = None if proposal is None else proposal.source
        if proposal is None:
            return view
        proposed = judge(
            proposal.plan, view.before, view.after, self._knowledge, self._settings.goal
        )
        return replace(proposed, summary=replace(proposed.summary, proposed=True))


def _shown_week(day: date, first: FirstWeekday) -> IsoWeek | None:
    """The displayed week holding ``day``; None next to the edge of the supported weeks."""
    try:
        return week_of(day, first)
    except WeekError:
        return None
