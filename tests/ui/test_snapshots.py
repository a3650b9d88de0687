"""Snapshot tests of every screen, with a fixed clock and a temporary database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.conftest import TERMINAL_SIZE


def test_week_screen(snap_compare: Any, make_app: Callable[..., Any]) -> None:
    assert snap_compare(make_app(), terminal_size=TERMINAL_SIZE)
