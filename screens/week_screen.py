"""The week screen: seven days to plan with the keyboard, and live advice beside them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.command import Provider, SimpleCommand
from textual.containers import Container, Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Static

from planner.advice import JudgedWeek
from planner.edits import EditError
from planner.plan import WeekPlan
from planner.session import PlanningSession
from planner.store import ReadOnlyStore, StoreError
from planner.weeks import FirstWeekday, IsoWeek, WeekError
from rules import Activity, PlannedDay
from screens.keys import LEGEND, WEEK_BINDINGS, help_rows
from screens.text import literal
from screens.widgets.advice_panel import AdviceList, AdvicePanel
from screens.widgets.readiness_strip import ReadinessLegend
from screens.widgets.save_state import SaveState
from screens.widgets.text_block import TextBlock
from screens.widgets.week_grid import DayCell, WeekGrid

if TYPE_CHECKING:
    from planner.templates import Template

# Below this the grid and the panel no longer fit side by side: the panel goes under the grid.
WIDE_MIN_WIDTH = 110
# Below this nothing readable fits: a notice replaces the layout.
MIN_SIZE = (60, 20)


def week_commands() -> type[Provider]:
    """The palette's commands, imported when the palette first opens, not for the first
    frame."""
    from screens.commands import WeekCommands

    return WeekCommands


def week_title(session: PlanningSession) -> str:
    dates = session.view.plan.dates
    first, last = dates[0], dates[-1]
    span = f"{first:%a} {first.day} {first:%b} – {last:%a} {last.day} {last:%b %Y}"
    title = f"[b]{session.week}[/b]  ·  {span}"
    if session.proposal_from is not None:
        title += (
            f"  ·  [$readable-warning]proposed from {session.proposal_from}: "
            "[b]enter[/b] keeps it[/]"
        )
    return title


class WeekScreen(Screen[None]):
    # Styles in week_screen.tcss, loaded by the App (see PlannerApp.CSS_PATH).
    BINDINGS = list(WEEK_BINDINGS)
    COMMANDS = {week_commands}

    # A var, not a reactive: the watcher redraws what changes; a reactive would also repaint
    # the whole screen on every move.
    selected: var[int] = var(0, init=False)

    def __init__(self, session: PlanningSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        # Kept: show_week runs on every key press and would otherwise query for them.
        self._title = TextBlock(week_title(self.session), id="week-title")
        self._save_state = TextBlock(id="save-state")
        self._grid = WeekGrid(self.session.view.plan.dates, today=self.session.today)
        self._advice = AdvicePanel(id="advice")
        self._readiness_of: JudgedWeek | None = None
        with Horizontal(id="top-bar"):
            yield self._title
            yield self._save_state
        with Container(id="body"):
            with Vertical(id="plan-area"):
                yield self._grid
                yield ReadinessLegend()
                yield Static(LEGEND, id="legend")
            yield self._advice
        yield Static(
            f"The terminal is too small for the planner.\n"
            f"Make it at least {MIN_SIZE[0]}×{MIN_SIZE[1]} characters.",
            id="too-small",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.set_reactive(WeekScreen.selected, self.session.index_of_today() or 0)
        self.watch(self.app, "save_state", self._show_save_state)
        self._fit(self.app.size.width, self.app.size.height)
        self.show_week()

    # -- showing ---------------------------------------------------------------------------

    def show_week(self) -> None:
        """Grid, title and panel from the session's current view, all in one frame."""
        view = self.session.view
        plan = view.plan
        self._title.show(week_title(self.session))
        self._grid.show(
            plan.dated_days,
            today=self.session.today,
            selected=self.selected,
            proposed=self.session.proposal_from is not None,
        )
        if view is not self._readiness_of:  # a move of the selection leaves it as it is
            self._readiness_of = view
            self._grid.show_readiness(view.readiness, self.session.knowledge)
        self._advice.show(
            view.summary,
            view.evaluation.transitions,
            shown=(plan.dates[0], plan.dates[-1]),
            selected=plan.dates[self.selected],
        )

    def watch_selected(self) -> None:
        self.show_week()

    def _show_save_state(self, state: SaveState) -> None:
        self._save_state.show(state.label)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        self.set_class(width < MIN_SIZE[0] or height < MIN_SIZE[1], "-too-small")
        self.set_class(width < WIDE_MIN_WIDTH, "-narrow")

    # -- selecting -------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        self.selected = max(0, min(6, self.selected + step))

    def action_move_to(self, index: int) -> None:
        self.selected = index

    def on_day_cell_clicked(self, message: DayCell.Clicked) -> None:
        self.selected = message.index

    def action_scroll_advice(self, direction: int) -> None:
        panel = self.query_one(AdviceList)
        if direction < 0:
            panel.scroll_page_up(animate=False)
        else:
            panel.scroll_page_down(animate=False)

    # -- planning --------------------------------------------------------------------------

    def action_plan(self, activity: str) -> None:
        # Typing a week is seven keys: move on to the next day, in the same frame as the edit.
        self._edit(
            lambda: self.session.set_day(self.selected, PlannedDay.of(Activity(activity))),
            select=min(6, self.selected + 1),
        )

    def action_clear_day(self) -> None:
        self._edit(lambda: self.session.set_day(self.selected, PlannedDay.UNPLANNED))

    def action_clear_week(self) -> None:
        if self._edit(self.session.clear_week):
            self.notify(f"Cleared {self.session.week}. Press ctrl+z to undo.")

    def action_keep_proposal(self) -> None:
        if self._edit(self.session.confirm_proposal):
            self.notify(f"Kept the week proposed from {self.session.repeat_week}.", timeout=4)

    def set_repeat_week(self, week: IsoWeek | None) -> None:
        try:
            self.session.set_repeat_week(week)
        except (EditError, StoreError) as error:
            self.notify(str(error), title="Setting not changed", severity="error", markup=False)
            return
        if week is None:
            self.notify("Unplanned weeks no longer repeat a week.", timeout=4)
        else:
            self.notify(f"Unplanned weeks now propose {week} until you edit them.", timeout=4)
        self.show_week()

    def action_undo(self) -> None:
        if not self._edit(self.session.undo, refresh_always=False):
            self.notify("Nothing to undo.", timeout=2)

    def action_redo(self) -> None:
        if not self._edit(self.session.redo, refresh_always=False):
            self.notify("Nothing to redo.", timeout=2)

    def _edit(
        self,
        change: Callable[[], bool],
        *,
        refresh_always: bool = True,
        select: int | None = None,
    ) -> bool:
        """Apply ``change`` and show the result; ``select`` moves the selection when the
        change was made, without a second pass through ``watch_selected``."""
        try:
            changed = change()
        except ReadOnlyStore as error:
            self.notify(
                f"{error} Nothing was changed.", title="Read-only", severity="error", markup=False
            )
            return False
        except (EditError, WeekError) as error:
            self.notify(str(error), timeout=4, markup=False)
            return False
        if changed and select is not None:
            self.set_reactive(WeekScreen.selected, select)
        if changed or refresh_always:
            self.show_week()
        return changed

    # -- moving between weeks --------------------------------------------------------------

    def show_iso_week(self, week: IsoWeek) -> None:
        try:
            self.session.show(week)
        except WeekError as error:
            self.notify(f"{error}; it is not shown.", timeout=4, markup=False)
            return
        self.show_week()

    def _shift_week(self, weeks: int) -> None:
        try:
            week = self.session.week.shifted(weeks)
        except WeekError as error:  # the edge of the supported weeks: stay
            self.notify(f"{error}.", timeout=4, markup=False)
            return
        self.show_iso_week(week)

    def action_previous_week(self) -> None:
        self._shift_week(-1)

    def action_next_week(self) -> None:
        self._shift_week(1)

    def action_this_week(self) -> None:
        self.session.show_today()
        self.set_reactive(WeekScreen.selected, self.session.index_of_today() or 0)
        self.show_week()

    def action_help(self) -> None:
        from screens.dialogs.help_dialog import HelpDialog

        self.app.push_screen(HelpDialog(self.help_table()))

    def help_table(self) -> list[tuple[str, str]]:
        return [
            *help_rows(),
            ("ctrl+p", "Command palette: go to week, clear week, settings…"),
            ("ctrl+s", "Save again after a failed save"),
            ("ctrl+q", "Quit (everything is already saved)"),
        ]

    def action_year(self) -> None:
        from screens.year_screen import YearScreen

        def open_week(week: IsoWeek | None) -> None:
            if week is not None:
                self.show_iso_week(week)

        self.app.push_screen(YearScreen(self.session), open_week)

    def action_suggest(self) -> None:
        from screens.dialogs.suggest_dialog import SuggestDialog

        def apply(plan: WeekPlan | None) -> None:
            if plan is not None and self._edit(lambda: self.session.replace_plan(plan)):
                self.notify("Suggestion applied. Press ctrl+z to undo.", timeout=4)

        self.app.push_screen(SuggestDialog(self.session), apply)

    def action_templates(self) -> None:
        # Imported here, like the dialogs: the first frame does not show the templates.
        from planner.templates import load_templates

        def applier(template: Template) -> Callable[[], None]:
            def apply() -> None:
                if self._edit(lambda: self.session.apply_template(template)):
                    self.notify(
                        f"Applied '{template.name}'. Press ctrl+z to undo.",
                        timeout=4,
                        markup=False,
                    )

            return apply

        self.app.search_commands(
            # The palette reads names and help as markup: the templates file's text is not.
            [
                SimpleCommand(literal(t.name), applier(t), literal(t.description))
                for t in load_templates()
            ],
            placeholder="Apply a week template…",
        )

    def action_copy_previous_week(self) -> None:
        if self._edit(self.session.copy_previous_week):
            self.notify(f"Copied {self.session.week.previous()}. Press ctrl+z to undo.", timeout=4)

    def action_go_to_week(self) -> None:
        from screens.dialogs.go_to_week_dialog import GoToWeekDialog

        def go(week: IsoWeek | None) -> None:
            if week is not None:
                self.show_iso_week(week)

        self.app.push_screen(GoToWeekDialog(self.session.week), go)

    def set_first_weekday(self, first: FirstWeekday) -> None:
        try:
            self.session.set_first_weekday(first)
        except (EditError, StoreError) as error:
            self.notify(str(error), title="Setting not changed", severity="error", markup=False)
            return
        self.show_week()
