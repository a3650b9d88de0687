"""What every planner dialog shares: a centred box, ``#dialog``, over the dimmed screen."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class PlannerDialog(ModalScreen[ResultType]):
    """A modal screen whose content is one container with ``id="dialog"``; each dialog adds
    its own styles in its own DEFAULT_CSS."""

    DEFAULT_CSS = """
    PlannerDialog {
        align: center middle;
        background: $background 60%;
    }

    PlannerDialog #dialog {
        width: 76;
        height: auto;
        max-height: 90%;
        padding: 1 2;
        border: round $accent;
        background: $surface;
    }

    PlannerDialog #dialog Input {
        margin: 1 0 0 0;
    }
    """
