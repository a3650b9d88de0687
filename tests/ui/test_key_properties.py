"""Random key sequences, the session keys included, never raise, and after quitting and
starting again the grid shows exactly what it showed before quitting, sessions and
attributes included."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.clock import FixedClock
from planner.days import day_words
from planner.store import Store
from planner.weeks import IsoWeek
from rules import default_knowledge
from screens.app import PlannerApp
from screens.widgets.week_grid import WeekGrid
from tests.conftest import TERMINAL_SIZE, TODAY

KEYS = [
    "left", "right", "h", "l", "home", "end",
    "p", "u", "g", "r", "full_stop", "space", "1", "2", "3", "4", "5",
    "backspace", "delete", "left_square_bracket", "right_square_bracket", "t",
    "ctrl+z", "ctrl+y", "ctrl+s", "pageup", "pagedown", "f",
    "i", "I", "o", "O", "plus", "minus", "a",
]  # fmt: skip
# The session keys are drawn more often: each acts on what the keys before it planned.
SESSION_KEYS = ["i", "I", "o", "O", "plus", "minus", "a", "p", "r"]


def grid(app: PlannerApp) -> list[tuple[str, str]]:
    """Each shown day in full: its sessions, their attributes, apart or together."""
    return [
        (cell.day.isoformat(), day_words(cell.planned))
        for cell in app.screen.query_one(WeekGrid).states
    ]


def build(db: Path, week: IsoWeek | None = None) -> PlannerApp:
    store = Store.open(db, fallback_read_only=True)
    app = PlannerApp(clock=FixedClock(TODAY), store=store, knowledge=default_knowledge(), week=week)
    app.animation_level = "none"
    return app


async def type_quit_and_restart(db: Path, keys: list[str]) -> None:
    first = build(db)
    async with first.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        week = first.session.week
        before = grid(first)
        await pilot.press("ctrl+q")
    first.store.close()
    assert first.return_code in (None, 0)

    second = build(db, week)
    async with second.run_test(size=TERMINAL_SIZE):
        assert grid(second) == before
    second.store.close()


# Each example starts the planner twice (about a second): a few examples keep CI fast.
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(KEYS) | st.sampled_from(SESSION_KEYS), max_size=40))
def test_random_keys_never_raise_and_survive_a_restart(keys: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(type_quit_and_restart(Path(folder) / "planner.json", keys))
