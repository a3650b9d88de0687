"""The modal dialogs on their own: closing, results, callbacks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from screens.dialogs.help_dialog import HelpDialog
from tests.conftest import TERMINAL_SIZE

ROWS = [("?", "Every key"), ("esc", "Close")]


async def test_closing_the_help_first_runs_what_it_scheduled(
    make_app: Callable[..., Any],
) -> None:
    """Textual's own dismiss action runs the screen's pending call_next callbacks before the
    screen goes away; a re-implementation of it once skipped them."""
    app = make_app()
    ran: list[str] = []
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        dialog = HelpDialog(ROWS)
        app.push_screen(dialog, lambda _: ran.append("closed"))
        await pilot.pause()
        dialog.call_next(lambda: ran.append("scheduled"))
        await dialog.run_action("dismiss")
        assert ran == ["scheduled"]
        await pilot.pause()
        assert ran == ["scheduled", "closed"]
