"""A failed save is shown, keeps the app running, loses nothing and can be retried."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.plan import WeekPlan
from planner.store import SaveFailed, Store
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity
from screens.widgets.week_grid import WeekGrid
from tests.conftest import TERMINAL_SIZE


async def test_failed_save_is_shown_and_retried(
    make_app: Callable[..., Any], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    real_save = app.store.save_plan
    failing = True

    def save_plan(plan: WeekPlan) -> None:
        if failing:
            raise SaveFailed(f"Could not save to {db_path}: no space left on device.")
        real_save(plan)

    # The store is a collaborator: replace its save with one that fails like a full disk.
    monkeypatch.setattr(app.store, "save_plan", save_plan)
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "g")
        assert app.wait_for_saves(5)
        await pilot.pause()
        state = str(app.screen.query_one("#save-state").render())
        assert "1 week not saved" in state
        assert app.unsaved_weeks == (IsoWeek(2026, 48),)
        assert (
            app.screen.query_one(WeekGrid).states[0].planned.activity is Activity.LEGS
        )  # still shown
        failing = False
        await pilot.press("ctrl+s")
        assert app.wait_for_saves(5)
        await pilot.pause()
        assert "saved" in str(app.screen.query_one("#save-state").render())
        assert app.unsaved_weeks == ()
    with Store.open(db_path, read_only=True) as store:
        assert (
            store.load_plan(IsoWeek(2026, 48), FirstWeekday.MONDAY).activities[0] is Activity.LEGS
        )


async def test_the_exit_watchdog_saves_before_it_ends_a_hung_process(
    make_app: Callable[..., Any], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If exiting after SIGTERM/SIGHUP ever hangs, the watchdog still writes every change,
    releases the database and only then ends the process."""
    app = make_app()
    ended: list[int] = []
    monkeypatch.setattr("screens.app.os._exit", ended.append)
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "g")
        app._exit_anyway(grace_seconds=0)
        assert ended == [3]
        with Store.open(db_path) as store:  # the lock was released: a writer can open it
            assert store.load_plan(IsoWeek(2026, 48), FirstWeekday.MONDAY).activities[0] is (
                Activity.LEGS
            )


async def test_a_change_is_saved_when_the_app_ends_before_painting_it(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    """A change reaches the writer once its frame is painted; quitting (or SIGTERM) at once,
    before that frame, still writes it."""
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE):
        app.screen.action_plan("run")  # straight from the key: no frame painted since
        assert "saving" in str(app.save_state.label)
        app.exit()
    with Store.open(db_path, read_only=True) as store:
        # An empty week: typing starts on its first day.
        assert store.load_plan(IsoWeek(2026, 48), FirstWeekday.MONDAY).activities[0] is (
            Activity.RUN
        )
