"""Nothing is cut off at the sizes the planner is made for (80x24, 100x30, 120x36, 200x50), in
every state the layout snapshots show: each piece of text (header, verdict, fix line,
legends, day cells, notices, dialogs, footer) is drawn whole, inside the screen and inside
what holds it; only a list that scrolls may hold more than it shows. Notices never cover
the verdict or the fix line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.containers import ScrollableContainer
from textual.content import Content
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.visual import visualize
from textual.widget import Widget
from textual.widgets import Input, Static
from textual.widgets._footer import FooterKey, FooterLabel
from textual.widgets._toast import Toast

from screens.widgets.fix_line import FixLine
from screens.widgets.hanging_text import HangingText
from screens.widgets.text_block import TextBlock
from screens.widgets.week_grid import WeekGrid
from tests.helpers import LAYOUT_SIZES, SHOWN, seed_shown, show

TEXT = (TextBlock, HangingText, FixLine, Static, FooterKey, FooterLabel)
ELLIPSIS = "…"


def shown_in_full(widget: Widget) -> bool:
    """Displayed, with every ancestor displayed too."""
    return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))


def scrolls(widget: Widget) -> bool:
    """Inside something that scrolls to show the rest (a list, the help)."""
    return any(isinstance(node, ScrollableContainer | ScrollView) for node in widget.ancestors)


def plain(widget: Widget) -> tuple[str, list[str]]:
    """The widget's text, and the lines it draws at its width when given all the rows it
    needs (trailing blank lines dropped)."""
    visual = visualize(widget, widget.render())
    width = widget.content_region.width
    source = visual.plain if isinstance(visual, Content) else ""
    strips = visual.to_strips(widget, visual, width, None, widget.visual_style)
    lines = [strip.text.rstrip() for strip in strips]
    while lines and not lines[-1]:
        lines.pop()
    return source, lines


def cut_off(app: Any) -> list[str]:
    """What is not drawn whole, described."""
    problems = []
    screen = app.screen
    for widget in screen.query("*"):
        if not isinstance(widget, TEXT) or isinstance(widget, Input) or not shown_in_full(widget):
            continue
        source, lines = plain(widget)
        if not "".join(lines).strip():
            continue
        name = f"{type(widget).__name__}#{widget.id}: {' '.join(lines)[:60]!r}"
        if len(lines) > widget.content_region.height:
            problems.append(f"{name}: {len(lines)} lines in {widget.content_region.height} rows")
        if "".join(lines).count(ELLIPSIS) > source.count(ELLIPSIS):
            problems.append(f"{name}: cut with an ellipsis")
        if scrolls(widget):
            continue
        for holder in (*widget.ancestors, screen):
            if not isinstance(holder, Widget) or not holder.region.area:
                continue  # drawn in nothing of its own (a toast's holder)
            if not holder.region.contains_region(widget.region):
                problems.append(f"{name}: {widget.region} outside {holder!r} {holder.region}")
                break
    grid = screen.query(WeekGrid)
    if grid and shown_in_full(grid.first()):
        problems.extend(cells_cut_off(grid.first()))
    problems.extend(notices_cut_off(app))
    return problems


def notices_cut_off(app: Any) -> list[str]:
    """Each line of each notice shown, missing from the screen as it is drawn: a notice
    is laid out inside holders that draw nothing of their own and can clip it unseen."""
    on_screen = [strip.text for strip in app.screen._compositor.render_strips()]
    problems = []
    for toast in app.screen.query(Toast):
        if shown_in_full(toast):
            for line in plain(toast)[1]:
                if not any(line.strip() in row for row in on_screen):
                    problems.append(f"notice line not drawn: {line.strip()!r}")
    return problems


def cells_cut_off(grid: WeekGrid) -> list[str]:
    problems = []
    for index in range(7):
        width, height = grid.cell_size(index)
        lines = Content.from_markup(grid.cell_text(index)).plain.split("\n")
        if len(lines) > height or any(len(line) > width for line in lines):
            problems.append(f"day {index}: {lines} in {width}x{height}")
    return problems


@pytest.mark.parametrize("size", LAYOUT_SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("shown", list(SHOWN))
async def test_every_text_is_whole(
    make_app: Callable[..., Any], db_path: Path, shown: str, size: tuple[int, int]
) -> None:
    seed_shown(db_path, SHOWN[shown])
    app = make_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        await show(pilot, SHOWN[shown])
        await pilot.pause(0.1)  # the notices are on screen
        assert cut_off(app) == []


def covered(app: Any) -> list[tuple[Region, Region]]:
    """Each notice shown that overlaps the verdict or the fix line."""
    screen = app.screen
    kept = [screen.query_one("#verdict").region, screen.query_one("#fix-line").region]
    drawn = [toast.region for toast in screen.query(Toast) if shown_in_full(toast)]
    assert drawn
    return [(toast, region) for toast in drawn for region in kept if toast.overlaps(region)]


@pytest.mark.parametrize("size", [*LAYOUT_SIZES, (60, 20), (110, 30)], ids=str)
async def test_notices_never_cover_the_verdict_or_the_fix_line(
    make_app: Callable[..., Any], db_path: Path, size: tuple[int, int]
) -> None:
    seed_shown(db_path, SHOWN["hybrid"])
    app = make_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        # Several at once, the longest the planner gives among them.
        await pilot.press("f", "c", "ctrl+y", "f")
        await pilot.pause(0.2)
        assert len(app.screen.query(Toast)) >= 3
        assert covered(app) == []
        if size in LAYOUT_SIZES:
            assert cut_off(app) == []
