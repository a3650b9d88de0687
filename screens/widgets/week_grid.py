"""The seven-day grid: one column per day, holding the day's cell (weekday, date, what is
planned, in a frame that says selected / today / proposed) and, under it, the day's
readiness: each muscle family at the start of the day.

One widget draws all seven columns with Textual's Line API. The grid changes on nearly
every key press, and as 21 widgets (a cell, a readiness strip and a column around them, for
each day) it cost more to draw than the whole advice panel: Textual styles and composes each
widget on its own. Here each column's lines are rendered once per state and width and kept,
so a move of the selection renders two columns' lines, and the rest is joining them.

Past the end of the week (typing finished it) no day is selected, and an arrow after the
last day says where the selection rests.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import pendulum
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.color import Color
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual
from textual.widget import Widget

from planner.log import Status
from planner.readiness import Readiness, ReadinessCell, ReadinessGrid
from rules import PlannedDay
from screens.colours import Border, Colours
from screens.view_state import WeekViewState
from screens.widgets.kept_lines import KeptLines
from screens.widgets.readiness_strip import STATE_COLOUR, cell_text
from screens.widgets.text_block import parse_markup

UNPLANNED = "—"
TODAY = "[$readable-accent]today[/]"

# Where a cell is too narrow for the whole word (5 columns at 60x20, 7 at 120x36).
SHORT_ATTRIBUTE = {"intervals": "intv.", "moderate": "mod."}
RELATION = {False: "apart", True: "together"}  # two sessions: at least 6 h apart, or not

# A cell's rows, frame included: a week of plain single sessions needs fewer, and a low
# terminal writes the weekday and the date on one line.
PLAIN_CELL_HEIGHT = 6
SESSIONS_CELL_HEIGHT = 8
# Where the selection rests past the end of the week: after the last day's cell.
PAST_END_MARK = "▶"
# The frame of a cell, as Textual draws its borders of the same names.
FRAMES = {
    "round": (("╭", "─", "╮"), ("│", " ", "│"), ("╰", "─", "╯")),
    "heavy": (("┏", "━", "┓"), ("┃", " ", "┃"), ("┗", "━", "┛")),
    "dashed": (("┏", "╍", "┓"), ("╏", " ", "╏"), ("┗", "╍", "┛")),
}


def shows_attributes(days: Sequence[PlannedDay]) -> bool:
    """Whether a week needs its cells to spell attributes: some session is not at its
    defaults, or some day holds two sessions."""
    return any(
        len(day.sessions) > 1 or not all(session.is_default for session in day.sessions)
        for day in days
    )


Line = tuple[str, str]  # (markup, the plain text whose length is its width)


def _session_lines(day: PlannedDay, *, split: bool, short: bool, width: int) -> list[Line]:
    lines: list[Line] = []
    for number, session in enumerate(day.sessions):
        joiner = "" if number == 0 else ("& " if day.together else "+ ")
        kind = session.kind.upper()
        if len(joiner) + len(kind) > width:
            joiner = joiner.strip()
        word = session.attribute.value
        if short:
            word = SHORT_ATTRIBUTE.get(word, word)
        head = (f"{joiner}[b]{kind}[/b]", f"{joiner}{kind}")
        if split:
            lines.extend((head, (word, word)))
        else:
            lines.append((f"{head[0]} {word}", f"{head[1]} {word}"))
    return lines


@functools.lru_cache(maxsize=2048)
def held_lines(
    day: PlannedDay, width: int = 80, room: int = 4, *, attributes: bool = True
) -> tuple[str, ...]:
    """What a cell says a day holds, in at most ``room`` lines of ``width``: ``LEGS heavy``,
    then ``+ RUN easy`` for a second session apart or ``& PULL moderate`` for one back to
    back, and ``apart`` or ``together`` under them; ``REST``; a dash if unplanned. Words, so
    it reads without colour. Where that does not fit, the attribute goes under its kind,
    the last line goes, then long attributes are shortened (``mod.``, ``intv.``); without
    ``attributes`` (a week of default single sessions) only the kind."""
    if day.rest:
        return ("[b]REST[/b]",)
    if not day.sessions:
        return (UNPLANNED,)
    if not attributes:
        return tuple(f"[b]{session.kind.upper()}[/b]" for session in day.sessions)
    relation = [(RELATION[day.together],) * 2] if len(day.sessions) > 1 else []
    forms = [
        _session_lines(day, split=split, short=short, width=width) + tail
        for split, short, tail in (
            (False, False, relation), (False, False, []), (True, False, relation),
            (True, False, []), (False, True, []), (True, True, []),
        )
    ]  # fmt: skip
    fitting = (
        form for form in forms if len(form) <= room and all(len(p) <= width for _, p in form)
    )
    chosen = next(fitting, forms[-1])  # nothing fits: the shortest words, clipped
    return tuple(markup for markup, _ in chosen)


def cell_markup(
    day: pendulum.Date,
    planned: PlannedDay,
    width: int,
    height: int,
    *,
    today: bool,
    proposed: bool,
    attributes: bool,
    one_line_head: bool = False,
    status: Status | None = None,
) -> str:
    """What a cell ``width`` x ``height`` (inside its frame) says: the weekday, the date (on
    one line with ``one_line_head``) and what the day holds, one line each, never wrapped;
    "today" where there is room; and for a logged day how it went, in words and a mark
    (``✓ done``, ``✗ skipped``, ``~ changed``, ``½ partly``), readable without colour."""
    head = 1 if one_line_head else 2
    room = max(1, height - head)  # under the weekday and the date
    own_line = status is not None and room > 1
    held = held_lines(planned, width, room - own_line, attributes=attributes)
    if own_line and len(held) > room - 1:  # the day needs every line: the mark by the date
        own_line = False
        held = held_lines(planned, width, room, attributes=attributes)
    if status is not None and own_line:
        # The mark and the word; where both do not fit, the word, else the mark.
        said = next(
            (
                form
                for form in (f"{status.mark} {status.value}", status.value)
                if len(form) <= width
            ),
            status.mark,
        )
        held = (*held, f"[b]{said}[/b]")
    weekday = f"[b]{day:%a}[/b]"
    date = f"{day.day} {day:%b}"
    if len(date) > width or one_line_head:  # never wrapped: the month is in the title
        date = str(day.day)
    if today:  # on a line of its own if there is one, else beside or as the date
        if len(held) < room:
            held = (*held, TODAY)
        elif not one_line_head and len(date) + 1 + len("today") <= width:
            date = f"{date} {TODAY}"
        else:
            date = TODAY
    if status is not None and not own_line:  # beside the date, where "today" would go
        date = f"{date} {status.mark}" if len(date) + 2 <= width else status.mark
    if one_line_head and len(f"{day:%a} ") + Content.from_markup(date).cell_length <= width:
        lines: tuple[str, ...] = (f"{weekday} {date}",)
    elif one_line_head:
        lines = (date,)
    else:
        lines = (weekday, date)
    text = "\n".join((*lines, *held))
    if not planned.is_planned:
        text = f"[$readable-muted]{text}[/]"
    return f"[i]{text}[/]" if proposed else text


def column_spans(width: int, gap: int) -> list[tuple[int, int]]:
    """(x, width) of the seven columns in ``width`` cells, each followed by ``gap``; the
    cells left are shared as Textual shares ``1fr`` (the first columns get less)."""
    room = max(0, width - 7 * gap)
    edges = [room * n // 7 for n in range(8)]
    return [(edges[n] + n * gap, edges[n + 1] - edges[n]) for n in range(7)]


@dataclass(frozen=True, slots=True)
class CellState:
    """Everything a column's cell is drawn from."""

    day: pendulum.Date
    planned: PlannedDay
    is_today: bool
    selected: bool
    proposed: bool
    attributes: bool
    status: Status | None = None  # how a logged day went against its plan


class WeekGrid(Widget):
    """The seven days. What is planned is always written in words; its colour only repeats
    it. ``show`` and ``show_readiness`` repaint only the columns that changed."""

    DEFAULT_CSS = """
    WeekGrid {
        height: auto;
        padding: 1 0 0 1;
        color: $foreground;
        text-align: center;
    }
    """

    class Clicked(Message):
        """A day's column was clicked."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(
        self, days: Sequence[pendulum.Date], *, today: pendulum.Date, families: int
    ) -> None:
        super().__init__()
        # The readiness rows under the cells: one per muscle family of the knowledge base.
        self._families = families
        self._states = tuple(
            CellState(day, PlannedDay.UNPLANNED, day == today, False, False, False) for day in days
        )
        self._past_end = False
        # The readiness shown, and the version of the view it is from.
        self._readiness: ReadinessGrid | None = None
        self._readiness_version: int | None = None
        self._colours: Colours | None = None
        # Spacing, as the terminal's size allows (:meth:`fit`).
        self._gap = 1
        self._readiness_gap = 1
        self._one_line_head = False
        # A column's cell lines by what they are drawn from, kept for every state shown
        # lately: moving the selection back and forth draws nothing again.
        self._cells: KeptLines[tuple[int, CellState, int, int, bool], list[Strip]]
        self._cells = KeptLines(128)
        # A column's readiness marks by what they say and their width: an edit draws again
        # only the columns whose readiness changed.
        self._marks: KeptLines[tuple[tuple[ReadinessCell, ...], int], list[Strip]]
        self._marks = KeptLines(64)
        self._base: RichStyle | None = None  # the grid's own style, once per theme

    # -- what it shows ---------------------------------------------------------------------

    @property
    def states(self) -> tuple[CellState, ...]:
        return self._states

    @property
    def past_end(self) -> bool:
        return self._past_end

    @property
    def cell_height(self) -> int:
        """Rows of a cell, its frame included."""
        attributes = any(state.attributes for state in self._states)
        height = SESSIONS_CELL_HEIGHT if attributes else PLAIN_CELL_HEIGHT
        return height - self._one_line_head

    def show_state(self, state: WeekViewState) -> None:
        """The days, the selection and the readiness of ``state``."""
        plan, today, selected = state.plan, state.today, state.typing.selected
        attributes = shows_attributes(plan.days)
        logs = state.judged.logs
        states = tuple(
            CellState(
                day,
                held,
                day == today,
                index == selected,
                state.proposed,
                attributes,
                logs[day].status(held) if day in logs else None,
            )
            for index, (day, held) in enumerate(plan.dated_days)
        )
        if state.version != self._readiness_version:  # a move leaves the readiness as it is
            self._readiness_version = state.version
            if state.judged.readiness != self._readiness:
                self._readiness = state.judged.readiness
                top = self.cell_height  # the rows under the cells, in content coordinates
                width, height = self.size
                self.refresh(Region(0, top, width, max(0, height - top)))
        past_end = state.typing.past_end
        if states == self._states and past_end == self._past_end:
            return
        height = self.cell_height
        self._states, self._past_end = states, past_end
        if self.cell_height != height:
            self.refresh(layout=True)
        else:  # the cells' rows only: the readiness under them is as it was
            self.refresh(Region(0, 0, self.size.width, height))  # content coordinates

    def fit(self, *, compact: bool, low: bool) -> None:
        """Spacing for the terminal's size: no gap between the columns when ``compact``,
        none above the readiness and the weekday and date on one line when ``low``."""
        gap, readiness_gap = int(not compact), int(not low)
        if (gap, readiness_gap, low) != (self._gap, self._readiness_gap, self._one_line_head):
            self._gap, self._readiness_gap, self._one_line_head = gap, readiness_gap, low
            self.refresh(layout=True)

    def cell_text(self, index: int) -> str:
        """The markup drawn in day ``index``'s cell, at its size."""
        _, width, height = self._cell_box(index)
        state = self._states[index]
        return cell_markup(
            state.day, state.planned, width, height, today=state.is_today,
            proposed=state.proposed, attributes=state.attributes,
            one_line_head=self._one_line_head, status=state.status,
        )  # fmt: skip

    def cell_size(self, index: int) -> Size:
        """The size inside day ``index``'s frame."""
        _, width, height = self._cell_box(index)
        return Size(width, height)

    def column_region(self, index: int) -> Region:
        """Where day ``index``'s column is on the screen."""
        x, width = column_spans(self.content_region.width, self._gap)[index]
        content = self.content_region
        return Region(content.x + x, content.y, width, self.content_region.height)

    def border_of(self, index: int) -> Border:
        state = self._states[index]
        return self.colours.cell_border(
            today=state.is_today, selected=state.selected, proposed=state.proposed
        )

    def background_of(self, index: int) -> Color:
        state = self._states[index]
        return self.colours.cell_background(state.planned.activity, proposed=state.proposed)

    # -- drawing ---------------------------------------------------------------------------

    @property
    def colours(self) -> Colours:
        if self._colours is None:
            self._colours = Colours.from_variables(self.app.theme_variables)
        return self._colours

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        self._forget_lines()

    def notify_style_update(self) -> None:
        """The theme or styles changed: the kept lines hold the old colours."""
        super().notify_style_update()
        self._forget_lines()

    def _forget_lines(self) -> None:
        self._colours = None
        self._base = None
        self._cells.clear()
        self._marks.clear()
        self.refresh()

    @property
    def _base_style(self) -> RichStyle:
        if self._base is None:
            self._base = self.rich_style
        return self._base

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Known before the first week is shown: no second layout.
        return self.cell_height + self._readiness_gap + self._families

    def _cell_box(self, index: int) -> tuple[int, int, int]:
        """x, and the width and height inside the frame, of day ``index``'s cell."""
        x, width = column_spans(self.content_region.width, self._gap)[index]
        return x, max(0, width - 2), self.cell_height - 2

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        base = self._base_style
        spans = column_spans(width, self._gap)
        cell_height = self.cell_height
        pieces: list[Strip] = []
        for index, (_, column_width) in enumerate(spans):
            if y < cell_height:
                lines = self._cell_lines(index, column_width, cell_height)
            else:
                lines = self._readiness_lines(index, column_width)
            row = y - cell_height - self._readiness_gap if y >= cell_height else y
            if 0 <= row < len(lines):
                pieces.append(lines[row])
            else:
                pieces.append(Strip.blank(column_width, base))
            if self._gap:
                pieces.append(Strip.blank(self._gap, base))
        if self._past_end and self._gap and y == cell_height // 2:
            # In the gap after the last day: the selection rests past the end.
            colour = self.colours.selected.rich_color
            pieces[-1] = Strip([Segment(PAST_END_MARK, base + RichStyle(color=colour))], 1)
        return Strip.join(pieces).extend_cell_length(width, base)

    def _cell_lines(self, index: int, width: int, height: int) -> list[Strip]:
        key = (index, self._states[index], width, height, self._one_line_head)
        return self._cells.get(key, lambda: self._draw_cell(index, width, height))

    def _draw_cell(self, index: int, width: int, height: int) -> list[Strip]:
        if width < 2 or height < 2:
            return [Strip.blank(width, self._base_style)] * height
        inner_width, inner_height = width - 2, height - 2
        background = self.background_colors[1] + self.background_of(index)
        edge, edge_colour = self.border_of(index)
        frame_style = RichStyle(color=edge_colour.rich_color, bgcolor=background.rich_color)
        (top_left, top, top_right), (left, _, right), (bottom_left, bottom, bottom_right) = FRAMES[
            edge
        ]
        text = parse_markup(self.cell_text(index))
        style = self.visual_style + Style(background=background)
        inside = Visual.to_strips(self, text, inner_width, inner_height, style, pad=True)
        blank = Strip.blank(inner_width, style.rich_style)
        inside += [blank] * (inner_height - len(inside))
        side = (Strip([Segment(left, frame_style)], 1), Strip([Segment(right, frame_style)], 1))
        return [
            Strip([Segment(top_left + top * inner_width + top_right, frame_style)], width),
            *(
                Strip.join((side[0], line.crop_extend(0, inner_width, style.rich_style), side[1]))
                for line in inside
            ),
            Strip([Segment(bottom_left + bottom * inner_width + bottom_right, frame_style)], width),
        ]

    def _readiness_lines(self, index: int, width: int) -> list[Strip]:
        grid = self._readiness
        if grid is None:
            return []
        cells = tuple(row[index] for row in grid.cells)
        return self._marks.get((cells, width), lambda: self._draw_readiness(grid, cells, width))

    def _draw_readiness(
        self, grid: ReadinessGrid, cells: tuple[ReadinessCell, ...], width: int
    ) -> list[Strip]:
        """A line per muscle family, ``chest .``, after a column of padding."""
        variables = self.app.theme_variables
        base = self._base_style
        text_width = max(0, width - 1)
        lines = []
        for family, cell in zip(grid.families, cells, strict=True):
            style = base + RichStyle(
                color=Color.parse(variables[STATE_COLOUR[cell.state]]).rich_color,
                bold=cell.state is Readiness.STRAINED,
            )
            text = cell_text(family.id, cell, text_width)
            strip = Strip([Segment(" ", base), Segment(text, style)], 1 + len(text))
            lines.append(strip.crop_extend(0, width, base))
        return lines

    def readiness_text(self, index: int) -> list[str]:
        """Day ``index``'s readiness lines, as drawn, in plain text."""
        _, width = column_spans(self.content_region.width, self._gap)[index]
        return [line.text for line in self._readiness_lines(index, width)]

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for index, (x, width) in enumerate(column_spans(self.content_region.width, self._gap)):
            if x <= offset.x < x + width:
                self.post_message(self.Clicked(index))
                return
