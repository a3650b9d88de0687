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
from planner.locations import DB_ENV, default_db_path, resolve_db_path
from planner.weeks import IsoWeek, WeekError

EXIT_USAGE = 2


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


def _run_tui(args: argparse.Namespace) -> int:
    from planner.clock import SystemClock
    from screens.app import PlannerApp

    app = PlannerApp(clock=SystemClock(), db_path=resolve_db_path(args.db), week=args.week)
    app.run()
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
