"""``planner export``: the stored weeks as a calendar (ics), JSON or Markdown."""

from __future__ import annotations

import argparse
import sys

from planner.advice import JudgedWeek
from planner.cli.common import CliError, judged, open_knowledge, open_store
from planner.cli.files import write_output
from planner.cli.options import iso_week
from planner.clock import Clock
from planner.plan import WeekPlan
from planner.weeks import FirstWeekday, IsoWeek, WeekError, week_of
from rules import KnowledgeBase

FORMATS = ("ics", "json", "md")

NAME = "export"
SUMMARY = "write weeks as a calendar (ics), JSON or Markdown"
DESCRIPTION = (
    "Write the stored weeks from --from to --to (default: all of them) to standard output "
    "or FILE. ics: one all-day event per planned day with that day's advice; its UIDs "
    "are the dates, so importing a newer export into a calendar updates the events. "
    "json: the weeks and settings, for 'planner import'. md: a table and the advice "
    "per week."
)
EPILOG = (
    "examples:\n  planner export --format ics -o training.ics\n"
    "  planner export --format json --from 2026-W40 > backup.json\n"
    "  planner export --format md --from 2026-W48 --to 2026-W52"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=FORMATS, help="what to write")
    parser.add_argument(
        "--from", dest="first", metavar="WEEK", type=iso_week, help="first week to write"
    )
    parser.add_argument(
        "--to", dest="last", metavar="WEEK", type=iso_week, help="last week to write"
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="file to write (default: standard output)"
    )


def _in_range(week: IsoWeek, first: IsoWeek | None, last: IsoWeek | None) -> bool:
    return (first is None or first <= week) and (last is None or week <= last)


def run(args: argparse.Namespace, clock: Clock) -> int:
    start: IsoWeek | None = args.first
    end: IsoWeek | None = args.last
    if start is not None and end is not None and start > end:
        raise CliError(f"--from {start} is after --to {end}; swap them")
    knowledge = None if args.format == "json" else open_knowledge()
    with open_store(args, write=False) as store:
        settings = store.settings()
        plans = store.all_plans()
        if knowledge is None:
            from planner.cli.show import dump_json
            from planner.export.json import export_document

            chosen = [plan for plan in plans if _in_range(plan.week, start, end)]
            payload = dump_json(export_document(chosen, settings)).encode("utf-8")
        else:
            first = settings.first_weekday
            shown, unshown = shown_weeks(plans, first)
            if unshown:
                print(
                    f"planner: not exported: {', '.join(unshown)}, shown in no week the "
                    "planner supports",
                    file=sys.stderr,
                )
            weeks = [
                judged(store, week, first, knowledge)
                for week in sorted(shown)
                if _in_range(week, start, end)
            ]
            payload = _render(args.format, weeks, knowledge, clock)
    write_output(args.output, payload)
    return 0


def shown_weeks(plans: list[WeekPlan], first: FirstWeekday) -> tuple[set[IsoWeek], list[str]]:
    """The weeks as the user sees them that hold the planned days of ``plans`` (with
    Sunday-first, a stored week's Sunday is shown, and judged, in the next week), and the
    planned days no supported week shows (the Sunday of the last one)."""
    shown: set[IsoWeek] = set()
    unshown: list[str] = []
    for plan in plans:
        for day, held in plan.dated_days:
            if held.is_planned:
                try:
                    shown.add(week_of(day, first))
                except WeekError:
                    unshown.append(day.isoformat())
    return shown, unshown


def _render(format: str, weeks: list[JudgedWeek], knowledge: KnowledgeBase, clock: Clock) -> bytes:
    if format == "md":
        from planner.export.markdown import markdown

        return markdown(weeks).encode("utf-8")
    # Imported here: icalendar takes about 0.1 s to load and only this format needs it.
    from planner.export.ics import calendar_bytes

    return calendar_bytes(weeks, knowledge, clock.today())
