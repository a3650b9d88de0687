"""The edges of the supported weeks in the planner: moving stops there with a notice, the edge
weeks open in both week shapes, and a database holding a week outside opens with a notice."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from tests.conftest import TERMINAL_SIZE
from tests.helpers import seed

FIRST, LAST = IsoWeek(1900, 1), IsoWeek(2999, 52)


def messages(app: Any) -> list[str]:
    return [notification.message for notification in app._notifications]


@pytest.mark.parametrize("first", ["monday", "sunday"])
@pytest.mark.parametrize(
    ("week", "key", "edge"),
    [
        (FIRST, "left_square_bracket", "1900-W01 is the first week the planner supports."),
        (LAST, "right_square_bracket", "2999-W52 is the last week the planner supports."),
    ],
)
async def test_moving_past_an_edge_stays_with_a_notice(
    make_app: Callable[..., Any],
    db_path: Path,
    week: IsoWeek,
    key: str,
    edge: str,
    first: str,
) -> None:
    seed(db_path, {}, first=first)
    app = make_app(week=week)
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "p", "u", key)
        await pilot.pause()
        assert app.session.week == week
        assert edge in messages(app)
        await pilot.press("y")  # the year screen of an edge year...
        await pilot.pause()
        await pilot.press(key)  # ...stops at the edge too
        await pilot.pause()
        assert app.screen.year == week.year
        assert f"{week.year} is the" in messages(app)[-1]
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.week.year == week.year


async def test_one_step_from_an_edge_reaches_it(make_app: Callable[..., Any]) -> None:
    app = make_app(week=IsoWeek(1900, 2))
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("left_square_bracket")
        assert app.session.week == FIRST
        app.screen.show_iso_week(IsoWeek(2999, 51))
        await pilot.press("right_square_bracket")
        assert app.session.week == LAST


async def test_the_sunday_before_the_first_week_is_not_planned(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    seed(db_path, {}, first="sunday")
    app = make_app(week=FIRST)
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "p")
        await pilot.pause()
        assert app.session.view.plan.days[0].activity is None
        assert any("1899-12-31 is outside the weeks" in text for text in messages(app))
        await pilot.press("l", "u")  # Monday 1900-01-01 is fine
        assert app.session.view.plan.days[1].activity is not None
    with Store.open(db_path, read_only=True) as store:
        assert store.load_plan(FIRST, FirstWeekday.MONDAY).days[0].activity is not None


@pytest.mark.parametrize("text", ["0001-W01", "9999-W52", "1899-W52"])
async def test_go_to_a_week_outside_says_so_in_the_dialog(
    make_app: Callable[..., Any], text: str
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        app.screen.action_go_to_week()
        await pilot.pause()
        app.screen.query_one(Input).value = text
        await pilot.press("enter")
        await pilot.pause()
        error = str(app.screen.query_one("#week-error", Static).render())
        assert error.startswith(f"{text} is outside the weeks the planner supports")
        await pilot.press("escape")
        assert str(app.session.week) == "2026-W48"


async def test_a_database_holding_a_week_outside_opens_with_a_notice(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    db_path.write_text(
        json.dumps(
            {
                "meta": {"1": {"schema_version": 1}},
                "weeks": {
                    "202648": {"week": "2026-W48", "mon": "legs"},
                    "999952": {"week": "9999-W52", "sun": "run"},
                },
            }
        ),
        encoding="utf-8",
    )
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.pause()
        assert any("holds 9999-W52, outside the weeks" in text for text in messages(app))
        assert app.session.view.plan.days[0].activity is not None
