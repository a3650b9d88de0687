"""Readiness under the grid: per muscle family, for each shown day, how recovered it is at
the start of that day (the 48 h guideline and the loads in rules/). One column per day,
aligned with the day cells, so a dense stretch of the week stands out at a glance."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from planner.readiness import Readiness, ReadinessGrid, is_strained
from rules import KnowledgeBase
from screens.text_block import TextBlock

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


def render_day(grid: ReadinessGrid, column: int, knowledge: KnowledgeBase) -> str:
    lines = []
    for family, row in zip(grid.families, grid.cells, strict=True):
        cell = row[column]
        style = STATE_STYLE[cell.state]
        if is_strained(cell, knowledge):  # the dense spots of the week
            style += " reverse"
        lines.append(f"[{style}]{family.id:<5} {cell.state.symbol}[/]")
    return "\n".join(lines)


class ReadinessStrip(Horizontal):
    def compose(self) -> ComposeResult:
        for index in range(7):
            yield TextBlock(classes="readiness-day", id=f"readiness-{index}")

    def show(self, grid: ReadinessGrid, knowledge: KnowledgeBase) -> None:
        for index, column in enumerate(self.query(".readiness-day").results(TextBlock)):
            column.show(render_day(grid, index, knowledge))


class ReadinessLegend(Static):
    def __init__(self) -> None:
        super().__init__(LEGEND)
