"""The week screen's keymap, as data: one place that the bindings, the help screen and the
key legend under the grid are all built from."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

from rules import Activity


@dataclass(frozen=True, slots=True)
class ActivityKey:
    key: str  # Textual key name
    label: str  # what the user reads
    activity: Activity


# l is taken by "move right" (h/l, as in vim), so legs is g (le-g-s); digits work for all.
ACTIVITY_KEYS = (
    ActivityKey("p", "p", Activity.PUSH),
    ActivityKey("u", "u", Activity.PULL),
    ActivityKey("g", "g", Activity.LEGS),
    ActivityKey("r", "r", Activity.RUN),
    ActivityKey("full_stop", ".", Activity.REST),
    ActivityKey("space", "space", Activity.REST),
)
DIGIT_KEYS = tuple(
    ActivityKey(str(number), str(number), activity)
    for number, activity in enumerate(
        (Activity.PUSH, Activity.PULL, Activity.LEGS, Activity.RUN, Activity.REST), start=1
    )
)

WEEK_BINDINGS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    Binding("question_mark,f1", "help", "Help", key_display="?/f1"),
    Binding("left_square_bracket", "previous_week", "Prev week", key_display="["),
    Binding("right_square_bracket", "next_week", "Next week", key_display="]"),
    Binding("ctrl+z", "undo", "Undo"),
    Binding("ctrl+y,ctrl+shift+z", "redo", "Redo", show=False, key_display="ctrl+y"),
    Binding("t", "this_week", "This week", show=False),
    Binding("y", "year", "Year overview"),
    Binding("s", "suggest", "Suggest the best order for the week", show=False),
    Binding("T", "templates", "Apply a week template", show=False, key_display="T"),
    Binding("c", "copy_previous_week", "Copy the previous week into this one", show=False),
    Binding("enter", "keep_proposal", "Keep the week proposed from the repeating week", show=False),
    Binding("left,h", "move(-1)", "Previous day", show=False, key_display="←/h"),
    Binding("right,l", "move(1)", "Next day", show=False, key_display="→/l"),
    Binding("home", "move_to(0)", "First day", show=False),
    Binding("end", "move_to(6)", "Last day", show=False),
    Binding("pageup", "scroll_advice(-1)", "Scroll advice up", show=False, key_display="pgup"),
    Binding("pagedown", "scroll_advice(1)", "Scroll advice down", show=False, key_display="pgdn"),
    Binding("tab", "toggle_advice", "Read the advice (↑↓ pgup pgdn home end); tab: back",
            show=False),
    Binding("escape", "close_advice", "Back from the advice to the week", show=False,
            key_display="esc"),
    Binding("backspace,delete", "clear_day", "Clear day", show=False, key_display="⌫/del"),
    *(
        Binding(k.key, f"plan('{k.activity}')", f"Plan {k.activity}", show=False,
                key_display=k.label)
        for k in (*ACTIVITY_KEYS, *DIGIT_KEYS)
    ),
]  # fmt: skip


def help_rows() -> list[tuple[str, str]]:
    """(keys, what they do) for the help screen: one row per activity, its keys together."""
    planning = {k.key for k in (*ACTIVITY_KEYS, *DIGIT_KEYS)}
    rows = [
        (b.key_display or b.key, b.description)
        for b in WEEK_BINDINGS
        if isinstance(b, Binding) and b.key not in planning
    ]
    for activity in Activity:
        keys = [k.label for k in (*ACTIVITY_KEYS, *DIGIT_KEYS) if k.activity is activity]
        rows.append((" / ".join(keys), f"Plan {activity} on the selected day, then move on"))
    return rows


LEGEND = (
    "  ".join(f"[b]{k.label}[/b] {k.activity}" for k in ACTIVITY_KEYS if k.key != "space")
    + "  [b]⌫[/b] clear  [b]1-5[/b] also plan"
)
