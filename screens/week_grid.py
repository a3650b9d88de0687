"""The seven-day grid: one cell per day with weekday, date and what is planned."""

from __future__ import annotations

import pendulum
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static


class DayCell(Static):
    """One day: weekday name, date and activity, with today marked in words and colour."""

    def __init__(self, day: pendulum.Date, *, today: pendulum.Date) -> None:
        super().__init__()
        self.day = day
        self.is_today = day == today
        self.set_class(self.is_today, "-today")

    def render(self) -> str:
        weekday = self.day.format("dddd")
        date = self.day.format("D MMM")
        marker = "today" if self.is_today else ""
        return f"[b]{weekday}[/b]\n{date}\n{marker}\n\n[dim]unplanned[/dim]"


class WeekGrid(Horizontal):
    def __init__(self, days: tuple[pendulum.Date, ...], *, today: pendulum.Date) -> None:
        super().__init__()
        self.days = days
        self.today = today

    def compose(self) -> ComposeResult:
        for day in self.days:
            yield DayCell(day, today=self.today)
