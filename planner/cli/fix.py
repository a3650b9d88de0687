"""``planner fix``: the single change that raises the week's score the most, and ``--apply``."""

from __future__ import annotations

import argparse

from planner.cli.common import (
    describe_changes,
    open_knowledge,
    open_store,
    shown_week,
    week_in_context,
)
from planner.cli.options import DAYS_NOTE, add_week
from planner.clock import Clock
from planner.fix import Fix, describe_change, smallest_fix
from planner.plan import WeekPlan

NAME = "fix"
SUMMARY = "find the single change that raises the week's score the most"
DESCRIPTION = (
    "Find the single change to the week that raises its score (the one 'show' prints, for "
    "your goal) the most: one session's intensity or run type, two days swapped, or one "
    "day moved to another with the days between shifting one day. Every such change is "
    "judged, exactly as 'show' would; of equal scores, the smallest change (a session, "
    "then a swap, then a move) on the earliest day wins. Prints the change, the score "
    "before and after, the cons it clears and the pros it earns (--json: as 'show --json' "
    "has it); --apply saves it. The week is the stored "
    f"week, as 'set' edits it. {DAYS_NOTE}"
)
EPILOG = "examples:\n  planner fix\n  planner fix --week 2026-W48 --apply\n  planner fix --json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_week(parser, "ISO week to fix (default: the current week)")
    parser.add_argument("--apply", action="store_true", help="save the change")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def run(args: argparse.Namespace, clock: Clock) -> int:
    knowledge = open_knowledge()
    with open_store(args, write=args.apply) as store:
        settings = store.settings()
        first = settings.first_weekday
        week = shown_week(args, clock, first)
        stored, before, after, logs = week_in_context(store, week, first)
        found = smallest_fix(stored, before, after, knowledge, settings.goal, logs, clock.today())
        applied = found is not None and args.apply
        if found is not None and applied:
            store.save_plan(found.plan)
    if args.json:
        from planner.cli.show import dump_json, fix_json

        document = {"week": str(stored.week), "fix": fix_json(found, stored), "applied": applied}
        print(dump_json(document), end="")
    else:
        print(fix_text(stored, found, applied=applied), end="")
    return 0


NO_FIX = "no single change raises the score"


def fix_text(stored: WeekPlan, found: Fix | None, *, applied: bool) -> str:
    """What ``planner fix`` prints (see the README for the exact lines)."""
    from planner.export.text import finding_line  # not on the planner's first frame

    if found is None:
        return f"{stored.week}: {NO_FIX}.\n"
    lines = [
        f"{stored.week}: {describe_change(found.change, stored)}",
        f"Score {found.before} → {found.after}",
    ]
    if found.cleared:
        lines += ["Clears:", *(f"  {finding_line(finding)}" for finding in found.cleared)]
    if found.earned:
        lines += ["Earns:", *(f"  {finding_line(finding)}" for finding in found.earned)]
    if applied:
        lines.append(f"Applied to {describe_changes(stored, found.plan)}")
    else:
        lines.append("'planner fix --apply' makes this change.")
    return "\n".join(lines) + "\n"
