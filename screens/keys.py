"""The planner's keymap, as data: every key letter is written here once, in a binding, and
the footer, the help screen, the palette's hints, the key legend under the grid, the fix
line's ``(f)`` and every other hint read it from there (:func:`key_of`).

Typing a week is one activity key a day (the selection always moves on, and past the last
day it rests past the end: the next key goes on into the next week). The session keys then
act on the day just planned, even though the selection has moved past it ("g i" makes that
leg day heavy), or on the selected day once the user has moved. The rules are the core's:
:mod:`planner.typing_state` and :mod:`planner.week_keys`."""

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

# In the footer, the activity keys read as one entry ("p u g r . Plan"), and so do the keys
# that change the week ("[ ] Week").
PLAN = Binding.Group("Plan")
WEEK = Binding.Group("Week")
_FOOTER_PLAN_KEYS = frozenset({"p", "u", "g", "r", "full_stop"})
# The keys of a session's kind, for the tooltips below: "p u g r".
_KINDS = " ".join(k.label for k in ACTIVITY_KEYS[:4])


def _planning_binding(k: ActivityKey) -> Binding:
    shown = k.key in _FOOTER_PLAN_KEYS
    return Binding(
        k.key, f"plan('{k.activity}')", f"Plan {k.activity}", show=shown, key_display=k.label,
        group=PLAN if shown else None,
    )  # fmt: skip


# The order is the footer's, left to right; FOOTER_RANKS says which go first when the
# terminal is narrow. The description is the footer's word, the tooltip what the help says.
WEEK_BINDINGS: list[Binding] = [
    *(_planning_binding(k) for k in ACTIVITY_KEYS[:5]),
    Binding("left_square_bracket", "previous_week", "Previous week", key_display="[",
            group=WEEK),
    Binding("right_square_bracket", "next_week", "Next week", key_display="]", group=WEEK),
    Binding("ctrl+z", "undo", "Undo", tooltip="Undo the last change (across weeks)"),
    Binding("f", "apply_fix", "Fix", tooltip="Make the smallest fix the advice panel shows"),
    Binding("s", "suggest", "Suggest", tooltip="Suggest the best order for the week's sessions"),
    Binding("t", "this_week", "This week", tooltip="Back to the week holding today"),
    Binding("y", "year", "Year", tooltip="The year at a glance (enter opens a week)"),
    Binding("w", "load", "Load", tooltip="Load over weeks: planned and done, strain, blocks"),
    Binding("G", "choose_goal", "Goal", key_display="G",
            tooltip="Choose what you train for (the goal)"),
    Binding("T", "templates", "Templates", key_display="T", tooltip="Apply a week template"),
    Binding("c", "copy_previous_week", "Copy", tooltip="Copy the previous week into this one"),
    Binding("L", "log_dialog", "Log", key_display="L",
            tooltip="Log a day: what was done, effort, soreness, sleep"),
    Binding("tab", "toggle_advice", "Advice",
            tooltip="Read the advice (↑↓ pgup pgdn home end); tab: back"),
    Binding("question_mark,f1", "help", "Help", key_display="?",
            tooltip="Help: every key of the planner (also f1)"),
    # Help rows stay one line in the help dialog: short tooltips, the detail in help_rows.
    Binding("i", "cycle_attribute(1)", "Intensity", show=False,
            tooltip="Next intensity or run type of the day just planned"),
    Binding("I", "cycle_attribute(-1)", "Intensity back", show=False, key_display="I",
            tooltip="The same, back (easy to intervals, light to heavy)"),
    # o, beside i: the other (first) session of a two-session day ("g + r o": heavy legs).
    Binding("o", "cycle_first_attribute(1)", "First session's intensity", show=False,
            tooltip="Intensity or run type of the first of two sessions"),
    Binding("O", "cycle_first_attribute(-1)", "First session's intensity back", show=False,
            key_display="O", tooltip="The same, back"),
    Binding("plus", "add_session", "Second session", show=False, key_display="+",
            tooltip=f"Then {_KINDS}: a second session, apart, on that day"),
    Binding("minus", "remove_session", "Remove session", show=False, key_display="-",
            tooltip="Remove the last session of the day just planned"),
    Binding("a", "toggle_together", "Apart / together", show=False,
            tooltip="Two sessions: apart (>= 6 h) or together"),
    Binding("escape", "cancel", "Cancel a waiting +, or back from the advice", show=False,
            key_display="esc"),
    Binding("ctrl+y,ctrl+shift+z", "redo", "Redo", show=False, key_display="ctrl+y"),
    Binding("enter", "keep_proposal", "Keep the week proposed from the repeating week",
            show=False),
    Binding("left,h", "move(-1)", "Previous day", show=False, key_display="←/h"),
    Binding("right,l", "move(1)", "Next day", show=False, key_display="→/l"),
    Binding("home", "move_to(0)", "First day", show=False),
    Binding("end", "move_to(6)", "Last day", show=False),
    Binding("pageup", "scroll_advice(-1)", "Scroll advice up", show=False, key_display="pgup"),
    Binding("pagedown", "scroll_advice(1)", "Scroll advice down", show=False,
            key_display="pgdn"),
    Binding("D", "bring_deload_forward", "Deload sooner", show=False, key_display="D",
            tooltip="Deload next week instead, when the panel suggests it"),
    Binding("backspace,delete", "clear_day", "Clear day", show=False, key_display="⌫/del"),
    Binding("d", "log('done')", "Log done", show=False,
            tooltip="Log the selected day done as planned"),
    Binding("x", "log('skipped')", "Log skipped", show=False,
            tooltip="Log the selected day's training skipped"),
    *(_planning_binding(k) for k in (ACTIVITY_KEYS[5], *DIGIT_KEYS)),
]  # fmt: skip

APP_BINDINGS: list[Binding] = [
    Binding("ctrl+q", "quit", "Quit", priority=True,
            tooltip="Quit (everything is already saved)"),
    Binding("ctrl+s", "retry_saves", "Save again", show=False,
            tooltip="Save again after a failed save"),
]  # fmt: skip
# Textual's own key for the command palette (App.COMMAND_PALETTE_BINDING).
PALETTE_KEY = "ctrl+p"

# The footer's entries, most needed first: it shows as many as the width allows, in the
# bindings' order. Quit, help and changing the week stay at 80 columns.
FOOTER_RANKS = (
    "quit", "help", WEEK.description, PLAN.description, "undo", "apply_fix", "suggest",
    "year", "load", "log_dialog", "choose_goal", "toggle_advice", "this_week", "templates",
    "copy_previous_week",
)  # fmt: skip


def footer_name(binding: Binding) -> str:
    """How the footer and its ranks name a binding: its group's word, else its action."""
    return binding.group.description if binding.group is not None else binding.action


# Left to right, as the bindings come.
FOOTER_ORDER = tuple(
    dict.fromkeys(footer_name(b) for b in (*WEEK_BINDINGS, *APP_BINDINGS) if b.show)
)


def key_of(action: str) -> str:
    """The key bound to ``action`` as the planner writes it (``s``, ``ctrl+z``, ``?``)."""
    for binding in (*WEEK_BINDINGS, *APP_BINDINGS):
        if binding.action == action:
            return binding.key_display or binding.key.split(",")[0]
    raise KeyError(f"no key is bound to {action!r}")


def activity_keys(*, rest: bool = True) -> str:
    """The activity keys as one word each: ``p u g r .`` (without rest: ``p u g r``)."""
    return " ".join(
        key_of(f"plan('{activity}')")
        for activity in Activity
        if rest or activity is not Activity.REST
    )


def help_rows() -> list[tuple[str, str]]:
    """(keys, what they do) for the help screen: the planning keys first, one row per
    activity with its keys together, then every other key."""
    rows = []
    for activity in Activity:
        keys = [k.label for k in (*ACTIVITY_KEYS, *DIGIT_KEYS) if k.activity is activity]
        rows.append((" / ".join(keys), f"Plan {activity} on the selected day, then move on"))
    for b in WEEK_BINDINGS:
        if b.key not in PLANNING_KEYS:
            rows.append((b.key_display or b.key, b.tooltip or b.description))
            if b.action == "cycle_attribute(-1)":
                rows.append(("", "(light moderate heavy · easy long tempo intervals)"))
    rows.append((PALETTE_KEY, "Command palette: go to week, clear week, settings…"))
    rows.extend((b.key_display or b.key, b.tooltip) for b in APP_BINDINGS)
    # Not keys: how a day cell writes what the session keys make.
    rows.append(("+ / & in a day", "Its second session: apart (>= 6 h) / back to back"))
    return rows


def typing_help() -> str:
    """How typing a week goes, above the keys in the help screen (markup)."""
    return (
        f"[b]Type a week in seven keys[/b]: [b]{activity_keys()}[/b] plans the selected day "
        "and moves on. After the last day the week stays in view with its score, the "
        "selection past its end (▶); the next key plans the next week's first day. "
        f"[b]{key_of('undo')}[/b] steps back, across weeks too. [b]{key_of('add_session')}"
        f"[/b], [b]{key_of('cycle_attribute(1)')}[/b]... change the day just planned."
    )


def legend() -> str:
    """The session keys under the grid: two lines, each whole (wrapped by the width
    instead, a line could end between a key and its word: "-" and "remove")."""

    def key(action: str) -> str:
        return f"[b]{key_of(action)}[/b]"

    return (
        f"[b]{activity_keys()}[/b] plan  {key('add_session')} 2nd session  "
        f"{key('remove_session')} remove  {key('toggle_together')} apart/together\n"
        f"{key('cycle_attribute(1)')}/{key('cycle_attribute(-1)')} intensity or run type  "
        f"{key('cycle_first_attribute(1)')}/{key('cycle_first_attribute(-1)')} "
        "the same, of the first of two"
    )
