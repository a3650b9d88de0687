"""What to do with changes kept in memory because another program wrote the database while
the planner had it open (its lock file was removed): merge them into the file as it is now,
save everything to another file, or keep them here for now."""

from __future__ import annotations

from typing import NamedTuple

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from screens.dialogs.base import PlannerDialog

MERGE, ELSEWHERE, LATER = "merge", "elsewhere", "later"


class ConflictChoice(NamedTuple):
    action: str  # MERGE or ELSEWHERE
    path: str | None = None  # the new file, for ELSEWHERE


class ConflictDialog(PlannerDialog[ConflictChoice | None]):
    """Dismissed with the choice, or None to keep the changes here for now."""

    DEFAULT_CSS = """
    ConflictDialog OptionList, ConflictDialog OptionList:focus {
        height: auto;
        border: none;
        padding: 0;
    }
    ConflictDialog #elsewhere {
        display: none;
    }
    ConflictDialog.--path #elsewhere {
        display: block;
    }
    ConflictDialog.--path OptionList {
        display: none;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, database: str, suggested_path: str) -> None:
        super().__init__()
        self.database = database
        self.suggested_path = suggested_path

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as box:
            box.border_title = "Changed by another program"
            box.border_subtitle = "enter to choose · esc to keep them here"
            yield Static(
                f"{self.database} was changed by another program while the planner had it "
                "open. Your changes since are kept here, not saved.",
                markup=False,
            )
            yield OptionList(
                Option("Merge: my changes on top of the file as it is now", id=MERGE),
                Option("Save everything to another file…", id=ELSEWHERE),
                Option("Keep them here for now", id=LATER),
                id="choices",
            )
            with Vertical(id="elsewhere"):
                yield Label("Save to (a new file):")
                yield Input(self.suggested_path, id="path", select_on_focus=False)
                yield Static(id="path-error")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == MERGE:
            self.dismiss(ConflictChoice(MERGE))
        elif event.option.id == ELSEWHERE:
            self.add_class("--path")
            self.query_one(Input).focus()
        else:
            self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.dismiss(ConflictChoice(ELSEWHERE, event.value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
