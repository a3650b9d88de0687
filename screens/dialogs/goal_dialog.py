"""Choose what the user trains for: the five goals, each with one line on what it means."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from rules import Goal
from screens.dialogs.base import PlannerDialog

# What each goal trains for, in the user's words (how it weighs the advice is the rules').
GOAL_LINES: dict[Goal, str] = {
    Goal.GENERAL: "fit and healthy: a balanced week of lifting and running",
    Goal.MUSCLE: "bigger muscles: every muscle group trained hard about twice a week",
    Goal.STRENGTH: "lifting heavier: hard lifting on fresh, recovered muscles",
    Goal.ENDURANCE: "running further or faster: runs first, lifting in support",
    Goal.HYBRID: "strong and fit at once: lifting and running planned together",
}


class GoalDialog(PlannerDialog[Goal | None]):
    """Dismissed with the chosen goal, or None when cancelled."""

    DEFAULT_CSS = """
    GoalDialog OptionList, GoalDialog OptionList:focus {
        height: auto;
        border: none;
        padding: 0;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: Goal) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        options = [
            Option(
                Content.assemble(
                    (goal.label, "bold"),
                    " (current)" if goal is self.current else "",
                    "\n  ",
                    (GOAL_LINES[goal], "dim"),
                ),
                id=goal.value,
            )
            for goal in Goal
        ]
        with Vertical(id="dialog") as box:
            box.border_title = "What do you train for?"
            box.border_subtitle = "↑↓ choose · enter to keep · esc to cancel"
            yield OptionList(*options, id="goals")

    def on_mount(self) -> None:
        goals = self.query_one(OptionList)
        goals.highlighted = list(Goal).index(self.current)
        goals.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.dismiss(Goal(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
