"""The fix line is as high as what it says, whole: nothing for a week with nothing planned,
a row for "no fix" or a short fix; "looking" keeps the rows it had, so an edit's key press
costs no new layout and the advice under it does not jump."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.worker import WorkerState

from planner.days import parse_day
from planner.fix import smallest_fix
from screens.view_state import WeekViewState
from screens.widgets import fix_line
from screens.widgets.fix_line import LOOKING, NO_FIX, FixLine
from screens.widgets.text_block import parse_markup
from tests.conftest import TODAY
from tests.helpers import seed

WIDE = (200, 50)
SMALL = (80, 24)
# A fix whose text wraps under the grid at 60 columns, and is one line beside it at 200.
# ("move sat run:long to wed (wed to fri one day later)")
FIXABLE = {"mon": "legs:heavy+run:easy", "tue": "push,pull", "wed": "run:intervals",
           "thu": "rest", "fri": "legs", "sat": "run:long", "sun": "rest"}  # fmt: skip


async def settle(app: Any, pilot: Any) -> FixLine:
    busy = (WorkerState.PENDING, WorkerState.RUNNING)
    line = app.screen.query_one(FixLine)
    for _ in range(1000):
        if not line.searching and not any(w.state in busy for w in app.workers):
            break
        await pilot.pause(0.01)
    await pilot.pause()
    return line


def layouts_of(line: FixLine) -> list[bool]:
    """Record the line's refreshes from now on: True for each that asks for a new layout."""
    asked: list[bool] = []
    refresh = line.refresh

    def spy(*regions: Any, layout: bool = False, **options: Any) -> Any:
        asked.append(layout)
        return refresh(*regions, layout=layout, **options)

    line.refresh = spy  # type: ignore[method-assign]
    return asked


def finish(app: Any, line: FixLine) -> None:
    """The search of the shown week, finished now (as the fix key does)."""
    line.fix_for(WeekViewState.of(app.session))


@pytest.fixture
def slow_search(monkeypatch: pytest.MonkeyPatch) -> None:
    """Searches wait long enough to be seen looking; ``finish`` ends them."""
    monkeypatch.setattr(fix_line, "SEARCH_DELAY", 30)


async def test_a_week_with_nothing_planned_gives_the_fix_line_no_row(
    make_app: Callable[..., Any],
) -> None:
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        line = await settle(app, pilot)
        assert line.markup_text == "" and line.region.height == 0
        await pilot.press("home", "g")  # something to say: a row ("looking", then no fix)
        assert line.markup_text in (LOOKING, NO_FIX)
        await pilot.pause()
        assert line.region.height == 1
        await settle(app, pilot)
        assert line.markup_text == NO_FIX and line.region.height == 1
        await pilot.press("ctrl+z")  # nothing planned again: no row
        await pilot.pause()
        assert line.markup_text == "" and line.region.height == 0


async def test_no_fix_is_one_row(make_app: Callable[..., Any], db_path: Path) -> None:
    seed(db_path, {"2026-W48": {"mon": "rest"}})
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        line = await settle(app, pilot)
        view = app.session.view
        assert (
            smallest_fix(view.plan, view.before, view.after, app.session.knowledge, today=TODAY)
            is None
        )
        assert line.markup_text == NO_FIX and line.region.height == 1


async def test_the_height_follows_the_lines_of_the_fix_and_the_width(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    seed(db_path, {"2026-W48": FIXABLE})
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        line = await settle(app, pilot)
        assert line.markup_text.startswith("[b]Fix[/b]")
        wide = len(line.render().wrap(line.content_region.width))
        assert line.region.height == wide
        await pilot.resize_terminal(60, 20)  # under the grid, narrower: the text wraps
        await pilot.pause()
        await pilot.pause()
        width = line.content_region.width
        lines = len(line.render().wrap(width))
        assert line.region.height == lines
        # What the fix clears or earns is left out when it would take more rows.
        whole = len(parse_markup(line.markup_text).wrap(width))
        assert lines <= whole
        assert (lines < whole) == (
            "clears:" not in str(line.render()) and "earns:" not in str(line.render())
        )


async def test_looking_keeps_the_rows_so_an_edit_costs_no_layout(
    make_app: Callable[..., Any], db_path: Path, slow_search: None
) -> None:
    seed(db_path, {"2026-W48": FIXABLE})
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        line = app.screen.query_one(FixLine)
        finish(app, line)
        await pilot.pause()
        screen = app.screen
        asked = layouts_of(line)
        edits = [
            lambda: screen.action_move_to(0),
            lambda: screen.action_cycle_attribute(1),  # mon's run: long
            screen.action_undo,
            lambda: screen.action_move_to(6),
            screen.action_clear_day,
            lambda: screen.action_move_to(1),
            lambda: screen.action_cycle_first_attribute(-1),  # tue's push: light
        ]
        for edit in edits:
            rows = line.region.height
            shown = app.session.version
            asked.clear()
            edit()  # what the key runs, and nothing of the loop after it
            if app.session.version == shown:  # a move: the same week, the same fix
                assert not line.searching
                continue
            assert line.markup_text == LOOKING  # at once: never the fix of the week before
            assert not any(asked), asked
            await pilot.pause()
            assert line.markup_text == LOOKING and line.region.height == rows
            finish(app, line)
            await pilot.pause()
            assert line.markup_text.startswith("[b]Fix[/b]") or line.markup_text == NO_FIX
            lines = len(line.render().wrap(line.content_region.width))
            # A new layout only when the found fix has another number of lines.
            assert any(asked) == (lines != rows), (asked, rows, lines)
            assert line.region.height == lines
        assert app.wait_for_saves(5)


async def test_looking_after_a_fix_keeps_its_rows(
    make_app: Callable[..., Any], db_path: Path, slow_search: None
) -> None:
    seed(db_path, {"2026-W48": FIXABLE})
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        line = app.screen.query_one(FixLine)
        finish(app, line)
        await pilot.pause()
        rows = line.region.height
        assert rows >= 1
        app.session.set_day(6, parse_day("push"))
        app.screen.show_week()
        assert line.markup_text == LOOKING
        await pilot.pause()
        assert line.markup_text == LOOKING
        assert line.region.height == rows  # no jump while it looks
        finish(app, line)
        await pilot.pause()
        lines = len(line.render().wrap(line.content_region.width))
        assert line.region.height == lines
