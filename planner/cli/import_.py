"""``planner import``: weeks and settings from a JSON export, checked whole first."""

from __future__ import annotations

import argparse

from planner.cli.common import CliError, open_store
from planner.cli.files import FileProblem, display_name, read_text
from planner.clock import Clock

NAME = "import"
SUMMARY = "read weeks and settings from a JSON export"
DESCRIPTION = (
    "Read a file written by 'planner export --format json' (- for standard input). The "
    "whole file is checked first; then every week in it replaces the stored week of "
    "the same name, and its settings replace yours. Stored weeks the file does not "
    "contain are kept. Nothing is written if anything in the file is wrong."
)
EPILOG = "example:\n  planner import backup.json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a JSON export, or - for stdin")


def run(args: argparse.Namespace, clock: Clock) -> int:
    from planner.export.json import TransferError, read_export

    try:
        export = read_export(read_text(args.file), display_name(args.file))
    except (FileProblem, TransferError) as error:
        raise CliError(str(error)) from None
    with open_store(args, write=True) as store:
        stored = set(store.stored_weeks())
        store.replace_weeks(
            export.plans, settings=export.settings, logs=export.logs, blocks=export.blocks
        )
    count = len(export.plans)
    replaced = sum(1 for plan in export.plans if plan.week in stored)
    print(
        f"Imported {count} week{'' if count == 1 else 's'}: "
        f"{count - replaced} added, {replaced} replaced."
    )
    return 0
