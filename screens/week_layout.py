"""How the week screen fits the terminal: the sizes where its layout changes, as CSS
classes on the screen (the rules are in week_screen.tcss)."""

from __future__ import annotations

from screens.keys import key_of

# Below this nothing readable fits: a notice replaces the layout.
MIN_SIZE = (60, 20)
# Below this the grid and the panel no longer fit side by side: the panel goes under the grid,
# and reading the advice (tab) gives it the whole screen.
WIDE_MIN_WIDTH = 110
# Below this the day columns lose the gap between them, so a cell still holds "30 Nov".
COMPACT_WIDTH = 70
# Below this every row counts: no padding above the grid and the readiness, the weekday
# and the date on one line, no key legend (the footer and the help screen have the keys),
# and under the grid, the selected day's transitions in brief instead of the advice list.
LOW_HEIGHT = 32
# Below this the readiness legend goes too (the help screen has it), and the line under
# the verdict.
SHORT_HEIGHT = 28
# From this height a wide layout may have room under the grid for the week's own findings
# (they go there if they fit), beside the transitions instead of above them in the panel.
TALL_HEIGHT = 40

# The panel's top border under the grid, and while the advice is read.
_TAB = key_of("toggle_advice")
ADVICE_HINT = f"[b]{_TAB}[/b] read all the advice"
READING_HINT = (
    f"[b]{_TAB}[/b]/[b]{key_of('cancel')}[/b] back  ·  [b]↑ ↓ pgup pgdn home end[/b] scroll  ·  "
    "[b]← →[/b] day"
)


def layout_classes(width: int, height: int) -> dict[str, bool]:
    """Each of the screen's layout classes, and whether a terminal this size has it."""
    narrow = width < WIDE_MIN_WIDTH
    return {
        "-too-small": width < MIN_SIZE[0] or height < MIN_SIZE[1],
        "-narrow": narrow,
        "-compact": width < COMPACT_WIDTH,
        "-low": height < LOW_HEIGHT,
        "-short": height < SHORT_HEIGHT,
        "-tall": not narrow and height >= TALL_HEIGHT,
    }
