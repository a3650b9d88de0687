"""The suggest dialog starts from the sessions of the week shown."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Label, OptionList

from tests.helpers import searched, seed

HYBRID = {
    "mon": "legs:heavy+run:easy", "tue": "push,pull", "wed": "run:intervals", "thu": "rest",
    "fri": "legs", "sat": "run:long", "sun": "rest",
}  # fmt: skip


def fields(app: Any) -> dict[str, str]:
    return {str(field.id): field.value for field in app.screen.query(Input) if field.id != "pins"}


async def test_the_dialog_starts_from_the_weeks_sessions(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    seed(db_path, {"2026-W48": HYBRID})
    app = make_app()
    async with app.run_test(size=(120, 44)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert fields(app) == {
            "count-push": "1", "count-pull": "1", "count-legs": "1", "count-run": "1",
            "more": "legs:heavy=1 run:intervals=1 run:long=1", "rest-min": "2", "per-day": "2",
        }  # fmt: skip
        week = Counter(s for day in app.session.view.plan.days for s in day.sessions)
        await pilot.click("#pins")
        await pilot.press("enter")
        await searched(pilot)
        suggestions = app.screen.suggestions
        assert suggestions
        for suggestion in suggestions:  # the same sessions, in another order
            assert Counter(s for day in suggestion.plan.days for s in day.sessions) == week


async def test_an_empty_week_starts_from_the_defaults(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 44)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert fields(app) == {
            "count-push": "1", "count-pull": "1", "count-legs": "1", "count-run": "2",
            "more": "", "rest-min": "1", "per-day": "1",
        }  # fmt: skip


async def test_a_bad_session_word_is_named(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 44)) as pilot:
        await pilot.press("s")
        await pilot.click("#more")
        await pilot.press(*"legs:hevy=1", "enter")
        await pilot.pause()
        error = str(app.screen.query_one("#suggest-error").render())
        assert "did you mean heavy?" in error


def cut_off(app: Any) -> list[str]:
    """Each field and label of the dialog that does not show whole inside its box: past
    its right or bottom edge, or (a label) with more lines than it has rows."""
    dialog = app.screen.query_one("#dialog")
    box = dialog.content_region
    cut = []
    for widget in app.screen.query("#dialog Input, #dialog Label, #dialog OptionList"):
        if not widget.display:
            continue
        region = widget.region
        if region.width <= 0 or region.height <= 0:
            cut.append(f"{widget}: not shown")
        elif region.right > box.right or region.bottom > box.bottom or region.x < box.x:
            cut.append(f"{widget}: {region} outside {box}")
        elif isinstance(widget, Label):
            lines = len(widget.render().wrap(widget.content_region.width))  # type: ignore[union-attr]
            if lines > widget.content_region.height:
                cut.append(f"{widget}: {lines} lines in {widget.content_region.height} rows")
    return cut


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (100, 30), (200, 50)], ids=str)
async def test_every_field_and_label_shows_whole(
    make_app: Callable[..., Any], db_path: Path, size: tuple[int, int]
) -> None:
    seed(db_path, {"2026-W48": HYBRID})
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert cut_off(app) == []
        fields = [field for field in app.screen.query(Input)]
        assert len(fields) == 8 and all(field.region.height >= 1 for field in fields)
        await pilot.press("enter")  # the suggestions, under the fields, fit too
        await searched(pilot)
        options = app.screen.query_one(OptionList)
        assert options.display and options.region.height >= 3
        assert cut_off(app) == []
        await pilot.press("tab")  # back to the first field: it can still be edited
        await pilot.press("end", "3")
        field = app.screen.focused
        assert isinstance(field, Input) and field.id == "count-push" and field.value == "13"
