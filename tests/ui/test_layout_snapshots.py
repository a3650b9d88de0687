"""Snapshots of the week screen at the sizes it is made for, 80x24 to 200x50, in the built-in
dark and light themes: an empty week, a week typed by keys and left in view past its end, a
hybrid week of two-session days, the advice read with tab, a notice showing, the go-to-week
dialog answering a mistake, the help, the suggest dialog's results, and a fix just made.

After `make snapshot-update`, look at each changed SVG as a picture before committing it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import LAYOUT_SIZES, SHOWN, seed_shown, show

THEMES = ["textual-dark", "textual-light"]


@pytest.fixture
def db_path(_isolated_user_dirs: None) -> Path:
    """Notices show the database's path, as ``~/...`` under the home folder: keep the file
    there (each test has its own home) so the pictures do not depend on pytest's tmp_path."""
    return Path.home() / "planner.json"


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", LAYOUT_SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("shown", list(SHOWN))
def test_layout(
    snap_compare: Any,
    make_app: Callable[..., Any],
    db_path: Path,
    shown: str,
    size: tuple[int, int],
    theme: str,
) -> None:
    seed_shown(db_path, SHOWN[shown], theme)

    async def run_before(pilot: Any) -> None:
        await show(pilot, SHOWN[shown])

    assert snap_compare(make_app(), run_before=run_before, terminal_size=size)
