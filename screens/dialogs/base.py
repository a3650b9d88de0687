"""What every planner dialog shares: a centred box, ``#dialog``, over the dimmed screen, and
being dismissed once."""

from __future__ import annotations

from typing import Any, TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class DismissOnce:
    """A screen that is dismissed once. Two keys that each dismiss it (enter pressed twice
    quickly) both arrive before it is gone: Textual's second dismiss ran the result callback
    again and popped the screen below, the week screen itself (ScreenStackError). Here the
    second is ignored."""

    _dismissed = False

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if self._dismissed:
            return AwaitComplete()
        self._dismissed = True
        return super().dismiss(result)  # type: ignore[misc, no-any-return]

    @property
    def dismissed(self) -> bool:
        return self._dismissed


class PlannerDialog(DismissOnce, ModalScreen[ResultType]):
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
