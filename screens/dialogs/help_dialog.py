"""Every key of the planner, built from the same keymap the screen binds."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from screens.dialogs.base import PlannerDialog


class HelpDialog(PlannerDialog[None]):
    BINDINGS = [
        Binding("escape,question_mark,f1,q", "dismiss", "Close", key_display="esc"),
    ]

    def __init__(self, rows: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        width = max(len(key) for key, _ in self.rows)
        table = Content("\n").join(
            Content.assemble((key.ljust(width), "bold"), "  ", text) for key, text in self.rows
        )
        with VerticalScroll(id="dialog", classes="help") as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "esc to close"
            yield Static(table)
