"""Settings go through the single background writer like weeks, and the chosen theme is
remembered across restarts."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.plan import Settings
from planner.store import Store
from planner.weeks import FirstWeekday
from tests.conftest import TERMINAL_SIZE


async def test_the_chosen_theme_is_there_after_a_restart(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        assert app.theme != "textual-light"
        app.theme = "textual-light"
        await pilot.pause()
        assert app.wait_for_saves(5)
    with Store.open(db_path, read_only=True) as store:
        assert store.settings().theme == "textual-light"
    again = make_app()
    async with again.run_test(size=TERMINAL_SIZE):
        assert again.theme == "textual-light"


async def test_settings_are_saved_off_the_ui_thread(
    make_app: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    threads: list[str] = []
    real_save = app.store.save_settings

    def save_settings(settings: Settings) -> None:
        threads.append(threading.current_thread().name)
        real_save(settings)

    monkeypatch.setattr(app.store, "save_settings", save_settings)
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        app.screen.set_first_weekday(FirstWeekday.SUNDAY)
        await pilot.pause()
        assert app.wait_for_saves(5)
    assert threads and all(name.startswith("planner-writer") for name in threads)
    assert app.store.settings().first_weekday is FirstWeekday.SUNDAY
