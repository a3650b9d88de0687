"""Lay a training block from the shown week, as ``planner block`` does: how many weeks, every
how many a deload, from the repeating week or a template, and whether planned weeks may be
laid over. What cannot be laid is said in the dialog, which stays open to fix it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from planner.block import DEFAULT_DELOAD_EVERY, MAX_WEEKS, BlockError
from planner.block_plan import LaidBlock
from planner.edits import EditError
from planner.store import StoreError
from planner.weeks import IsoWeek
from screens.dialogs.base import PlannerDialog
from screens.text import styled

# The Select value for the repeating week; a template's is its id (ids are words, never "").
REPEATING = ""
DEFAULT_WEEKS = 4
# The core names its fields as the command line spells them; here they are these labels.
FIELD_WORDS = {"--weeks": "Weeks", "--deload-every": "Deload every"}


@dataclass(frozen=True, slots=True)
class BlockChoice:
    """What the dialog asks for: None as the template lays the repeating week."""

    weeks: int
    deload_every: int
    template: str | None
    replace: bool


class ReplaceBox(Checkbox, inherit_bindings=False):
    """A tick box that toggles on space only: enter is the dialog's (lay the block)."""

    BINDINGS = [Binding("space", "toggle_button", "Toggle", show=False)]


class BlockDialog(PlannerDialog[LaidBlock | None]):
    """Dismissed with the block laid by ``lay`` (which raises BlockError, EditError or
    StoreError with one line to show), or None when cancelled."""

    DEFAULT_CSS = """
    BlockDialog .block-row {
        height: 3;
    }
    BlockDialog .block-row Label {
        width: 16;
        padding: 1 0 0 0;
    }
    BlockDialog #dialog .block-row Input {
        width: 10;
        margin: 0;
    }
    BlockDialog .block-row .block-hint {
        width: 1fr;
        padding: 1 0 0 1;
        color: $readable-muted;
    }
    BlockDialog .block-row Select {
        width: 1fr;
    }
    BlockDialog #block-replace {
        width: 1fr;
    }
    BlockDialog #block-error {
        height: auto;
    }
    """
    # Enter lays the block from every field, as the subtitle says: an input submits, the
    # button presses, and the tick box (which toggles on space only) leaves enter to here.
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("enter", "lay", "Lay the block", show=False),
    ]

    def __init__(
        self,
        start: IsoWeek,
        repeat_week: IsoWeek | None,
        templates: Sequence[tuple[str, str]],
        lay: Callable[[BlockChoice], LaidBlock],
    ) -> None:
        """``templates``: (id, name) of each template offered as the source."""
        super().__init__()
        self.start = start
        self.repeat_week = repeat_week
        self.templates = templates
        self.lay = lay

    def compose(self) -> ComposeResult:
        sources: list[tuple[str, str]] = [(name, id_) for id_, name in self.templates]
        if self.repeat_week is not None:
            sources.insert(0, (f"The repeating week, {self.repeat_week}", REPEATING))
        with Vertical(id="dialog") as box:
            box.border_title = "Lay a training block"
            box.border_subtitle = "tab to move · enter to lay · esc to cancel"
            yield Label(f"From {self.start}, Monday to Sunday, on the weeks after it.")
            with Horizontal(classes="block-row"):
                yield Label("Weeks")
                yield Input(str(DEFAULT_WEEKS), type="integer", id="block-weeks")
                yield Static(f"1 to {MAX_WEEKS}", classes="block-hint")
            with Horizontal(classes="block-row"):
                yield Label("Deload every")
                yield Input(str(DEFAULT_DELOAD_EVERY), type="integer", id="block-deload")
                yield Static("th week; 0: none", classes="block-hint")
            with Horizontal(classes="block-row"):
                yield Label("Layout from")
                yield Select(sources, allow_blank=False, id="block-source")
            with Horizontal(classes="block-row"):
                yield ReplaceBox("Replace planned weeks", id="block-replace")
                yield Button("Lay the block", variant="primary", id="block-lay")
            yield Static(id="block-error")

    def on_mount(self) -> None:
        self.query_one("#block-weeks", Input).focus()

    def choice(self) -> BlockChoice:
        """The fields as they are; BlockError when a number is missing."""
        numbers = []
        for field, word in (("#block-weeks", "Weeks"), ("#block-deload", "Deload every")):
            text = self.query_one(field, Input).value.strip()
            try:
                numbers.append(int(text))
            except ValueError:
                raise BlockError(f"{word}: give a whole number") from None
        source = self.query_one("#block-source", Select).value
        template = source if isinstance(source, str) and source != REPEATING else None
        replace = self.query_one("#block-replace", Checkbox).value
        return BlockChoice(numbers[0], numbers[1], template, replace)

    def action_lay(self) -> None:
        try:
            laid = self.lay(self.choice())
        except (BlockError, EditError, StoreError) as error:
            text = str(error)
            for flag, word in FIELD_WORDS.items():
                text = text.replace(flag, word)
            self.query_one("#block-error", Static).update(styled(text, "$readable-error"))
            return
        self.dismiss(laid)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_lay()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_lay()

    def action_cancel(self) -> None:
        self.dismiss(None)
