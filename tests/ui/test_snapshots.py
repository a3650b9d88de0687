"""Snapshot tests of the screens and states the layout matrix (test_layout_snapshots.py)
does not show, with a fixed clock and a temporary database.

After `make snapshot-update`, look at each changed SVG as a picture before committing it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from planner.plan import WeekPlan
from planner.store import Store
from planner.store.lock import lock_path
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity, Goal, PlannedDay
from tests.conftest import NARROW_SIZE, TERMINAL_SIZE
from tests.helpers import searched, seed_training, settled


@pytest.fixture
def db_path(_isolated_user_dirs: None) -> Path:
    """Notices show the database's path, as ``~/...`` under the home folder: keep the file
    there (each test has its own home) so the pictures do not depend on pytest's tmp_path."""
    return Path.home() / "planner.json"


def typing(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Press keys, then wait until the picture can catch no save or fix half-way."""

    async def run(pilot: Pilot[Any]) -> None:
        await pilot.press(*keys)
        await settled(pilot)

    return run


# The first article's example week: Push / Rest / Legs / Pull / Rest.
ARTICLE_WEEK = ["home", "p", "full_stop", "g", "u", "full_stop"]


def plan(db_path: Path, week: IsoWeek, *activities: Activity | None) -> None:
    padded = (*activities, *[None] * (7 - len(activities)))
    with Store.open(db_path) as store:
        store.save_plan(WeekPlan.of_activities(week, FirstWeekday.MONDAY, padded))


def test_article_week(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    assert snap_compare(make_app(), run_before=typing(*ARTICLE_WEEK), terminal_size=TERMINAL_SIZE)


def test_legs_then_run(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    press = ["home", "g", "r", "left"]
    assert snap_compare(make_app(), run_before=typing(*press), terminal_size=TERMINAL_SIZE)


def test_selection_mid_week(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    # The week typed stays in view: the selection goes back from past its end.
    press = ["home", "u", "g", "full_stop", "p", "r", "g", "full_stop", "home", "right", "right"]
    assert snap_compare(make_app(), run_before=typing(*press), terminal_size=TERMINAL_SIZE)


def test_transition_across_the_week_boundary(
    snap_compare: Any, make_app: Callable[..., Any], db_path: Path
) -> None:
    plan(db_path, IsoWeek(2026, 48), None, None, None, None, None, Activity.PUSH, Activity.LEGS)
    press = ["right_square_bracket", "home", "r"]
    assert snap_compare(make_app(), run_before=typing(*press, "left"), terminal_size=TERMINAL_SIZE)


def test_narrow_layout(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    assert snap_compare(make_app(), run_before=typing(*ARTICLE_WEEK), terminal_size=NARROW_SIZE)


def test_terminal_too_small(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    assert snap_compare(make_app(), terminal_size=(50, 16))


def test_read_only_notice(snap_compare: Any, make_app: Callable[..., Any], db_path: Path) -> None:
    plan(db_path, IsoWeek(2026, 48), Activity.LEGS, Activity.PULL, Activity.REST)
    with Store.open(db_path):  # another planner, "pid 4242", holds the database
        lock_path(db_path).write_text("4242\n")
        assert snap_compare(make_app(), run_before=typing(), terminal_size=TERMINAL_SIZE)


def test_damaged_database_notice(
    snap_compare: Any, make_app: Callable[..., Any], db_path: Path
) -> None:
    db_path.write_text('{"weeks": {"1": {"week": "2026-W48", "da')  # cut off mid-write
    assert snap_compare(make_app(), terminal_size=TERMINAL_SIZE)


def test_year_overview(snap_compare: Any, make_app: Callable[..., Any], db_path: Path) -> None:
    plan(db_path, IsoWeek(2026, 46), *[Activity.PUSH, Activity.PULL, Activity.LEGS] * 2)
    plan(db_path, IsoWeek(2026, 47), Activity.PUSH, Activity.REST, Activity.LEGS, Activity.PULL)
    plan(db_path, IsoWeek(2026, 48), Activity.LEGS, Activity.RUN, Activity.REST, Activity.RUN)
    assert snap_compare(make_app(), run_before=typing("y"), terminal_size=TERMINAL_SIZE)


def test_readiness_strip_shows_a_dense_week(
    snap_compare: Any, make_app: Callable[..., Any]
) -> None:
    press = ["home", "g", "r", "g", "u", "g", "r", "full_stop", "end"]
    assert snap_compare(make_app(), run_before=typing(*press), terminal_size=TERMINAL_SIZE)


def test_suggest_dialog(snap_compare: Any, make_app: Callable[..., Any], db_path: Path) -> None:
    plan(db_path, IsoWeek(2026, 47), None, None, None, None, None, Activity.RUN, Activity.LEGS)

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("s")
        await pilot.click("#pins")
        await pilot.press(*"sat=run", "enter")
        await searched(pilot)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=(120, 44))


def test_week_proposed_from_the_repeating_week(
    snap_compare: Any, make_app: Callable[..., Any], db_path: Path
) -> None:
    plan(db_path, IsoWeek(2026, 47), Activity.PUSH, Activity.REST, Activity.LEGS, Activity.PULL,
         Activity.REST, Activity.RUN, Activity.REST)  # fmt: skip
    with Store.open(db_path) as store:
        store.save_settings(replace(store.settings(), repeat_week=IsoWeek(2026, 47)))
    assert snap_compare(make_app(), run_before=typing(), terminal_size=TERMINAL_SIZE)


def test_goal_picker(snap_compare: Any, make_app: Callable[..., Any], db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_settings(replace(store.settings(), goal=Goal.ENDURANCE))
    assert snap_compare(make_app(), run_before=typing("G"), terminal_size=TERMINAL_SIZE)


def test_sessions_typed_by_key_at_80x24(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    """The issue's hybrid week typed with the session keys: a heavy leg day with an easy
    evening run, push and pull together, an intervals run."""
    press = ["home", "g", "i", "plus", "r", "u", "plus", "p", "a", "r", "I", "full_stop"]
    press += ["g", "r", "i", "full_stop", "home"]
    assert snap_compare(make_app(), run_before=typing(*press), terminal_size=(80, 24))


def lay_test_block(db_path: Path) -> None:
    """W47 repeats; a 4-week block from 2026-W49, its 4th week a deload."""
    from planner.block import lay_block, weekday_layout
    from planner.days import parse_day

    words = ["legs:heavy+run", "run:intervals", "push:heavy", "-", "pull", "run:tempo", "rest"]
    days = tuple(PlannedDay.UNPLANNED if w == "-" else parse_day(w) for w in words)
    with Store.open(db_path) as store:
        store.save_plan(WeekPlan(IsoWeek(2026, 47), FirstWeekday.MONDAY, days))
        store.save_settings(replace(store.settings(), repeat_week=IsoWeek(2026, 47)))
        layout = weekday_layout(store.load_plan(IsoWeek(2026, 47), FirstWeekday.MONDAY))
        store.lay_block(lay_block(layout, IsoWeek(2026, 49), 4, 4, FirstWeekday.MONDAY))


def test_year_overview_marks_a_block_and_its_deload_week(
    snap_compare: Any, make_app: Callable[..., Any], db_path: Path
) -> None:
    lay_test_block(db_path)
    # Down to the block's last week, so the picture shows all four below this week.
    press = ["y", "down", "down", "down", "down"]
    assert snap_compare(make_app(), run_before=typing(*press), terminal_size=(80, 24))


def test_block_dialog(snap_compare: Any, make_app: Callable[..., Any], db_path: Path) -> None:
    lay_test_block(db_path)

    async def run_before(pilot: Pilot[Any]) -> None:
        pilot.app.screen.action_lay_block()
        await settled(pilot)
        await pilot.press("enter")  # 4 weeks from 2026-W48 meet the block: refused
        await settled(pilot)

    assert snap_compare(make_app(), run_before=run_before, terminal_size=(80, 24))


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(80, 24), (120, 36)], ids=lambda size: "x".join(map(str, size)))
def test_load_over_weeks(
    snap_compare: Any,
    make_app: Callable[..., Any],
    db_path: Path,
    theme: str,
    size: tuple[int, int],
) -> None:
    """Sixteen weeks logged up to today, two blocks with their deload weeks, a jump in load
    (2026-W45, selected: its caution below the table)."""
    seed_training(db_path)
    with Store.open(db_path) as store:
        store.save_settings(replace(store.settings(), theme=theme))
    press = ["w", "up", "up", "up"]
    assert snap_compare(make_app(), run_before=typing(*press), terminal_size=size)
