"""The load screen (issue 26): w opens it on the weeks around the shown week, up and down
select a week, enter opens it, [ and ] move the weeks by four, ? explains the figures, esc
and w go back; the palette opens it too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Static

from planner.weeks import IsoWeek
from screens.dialogs.help_dialog import HelpDialog
from screens.load_screen import LoadScreen
from screens.week_screen import WeekScreen
from tests.helpers import seed_training, settled

SIZE = (80, 24)


def rows(app: Any) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(key.value) for key in table.rows]


def selected(app: Any) -> str:
    table = app.screen.query_one(DataTable)
    return rows(app)[table.cursor_row]


async def test_w_opens_the_weeks_around_the_shown_week_and_esc_goes_back(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    seed_training(db_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, LoadScreen)
        assert rows(app)[0] == "2026-W40" and rows(app)[-1] == "2026-W52"
        assert len(rows(app)) == 13 and selected(app) == "2026-W48"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen) and app.screen.session.week == IsoWeek(2026, 48)
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("w")  # w closes it too
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)


async def test_enter_opens_the_selected_week(make_app: Callable[..., Any], db_path: Path) -> None:
    seed_training(db_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "up", "up", "up")
        await pilot.pause()
        assert selected(app) == "2026-W45"
        details = str(app.screen.query_one("#load-details", Static).render())
        assert "week 1 of 4" in details and "1.7x" in details and "Gabbett 2016" in details
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, WeekScreen)
        assert app.screen.session.week == IsoWeek(2026, 45)


async def test_brackets_move_the_weeks_by_four_keeping_the_row(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    seed_training(db_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "right_square_bracket")
        await pilot.pause()
        assert rows(app)[0] == "2026-W44" and selected(app) == "2026-W52"
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert rows(app)[0] == "2026-W36" and selected(app) == "2026-W44"


async def test_question_mark_says_what_each_figure_is_and_its_source(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    app = make_app()  # an empty database: every week shows, with no figure
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpDialog)
        said = app.screen.intro + " ".join(text for _, text in app.screen.rows)
        for source in ("Foster et al. 2001", "Foster 1998", "Gabbett 2016", "Impellizzeri"):
            assert source in said
        assert "no forecast of injury" in said
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LoadScreen)


async def test_the_palette_opens_it_and_the_footer_shows_w_where_it_fits(
    make_app: Callable[..., Any],
) -> None:
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        footer = " ".join(str(widget.render()) for widget in app.screen.query("FooterKey"))
        assert "Load" in footer
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Load over weeks", "enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, LoadScreen)


async def test_it_reads_the_edit_just_made(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("home", "g", "w")  # legs planned this second, perhaps not yet saved
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert str(table.get_cell("2026-W48", table.ordered_columns[3].key)) == "360"


async def test_every_column_fits_at_80_columns_and_the_bars_widen_with_the_screen(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    seed_training(db_path)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.virtual_size.width <= table.size.width  # no column cut off
        narrow = table.ordered_columns[2].width
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        await pilot.pause()
        assert table.virtual_size.width <= table.size.width
        assert table.ordered_columns[2].width > narrow + 20


async def test_a_new_theme_redraws_the_bars_in_its_colours(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    seed_training(db_path)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()

        def planned_colour() -> str:
            table = app.screen.query_one(DataTable)
            bars = table.get_cell("2026-W50", table.ordered_columns[2].key)
            return str(bars.spans[0].style.color.get_truecolor().hex)  # type: ignore[union-attr]

        before = planned_colour()
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        after = planned_colour()
        assert before != after
        assert after.lower() == app.theme_variables["primary"].lower()
