"""``planner log``: what was done on days of a week, as planned, skipped or in session words,
with the effort (session RPE) and minutes of one day's sessions. Never changes the plan."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from planner.cli.common import CliError, load_week, open_store, shown_week
from planner.cli.options import add_week
from planner.clock import Clock
from planner.days import (
    WEEKDAY_KEYS,
    UnknownName,
    day_words,
    parse_weekday,
    weekday_key,
)
from planner.log import EMPTY_LOG, DayLog, LogError, logged, parse_done, parse_numbers
from planner.plan import WeekPlan
from rules import PlannedDay
from rules.vocabulary import MINUTES_MAX, RPE_MAX

NAME = "log"
SUMMARY = "log what was done on days of a week and how hard it felt"
DESCRIPTION = (
    "Log what was done: DAY=done (as planned), DAY=skipped (none of it), or DAY=SESSIONS in "
    "the words of 'planner set' for what was done instead or besides (mon=run:intervals, "
    "tue=legs+run); DAY=- removes what was logged done. --rpe gives each session's effort "
    "on the CR-10 scale (0 rest .. 10 maximal, in the order of the day's sessions: 7,5) and "
    "--minutes its length; both only with one day named. A day after today cannot be "
    "logged. A logged day is judged on what was done, not on its plan, which stays as "
    "planned; its load is RPE x minutes (a kind's usual RPE and minutes when not given)."
)
EPILOG = (
    "examples:\n  planner log mon=done --rpe 8 --minutes 60\n"
    "  planner log tue=skipped wed=run:intervals\n"
    "  planner log --week 2026-W48 thu=legs+run --rpe 7,4"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_week(parser, "ISO week of the days (default: the current week)")
    parser.add_argument(
        "entries",
        nargs="+",
        metavar="DAY=done|skipped|SESSIONS",
        help="e.g. mon=done, tue=skipped, wed=run:intervals, thu=- to remove",
    )
    parser.add_argument("--rpe", metavar="RPE[,RPE]", help="session RPE, 0-10, per session")
    parser.add_argument("--minutes", metavar="MIN[,MIN]", help="minutes, per session")


@dataclass(frozen=True, slots=True)
class Entry:
    weekday: int  # 0 = Monday
    word: str  # done, skipped, - or the day words given
    done: PlannedDay | None  # the day for session words


def run(args: argparse.Namespace, clock: Clock) -> int:
    entries = parse_entries(args.entries)
    rpe = numbers(args.rpe, "--rpe", 0, RPE_MAX)
    minutes = numbers(args.minutes, "--minutes", 1, MINUTES_MAX)
    if (rpe or minutes) and len(entries) != 1:
        flag = "--rpe" if rpe else "--minutes"
        raise CliError(f"{flag} is for one day's sessions; name one day, not {len(entries)}")
    today = clock.today()
    with open_store(args, write=True) as store:
        first = store.settings().first_weekday
        plan = load_week(store, shown_week(args, clock, first), first)
        dates = {day.weekday(): day for day in plan.dates}
        logs = store.logs_between(plan.dates[0], plan.dates[-1])
        changed: dict[date, DayLog] = {}
        for entry in entries:
            day = dates[entry.weekday]
            if day > today:
                from planner.export.text import short_date

                raise CliError(
                    f"{weekday_key(day)} is {short_date(day)}, after today: log a day "
                    "once it is done"
                )
            key = WEEKDAY_KEYS[entry.weekday]
            try:
                changed[day] = logged(
                    entry.word,
                    entry.done,
                    plan.day_on(day),
                    logs.get(day, EMPTY_LOG),
                    rpe,
                    minutes,
                    key,
                )
            except LogError as error:
                raise CliError(_flags(str(error))) from None
        store.save_logs(changed)
    print(describe(plan, changed))
    return 0


def _flags(message: str) -> str:
    """The core's words for the efforts as this command's options name them."""
    return message.replace(" RPE value", " --rpe value").replace(
        " minutes value", " --minutes value"
    )


def parse_entries(words: Sequence[str]) -> list[Entry]:
    entries: list[Entry] = []
    seen: set[int] = set()
    for word in words:
        day_text, equals, what = word.partition("=")
        if not equals or not day_text.strip() or not what.strip():
            raise CliError(f"'{word}' is not DAY=done|skipped|SESSIONS; write it like mon=done")
        try:
            weekday = parse_weekday(day_text)
        except UnknownName as error:
            raise CliError(f"{word}: {error}") from None
        if weekday in seen:
            raise CliError(f"{day_text.strip().lower()} is given twice; log each day once")
        seen.add(weekday)
        try:
            parsed, done = parse_done(what)
        except LogError as error:
            raise CliError(f"{word}: {error}") from None
        entries.append(Entry(weekday, parsed, done))
    return entries


def numbers(text: str | None, flag: str, low: int, high: int) -> tuple[int, ...]:
    """``7`` or ``7,5``: whole numbers from ``low`` to ``high``."""
    try:
        return parse_numbers(text, low, high)
    except LogError as error:
        raise CliError(f"{flag} {text}: {error}") from None


def describe(plan: WeekPlan, changed: dict[date, DayLog]) -> str:
    """``Logged 2026-W48: mon done (legs:heavy, RPE 8, 60 min), tue skipped``."""
    parts = []
    for day in plan.dates:
        if day not in changed:
            continue
        log = changed[day]
        key = weekday_key(day)
        if log.done is None:
            parts.append(f"{key} no longer logged")
            continue
        status = log.status(plan.day_on(day))
        assert status is not None
        text = f"{key} {status.value}"
        details = [day_words(log.done)] if status.value != "skipped" else []
        details += [f"RPE {value}" for value in log.rpe if value is not None]
        details += [f"{value} min" for value in log.minutes if value is not None]
        if details:
            text += f" ({', '.join(details)})"
        parts.append(text)
    return f"Logged {plan.week}: {', '.join(parts)}"
