"""Readiness under the grid: per muscle family, for each shown day, how recovered it is at
the start of that day (the 48 h guideline and the loads in rules/). One column per day,
aligned with the day cells, so a dense stretch of the week stands out at a glance.

One widget draws all seven columns: an edit changes two or three of them, and repainting
one widget costs less than repainting three of seven."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.content import Content
from textual.geometry import Region, Size
from textual.widget import Widget
from textual.widgets import Static

from planner.readiness import FAMILIES, Readiness, ReadinessGrid, is_strained
from rules import KnowledgeBase

STATE_STYLE = {
    Readiness.READY: "$success",
    Readiness.RECOVERING: "$warning",
    Readiness.FATIGUED: "$error",
}
LEGEND = (
    "[b]Readiness[/b] at the start of each day:  [$success]. ready[/]  "
    "[$warning]~ recovering[/]  [$error]! fatigued[/]  "
    "[reverse] x [/] worked again before it is ready"
)
# Text starts this many cells into its day's column, as the day cell's text does.
COLUMN_INSET = 1

# Where the day cells are on screen: each day's column lines up with its cell.
DayRegions = Callable[[], Sequence[Region]]


def render_strip(
    grid: ReadinessGrid, knowledge: KnowledgeBase, columns: Sequence[tuple[int, int]]
) -> Content:
    """One line per family; each day's state starts at its column's inset."""
    lines: list[Content] = []
    for family, row in zip(grid.families, grid.cells, strict=True):
        parts: list[str | tuple[str, str]] = []
        end = 0
        for cell, (x, width) in zip(row, columns, strict=True):
            start = x + COLUMN_INSET
            text = f"{family.id:<5} {cell.state.symbol}"[: max(0, width - 2 * COLUMN_INSET)]
            style = STATE_STYLE[cell.state]
            if is_strained(cell, knowledge):  # the dense spots of the week
                style += " reverse"
            parts.extend((" " * max(0, start - end), (text, style)))
            end = start + len(text)
        lines.append(Content.assemble(*parts))
    return Content("\n").join(lines)


class ReadinessStrip(Widget):
    def __init__(self, day_regions: DayRegions) -> None:
        super().__init__()
        self._day_regions = day_regions
        self._shown: tuple[ReadinessGrid, KnowledgeBase] | None = None

    def show(self, grid: ReadinessGrid, knowledge: KnowledgeBase) -> None:
        if self._shown is not None and self._shown[0] == grid:
            return
        self._shown = (grid, knowledge)
        self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(FAMILIES)  # known before the first week is shown: no second layout

    def render(self) -> Content:
        """Drawn at paint time, once the day cells are laid out."""
        if self._shown is None:
            return Content()
        grid, knowledge = self._shown
        origin = self.content_region.x
        columns = [(region.x - origin, region.width) for region in self._day_regions()]
        return render_strip(grid, knowledge, columns)


class ReadinessLegend(Static):
    def __init__(self) -> None:
        super().__init__(LEGEND)
