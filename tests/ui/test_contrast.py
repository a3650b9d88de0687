"""Every text colour the planner draws reads at WCAG's 4.5:1 (level AA) on the background it
is drawn on, in both built-in themes the planner is used with; computed from the running
app's theme variables with WCAG 2's own formula (not the one in screens/colours.py)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.color import Color

from planner.readiness import Readiness
from screens.colours import ACTIVITY_COLOUR
from screens.widgets.readiness_strip import STATE_COLOUR

THEMES = ("textual-dark", "textual-light")
AA = 4.5
SCREENS = Path(__file__).resolve().parents[2] / "screens"


def luminance(colour: Color) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.r) + 0.7152 * linear(colour.g) + 0.0722 * linear(colour.b)


def ratio(text: Color, background: Color) -> float:
    light, dark = sorted((luminance(text), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def drawn_pairs(variables: dict[str, str]) -> Iterator[tuple[str, str, Color, Color]]:
    """(what, on what, text colour, background) for every text the planner draws."""

    def colour(name: str) -> Color:
        return Color.parse(variables[name])

    screen = colour("background")
    top_bar = screen + colour("panel")
    dialog = screen + colour("surface")
    footer = screen + colour("footer-background")
    cells = {
        activity.value: screen + colour(name).multiply_alpha(alpha)
        for activity, (name, alpha) in ACTIVITY_COLOUR.items()
    }
    proposed = screen + colour("boost")
    cells["proposed"] = proposed

    def text(name: str, on: Color) -> Color:
        return on + colour(name)

    for cell, back in cells.items():
        yield "a day's words", f"{cell} cell", text("foreground", back), back
        yield "today", f"{cell} cell", text("readable-accent", back), back
    yield "today", "unplanned cell", text("readable-accent", screen), screen
    for back_name, back in (("screen", screen), ("proposed cell", proposed)):
        yield "an unplanned day", back_name, text("readable-muted", back), back
    for state in Readiness:
        # A strained mark is the same pair reversed: the same ratio.
        yield f"readiness {state.value}", "screen", text(STATE_COLOUR[state], screen), screen
    for name in ("foreground", "readable-muted", "readable-success", "readable-warning"):
        yield f"legend, advice: {name}", "screen", text(name, screen), screen
    for name in ("readable-error", "readable-accent"):
        yield f"advice, notices: {name}", "screen", text(name, screen), screen
    for name in ("foreground", "readable-success", "readable-warning", "readable-error"):
        yield f"title, save state: {name}", "top bar", text(name, top_bar), top_bar
    for name in ("foreground", "readable-muted", "readable-error"):
        yield f"dialog: {name}", "dialog", text(name, dialog), dialog
    for name in ("footer-key-foreground", "footer-description-foreground"):
        yield f"footer: {name}", "footer", text(name, footer), footer


@pytest.mark.parametrize("theme", THEMES)
async def test_every_text_colour_reads_on_its_background(
    make_app: Callable[..., Any], theme: str
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.theme = theme
        await pilot.pause()
        pairs = list(drawn_pairs(dict(app.theme_variables)))
    failing = [
        f"{what} on {where}: {ratio(fg, bg):.2f} ({fg.hex} on {bg.hex})"
        for what, where, fg, bg in pairs
        if ratio(fg, bg) < AA
    ]
    assert failing == []


def test_the_theme_colours_themselves_fail_on_textual_light() -> None:
    """Why the readable-* variables exist: the theme's own success, warning and accent are
    pale on textual-light's background."""
    from textual.app import App

    theme = App().get_theme("textual-light")
    assert theme is not None
    variables = theme.to_color_system().generate()
    screen = Color.parse(variables["background"])
    for name in ("success", "warning", "accent"):
        assert ratio(screen + Color.parse(variables[name]), screen) < AA


# Text drawn in the theme's own colours rather than in the readable-* ones.
RAW_TEXT_COLOUR = re.compile(
    r"\[\$(success|warning|error|accent|primary|secondary|foreground-muted|text-muted)\b"
    r"|\[dim\b"
    r"|(?<![-\w])color:\s*\$(success|warning|error|accent|foreground-muted|text-muted)\b"
    r"|styled\([^)]*\"\$(success|warning|error|accent|foreground-muted)\""
)


def test_screens_write_text_only_in_readable_colours() -> None:
    sources = [*SCREENS.rglob("*.py"), *SCREENS.rglob("*.tcss")]
    found = [
        f"{path.relative_to(SCREENS)}:{number}: {line.strip()}"
        for path in sources
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if RAW_TEXT_COLOUR.search(line) and path.name != "colours.py"
    ]
    assert found == []
    assert RAW_TEXT_COLOUR.search('"[$warning]~ recovering[/]"')  # the check does see one
