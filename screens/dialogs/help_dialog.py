"""How to type a week and every key of the planner, built from the same keymap the screen
binds (the planner's one help: ? or f1)."""

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

    DEFAULT_CSS = """
    HelpDialog #help-intro {
        margin: 0 0 1 0;
    }
    """

    def __init__(self, rows: Sequence[tuple[str, str]], intro: str = "") -> None:
        super().__init__()
        self.rows = rows
        self.intro = intro  # markup

    def compose(self) -> ComposeResult:
        width = max(len(key) for key, _ in self.rows)
        table = Content("\n").join(
            Content.assemble((key.ljust(width), "bold"), "  ", text) for key, text in self.rows
        )
        with VerticalScroll(id="dialog", classes="help") as scroll:
            scroll.border_title = "Help"
            scroll.border_subtitle = "esc to close"
            if self.intro:
                yield Static(self.intro, id="help-intro")
            yield Static(table)
