"""The seven-day grid: one cell per day with weekday, date and what is planned."""

from __future__ import annotations

from collections.abc import Sequence

import pendulum
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Static

from rules import Activity

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
        self._state: tuple[object, ...] | None = None
        self.set_class(self.is_today, "-today")

    def show(
        self,
        day: pendulum.Date,
        activity: Activity | None,
        *,
        today: pendulum.Date,
        selected: bool,
        proposed: bool = False,
    ) -> None:
        """Restyle only when something about this day changed: one class change costs a
        stylesheet pass, and a key press touches one or two cells, not seven."""
        is_today = day == today
        state = (day, activity, is_today, selected, proposed)
        if state == self._state:
            return
        self._state = state
        self.day, self.activity, self.is_today = day, activity, is_today
        classes = {f"-{activity}" if activity else "-unplanned"}
        flags = (("-today", is_today), ("-selected", selected), ("-proposed", proposed))
        classes.update(name for name, on in flags if on)
        self.set_classes(classes)
        self.refresh()

    def render(self) -> str:
        activity = self.activity.upper() if self.activity else UNPLANNED
        today = "\n[$accent]today[/]" if self.is_today else ""
        return f"[b]{self.day:%a}[/b]\n{self.day.day} {self.day:%b}\n[b]{activity}[/b]{today}"

    def on_click(self) -> None:
        self.post_message(self.Clicked(self.index))


class WeekGrid(Horizontal):
    def __init__(self, days: Sequence[pendulum.Date], *, today: pendulum.Date) -> None:
        super().__init__()
        self._initial_days = tuple(days)
        self._today = today

    def compose(self) -> ComposeResult:
        for index, day in enumerate(self._initial_days):
            yield DayCell(index, day, today=self._today)

    def show(
        self,
        days: Sequence[tuple[pendulum.Date, Activity | None]],
        *,
        today: pendulum.Date,
        selected: int,
        proposed: bool = False,
    ) -> None:
        for cell, (day, activity) in zip(self.query(DayCell), days, strict=True):
            cell.show(
                day, activity, today=today, selected=cell.index == selected, proposed=proposed
            )
