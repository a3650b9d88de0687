"""What every command shares: the one-line error, the rules, the store, the shown week.

Part of the composition root (:mod:`planner.cli`): only the command modules use it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from planner.advice import DatedDays, JudgedWeek, Logs, context_around, judge_week
from planner.clock import Clock
from planner.days import day_words, weekday_key
from planner.locations import cache_dir, config_dir, resolve_db_path
from planner.plan import Settings, WeekPlan
from planner.store import DatabaseChanged, Store, StoreError
from planner.text_safety import printable
from planner.weeks import FirstWeekday, IsoWeek, WeekError, week_of
from rules import KnowledgeBase, RuleFileError, load_knowledge

USER_RULES_FILE = "rules.toml"


class CliError(Exception):
    """An expected error: printed as one line on stderr, exit status 2."""


def open_knowledge() -> KnowledgeBase:
    """The shipped rules plus the user's own rules file, when there is one; the shipped
    files' parsed form is kept in the user's cache folder (parsing them slowed the start)."""
    user_rules = config_dir() / USER_RULES_FILE
    try:
        return load_knowledge(user_rules if user_rules.exists() else None, cache_dir=cache_dir())
    except RuleFileError as error:
        if error.file == str(user_rules):
            raise CliError(f"{error} (fix or remove {user_rules})") from None
        # A shipped file (a cache of them that does not match is never read): the
        # installation is broken, and nothing of the user's is to blame.
        raise CliError(f"{error} (a rule file shipped with planner: reinstall planner)") from None


@contextmanager
def open_store(args: argparse.Namespace, *, write: bool, fallback: bool = False) -> Iterator[Store]:
    """The database, locked for writing or opened read-only (which works while the TUI has
    it open); with ``fallback``, read-only when it cannot be locked for writing (its
    ``read_only_reason`` says why). Every store error, on opening or later, becomes a
    CliError."""
    try:
        store = Store.open(
            resolve_db_path(args.db), read_only=not write, fallback_read_only=fallback
        )
    except StoreError as error:
        raise CliError(str(error)) from None
    with store:
        for notice in store.notices:
            print(f"planner: {printable(notice)}", file=sys.stderr)
        try:
            yield store
        except DatabaseChanged as error:
            raise CliError(f"{error} Run the command again.") from None
        except (StoreError, WeekError) as error:
            raise CliError(str(error)) from None


def at_edge(week: IsoWeek) -> CliError:
    return CliError(f"{week} is too close to the edge of the calendar to show")


def judged(store: Store, week: IsoWeek, settings: Settings, knowledge: KnowledgeBase) -> JudgedWeek:
    """``week`` as shown with the stored first weekday, judged for the stored goal."""
    try:
        return judge_week(store, week, settings.first_weekday, knowledge, settings.goal)
    except (WeekError, OverflowError):
        raise at_edge(week) from None


def load_week(store: Store, week: IsoWeek, first: FirstWeekday) -> WeekPlan:
    try:
        return store.load_plan(week, first)
    except WeekError as error:
        raise CliError(str(error)) from None
    except OverflowError:
        raise at_edge(week) from None


def week_in_context(
    store: Store, week: IsoWeek, first: FirstWeekday
) -> tuple[WeekPlan, DatedDays, DatedDays, Logs]:
    """``week`` as stored, with the context days it is judged with and the logs of them
    all (suggest and fix)."""
    stored = load_week(store, week, first)
    try:
        before, after = context_around(store, stored)
    except (WeekError, OverflowError):
        raise at_edge(week) from None
    start, end = (before or stored.dated_days)[0][0], (after or stored.dated_days)[-1][0]
    return stored, before, after, store.logs_between(start, end)


def shown_week(args: argparse.Namespace, clock: Clock, first: FirstWeekday) -> IsoWeek:
    week: IsoWeek | None = args.week
    return week if week is not None else week_of(clock.today(), first)


def describe_changes(before: WeekPlan, after: WeekPlan) -> str:
    """``2026-W48: mon legs, tue pull, wed cleared``, in displayed order."""
    changes = [
        f"{weekday_key(day)} {day_words(new) if new.is_planned else 'cleared'}"
        for day, old, new in zip(before.dates, before.days, after.days, strict=True)
        if old != new
    ]
    return f"{after.week}: {', '.join(changes) if changes else 'no change'}"


def describe_days(plan: WeekPlan) -> str:
    """``mon legs, tue pull, wed unplanned, ...``: all seven days in displayed order."""
    return ", ".join(f"{weekday_key(day)} {day_words(held)}" for day, held in plan.dated_days)
