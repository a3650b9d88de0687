"""The week screen's commands for the command palette (ctrl+p), one Provider beside Textual's
own system commands (Theme, Quit...). Every command is always listed: one that cannot run
now says why in its help ("Repeat this week: plan a day first") and, chosen, says it again
as a notice. A command with a key names it, read from the bindings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from planner.weeks import FirstWeekday, WeekError
from screens import notices
from screens.keys import key_of
from screens.notices import Notice

if TYPE_CHECKING:
    from screens.week_screen import WeekScreen


@dataclass(frozen=True, slots=True)
class PaletteCommand:
    title: str
    help: str
    run: Callable[[], object]
    # Why it cannot run now; None when it can.
    why_not: str | None = None


def _key(action: str) -> str:
    return f" ({key_of(action)})"


def week_commands(screen: WeekScreen) -> Iterator[PaletteCommand]:
    """What the palette offers on ``screen``, built when the palette opens: titles and help
    name the week shown and the settings as they are now."""
    session = screen.session
    week = session.week
    planned = not session.plan_for(week).is_empty
    yield PaletteCommand(
        "Go to week…", "Any week: 2027-W3, W3, a date, next, prev", screen.action_go_to_week
    )
    yield PaletteCommand(
        "This week", "Show the week holding today" + _key("this_week"), screen.action_this_week
    )
    yield PaletteCommand(
        "Previous week", "Show the week before" + _key("previous_week"),
        screen.action_previous_week,
    )  # fmt: skip
    yield PaletteCommand(
        "Next week", "Show the week after" + _key("next_week"), screen.action_next_week
    )
    yield PaletteCommand(
        "Clear week", f"Unplan every day of {week} (undoable)", screen.action_clear_week,
        None if planned else f"nothing is planned in {week}",
    )  # fmt: skip
    yield PaletteCommand(
        "Suggest a week…", "The best order for the sessions you want" + _key("suggest"),
        screen.action_suggest,
    )  # fmt: skip
    yield PaletteCommand(
        "Apply a template…", "A named week layout" + _key("templates"), screen.action_templates
    )
    yield PaletteCommand(
        "Lay a training block…",
        f"Weeks from {week} like the repeating week or a template, with deload weeks",
        screen.action_lay_block,
    )
    deload = session.view.summary.deload
    yield PaletteCommand(
        "Bring the deload forward",
        (deload.text if deload is not None else "When check-ins run low in a block")
        + _key("bring_deload_forward"),
        screen.action_bring_deload_forward,
        None if deload is not None else "no low check-ins suggest it this week",
    )
    yield PaletteCommand(
        "Copy previous week", "Plan this week like the week before" + _key("copy_previous_week"),
        screen.action_copy_previous_week, _copy_why_not(screen),
    )  # fmt: skip
    today_shown = any(day <= session.today for day in session.view.plan.dates)
    yield PaletteCommand(
        "Log the selected day…",
        "What was done, its effort and minutes, and how the day started" + _key("log_dialog"),
        screen.action_log_dialog,
        None if today_shown else "this week has not begun",
    )
    yield PaletteCommand(
        "Log the selected day done",
        "As planned" + _key("log('done')"),
        lambda: screen.action_log("done"),
        None if today_shown else "this week has not begun",
    )
    yield PaletteCommand(
        "Log the selected day skipped",
        "None of its training was done" + _key("log('skipped')"),
        lambda: screen.action_log("skipped"),
        None if today_shown else "this week has not begun",
    )
    yield PaletteCommand(
        "Year overview", "Every week of the year at a glance" + _key("year"), screen.action_year
    )
    yield PaletteCommand(
        "Load over weeks",
        "Planned and done load, hard sessions, monotony, strain, the ratio, blocks" + _key("load"),
        screen.action_load,
    )
    yield PaletteCommand(
        "Choose the goal…",
        f"What you train for, now {session.goal.label}: it weighs the advice" + _key("choose_goal"),
        screen.action_choose_goal,
    )
    yield PaletteCommand(
        "Make the smallest fix",
        "The single change that raises the score the most, as the panel shows it"
        + _key("apply_fix"),
        screen.action_apply_fix,
        None if not session.view.plan.is_empty else "plan a day first",
    )
    yield PaletteCommand(
        "Undo", "Take back the last change" + _key("undo"), screen.action_undo,
        None if session.can_undo else "nothing to undo",
    )  # fmt: skip
    yield PaletteCommand(
        "Redo", "Apply again what was undone" + _key("redo"), screen.action_redo,
        None if session.can_redo else "nothing to redo",
    )  # fmt: skip
    repeating = session.repeat_week
    # Only a week with something planned can repeat (planner.edits.mark_repeating).
    yield PaletteCommand(
        "Repeat this week",
        f"Unplanned weeks propose {week}'s layout until you edit them",
        lambda: screen.set_repeat_week(week),
        "plan a day first"
        if not planned
        else (f"{week} repeats already" if repeating == week else None),
    )
    yield PaletteCommand(
        f"Stop repeating {repeating}" if repeating else "Stop repeating a week",
        "Unplanned weeks stay empty",
        lambda: screen.set_repeat_week(None),
        None if repeating else "no week repeats",
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
    # The planner's one help (Textual's "Keys" panel is not offered: PlannerApp).
    yield PaletteCommand(
        "Help: keys and how to type a week",
        "Every key of the planner" + _key("help") + " or f1",
        screen.action_help,
    )


def _copy_why_not(screen: WeekScreen) -> str | None:
    session = screen.session
    try:
        before = session.week.previous()
    except WeekError:
        return f"{session.week} is the first week the planner supports"
    if session.plan_for(before).is_empty:
        return f"{before} has no planned day"
    return None


class WeekCommands(Provider):
    """The planner's commands, on the week screen only (``WeekScreen.COMMANDS``)."""

    def _commands(self) -> list[PaletteCommand]:
        from screens.week_screen import WeekScreen

        screen = self.screen
        return list(week_commands(screen)) if isinstance(screen, WeekScreen) else []

    def _hit(self, command: PaletteCommand) -> tuple[str, Callable[[], object]]:
        """The help the palette shows and what choosing the command does."""
        why_not = command.why_not
        if why_not is None:
            return command.help, command.run
        screen = self.screen
        said = Notice(f"{command.title}: {why_not}.")
        return f"Not now: {why_not}", lambda: notices.show(screen, said)

    async def discover(self) -> Hits:
        for command in self._commands():
            help, run = self._hit(command)
            yield DiscoveryHit(command.title, run, help=help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            if (score := matcher.match(command.title)) > 0:
                help, run = self._hit(command)
                yield Hit(score, matcher.highlight(command.title), run, help=help)
