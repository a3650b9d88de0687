"""``planner block``: lay a training block, N weeks from the repeating week or a template,
every K-th a deload week (planner.block), in one atomic write."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from typing import Any

from planner.block import DEFAULT_DELOAD_EVERY, BlockError, LaidWeek
from planner.block_plan import BlockSource, kept_words, plan_block, summary, week_line
from planner.cli.common import CliError, open_store
from planner.cli.options import add_week, iso_week
from planner.clock import Clock
from planner.days import WEEKDAY_KEYS
from planner.weeks import FirstWeekday, IsoWeek, WeekError, week_of

NAME = "block"
SUMMARY = "lay a training block of weeks, with deload weeks"
DESCRIPTION = (
    "Lay --weeks N ISO weeks from --from (default: the week after the current one), each "
    "the repeating week's layout ('planner repeat') or, with --template ID, a template's "
    "(days it leaves open stay unplanned), weekday by weekday. Every --deload-every K-th "
    f"week (default {DEFAULT_DELOAD_EVERY}; 0: none) is a deload week: the same sessions on "
    "the same days, heavy lifting made moderate and tempo runs and intervals easy (Bell et "
    "al. 2022, 2023). A week that holds a planned day is never laid over without "
    "--replace: the command refuses and writes nothing. A day logged done keeps its plan. "
    "--json prints what was laid for scripts."
)
EPILOG = (
    "examples:\n  planner block --from 2026-W50 --weeks 4 --deload-every 4\n"
    "  planner block --weeks 6 --deload-every 3 --template upper-lower --json\n"
    "  planner block --from 2026-W50 --weeks 4 --replace"
)
# Which shape of document `block --json` prints (planner/export/schema.json, #/$defs/block).
JSON_FORMAT = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="start",
        metavar="WEEK",
        type=iso_week,
        help="ISO week the block starts (default: the week after the current one)",
    )
    parser.add_argument(
        "--weeks", metavar="N", type=int, required=True, help="how many weeks (1-52)"
    )
    parser.add_argument(
        "--deload-every",
        metavar="K",
        type=int,
        default=DEFAULT_DELOAD_EVERY,
        help=f"every K-th week is a deload week (default {DEFAULT_DELOAD_EVERY}; 0: none)",
    )
    parser.add_argument(
        "--template", metavar="ID", help="lay a template's days instead of the repeating week"
    )
    parser.add_argument(
        "--replace", action="store_true", help="lay the block over weeks already planned"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    # Every other command takes --week: here it would be read as an abbreviation of --weeks.
    # Taken, so the refusal can point to --from.
    add_week(parser, argparse.SUPPRESS)


def run(args: argparse.Namespace, clock: Clock) -> int:
    if getattr(args, "week", None) is not None:
        raise CliError("block takes --from WEEK for its first week, not --week")
    template = None
    if args.template is not None:
        from planner.templates import TemplateError, template_by_id

        try:
            template = template_by_id(args.template)
        except (TemplateError, LookupError) as error:
            raise CliError(str(error.args[0])) from None
    start: IsoWeek = args.start or _next_week(clock)
    with open_store(args, write=True) as store:
        repeat_week = store.settings().repeat_week
        try:
            block = plan_block(
                store, repeat_week, start, args.weeks, args.deload_every, template,
                replace=args.replace,
            )  # fmt: skip
        except BlockError as error:
            raise CliError(str(error)) from None
        store.lay_block(block.weeks)  # its weeks keep the logged days already
        kept = block.kept
    if args.json:
        from planner.cli.show import dump_json

        text = dump_json(block_json(block.weeks, block.source, args.deload_every, kept))
    else:
        text = block_text(block.weeks, block.source, kept)
    print(text, end="")
    return 0


def _next_week(clock: Clock) -> IsoWeek:
    try:
        return week_of(clock.today(), FirstWeekday.MONDAY).next()
    except WeekError:
        raise CliError("there is no week after this one; give the first with --from") from None


def block_text(laid: Sequence[LaidWeek], source: BlockSource, kept: Sequence[date]) -> str:
    """The summary, then one line per week laid, then the days kept because logged."""
    lines = [summary(laid, source) + ":", *(week_line(week) for week in laid)]
    if kept:
        lines.append(kept_words(kept).capitalize())
    return "\n".join(lines) + "\n"


def block_json(
    laid: Sequence[LaidWeek], source: BlockSource, deload_every: int, kept: Sequence[date]
) -> dict[str, Any]:
    """The documented shape of ``planner block --json`` (#/$defs/block); keys in this order.
    A week's days are as laid, by ISO weekday, each a day as ``show --json`` writes it, or
    null when left unplanned; ``kept`` are the days logged done, which kept their plan."""
    from planner.export.json import day_json

    first = laid[0].mark
    return {
        "format": JSON_FORMAT,
        "from": str(first.start),
        "weeks": first.weeks,
        "deload_every": deload_every,
        "source": (
            {"template": source.template}
            if source.template is not None
            else {"repeat_week": str(source.repeat_week)}
        ),
        "laid": [
            {
                "week": str(week.plan.week),
                "number": week.mark.number,
                "deload": week.mark.deload,
                "days": {
                    WEEKDAY_KEYS[index]: day_json(day) if day.is_planned else None
                    for index, day in enumerate(week.plan.days)
                },
            }
            for week in laid
        ],
        "kept": [day.isoformat() for day in kept],
    }
