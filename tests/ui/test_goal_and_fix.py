"""The goal picker (G, or the palette) and the smallest fix in the panel (f), with undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import OptionList
from textual.worker import WorkerState

from planner.days import parse_day
from planner.fix import smallest_fix
from planner.plan import WeekPlan
from planner.store import Store
from planner.store.lock import lock_path
from planner.weeks import FirstWeekday, IsoWeek
from rules import Goal, PlannedDay, default_knowledge
from screens.dialogs.goal_dialog import GoalDialog
from screens.view_state import WeekViewState
from screens.widgets.fix_line import LOOKING, FixLine, render_fix
from tests.conftest import TERMINAL_SIZE, TODAY
from tests.helpers import notices, title

W48 = IsoWeek(2026, 48)
WORDS = ["legs:heavy+run:easy", "run:intervals", "legs", "push,pull", "run:long"]


def seed_week(db_path: Path) -> WeekPlan:
    days = (*map(parse_day, WORDS), PlannedDay.UNPLANNED, PlannedDay.UNPLANNED)
    plan = WeekPlan(W48, FirstWeekday.MONDAY, days)
    with Store.open(db_path) as store:
        store.save_plan(plan)
    return plan


async def settle(app: Any, pilot: Any) -> None:
    """Until the fix line shows the fix of the shown week and no worker is left running."""
    busy = (WorkerState.PENDING, WorkerState.RUNNING)
    for _ in range(1000):
        lines = [line for screen in app.screen_stack for line in screen.query(FixLine)]
        if not any(line.searching for line in lines) and not any(
            worker.state in busy for worker in app.workers
        ):
            break
        await pilot.pause(0.01)
    await pilot.pause()


# -- the goal ----------------------------------------------------------------------------


async def test_the_chosen_goal_is_in_the_header_judged_for_and_there_after_a_restart(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    seed_week(db_path)
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        assert "goal: general fitness" in title(app)
        await pilot.press("G")
        dialog = app.screen
        assert isinstance(dialog, GoalDialog)
        goals = dialog.query_one(OptionList)
        assert goals.highlighted == 0  # the current goal
        assert [goals.get_option_at_index(i).id for i in range(5)] == [g.value for g in Goal]
        await pilot.press("down", "down", "enter")
        assert not isinstance(app.screen, GoalDialog)
        assert app.session.goal is Goal.STRENGTH
        assert app.session.view.summary.goal is Goal.STRENGTH  # judged again at once
        assert "goal: strength" in title(app)
        await pilot.press("ctrl+q")
    with Store.open(db_path, read_only=True) as store:
        assert store.settings().goal is Goal.STRENGTH
    again = make_app()
    async with again.run_test(size=TERMINAL_SIZE) as pilot:
        assert "goal: strength" in title(again)
        await pilot.press("G")
        assert again.screen.query_one(OptionList).highlighted == 2


async def test_escape_leaves_the_goal_as_it_was(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("G", "down", "escape")
        assert not isinstance(app.screen, GoalDialog)
        assert app.session.goal is Goal.GENERAL
        assert app.wait_for_saves(5)
    assert not db_path.exists()  # nothing was written


async def test_the_palette_opens_the_goal_picker(make_app: Callable[..., Any]) -> None:
    from textual.command import CommandList, CommandPalette

    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("ctrl+p", *"choose the goal")
        for _ in range(100):
            await pilot.pause(0.02)
            palette = app.screen
            assert isinstance(palette, CommandPalette)
            if palette.query_one(CommandList).option_count:
                break
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalDialog)
        await pilot.press("end", "enter")
        assert app.session.goal is Goal.HYBRID


async def test_a_read_only_planner_does_not_change_the_goal(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    seed_week(db_path)
    with Store.open(db_path):  # another planner holds the database
        lock_path(db_path).write_text("4242\n")
        app = make_app()
        async with app.run_test(size=TERMINAL_SIZE, notifications=True) as pilot:
            await pilot.press("G", "down", "enter")
            await pilot.pause()
            assert app.session.goal is Goal.GENERAL
            assert "goal: general fitness" in title(app)
            shown = await notices(pilot)
            assert any(notice.startswith("Goal not changed\n") for notice in shown), shown


# -- the smallest fix --------------------------------------------------------------------


async def test_the_panel_shows_the_fix_and_f_makes_it_as_one_undo_step(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    plan = seed_week(db_path)
    app = make_app(week=W48)
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await settle(app, pilot)
        view = app.session.view
        expected = smallest_fix(plan, view.before, view.after, default_knowledge(), today=TODAY)
        assert expected is not None and expected.after > expected.before
        line = app.screen.query_one(FixLine)
        assert line.markup_text == render_fix(expected, plan)
        assert f"score {expected.before} → " in line.markup_text
        await pilot.press("f")
        assert app.session.view.plan == expected.plan
        assert app.session.view.summary.score == expected.after
        await pilot.press("ctrl+z")  # one step takes the whole fix back
        assert app.session.view.plan == plan
        await pilot.press("ctrl+y")
        assert app.session.view.plan == expected.plan
        await settle(app, pilot)
        # The line now shows the fix of the fixed week, never the one just made.
        fixed = app.session.view
        again = smallest_fix(
            fixed.plan, fixed.before, fixed.after, default_knowledge(), today=TODAY
        )
        assert line.markup_text == render_fix(again, fixed.plan)
        assert app.wait_for_saves(5)
    with Store.open(db_path, read_only=True) as store:
        assert store.load_plan(W48, FirstWeekday.MONDAY) == expected.plan


async def test_an_edit_replaces_the_fix_at_once_and_a_stale_search_never_shows(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    seed_week(db_path)
    app = make_app(week=W48)
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await settle(app, pilot)
        line = app.screen.query_one(FixLine)
        first = WeekViewState.of(app.session)
        knowledge = app.session.knowledge
        # A new week: "looking" in the same call, whatever the old search had found.
        app.session.set_day(5, parse_day("rest"))
        second = WeekViewState.of(app.session)
        line.follow(second)
        assert line.markup_text == LOOKING
        line.follow(first)  # back and forth before any search finishes
        line.follow(second)
        await settle(app, pilot)
        week = second.judged
        expected = smallest_fix(week.plan, week.before, week.after, knowledge, today=TODAY)
        assert line.markup_text == render_fix(expected, week.plan)


async def test_f_before_the_search_finishes_makes_the_fix_of_the_shown_week(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    plan = seed_week(db_path)
    app = make_app(week=W48)
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        view = app.session.view
        expected = smallest_fix(plan, view.before, view.after, default_knowledge(), today=TODAY)
        assert expected is not None
        app.screen.action_apply_fix()  # straight away, the worker perhaps not done
        assert app.session.view.plan == expected.plan
        await settle(app, pilot)


async def test_f_with_no_fix_says_so_and_changes_nothing(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE, notifications=True) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert app.session.view.plan.is_empty
        assert "No single change raises this week's score." in await notices(pilot)
    assert not db_path.exists()
