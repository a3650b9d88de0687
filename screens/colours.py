"""Activity colours, the look of a day cell and the colours of text, resolved from the
current theme's variables.

The week grid restyles one or two cells on nearly every key press. Setting inline styles
from colours resolved once per theme costs a repaint; switching CSS classes would cost a
stylesheet pass per cell each time. The year overview uses the same activity colours.

Text is written in the ``readable-*`` variables (:func:`readable_variables`), never in the
theme's own ``$success``, ``$warning``... : on textual-light those are too pale to read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual.color import Color
from textual.css.types import EdgeType

from rules import Activity

# Theme variable and opacity of each activity's colour, laid over the background.
ACTIVITY_COLOUR: Mapping[Activity, tuple[str, float]] = {
    Activity.PUSH: ("primary", 0.30),
    Activity.PULL: ("accent", 0.25),
    Activity.LEGS: ("error", 0.30),
    Activity.RUN: ("success", 0.25),
    Activity.REST: ("foreground", 0.07),
}
TRANSPARENT = Color(0, 0, 0, 0)

Border = tuple[EdgeType, Color]

# WCAG 2 level AA for normal text.
MIN_CONTRAST = 4.5
# Where the planner writes text: the screen, the top bar, the dialogs, the day cells (each
# activity's colour, and a proposed week's), and a proposed week's days alone.
SCREEN, TOP_BAR, DIALOG = "screen", "top bar", "dialog"
DAY_CELLS, PROPOSED_DAYS = "day cells", "proposed days"
# The variables the planner adds to the theme's, for text: the theme colour each is made
# from, and the backgrounds it must read on.
READABLE: Mapping[str, tuple[str, tuple[str, ...]]] = {
    # ready, pro, "saved"
    "readable-success": ("success", (SCREEN, TOP_BAR)),
    # recovering, "saving", "read-only", "proposed from", the too-small notice
    "readable-warning": ("warning", (SCREEN, TOP_BAR)),
    # fatigued, con, "not saved", a dialog's error
    "readable-error": ("error", (SCREEN, TOP_BAR, DIALOG)),
    # "today" in a day cell, tip, the selected day's mark in the advice
    "readable-accent": ("accent", (SCREEN, DAY_CELLS)),
    # unplanned days, legends, citations, the suggest dialog's differences
    "readable-muted": ("foreground-muted", (SCREEN, DIALOG, PROPOSED_DAYS)),
}
FOOTER_KEY = "footer-key-foreground"  # Textual's own variable


@dataclass(frozen=True, slots=True)
class Colours:
    activity: Mapping[Activity, Color]  # translucent
    background: Color
    proposed: Color  # a proposed week, shown but not kept yet
    frame: Color  # the border of an ordinary day
    today: Color
    selected: Color
    warning: Color

    @classmethod
    def from_variables(cls, variables: Mapping[str, str]) -> Colours:
        def colour(name: str) -> Color:
            return Color.parse(variables[name])

        return cls(
            activity={
                activity: colour(name).multiply_alpha(alpha)
                for activity, (name, alpha) in ACTIVITY_COLOUR.items()
            },
            background=colour("background"),
            proposed=colour("boost"),
            frame=colour("panel-lighten-2"),
            today=colour("accent"),
            selected=colour("foreground"),
            warning=colour("warning"),
        )

    def solid(self, activity: Activity) -> Color:
        """The activity's colour over the screen's background, for places without layers."""
        return self.background + self.activity[activity]

    def cell_background(self, activity: Activity | None, *, proposed: bool) -> Color:
        if proposed:
            return self.proposed
        return self.activity[activity] if activity else TRANSPARENT

    def cell_border(self, *, today: bool, selected: bool, proposed: bool) -> Border:
        if proposed:
            return ("heavy" if selected else "dashed", self.warning)
        if selected:
            return ("heavy", self.selected)
        return ("round", self.today if today else self.frame)


def relative_luminance(colour: Color) -> float:
    """WCAG 2's relative luminance of an opaque colour."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.r) + 0.7152 * linear(colour.g) + 0.0722 * linear(colour.b)


def contrast(first: Color, second: Color) -> float:
    """WCAG 2's contrast ratio, from 1 to 21."""
    light, dark = sorted(map(relative_luminance, (first, second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_backgrounds(variables: Mapping[str, str]) -> dict[str, list[Color]]:
    """The backgrounds of each place the planner writes text on (see :data:`READABLE`)."""
    colours = Colours.from_variables(variables)
    background = colours.background
    return {
        SCREEN: [background],
        TOP_BAR: [background + Color.parse(variables["panel"])],
        DIALOG: [background + Color.parse(variables["surface"])],
        DAY_CELLS: [
            *(colours.solid(activity) for activity in Activity),
            background + colours.proposed,
        ],
        PROPOSED_DAYS: [background + colours.proposed],
    }


def readable(colour: Color, backgrounds: list[Color]) -> Color:
    """``colour`` (as drawn on the first background) made lighter on a dark background, darker
    on a light one, in small steps of lightness (its hue kept), until it reads on every one
    of ``backgrounds``."""
    solid = backgrounds[0] + colour
    lighten = relative_luminance(solid) > relative_luminance(backgrounds[0])
    candidate = solid
    for step in range(51):
        if step:
            candidate = solid.lighten(step / 50) if lighten else solid.darken(step / 50)
        if all(contrast(candidate, back) >= MIN_CONTRAST for back in backgrounds):
            return candidate
    return candidate


def readable_variables(variables: Mapping[str, str]) -> dict[str, str]:
    """The ``readable-*`` variables for a theme's generated variables; and Textual's footer
    keys, made readable on the footer, where textual-light draws them blue on grey."""
    places = text_backgrounds(variables)
    readable_colours = {
        name: readable(
            Color.parse(variables[source]), [back for place in where for back in places[place]]
        )
        for name, (source, where) in READABLE.items()
    }
    footer = places[SCREEN][0] + Color.parse(variables["footer-background"])
    readable_colours[FOOTER_KEY] = readable(Color.parse(variables[FOOTER_KEY]), [footer])
    return {name: colour.hex for name, colour in readable_colours.items()}
