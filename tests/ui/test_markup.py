"""Text from the user or from a file is shown as text, never read as markup: ``[/]`` typed into
a dialog, in a database path, or in a rule of the user's own once crashed the planner
(MarkupError)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from planner.store import Store
from rules import load_knowledge
from tests.conftest import FIXED_NOW, TERMINAL_SIZE
from tests.helpers import GOOD_RULE, advice_markup, notices, searched, seed, write_rules

MARKUP = "[/]"
TOAST_WAIT = 0.3  # toasts render after the notify call


async def test_markup_typed_as_pins_is_shown_as_typed(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 44)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#pins", Input).value = f"sat={MARKUP} [b]x"
        app.screen.query_one("#pins", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        error = str(app.screen.query_one("#suggest-error", Static).render())
        assert error.startswith(f"sat={MARKUP}: '{MARKUP}' is not an activity"), error


async def test_markup_typed_as_a_week_is_shown_as_typed(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        app.screen.action_go_to_week()
        await pilot.pause()
        app.screen.query_one(Input).value = f"{MARKUP}[b]"
        await pilot.press("enter")
        await pilot.pause()
        error = str(app.screen.query_one("#week-error", Static).render())
        assert error.startswith(f"'{MARKUP}[b]' is not a week"), error


@pytest.fixture
def markup_db(tmp_path: Path) -> Path:
    folder = tmp_path / "["  # the path reads ".../[/]planner.json"
    folder.mkdir()
    return folder / "]planner.json"


async def test_a_database_path_with_markup_is_shown_in_a_notice(
    make_app: Callable[..., Any], markup_db: Path
) -> None:
    markup_db.write_bytes(b'{"meta": {')  # damaged: moved aside, and the notice names it
    store = Store.open(markup_db, now=lambda: FIXED_NOW)
    app = make_app(store=store)
    try:
        async with app.run_test(size=TERMINAL_SIZE, notifications=True) as pilot:
            await pilot.pause(TOAST_WAIT)
            shown = await notices(pilot)  # each rendered as it is painted
            assert any(f"{MARKUP}planner.json was damaged" in text for text in shown), shown
    finally:
        store.close()


async def test_a_read_only_database_path_with_markup_is_shown_in_a_notice(
    make_app: Callable[..., Any], markup_db: Path
) -> None:
    seed(markup_db, {"2026-W48": {"mon": "legs"}})
    store = Store.open(markup_db, read_only=True)
    app = make_app(store=store)
    try:
        async with app.run_test(size=TERMINAL_SIZE, notifications=True) as pilot:
            await pilot.press("p")  # refused: read-only, and the notice names the path
            await pilot.pause(TOAST_WAIT)
            shown = await notices(pilot)
            assert sum(f"{MARKUP}planner.json" in text for text in shown) == 2, shown
    finally:
        store.close()


async def test_markup_in_a_rule_of_the_users_own_is_shown_as_written(
    make_app: Callable[..., Any], tmp_path: Path
) -> None:
    rule = f"""
        [sources.mine]
        kind = "guideline"
        title = "My notes {MARKUP}"
        citation = "notes {MARKUP}[b]"
        """ + GOOD_RULE.replace("Coach: no long run", f"Coach {MARKUP} no long run").replace(
        'source = "coaching"', 'source = "mine"'
    )
    knowledge = load_knowledge(write_rules(tmp_path, rule))
    app = make_app(knowledge=knowledge)
    async with app.run_test(size=(120, 44)) as pilot:
        await pilot.press("home", "g", "r")
        await pilot.pause()
        text = "\n".join(advice_markup(app))
        assert f"Coach \\{MARKUP} no long run" in text  # escaped markup: shown as written
        assert f"notes \\{MARKUP}" in text
        await pilot.press("s")  # the suggestions' differences name the rule too
        await pilot.pause()
        app.screen.query_one("#pins", Input).value = "tue=run"
        app.screen.query_one("#pins", Input).focus()
        await pilot.press("enter")
        await searched(pilot)
        assert app.screen.suggestions


async def test_control_characters_in_a_rule_are_shown_escaped(
    make_app: Callable[..., Any], tmp_path: Path
) -> None:
    controls = "".join(f"\\u{code:04x}" for code in (0x1B, 0x07, 0x9B, 0x00))
    rule = GOOD_RULE.replace("Coach: no long run", f"Coach{controls} no long run")
    app = make_app(knowledge=load_knowledge(write_rules(tmp_path, rule)))
    async with app.run_test(size=(120, 44)) as pilot:
        await pilot.press("home", "g", "r")
        await pilot.pause()
        text = "\n".join(advice_markup(app))
        assert "Coach\\x1b\\x07\\x9b\\x00 no long run" in text
        assert not any(char in text for char in "\x1b\x07\x9b\x00")
