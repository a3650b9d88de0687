"""The seven-day grid: one column per day, holding the day's cell (weekday, date, what is
planned) and, under it, the day's readiness: each muscle family at the start of the day.

A column holds both, so readiness lines up with its day by layout, at any width.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import pendulum
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static

from planner.plan import DatedDay
from planner.readiness import ReadinessGrid
from rules import KnowledgeBase, PlannedDay
from screens.colours import Colours
from screens.widgets.readiness_strip import DayReadiness

UNPLANNED = "—"
TODAY = "[$readable-accent]today[/]"


# Where a cell is too narrow for the whole word (5 columns at 60x20, 7 at 120x36).
SHORT_ATTRIBUTE = {"intervals": "intv.", "moderate": "mod."}
RELATION = {False: "apart", True: "together"}  # two sessions: at least 6 h apart, or not


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


class DayCell(Static):
    """One day. What is planned is always written in words; its colour only repeats it."""

    DEFAULT_CSS = """
    DayCell {
        width: 1fr;
        height: 6;
        text-align: center;
        color: $foreground;
        /* Border and background follow the day's state: see screens/colours.py. */
    }
    """

    class Clicked(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, index: int, day: pendulum.Date, *, today: pendulum.Date) -> None:
        super().__init__(id=f"day-{index}")
        self.index = index
        self.day = day
        self.is_today = day == today
        self.planned = PlannedDay.UNPLANNED
        self.attributes = False
        self.selected = False
        self.proposed = False
        self._state: tuple[object, ...] | None = None

    def show(
        self,
        day: pendulum.Date,
        planned: PlannedDay,
        *,
        today: pendulum.Date,
        selected: bool,
        proposed: bool,
        colours: Colours,
        attributes: bool,
    ) -> None:
        """Restyle and repaint only when something about this day changed: a key press
        touches one or two cells, not seven."""
        is_today = day == today
        state = (day, planned, is_today, selected, proposed, colours, attributes)
        if state == self._state:
            return
        self._state = state
        self.day, self.planned, self.is_today = day, planned, is_today
        self.attributes = attributes
        self.selected, self.proposed = selected, proposed
        self.styles.background = colours.cell_background(planned.activity, proposed=proposed)
        self.styles.border = colours.cell_border(
            today=is_today, selected=selected, proposed=proposed
        )
        self.refresh()

    def render(self) -> str:
        width, height = self.content_region.size
        room = max(1, height - 2)  # under the weekday and the date
        held = held_lines(self.planned, width, room, attributes=self.attributes)
        date = f"{self.day.day} {self.day:%b}"
        if len(date) > width:  # never wrapped: the month is in the title
            date = str(self.day.day)
        if self.is_today:  # on a line of its own if there is one, else beside or as the date
            if len(held) < room:
                held = (*held, TODAY)
            elif len(date) + 1 + len("today") <= width:
                date = f"{date} {TODAY}"
            else:
                date = TODAY
        text = "\n".join((f"[b]{self.day:%a}[/b]", date, *held))
        if not self.planned.is_planned:
            text = f"[$readable-muted]{text}[/]"
        return f"[i]{text}[/]" if self.proposed else text

    def on_click(self) -> None:
        self.post_message(self.Clicked(self.index))


class DayColumn(Vertical):
    """A day's cell with its readiness under it."""

    DEFAULT_CSS = """
    DayColumn {
        width: 1fr;
        height: auto;
        margin: 0 1 0 0;
    }
    """


class WeekGrid(Horizontal):
    # Taller cells only for a week that holds attributes or two-session days: a plain week
    # keeps the smaller cells, which are cheaper to repaint on every key press.
    DEFAULT_CSS = """
    WeekGrid {
        height: auto;
        padding: 1 0 0 1;
    }
    WeekGrid.-sessions DayCell {
        height: 8;
    }
    """

    def __init__(self, days: Sequence[pendulum.Date], *, today: pendulum.Date) -> None:
        super().__init__()
        self._initial_days = tuple(days)
        self._today = today
        self._shown: tuple[tuple[DatedDay, ...], int, bool] = ((), 0, False)
        self._colours: Colours | None = None

    def compose(self) -> ComposeResult:
        # Kept: restyled on every key press.
        self._cells = [
            DayCell(index, day, today=self._today) for index, day in enumerate(self._initial_days)
        ]
        self._readiness = [DayReadiness() for _ in self._cells]
        for cell, readiness in zip(self._cells, self._readiness, strict=True):
            with DayColumn():
                yield cell
                yield readiness

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        self._colours = None
        self._restyle()

    @property
    def colours(self) -> Colours:
        if self._colours is None:
            self._colours = Colours.from_variables(self.app.theme_variables)
        return self._colours

    @property
    def cells(self) -> tuple[DayCell, ...]:
        return tuple(self._cells)

    @property
    def readiness_cells(self) -> tuple[DayReadiness, ...]:
        return tuple(self._readiness)

    def show(
        self,
        days: Sequence[DatedDay],
        *,
        today: pendulum.Date,
        selected: int,
        proposed: bool = False,
    ) -> None:
        self._today = today
        self._shown = (tuple(days), selected, proposed)
        self._restyle()

    def show_readiness(self, grid: ReadinessGrid, knowledge: KnowledgeBase) -> None:
        for index, readiness in enumerate(self._readiness):
            readiness.show(grid, index, knowledge)

    def _restyle(self) -> None:
        days, selected, proposed = self._shown
        if not days:  # nothing shown yet
            return
        colours = self.colours
        attributes = shows_attributes([planned for _, planned in days])
        self.set_class(attributes, "-sessions")  # a stylesheet pass only when it changes
        for cell, (day, planned) in zip(self._cells, days, strict=True):
            cell.show(
                day,
                planned,
                today=self._today,
                selected=cell.index == selected,
                proposed=proposed,
                colours=colours,
                attributes=attributes,
            )
