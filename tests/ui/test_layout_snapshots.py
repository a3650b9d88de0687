"""Snapshots of the week screen's layout at the sizes it is made for, in the built-in dark
and light themes: an empty week, the first article's week, a hybrid week with two-session
days and intensities, and the advice read full screen (tab) at 80x24.

After `make snapshot-update`, look at each changed SVG as a picture before committing it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from planner.store import Store
from planner.weeks import IsoWeek
from tests.helpers import seed

SIZES = [(80, 24), (100, 30), (130, 40), (200, 50)]
THEMES = ["textual-dark", "textual-light"]
WEEKS = {
    "empty": {},
    "article": dict(zip(("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
                        ("push", "rest", "legs", "pull", "rest", "push", "rest"), strict=True)),
    "hybrid": {"mon": "legs:heavy+run:easy", "tue": "push,pull", "wed": "run:intervals",
               "thu": "rest", "fri": "legs", "sat": "run:long", "sun": "rest"},
}  # fmt: skip


def seed_week(db_path: Path, week: str, theme: str) -> None:
    seed(db_path, {"2026-W48": WEEKS[week]})
    with Store.open(db_path) as store:
        store.save_settings(replace(store.settings(), theme=theme))


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("week", list(WEEKS))
def test_week_layout(
    snap_compare: Any,
    make_app: Callable[..., Any],
    db_path: Path,
    week: str,
    size: tuple[int, int],
    theme: str,
) -> None:
    seed_week(db_path, week, theme)
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("theme", THEMES)
def test_advice_read_full_screen(
    snap_compare: Any, make_app: Callable[..., Any], db_path: Path, theme: str
) -> None:
    seed_week(db_path, "hybrid", theme)
    assert snap_compare(make_app(), press=["tab"], terminal_size=(80, 24))


def seed_proposal(db_path: Path, theme: str) -> None:
    """The article's week marked as repeating; the shown week (empty) proposes it."""
    seed(db_path, {"2026-W47": WEEKS["article"]})
    with Store.open(db_path) as store:
        store.save_settings(replace(store.settings(), theme=theme, repeat_week=IsoWeek(2026, 47)))


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("shown", ["goal-picker", "proposed-week", "suggest-dialog"])
def test_dialogs_and_proposal_layout(
    snap_compare: Any,
    make_app: Callable[..., Any],
    db_path: Path,
    shown: str,
    size: tuple[int, int],
    theme: str,
) -> None:
    if shown == "proposed-week":
        seed_proposal(db_path, theme)
        press: list[str] = []
    else:
        seed_week(db_path, "hybrid", theme)
        press = ["G"] if shown == "goal-picker" else ["s"]
    assert snap_compare(make_app(), press=press, terminal_size=size)
