"""Every key of the week screen is in the footer or the help screen, each key is written
once (in its binding) and read from there, and the footer shows the keys a user needs
most, as many as the width allows, each whole."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.binding import Binding
from textual.widgets._footer import FooterKey, FooterLabel

from screens.keys import FOOTER_ORDER, FOOTER_RANKS, WEEK_BINDINGS, help_rows, key_of, legend
from screens.widgets.text_block import parse_markup


def test_every_key_is_in_the_footer_or_the_help() -> None:
    helped = {keys for keys, _ in help_rows()}
    helped_words = " / ".join(helped).split(" / ")
    for binding in WEEK_BINDINGS:
        assert isinstance(binding, Binding) and binding.description
        shown = binding.key_display or binding.key
        assert binding.show or shown in helped or shown in helped_words, binding


def test_each_help_row_is_one_line_in_the_help_at_80_columns() -> None:
    """The dialog's text is 68 cells wide at 80 columns (its border, padding, scrollbar)."""
    rows = help_rows()
    keys = max(len(key) for key, _ in rows)
    assert all(keys + 2 + len(text) <= 68 for _, text in rows), rows


def test_the_session_keys_are_explained_in_the_help() -> None:
    rows = dict(help_rows())
    assert "intensity" in rows["i"] and "run type" in rows["i"]
    assert "first of two sessions" in rows["o"] and "intensity or run type" in rows["o"].lower()
    assert "back" in rows["O"]
    assert "second session" in rows["+"]
    assert "Remove the last session" in rows["-"]
    assert "together" in rows["a"]


def test_a_key_letter_is_read_from_its_binding() -> None:
    assert key_of("suggest") == "s" and key_of("apply_fix") == "f" and key_of("help") == "?"
    assert key_of("undo") == "ctrl+z" and key_of("quit") == "ctrl+q"
    with pytest.raises(KeyError):
        key_of("no such action")


async def footer_items(app: Any) -> list[tuple[str, bool]]:
    """Each footer entry's text, and whether it is drawn whole inside the footer."""
    footer = app.screen.query_one("Footer")
    items = []
    for widget in app.screen.query("FooterKey, FooterLabel"):
        if isinstance(widget, FooterKey | FooterLabel):
            whole = footer.region.contains_region(widget.region) and widget.region.width > 0
            items.append((str(widget.render()).strip(), whole))
    return items


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        ((80, 24), ("^q Quit", "? Help", "[", "]", "Week", "Plan", "^z Undo")),
        ((120, 36), ("^q Quit", "? Help", "Week", "Plan", "^z Undo", "f Fix", "s Suggest")),
        ((200, 50), ("f Fix", "s Suggest", "y Year", "G Goal", "t This week", "T Templates")),
    ],
)
async def test_the_footer_keeps_quit_help_and_the_week_and_adds_keys_as_width_allows(
    make_app: Callable[..., Any], size: tuple[int, int], shown: tuple[str, ...]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        items = await footer_items(app)
    assert all(whole for _, whole in items), items  # nothing cut off
    text = " ".join(item for item, _ in items)
    for item in shown:
        assert item in text, (item, text)
    assert len(items) == len({item for item, _ in items})


async def test_the_footer_fits_again_when_the_width_changes(
    make_app: Callable[..., Any],
) -> None:
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        wide = len(await footer_items(app))
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        items = await footer_items(app)
        assert len(items) < wide and all(whole for _, whole in items), items
        assert any("Quit" in item for item, _ in items)


def test_the_footer_ranks_name_shown_bindings() -> None:
    assert set(FOOTER_RANKS) == set(FOOTER_ORDER)
    assert FOOTER_ORDER[:2] == ("Plan", "Week") and FOOTER_ORDER[-1] == "quit"


async def test_the_legend_names_the_session_keys_each_line_whole(
    make_app: Callable[..., Any],
) -> None:
    app = make_app()
    # The narrowest plan area that shows the legend (beside the panel), and a wide one.
    for size in ((110, 40), (200, 50), (80, 40)):
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            shown = app.screen.query_one("#legend")
            text = str(shown.render())
            assert "o/O" in text and "i/I" in text and "2nd session" in text
            content = parse_markup(legend())
            wrapped = [line.plain.strip() for line in content.wrap(shown.content_region.width)]
            assert wrapped == content.plain.split("\n"), size  # no line cut in two
            assert shown.content_region.height == 2, (size, shown.content_region)
        app = make_app()
