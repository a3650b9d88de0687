"""Ask for a week (``2027-W3``, ``W3``, a date, ``next``, ``prev``: planner.week_names) and
check it before closing."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from planner.week_names import read_week
from planner.weeks import FirstWeekday, IsoWeek, WeekError
from screens.dialogs.base import PlannerDialog
from screens.text import styled


class GoToWeekDialog(PlannerDialog[IsoWeek | None]):
    DEFAULT_CSS = """
    GoToWeekDialog #week-error {
        height: 1;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: IsoWeek, today: date, first: FirstWeekday) -> None:
        super().__init__()
        self.current = current
        self.today = today
        self.first = first

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as box:
            box.border_title = "Go to week"
            box.border_subtitle = "enter to go · esc to cancel"
            yield Label("A week: 2027-W3, W3 (this year), 2027-01-15 (its week), next, prev")
            yield Input(str(self.current), id="week-input", select_on_focus=True)
            yield Static(id="week-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            week = read_week(event.value, shown=self.current, today=self.today, first=self.first)
        except WeekError as error:
            self.query_one("#week-error", Static).update(styled(str(error), "$readable-error"))
            return
        self.dismiss(week)

    def action_cancel(self) -> None:
        self.dismiss(None)
