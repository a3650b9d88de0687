"""``planner copy``: a week into another, day by day as the planner shows them."""

from __future__ import annotations

import argparse

from planner.cli.common import CliError, describe_changes, load_week, open_store, shown_week
from planner.cli.options import DAYS_NOTE, add_week, iso_week
from planner.cli.template import kept_note
from planner.clock import Clock
from planner.edits import CopyOntoItself, EditError, copy_week
from planner.log import keep_logged
from planner.weeks import FirstWeekday, IsoWeek, WeekError, week_of

NAME = "copy"
SUMMARY = "copy a week into another"
DESCRIPTION = (
    "Copy the week --from (default: the week before --week) into --week (default: the "
    "current week), day by day as the planner shows them: all seven days are replaced, "
    "and a day unplanned in --from becomes unplanned; a day logged done keeps its plan. "
    f"{DAYS_NOTE}"
)
EPILOG = "examples:\n  planner copy\n  planner copy --from 2026-W40 --week 2026-W48"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_week(parser, "ISO week to copy into (default: the current week)")
    parser.add_argument(
        "--from",
        dest="source",
        metavar="WEEK",
        type=iso_week,
        help="ISO week to copy (default: the week before --week)",
    )


def run(args: argparse.Namespace, clock: Clock) -> int:
    source, target = _checked_weeks(args, clock)
    with open_store(args, write=True) as store:
        first = store.settings().first_weekday
        target = target or shown_week(args, clock, first)
        source = source or _week_before(target)
        before = load_week(store, target, first)
        try:
            copied = copy_week(load_week(store, source, first), before)
        except CopyOntoItself as error:
            raise CliError(f"--from {error}") from None
        except EditError as error:
            raise CliError(f"{error}; choose it with --from") from None
        logs = store.logs_between(before.dates[0], before.dates[-1])
        after, kept = keep_logged(before, copied, logs)
        if after != before:
            store.save_plan(after)
    print(f"Copied {source} to {describe_changes(before, after)}{kept_note(kept)}")
    return 0


def _checked_weeks(args: argparse.Namespace, clock: Clock) -> tuple[IsoWeek | None, IsoWeek | None]:
    """--from and --week as far as they are known before the store is opened (the current
    week depends on the first-weekday setting), refused here when they cannot be copied:
    a failed copy never opens, and so never recovers, a damaged database."""
    source: IsoWeek | None = args.source
    target: IsoWeek | None = args.week
    if target is not None and source is None:
        source = _week_before(target)
    current = {week_of(clock.today(), first) for first in FirstWeekday}
    onto = {target} if target is not None else current
    if source is not None and onto == {source}:
        raise CliError(f"--from {source} is the week to copy into; copy from another week")
    return source, target


def _week_before(target: IsoWeek) -> IsoWeek:
    try:
        return target.previous()
    except WeekError:
        raise CliError(f"there is no week before {target}; give one with --from") from None
