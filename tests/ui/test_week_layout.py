"""The week screen's layout at every size: the verdict always in view, every piece of advice
reachable by key (tab, then the arrows and pgup/pgdn), nothing cut off or wrapped at the
minimum size, and no size that crashes it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.content import Content
from textual.geometry import Region
from textual.widget import Widget

from planner.readiness import Readiness, ReadinessCell
from planner.store import Store
from planner.weeks import IsoWeek
from rules import Kind, Transition
from screens.week_layout import MIN_SIZE, WIDE_MIN_WIDTH
from screens.widgets.advice_list import THUMB, AdviceList, thumb_rows
from screens.widgets.advice_text import SHOWN_TIPS
from screens.widgets.hanging_text import HangingText, Line, hang
from screens.widgets.readiness_strip import cell_text
from screens.widgets.week_grid import WeekGrid
from tests.helpers import advice_markup, seed

# The first article's example week, typed: Push / Rest / Legs / Pull / Rest / Push / Rest.
# The typed week stays in view, the selection past its end: "end" selects Sunday.
ARTICLE_KEYS = ["home", "p", "full_stop", "g", "u", "full_stop", "p", "full_stop", "end"]
HYBRID = {
    "mon": "legs:heavy+run:easy",
    "tue": "push,pull",
    "wed": "run:intervals",
    "thu": "rest",
    "fri": "legs",
    "sat": "run:long",
    "sun": "rest",
}


def flat(text: str) -> str:
    """Text with its line breaks and indents as single spaces: how wrapped text reads."""
    return re.sub(r"\s+", " ", text).strip()


def drawn(widget: Widget) -> str:
    """What ``widget`` shows on screen now, a line per row."""
    lines = widget.render_lines(Region(0, 0, *widget.outer_size))
    return "\n".join(line.text for line in lines)


def visible(app: Any, widget: Widget) -> bool:
    """Shown, and wholly inside the screen."""
    return (
        widget.display
        and widget.region.area > 0
        and app.screen.region.contains_region(widget.region)
    )


def advice_list(app: Any) -> AdviceList:
    return app.screen.query_one(AdviceList)


def verdict(app: Any) -> HangingText:
    return app.screen.query_one("#verdict", HangingText)


# -- the verdict ---------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (130, 40), (200, 50)])
async def test_the_verdict_stays_in_view_on_every_day(
    make_app: Callable[..., Any], size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press(*ARTICLE_KEYS)
        summary = app.session.view.summary
        # A short terminal names two reasons (tab shows them all), the others three.
        count = 2 if size[1] < 28 else 3
        reasons = [reason for reason in summary.reasons if reason.points][:count]
        assert len(reasons) == count
        brief = size[0] < 110 and size[1] < 32  # under the grid: the day's transitions in brief
        scrolled, briefs = set(), set()
        for day in range(7):
            await pilot.press("home", *["right"] * day)
            await pilot.pause()
            assert visible(app, verdict(app))
            shown = drawn(verdict(app))
            # With room under the grid, the week's own findings are there, not in the panel.
            beside = size[1] >= 40
            assert bool(app.screen.query_one("#week-findings", HangingText).lines) == beside
            assert any("This week" in entry for entry in advice_markup(app)) != beside
            assert f"Score {summary.score}/100" in shown
            assert "general fitness" in shown
            for reason in reasons:
                start = re.escape(f"{reason.points:+d} {reason.finding.text[:20]}")
                assert re.search(rf"^ *{start}", shown, re.M), shown  # at a line's start
            assert "…" not in shown  # every reason whole
            assert advice_list(app).display != brief
            assert app.screen.query_one("#day-brief").display == brief
            if brief:
                briefs.add(drawn(app.screen.query_one("#day-brief")))
            else:
                scrolled.add(advice_list(app).scroll_offset.y)
        # The transitions under the verdict followed the selected day.
        assert len(briefs if brief else scrolled) > 1


async def test_a_proposed_week_says_proposed(make_app: Callable[..., Any], db_path: Path) -> None:
    seed(db_path, {"2026-W47": HYBRID})
    with Store.open(db_path) as store:
        store.save_settings(replace(store.settings(), repeat_week=IsoWeek(2026, 47)))
    app = make_app()
    async with app.run_test(size=(130, 40)) as pilot:
        shown = drawn(verdict(app))
        assert "proposed" in shown
        assert "planned 7/7" not in shown
        await pilot.press("enter")  # kept: now it is planned
        await pilot.pause()
        assert "planned 7/7" in drawn(verdict(app))


async def test_an_empty_week_says_how_to_start(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)):
        shown = drawn(verdict(app))
        assert "Nothing planned yet" in shown
        assert "general fitness" in shown


async def test_week_findings_too_long_for_under_the_grid_stay_in_the_panel(
    make_app: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import screens.widgets.advice_panel

    def long_week(summary: Any) -> tuple[Line, ...]:
        return tuple(Line("", f"week finding {n}") for n in range(40))

    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        week = app.screen.query_one("#week-findings", HangingText)
        await pilot.press(*ARTICLE_KEYS)
        assert week.lines and week.lines[0].text == "[b]This week[/b]"  # it fits there
        monkeypatch.setattr(screens.widgets.advice_panel, "render_week", long_week)
        await pilot.press("ctrl+z")  # another week: its findings are rendered again
        assert not week.lines  # 40 lines do not fit the 30 rows under the grid...
        assert any("week finding 39" in entry for entry in advice_markup(app))  # ...so here
        await pilot.resize_terminal(200, 80)
        await pilot.pause()
        assert len(week.lines) == 40  # but they do fit under a taller grid
        assert not any("week finding" in entry for entry in advice_markup(app))


# -- reading the advice by key -------------------------------------------------------------


def read_by_scrolling(pilot: Any) -> Callable[[], Any]:
    async def read() -> str:
        """Everything the advice list shows from top to bottom, a page at a time."""
        app = pilot.app
        panel = advice_list(app)
        await pilot.press("home")
        await pilot.pause()
        pages = []
        while True:
            pages.append(drawn(panel).replace(THUMB, " "))  # the text, not where it is
            before = panel.scroll_offset.y
            await pilot.press("pagedown")
            await pilot.pause()
            if panel.scroll_offset.y == before:
                return "\n".join(pages)

    return read


def expected_lines(transition: Transition, *, detailed: bool) -> list[str]:
    tips = [f for f in transition.findings if f.kind is Kind.TIP]
    hidden = [] if detailed else tips[SHOWN_TIPS:]
    return [
        f"{transition.before.date:%a} {transition.before.date.day} → "
        f"{transition.after.date:%a} {transition.after.date.day}",
        *(finding.text for finding in transition.findings if finding not in hidden),
        *([f"+{len(hidden)} more tip{'s' if len(hidden) > 1 else ''}"] if hidden else []),
    ]


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_tab_opens_the_advice_full_screen_and_every_transition_can_be_read(
    make_app: Callable[..., Any], db_path: Path, size: tuple[int, int]
) -> None:
    seed(db_path, {"2026-W48": HYBRID})
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("end", "left")  # Saturday: the other days' tips are cut
        plan_area = app.screen.query_one("#plan-area")
        assert plan_area.display and not advice_list(app).has_focus
        assert "tab" in str(app.screen.query_one("#advice").border_title)  # the hint
        await pilot.press("tab")
        await pilot.pause()
        assert advice_list(app).has_focus
        assert not plan_area.display  # the advice has the whole screen
        assert visible(app, verdict(app))  # with the verdict on top
        assert advice_list(app).size.height >= size[1] - 12
        text = flat(await read_by_scrolling(pilot)())
        view = app.session.view
        saturday = view.plan.dates[5]
        for transition in view.evaluation.transitions:
            detailed = saturday in (transition.before.date, transition.after.date)
            for line in expected_lines(transition, detailed=detailed):
                assert flat(line) in text, line
        await pilot.press("escape")
        await pilot.pause()
        assert not advice_list(app).has_focus and plan_area.display
        assert app.screen.selected == 5  # the selection is where it was
        await pilot.press("tab", "up", "tab")
        await pilot.pause()
        assert not advice_list(app).has_focus and plan_area.display
        assert app.screen.selected == 5


async def test_arrows_in_the_advice_move_the_selection_and_show_its_tips(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    seed(db_path, {"2026-W48": HYBRID})
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("home", "tab")
        await pilot.pause()
        cut = "\n".join(advice_markup(app))
        assert re.search(r"\+\d more tips?: select Sat 28", cut), cut
        await pilot.press("end", "right", "right", "right", "right", "right")
        await pilot.pause()
        assert advice_list(app).has_focus  # still reading, now about Saturday
        assert app.screen.selected == 5
        shown = "\n".join(advice_markup(app))
        assert "more tips" not in shown
        assert shown.count("i tip") > cut.count("i tip")


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_home_and_end_reach_the_first_and_last_line_of_the_advice(
    make_app: Callable[..., Any], db_path: Path, size: tuple[int, int]
) -> None:
    seed(db_path, {"2026-W48": HYBRID})
    app = make_app()
    app.animation_level = "full"  # as a user has it: home and end scroll at once all the same
    async with app.run_test(size=size) as pilot:
        await pilot.press("end", "left", "tab")  # the list opens at Saturday's transitions
        await pilot.pause()
        panel = advice_list(app)
        assert panel.has_focus and panel.scroll_offset.y > 0
        await pilot.press("home")
        assert panel.scroll_offset.y == 0
        assert drawn(panel).lstrip().startswith("This week")  # the week's own findings
        await pilot.press("end")
        assert panel.scroll_offset.y == panel.max_scroll_y > 0
        last = advice_markup(app)[-1].splitlines()[-1]
        assert flat(Content.from_markup(last).plain)[:30] in flat(drawn(panel))
        await pilot.press("home", "down", "pagedown", "up")
        assert panel.scroll_offset.y == panel.scrollable_content_region.height


async def test_tab_on_a_wide_terminal_reads_the_advice_beside_the_grid(
    make_app: Callable[..., Any],
) -> None:
    app = make_app()
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press(*ARTICLE_KEYS, "tab")
        await pilot.pause()
        assert advice_list(app).has_focus
        assert app.screen.query_one("#plan-area").display  # still beside it
        before = advice_list(app).scroll_offset.y
        await pilot.press("home")
        await pilot.pause()
        assert advice_list(app).scroll_offset.y == 0 != before
        assert app.screen.selected == 6  # home scrolled the advice, not the selection
        await pilot.press("tab", "home")
        assert app.screen.selected == 0


# -- sizes ---------------------------------------------------------------------------------


def assert_fits(app: Any) -> None:
    """Nothing cut off: every day cell, readiness mark and the verdict on screen, and no
    day cell wrapped."""
    grid = app.screen.query_one(WeekGrid)
    assert visible(app, grid)
    for index in range(7):
        column = grid.column_region(index)
        assert column.area > 0 and app.screen.region.contains_region(column), column
        text = grid.cell_text(index)
        width = grid.cell_size(index).width
        assert len(Content.from_markup(text).wrap(width)) == text.count("\n") + 1, (width, text)
        lines = [line.strip() for line in grid.readiness_text(index)]
        assert lines and all(line[-1:] in ".~!" for line in lines), lines
    assert visible(app, verdict(app))
    # The week's own findings: wholly under the grid, or else in the list; never lost.
    week = app.screen.query_one("#week-findings", HangingText)
    in_list = sum("This week" in entry for entry in advice_markup(app))
    if week.lines:
        assert in_list == 0 and visible(app, week)
        assert drawn(week).rstrip().splitlines()[-1].strip(), "cut off at the bottom"
    else:
        assert in_list == 1


SIZES = [
    (20, 5), (59, 19), (60, 19), (59, 20), (60, 20), (64, 22), (70, 24), (80, 24), (100, 30),
    (109, 30), (110, 30), (112, 30), (114, 30), (120, 36), (110, 40), (110, 41), (130, 40),
    (200, 40), (200, 50), (300, 80),
]  # fmt: skip


@pytest.mark.parametrize("reading", [False, True])
async def test_every_size_fits_or_says_it_is_too_small(
    make_app: Callable[..., Any], db_path: Path, reading: bool
) -> None:
    seed(db_path, {"2026-W48": HYBRID})
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        if reading:
            await pilot.press("tab")
        for width, height in [*SIZES, *reversed(SIZES)]:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            too_small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
            assert app.screen.query_one("#too-small").display == too_small
            if too_small:
                continue  # nothing to read: the advice has lost the focus
            if reading and not advice_list(app).has_focus:
                await pilot.press("tab")
                await pilot.pause()
            if reading and width < WIDE_MIN_WIDTH:  # the advice has the screen
                assert visible(app, verdict(app))
                assert advice_list(app).size.height > 0
            else:
                assert_fits(app)
        if not reading:
            await pilot.press("tab")
        await pilot.press("right", "p")  # and it still works
        assert app.screen.selected == 4


# -- the pieces ----------------------------------------------------------------------------


def test_long_text_hangs_under_its_own_start() -> None:
    text = "Running on the big leg muscles you lifted with yesterday " * 3
    lines = [line.plain for line in hang([Line("[b]+ pro[/] ", text)], 30)]
    assert len(lines) > 3
    assert lines[0].startswith("+ pro Running")
    assert all(line.startswith("      ") and line[6] != " " for line in lines[1:]), lines
    assert all(len(line) <= 30 for line in lines)
    assert flat(" ".join(lines)) == flat("+ pro " + text)


async def test_a_long_finding_hangs_in_the_panel(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press(*ARTICLE_KEYS)
        text = drawn(advice_list(app)).splitlines()
        marks = [n for n, line in enumerate(text) if re.match(r" ?[+-i] (pro|con|tip) ", line)]
        continued = [n + 1 for n in marks if n + 1 < len(text) and text[n + 1].strip()]
        assert continued
        # Under a finding: its wrapped text, then its citation, both indented past the mark.
        assert all(text[n].startswith("      ") for n in continued), text


@pytest.mark.parametrize(("width", "shown"), [(9, "chest !"), (7, "chest !"), (6, "ches !"),
                                             (3, "c !"), (2, "!"), (0, "")])  # fmt: skip
def test_a_narrow_readiness_cell_keeps_its_mark(width: int, shown: str) -> None:
    cell = ReadinessCell(Readiness.STRAINED)
    assert cell_text("chest", cell, width) == shown


def test_the_scroll_thumb_shows_how_much_is_shown_and_where() -> None:
    assert thumb_rows(10, 10, 0) == range(0)  # everything fits: no thumb
    assert thumb_rows(10, 40, 0) == range(0, 2)  # a quarter shown, at the top
    assert thumb_rows(10, 40, 30) == range(8, 10)  # at the bottom
    assert thumb_rows(10, 40, 15) == range(4, 6)  # half way
    assert thumb_rows(10, 1000, 500) == range(5, 6)  # never less than a row
    assert thumb_rows(0, 40, 0) == range(0)
