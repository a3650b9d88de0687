"""Pilot tests of the week screen: keyboard and mouse flows, saving, quitting and restarting."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.strip import Strip
from textual.widgets import Static

from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity, PlannedDay
from screens.colours import Colours
from screens.widgets.advice_list import AdviceList
from screens.widgets.hanging_text import HangingText
from screens.widgets.week_grid import CellState, WeekGrid
from tests.conftest import TERMINAL_SIZE
from tests.helpers import advice_markup, notices, searched, seed, title

W48 = IsoWeek(2026, 48)
PUSH, PULL, LEGS, RUN, REST = Activity


def shown_week(app: Any) -> str:
    return str(app.screen.query_one("#week-title").render()).split()[0]


def grid(app: Any) -> WeekGrid:
    return app.screen.query_one(WeekGrid)


def cells(app: Any) -> list[CellState]:
    return list(grid(app).states)


def planned(app: Any) -> list[Activity | None]:
    return [cell.planned.activity for cell in cells(app)]


def stored(db_path: Path, week: IsoWeek = W48) -> tuple[Activity | None, ...]:
    with Store.open(db_path, read_only=True) as store:
        return store.load_plan(week, FirstWeekday.MONDAY).activities


async def test_opens_on_the_current_week_on_its_first_day_when_nothing_is_planned(
    make_app: Callable[..., Any],
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE):
        assert shown_week(app) == "2026-W48"
        assert [c.day.format("ddd") for c in cells(app)] == [
            "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
        ]  # fmt: skip
        assert [c.is_today for c in cells(app)] == [False, False, True, False, False, False, False]
        assert app.screen.selected == 0  # typing a week starts on its first day


async def test_a_planned_week_opens_on_today_and_another_week_on_its_first_day(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    seed(db_path, {"2026-W48": {"mon": "legs"}, "2026-W49": {"fri": "run"}})
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        assert app.screen.selected == 2  # Wednesday, today
        await pilot.press("right_square_bracket")
        assert app.screen.selected == 0  # today is not in W49


async def test_a_week_is_typed_in_seven_keys_and_saved(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("p", "full_stop", "g", "u", "space", "r", "5")
        # The finished week stays in view with its verdict, the selection past its end.
        assert shown_week(app) == "2026-W48"
        assert app.screen.selected == 7 and grid(app).past_end
        assert not any(cell.selected for cell in cells(app))
        score = app.session.view.summary.score
        assert title(app).startswith(f"2026-W48 planned · {score}/100 · next key: 2026-W49")
        await pilot.press("u")  # the next key plans the next week's first day, and shows it
        assert shown_week(app) == "2026-W49" and planned(app)[0] is PULL
        assert app.screen.selected == 1
        assert "on from 2026-W48" in title(app)
        await pilot.press("p")  # typing on in the new week: the note has done its job
        assert "on from" not in title(app)
        await pilot.press("ctrl+z", "ctrl+z")  # undo steps back across the weeks
        assert shown_week(app) == "2026-W48" and app.screen.selected == 7
        assert planned(app) == [PUSH, REST, LEGS, PULL, REST, RUN, REST]
        # The panel explains the week's transitions, the boundary ones included.
        transitions = advice_markup(app)[1:]
        assert len(transitions) == 8
        assert sum("across the week boundary" in entry for entry in transitions) == 2
    assert stored(db_path) == (PUSH, REST, LEGS, PULL, REST, RUN, REST)


async def test_typing_over_a_planned_week_moves_on_whatever_a_day_held(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "p", "full_stop", "g", "u", "full_stop", "r", "full_stop")
        await pilot.press("home")
        # Days 1, 3 and 6 already hold what is typed: the selection still moves on.
        await pilot.press("g", "full_stop", "p", "u", "r", "r", "full_stop")
        assert shown_week(app) == "2026-W48" and app.screen.selected == 7
        assert planned(app) == [LEGS, REST, PUSH, PULL, RUN, RUN, REST]
    assert stored(db_path) == (LEGS, REST, PUSH, PULL, RUN, RUN, REST)


async def test_moving_on_stops_at_the_last_supported_week(make_app: Callable[..., Any]) -> None:
    app = make_app(week=IsoWeek(2999, 52))
    async with app.run_test(size=TERMINAL_SIZE, notifications=True) as pilot:
        await pilot.press("end", "r")
        assert shown_week(app) == "2999-W52"
        assert app.screen.selected == 7
        assert planned(app)[6] is RUN
        assert "the last week" in title(app)  # no next week to name
        await pilot.press("r")  # the next key has nowhere to go
        assert shown_week(app) == "2999-W52" and app.screen.selected == 7
        assert "2999-W52 is the last week the planner supports." in await notices(pilot)
        await pilot.press("i")  # the run just planned, still the day the keys change
        assert cells(app)[6].planned.sessions[0].run_type == "long"


async def test_digits_clear_and_selection_keys(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("end", "4")  # Sunday: the week stays, past its end
        assert shown_week(app) == "2026-W48" and planned(app)[6] is RUN
        await pilot.press("end", "h", "h", "3", "l", "backspace")
        await pilot.press("left", "1")
        assert planned(app) == [None, None, None, None, LEGS, PUSH, None]
        await pilot.press("end", "1", "backspace")  # past the end: the last day
        assert planned(app)[6] is None


async def test_undo_and_redo(make_app: Callable[..., Any], db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "g", "u", "r")
        await pilot.press("ctrl+z", "ctrl+z")
        assert planned(app)[:3] == [LEGS, None, None]
        await pilot.press("ctrl+y")
        assert planned(app)[:3] == [LEGS, PULL, None]
    assert stored(db_path)[:3] == (LEGS, PULL, None)


async def test_undo_returns_to_the_week_of_the_change(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("g", "right_square_bracket", "right_square_bracket")
        assert shown_week(app) == "2026-W50"
        await pilot.press("ctrl+z")
        assert shown_week(app) == "2026-W48"
        assert planned(app)[2] is None


async def test_week_navigation(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert shown_week(app) == "2026-W50"
        await pilot.press(*["left_square_bracket"] * 4)
        assert shown_week(app) == "2026-W46"
        await pilot.press("t")
        assert shown_week(app) == "2026-W48"
        await pilot.press("ctrl+p")
        await pilot.press(*"go to week", "enter")
        await pilot.press(*"2027-W05", "enter")
        assert shown_week(app) == "2027-W05"


async def test_go_to_week_rejects_weeks_that_do_not_exist(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await app.screen.run_action("go_to_week")
        await pilot.pause()
        await pilot.press(*"2025-W53", "enter")
        error = str(app.screen.query_one("#week-error", Static).render())
        assert "W53 does not exist" in error
        await pilot.press("escape")
        assert shown_week(app) == "2026-W48"


async def test_clicking_a_day_selects_it(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        column = grid(app).column_region(5)
        await pilot.click(offset=(column.x + column.width // 2, column.y + 2))
        assert app.screen.selected == 5
        await pilot.press("r")
        assert planned(app)[5] is RUN


async def test_quit_and_restart_show_the_same_week(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    first = make_app()
    async with first.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "g", "u", "full_stop", "p", "r", "full_stop", "g")
        await pilot.press("u")  # typing moved on to the next week's Monday
        assert shown_week(first) == "2026-W49"
        before = planned(first)
        assert before[0] is PULL
        await pilot.press("ctrl+q")
    first.store.close()
    second = make_app()
    async with second.run_test(size=TERMINAL_SIZE) as pilot:
        assert planned(second) == [LEGS, PULL, REST, PUSH, RUN, REST, LEGS]
        await pilot.press("right_square_bracket")
        assert planned(second) == before


async def test_sunday_first_weeks(make_app: Callable[..., Any], db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "r")  # Monday 23 Nov
        app.screen.set_first_weekday(FirstWeekday.SUNDAY)
        await pilot.pause()
        assert [c.day.format("ddd D") for c in cells(app)][:2] == ["Sun 22", "Mon 23"]
        assert planned(app)[1] is RUN
    with Store.open(db_path, read_only=True) as store:
        assert store.settings().first_weekday is FirstWeekday.SUNDAY


async def test_a_second_planner_on_the_same_file_is_read_only(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    with Store.open(db_path) as holder:
        holder.save_plan(
            holder.load_plan(W48, FirstWeekday.MONDAY).with_day(0, PlannedDay.of(LEGS))
        )
        app = make_app()
        async with app.run_test(size=TERMINAL_SIZE) as pilot:
            assert app.store.read_only
            await pilot.press("home", "p")
            assert planned(app)[0] is LEGS  # refused, nothing changed
            assert "read-only" in str(app.screen.query_one("#save-state").render())


async def test_year_overview_opens_a_week(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("y")
        assert type(app.screen).__name__ == "YearScreen"
        await pilot.press("down", "down", "enter")
        assert shown_week(app) == "2026-W50"
        await pilot.press("y", "right_square_bracket", "enter")
        assert shown_week(app) == "2027-W01"
        await pilot.press("y", "escape")
        assert shown_week(app) == "2027-W01"


async def test_template_from_the_picker_is_undoable(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("T")
        await pilot.press(*"push pull legs twice", "enter")
        await pilot.pause()
        assert planned(app) == [PUSH, PULL, LEGS, REST, PUSH, PULL, LEGS]
        await pilot.press("ctrl+z")
        assert planned(app) == [None] * 7


async def test_copy_previous_week(make_app: Callable[..., Any], db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("c")  # W47 is empty: nothing to copy, nothing changes
        assert planned(app) == [None] * 7
        await pilot.press("left_square_bracket", "home", "g", "u", "r")
        await pilot.press("right_square_bracket", "c")
        assert planned(app)[:4] == [LEGS, PULL, RUN, None]
    assert stored(db_path)[:3] == (LEGS, PULL, RUN)


async def test_suggest_dialog_applies_the_chosen_week(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 44)) as pilot:
        await pilot.press("s")
        await pilot.click("#pins")
        await pilot.press(*"sun=run", "enter")
        await searched(pilot)
        dialog = app.screen
        assert len(dialog.suggestions) == 3
        best = dialog.suggestions[0]
        assert best.plan.activities[6] is RUN
        await pilot.press("enter")  # the results have the focus: enter applies the best
        await pilot.pause()
        assert planned(app) == list(best.plan.activities)
        assert app.session.view.evaluation.score == best.score


async def test_suggest_dialog_explains_an_impossible_request(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 44)) as pilot:
        await pilot.press("s")
        await pilot.click("#count-run")
        await pilot.press(*"5", "enter")
        await pilot.pause()
        error = str(app.screen.query_one("#suggest-error", Static).render())
        assert "seven" in error or "7" in error
        await pilot.press("escape")
        assert planned(app) == [None] * 7


async def test_suggest_dialog_can_fill_a_day_with_two_sessions(
    make_app: Callable[..., Any],
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 44)) as pilot:
        await pilot.press("s")
        await pilot.click("#count-run")
        await pilot.press("end", "backspace", *"5")
        await pilot.click("#per-day")
        await pilot.press("end", "backspace", *"2", "enter")
        await searched(pilot)
        dialog = app.screen
        assert len(dialog.suggestions) == 3
        best = dialog.suggestions[0]
        assert any(len(day.sessions) == 2 for day in best.plan.days)
        assert sum(len(day.sessions) for day in best.plan.days) == 8
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.view.plan.days == best.plan.days


async def test_suggest_dialog_refuses_three_a_day(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 44)) as pilot:
        await pilot.press("s")
        await pilot.click("#per-day")
        await pilot.press("end", "backspace", *"3", "enter")
        await pilot.pause()
        error = str(app.screen.query_one("#suggest-error", Static).render())
        assert error.startswith("at most 3 sessions a day: write 1 or 2")


async def test_a_repeating_week_is_proposed_until_edited(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "p", "u", "g", "full_stop", "r", "full_stop", "full_stop")
        app.screen.set_repeat_week(W48)
        await pilot.press("right_square_bracket")  # W49 is unplanned: it proposes W48
        await pilot.pause()
        assert planned(app) == [PUSH, PULL, LEGS, REST, RUN, REST, REST]
        assert all(cell.proposed for cell in cells(app))
        assert "proposed from 2026-W48" in str(app.screen.query_one("#week-title").render())
        verdict = app.screen.query_one("#verdict", HangingText)
        summary = " ".join(line.lead + line.text for line in verdict.lines)
        assert "proposed" in summary and "planned" not in summary
        await pilot.press("home", "r")  # an edit keeps the proposal, with the edit on top
        assert planned(app) == [RUN, PULL, LEGS, REST, RUN, REST, REST]
        assert not any(cell.proposed for cell in cells(app))
        await pilot.press("ctrl+z")  # back to unplanned, so proposed again
        assert cells(app)[0].proposed
        await pilot.press("right_square_bracket", "enter")  # W50: keep it as proposed
        assert not cells(app)[0].proposed
    assert stored(db_path, IsoWeek(2026, 49)) == (None,) * 7
    assert stored(db_path, IsoWeek(2026, 50)) == (PUSH, PULL, LEGS, REST, RUN, REST, REST)


async def test_suggest_dialog_names_a_bad_pin(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 44)) as pilot:
        await pilot.press("s")
        await pilot.click("#pins")
        await pilot.press(*"sat=swim", "enter")
        await pilot.pause()
        error = str(app.screen.query_one("#suggest-error", Static).render())
        assert error.startswith("sat=swim: 'swim' is not an activity")


async def test_colours_follow_a_change_of_theme(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "p", "u")
        advice = app.screen.query_one(AdviceList)
        panel_before = [advice.render_line(y) for y in range(advice.size.height)]
        strip = grid(app)
        strip_before = [strip.render_line(y) for y in range(strip.size.height)]
        app.theme = "textual-light"
        await pilot.pause()
        palette = Colours.from_variables(app.theme_variables)
        assert grid(app).background_of(0) == palette.activity[PUSH]
        assert grid(app).border_of(2) == palette.cell_border(
            today=True, selected=True, proposed=False
        )
        # The advice list keeps rendered lines: they are redrawn in the new colours.
        panel_after = [advice.render_line(y) for y in range(advice.size.height)]
        assert [strip.text for strip in panel_after] == [strip.text for strip in panel_before]
        written = [n for n, strip in enumerate(panel_before) if strip.text.strip()]
        assert written
        assert all(list(panel_after[n]) != list(panel_before[n]) for n in written)
        strip_after = [strip.render_line(y) for y in range(strip.size.height)]
        assert [line.text for line in strip_after] == [line.text for line in strip_before]

        def written_styles(line: Strip) -> list[object]:
            return [segment.style for segment in line if segment.text.strip()]

        for after, before in zip(strip_after, strip_before, strict=True):
            if before.text.strip():  # cells and readiness marks, not the row between them
                assert written_styles(after) != written_styles(before)


async def test_the_collector_is_back_on_after_the_first_frame(
    make_app: Callable[..., Any],
) -> None:
    gc.disable()  # as the planner command starts the app
    try:
        app = make_app()
        async with app.run_test(size=TERMINAL_SIZE) as pilot:
            await pilot.pause()
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # what lives as long as the app is frozen
        assert gc.get_freeze_count() == 0  # and collectable again once it has gone
    finally:
        gc.enable()


async def test_the_template_picker_shows_each_templates_days(
    make_app: Callable[..., Any],
) -> None:
    from textual.command import CommandList, CommandPalette

    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("T")
        helps: dict[str, str] = {}
        for _ in range(100):  # the picker fills in a worker: wait until the list settles
            await pilot.pause(0.02)
            assert isinstance(app.screen, CommandPalette)
            options = app.screen.query_one(CommandList).options
            listed = {str(option.hit.text): str(option.hit.help) for option in options}
            if listed and listed == helps:
                break
            helps = listed
    assert helps["Push, rest, legs, pull, rest"] == (
        "For muscle growth: Push · Rest · Legs · Pull · Rest · open · open"
    )
    assert helps["Hybrid: lift mornings, run evenings"].startswith(
        "For hybrid (strength and endurance): Legs heavy + Run · Rest · Push & Pull · Run intervals"
    )
