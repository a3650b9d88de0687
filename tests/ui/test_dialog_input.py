"""What is typed into the dialogs' fields: anything at all gives a one-line answer in the
dialog, never an exception."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.widgets import Input, Static

SUGGEST_SIZE = (120, 44)


async def _submit_suggest(app: Any, pilot: Any, field: str, text: str) -> str:
    """Type ``text`` into the suggest dialog's ``field``, submit, return the error line."""
    dialog = app.screen
    field_input = dialog.query_one(f"#{field}", Input)
    field_input.value = text
    field_input.focus()
    await pilot.press("enter")
    await pilot.pause()
    return str(dialog.query_one("#suggest-error", Static).render())


@pytest.mark.parametrize("text", ["-", "+", "-1", "1-", "１", "9" * 5000, "²"])
@pytest.mark.parametrize("field", ["count-push", "count-run", "rest-min"])
async def test_a_count_that_is_no_number_is_named_in_the_dialog(
    make_app: Callable[..., Any], field: str, text: str
) -> None:
    app = make_app()
    async with app.run_test(size=SUGGEST_SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        error = await _submit_suggest(app, pilot, field, text)
        name = "rest ≥" if field == "rest-min" else field.removeprefix("count-")
        assert error == f"{name}: the count must be a whole number, 0 or more"
        assert "\n" not in error
        error = await _submit_suggest(app, pilot, field, "1")  # fixed: the error goes
        assert error == ""
