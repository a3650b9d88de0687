"""Every key of the week screen is in the footer or the help screen, and the footer shows
the keys a new user needs first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.binding import Binding
from textual.widgets._footer import FooterKey, FooterLabel

from screens.keys import LEGEND, WEEK_BINDINGS, help_rows
from screens.widgets.text_block import parse_markup
from tests.conftest import TERMINAL_SIZE


def test_every_key_is_in_the_footer_or_the_help() -> None:
    helped = {keys for keys, _ in help_rows()}
    helped_words = " / ".join(helped).split(" / ")
    for binding in WEEK_BINDINGS:
        assert isinstance(binding, Binding)
        shown = binding.key_display or binding.key
        assert binding.show or shown in helped or shown in helped_words, binding


def test_the_session_keys_are_explained_in_the_help() -> None:
    rows = dict(help_rows())
    assert "intensity" in rows["i"] and "run type" in rows["i"]
    assert "first of two sessions" in rows["o"] and "intensity or run type" in rows["o"].lower()
    assert "back" in rows["O"]
    assert "second session" in rows["+"]
    assert "Remove the last session" in rows["-"]
    assert "together" in rows["a"]


async def test_the_footer_shows_what_a_new_user_needs_first(
    make_app: Callable[..., Any],
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.pause()
        footer = [
            str(widget.render()).strip()
            for widget in app.screen.query("FooterKey, FooterLabel")
            if isinstance(widget, FooterKey | FooterLabel)
        ]
    text = " ".join(footer)
    for item in ("p", "u", "g", "r", ".", "Plan", "? Help", "s Suggest", "T Templates", "c Copy"):
        assert item in text, (item, text)


async def test_the_legend_names_the_session_keys_each_line_whole(
    make_app: Callable[..., Any],
) -> None:
    app = make_app()
    # The narrowest plan area that shows the legend (beside the panel), and a wide one.
    for size in ((110, 40), (200, 50), (80, 40)):
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            legend = app.screen.query_one("#legend")
            text = str(legend.render())
            assert "o/O" in text and "i/I" in text and "2nd session" in text
            content = parse_markup(LEGEND)
            wrapped = [line.plain.strip() for line in content.wrap(legend.content_region.width)]
            assert wrapped == content.plain.split("\n"), size  # no line cut in two
            assert legend.content_region.height == 2, (size, legend.content_region)
        app = make_app()
