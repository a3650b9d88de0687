"""``planner checkin``: how a day started: the muscle families that are sore, and sleep and
energy. Soreness changes the advice; sleep and energy are kept for the days ahead."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from planner.cli.common import CliError, load_week, open_knowledge, open_store, shown_week
from planner.cli.options import add_week
from planner.clock import Clock
from planner.days import UnknownName, parse_weekday
from planner.log import (
    EMPTY_LOG,
    RATING_MAX,
    RATING_MIN,
    DayLog,
    LogError,
    muscle_families,
    parse_rating,
    parse_sore,
)
from rules import KnowledgeBase

T = TypeVar("T")

NAME = "checkin"
SUMMARY = "say how a day starts: sore muscles, sleep and energy"
DESCRIPTION = (
    "Check in for DAY (mon..sun of --week; default: today), never a day after today. --sore "
    "names muscle families and how sore they are (none, mild, sore or very: too sore to "
    "walk): a family sore or very sore counts as not recovered that day whatever the hours "
    "since its last session say, so a session on it that day costs, and the advice and the "
    "readiness strip say so (mild changes nothing; none takes a report back). --sleep and "
    f"--energy rate the night and the day's energy, {RATING_MIN} (worst) to {RATING_MAX} "
    "(best): kept with the day and shown beside it. In a training block, 3 check-ins in 14 "
    "days with energy 2 or less or a family very sore suggest moving the next deload week "
    "to next week (show says so; D in the planner applies it). What a check-in leaves out "
    "stays as it was."
)
EPILOG = (
    "examples:\n  planner checkin --sore legs=very,back=mild --sleep 2 --energy 3\n"
    "  planner checkin tue --week 2026-W48 --sore legs=sore\n"
    "  planner checkin --sore legs=none"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_week(parser, "ISO week of DAY (default: the current week)")
    parser.add_argument("day", nargs="?", metavar="DAY", help="mon..sun (default: today)")
    parser.add_argument("--sore", metavar="FAMILY=LEVEL[,...]", help="e.g. legs=very,back=mild")
    parser.add_argument("--sleep", metavar="1-5", help="how well you slept, 1 (worst) to 5")
    parser.add_argument("--energy", metavar="1-5", help="how much energy, 1 (worst) to 5")


def run(args: argparse.Namespace, clock: Clock) -> int:
    if args.sore is None and args.sleep is None and args.energy is None:
        raise CliError("nothing to check in: give --sore, --sleep or --energy")
    knowledge = open_knowledge()
    sore = _checked(parse_sore, args.sore, "--sore", muscle_families(knowledge))
    sleep = _checked(parse_rating, args.sleep, "--sleep")
    energy = _checked(parse_rating, args.energy, "--energy")
    today = clock.today()
    with open_store(args, write=True) as store:
        first = store.settings().first_weekday
        if args.day is None and args.week is None:
            day: date = today
        else:
            plan = load_week(store, shown_week(args, clock, first), first)
            if args.day is None:
                raise CliError(f"--week {plan.week} needs the DAY to check in for (mon..sun)")
            try:
                weekday = parse_weekday(args.day)
            except UnknownName as error:
                raise CliError(str(error)) from None
            day = next(d for d in plan.dates if d.weekday() == weekday)
        if day > today:
            from planner.export.text import short_date

            raise CliError(f"{short_date(day)} is after today: check in on the day itself")
        log = store.logs_between(day, day).get(day, EMPTY_LOG)
        new = log.with_checkin(sore, sleep, energy)
        store.save_logs({day: new})
    print(describe(day, new, knowledge))
    return 0


def _checked(parse: Callable[..., T], text: str | None, flag: str, *more: object) -> T:
    try:
        return parse(text, *more)
    except LogError as error:
        raise CliError(f"{flag} {text}: {error}") from None


def describe(day: date, log: DayLog, knowledge: KnowledgeBase) -> str:
    """``Checked in Tue 24 Nov: legs very sore · sleep 2/5 · energy 3/5``."""
    from planner.export.text import checkin_words, short_date

    return f"Checked in {short_date(day)}: {checkin_words(log, knowledge)}"
