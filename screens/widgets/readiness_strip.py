"""Readiness under each day: per muscle family, how recovered it is at the start of that
day (the 48 h guideline and the loads in rules/), so a dense stretch of the week stands out
at a glance. Each day's column of the grid holds one :class:`DayReadiness` under its cell.

Drawn with Textual's Line API (a few plain segments per line): an edit changes two or three
days, and only their lines are drawn again.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from planner.readiness import FAMILIES, Readiness, ReadinessCell, ReadinessGrid, is_strained
from rules import KnowledgeBase

# Variable of each state's colour (readable text: see screens/colours.py).
STATE_COLOUR = {
    Readiness.READY: "readable-success",
    Readiness.RECOVERING: "readable-warning",
    Readiness.FATIGUED: "readable-error",
}
LEGEND = (
    "[b]Readiness[/b] at the start of each day:  [$readable-success]. ready[/]  "
    "[$readable-warning]~ recovering[/]  [$readable-error]! fatigued[/]  "
    "[reverse]reversed[/]: worked again before it is ready"
)


def cell_text(family_id: str, cell: ReadinessCell, width: int) -> str:
    """``chest .``, cut to ``width``."""
    return f"{family_id:<5} {cell.state.symbol}"[: max(0, width)]


class DayReadiness(Widget):
    """One day's readiness: a line per muscle family."""

    DEFAULT_CSS = """
    DayReadiness {
        height: auto;
        padding: 1 1 0 1;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[ReadinessGrid, int, KnowledgeBase] | None = None
        self._cells: tuple[ReadinessCell, ...] | None = None
        self._lines: list[Strip] | None = None  # for the shown cells, width and theme

    def show(self, grid: ReadinessGrid, index: int, knowledge: KnowledgeBase) -> None:
        cells = tuple(row[index] for row in grid.cells)
        self._shown = (grid, index, knowledge)
        if cells == self._cells:
            return  # this day is unchanged: no repaint
        self._cells = cells
        self._lines = None
        self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(FAMILIES)  # known before the first week is shown: no second layout

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        if self._lines is None or (self._lines and self._lines[0].cell_length != width):
            self._lines = self._render_lines(width)
        line = self._lines[y] if y < len(self._lines) else Strip([])
        return line.crop_extend(0, width, self.rich_style)

    def _render_lines(self, width: int) -> list[Strip]:
        if self._shown is None:
            return []
        grid, index, knowledge = self._shown
        variables = self.app.theme_variables
        base = self.rich_style
        lines = []
        for family, row in zip(grid.families, grid.cells, strict=True):
            cell = row[index]
            # Reversed where a family is worked again before it is ready: the dense spots.
            style = base + Style(
                color=Color.parse(variables[STATE_COLOUR[cell.state]]).rich_color,
                reverse=is_strained(cell, knowledge),
            )
            text = cell_text(family.id, cell, width)
            lines.append(Strip([Segment(text, style)], len(text)).extend_cell_length(width, base))
        return lines

    def notify_style_update(self) -> None:
        """The theme or styles changed: the kept lines hold the old colours."""
        super().notify_style_update()
        self._lines = None


class ReadinessLegend(Static):
    DEFAULT_CSS = """
    ReadinessLegend {
        padding: 1 1 0 2;
        color: $readable-muted;
    }
    """

    def __init__(self) -> None:
        super().__init__(LEGEND)
