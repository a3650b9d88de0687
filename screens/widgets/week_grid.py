"""The seven-day grid: one cell per day with weekday, date and what is planned."""

from __future__ import annotations

from collections.abc import Sequence

import pendulum
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.geometry import Region
from textual.message import Message
from textual.widgets import Static

from rules import Activity
from screens.colours import Colours

UNPLANNED = "—"


class DayCell(Static):
    """One day. The activity is always written in words; its colour only repeats it."""

    class Clicked(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, index: int, day: pendulum.Date, *, today: pendulum.Date) -> None:
        super().__init__(id=f"day-{index}")
        self.index = index
        self.day = day
        self.is_today = day == today
        self.activity: Activity | None = None
        self.selected = False
        self.proposed = False
        self._state: tuple[object, ...] | None = None

    def show(
        self,
        day: pendulum.Date,
        activity: Activity | None,
        *,
        today: pendulum.Date,
        selected: bool,
        proposed: bool,
        colours: Colours,
    ) -> None:
        """Restyle and repaint only when something about this day changed: a key press
        touches one or two cells, not seven."""
        is_today = day == today
        state = (day, activity, is_today, selected, proposed, colours)
        if state == self._state:
            return
        self._state = state
        self.day, self.activity, self.is_today = day, activity, is_today
        self.selected, self.proposed = selected, proposed
        self.styles.background = colours.cell_background(activity, proposed=proposed)
        self.styles.border = colours.cell_border(
            today=is_today, selected=selected, proposed=proposed
        )
        self.refresh()

    def render(self) -> str:
        activity = self.activity.upper() if self.activity else UNPLANNED
        today = "\n[$accent]today[/]" if self.is_today else ""
        text = f"[b]{self.day:%a}[/b]\n{self.day.day} {self.day:%b}\n[b]{activity}[/b]{today}"
        if self.activity is None:
            text = f"[$foreground-muted]{text}[/]"
        return f"[i]{text}[/]" if self.proposed else text

    def on_click(self) -> None:
        self.post_message(self.Clicked(self.index))


class WeekGrid(Horizontal):
    def __init__(self, days: Sequence[pendulum.Date], *, today: pendulum.Date) -> None:
        super().__init__()
        self._initial_days = tuple(days)
        self._today = today
        self._shown: tuple[tuple[tuple[pendulum.Date, Activity | None], ...], int, bool] = (
            (),
            0,
            False,
        )
        self._colours: Colours | None = None

    def compose(self) -> ComposeResult:
        # Kept: restyled on every key press and measured on every paint of the strip below.
        self._cells = [
            DayCell(index, day, today=self._today) for index, day in enumerate(self._initial_days)
        ]
        yield from self._cells

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def day_regions(self) -> list[Region]:
        """Where each day's cell is on screen, for what lines up under the days."""
        return [cell.region for cell in self._cells]

    def _theme_changed(self, _theme: object) -> None:
        self._colours = None
        self._restyle()

    @property
    def colours(self) -> Colours:
        if self._colours is None:
            self._colours = Colours.from_variables(self.app.theme_variables)
        return self._colours

    def show(
        self,
        days: Sequence[tuple[pendulum.Date, Activity | None]],
        *,
        today: pendulum.Date,
        selected: int,
        proposed: bool = False,
    ) -> None:
        self._today = today
        self._shown = (tuple(days), selected, proposed)
        self._restyle()

    def _restyle(self) -> None:
        days, selected, proposed = self._shown
        if not days:  # nothing shown yet
            return
        colours = self.colours
        for cell, (day, activity) in zip(self._cells, days, strict=True):
            cell.show(
                day,
                activity,
                today=self._today,
                selected=cell.index == selected,
                proposed=proposed,
                colours=colours,
            )
