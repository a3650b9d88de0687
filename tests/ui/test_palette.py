"""The command palette (ctrl+p) on the week screen: the planner's commands beside Textual's."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from planner.weeks import IsoWeek
from tests.conftest import TERMINAL_SIZE

W48 = IsoWeek(2026, 48)


async def palette_titles(pilot: Pilot[Any], query: str = "") -> list[str]:
    """Open the palette, type ``query`` and return the titles it lists, in order."""
    await pilot.press("ctrl+p")
    await pilot.press(*query)
    app = pilot.app
    titles: list[str] = []
    for _ in range(100):  # providers answer in a worker: wait until the list settles
        await pilot.pause(0.02)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        listed = [str(option.hit.text) for option in palette.query_one(CommandList).options]
        if listed and listed == titles:
            break
        titles = listed
    return titles


async def run_command(pilot: Pilot[Any], query: str) -> None:
    titles = await palette_titles(pilot, query)
    assert titles, f"nothing in the palette matches {query!r}"
    await pilot.press("enter")
    await pilot.pause()


async def test_each_title_is_listed_once(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        titles = await palette_titles(pilot)
    twice = [title for title, count in Counter(titles).items() if count > 1]
    assert twice == []
    assert {"Go to week…", "Help: every key of the planner", "Keys", "Theme", "Quit"} <= set(titles)


async def test_the_planner_help_opens_from_the_palette(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await run_command(pilot, "help every key")
        assert type(app.screen).__name__ == "HelpDialog"


async def test_repeat_this_week_and_stop_repeating(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "p", "u", "g")
        assert not any("Stop repeating" in t for t in await palette_titles(pilot))
        await pilot.press("escape")
        await run_command(pilot, "repeat this week")
        assert app.session.repeat_week == W48
        await pilot.press("right_square_bracket")  # an unplanned week proposes W48
        assert app.session.proposal_from == W48
        titles = await palette_titles(pilot, "stop repeating")
        assert titles[0] == "Stop repeating 2026-W48"
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.repeat_week is None
        assert app.session.view.plan.activities == (None,) * 7


async def test_the_repeating_week_offers_no_repeat_of_itself(
    make_app: Callable[..., Any],
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "p")
        app.screen.set_repeat_week(W48)
        titles = await palette_titles(pilot)
        assert "Stop repeating 2026-W48" in titles
        assert "Repeat this week" not in titles


async def test_an_unplanned_week_offers_no_repeat(make_app: Callable[..., Any]) -> None:
    """Only a week with a planned day can be the repeating week, as on the command line."""
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        assert "Repeat this week" not in await palette_titles(pilot)
