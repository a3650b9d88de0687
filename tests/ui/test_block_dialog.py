"""Laying a training block from the palette: "Lay a training block…" opens the dialog, its
errors stay in it on one line, and what it lays is saved, shown, marked and said."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Static

from planner.block import BlockWeek
from planner.days import day_words, parse_day
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from screens.dialogs.block_dialog import BlockDialog
from tests.conftest import TERMINAL_SIZE
from tests.helpers import notices, seed, settled

W47, W48, W51 = IsoWeek(2026, 47), IsoWeek(2026, 48), IsoWeek(2026, 51)
REPEATING = {"mon": "legs:heavy", "wed": "run:intervals", "fri": "push:heavy"}


def seeded(db_path: Path, first: str = "monday", **more: dict[str, str]) -> None:
    seed(db_path, {"2026-W47": REPEATING, **more}, first=first)
    with Store.open(db_path) as store:
        store.save_settings(replace(store.settings(), repeat_week=W47))


async def open_dialog(pilot: Pilot[Any]) -> BlockDialog:
    await pilot.press("ctrl+p", *"Lay a training")
    for _ in range(50):
        await pilot.pause(0.02)
        if "Lay a training block" in str(pilot.app.screen.query("CommandList").first().options):
            break
    await pilot.press("enter")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, BlockDialog)
    return dialog


async def set_number(pilot: Pilot[Any], field: str, value: str) -> None:
    pilot.app.screen.query_one(field, Input).value = value
    await pilot.pause()


def error_text(dialog: BlockDialog) -> str:
    return str(dialog.query_one("#block-error", Static).render())


async def test_the_palette_lays_a_block_from_the_shown_week(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    seeded(db_path)
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE, notifications=True) as pilot:
        dialog = await open_dialog(pilot)
        await pilot.press("enter")  # in "Weeks": 4 weeks, a deload every 4th
        await settled(pilot)
        assert dialog.dismissed
        assert app.session.week == W48
        said = await notices(pilot)
        assert any(
            "Laid a 4-week block from 2026-W48 (the repeating week 2026-W47; deload: 2026-W51)"
            in notice
            and "Undo does not take a block back." in notice
            for notice in said
        ), said
        shown = [day_words(day, explicit=True) for day in app.session.view.plan.days]
        assert shown[0] == "legs:heavy" and shown[2] == "run:intervals"
    with Store.open(db_path, read_only=True) as store:
        deload = store.load_plan(W51, FirstWeekday.MONDAY)
        assert store.blocks_between(W48, W51)[W51] == BlockWeek(W48, 4, 4, True)
    assert [day_words(day, explicit=True) for day in deload.days][:3] == [
        "legs:moderate",
        "unplanned",
        "run:easy",
    ]


async def test_errors_stay_in_the_dialog_on_one_line_and_nothing_is_written(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    seeded(db_path, **{"2026-W49": {"tue": "push"}})
    before = db_path.read_bytes()
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        dialog = await open_dialog(pilot)
        await set_number(pilot, "#block-weeks", "60")
        await pilot.press("enter")
        assert error_text(dialog) == "Weeks must be a whole number from 1 to 52"
        await set_number(pilot, "#block-weeks", "3")
        await set_number(pilot, "#block-deload", "1")
        await pilot.press("enter")
        assert error_text(dialog).startswith("Deload every must be 2 or more")
        await set_number(pilot, "#block-deload", "0")
        await pilot.press("enter")
        assert error_text(dialog) == "2026-W49 is planned already; tick Replace planned weeks"
        assert not dialog.dismissed
        await settled(pilot)
        assert db_path.read_bytes() == before
        dialog.query_one("#block-replace", Checkbox).value = True
        await pilot.click("#block-lay")
        await settled(pilot)
        assert dialog.dismissed
    with Store.open(db_path, read_only=True) as store:
        marked = store.blocks_between(W48, W51)
    assert set(marked) == {W48, IsoWeek(2026, 49), IsoWeek(2026, 50)}


async def test_a_sunday_first_week_shows_the_block_laid_in_iso_weeks(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    seeded(db_path, first="sunday")
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await open_dialog(pilot)
        await pilot.press("enter")
        await settled(pilot)
        # The shown week starts on Sunday 22 Nov (W47's last day): Monday on is the block's.
        shown = [day_words(day, explicit=True) for day in app.session.view.plan.days]
        assert shown[1:4] == ["legs:heavy", "unplanned", "run:intervals"]


async def test_an_edit_made_after_the_block_is_saved_after_it(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    seeded(db_path)
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        session = app.session
        # All three reach the writer together, after the frame: in the order they were made.
        session.set_day(1, parse_day("push"))
        session.lay_block(2, 0, None, replace=True)
        session.set_day(3, parse_day("pull"))
        await settled(pilot)
        shown = [day_words(day) for day in session.view.plan.days]
        assert session.blocks_between(W48, W48) == {W48: BlockWeek(W48, 1, 2, False)}
    with Store.open(db_path, read_only=True) as store:
        stored = [day_words(day) for day in store.load_plan(W48, FirstWeekday.MONDAY).days]
    assert stored == shown
    assert stored[:4] == ["legs:heavy", "unplanned", "run:intervals", "pull"]


async def test_space_ticks_replace_and_enter_on_the_tick_box_lays_the_block(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    """As the subtitle says, enter lays from every field: on the tick box too (Textual's
    checkbox toggles on enter; ours leaves enter to the dialog)."""
    seeded(db_path, **{"2026-W49": {"tue": "push"}})
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        dialog = await open_dialog(pilot)
        dialog.query_one("#block-replace", Checkbox).focus()
        await settled(pilot)
        await pilot.press("space")
        assert dialog.query_one("#block-replace", Checkbox).value is True
        await pilot.press("enter")
        await settled(pilot)
        assert dialog.dismissed
    with Store.open(db_path, read_only=True) as store:
        assert set(store.blocks_between(W48, W51)) == {
            W48,
            IsoWeek(2026, 49),
            IsoWeek(2026, 50),
            W51,
        }
