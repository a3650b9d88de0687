"""The load screen's cells and its week's details as Rich text, from a week's figures and
the theme's colours: planned and done load as two bars in one row, hard sessions per family
as a heat map, the caution's mark.

Bars are half blocks: the upper half of a cell is the planned load, the lower half the
done load, so the two stand side by side in one table row, on one scale for the weeks
shown, and every week's pair lines up with its figures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.color import Color

from planner.load_weeks import LoadedWeek
from planner.weeks import FirstWeekday, shown_dates

# Where no figure can be given (nothing logged, an even week, no load before it).
NONE = "—"
JUMP = "▲"
# The heat of 0, 1, 2, 3+ hard sessions: how much of the error colour lies over the cell.
HEAT = (0.0, 0.35, 0.6, 0.85)
# Daily loads in eighths, lowest first.
SPARKS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class LoadColours:
    """The colours the cells are drawn in, resolved once per theme."""

    planned: str
    done: str
    jump: str
    muted: str
    heat: tuple[Style, ...]

    @classmethod
    def from_variables(cls, variables: Mapping[str, str]) -> LoadColours:
        background = Color.parse(variables["background"])
        error = Color.parse(variables["error"])
        foreground = variables["foreground"]
        heat = tuple(
            Style(color=foreground, bgcolor=background.blend(error, alpha).hex) for alpha in HEAT
        )
        return cls(
            planned=variables["primary"],
            done=variables["readable-success"],
            jump=variables["readable-warning"],
            muted=variables["readable-muted"],
            heat=heat,
        )


def bar_scale(rows: Sequence[LoadedWeek]) -> int:
    """The load a full bar stands for: the most any week shown planned or did."""
    return max((max(row.figures.planned, row.figures.done or 0) for row in rows), default=0)


def _cells(value: int | None, scale: int, width: int) -> int:
    if not value or not scale:
        return 0
    return max(1, round(value / scale * width))


def load_bars(row: LoadedWeek, scale: int, width: int, colours: LoadColours) -> Text:
    """Planned on the upper half of the cells, done on the lower half."""
    planned = _cells(row.figures.planned, scale, width)
    done = _cells(row.figures.done, scale, width)
    bars = Text()
    for cell in range(width):
        top, bottom = cell < planned, cell < done
        if top:
            bars.append("▀", Style(color=colours.planned, bgcolor=colours.done if bottom else None))
        elif bottom:
            bars.append("▄", Style(color=colours.done))
        else:
            bars.append(" ")
    return bars


def hard_cells(row: LoadedWeek, colours: LoadColours) -> Text:
    """One cell per family: its hard sessions, on a background as warm as they are many."""
    cells = Text()
    for index, (_, count) in enumerate(row.figures.hard):
        if index:
            cells.append(" ")
        style = colours.heat[min(count, len(colours.heat) - 1)]
        cells.append(str(count) if count else "·", style if count else Style(color=colours.muted))
    return cells


def week_label(row: LoadedWeek, first: FirstWeekday, colours: LoadColours, wide: bool) -> Text:
    """``▲W45 2 Nov`` (a jump marked), or wide, ``2026-W45  2 Nov – 8 Nov``."""
    dates = shown_dates(row.week, first)
    start = f"{dates[0].day} {dates[0]:%b}"
    if wide:
        words = f"{row.week}  {start} – {dates[-1].day} {dates[-1]:%b}"
    else:
        words = f"W{row.week.week:02d} {start}"
    label = Text()
    label.append(JUMP if row.caution is not None else " ", Style(color=colours.jump, bold=True))
    label.append(words)
    return label


def figure(
    value: float | int | None, jump: bool = False, colours: LoadColours | None = None
) -> Text:
    if value is None:
        return Text(NONE, justify="right")
    words = f"{value:.2f}" if isinstance(value, float) else str(value)
    style = Style(color=colours.jump, bold=True) if jump and colours is not None else ""
    return Text(words, style=style, justify="right")


def sparks(daily: Sequence[int]) -> str:
    """The seven days' loads as small bars (an empty day: a space)."""
    top = max(daily, default=0)
    if not top:
        return " " * len(daily)
    return "".join(
        SPARKS[min(len(SPARKS) - 1, value * len(SPARKS) // top)] if value else " "
        for value in daily
    )


def week_details(row: LoadedWeek, first: FirstWeekday, colours: LoadColours) -> Text:
    """The selected week in words: its dates and block, its load as it stands, each figure,
    and the caution with its source."""
    figures = row.figures
    dates = shown_dates(row.week, first)
    days = f"{dates[0]:%a}–{dates[-1]:%a}"
    head = f"{row.week} · {dates[0].day} {dates[0]:%b} – {dates[-1].day} {dates[-1]:%b %Y}"
    if row.block is not None:
        head += f" · block from {row.block.start}: {row.block.label}"
    done = NONE if figures.done is None else str(figures.done)
    hard = " ".join(f"{family} {count}" for family, count in figures.hard)
    text = Text()
    text.append(head, "bold")
    text.append(
        f"\nLoad {figures.load} as it stands (planned {figures.planned}, done {done}) · {days} "
    )
    text.append(sparks(figures.daily), Style(color=colours.planned))
    text.append(
        f"\nHard: {hard} · monotony {_words(figures.monotony)} · strain "
        f"{_words(figures.strain)} · ratio {_words(figures.ratio)}"
    )
    if row.caution is not None:
        text.append(f"\n{JUMP} ", Style(color=colours.jump, bold=True))
        text.append(f"{row.caution.text}. ")
        text.append(f"[{row.caution.source.citation}]", Style(color=colours.muted))
    return text


def _words(value: float | int | None) -> str:
    if value is None:
        return NONE
    return f"{value:.2f}" if isinstance(value, float) else str(value)
