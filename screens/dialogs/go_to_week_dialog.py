"""Ask for an ISO week and check it before closing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from planner.weeks import IsoWeek, WeekError
from screens.dialogs.base import PlannerDialog
from screens.text import styled


class GoToWeekDialog(PlannerDialog[IsoWeek | None]):
    DEFAULT_CSS = """
    GoToWeekDialog #week-error {
        height: 1;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: IsoWeek) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as box:
            box.border_title = "Go to week"
            box.border_subtitle = "enter to go · esc to cancel"
            yield Label("ISO week, e.g. 2026-W48:")
            yield Input(str(self.current), id="week-input", select_on_focus=True)
            yield Static(id="week-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            week = IsoWeek.parse(event.value)
        except WeekError as error:
            self.query_one("#week-error", Static).update(styled(str(error), "$readable-error"))
            return
        self.dismiss(week)

    def action_cancel(self) -> None:
        self.dismiss(None)
