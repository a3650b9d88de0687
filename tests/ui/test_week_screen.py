"""Pilot tests of the week screen: what a user sees and how the keys move through weeks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Static

from screens.week_grid import DayCell
from tests.conftest import TERMINAL_SIZE


async def test_opens_on_the_current_iso_week_with_today_marked(
    make_app: Callable[..., Any],
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE):
        title = app.screen.query_one("#week-title", Static)
        assert str(title.render()).startswith("2026-W48")
        cells = list(app.screen.query(DayCell))
        assert [c.day.format("ddd") for c in cells] == [
            "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
        ]  # fmt: skip
        assert [c.is_today for c in cells] == [False, False, True, False, False, False, False]


async def test_brackets_move_by_week_and_t_returns_to_today(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:

        def shown() -> str:
            return str(app.screen.query_one("#week-title", Static).render()).split()[0]

        await pilot.press("right_square_bracket", "right_square_bracket")
        assert shown() == "2026-W50"
        await pilot.press(*["left_square_bracket"] * 4)
        assert shown() == "2026-W46"
        await pilot.press("t")
        assert shown() == "2026-W48"
