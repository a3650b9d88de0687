"""The week screen draws from one view state: its version follows the judged week (an edit,
another week, another goal) and stays while only the selection moves, and the lines the
widgets keep are found again by it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from screens.widgets.kept_lines import KeptLines
from tests.conftest import TERMINAL_SIZE
from tests.helpers import HYBRID_WEEK, seed


def test_kept_lines_are_drawn_once_per_key_and_cleared_together() -> None:
    drawn: list[str] = []
    kept: KeptLines[tuple[int, int], list[str]] = KeptLines(2)

    def draw(text: str) -> Callable[[], list[str]]:
        return lambda: drawn.append(text) or [text]

    assert kept.get((1, 80), draw("a")) == ["a"]
    assert kept.get((1, 80), draw("again")) == ["a"]  # kept: not drawn again
    kept.get((2, 80), draw("b"))
    kept.get((3, 80), draw("c"))  # the oldest goes
    assert kept.peek((1, 80)) is None and len(kept) == 2
    kept.clear()
    assert len(kept) == 0 and drawn == ["a", "b", "c"]


async def test_a_move_keeps_the_version_an_edit_moves_it_on(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    seed(db_path, {"2026-W48": HYBRID_WEEK})
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        screen = app.screen
        first = screen.state
        assert first is not None and first.version == app.session.version
        await pilot.press("right", "home", "end")
        assert screen.state.version == first.version
        assert screen.state.typing.selected == 6
        assert screen.state.judged is first.judged  # the same judged week, not judged again
        await pilot.press("p")
        assert screen.state.version > first.version
        edited = screen.state.version
        await pilot.press("left_square_bracket", "right_square_bracket")
        assert screen.state.version > edited  # another week, then this one judged again
        await pilot.press("ctrl+z")
        assert screen.state.plan == first.plan
        assert screen.state.typing.selected == 6  # back where the key was typed
