"""``planner template``: the shipped week templates as text, and what applying one did.

Every start of ``planner``, the interactive one included, builds this command's parser: the
templates are imported (and read) only when the command runs.
"""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from planner.cli.common import CliError, describe_changes, load_week, open_store, shown_week
from planner.cli.files import write_output
from planner.cli.options import DAYS_NOTE, add_command_parser, add_week
from planner.clock import Clock
from planner.days import WEEKDAY_KEYS, day_words, displayed_weekdays, weekday_key
from planner.log import keep_logged
from planner.plan import WeekPlan
from planner.weeks import FirstWeekday

if TYPE_CHECKING:
    from planner.templates import Template

NAME = "template"
SUMMARY = "list the week templates, or apply one to a week"
DESCRIPTION = (
    "'template list' prints every shipped week template: its id, name, days and "
    "description. 'template apply ID' lays one on a week by weekday: each day the "
    "template fixes is replaced, and each day it leaves open (shown as 'open') keeps "
    f"what it holds. {DAYS_NOTE}"
)
EPILOG = "examples:\n  planner template list\n  planner template apply upper-lower --week 2026-W48"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(
        dest="template_command", title="actions", metavar="ACTION", required=True
    )
    listing = add_command_parser(
        actions,
        "list",
        "print every template with its days",
        "Print every shipped template: id, name, days (in displayed order; 'open' days keep "
        "what they hold when applied) and description. --json: the days by weekday, mon to "
        "sun, each as 'show --json' writes a day's sessions, or null when left open.",
        "examples:\n  planner template list\n  planner template list --json",
    )
    listing.add_argument("--json", action="store_true", help="print JSON instead of text")
    apply = add_command_parser(
        actions,
        "apply",
        "lay a template on a week",
        "Lay template ID on the week by weekday: every day the template fixes is replaced; "
        "a day it leaves open keeps what it holds. 'planner template list' shows the ids. "
        f"{DAYS_NOTE}",
        "example:\n  planner template apply push-pull-legs-twice --week 2026-W48",
    )
    add_week(apply, "ISO week to apply it to (default: the current week)")
    apply.add_argument("id", metavar="ID", help="a template id from 'planner template list'")


def run(args: argparse.Namespace, clock: Clock) -> int:
    from planner.templates import TemplateError, load_templates, template_by_id

    try:
        templates = load_templates()
        template = None if args.template_command == "list" else template_by_id(args.id)
    except (TemplateError, LookupError) as error:
        raise CliError(str(error.args[0])) from None
    with open_store(args, write=template is not None) as store:
        first = store.settings().first_weekday
        if template is None:
            text = templates_text(templates, first)
            if args.json:
                from planner.cli.show import dump_json

                text = dump_json({"templates": [template_json(t) for t in templates]})
        else:
            before = load_week(store, shown_week(args, clock, first), first)
            logs = store.logs_between(before.dates[0], before.dates[-1])
            after, kept = keep_logged(before, template.apply_to(before), logs)
            if after != before:
                store.save_plan(after)
            text = describe_applied(template, before, after) + kept_note(kept) + "\n"
    write_output(None, text.encode("utf-8"))
    return 0


def kept_note(kept: list[date]) -> str:
    """``; logged, so kept as planned: mon, tue`` (a day already lived is never changed)."""
    if not kept:
        return ""
    return f"; logged, so kept as planned: {', '.join(weekday_key(day) for day in kept)}"


# A day the template leaves open: applying it keeps what that day holds.
OPEN = "open"
WIDTH = 79


def template_days(template: Template, first: FirstWeekday) -> str:
    """``mon push, tue rest, ..., sat open, sun open``, in displayed order."""
    days = [
        (WEEKDAY_KEYS[weekday], template.days[weekday]) for weekday in displayed_weekdays(first)
    ]
    return ", ".join(f"{name} {day_words(day) if day else OPEN}" for name, day in days)


def templates_text(templates: Sequence[Template], first: FirstWeekday) -> str:
    """Each template: id and name, its days, and its description wrapped and indented."""
    blocks = []
    for template in templates:
        lines = [
            f"{template.id}  {template.name}, for {template.goal.label}",
            f"  {template_days(template, first)}",
        ]
        lines += textwrap.wrap(
            template.description, WIDTH, initial_indent="  ", subsequent_indent="  "
        )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def template_json(template: Template) -> dict[str, Any]:
    """``{"id", "name", "goal", "description", "days": {"mon": {"sessions": ...} or null,
    ...}}``: ``goal`` the goal it is built for (as ``planner goal`` takes it); ISO weekdays,
    as the JSON export keys days; null is a day the template leaves open."""
    from planner.export.json import day_json

    return {
        "id": template.id,
        "name": template.name,
        "goal": template.goal.value,
        "description": template.description,
        "days": {
            key: None if day is None else day_json(day)
            for key, day in zip(WEEKDAY_KEYS, template.days, strict=True)
        },
    }


def describe_applied(template: Template, before: WeekPlan, after: WeekPlan) -> str:
    """``Applied template X to 2026-W48: mon push, ...; left open, so kept: sat, sun``."""
    text = f"Applied template {template.id} to {describe_changes(before, after)}"
    kept = [weekday_key(day) for day in after.dates if template.days[day.weekday()] is None]
    if kept:
        text += f"; left open by the template, so kept as they were: {', '.join(kept)}"
    return text
