"""The week screen: the shown ISO week as seven days, navigable by week."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static

from planner.clock import Clock
from planner.weeks import IsoWeek
from screens.week_grid import WeekGrid


def week_title(week: IsoWeek) -> str:
    first, last = week.days[0], week.days[-1]
    return f"{week}  ·  {first.format('ddd D MMM')} – {last.format('ddd D MMM YYYY')}"


class WeekScreen(Screen[None]):
    CSS_PATH = "week_screen.tcss"
    BINDINGS = [
        Binding("left_square_bracket", "previous_week", "Prev week"),
        Binding("right_square_bracket", "next_week", "Next week"),
        Binding("t", "this_week", "This week"),
    ]

    week: reactive[IsoWeek] = reactive(IsoWeek(2000, 1), recompose=True)

    def __init__(self, *, clock: Clock, week: IsoWeek | None = None) -> None:
        super().__init__()
        self.clock = clock
        self.set_reactive(WeekScreen.week, week or IsoWeek.containing(clock.today()))

    def compose(self) -> ComposeResult:
        yield Static(week_title(self.week), id="week-title")
        yield WeekGrid(self.week.days, today=self.clock.today())
        yield Footer()

    def action_previous_week(self) -> None:
        self.week = self.week.previous()

    def action_next_week(self) -> None:
        self.week = self.week.next()

    def action_this_week(self) -> None:
        self.week = IsoWeek.containing(self.clock.today())
