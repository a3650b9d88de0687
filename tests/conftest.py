"""Shared fixtures: a fixed clock, a temporary database, no user config, animations off."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pendulum
import pytest

from planner.clock import FixedClock

# Wednesday of 2026-W48: the week the snapshots show.
TODAY: pendulum.Date = pendulum.Date(2026, 11, 25)
FIXED_NOW = datetime(2026, 11, 25, 7, 30, tzinfo=UTC)
TERMINAL_SIZE = (120, 36)
NARROW_SIZE = (80, 44)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the developer's real config or data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("PLANNER_DB", raising=False)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TODAY)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "planner.json"


@pytest.fixture
def make_app(clock: FixedClock, db_path: Path) -> Iterator[Callable[..., Any]]:
    """Build the App as the command would, but with the fixed clock and temp database.

    ``make_app(week=..., store=...)``; each call opens its own store on ``db_path`` unless
    one is given, and every store opened here is closed after the test.
    """
    from planner.store import Store
    from rules import default_knowledge

    opened: list[Store] = []

    def build(*, store: Store | None = None, **overrides: Any) -> Any:
        from screens.app import PlannerApp

        if store is None:
            store = Store.open(db_path, fallback_read_only=True, now=lambda: FIXED_NOW)
            opened.append(store)
        options: dict[str, Any] = {
            "clock": clock,
            "store": store,
            "knowledge": default_knowledge(),
            **overrides,
        }
        app = PlannerApp(**options)
        app.animation_level = "none"
        return app

    yield build
    for store in opened:
        store.close()
