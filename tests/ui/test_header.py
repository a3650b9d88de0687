"""The header at the sizes the planner is made for: the week and the goal in view, and the
passing notes and the proposal shortened rather than cut off the right."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from planner.store import Store
from planner.weeks import IsoWeek
from rules import Goal
from screens.widgets.week_title import WeekTitle
from tests.helpers import seed

SIZES = [(60, 20), (80, 24), (100, 30), (200, 50)]
W47 = IsoWeek(2026, 47)


def header(app: Any) -> tuple[str, int]:
    """What the header shows, and the cells it has for it."""
    title = app.screen.query_one("#week-title", WeekTitle)
    return title._content.plain, title.content_region.width


def set_goal(db_path: Path, goal: Goal, *, repeat: IsoWeek | None = None) -> None:
    seed(db_path, {"2026-W47": {"mon": "legs", "wed": "push"}})
    with Store.open(db_path) as store:
        store.save_settings(replace(store.settings(), goal=goal, repeat_week=repeat))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("goal", [Goal.GENERAL, Goal.HYBRID, Goal.ENDURANCE])
async def test_the_goal_is_in_the_header_at_every_size(
    make_app: Callable[..., Any], db_path: Path, size: tuple[int, int], goal: Goal
) -> None:
    set_goal(db_path, goal)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        text, width = header(app)
        assert text.startswith("2026-W48 ")
        assert f"goal: {goal.value}" in text or f"goal: {goal.label}" in text, text
        assert len(text) <= width, (text, width)
        if size[0] >= 100:  # room for the dates and the goal in full
            assert f"goal: {goal.label}" in text and "23" in text and "29 Nov" in text


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_passing_notes_and_the_proposal_fit(
    make_app: Callable[..., Any], db_path: Path, size: tuple[int, int]
) -> None:
    set_goal(db_path, Goal.HYBRID, repeat=W47)
    app = make_app(week=IsoWeek(2026, 46))
    async with app.run_test(size=size) as pilot:
        await pilot.press("end", "r")  # the week is typed: it stays, past its end
        text, width = header(app)
        assert text.startswith("2026-W46 ") and "W47" in text, text
        assert len(text) <= width, (text, width)
        if size[0] >= 80:  # the line of the issue, whole
            assert f"planned · {app.session.view.summary.score}/100 · next key: " in text, text
        await pilot.press("r")  # typing goes on into W47, the repeating week itself
        text, width = header(app)
        assert text.split()[:4] == ["2026-W47", "·", "on", "from"], text
        assert len(text) <= width, (text, width)
        if size[0] >= 80:  # at 60 the passing note takes the goal's room, until it goes
            assert "goal: hybrid" in text, text
        await pilot.press("plus")  # both notes: the "+" is what the user is waiting on
        text, width = header(app)
        assert "2nd: p u g r" in text or "second session: p u g r" in text, text
        assert len(text) <= width, (text, width)
        await pilot.press("escape", "right_square_bracket")  # W48 proposes W47
        text, width = header(app)
        assert "proposed" in text and "enter" in text, text
        assert len(text) <= width, (text, width)
        if size[0] >= 80:
            assert "goal: hybrid" in text, text
        await pilot.press("enter")  # kept: the goal comes back in the room it had
        text, width = header(app)
        assert "proposed" not in text and "goal: hybrid" in text and len(text) <= width


async def test_a_new_width_fits_the_header_again(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    set_goal(db_path, Goal.GENERAL)
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert "Mon 23 Nov – Sun 29 Nov 2026" in header(app)[0]
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        text, width = header(app)
        assert "goal: general fitness" in text and "Mon" not in text and len(text) <= width
