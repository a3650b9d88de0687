"""What the week screen works on, without Textual: the shown week, edits, undo and redo.

Every change produces a new immutable ``WeekPlan`` (or ``Settings``); it is handed to
``save`` (the single background writer) at once and kept here, so what is shown and judged
never waits on the disk and never reads a week older than the user's last edit. Edits are
those of :mod:`planner.edits`, the same the command line makes.

The session also keeps where typing is (:class:`~planner.typing_state.TypingState`) and
records it with each edit: undo and redo go back to the week and the selection each edit
was made from and left, across weeks too (the key that went on into the next week is undone
back to the finished week, past its end).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

import pendulum

from planner.advice import (
    JudgedWeek,
    judge,
    judge_week,
    with_deload_suggestion,
    with_load_caution,
)
from planner.block import BlockWeek, DeloadForward, LaidWeek, brought_forward
from planner.block_plan import BlockSource, LaidBlock, iso_plan, plan_block
from planner.days import weekday_key
from planner.edited_weeks import EditedWeeks
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
from planner.log import EMPTY_LOG, DayLog, LogError, WeekLogs, keep_logged, logged
from planner.plan import Settings, WeekPlan
from planner.repeat import proposal_for
from planner.store import ReadOnlyStore, Store
from planner.typing_state import Position, TypingState, starting_state
from planner.weeks import FirstWeekday, IsoWeek, UnsupportedDay, WeekError, supported, week_of
from rules import Goal, KnowledgeBase, PlannedDay

if TYPE_CHECKING:
    from planner.load_weeks import LoadedWeek
    from planner.suggest import Suggestions, SuggestRequest
    from planner.templates import Template

Saved = WeekPlan | Settings | WeekLogs | LaidBlock


class Step(NamedTuple):
    """One side of an edit, for undo and redo: the week as it was (or became), or a week's
    day logs, and where the user was before the edit (or after it)."""

    value: WeekPlan | WeekLogs
    position: Position


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
        self._weeks = EditedWeeks(store, self._settings.first_weekday)
        self._proposal_from: IsoWeek | None = None
        self._history: History[Step] = History()
        self.today = today
        self._week = week or week_of(today, self._weeks.first)
        self._version = 0
        self._view = self._judge_shown()
        self._typing = self._starting_state()

    # -- reading ---------------------------------------------------------------------------

    @property
    def view(self) -> JudgedWeek:
        """The shown week as it stands (or as proposed), judged: what the screen paints."""
        return self._view

    @property
    def version(self) -> int:
        """Goes up by one whenever :attr:`view` is judged anew (an edit, another week, a
        setting); a move of the selection keeps it. What is drawn from the view is kept
        by it."""
        return self._version

    @property
    def typing(self) -> TypingState:
        """Where typing is in the shown week: the selection, the day just planned..."""
        return self._typing

    @property
    def knowledge(self) -> KnowledgeBase:
        return self._knowledge

    @property
    def week(self) -> IsoWeek:
        return self._week

    @property
    def first_weekday(self) -> FirstWeekday:
        return self._weeks.first

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
        return self._weeks.plan_for(week)

    # -- navigation ------------------------------------------------------------------------

    def show(self, week: IsoWeek, typing: TypingState | None = None) -> None:
        """Show ``week``, with ``typing``, else the selection where a newly shown week
        starts (:func:`~planner.typing_state.starting_state`)."""
        before = self._week
        self._week = week
        try:
            self._set_view(self._judge_shown())
        except WeekError:
            self._week = before
            raise
        self._typing = typing or self._starting_state()

    def show_today(self) -> None:
        self.show(week_of(self.today, self._weeks.first))

    def set_typing(self, typing: TypingState) -> None:
        """A move of the selection, a waiting "+"...: no edit, nothing to undo."""
        self._typing = typing

    def _starting_state(self) -> TypingState:
        plan = self._view.plan
        return starting_state(plan.dates, not plan.is_empty, self.today)

    def _position(self) -> Position:
        return Position(self._week, self._typing)

    # -- editing ---------------------------------------------------------------------------

    def set_day(self, index: int, day: PlannedDay, typing: TypingState | None = None) -> bool:
        """Plan ``day`` on the shown day ``index``; False if unchanged. ``typing``: where
        typing is afterwards (by default where it was, "just planned" forgotten)."""
        # On a proposed week the edit confirms the proposal with this change on top.
        return self._apply(self._stored(), self._view.plan.with_day(index, day), typing=typing)

    def type_day(self, week: IsoWeek, index: int, held: PlannedDay, typing: TypingState) -> None:
        """Plan ``held`` on day ``index`` of ``week`` as typing does, and show ``week``
        with ``typing`` even if the day held it already (typing moves on all the same).
        Undo goes back to where typing was, across weeks."""
        was = self._position()
        # The week as it would be shown: a proposed week is kept with this day on top.
        shown = self._view if week == self._week else self._judged(week)[0]
        after = shown.plan.with_day(index, held)
        if not self._apply(self.plan_for(week), after, typing=typing, was=was):
            if week != self._week:
                self.show(week, typing)
            self._typing = typing

    def apply_change(self, change: WeekChange) -> bool:
        """Make one change (a fix, :mod:`planner.fix`) to the shown week; one undo step."""
        return self._apply(self._stored(), change_week(self._view.plan, change))

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
        """Put a whole week in place (templates, suggestions, a copy); undoable like any
        edit. A day logged done keeps its plan (planner.log.keep_logged)."""
        before = self.plan_for(new.week)
        logs = self._weeks.logs_between(before.dates[0], before.dates[-1])
        return self._apply(before, keep_logged(before, new, logs)[0])

    def apply_template(self, template: Template) -> bool:
        """The template's days on the shown week (days it leaves open keep their plan)."""
        return self.replace_plan(template.apply_to(self._stored()))

    def copy_previous_week(self) -> bool:
        """The week before, day for day, onto the shown week. EditError if it is unplanned."""
        return self.replace_plan(copy_week(self.plan_for(self._week.previous()), self._stored()))

    def lay_block(
        self,
        weeks: int,
        deload_every: int,
        template: Template | None,
        *,
        replace: bool,
        how_to_replace: str = "choose to replace planned weeks",
    ) -> LaidBlock:
        """Lay a training block from the shown week (planner.block_plan, as `planner block`
        does), judge anew and save it in one write. BlockError (one line) when it cannot be
        laid, or would lay over planned weeks without ``replace``. Not undoable: the undo
        history starts afresh, since undoing an older edit would write it over the block."""
        self._require_writable()
        block = plan_block(
            self._weeks, self.repeat_week, self._week, weeks, deload_every, template,
            replace=replace, how_to_replace=how_to_replace,
        )  # fmt: skip
        for week in block.weeks:
            for day, held in week.plan.dated_days:
                if held.is_planned and not supported(day):
                    raise EditError(str(UnsupportedDay(day)))
        self._lay(block)
        return block

    def bring_deload_forward(self) -> DeloadForward | None:
        """Apply the suggestion of the shown week, if it has one (planner.block): next week
        and the block's next deload week swap places, days already logged kept. Saved in one
        write like a block, and like a block not undoable."""
        self._require_writable()
        move = self._view.summary.deload
        if move is None:
            return None
        marks = self._weeks.blocks_between(move.target, move.deload)
        target, deload = iso_plan(self._weeks, move.target), iso_plan(self._weeks, move.deload)
        laid = []
        for week in brought_forward(move, target, deload, marks):
            dates = week.plan.dates
            logs = self._weeks.logs_between(dates[0], dates[-1])
            before = target if week.plan.week == move.target else deload
            laid.append(LaidWeek(keep_logged(before, week.plan, logs)[0], week.mark))
        self._lay(LaidBlock(tuple(laid), BlockSource()))
        return move

    def _lay(self, block: LaidBlock) -> None:
        """Keep a block's weeks and marks, start the undo history afresh (undoing an older
        edit would write it over the block) and save it in one write."""
        self._weeks.keep_days({day: held for w in block.weeks for day, held in w.plan.dated_days})
        self._weeks.keep_blocks(block.marks)
        self._history = History()
        self._save(block)
        self._set_view(self._judge_shown())

    def blocks_between(self, first: IsoWeek, last: IsoWeek) -> dict[IsoWeek, BlockWeek]:
        """Each ISO week's place in a training block, from ``first`` to ``last``."""
        return self._weeks.blocks_between(first, last)

    # -- the training log (planner.log): what was done and how it felt --------------------

    def log_of(self, index: int) -> DayLog:
        """What is logged for the shown day ``index`` (empty if nothing)."""
        day = self._view.plan.dates[index]
        return self._weeks.logs_between(day, day).get(day, EMPTY_LOG)

    def log_day(self, index: int, word: str) -> bool:
        """Log the shown day ``index`` ``done`` as planned or ``skipped``; one undo step.
        LogError (one line) if it cannot be: a day after today, nothing to skip..."""
        plan = self._view.plan
        log = logged(word, None, plan.days[index], self.log_of(index), key=self._day_key(index))
        return self.set_log(index, log)

    def set_log(self, index: int, log: DayLog) -> bool:
        """Put ``log`` on the shown day ``index`` (the log dialog); one undo step; False if
        it changes nothing. LogError for a day after today. The plan never changes."""
        day = self._view.plan.dates[index]
        if day > self.today:
            raise LogError(f"{self._day_key(index)} is after today: log a day once it is done")
        self._require_writable()
        week = IsoWeek.containing(day)
        before = self._weeks.week_logs(week)
        after = WeekLogs(week, tuple((d, log if d == day else held) for d, held in before.days))
        if after == before:
            return False
        position = self._position()
        then = Position(self._week, self._typing.forgotten())
        self._history.record(Step(before, position), Step(after, then))
        self._commit(after, then)
        return True

    def _day_key(self, index: int) -> str:
        return weekday_key(self._view.plan.dates[index])

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
            self._weeks.first,
            view.before,
            view.after,
            self._knowledge,
            top,
            self._settings.goal,
            time_limit,
        )

    @property
    def can_undo(self) -> bool:
        return self._history.can_undo

    @property
    def can_redo(self) -> bool:
        return self._history.can_redo

    def undo(self) -> bool:
        """Take back the last edit, back where it was made from; False if none."""
        edit = self._history.undo()
        if edit is None:
            return False
        self._commit(*edit.before)
        return True

    def redo(self) -> bool:
        """Make the edit undone last again, back where it left the user; False if none."""
        edit = self._history.redo()
        if edit is None:
            return False
        self._commit(*edit.after)
        return True

    def set_first_weekday(self, first: FirstWeekday) -> None:
        """Switch Monday-first / Sunday-first. Weeks are re-read in the new shape; the undo
        history, which holds weeks of the old shape, starts afresh."""
        if first == self._weeks.first:
            return
        self._save_settings(replace(self._settings, first_weekday=first))
        self._weeks = self._weeks.reshaped(first)
        self._history = History()
        self.show(week_of(self._view.plan.dates[3], first))

    def reload(self) -> None:
        """Read everything again from the store, as it is now (after changes kept in memory
        were merged into a file another program wrote, or saved to another file). The undo
        history starts afresh: its weeks predate the other program's changes, and undoing
        one would write them over."""
        self._settings = self._store.settings()
        self._weeks = EditedWeeks(self._store, self._settings.first_weekday)
        self._history = History()
        self._set_view(self._judge_shown())

    def _apply(
        self,
        before: WeekPlan,
        after: WeekPlan,
        *,
        typing: TypingState | None = None,
        was: Position | None = None,
        week: IsoWeek | None = None,
    ) -> bool:
        """Make the edit ``before`` -> ``after``, one undo step; False if it changes
        nothing. Afterwards ``week`` (by default the edited one) is shown with ``typing``
        (by default as it was, "just planned" forgotten); undo goes back to ``was`` (by
        default where the user is)."""
        if before == after:
            return False
        for day, held in after.dated_days:
            if held.is_planned and not supported(day):
                raise EditError(str(UnsupportedDay(day)))
        self._require_writable()
        then = Position(week or after.week, typing or self._typing.forgotten())
        self._history.record(Step(before, was or self._position()), Step(after, then))
        self._commit(after, then)
        return True

    def _commit(self, value: WeekPlan | WeekLogs, position: Position) -> None:
        """Keep and save ``value`` (a week, or a week's day logs), and show ``position``."""
        if isinstance(value, WeekLogs):
            self._weeks.keep_logs(value)
        else:
            self._weeks.keep(value)
        self._save(value)
        self._week = position.week
        self._set_view(self._judge_shown())
        self._typing = position.typing

    def _set_view(self, view: JudgedWeek) -> None:
        self._view = view
        self._version += 1

    def _save_settings(self, settings: Settings) -> None:
        if settings == self._settings:
            return
        self._require_writable()
        self._settings = settings
        self._save(settings)
        self._set_view(self._judge_shown())

    def _require_writable(self) -> None:
        if self._store.read_only:
            raise ReadOnlyStore(self._store.read_only_reason or "the database is read-only")

    # -- judging: the same judge_week as `planner show`, read through this session --------

    def week_loads(self, first_week: IsoWeek, last_week: IsoWeek) -> list[LoadedWeek]:
        """The load figures of ``first_week`` .. ``last_week`` as they stand in this session
        (the load screen), with their block marks. WeekError if they cannot be read."""
        from planner.load_weeks import loaded_weeks

        weeks = self._weeks
        return loaded_weeks(weeks, self._store, first_week, last_week, weeks.first, self._knowledge)

    def judge(self, week: IsoWeek) -> JudgedWeek:
        """Any week as it stands in this session, judged like the shown one."""
        weeks = self._weeks
        return judge_week(weeks, week, weeks.first, self._knowledge, self._settings.goal)

    def _judge_shown(self) -> JudgedWeek:
        view, self._proposal_from = self._judged(self._week)
        return with_deload_suggestion(view, self._weeks, self.today)

    def _judged(self, week: IsoWeek) -> tuple[JudgedWeek, IsoWeek | None]:
        """``week`` as it would be shown, judged, and the week it is proposed from if it is
        a proposal of the repeating week."""
        view = self.judge(week)
        proposal = proposal_for(view.plan, self._settings, self._weeks)
        if proposal is None:
            return view, None
        proposed = with_load_caution(
            judge(proposal.plan, view.before, view.after, self._knowledge, self._settings.goal),
            self._weeks,
            self._knowledge,
        )
        return replace(proposed, summary=replace(proposed.summary, proposed=True)), proposal.source
