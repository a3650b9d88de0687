"""``planner suggest``: ``ACTIVITY=N`` counts and ``--pin DAY=ACTIVITY`` words read into a
request, and the suggestions printed as a grid or as JSON."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from planner.advice import context_around
from planner.cli.common import (
    CliError,
    at_edge,
    describe_changes,
    load_week,
    open_knowledge,
    open_store,
    shown_week,
)
from planner.cli.files import write_output
from planner.cli.options import DAYS_NOTE, add_week
from planner.cli.show import days_json, dump_json
from planner.clock import Clock
from planner.days import SESSIONS, WEEKDAY_KEYS, day_words, displayed_index, weekday_key
from planner.plan import WeekPlan
from planner.suggest import SuggestError, Suggestion, SuggestRequest, check_request, suggest
from planner.suggest.words import RequestWordError, parse_counts, parse_pins
from planner.weeks import FirstWeekday, WeekError
from rules import Activity

_CELL = 8  # width of a day's column in the grid

NAME = "suggest"
SUMMARY = "find the best weeks holding the sessions you ask for"
DESCRIPTION = (
    "Find the best arrangements of the sessions you ask for in a week, by the same "
    "score 'show' prints: every possible week is tried, and the planned days just before "
    "and after it count, as they do in 'show'. ACTIVITY=N says exactly how many push, "
    "pull, legs and run days (missing: 0); every other day is rest. Prints the best "
    "three with their score and what makes them differ. --apply saves the best one in "
    f"place of all seven days of the week. {DAYS_NOTE}"
)
EPILOG = (
    "examples:\n  planner suggest push=1 pull=1 legs=1 run=2 --rest-min 1 --pin sat=run\n"
    "  planner suggest --week 2026-W48 push=2 pull=2 legs=2 --json\n"
    "  planner suggest legs=2 run=3 --pin sun=rest --apply"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_week(parser, "ISO week to fill (default: the current week)")
    parser.add_argument(
        "counts",
        nargs="+",
        metavar="ACTIVITY=N",
        help="how many days of push, pull, legs or run, e.g. run=2",
    )
    parser.add_argument(
        "--rest-min",
        metavar="N",
        type=int,
        default=0,
        help="at least N rest days (default: 0)",
    )
    parser.add_argument(
        "--pin",
        dest="pins",
        metavar="DAY=ACTIVITY",
        action="append",
        default=[],
        help="the day must hold the activity, e.g. sat=run or sun=rest; repeat for more days",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "--apply",
        action="store_true",
        help="save the best suggestion in the week, replacing all seven days",
    )


def run(args: argparse.Namespace, clock: Clock) -> int:
    try:
        counts = parse_counts(args.counts)
        request = weekday_request(counts, args.rest_min, parse_pins(args.pins))
    except (RequestWordError, SuggestError) as error:
        raise CliError(str(error)) from None
    knowledge = open_knowledge()
    with open_store(args, write=args.apply) as store:
        first = store.settings().first_weekday
        week = shown_week(args, clock, first)
        stored = load_week(store, week, first)
        try:
            before, after = context_around(store, stored)
        except (WeekError, OverflowError):
            raise at_edge(week) from None
        try:
            found = suggest(on_week(request, stored), week, first, before, after, knowledge)
        except SuggestError as error:
            raise CliError(str(error)) from None
        applied = found[0].plan if args.apply else None
        if applied is not None and applied != stored:
            store.save_plan(applied)
    if args.json:
        text = dump_json(suggestions_json(stored, found, applied=args.apply))
    else:
        text = suggestions_text(stored, request, found, applied)
    write_output(None, text.encode("utf-8"))
    return 0


def weekday_request(
    counts: dict[Activity, int], rest_min: int, pins: dict[int, Activity]
) -> SuggestRequest:
    """The request with pins by ISO weekday, checked: SuggestError if no week fits it.

    Checked Monday-first, where a displayed index is the ISO weekday, so messages name the
    pinned days right before the store (and so the first-weekday setting) is even opened.
    """
    request = SuggestRequest(counts, rest_min, pins)
    check_request(request, FirstWeekday.MONDAY)
    return request


def on_week(request: SuggestRequest, plan: WeekPlan) -> SuggestRequest:
    """``request`` with each pin moved to the displayed day of its weekday in ``plan``."""
    first = plan.first_weekday
    pins = {displayed_index(weekday, first): activity for weekday, activity in request.pins.items()}
    return SuggestRequest(request.counts, request.rest_min, pins)


def describe_request(request: SuggestRequest) -> str:
    """``push 1, pull 1, legs 1, run 2, rest 2 (at least 1); pinned: sat run``."""
    parts = [f"{activity} {request.count(activity)}" for activity in SESSIONS]
    rest = f"rest {request.count(Activity.REST)}"
    if request.rest_min:
        rest += f" (at least {request.rest_min})"
    text = ", ".join([*parts, rest])
    if request.pins:
        pinned = sorted(request.pins.items())
        text += "; pinned: " + ", ".join(f"{WEEKDAY_KEYS[day]} {act}" for day, act in pinned)
    return text


def _compared_with(rank: int, total: int) -> int | None:
    """The rank a suggestion's differences refer to: the runner-up for the best one."""
    other = 2 if rank == 1 else 1
    return other if other <= total else None


def suggestions_text(
    stored: WeekPlan,
    request: SuggestRequest,
    suggestions: Sequence[Suggestion],
    applied: WeekPlan | None,
) -> str:
    """The suggestions as a grid, best first, then how each differs; then what ``--apply``
    wrote (``applied``: the week as it was saved) or would replace."""
    dates = stored.dates
    header = "".join(f"{f'{day:%a} {day.day}':<{_CELL}}" for day in dates)
    lines = [
        f"Suggestions for {stored.week}: {describe_request(request)}",
        "",
        f"      {header}score",
    ]
    for rank, suggestion in enumerate(suggestions, start=1):
        cells = "".join(f"{activity!s:<{_CELL}}" for activity in suggestion.plan.activities)
        lines.append(f"  {rank}.  {cells}{suggestion.score:>5}")
    lines.append("")
    if len(suggestions) == 1:
        lines.append("Only this week fits the request.")
    for rank, suggestion in enumerate(suggestions, start=1):
        other = _compared_with(rank, len(suggestions))
        if other is None:
            continue
        lines.append(f"{rank} compared with {other}:")
        lines += [f"  - {phrase}" for phrase in suggestion.differences] or ["  - the same week"]
    if applied is not None:
        done = describe_changes(stored, applied)
        lines += ["", f"Applied suggestion 1 (score {suggestions[0].score}) to {done}"]
    elif not stored.is_empty:
        planned = ", ".join(
            f"{weekday_key(day)} {day_words(held)}"
            for day, held in stored.dated_days
            if held.is_planned
        )
        lines += [
            "",
            f"Note: {stored.week} already has planned days ({planned}); "
            "--apply would replace all seven days with suggestion 1.",
        ]
    return "\n".join(lines) + "\n"


def suggestions_json(
    stored: WeekPlan, suggestions: Sequence[Suggestion], applied: bool
) -> dict[str, Any]:
    """The documented shape of ``planner suggest --json``; keys in this order."""
    return {
        "week": str(stored.week),
        "suggestions": [
            {
                "rank": rank,
                "score": suggestion.score,
                "days": days_json(suggestion.plan),
                "differences": list(suggestion.differences),
                "compared_with": _compared_with(rank, len(suggestions)),
            }
            for rank, suggestion in enumerate(suggestions, start=1)
        ],
        "applied": applied,
    }
