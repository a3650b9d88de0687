"""The week screen's keys that open a dialog, another screen or a picker, what their answer
does, and the settings the palette changes. Each dialog is imported when first opened, not
for the first frame.

A new dialog is a module in ``screens/dialogs/``, its action here, its key in
:mod:`screens.keys` and its line in the palette (:mod:`screens.commands`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.command import SimpleCommand
from textual.screen import Screen

from planner.days import day_phrase, displayed_weekdays, weekday_key
from planner.edits import EditError
from planner.plan import WeekPlan
from planner.store import StoreError
from planner.weeks import FirstWeekday, IsoWeek
from rules import Goal
from screens import notices
from screens.keys import help_rows, typing_help
from screens.notices import Notice
from screens.text import literal

if TYPE_CHECKING:
    from planner.block_plan import LaidBlock
    from planner.log import DayLog
    from planner.session import PlanningSession
    from planner.templates import Template

# A day a template leaves as it is, in the template picker.
OPEN = "open"


class WeekDialogs(Screen[None]):
    """The dialog keys of :class:`~screens.week_screen.WeekScreen`, which provides the
    session, edits and notices."""

    session: PlanningSession

    def show_week(self, *, again: bool = False) -> None:
        raise NotImplementedError

    def show_iso_week(self, week: IsoWeek) -> None:
        raise NotImplementedError

    def notice(self, notice: Notice) -> None:
        raise NotImplementedError

    def _edit(self, change: Callable[[], bool], done: Notice | None = None) -> bool:
        raise NotImplementedError

    def action_help(self) -> None:
        from screens.dialogs.help_dialog import HelpDialog

        self.app.push_screen(HelpDialog(help_rows(), typing_help()))

    def action_year(self) -> None:
        from screens.year_screen import YearScreen

        def open_week(week: IsoWeek | None) -> None:
            if week is not None:
                self.show_iso_week(week)

        self.app.push_screen(YearScreen(self.session), open_week)

    def action_load(self) -> None:
        from screens.load_screen import LoadScreen

        def open_week(week: IsoWeek | None) -> None:
            if week is not None:
                self.show_iso_week(week)

        self.app.push_screen(LoadScreen(self.session), open_week)

    def action_go_to_week(self) -> None:
        from screens.dialogs.go_to_week_dialog import GoToWeekDialog

        def go(week: IsoWeek | None) -> None:
            if week is not None:
                self.show_iso_week(week)

        session = self.session
        self.app.push_screen(GoToWeekDialog(session.week, session.today, session.first_weekday), go)

    def action_suggest(self) -> None:
        from screens.dialogs.suggest_dialog import SuggestDialog

        def apply(plan: WeekPlan | None) -> None:
            if plan is not None:
                self._edit(lambda: self.session.replace_plan(plan), notices.suggestion_applied())

        self.app.push_screen(SuggestDialog(self.session), apply)

    def logged_notice(self, index: int) -> Notice:
        raise NotImplementedError

    def action_log_dialog(self) -> None:
        """L: the selected day's log (past the end of the week, its last day)."""
        from planner.export.text import short_date
        from planner.log import LogError, muscle_families
        from screens.dialogs.log_dialog import LogDialog, LogFields

        session = self.session
        index = min(session.typing.selected, len(session.view.plan.dates) - 1)
        plan = session.view.plan
        day = plan.dates[index]
        if day > session.today:
            after = f"{short_date(day)} is after today: log a day once it is done"
            self.notice(notices.refused(LogError(after)))
            return
        fields = LogFields(
            short_date(day),
            weekday_key(day),
            plan.days[index],
            session.log_of(index),
            muscle_families(session.knowledge),
        )

        def keep(log: DayLog | None) -> None:
            if log is not None and self._edit(lambda: session.set_log(index, log)):
                self.notice(self.logged_notice(index))

        self.app.push_screen(LogDialog(fields), keep)

    def action_choose_goal(self) -> None:
        from screens.dialogs.goal_dialog import GoalDialog

        def choose(goal: Goal | None) -> None:
            if goal is None or goal == self.session.goal:
                return
            chosen = goal
            if self._setting(lambda: self.session.set_goal(chosen), "Goal"):
                self.notice(notices.goal_chosen(chosen.label))

        self.app.push_screen(GoalDialog(self.session.goal), choose)

    def action_templates(self) -> None:
        # Imported here, like the dialogs: the first frame does not show the templates.
        from planner.templates import load_templates

        def applier(template: Template) -> Callable[[], None]:
            def apply() -> None:
                done = notices.template_applied(template.name)
                self._edit(lambda: self.session.apply_template(template), done)

            return apply

        def layout(template: Template) -> str:
            """The template's days as the week shows them: ``Push · Rest · Legs ...``."""
            weekdays = displayed_weekdays(self.session.first_weekday)
            days = (template.days[weekday] for weekday in weekdays)
            return " · ".join(OPEN if day is None else day_phrase(day) for day in days)

        self.app.search_commands(
            # The palette reads names and help as markup: the templates file's text is not.
            [
                SimpleCommand(
                    literal(t.name), applier(t), literal(f"For {t.goal.label}: {layout(t)}")
                )
                for t in load_templates()
            ],
            placeholder="Apply a week template…",
        )

    def action_lay_block(self) -> None:
        """A training block from the shown week (the palette's "Lay a training block…")."""
        from planner.templates import load_templates, template_by_id
        from screens.dialogs.block_dialog import BlockChoice, BlockDialog

        session = self.session

        def lay(choice: BlockChoice) -> LaidBlock:
            template = None if choice.template is None else template_by_id(choice.template)
            return session.lay_block(
                choice.weeks, choice.deload_every, template, replace=choice.replace,
                how_to_replace="tick Replace planned weeks",
            )  # fmt: skip

        def laid(block: LaidBlock | None) -> None:
            if block is not None:
                self.show_week()
                self.notice(notices.block_laid(block))

        templates = [(template.id, template.name) for template in load_templates()]
        self.app.push_screen(BlockDialog(session.week, session.repeat_week, templates, lay), laid)

    def action_bring_deload_forward(self) -> None:
        """D: the swap the panel suggests when check-ins run low (planner.block)."""
        try:
            move = self.session.bring_deload_forward()
        except (EditError, StoreError) as error:
            self.notice(notices.refused(error))
            return
        if move is None:
            self.notice(notices.NO_DELOAD_TO_BRING)
            return
        self.show_week()
        self.notice(notices.deload_brought_forward(move))

    def action_copy_previous_week(self) -> None:
        week = self.session.week
        if self._edit(self.session.copy_previous_week):
            self.notice(notices.copied(week.previous()))

    # -- settings, from the palette ------------------------------------------------------

    def set_repeat_week(self, week: IsoWeek | None) -> None:
        if self._setting(lambda: self.session.set_repeat_week(week)):
            self.notice(notices.repeating(week))

    def set_first_weekday(self, first: FirstWeekday) -> None:
        self._setting(lambda: self.session.set_first_weekday(first))

    def _setting(self, change: Callable[[], object], what: str = "Setting") -> bool:
        """Change a setting and show the week judged anew; False (and a notice) if the
        setting could not be changed."""
        try:
            change()
        except (EditError, StoreError) as error:
            self.notice(notices.setting_refused(error, what))
            return False
        self.show_week()
        return True
