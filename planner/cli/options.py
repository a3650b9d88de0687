"""What every command's arguments share: the one-line usage error, ``--db`` and ``--week``
(accepted before or after the command), and the parser built from the command registry.

A command's copies of ``--db``/``--week`` default to "not given" (argparse.SUPPRESS) so
they never overwrite a value given before the command.
"""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Iterable
from typing import NoReturn, Protocol

from planner import __version__
from planner.clock import Clock
from planner.locations import DB_ENV, default_db_path
from planner.spelling import did_you_mean
from planner.text_safety import printable
from planner.weeks import IsoWeek, WeekError

EXIT_USAGE = 2

DAYS_NOTE = (
    "Days are those of the week as the planner shows it: Monday to Sunday, or Sunday to "
    "Saturday when weeks start on Sunday (then 'sun' is the Sunday before the ISO week's "
    "Monday). WEEK is an ISO week like 2026-W48; the default is the current week."
)


class Command(Protocol):
    """A command module (``planner/cli/show.py``...): its name, help texts, arguments and
    what it does. Registered in ``planner/cli/__init__.py``."""

    NAME: str
    SUMMARY: str  # one line, for 'planner --help'
    DESCRIPTION: str  # a paragraph, wrapped for 'planner NAME --help'
    EPILOG: str  # examples, one per line

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace, clock: Clock) -> int: ...


class Parser(argparse.ArgumentParser):
    """The planner's parser (its commands' parsers are made of the same class)."""

    def _check_value(self, action: argparse.Action, value: object) -> None:
        # argparse names the choices; a mistyped command, goal, format or shell also gets
        # the closest one, as a mistyped session word does.
        try:
            super()._check_value(action, value)
        except argparse.ArgumentError as error:
            words = [choice for choice in action.choices or () if isinstance(choice, str)]
            if not isinstance(value, str) or not words:
                raise
            close = did_you_mean(value, words)
            raise argparse.ArgumentError(action, f"{error.message}{close}") from None

    def error(self, message: str) -> NoReturn:
        # One line that says what was wrong and what to do, not the usage block; it quotes
        # the arguments, so their control characters (a newline too) are escaped.
        self.exit(EXIT_USAGE, f"planner: {printable(message)} (see '{self.prog} --help')\n")


def iso_week(text: str) -> IsoWeek:
    # ISO 8601 writes the W in capitals, but typed by hand 2026-w50 can only mean 2026-W50.
    # Only here: files the planner reads (imports, the database) hold the exact form.
    try:
        return IsoWeek.parse(text.replace("w", "W"))
    except WeekError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def db_path(text: str) -> str:
    # An empty --db is a mistake (an unset shell variable, say), not a request for the default.
    if not text:
        raise argparse.ArgumentTypeError(
            "the path is empty; give a database file, or leave --db out for the default"
        )
    return text


def add_db(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        type=db_path,
        default=default,
        help=f"database file to use (default: ${DB_ENV} or {default_db_path()})",
    )


def add_week(
    parser: argparse.ArgumentParser, help: str, default: object = argparse.SUPPRESS
) -> None:
    parser.add_argument("--week", metavar="WEEK", type=iso_week, default=default, help=help)


def add_command_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    description: str,
    epilog: str,
) -> argparse.ArgumentParser:
    """A (sub)command's parser with its help texts and ``--db``."""
    parser = commands.add_parser(
        name,
        help=summary,
        description=textwrap.fill(description, width=79),
        epilog=epilog,
        # Raw, so the examples keep their lines; the description is wrapped above.
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_db(parser)
    return parser


def build_parser(registry: Iterable[Command]) -> argparse.ArgumentParser:
    parser = top_level_parser()
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    for command in registry:
        sub = add_command_parser(
            commands, command.NAME, command.SUMMARY, command.DESCRIPTION, command.EPILOG
        )
        command.add_arguments(sub)
    return parser


def top_level_parser(*, add_help: bool = True) -> argparse.ArgumentParser:
    """The options given before a command (or without one): --db, --week, --version."""
    parser: argparse.ArgumentParser = Parser(
        prog="planner",
        add_help=add_help,
        description=(
            "Plan Monday to Sunday as push, pull, legs, run or rest, and read why the order "
            "of your week helps or hurts. Without a command, opens the interactive planner."
        ),
        epilog=(
            f"Data is kept in {default_db_path()} unless --db or ${DB_ENV} says otherwise. "
            "'planner COMMAND --help' explains a command, with an example."
        ),
    )
    parser.add_argument("--version", action="version", version=f"planner {__version__}")
    add_db(parser, None)
    add_week(parser, "ISO week to open (or for the command), e.g. 2026-W48", None)
    return parser
