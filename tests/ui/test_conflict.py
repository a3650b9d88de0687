"""The planner open while its lock file is removed and a command writes the database (issue 24,
finding 1): its next save writes nothing over the command's, says so in one line, keeps the
change on screen, and ctrl+s offers to merge it or to save everything to another file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from planner.cli import _kept_aside
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity
from screens.dialogs.conflict_dialog import ConflictDialog
from tests.conftest import TERMINAL_SIZE
from tests.helpers import run_cli

W20, W48 = IsoWeek(2026, 20), IsoWeek(2026, 48)


def first_day(db: Path, week: IsoWeek) -> Activity | None:
    with Store.open(db, read_only=True) as store:
        return store.load_plan(week, FirstWeekday.MONDAY).activities[0]


async def a_conflict(app: Any, pilot: Any, db: Path, capsys: pytest.CaptureFixture[str]) -> bytes:
    """Plan W48 Monday in the planner, then, with the lock file gone, a command plans W20
    Monday and the planner plans W48 Tuesday: that save is refused."""
    await pilot.press("home", "g")
    assert app.wait_for_saves(5)
    db.with_name(db.name + ".lock").unlink()
    command = run_cli(["set", "--db", str(db), "--week", "2026-W20", "mon=run"], capsys)
    assert command.code == 0, command
    theirs = db.read_bytes()
    await pilot.press("p")  # Tuesday: push
    assert app.wait_for_saves(5)
    await pilot.pause(0.1)
    return theirs


async def test_a_save_over_another_programs_write_is_refused_and_merged(
    make_app: Callable[..., Any], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        theirs = await a_conflict(app, pilot, db_path, capsys)
        assert db_path.read_bytes() == theirs  # nothing written over the command's save
        assert "✗ not saved: ctrl+s" in str(app.screen.query_one("#save-state").render())
        told = [n.message for n in app._notifications if "changed by another program" in n.message]
        assert len(told) == 1 and "\n" not in told[0] and "ctrl+s" in told[0]
        await pilot.press("ctrl+s")
        await pilot.pause(0.1)
        assert isinstance(app.screen, ConflictDialog)
        await pilot.press("enter")  # merge
        await pilot.pause(0.1)
        assert not app.store.in_conflict
        assert "saved" in str(app.screen.query_one("#save-state").render())
        assert app.session.view.plan.activities[:2] == (Activity.LEGS, Activity.PUSH)
    assert first_day(db_path, W20) is Activity.RUN
    with Store.open(db_path, read_only=True) as store:
        assert store.load_plan(W48, FirstWeekday.MONDAY).activities[:2] == (
            Activity.LEGS,
            Activity.PUSH,
        )


async def test_everything_can_be_saved_to_another_file(
    make_app: Callable[..., Any],
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    mine = tmp_path / "mine.json"
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        theirs = await a_conflict(app, pilot, db_path, capsys)
        await pilot.press("ctrl+s")
        await pilot.pause(0.1)
        await pilot.press("down", "enter")  # save elsewhere: the path is asked for
        await pilot.pause(0.1)
        app.screen.query_one(Input).value = str(mine)
        await pilot.press("enter")
        await pilot.pause(0.1)
        assert app.store.path == mine and not app.store.in_conflict
        await pilot.press("r")  # Wednesday: run, saved to the new file
        assert app.wait_for_saves(5)
    assert db_path.read_bytes() == theirs
    with Store.open(mine, read_only=True) as store:
        assert store.load_plan(W48, FirstWeekday.MONDAY).activities[:3] == (
            Activity.LEGS,
            Activity.PUSH,
            Activity.RUN,
        )


def test_quitting_with_kept_changes_puts_them_beside_the_database(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from planner.days import parse_day
    from planner.plan import WeekPlan
    from planner.store import DatabaseChanged

    with Store.open(db_path) as store:
        store.save_plan(WeekPlan.empty(W48, FirstWeekday.MONDAY))
        db_path.with_name("planner.json.lock").unlink()
        assert (
            run_cli(["set", "--db", str(db_path), "--week", "2026-W20", "mon=run"], capsys).code
            == 0
        )
        plan = WeekPlan.empty(W48, FirstWeekday.MONDAY).with_day(0, parse_day("legs"))
        with pytest.raises(DatabaseChanged):
            store.save_plan(plan)
        message = _kept_aside(store)
        kept = store.path
    assert "\n" not in message and "changed by another program" in message
    assert kept.name.startswith("planner.json.unsaved-") and str(kept) in message
    assert first_day(kept, W48) is Activity.LEGS
    assert first_day(db_path, W20) is Activity.RUN and first_day(db_path, W48) is None
