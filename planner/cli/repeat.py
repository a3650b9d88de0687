"""``planner repeat``: mark the repeating week, stop it, or say which week it is."""

from __future__ import annotations

import argparse

from planner.cli.common import CliError, describe_days, load_week, open_store
from planner.cli.options import add_week
from planner.clock import Clock
from planner.edits import EditError, mark_repeating, stop_repeating
from planner.plan import WeekPlan
from planner.weeks import IsoWeek, week_of

NAME = "repeat"
SUMMARY = "mark the week that unplanned weeks repeat"
DESCRIPTION = (
    "Mark a week as the repeating week: every week with no planned day then shows its "
    "layout (each weekday with the same sessions) as a proposal, marked as not confirmed, in "
    "'show' and in the planner, until you plan a day of it. Nothing is written into "
    "those weeks. Without options, says which week repeats. --off stops it. WEEK is the "
    "week as the planner shows it."
)
EPILOG = "examples:\n  planner repeat --week 2026-W47\n  planner repeat\n  planner repeat --off"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_week(parser, "ISO week to mark as the repeating week")
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--off", action="store_true", help="stop repeating a week")
    choice.add_argument("--show", action="store_true", help="say which week repeats (default)")


def run(args: argparse.Namespace, clock: Clock) -> int:
    week: IsoWeek | None = args.week
    if week is not None and (args.off or args.show):
        option = "--off" if args.off else "--show"
        raise CliError(f"{option} takes no --week; 'planner repeat --week {week}' marks it")
    with open_store(args, write=args.off or week is not None) as store:
        settings = store.settings()
        first = settings.first_weekday
        if args.off:
            if settings.repeat_week is not None:
                store.save_settings(stop_repeating(settings))
            text = cleared(settings.repeat_week)
        elif week is not None:
            layout = load_week(store, week, first)
            try:
                marked_settings = mark_repeating(settings, layout)
            except EditError as error:
                raise CliError(str(error)) from None
            if marked_settings != settings:
                store.save_settings(marked_settings)
            text = marked(layout, settings.repeat_week)
        else:
            repeating = settings.repeat_week
            shown = None if repeating is None else load_week(store, repeating, first)
            text = status(shown, week_of(clock.today(), first))
    print(text)
    return 0


_WHAT_IT_DOES = "unplanned weeks show its layout as a proposal until you edit them"


def marked(layout: WeekPlan, before: IsoWeek | None) -> str:
    """After ``planner repeat --week W``: ``layout`` is W as shown."""
    week = layout.week
    if before == week:
        return f"{week} already is the repeating week; nothing changed."
    instead = "" if before is None else f" instead of {before}"
    return (
        f"{week} is now the repeating week{instead}: {_WHAT_IT_DOES} "
        f"({describe_days(layout)}). 'planner repeat --off' stops this."
    )


def cleared(before: IsoWeek | None) -> str:
    if before is None:
        return "There is no repeating week; nothing changed."
    return f"{before} is no longer the repeating week; unplanned weeks show no proposal."


def status(layout: WeekPlan | None, current: IsoWeek) -> str:
    """``layout``: the repeating week as shown, or None when there is none."""
    if layout is None:
        return (
            "There is no repeating week. Mark one with 'planner repeat --week WEEK', e.g. "
            f"'planner repeat --week {current}' for this week."
        )
    if layout.is_empty:
        return (
            f"The repeating week is {layout.week}, but it has no planned day, so unplanned "
            "weeks show no proposal. Plan it, or mark another week with "
            "'planner repeat --week WEEK'."
        )
    return (
        f"The repeating week is {layout.week} ({describe_days(layout)}): {_WHAT_IT_DOES}. "
        "'planner repeat --off' stops this."
    )
