"""``planner set``: ``DAY=ACTIVITY`` words, checked all together before anything is written."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass

from planner.cli.common import CliError, describe_changes, load_week, open_store, shown_week
from planner.cli.options import DAYS_NOTE, add_week
from planner.clock import Clock
from planner.days import UnknownName, parse_day, parse_weekday
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
    assignments: list[Assignment] = []
    seen: dict[int, str] = {}
    for word in words:
        day_text, equals, activity_text = word.partition("=")
        if not equals or not day_text.strip() or not activity_text.strip():
            raise AssignmentError(f"'{word}' is not DAY=SESSIONS; write it like mon=legs")
        try:
            weekday = parse_weekday(day_text)
            day = parse_day(activity_text, clear=True)
        except UnknownName as error:
            raise AssignmentError(f"{word}: {error}") from None
        if weekday in seen:
            raise AssignmentError(
                f"{day_text.strip().lower()} is given twice ({seen[weekday]}, {word}); "
                "give each day once"
            )
        seen[weekday] = word
        assignments.append(Assignment(weekday, day))
    return assignments


def apply(plan: WeekPlan, assignments: Sequence[Assignment]) -> WeekPlan:
    """``plan`` with each assignment put on the shown day of that weekday."""
    return set_days(plan, {assignment.weekday: assignment.day for assignment in assignments})
