"""The Textual application. It receives its collaborators (clock, database path) so tests
pass a fixed clock and a temporary database instead of monkeypatching."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from planner.clock import Clock
from planner.weeks import IsoWeek
from screens.week_screen import WeekScreen


class PlannerApp(App[int]):
    TITLE = "planner"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(self, *, clock: Clock, db_path: Path, week: IsoWeek | None = None) -> None:
        super().__init__()
        self.clock = clock
        self.db_path = db_path
        self._initial_week = week

    def on_mount(self) -> None:
        # Pushed rather than returned from get_default_screen(): Textual 8.2 does not load a
        # default screen's CSS_PATH.
        self.push_screen(WeekScreen(clock=self.clock, week=self._initial_week))
