"""Readiness under each day: per muscle family, how recovered it is at the start of that
day (the rules' one recovery model: each session's loads and recovery hours), so a dense
stretch of the week stands out at a glance. Each day's column of the grid holds one
:class:`DayReadiness` under its cell.

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

from planner.readiness import FAMILIES, Readiness, ReadinessCell, ReadinessGrid
from rules import KnowledgeBase
from screens.text import literal

# Variable of each state's colour (readable text: see screens/colours.py).
STATE_COLOUR = {
    Readiness.READY: "readable-success",
    Readiness.RECOVERING: "readable-warning",
    Readiness.STRAINED: "readable-error",
}
# Exactly the marks the strip draws: one symbol per state, in its colour.
LEGEND = "[b]Readiness[/b] at the start of each day:  " + "  ".join(
    f"[${STATE_COLOUR[state]}]{state.symbol} {state.label}[/]" for state in Readiness
)


def why_line(grid: ReadinessGrid, index: int, knowledge: KnowledgeBase) -> str:
    """Markup: for the selected day, why each family that is not ready is so."""
    parts = []
    for family, row in zip(grid.families, grid.cells, strict=True):
        cell = row[index]
        if cell.state is not Readiness.READY:
            colour = STATE_COLOUR[cell.state]
            parts.append(
                f"[${colour}]{family.id} {cell.state.symbol}[/] {literal(cell.why(knowledge))}"
            )
    return "  ·  ".join(parts) or "[$readable-muted]Every muscle family is ready on this day.[/]"


def cell_text(family_id: str, cell: ReadinessCell, width: int) -> str:
    """``chest .`` in ``width`` cells: the name is cut short before the mark is (``ches .``,
    then ``.``), so a narrow column keeps every mark."""
    symbol = cell.state.symbol
    if width < 3:
        return symbol[: max(0, width)]
    name = min(5, width - 2)
    return f"{family_id[:name]:<{name}} {symbol}"


class DayReadiness(Widget):
    """One day's readiness: a line per muscle family."""

    DEFAULT_CSS = """
    DayReadiness {
        height: auto;
        /* None on the right: the column's margin (or the next column's padding) is the
           gap, and "chest ." fits a column of 8. */
        padding: 1 0 0 1;
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
        grid, index, _ = self._shown
        variables = self.app.theme_variables
        base = self.rich_style
        lines = []
        for family, row in zip(grid.families, grid.cells, strict=True):
            cell = row[index]
            style = base + Style(
                color=Color.parse(variables[STATE_COLOUR[cell.state]]).rich_color,
                bold=cell.state is Readiness.STRAINED,
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
        self._text = LEGEND

    def show_day(self, grid: ReadinessGrid, index: int, knowledge: KnowledgeBase) -> None:
        """The legend, and why the selected day's families are not ready."""
        text = f"{LEGEND}\n{why_line(grid, index, knowledge)}"
        if text != self._text:
            self._text = text
            self.update(text)
