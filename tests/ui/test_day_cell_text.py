"""What a day cell says a day holds: both sessions and their attributes in words, fitting
the cell at every size the planner supports, never wrapped."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.content import Content

from planner.days import parse_day
from rules import Activity, Intensity, PlannedDay, RunType, Session
from screens.widgets.week_grid import SHORT_ATTRIBUTE, WeekGrid, held_lines
from tests.helpers import seed

SESSIONS = [Session(Activity.RUN, run_type=t) for t in RunType] + [
    Session(kind, intensity=i) for kind in (Activity.PUSH, Activity.PULL, Activity.LEGS)
    for i in Intensity
]  # fmt: skip
DAYS = [PlannedDay((s,)) for s in SESSIONS] + [
    PlannedDay((a, b), together=together)
    for a, b in itertools.product(SESSIONS, repeat=2)
    for together in (False, True)
]
# Cell content widths: 60x20, 120x36 (beside the panel), 80x24, 100x30, 200x50.
WIDTHS = (5, 7, 8, 11, 19)


def plain(markup: str) -> str:
    return Content.from_markup(markup).plain


@pytest.mark.parametrize("width", WIDTHS)
def test_every_day_fits_its_cell_and_names_each_session(width: int) -> None:
    for day in DAYS:
        lines = [plain(line) for line in held_lines(day, width, 4)]
        assert len(lines) <= 4, (day, lines)
        assert all(len(line) <= width for line in lines), (day, lines)
        text = " ".join(lines)
        position = 0
        for session in day.sessions:  # kinds and attributes, in order
            for word in (session.kind.upper(), session.attribute.value):
                short = SHORT_ATTRIBUTE.get(word, word)
                found = [text.find(w, position) for w in (word, short) if w in text[position:]]
                assert found, (day, lines, word)
                position = min(found)


def test_two_sessions_say_apart_or_together_where_there_is_room() -> None:
    apart, together = parse_day("legs:heavy+run:easy"), parse_day("push,pull")
    assert [plain(line) for line in held_lines(apart, 19, 4)] == [
        "LEGS heavy", "+ RUN easy", "apart",
    ]  # fmt: skip
    assert [plain(line) for line in held_lines(together, 19, 4)] == [
        "PUSH moderate", "& PULL moderate", "together",
    ]  # fmt: skip
    # Narrow: the joiner still tells them apart, without colour.
    assert plain(held_lines(together, 5, 4)[2]) == "&PULL"


def test_a_week_of_plain_sessions_shows_kinds_only() -> None:
    assert held_lines(parse_day("legs"), 8, 2, attributes=False) == ("[b]LEGS[/b]",)


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (100, 30)])
async def test_the_hybrid_week_fits_at_small_sizes(
    make_app: Callable[..., Any], db_path: Path, size: tuple[int, int]
) -> None:
    seed(db_path, {"2026-W48": {
        "mon": "legs:heavy+run:easy", "tue": "push,pull", "wed": "run:intervals",
        "thu": "rest", "fri": "legs", "sat": "run:long", "sun": "pull:light+run:tempo",
    }})  # fmt: skip
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(WeekGrid)
        for index, cell in enumerate(grid.states):
            width, height = grid.cell_size(index)
            lines = plain(grid.cell_text(index)).split("\n")
            assert len(lines) <= height, (size, lines)
            assert all(len(line) <= width for line in lines), (size, lines)
            if cell.planned.sessions:
                assert cell.planned.sessions[-1].kind.upper() in " ".join(lines)
        wednesday = plain(grid.cell_text(2))
        assert "today" in wednesday  # beside or instead of the date when the day is full
