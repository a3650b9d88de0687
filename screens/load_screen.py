"""Load over weeks: 8 weeks before the shown week to 4 after it, one row each: planned and
done load as bars, the figures, hard sessions per family as a heat map, the block mark; a
jump in load marks its row. The selected week's details below; ``?`` says what each figure
is and where it comes from. Enter opens the week."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from planner.load_weeks import LoadedWeek, figure_lines, window_around
from planner.session import PlanningSession
from planner.weeks import IsoWeek, WeekError
from screens import notices
from screens.dialogs.base import DismissOnce
from screens.load_cells import (
    JUMP,
    LoadColours,
    bar_scale,
    figure,
    hard_cells,
    load_bars,
    week_details,
    week_label,
)

# How far [ and ] move the weeks shown.
STEP = 4
# From this width the week column names the year and both ends of the week.
WIDE = 110
# The columns beside the bars, in order (the bars come third).
HEADINGS = ("Week", "Block", "Plan", "Done", "c b l h", "Mono", "Strain", "Ratio")
MIN_BAR = 8
# From this height what the figures are shows under the week's details (at 120x36 it has
# the room; at 80x24 the details take it all, and ? says it).
NOTES_HEIGHT = 34


# The screen's keys; its help lists them after the figures.
LOAD_BINDINGS: list[Binding] = [
    Binding("enter", "open_week", "Open week", tooltip="Open the selected week"),
    Binding("left_square_bracket", "shift(-1)", "Earlier", key_display="[",
            tooltip=f"Show the weeks {STEP} earlier"),
    Binding("right_square_bracket", "shift(1)", "Later", key_display="]",
            tooltip=f"Show the weeks {STEP} later"),
    Binding("question_mark,f1", "explain", "Help", key_display="?",
            tooltip="What each figure is and where it comes from"),
    Binding("escape,w", "close", "Back", key_display="esc",
            tooltip="Back to the week screen (also w)"),
]  # fmt: skip


class LoadScreen(DismissOnce, Screen[IsoWeek | None]):
    CSS_PATH = "load_screen.tcss"
    BINDINGS = list(LOAD_BINDINGS)

    def __init__(self, session: PlanningSession) -> None:
        super().__init__()
        self.session = session
        self.first_week, self.last_week = window_around(session.week)
        self.rows: list[LoadedWeek] = []
        self._drawn_size = Size(0, 0)  # the size it was drawn for: redrawn when it changes

    def compose(self) -> ComposeResult:
        yield Static(id="load-title")
        yield DataTable(cursor_type="row", zebra_stripes=False, id="load-table")
        with VerticalScroll(id="load-week"):
            yield Static(id="load-details")
            yield Static(id="load-notes")
        yield Static(id="load-legend")
        yield Footer()

    def on_mount(self) -> None:
        self.rows = self.session.week_loads(self.first_week, self.last_week)
        self.draw(self.session.week)
        self.app.theme_changed_signal.subscribe(self, lambda _: self.draw(self.selected))

    def on_resize(self) -> None:
        if self.size != self._drawn_size:
            self.draw(self.selected)

    @property
    def selected(self) -> IsoWeek:
        table = self.query_one(DataTable)
        if not self.rows:
            return self.session.week
        return self.rows[min(table.cursor_row, len(self.rows) - 1)].week

    def draw(self, focus: IsoWeek) -> None:
        """The table for the weeks held, the cursor on ``focus`` (else the first week); the
        bars take the width the other columns leave."""
        colours = LoadColours.from_variables(self.app.theme_variables)
        self._drawn_size = self.size
        width = self.size.width
        first = self.session.first_weekday
        cells = [
            (
                week_label(row, first, colours, wide=width >= WIDE),
                Text(row.block_mark),
                figure(row.figures.planned),
                figure(row.figures.done),
                hard_cells(row, colours),
                figure(row.figures.monotony),
                figure(row.figures.strain),
                figure(row.figures.ratio, row.caution is not None, colours),
            )
            for row in self.rows
        ]
        widths = [
            max([len(heading), *(column.cell_len for column in column_cells)])
            for heading, *column_cells in zip(HEADINGS, *cells, strict=True)
        ]
        # Each column is padded by one cell on either side; one cell spare at the edge.
        bar = max(MIN_BAR, width - sum(widths) - 2 * (len(HEADINGS) + 1) - 1)
        scale = bar_scale(self.rows)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_column(HEADINGS[0])
        table.add_column(HEADINGS[1])
        table.add_column("Load", width=bar)
        for heading in HEADINGS[2:]:
            table.add_column(heading)
        for row, (label, block, *figures) in zip(self.rows, cells, strict=True):
            bars = load_bars(row, scale, bar, colours)
            table.add_row(label, block, bars, *figures, key=str(row.week))
        weeks = [row.week for row in self.rows]
        table.move_cursor(row=weeks.index(focus) if focus in weeks else 0, animate=False)
        table.focus()
        self.query_one("#load-title", Static).update(
            f"[b]Load over weeks[/b] (RPE x min) · {self.first_week} to {self.last_week} · "
            "enter opens a week"
        )
        self.query_one("#load-legend", Static).update(
            "▀ planned ▄ done · c b l h: hard sessions, chest back legs heart · ▲ load jump"
        )
        notes = self.query_one("#load-notes", Static)
        notes.update(Text("\n").join(Text(line) for line in figure_lines(self.session.knowledge)))
        notes.display = self.size.height >= NOTES_HEIGHT
        self._show_details()

    def _show_details(self) -> None:
        if not self.rows:
            return
        colours = LoadColours.from_variables(self.app.theme_variables)
        row = self.rows[min(self.query_one(DataTable).cursor_row, len(self.rows) - 1)]
        details = week_details(row, self.session.first_weekday, colours)
        self.query_one("#load-details", Static).update(details)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_details()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_week()

    def action_open_week(self) -> None:
        if self.rows:
            self.dismiss(self.selected)

    def action_shift(self, step: int) -> None:
        """Show the weeks STEP later (or earlier), the cursor on the same row."""
        row = self.query_one(DataTable).cursor_row
        try:
            first = self.first_week.shifted(step * STEP)
            last = self.last_week.shifted(step * STEP)
            rows = self.session.week_loads(first, last)
        except WeekError as error:
            notices.show(self, notices.load_edge(error))
            return
        self.first_week, self.last_week, self.rows = first, last, rows
        self.draw(rows[min(row, len(rows) - 1)].week)

    def action_explain(self) -> None:
        from screens.dialogs.help_dialog import HelpDialog

        # The figures as paragraphs above the keys: too long for the help's one-line rows.
        figures = [
            f"[b]{escape(name)}[/b]: {escape(words)}"
            for name, words in (
                *(line.split(": ", 1) for line in figure_lines(self.session.knowledge)),
                ("Block", "the week's place in a training block (B2/4), or deload: the "
                 "same days at a lower effort"),
                (JUMP, "the week's load is 1.5 or more times the four weeks before: a "
                 "caution to check the step up is meant, not a prediction"),
            )
        ]  # fmt: skip
        intro = "\n".join(
            [
                "[b]Load over weeks[/b]: each figure reads the week as it stands, what was "
                "done on the days logged and the plan on the others; the bars share one "
                "scale.\n",
                *figures,
            ]
        )
        rows = [(b.key_display or b.key, b.tooltip or b.description) for b in LOAD_BINDINGS]
        self.app.push_screen(HelpDialog(rows, intro))

    def action_close(self) -> None:
        self.dismiss(None)
