"""Activity colours and the look of a day cell, resolved from the current theme's variables.

The week grid restyles one or two cells on nearly every key press. Setting inline styles
from colours resolved once per theme costs a repaint; switching CSS classes would cost a
stylesheet pass per cell each time. The year overview uses the same activity colours.
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
