"""The week screen's commands for the command palette (ctrl+p), one Provider beside Textual's
own system commands (Theme, Keys, Quit...)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from planner.weeks import FirstWeekday

if TYPE_CHECKING:
    from screens.week_screen import WeekScreen


@dataclass(frozen=True, slots=True)
class PaletteCommand:
    title: str
    help: str
    run: Callable[[], object]


def week_commands(screen: WeekScreen) -> Iterator[PaletteCommand]:
    """What the palette offers on ``screen``, built when the palette opens: titles and help
    name the week shown and the settings as they are now."""
    session = screen.session
    yield PaletteCommand(
        "Go to week…", "Open any ISO week, e.g. 2026-W48", screen.action_go_to_week
    )
    yield PaletteCommand("This week", "Show the week containing today (t)", screen.action_this_week)
    yield PaletteCommand("Previous week", "Show the week before", screen.action_previous_week)
    yield PaletteCommand("Next week", "Show the week after", screen.action_next_week)
    yield PaletteCommand(
        "Clear week", f"Unplan every day of {session.week} (undoable)", screen.action_clear_week
    )
    yield PaletteCommand(
        "Suggest a week…", "The best order for the sessions you want (s)", screen.action_suggest
    )
    yield PaletteCommand("Apply a template…", "A named week layout (T)", screen.action_templates)
    yield PaletteCommand(
        "Copy previous week", "Plan this week like the week before (c)",
        screen.action_copy_previous_week,
    )  # fmt: skip
    yield PaletteCommand(
        "Year overview", "Every week of the year at a glance (y)", screen.action_year
    )
    yield PaletteCommand(
        "Choose the goal…",
        f"What you train for, now {session.goal.label}: it weighs the advice (G)",
        screen.action_choose_goal,
    )
    yield PaletteCommand(
        "Make the smallest fix",
        "The single change that raises the score the most, as the panel shows it (f)",
        screen.action_apply_fix,
    )
    yield PaletteCommand("Undo", "Take back the last change (ctrl+z)", screen.action_undo)
    yield PaletteCommand("Redo", "Apply again what was undone (ctrl+y)", screen.action_redo)
    week = session.week
    # Only a week with something planned can repeat (planner.edits.mark_repeating).
    if session.repeat_week != week and not session.plan_for(week).is_empty:
        yield PaletteCommand(
            "Repeat this week",
            f"Unplanned weeks propose {week}'s layout until you edit them",
            lambda: screen.set_repeat_week(week),
        )
    if session.repeat_week is not None:
        yield PaletteCommand(
            f"Stop repeating {session.repeat_week}",
            "Unplanned weeks stay empty",
            lambda: screen.set_repeat_week(None),
        )
    other = (
        FirstWeekday.SUNDAY if session.first_weekday is FirstWeekday.MONDAY else FirstWeekday.MONDAY
    )
    yield PaletteCommand(
        f"Start weeks on {other.value.capitalize()}",
        f"Show weeks {other.value.capitalize()} to "
        f"{'Saturday' if other is FirstWeekday.SUNDAY else 'Sunday'}",
        lambda: screen.set_first_weekday(other),
    )
    # Textual's "Keys" opens its side panel of bindings; this is the planner's own table,
    # grouped by what the keys do, under a title of its own so neither hides the other.
    yield PaletteCommand(
        "Help: every key of the planner", "The planner's key table (? or f1)", screen.action_help
    )


class WeekCommands(Provider):
    """The planner's commands, on the week screen only (``WeekScreen.COMMANDS``)."""

    def _commands(self) -> list[PaletteCommand]:
        from screens.week_screen import WeekScreen

        screen = self.screen
        return list(week_commands(screen)) if isinstance(screen, WeekScreen) else []

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            if (score := matcher.match(command.title)) > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, help=command.help)
