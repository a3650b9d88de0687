"""``planner template``: the shipped week templates as text, and what applying one did."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from planner.cli_set import describe_changes
from planner.names import DAY_NAMES, day_name
from planner.plan import WeekPlan
from planner.templates import Template
from planner.weeks import FirstWeekday

# A day the template leaves open: applying it keeps what that day holds.
OPEN = "open"
WIDTH = 79


def _weekdays(first: FirstWeekday) -> tuple[int, ...]:
    """ISO weekday indexes (0 = Monday) in displayed order."""
    return (6, 0, 1, 2, 3, 4, 5) if first is FirstWeekday.SUNDAY else tuple(range(7))


def template_days(template: Template, first: FirstWeekday) -> str:
    """``mon push, tue rest, ..., sat open, sun open``, in displayed order."""
    days = [(DAY_NAMES[weekday], template.activities[weekday]) for weekday in _weekdays(first)]
    return ", ".join(f"{name} {OPEN if activity is None else activity}" for name, activity in days)


def templates_text(templates: Sequence[Template], first: FirstWeekday) -> str:
    """Each template: id and name, its days, and its description wrapped and indented."""
    blocks = []
    for template in templates:
        lines = [f"{template.id}  {template.name}", f"  {template_days(template, first)}"]
        lines += textwrap.wrap(
            template.description, WIDTH, initial_indent="  ", subsequent_indent="  "
        )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def describe_applied(template: Template, before: WeekPlan, after: WeekPlan) -> str:
    """``Applied template X to 2026-W48: mon push, ...; left open, so kept: sat, sun``."""
    text = f"Applied template {template.id} to {describe_changes(before, after)}"
    kept = [day_name(day) for day in after.dates if template.activities[day.weekday()] is None]
    if kept:
        text += f"; left open by the template, so kept as they were: {', '.join(kept)}"
    return text
