"""``planner set``: ``DAY=ACTIVITY`` words, checked all together before anything is written."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass

from planner.cli.common import CliError, describe_changes, load_week, open_store, shown_week
from planner.cli.options import DAYS_NOTE, add_week
from planner.clock import Clock
from planner.days import UnknownName, read_days
from planner.edits import set_days
from planner.plan import WeekPlan
from rules import PlannedDay

NAME = "set"
SUMMARY = "plan days of a week"
DESCRIPTION = (
    "Plan days of a week: DAY is mon..sun; what it holds is rest, - to clear it, or one or "
    "two sessions. A SESSION is KIND[:ATTRIBUTE]: push, pull or legs with an intensity "
    "(light, moderate, heavy; default moderate), or run with a type (easy, long, tempo, "
    "intervals; hills count as intervals; default easy). SESSION+SESSION: two sessions at "
    "least 6 h apart (morning, evening); SESSION,SESSION: back to back in one visit. All "
    f"assignments are saved together or none is. {DAYS_NOTE}"
)
EPILOG = (
    "examples:\n  planner set --week 2026-W48 mon=legs tue=pull wed=rest thu=-\n"
    "  planner set mon=legs:heavy+run:easy tue=push,pull wed=run:intervals sun=rest"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_week(parser, "ISO week to plan (default: the current week)")
    parser.add_argument(
        "assignments",
        nargs="+",
        metavar="DAY=SESSIONS",
        help="e.g. mon=legs:heavy+run:easy, tue=push,pull, sun=rest, or thu=- to clear",
    )


def run(args: argparse.Namespace, clock: Clock) -> int:
    try:
        assignments = parse_assignments(args.assignments)
    except AssignmentError as error:
        raise CliError(str(error)) from None
    with open_store(args, write=True) as store:
        first = store.settings().first_weekday
        before = load_week(store, shown_week(args, clock, first), first)
        after = apply(before, assignments)
        if after != before:
            store.save_plan(after)
    print(describe_changes(before, after))
    return 0


class AssignmentError(ValueError):
    """A ``DAY=ACTIVITY`` word that cannot be applied; ``str()`` is the message."""


@dataclass(frozen=True, slots=True)
class Assignment:
    weekday: int  # 0 = Monday, as ``date.weekday()``
    day: PlannedDay  # unplanned clears the day


def parse_assignments(words: Sequence[str]) -> list[Assignment]:
    """Every word parsed, or AssignmentError about the first bad one (duplicates included)."""
    try:
        days = read_days(words, form="DAY=SESSIONS", example="mon=legs", clear=True)
    except UnknownName as error:
        raise AssignmentError(str(error)) from None
    return [Assignment(weekday, day) for weekday, day in days.items()]


def apply(plan: WeekPlan, assignments: Sequence[Assignment]) -> WeekPlan:
    """``plan`` with each assignment put on the shown day of that weekday."""
    return set_days(plan, {assignment.weekday: assignment.day for assignment in assignments})
