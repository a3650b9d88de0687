"""``planner export``: the stored weeks as a calendar (ics), JSON or Markdown."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING

from planner.advice import CONTEXT_DAYS, judged_days
from planner.block import BlockWeek
from planner.cli.common import CliError, at_edge, judged, open_knowledge, open_store
from planner.cli.files import write_output
from planner.cli.options import add_week, iso_week
from planner.clock import Clock
from planner.log import DayLog
from planner.plan import Settings
from planner.store import Store
from planner.store.revisions import NEVER, events_of, stamp
from planner.text_safety import printable
from planner.weeks import FirstWeekday, IsoWeek, WeekError, stored_week, week_of
from rules import KnowledgeBase, PlannedDay, evaluate

if TYPE_CHECKING:
    from planner.export.ics import EvaluatedWeek
    from planner.store.revisions import DayRevision

FORMATS = ("ics", "json", "md")

NAME = "export"
SUMMARY = "write weeks as a calendar (ics), JSON or Markdown"
DESCRIPTION = (
    "Write the stored weeks from --from to --to (default: all of them; --week W for one) "
    "to standard output "
    "or FILE. ics: one all-day event per session and per rest day with that day's advice; "
    "its UIDs are the dates (and the slot of a second session), so importing a newer "
    "export into a calendar updates the events, and a session removed or a day cleared "
    "since an earlier export is sent as cancelled (the database notes which events an "
    "export wrote). "
    "json: the weeks and settings, for 'planner import'. md: per week, a table of the "
    "days in words, the goal, the score and where it comes from, and the advice."
)
EPILOG = (
    "examples:\n  planner export --format ics -o training.ics\n"
    "  planner export --format json --from 2026-W40 > backup.json\n"
    "  planner export --format md --from 2026-W48 --to 2026-W52\n"
    "  planner export --format md --week 2026-W48"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=FORMATS, help="what to write")
    parser.add_argument(
        "--from", dest="first", metavar="WEEK", type=iso_week, help="first week to write"
    )
    parser.add_argument(
        "--to", dest="last", metavar="WEEK", type=iso_week, help="last week to write"
    )
    add_week(parser, "the one week to write: short for --from WEEK --to WEEK")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="file to write (default: standard output)"
    )


def _in_range(week: IsoWeek, first: IsoWeek | None, last: IsoWeek | None) -> bool:
    return (first is None or first <= week) and (last is None or week <= last)


def chosen_range(args: argparse.Namespace) -> tuple[IsoWeek | None, IsoWeek | None]:
    """--from and --to; --week W is --from W --to W."""
    start: IsoWeek | None = args.first
    end: IsoWeek | None = args.last
    week: IsoWeek | None = args.week
    if week is not None:
        if start is not None or end is not None:
            given = "--from" if start is not None else "--to"
            raise CliError(
                f"--week {week} is --from {week} --to {week}; give --week or {given}, not both"
            )
        return week, week
    return start, end


def run(args: argparse.Namespace, clock: Clock) -> int:
    start, end = chosen_range(args)
    if start is not None and end is not None and start > end:
        raise CliError(f"--from {start} is after --to {end}; swap them")
    knowledge = None if args.format == "json" else open_knowledge()
    unnoted: dict[date, int] = {}
    with open_store(args, write=False) as store:
        settings = store.settings()
        if knowledge is None:
            logs = store.all_logs()
            logged = {week for day in logs if (week := stored_week(day)) is not None}
            weeks = sorted(
                week for week in {*store.stored_weeks(), *logged} if _in_range(week, start, end)
            )
            blocks = {w: m for w, m in store.all_blocks().items() if _in_range(w, start, end)}
            write_output(args.output, _json_chunks(store, weeks, settings, logs, blocks))
            return 0
        # Weeks as the user sees them: with Sunday-first, a stored week's Sunday is
        # shown (and judged) in the next week. The calendar reads every day at once, and
        # also gets the weeks of events to cancel (a day cleared since); the Markdown
        # export reads each week as it writes it.
        first = settings.first_weekday
        planned = store.planned_days() if args.format == "ics" else {}
        revisions = store.revisions() if args.format == "ics" else {}
        dates = [day for day, held in planned.items() if held.is_planned] or store.planned_dates()
        every, unshown = shown_weeks(dates, first, also=_to_cancel(planned, revisions))
        if unshown:
            print(
                f"planner: not exported: {', '.join(unshown)}, shown in no week the "
                "planner supports",
                file=sys.stderr,
            )
        shown = sorted(week for week in every if _in_range(week, start, end))
        if args.format == "md":
            from planner.export.markdown import markdown_chunks

            # Written as it is made, a week at a time (inside the store: each is judged
            # as it is written), so memory stays flat whatever the number of weeks.
            judged_weeks = (judged(store, week, settings, knowledge) for week in shown)
            chunks = markdown_chunks(judged_weeks, knowledge)
            write_output(args.output, (chunk.encode("utf-8") for chunk in chunks))
            return 0
        from planner.export.ics import calendar_bytes

        logs = store.all_logs()
        evaluated = _evaluated(planned, shown, settings, knowledge, logs)
        payload, written = calendar_bytes(evaluated, knowledge, revisions, stamp(clock.now()), logs)
        unnoted = {
            day: count
            for day, count in written.items()
            if count > revisions.get(day, NEVER).exported
        }
    write_output(args.output, payload)
    if unnoted:
        note_exported(args, unnoted)
    return 0


def note_exported(args: argparse.Namespace, written: Mapping[date, int]) -> None:
    """Keep in the store which events the calendar file has, so a later export can cancel
    those the plan no longer holds. Written after the file, only when there is something
    new; a database open in the planner (or read-only) is not written: one line says so."""
    with open_store(args, write=True, fallback=True) as store:
        if store.read_only_reason is not None:
            print(f"planner: {printable(store.read_only_reason)} {NOT_NOTED}", file=sys.stderr)
        else:
            store.note_exported(written)


NOT_NOTED = (
    "The calendar events this export wrote were not noted: a session removed later may stay "
    "in a calendar that imports this file. Export again once the planner is closed."
)


def _to_cancel(
    planned: Mapping[date, PlannedDay], revisions: Mapping[date, DayRevision]
) -> list[date]:
    """Days with more events exported than they now hold: their calendar events to cancel."""
    return [
        day
        for day, revision in revisions.items()
        if revision.exported > events_of(planned.get(day, PlannedDay.UNPLANNED))
    ]


def shown_weeks(
    planned: Iterable[date], first: FirstWeekday, also: Iterable[date] = ()
) -> tuple[set[IsoWeek], list[str]]:
    """The weeks as the user sees them that hold the planned days and the days ``also``
    (with Sunday-first, a stored week's Sunday is shown, and judged, in the next week), and
    those days no supported week shows (the Sunday of the last one)."""
    shown: set[IsoWeek] = set()
    unshown: list[date] = []
    for day in {*planned, *also}:
        try:
            shown.add(week_of(day, first))
        except WeekError:
            unshown.append(day)
    return shown, [day.isoformat() for day in sorted(unshown)]


# From this many weeks (about 19 years) on, the JSON export is written one week per line,
# compactly: indented, every supported week (about 57,400) would pass the 64 MiB an import
# reads (planner.cli.files.READ_LIMIT); compact, the heaviest such export is about 40 MB.
COMPACT_FROM_WEEKS = 1000


def _json_chunks(
    store: Store,
    weeks: list[IsoWeek],
    settings: Settings,
    logs: Mapping[date, DayLog],
    blocks: Mapping[IsoWeek, BlockWeek],
) -> Iterator[bytes]:
    """The JSON export of ``weeks``, the logs of their days and the block marks: indented
    when small, for reading; one week per line when large, read and written a week at a
    time."""
    from planner.cli.show import dump_json, json_line
    from planner.export.json import export_document, week_entry

    plans = (store.load_plan(week, FirstWeekday.MONDAY) for week in weeks)
    if len(weeks) < COMPACT_FROM_WEEKS:
        yield dump_json(export_document(plans, settings, logs, blocks)).encode("utf-8")
        return
    head = json_line(export_document((), settings, logs, blocks))
    yield (head.removesuffix("[]}") + "[\n").encode("utf-8")
    for number, plan in enumerate(plans):
        yield ((",\n" if number else "") + json_line(week_entry(plan, logs))).encode("utf-8")
    yield b"\n]}\n"


def _evaluated(
    planned: dict[date, PlannedDay],
    weeks: list[IsoWeek],
    settings: Settings,
    knowledge: KnowledgeBase,
    logs: Mapping[date, DayLog],
) -> Iterator[EvaluatedWeek]:
    """Each week's seven shown days and their evaluation with the CONTEXT_DAYS around them,
    exactly as :func:`planner.advice.judge` evaluates them, one week at a time: the calendar
    needs no score, summary or readiness, and thousands of weeks must not be held at once.
    Judged for the stored goal, like every week the planner shows."""
    first = settings.first_weekday
    for week in weeks:
        try:
            monday = date.fromisocalendar(week.year, week.week, 1)
            start = monday - timedelta(days=1) if first is FirstWeekday.SUNDAY else monday
            dates = [start + timedelta(days=n) for n in range(-CONTEXT_DAYS, 7 + CONTEXT_DAYS)]
        except OverflowError:
            raise at_edge(week) from None
        days = judged_days([(day, planned.get(day, PlannedDay.UNPLANNED)) for day in dates], logs)
        # Transitions only: the calendar prints the advice on arriving at each day.
        evaluation = evaluate(
            days,
            focus=(dates[CONTEXT_DAYS], dates[CONTEXT_DAYS + 6]),
            knowledge=knowledge,
            week=False,
            goal=settings.goal,
        )
        shown = [
            (day, planned.get(day, PlannedDay.UNPLANNED))
            for day in dates[CONTEXT_DAYS : CONTEXT_DAYS + 7]
        ]
        yield shown, evaluation
