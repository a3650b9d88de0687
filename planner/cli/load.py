"""``planner load``: load over weeks, per week: planned and done load, hard sessions per
muscle family, monotony, strain, the ratio to the four weeks before, the block mark and the
load-jump caution; as a table or as JSON (the shape: planner/export/schema.json)."""

from __future__ import annotations

import argparse
import textwrap
from typing import Any

from planner.cli.common import CliError, open_knowledge, open_store
from planner.cli.files import write_output
from planner.cli.options import iso_week
from planner.clock import Clock
from planner.load_weeks import (
    WEEKS_AHEAD,
    WEEKS_BACK,
    LoadedWeek,
    figure_lines,
    loaded_weeks,
    window_around,
)
from planner.text_safety import printable
from planner.weeks import FirstWeekday, IsoWeek, WeekError, shown_dates, week_of
from rules import KnowledgeBase

NAME = "load"
SUMMARY = "print load over weeks: planned and done load, hard sessions, monotony, strain"
DESCRIPTION = (
    "Print, per week, the planned and done load (session RPE x minutes, Foster et al. 2001), "
    "hard sessions per muscle family (chest, back, legs, heart and lungs), monotony (the "
    "mean daily load over its standard deviation) and strain (the week's load x monotony, "
    "Foster 1998), the ratio of the week's load to the weekly average of the four weeks "
    "before (Gabbett 2016; a description of a change in load, not an injury predictor: "
    "Impellizzeri et al. 2020), the week's place in a training block, and a caution where "
    f"the load jumps. Default: {WEEKS_BACK} weeks before the current week to {WEEKS_AHEAD} "
    f"after it; with --from or --to alone, the {WEEKS_BACK + WEEKS_AHEAD + 1} weeks from or "
    "to that week. WEEK is an ISO week like 2026-W48."
)
EPILOG = (
    "examples:\n  planner load\n  planner load --from 2026-W40 --to 2026-W52\n  planner load --json"
)

# Which shape of document `load --json` prints.
FORMAT = 1
# Where no figure can be given (no day logged, an even week, no load before it).
NONE = "—"
# The text's width: it reads in an 80-column terminal.
WIDTH = 79


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="first_week", metavar="WEEK", type=iso_week, help="the first week"
    )
    parser.add_argument(
        "--to", dest="last_week", metavar="WEEK", type=iso_week, help="the last week"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def run(args: argparse.Namespace, clock: Clock) -> int:
    knowledge = open_knowledge()
    with open_store(args, write=False) as store:
        first = store.settings().first_weekday
        first_week, last_week = weeks_asked(args, clock, first)
        try:
            rows = loaded_weeks(store, store, first_week, last_week, first, knowledge)
        except (WeekError, OverflowError) as error:
            raise CliError(str(error)) from None
    if args.json:
        from planner.cli.show import dump_json

        text = dump_json(load_json(rows))
    else:
        text = load_text(rows, first, knowledge)
    write_output(None, text.encode("utf-8"))
    return 0


def weeks_asked(
    args: argparse.Namespace, clock: Clock, first: FirstWeekday
) -> tuple[IsoWeek, IsoWeek]:
    """The weeks ``--from`` and ``--to`` name; one alone spans the default window's length
    from (or to) it; neither, the window around the current week."""
    given_first: IsoWeek | None = args.first_week
    given_last: IsoWeek | None = args.last_week
    length = WEEKS_BACK + WEEKS_AHEAD
    try:
        if given_first is not None and given_last is not None:
            return given_first, given_last
        if given_first is not None:
            return given_first, given_first.shifted(length)
        if given_last is not None:
            return given_last.shifted(-length), given_last
    except WeekError as error:
        raise CliError(str(error)) from None
    return window_around(week_of(clock.today(), first))


def load_json(rows: list[LoadedWeek]) -> dict[str, Any]:
    """The documented shape of ``planner load --json``; keys in this order. ``done`` is
    null when no day of the week is logged done; ``monotony`` and ``strain`` null when
    every day holds the same load; ``ratio`` null until the four weeks before hold some
    load; ``block`` null outside a block; ``caution`` the load-jump caution or null."""
    weeks = []
    for row in rows:
        figures, block = row.figures, row.block
        weeks.append(
            {
                "week": str(row.week),
                "planned": figures.planned,
                "done": figures.done,
                "load": figures.load,
                "hard": dict(figures.hard),
                "monotony": _rounded(figures.monotony),
                "strain": figures.strain,
                "ratio": _rounded(figures.ratio),
                "block": None
                if block is None
                else {
                    "start": str(block.start),
                    "number": block.number,
                    "weeks": block.weeks,
                    "deload": block.deload,
                },
                "caution": None if row.caution is None else row.caution.text,
            }
        )
    return {"format": FORMAT, "weeks": weeks}


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def load_text(rows: list[LoadedWeek], first: FirstWeekday, knowledge: KnowledgeBase) -> str:
    """A table, one line per week, then each caution and what the figures are."""
    families = [family.id for family in knowledge.families]
    hard_heading = " ".join(family[0] for family in families)  # c b l h
    heading = (
        f"{'Week':<9} {'Days':<15} {'Block':<6} {'Planned':>7} {'Done':>5} "
        f"{hard_heading:<7} {'Monotony':>8} {'Strain':>6} {'Ratio':>5}"
    )
    lines = [
        f"Load over weeks, {rows[0].week} to {rows[-1].week} (session RPE x minutes)",
        "",
        heading,
    ]
    for row in rows:
        figures = row.figures
        dates = shown_dates(row.week, first)
        days = f"{dates[0].day} {dates[0]:%b} – {dates[-1].day} {dates[-1]:%b}"
        hard = " ".join(str(count) for _, count in figures.hard)
        line = (
            f"{row.week!s:<9} {days:<15} {row.block_mark:<6} {figures.planned:>7} "
            f"{_number(figures.done):>5} {hard:<7} {_decimal(figures.monotony):>8} "
            f"{_number(figures.strain):>6} {_decimal(figures.ratio):>5}"
        )
        lines.append(line + ("  !" if row.caution is not None else ""))
    lines.append("")
    for row in rows:
        if row.caution is not None:
            said = f"! {row.week}: {row.caution.text}  [{printable(row.caution.source.citation)}]"
            lines += [*textwrap.wrap(said, WIDTH, subsequent_indent="  "), ""]
    for paragraph in figure_lines(knowledge):
        lines += textwrap.wrap(paragraph, WIDTH, subsequent_indent="  ")
    return "\n".join(lines) + "\n"


def _number(value: int | None) -> str:
    return NONE if value is None else str(value)


def _decimal(value: float | None) -> str:
    return NONE if value is None else f"{value:.2f}"
