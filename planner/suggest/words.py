"""The words of a suggestion request, ``push=1 run=2`` and pins like ``sat=run``, read into
counts and pins with one-line messages: shared by ``planner suggest`` and the suggest dialog.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from planner.days import DAYS_IN_WEEK, UnknownName, parse_activity, parse_weekday
from rules import Activity

_COUNT = re.compile(r"[0-9]+")


class RequestWordError(ValueError):
    """A count or pin word that cannot be read; ``str()`` is the message."""


def _split(word: str, example: str, what: str) -> tuple[str, str]:
    left, equals, right = word.partition("=")
    if not equals or not left.strip() or not right.strip():
        raise RequestWordError(f"'{word}' is not {what}; write it like {example}")
    return left, right


def _activity(text: str, word: str) -> Activity:
    try:
        return parse_activity(text)
    except UnknownName as error:
        raise RequestWordError(f"{word}: {error}") from None


def parse_counts(words: Sequence[str]) -> dict[Activity, int]:
    """``push=1 run=2`` as {activity: count}; rest is refused (it fills the other days)."""
    counts: dict[Activity, int] = {}
    given: dict[Activity, str] = {}
    for word in words:
        name, number = _split(word, "run=2", "ACTIVITY=N")
        activity = _activity(name, word)
        if not _COUNT.fullmatch(number.strip()):
            raise RequestWordError(f"{word}: the count must be a whole number, 0 or more")
        count = _count(number, word)
        if activity is Activity.REST:
            raise RequestWordError(
                f"{word}: rest is not counted, it fills the days left over; "
                f"use --rest-min {count} to ask for at least {count} rest days"
            )
        if activity in given:
            raise RequestWordError(
                f"{activity} is given twice ({given[activity]}, {word}); give each once"
            )
        given[activity] = word
        counts[activity] = count
    return counts


# Far more than a week holds, short enough for int() (it refuses 4300 digits and more).
_MAX_DIGITS = 6


def _count(digits: str, word: str) -> int:
    significant = digits.strip().lstrip("0") or "0"
    if len(significant) > _MAX_DIGITS:
        name = word.partition("=")[0].strip()
        raise RequestWordError(
            f"{name}={significant[:3]}... ({len(significant)} digits): the count must be a "
            f"whole number from 0 to {DAYS_IN_WEEK}"
        )
    return int(significant)


def parse_pins(words: Sequence[str], label: str = "--pin ") -> dict[int, Activity]:
    """``sat=run`` as {ISO weekday (0 = Monday): activity}; ``label`` starts each message
    (the command line names its option, the suggest dialog nothing)."""
    pins: dict[int, Activity] = {}
    given: dict[int, str] = {}
    for word in words:
        day, name = _split(word, f"{label}sat=run", "DAY=ACTIVITY")
        try:
            weekday = parse_weekday(day)
        except UnknownName as error:
            raise RequestWordError(f"{label}{word}: {error}") from None
        activity = _activity(name, f"{label}{word}")
        if weekday in given:
            raise RequestWordError(
                f"{day.strip().lower()} is pinned twice ({given[weekday]}, {word}); "
                "pin each day once"
            )
        given[weekday] = word
        pins[weekday] = activity
    return pins
