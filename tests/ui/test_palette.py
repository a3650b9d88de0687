"""The command palette (ctrl+p) on the week screen: the planner's commands beside Textual's."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot

from planner.weeks import IsoWeek
from tests.conftest import TERMINAL_SIZE
from tests.helpers import notices

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


async def palette_helps(pilot: Pilot[Any], query: str) -> dict[str, str]:
    """Open the palette, type ``query``: each listed title and its help."""
    await palette_titles(pilot, query)
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    options = palette.query_one(CommandList).options
    return {str(option.hit.text): str(option.hit.help) for option in options}


async def test_each_title_is_listed_once_and_one_help(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        titles = await palette_titles(pilot)
    twice = [title for title, count in Counter(titles).items() if count > 1]
    assert twice == []
    assert {"Go to week…", "Help: keys and how to type a week", "Theme", "Quit"} <= set(titles)
    assert "Keys" not in titles  # Textual's key panel: the planner has one help


async def test_the_planner_help_opens_from_the_palette(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await run_command(pilot, "help keys")
        assert type(app.screen).__name__ == "HelpDialog"


async def test_repeat_this_week_and_stop_repeating(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "p", "u", "g")
        helps = await palette_helps(pilot, "stop repeating")
        assert helps["Stop repeating a week"] == "Not now: no week repeats"
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


async def test_the_repeating_week_says_it_repeats_already(
    make_app: Callable[..., Any],
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "p")
        app.screen.set_repeat_week(W48)
        helps = await palette_helps(pilot, "repeat")
        assert "Stop repeating 2026-W48" in helps
        assert helps["Repeat this week"] == "Not now: 2026-W48 repeats already"


async def test_a_command_that_cannot_run_now_says_why(make_app: Callable[..., Any]) -> None:
    """Only a week with a planned day can be the repeating week, as on the command line:
    on an unplanned week the command is listed all the same, and says so."""
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE, notifications=True) as pilot:
        helps = await palette_helps(pilot, "")
        assert helps["Repeat this week"] == "Not now: plan a day first"
        assert helps["Undo"] == "Not now: nothing to undo"
        assert helps["Make the smallest fix"] == "Not now: plan a day first"
        assert helps["Copy previous week"] == "Not now: 2026-W47 has no planned day"
        assert helps["Suggest a week…"].endswith("(s)")  # its key, from the bindings
        await pilot.press("escape")
        await run_command(pilot, "repeat this week")
        assert app.session.repeat_week is None
        assert "Repeat this week: plan a day first." in await notices(pilot)
