"""The whole year at a glance: one row per ISO week, its days coloured by activity (and
named, for reading without colour), its score and its place in a training block ("2/4",
"4/4 deload"). Enter opens the week."""

from __future__ import annotations

from datetime import date

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from planner.block import BlockWeek
from planner.days import day_words
from planner.session import PlanningSession
from planner.weeks import FIRST_YEAR, LAST_YEAR, IsoWeek, weeks_in_year
from rules import Activity, PlannedDay
from screens import notices
from screens.colours import Colours
from screens.dialogs.base import DismissOnce


def year_words(day: PlannedDay) -> str:
    """What a day holds in at most 5 letters, so every week's row has the same width and a
    year fits 80 columns: its (first) kind, ``+`` when a second session follows
    (``legs+``). The week itself shows the rest."""
    if day.rest or not day.sessions:
        return day_words(day)
    return day.sessions[0].kind.value + ("+" if len(day.sessions) > 1 else "")


def date_span(first: date, last: date) -> str:
    """``16–22 Nov``, or ``30 Nov–6 Dec`` across two months."""
    if first.month == last.month:
        return f"{first.day}–{last.day} {last:%b}"
    return f"{first.day} {first:%b}–{last.day} {last:%b}"


def block_cell(mark: BlockWeek | None) -> str:
    """A week's place in a training block, in words (no colour needed): ``1/4``, ``4/4
    deload``; empty for a week in no block."""
    if mark is None:
        return ""
    return f"{mark.number}/{mark.weeks}" + (" deload" if mark.deload else "")


class YearScreen(DismissOnce, Screen[IsoWeek | None]):
    CSS_PATH = "year_screen.tcss"
    BINDINGS = [
        Binding("enter", "open_week", "Open week"),
        Binding("left_square_bracket", "year(-1)", "Prev year", key_display="["),
        Binding("right_square_bracket", "year(1)", "Next year", key_display="]"),
        Binding("escape,y", "close", "Back to the week", key_display="esc"),
    ]

    def __init__(self, session: PlanningSession) -> None:
        super().__init__()
        self.session = session
        self.year = session.week.year

    def compose(self) -> ComposeResult:
        yield Static(id="year-title")
        # No padding of Textual's: each cell brings its own space, so a year fits 80
        # columns with the week's days side by side, its score and its block.
        yield DataTable(cursor_type="row", zebra_stripes=False, cell_padding=0, id="year-table")
        yield Footer()

    def on_mount(self) -> None:
        self.show_year(self.session.week)

    def _styles(self) -> dict[Activity, Style]:
        """The week grid's activity colours, made solid for the table's cells."""
        colours = Colours.from_variables(self.app.theme_variables)
        foreground = self.app.theme_variables["foreground"]
        return {
            activity: Style(bgcolor=colours.solid(activity).hex, color=foreground, bold=True)
            for activity in Activity
        }

    def show_year(self, focus: IsoWeek) -> None:
        styles = self._styles()
        table = self.query_one(DataTable)
        table.clear(columns=True)
        first_dates = self.session.plan_for(IsoWeek(self.year, 1)).dates
        table.add_columns(
            " Week", " Dates", *(f" {day:%a}" for day in first_dates), " Score", " Block"
        )
        blocks = self.session.blocks_between(
            IsoWeek(self.year, 1), IsoWeek(self.year, weeks_in_year(self.year))
        )
        planned_weeks = 0
        for number in range(1, weeks_in_year(self.year) + 1):
            week = IsoWeek(self.year, number)
            judged = self.session.judge(week)
            plan = judged.plan
            days = [
                Text(f" {year_words(held):<5}", style=styles[held.activity])
                if held.activity is not None
                else Text("  ·   ")
                for held in plan.days
            ]
            score = "—" if plan.is_empty else str(judged.evaluation.score)
            planned_weeks += not plan.is_empty
            table.add_row(
                f" W{number:02d}",
                f" {date_span(plan.dates[0], plan.dates[-1])}",
                *days,
                f" {score}",
                f" {block_cell(blocks.get(week))}",
                key=str(week),
            )
        self.query_one("#year-title", Static).update(
            f"[b]{self.year}[/b]  ·  {weeks_in_year(self.year)} weeks, {planned_weeks} planned"
            "  ·  enter opens a week"
        )
        if focus.year == self.year:
            table.move_cursor(row=focus.week - 1, animate=False)
        table.focus()

    def action_year(self, step: int) -> None:
        year = self.year + step
        if not FIRST_YEAR <= year <= LAST_YEAR:
            notices.show(self, notices.year_edge(self.year, last=step > 0))
            return
        self.year = year
        self.show_year(IsoWeek(self.year, 1))

    def action_open_week(self) -> None:
        table = self.query_one(DataTable)
        self.dismiss(IsoWeek(self.year, table.cursor_row + 1))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_week()

    def action_close(self) -> None:
        self.dismiss(None)
