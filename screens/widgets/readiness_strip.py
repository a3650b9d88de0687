"""Readiness under each day: per muscle family, how recovered it is at the start of that
day (the rules' one recovery model: each session's loads and recovery hours), so a dense
stretch of the week stands out at a glance. The grid (:mod:`screens.widgets.week_grid`)
draws each day's marks under its cell; here are their words, colours and legend.
"""

from __future__ import annotations

from planner.readiness import Readiness, ReadinessCell, ReadinessGrid
from rules import KnowledgeBase
from screens.text import literal
from screens.view_state import WeekViewState
from screens.widgets.text_block import TextBlock, parse_markup

# Variable of each state's colour (readable text: see screens/colours.py).
STATE_COLOUR = {
    Readiness.READY: "readable-success",
    Readiness.RECOVERING: "readable-warning",
    Readiness.STRAINED: "readable-error",
}
# After a cell's symbol: what a check-in reported, not what the hours computed.
REPORTED = "*"
# The marks the strip draws: one symbol per state, in its colour; and the reported mark,
# in a week that has one (REPORTED_LEGEND).
LEGEND = "[b]Readiness[/b] each morning:  " + "  ".join(
    f"[${STATE_COLOUR[state]}]{state.symbol} {state.label}[/]" for state in Readiness
)
REPORTED_LEGEND = f"{LEGEND}  [b]{REPORTED}[/b] reported"


def legend_of(grid: ReadinessGrid) -> str:
    """The legend for ``grid``: with the reported mark when a cell has it."""
    reported = any(cell.reported is not None for row in grid.cells for cell in row)
    return REPORTED_LEGEND if reported else LEGEND


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
    """``chest .`` in ``width`` cells, ``legs !*`` when a check-in reported it: the name
    is cut short before the marks are (``ches .``, then ``.``), so a narrow column keeps
    every mark."""
    symbol = cell.state.symbol + (REPORTED if cell.reported is not None else "")
    if width < len(symbol) + 2:
        return symbol[: max(0, width)]
    name = min(5, width - len(symbol) - 1)
    return f"{family_id[:name]:<{name}} {symbol}"


class ReadinessLegend(TextBlock):
    """The legend, and under it why the selected day's families are not ready. As tall as
    the longest why line of the week's seven days: moving the selection only repaints it,
    with no new layout of the screen."""

    DEFAULT_CSS = """
    ReadinessLegend {
        padding: 1 1 0 2;
        color: $readable-muted;
    }
    """

    def __init__(self) -> None:
        super().__init__(LEGEND)
        self._state: WeekViewState | None = None
        # (readiness, knowledge, width) -> each day's text, padded to the week's tallest; an
        # edit that leaves the readiness as it was wraps nothing again.
        self._texts: tuple[tuple[object, ...], tuple[str, ...]] | None = None
        self._version: int | None = None  # of the view the texts were last checked for

    def show_state(self, state: WeekViewState) -> None:
        """The selected day's why line (past the end of the week, the last day's)."""
        self._state = state
        index = min(state.typing.selected, len(state.plan.days) - 1)
        self.show(self._week_texts(state)[index])

    def _week_texts(self, state: WeekViewState) -> tuple[str, ...]:
        width = self.content_region.width
        grid, knowledge = state.judged.readiness, state.knowledge
        key = (grid, knowledge, width)
        kept = self._texts
        same_view = state.version == self._version and kept is not None and kept[0][2] == width
        self._version = state.version
        if kept is None or (not same_view and kept[0] != key):
            legend = legend_of(grid)
            texts = [f"{legend}\n{why_line(grid, day, knowledge)}" for day in range(7)]
            heights = [len(parse_markup(text).wrap(width)) if width > 0 else 0 for text in texts]
            tallest = max(heights)
            padded = tuple(
                text + "\n" * (tallest - height)
                for text, height in zip(texts, heights, strict=True)
            )
            kept = self._texts = (key, padded)
        return kept[1]

    def on_resize(self) -> None:
        if self._state is not None:  # the why lines wrap anew
            self.show_state(self._state)
