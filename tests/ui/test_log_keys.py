"""The training log from the week screen (issue 25): d logs the selected day done, x
skipped, L opens the log dialog (what was done, effort, minutes, how the day started), each
one undo step; a logged day's cell says how it went in words and a mark; a check-in of
very sore legs changes that day's advice, the readiness strip and the fix."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from planner.readiness import Readiness
from planner.store import Store
from planner.weeks import IsoWeek
from rules import Soreness
from screens.dialogs.log_dialog import LogDialog
from screens.widgets.week_grid import WeekGrid
from tests.conftest import TERMINAL_SIZE, TODAY
from tests.helpers import notices, settled

W48 = IsoWeek(2026, 48)
MONDAY, TUESDAY = TODAY.subtract(days=2), TODAY.subtract(days=1)
# Typed by keys from Monday (TODAY is Wednesday): heavy legs, intervals, push and pull,
# a tempo run, rest, a long run, rest.
WEEK_KEYS = ["home", "g", "i", "r", "I", "p", "+", "u", "a", "r", "i", "i", "full_stop"]
WEEK_KEYS += ["r", "i", "full_stop"]


@pytest.fixture
def db_path(_isolated_user_dirs: None) -> Path:
    return Path.home() / "planner.json"


async def log_monday_and_check_in_tuesday(pilot: Pilot[Any]) -> None:
    """Monday's heavy legs done at RPE 8 (L, then the dialog by keys), then Tuesday
    checked in with very sore legs."""
    await pilot.press(*WEEK_KEYS, "home", "L")
    assert isinstance(pilot.app.screen, LogDialog)
    await pilot.press(*"done", "tab", "8", "ctrl+s")
    await pilot.press("right", "L")
    assert isinstance(pilot.app.screen, LogDialog)
    await pilot.press("tab", "tab", "tab", *"legs=very", "ctrl+s")
    await settled(pilot)


def logged_state(db_path: Path) -> dict[Any, Any]:
    with Store.open(db_path, read_only=True) as store:
        return store.logs_between(MONDAY, TODAY)


async def test_logged_by_keys_changes_tuesdays_advice_strip_and_fix(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press(*WEEK_KEYS)
        await settled(pilot)
        before = app.session.view
        fix_before = app.screen.query_one("#fix-line").markup_text
        await log_monday_and_check_in_tuesday(pilot)
        after = app.session.view
        # Tuesday's advice speaks from the log and names it.
        into_tuesday = after.transition_into(TUESDAY)
        assert into_tuesday is not None
        texts = [finding.text for finding in into_tuesday.findings]
        assert "Legs logged very sore: intervals → rest or walk instead" in texts
        assert after.evaluation.score < before.evaluation.score
        # The strip: Tuesday's legs strained, and marked as reported, not computed.
        cell = after.readiness.cell("legs", TUESDAY)
        assert cell.state is Readiness.STRAINED and cell.reported is Soreness.VERY
        # The fix: today (Wednesday) or later only, so never Monday or Tuesday.
        fix = app.screen.query_one("#fix-line").markup_text
        assert " mon " not in fix and " tue " not in fix
        assert fix != fix_before or "mon" not in fix_before
        # Monday's cell says it was done, in words and a mark.
        grid = app.screen.query_one(WeekGrid)
        assert "✓ done" in grid.cell_text(0)
    logs = logged_state(db_path)
    assert logs[MONDAY].rpe == (8,) and logs[MONDAY].done is not None
    assert logs[TUESDAY].sore == (("legs", Soreness.VERY),) and logs[TUESDAY].done is None
    # After a restart, it is all still there.
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await settled(pilot)
        assert app.session.log_of(0).rpe == (8,)
        assert app.session.view.readiness.cell("legs", TUESDAY).reported is Soreness.VERY


async def test_d_and_x_log_the_selected_day_each_one_undo_step(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE, notifications=True) as pilot:
        await pilot.press(*WEEK_KEYS, "home", "d", "right", "x")
        await settled(pilot)
        assert "Logged Tue 24 Nov: ✗ skipped." in " ".join(await notices(pilot))
        grid = app.screen.query_one(WeekGrid)
        assert "✓ done" in grid.cell_text(0) and "skipped" in grid.cell_text(1)
        # Tuesday judged on what was done: no hard run the day after heavy legs.
        into_tuesday = app.session.view.transition_into(TUESDAY)
        assert into_tuesday is not None
        assert not any(f.rule_id == "hard-run-on-lifted-legs" for f in into_tuesday.findings)
        await pilot.press("ctrl+z")
        assert app.session.log_of(1).done is None and app.session.log_of(0).done is not None
        await pilot.press("ctrl+z")
        assert app.session.log_of(0).done is None
        await pilot.press("ctrl+y")
        assert app.session.log_of(0).done is not None
        # The plan never changed.
        assert app.session.view.plan.days[1].sessions[0].attribute.value == "intervals"


async def test_a_day_after_today_cannot_be_logged(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE, notifications=True) as pilot:
        await pilot.press(*WEEK_KEYS, "end", "d")
        await settled(pilot)
        assert any("after today" in notice for notice in await notices(pilot))
        await pilot.press("L")
        assert not isinstance(app.screen, LogDialog)
    assert logged_state(db_path) == {}


async def test_the_dialog_says_a_mistake_in_one_line_and_keeps_nothing(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press(*WEEK_KEYS, "home", "L")
        await pilot.press(*"dun", "ctrl+s")
        dialog = app.screen
        assert isinstance(dialog, LogDialog)
        error = str(dialog.query_one("#log-error").render())
        assert "did you mean done?" in error
        await pilot.press("escape")
        await settled(pilot)
    assert logged_state(db_path) == {}


def logged_week(size: tuple[int, int]) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run(pilot: Pilot[Any]) -> None:
        await log_monday_and_check_in_tuesday(pilot)

    return run


@pytest.mark.parametrize("size", [(80, 24), TERMINAL_SIZE], ids=["80x24", "120x36"])
def test_a_logged_week(
    snap_compare: Any, make_app: Callable[..., Any], size: tuple[int, int]
) -> None:
    """Monday's heavy legs done at RPE 8, Tuesday's legs very sore: the cells, the strip
    and Tuesday's advice."""
    assert snap_compare(make_app(), run_before=logged_week(size), terminal_size=size)
