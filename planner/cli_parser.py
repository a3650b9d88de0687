"""The ``planner`` command's arguments: the TUI options and every command (show, set, suggest,
template, copy, repeat, export, import).

``--db`` and ``--week`` are accepted before or after the command. The command's copies default
to "not given" (argparse.SUPPRESS) so they never overwrite a value given before the command.
"""

from __future__ import annotations

import argparse
import textwrap
from typing import NoReturn

from planner import __version__
from planner.locations import DB_ENV, default_db_path
from planner.weeks import IsoWeek, WeekError

EXIT_USAGE = 2
FORMATS = ("ics", "json", "md")

DAYS_NOTE = (
    "Days are those of the week as the planner shows it: Monday to Sunday, or Sunday to "
    "Saturday when weeks start on Sunday (then 'sun' is the Sunday before the ISO week's "
    "Monday). WEEK is an ISO week like 2026-W48; the default is the current week."
)

COMMANDS = {
    "show": (
        "print a week with the advice on every transition",
        "Print the week as a table of days, its score and week findings, then every "
        "transition touching it (both week boundaries included) with its pros (+), cons (-) "
        f"and tips (i) and where each comes from. {DAYS_NOTE}",
        "examples:\n  planner show\n  planner show --week 2026-W48 --json",
    ),
    "set": (
        "plan days of a week",
        "Plan days of a week: DAY is mon..sun, ACTIVITY is push, pull, legs, run, rest, or - "
        f"to clear the day. All assignments are saved together or none is. {DAYS_NOTE}",
        "example:\n  planner set --week 2026-W48 mon=legs tue=pull wed=rest thu=-",
    ),
    "suggest": (
        "find the best weeks holding the sessions you ask for",
        "Find the best arrangements of the sessions you ask for in a week, by the same "
        "score 'show' prints: every possible week is tried, and the planned days just before "
        "and after it count, as they do in 'show'. ACTIVITY=N says exactly how many push, "
        "pull, legs and run days (missing: 0); every other day is rest. Prints the best "
        "three with their score and what makes them differ. --apply saves the best one in "
        f"place of all seven days of the week. {DAYS_NOTE}",
        "examples:\n  planner suggest push=1 pull=1 legs=1 run=2 --rest-min 1 --pin sat=run\n"
        "  planner suggest --week 2026-W48 push=2 pull=2 legs=2 --json\n"
        "  planner suggest legs=2 run=3 --pin sun=rest --apply",
    ),
    "template": (
        "list the week templates, or apply one to a week",
        "'template list' prints every shipped week template: its id, name, days and "
        "description. 'template apply ID' lays one on a week by weekday: each day the "
        "template fixes is replaced, and each day it leaves open (shown as 'open') keeps "
        f"what it holds. {DAYS_NOTE}",
        "examples:\n  planner template list\n  planner template apply upper-lower --week 2026-W48",
    ),
    "copy": (
        "copy a week into another",
        "Copy the week --from (default: the week before --week) into --week (default: the "
        "current week), day by day as the planner shows them: all seven days are replaced, "
        f"and a day unplanned in --from becomes unplanned. {DAYS_NOTE}",
        "examples:\n  planner copy\n  planner copy --from 2026-W40 --week 2026-W48",
    ),
    "repeat": (
        "mark the week that unplanned weeks repeat",
        "Mark a week as the repeating week: every week with no planned day then shows its "
        "layout (same weekday, same activity) as a proposal, marked as not confirmed, in "
        "'show' and in the planner, until you plan a day of it. Nothing is written into "
        "those weeks. Without options, says which week repeats. --off stops it. WEEK is the "
        "week as the planner shows it.",
        "examples:\n  planner repeat --week 2026-W47\n  planner repeat\n  planner repeat --off",
    ),
    "export": (
        "write weeks as a calendar (ics), JSON or Markdown",
        "Write the stored weeks from --from to --to (default: all of them) to standard output "
        "or FILE. ics: one all-day event per planned day with that day's advice; its UIDs "
        "are the dates, so importing a newer export into a calendar updates the events. "
        "json: the weeks and settings, for 'planner import'. md: a table and the advice "
        "per week.",
        "examples:\n  planner export --format ics -o training.ics\n"
        "  planner export --format json --from 2026-W40 > backup.json\n"
        "  planner export --format md --from 2026-W48 --to 2026-W52",
    ),
    "import": (
        "read weeks and settings from a JSON export",
        "Read a file written by 'planner export --format json' (- for standard input). The "
        "whole file is checked first; then every week in it replaces the stored week of "
        "the same name, and its settings replace yours. Stored weeks the file does not "
        "contain are kept. Nothing is written if anything in the file is wrong.",
        "example:\n  planner import backup.json",
    ),
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line that says what was wrong and what to do, not the usage block.
        self.exit(EXIT_USAGE, f"planner: {message} (see '{self.prog} --help')\n")


def _iso_week(text: str) -> IsoWeek:
    try:
        return IsoWeek.parse(text)
    except WeekError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _add_db(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help=f"database file to use (default: ${DB_ENV} or {default_db_path()})",
    )


def _add_week(parser: argparse.ArgumentParser, default: object, help: str) -> None:
    parser.add_argument("--week", metavar="WEEK", type=_iso_week, default=default, help=help)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="planner",
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
    _add_db(parser, None)
    _add_week(parser, None, "ISO week to open (or for the command), e.g. 2026-W48")
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    sub = {}
    for name, (summary, description, epilog) in COMMANDS.items():
        sub[name] = commands.add_parser(
            name,
            help=summary,
            description=textwrap.fill(description, width=79),
            epilog=epilog,
            # Raw, so the examples keep their lines; the description is wrapped above.
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        _add_db(sub[name], argparse.SUPPRESS)
    _add_week(sub["show"], argparse.SUPPRESS, "ISO week to show (default: the current week)")
    sub["show"].add_argument("--json", action="store_true", help="print JSON instead of text")
    _add_week(sub["set"], argparse.SUPPRESS, "ISO week to plan (default: the current week)")
    sub["set"].add_argument(
        "assignments", nargs="+", metavar="DAY=ACTIVITY", help="e.g. mon=legs, or thu=- to clear"
    )
    _add_suggest(sub["suggest"])
    _add_template(sub["template"])
    _add_week(sub["copy"], argparse.SUPPRESS, "ISO week to copy into (default: the current week)")
    sub["copy"].add_argument(
        "--from",
        dest="source",
        metavar="WEEK",
        type=_iso_week,
        help="ISO week to copy (default: the week before --week)",
    )
    _add_week(sub["repeat"], argparse.SUPPRESS, "ISO week to mark as the repeating week")
    repeat = sub["repeat"].add_mutually_exclusive_group()
    repeat.add_argument("--off", action="store_true", help="stop repeating a week")
    repeat.add_argument("--show", action="store_true", help="say which week repeats (default)")
    export = sub["export"]
    export.add_argument("--format", required=True, choices=FORMATS, help="what to write")
    export.add_argument(
        "--from", dest="first", metavar="WEEK", type=_iso_week, help="first week to write"
    )
    export.add_argument(
        "--to", dest="last", metavar="WEEK", type=_iso_week, help="last week to write"
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", help="file to write (default: standard output)"
    )
    sub["import"].add_argument("file", metavar="FILE", help="a JSON export, or - for stdin")
    return parser


def _add_suggest(suggest: argparse.ArgumentParser) -> None:
    _add_week(suggest, argparse.SUPPRESS, "ISO week to fill (default: the current week)")
    suggest.add_argument(
        "counts",
        nargs="+",
        metavar="ACTIVITY=N",
        help="how many days of push, pull, legs or run, e.g. run=2",
    )
    suggest.add_argument(
        "--rest-min",
        metavar="N",
        type=int,
        default=0,
        help="at least N rest days (default: 0)",
    )
    suggest.add_argument(
        "--pin",
        dest="pins",
        metavar="DAY=ACTIVITY",
        action="append",
        default=[],
        help="the day must hold the activity, e.g. sat=run or sun=rest; repeat for more days",
    )
    suggest.add_argument("--json", action="store_true", help="print JSON instead of text")
    suggest.add_argument(
        "--apply",
        action="store_true",
        help="save the best suggestion in the week, replacing all seven days",
    )


def _add_template(template: argparse.ArgumentParser) -> None:
    actions = template.add_subparsers(
        dest="template_command", title="actions", metavar="ACTION", required=True
    )
    listing = actions.add_parser(
        "list",
        help="print every template with its days",
        description="Print every shipped template: id, name, days (in displayed order; "
        "'open' days keep what they hold when applied) and description.",
    )
    _add_db(listing, argparse.SUPPRESS)
    apply = actions.add_parser(
        "apply",
        help="lay a template on a week",
        description=textwrap.fill(
            "Lay template ID on the week by weekday: every day the template fixes is "
            "replaced; a day it leaves open keeps what it holds. 'planner template list' "
            f"shows the ids. {DAYS_NOTE}",
            width=79,
        ),
        epilog="example:\n  planner template apply push-pull-legs-twice --week 2026-W48",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_db(apply, argparse.SUPPRESS)
    _add_week(apply, argparse.SUPPRESS, "ISO week to apply it to (default: the current week)")
    apply.add_argument("id", metavar="ID", help="a template id from 'planner template list'")
