"""``planner suggest``: ``SESSION=N`` counts, ``--max-per-day`` and ``--pin DAY=DAY_WORDS``
read into a request, and the suggestions printed as a grid or as JSON.

Every start of ``planner``, the interactive one included, builds this command's parser: the
search (:mod:`planner.suggest`) is imported only by the functions that run it.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from planner.cli.common import (
    CliError,
    describe_changes,
    open_knowledge,
    open_store,
    shown_week,
    week_in_context,
)
from planner.cli.files import write_output
from planner.cli.options import DAYS_NOTE, add_week
from planner.cli.show import days_json, dump_json
from planner.clock import Clock
from planner.days import (
    DAYS_IN_WEEK,
    SESSIONS,
    WEEKDAY_KEYS,
    day_words,
    displayed_index,
    session_words,
    weekday_key,
)
from planner.plan import WeekPlan
from planner.weeks import FirstWeekday
from rules import MAX_SESSIONS, PlannedDay, Session

if TYPE_CHECKING:
    from planner.suggest import Suggestion, SuggestRequest

_CELL = 8  # the narrowest day column in the grid; wider when a day's words need it

NAME = "suggest"
SUMMARY = "find the best weeks holding the sessions you ask for"
DESCRIPTION = (
    "Find the best arrangements of the sessions you ask for in a week, by the same "
    "score 'show' prints: every possible week is weighed (exactly, not sampled), and the "
    "planned days just before and after it count, as they do in 'show'. SESSION=N says "
    "exactly how many of a session: KIND[:ATTRIBUTE] as in 'set' (legs:heavy, "
    "run:intervals); a bare kind is its default (legs is legs:moderate, run is run:easy), "
    "missing ones are 0. Every day without a session is rest. With --max-per-day 2 a day "
    "may hold two sessions of different kinds, apart (morning and evening), in either "
    "order: the order changes the advice, while 'together' (back to back) is one visit "
    "you choose yourself, so suggest never proposes it; pin such a day with a comma "
    "(--pin tue=push,pull). --pin DAY=WORDS fixes a day to rest, a session or two, in "
    "'set' words; its sessions count among those asked for. Prints the best three with "
    "their score and what makes them differ; equal scores go to the week whose days, "
    "from the first, come first in push, pull, legs, run, rest order. --apply saves the "
    f"best one in place of all seven days of the week. {DAYS_NOTE}"
)
EPILOG = (
    "examples:\n  planner suggest push=1 pull=1 legs=1 run=2 --rest-min 1 --pin sat=run\n"
    "  planner suggest legs:heavy=1 run:intervals=1 run:easy=2 run:long=1 push=1 pull=1 "
    "--pin sat=run:long\n"
    "  planner suggest push=2 pull=2 legs=2 run=3 --max-per-day 2 --pin sun=rest\n"
    "  planner suggest legs:heavy=1 legs=1 run=3 --max-per-day 2 --pin mon=legs:heavy+run "
    "--apply\n"
    "  planner suggest --week 2026-W48 push=2 pull=2 legs=2 --json"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_week(parser, "ISO week to fill (default: the current week)")
    parser.add_argument(
        "counts",
        nargs="+",
        metavar="SESSION=N",
        help="how many of a session, e.g. run=2, legs:heavy=1, run:intervals=1",
    )
    parser.add_argument(
        "--max-per-day",
        metavar="N",
        type=int,
        choices=range(1, MAX_SESSIONS + 1),  # planner.suggest.request.MAX_PER_DAY
        default=1,
        help="1 (default) or 2: let a day hold two sessions of different kinds, apart",
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
        metavar="DAY=WORDS",
        action="append",
        default=[],
        help="the day must hold this, in 'set' words: sat=run:long, mon=legs:heavy+run, "
        "sun=rest; repeat for more days",
    )
    parser.add_argument(
        "--time-limit",
        metavar="SECONDS",
        type=_seconds,
        default=DEFAULT_TIME_LIMIT,
        help=f"search at most this long, then show the best found (default: "
        f"{DEFAULT_TIME_LIMIT:g})",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "--apply",
        action="store_true",
        help="save the best suggestion in the week, replacing all seven days",
    )


# planner.suggest.TIME_LIMIT, written here too so --help needs no import of the search
# (a test checks the two agree).
DEFAULT_TIME_LIMIT = 2.0


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a time limit; write seconds above 0, e.g. 2 or 0.5"
        )
    return value


def run(args: argparse.Namespace, clock: Clock) -> int:
    from planner.advice import judge
    from planner.suggest import SuggestError, keep_yours, suggest, unfinished
    from planner.suggest.words import RequestWordError, parse_counts, parse_pins

    try:
        counts = parse_counts(args.counts)
        pins = parse_pins(args.pins)
        request = weekday_request(counts, args.rest_min, pins, args.max_per_day)
    except (RequestWordError, SuggestError) as error:
        raise CliError(str(error)) from None
    knowledge = open_knowledge()
    with open_store(args, write=args.apply) as store:
        settings = store.settings()
        first = settings.first_weekday
        week = shown_week(args, clock, first)
        stored, before, after, logs = week_in_context(store, week, first)
        logged = [weekday_key(day) for day in stored.dates if day in logs and logs[day].done]
        if logged:
            raise CliError(
                f"{week} has days logged ({', '.join(logged)}): suggest plans weeks not yet "
                f"begun; run 'planner fix --week {week}' for the rest of it, or suggest "
                f"--week {week.next()}"
            )
        try:
            found = suggest(
                on_week(request, stored),
                week,
                first,
                before,
                after,
                knowledge,
                goal=settings.goal,
                time_limit=args.time_limit,
            )
        except SuggestError as error:
            raise CliError(str(error)) from None
        current = None
        if not stored.is_empty:
            current = judge(stored, before, after, knowledge, settings.goal).evaluation.score
        applied = found[0].plan if args.apply else None
        if applied is not None and applied != stored:
            store.save_plan(applied)
    if args.json:
        text = dump_json(suggestions_json(stored, found, applied=args.apply))
    else:
        text = suggestions_text(stored, request, found, applied, found.complete)
        notes = [] if found.complete else [unfinished(args.time_limit)]
        if current is not None and (keep := keep_yours(current, found)) and applied is None:
            notes.append(keep)
        text += "".join(f"\n{note}\n" for note in notes)
    write_output(None, text.encode("utf-8"))
    return 0


def weekday_request(
    counts: dict[Session, int],
    rest_min: int,
    pins: dict[int, PlannedDay],
    max_per_day: int = 1,
) -> SuggestRequest:
    """The request with pins by ISO weekday, checked: SuggestError if no week fits it.

    Checked Monday-first, where a displayed index is the ISO weekday, so messages name the
    pinned days right before the store (and so the first-weekday setting) is even opened.
    """
    from planner.suggest import SuggestRequest, check_request

    request = SuggestRequest(counts, rest_min, pins, max_per_day)
    check_request(request, FirstWeekday.MONDAY)
    return request


def on_week(request: SuggestRequest, plan: WeekPlan) -> SuggestRequest:
    """``request`` with each pin moved to the displayed day of its weekday in ``plan``."""
    from planner.suggest import SuggestRequest

    first = plan.first_weekday
    pins = {displayed_index(weekday, first): day for weekday, day in request.pins.items()}
    return SuggestRequest(request.counts, request.rest_min, pins, request.max_per_day)


def describe_request(request: SuggestRequest) -> str:
    """``push 1, pull 1, legs 1, run 2, rest 2 (at least 1); pinned: sat run``, with
    attributes where asked (``legs:heavy 1``) and ``up to 2 a day`` when allowed."""
    from planner.suggest.request import session_key

    parts = []
    for kind in SESSIONS:
        asked = sorted(
            (s for s, n in request.counts.items() if n and s.kind is kind), key=session_key
        )
        words = [f"{session_words(session)} {request.counts[session]}" for session in asked]
        parts += words or [f"{kind} 0"]
    if request.max_per_day == 1:
        rest = f"rest {DAYS_IN_WEEK - request.sessions}"
        if request.rest_min:
            rest += f" (at least {request.rest_min})"
    else:
        rest = f"up to {request.max_per_day} a day"
        if request.rest_min:
            rest += f", rest at least {request.rest_min}"
    text = ", ".join([*parts, rest])
    if request.pins:
        pinned = sorted(request.pins.items())
        text += "; pinned: " + ", ".join(
            f"{WEEKDAY_KEYS[day]} {day_words(held)}" for day, held in pinned
        )
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
    complete: bool = True,
) -> str:
    """The suggestions as a grid, best first, then how each differs; then what ``--apply``
    wrote (``applied``: the week as it was saved) or would replace."""
    dates = stored.dates
    width = max([_CELL] + [len(day_words(day)) + 2 for s in suggestions for day in s.plan.days])
    header = "".join(f"{f'{day:%a} {day.day}':<{width}}" for day in dates)
    lines = [
        f"Suggestions for {stored.week}: {describe_request(request)}",
        "",
        f"      {header}score",
    ]
    for rank, suggestion in enumerate(suggestions, start=1):
        cells = "".join(f"{day_words(day):<{width}}" for day in suggestion.plan.days)
        lines.append(f"  {rank}.  {cells}{suggestion.score:>5}")
    lines.append("")
    if len(suggestions) == 1 and complete:
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
