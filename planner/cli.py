"""The ``planner`` command: the one composition root.

It parses arguments and imports ``screens`` (and so Textual) only when the TUI is asked for,
so ``--help`` and ``--version`` stay fast and never load Textual.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from planner import __version__
from planner.locations import DB_ENV, config_dir, default_db_path, resolve_db_path
from planner.store import Store, StoreError
from planner.weeks import IsoWeek, WeekError
from rules import KnowledgeBase, RuleFileError, load_knowledge

EXIT_USAGE = 2
USER_RULES_FILE = "rules.toml"


class CliError(Exception):
    """An expected error: printed as one line on stderr, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line that says what was wrong and what to do, not the usage block.
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def _iso_week(text: str) -> IsoWeek:
    try:
        return IsoWeek.parse(text)
    except WeekError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="planner",
        description=(
            "Plan Monday to Sunday as push, pull, legs, run or rest, and read why the order "
            "of your week helps or hurts. Without a command, opens the interactive planner."
        ),
        epilog=f"Data is kept in {default_db_path()} unless --db or ${DB_ENV} says otherwise.",
    )
    parser.add_argument("--version", action="version", version=f"planner {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help=f"database file to use (default: ${DB_ENV} or the above)"
    )
    parser.add_argument(
        "--week", metavar="WEEK", type=_iso_week, help="ISO week to open, e.g. 2026-W48"
    )
    return parser


def open_knowledge() -> KnowledgeBase:
    """The shipped rules plus the user's own rules file, when there is one."""
    user_rules = config_dir() / USER_RULES_FILE
    try:
        return load_knowledge(user_rules if user_rules.exists() else None)
    except RuleFileError as error:
        raise CliError(f"{error} (fix or remove {user_rules})") from None


def _run_tui(args: argparse.Namespace) -> int:
    from planner.clock import SystemClock
    from screens.app import PlannerApp

    knowledge = open_knowledge()
    try:
        store = Store.open(resolve_db_path(args.db), fallback_read_only=True)
    except StoreError as error:
        raise CliError(str(error)) from None
    with store:
        app = PlannerApp(clock=SystemClock(), store=store, knowledge=knowledge, week=args.week)
        try:
            app.run()
        finally:
            app.flush_saves()
        if app.unsaved_weeks:
            weeks = ", ".join(str(week) for week in app.unsaved_weeks)
            raise CliError(f"could not save {weeks}: {app.last_save_error}")
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _run_tui(args)
    except CliError as error:
        print(f"planner: {error}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
