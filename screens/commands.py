"""Planner commands for the command palette (ctrl+p), next to Textual's own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from planner.weeks import FirstWeekday

if TYPE_CHECKING:
    from screens.week_screen import WeekScreen


def week_commands(screen: WeekScreen) -> Iterator[SystemCommand]:
    session = screen.session
    yield SystemCommand("Go to week…", "Open any ISO week, e.g. 2026-W48", screen.action_go_to_week)
    yield SystemCommand("This week", "Show the week containing today", screen.action_this_week)
    yield SystemCommand("Previous week", "Show the week before", screen.action_previous_week)
    yield SystemCommand("Next week", "Show the week after", screen.action_next_week)
    yield SystemCommand(
        "Clear week", f"Unplan every day of {session.week} (undoable)", screen.action_clear_week
    )
    yield SystemCommand(
        "Suggest a week…", "The best order for the sessions you want (s)", screen.action_suggest
    )
    yield SystemCommand("Apply a template…", "A named week layout (T)", screen.action_templates)
    yield SystemCommand(
        "Copy previous week", "Plan this week like the week before (c)",
        screen.action_copy_previous_week,
    )  # fmt: skip
    yield SystemCommand(
        "Year overview", "Every week of the year at a glance (y)", screen.action_year
    )
    yield SystemCommand("Undo", "Take back the last change", screen.action_undo)
    yield SystemCommand("Redo", "Apply again what was undone", screen.action_redo)
    other = (
        FirstWeekday.SUNDAY if session.first_weekday is FirstWeekday.MONDAY else FirstWeekday.MONDAY
    )
    yield SystemCommand(
        f"Start weeks on {other.value.capitalize()}",
        f"Show weeks {other.value.capitalize()} to "
        f"{'Saturday' if other is FirstWeekday.SUNDAY else 'Sunday'}",
        lambda: screen.set_first_weekday(other),
    )
    yield SystemCommand("Keys", "Every key of the planner", screen.action_help)
