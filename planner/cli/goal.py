"""``planner goal``: say what the user trains for, or set it; every week is judged for it."""

from __future__ import annotations

import argparse

from planner.cli.common import open_store
from planner.clock import Clock
from planner.edits import choose_goal
from rules import Goal

NAME = "goal"
SUMMARY = "say or set what you train for: the advice is weighed for it"
DESCRIPTION = (
    "Set what you train for, once: general (the default), muscle (growth), strength, "
    "endurance, or hybrid (strength and endurance). The goal changes how much each piece of "
    "advice weighs, so a runner's week is judged as a runner's and a lifter's as a lifter's; "
    "'show', 'suggest', 'export' and the planner all use it. Without GOAL, prints the goal. "
    "--json prints the goal, its label and the goal before."
)
EPILOG = "examples:\n  planner goal\n  planner goal hybrid\n  planner goal --json"

CHOICES = tuple(goal.value for goal in Goal)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # choices: argparse refuses anything else in one line naming them (exit 2), before
    # the store is opened, and the shell completion offers them.
    parser.add_argument("goal", nargs="?", metavar="GOAL", choices=CHOICES, help=", ".join(CHOICES))
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def run(args: argparse.Namespace, clock: Clock) -> int:
    chosen = None if args.goal is None else Goal(args.goal)
    with open_store(args, write=chosen is not None) as store:
        settings = store.settings()
        if chosen is not None and chosen is not settings.goal:
            store.save_settings(choose_goal(settings, chosen))
    if args.json:
        from planner.cli.show import dump_json

        now = settings.goal if chosen is None else chosen
        document = {"goal": now.value, "label": now.label, "was": settings.goal.value}
        print(dump_json(document), end="")
    else:
        print(said(settings.goal, chosen))
    return 0


def said(before: Goal, chosen: Goal | None) -> str:
    """What ``planner goal [GOAL]`` prints: one line, naming each goal as the header and
    ``show`` do (``Goal: hybrid (strength and endurance)``)."""
    from planner.export.text import goal_line  # not on the planner's first frame

    if chosen is None:
        return f"{goal_line(before)}. 'planner goal GOAL' changes it."
    if chosen is before:
        return f"{goal_line(chosen)}, as it already was; nothing changed."
    return f"{goal_line(chosen)}, was {before.label}."
