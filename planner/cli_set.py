"""``planner set``: ``DAY=ACTIVITY`` words, checked all together before anything is written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planner.advice_text import activity_word
from planner.names import UnknownName, day_name, parse_activity, parse_day
from planner.plan import WeekPlan
from rules import Activity


class AssignmentError(ValueError):
    """A ``DAY=ACTIVITY`` word that cannot be applied; ``str()`` is the message."""


@dataclass(frozen=True, slots=True)
class Assignment:
    weekday: int  # 0 = Monday, as ``date.weekday()``
    activity: Activity | None  # None clears the day


def parse_assignments(words: Sequence[str]) -> list[Assignment]:
    """Every word parsed, or AssignmentError about the first bad one (duplicates included)."""
    assignments: list[Assignment] = []
    seen: dict[int, str] = {}
    for word in words:
        day_text, equals, activity_text = word.partition("=")
        if not equals or not day_text.strip() or not activity_text.strip():
            raise AssignmentError(f"'{word}' is not DAY=ACTIVITY; write it like mon=legs")
        try:
            weekday = parse_day(day_text)
            activity = parse_activity(activity_text, clear=True)
        except UnknownName as error:
            raise AssignmentError(f"{word}: {error}") from None
        if weekday in seen:
            raise AssignmentError(
                f"{day_text.strip().lower()} is given twice ({seen[weekday]}, {word}); "
                "give each day once"
            )
        seen[weekday] = word
        assignments.append(Assignment(weekday, activity))
    return assignments


def apply(plan: WeekPlan, assignments: Sequence[Assignment]) -> WeekPlan:
    """``plan`` with each assignment put on the shown day of that weekday."""
    weekdays = [day.weekday() for day in plan.dates]
    for assignment in assignments:
        plan = plan.with_activity(weekdays.index(assignment.weekday), assignment.activity)
    return plan


def describe_changes(before: WeekPlan, after: WeekPlan) -> str:
    """``2026-W48: mon legs, tue pull, wed cleared``, in displayed order."""
    changes = [
        f"{day_name(day)} {'cleared' if new is None else new.value}"
        for (day, old), (_, new) in zip(before.days, after.days, strict=True)
        if old != new
    ]
    return f"{after.week}: {', '.join(changes) if changes else 'no change'}"


def describe_days(plan: WeekPlan) -> str:
    """``mon legs, tue pull, wed unplanned, ...``: all seven days in displayed order."""
    return ", ".join(f"{day_name(day)} {activity_word(activity)}" for day, activity in plan.days)
