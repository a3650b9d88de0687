"""Readiness under the grid: per muscle family, for each shown day, how recovered it is at
the start of that day (the 48 h guideline and the loads in rules/). One column per day,
aligned with the day cells, so a dense stretch of the week stands out at a glance.

One widget draws all seven columns with Textual's Line API: an edit changes two or three
columns, and one strip of a few plain segments per line is the cheapest thing to repaint.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from planner.readiness import FAMILIES, Readiness, ReadinessGrid, is_strained
from rules import KnowledgeBase

# Theme variable of each state's colour.
STATE_COLOUR = {
    Readiness.READY: "success",
    Readiness.RECOVERING: "warning",
    Readiness.FATIGUED: "error",
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
    grid: ReadinessGrid,
    knowledge: KnowledgeBase,
    columns: Sequence[tuple[int, int]],
    styles: Mapping[tuple[Readiness, bool], Style],
    blank: Style,
) -> list[Strip]:
    """One line per family; each day's state starts at its column's inset. ``columns``:
    (x, width) of each day; ``styles``: by state and whether the day strains the family."""
    lines = []
    for family, row in zip(grid.families, grid.cells, strict=True):
        segments = []
        end = 0
        for cell, (x, width) in zip(row, columns, strict=True):
            start = x + COLUMN_INSET
            text = f"{family.id:<5} {cell.state.symbol}"[: max(0, width - 2 * COLUMN_INSET)]
            if start > end:
                segments.append(Segment(" " * (start - end), blank))
            # Reversed where a family is worked again before it is ready: the dense spots.
            segments.append(Segment(text, styles[cell.state, is_strained(cell, knowledge)]))
            end = start + len(text)
        lines.append(Strip(segments, end))
    return lines


class ReadinessStrip(Widget):
    def __init__(self, day_regions: DayRegions) -> None:
        super().__init__()
        self._day_regions = day_regions
        self._shown: tuple[ReadinessGrid, KnowledgeBase] | None = None
        self._lines: list[Strip] | None = None  # for the shown grid, columns and theme
        self._columns: list[tuple[int, int]] = []

    def show(self, grid: ReadinessGrid, knowledge: KnowledgeBase) -> None:
        if self._shown is not None and self._shown[0] == grid:
            return
        self._shown = (grid, knowledge)
        self._lines = None
        self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(FAMILIES)  # known before the first week is shown: no second layout

    def render_line(self, y: int) -> Strip:
        """Drawn at paint time, once the day cells are laid out."""
        origin = self.content_region.x
        columns = [(region.x - origin, region.width) for region in self._day_regions()]
        if self._lines is None or columns != self._columns:
            self._columns = columns
            self._lines = self._render_lines(columns)
        width = self.content_region.width
        line = self._lines[y] if y < len(self._lines) else Strip([])
        return line.crop_extend(0, width, self.rich_style)

    def _render_lines(self, columns: Sequence[tuple[int, int]]) -> list[Strip]:
        if self._shown is None:
            return []
        variables = self.app.theme_variables
        base = self.rich_style
        styles = {
            (state, strained): base
            + Style(color=Color.parse(variables[name]).rich_color, reverse=strained)
            for state, name in STATE_COLOUR.items()
            for strained in (False, True)
        }
        grid, knowledge = self._shown
        return render_strip(grid, knowledge, columns, styles, base)

    def notify_style_update(self) -> None:
        """The theme or styles changed: the kept lines hold the old colours."""
        super().notify_style_update()
        self._lines = None


class ReadinessLegend(Static):
    def __init__(self) -> None:
        super().__init__(LEGEND)
