"""The week screen's keymap, as data: one place that the bindings, the footer, the help
screen and the key legend under the grid are all built from.

Typing a week is one activity key a day (the selection always moves on). The session keys
then act on the day just planned, even though the selection has moved past it ("g i" makes
that leg day heavy), or on the selected day once the user has moved: ``i``/``I`` step its
last session's intensity or run type, ``o``/``O`` the first one's on a day of two (the
one just added is the one ``i`` reaches), ``+`` and an activity key add a second session,
``-`` removes the last session and ``a`` switches two sessions between apart and together.
Moving the selection or the week, and any other edit, end "just planned" (and a ``+``
waiting for its kind, as ``escape`` does)."""

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
PLANNING_KEYS = frozenset(k.key for k in (*ACTIVITY_KEYS, *DIGIT_KEYS))

# In the footer, the activity keys read as one entry: "p u g r . Plan".
_PLAN = Binding.Group("Plan")
_FOOTER_PLAN_KEYS = frozenset({"p", "u", "g", "r", "full_stop"})


def _planning_binding(k: ActivityKey) -> Binding:
    shown = k.key in _FOOTER_PLAN_KEYS
    return Binding(
        k.key, f"plan('{k.activity}')", f"Plan {k.activity}", show=shown, key_display=k.label,
        group=_PLAN if shown else None,
    )  # fmt: skip


# The footer shows what a new user needs first (plan, help, suggest, templates, copy,
# undo); the description is the footer's word, the tooltip what the help screen says.
WEEK_BINDINGS: list[Binding | tuple[str, str] | tuple[str, str, str]] = [
    *(_planning_binding(k) for k in ACTIVITY_KEYS[:5]),
    # Second, so that it is still in the footer of the narrowest terminal.
    Binding("question_mark,f1", "help", "Help", key_display="?",
            tooltip="Help: every key of the planner (also f1)"),
    Binding("s", "suggest", "Suggest", tooltip="Suggest the best order for the week's sessions"),
    Binding("T", "templates", "Templates", key_display="T", tooltip="Apply a week template"),
    Binding("c", "copy_previous_week", "Copy", tooltip="Copy the previous week into this one"),
    Binding("ctrl+z", "undo", "Undo", tooltip="Undo the last change"),
    # Help rows stay one line in the help dialog: short tooltips, the detail in help_rows.
    Binding("i", "cycle_attribute(1)", "Intensity", show=False,
            tooltip="Next intensity or run type of the day just planned"),
    Binding("I", "cycle_attribute(-1)", "Intensity back", show=False, key_display="I",
            tooltip="The same, back (r I: intervals; g I: light legs)"),
    # o, beside i: the other (first) session of a two-session day ("g + r o": heavy legs).
    Binding("o", "cycle_first_attribute(1)", "First session's intensity", show=False,
            tooltip="Intensity or run type of the first of two sessions"),
    Binding("O", "cycle_first_attribute(-1)", "First session's intensity back", show=False,
            key_display="O", tooltip="The same, back"),
    Binding("plus", "add_session", "Second session", show=False, key_display="+",
            tooltip="Then p u g r: a second session, apart, on that day"),
    Binding("minus", "remove_session", "Remove session", show=False, key_display="-",
            tooltip="Remove the last session of the day just planned"),
    Binding("a", "toggle_together", "Apart / together", show=False,
            tooltip="Two sessions: apart (>= 6 h) or together"),
    Binding("escape", "cancel", "Cancel a waiting +, or back from the advice", show=False,
            key_display="esc"),
    Binding("left_square_bracket", "previous_week", "Prev week", show=False, key_display="["),
    Binding("right_square_bracket", "next_week", "Next week", show=False, key_display="]"),
    Binding("ctrl+y,ctrl+shift+z", "redo", "Redo", show=False, key_display="ctrl+y"),
    Binding("t", "this_week", "This week", show=False),
    Binding("y", "year", "Year overview", show=False),
    Binding("f", "apply_fix", "Fix", show=False,
            tooltip="Make the smallest fix the advice panel shows"),
    Binding("G", "choose_goal", "Goal", show=False, key_display="G",
            tooltip="Choose what you train for (the goal)"),
    Binding("enter", "keep_proposal", "Keep the week proposed from the repeating week", show=False),
    Binding("left,h", "move(-1)", "Previous day", show=False, key_display="←/h"),
    Binding("right,l", "move(1)", "Next day", show=False, key_display="→/l"),
    Binding("home", "move_to(0)", "First day", show=False),
    Binding("end", "move_to(6)", "Last day", show=False),
    Binding("pageup", "scroll_advice(-1)", "Scroll advice up", show=False, key_display="pgup"),
    Binding("pagedown", "scroll_advice(1)", "Scroll advice down", show=False, key_display="pgdn"),
    Binding("tab", "toggle_advice", "Read the advice (↑↓ pgup pgdn home end); tab: back",
            show=False),
    Binding("backspace,delete", "clear_day", "Clear day", show=False, key_display="⌫/del"),
    *(_planning_binding(k) for k in (ACTIVITY_KEYS[5], *DIGIT_KEYS)),
]  # fmt: skip


def help_rows() -> list[tuple[str, str]]:
    """(keys, what they do) for the help screen: the planning keys first, one row per
    activity with its keys together, then every other key."""
    rows = []
    for activity in Activity:
        keys = [k.label for k in (*ACTIVITY_KEYS, *DIGIT_KEYS) if k.activity is activity]
        rows.append((" / ".join(keys), f"Plan {activity} on the selected day, then move on"))
    for b in WEEK_BINDINGS:
        if isinstance(b, Binding) and b.key not in PLANNING_KEYS:
            rows.append((b.key_display or b.key, b.tooltip or b.description))
            if b.key == "I":
                rows.append(("", "(light moderate heavy · easy long tempo intervals)"))
    return rows


# Two lines, each whole: wrapped by the width instead, a line could end between a key and
# its word ("-" and "remove").
LEGEND = (
    "[b]p u g r .[/b] plan  [b]+[/b] 2nd session  [b]-[/b] remove  [b]a[/b] apart/together\n"
    "[b]i[/b]/[b]I[/b] intensity or run type  [b]o[/b]/[b]O[/b] the same, of the first of two"
)
