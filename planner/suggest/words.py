"""The words of a suggestion request, ``legs:heavy=1 run=2`` and pins like ``sat=run:long``
or ``mon=legs:heavy+run``, read into counts and pins with one-line messages: shared by
``planner suggest`` and the suggest dialog. Sessions and days are read by
:mod:`planner.days` (``parse_session``, ``parse_day``), which suggests the closest word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from planner.days import (
    DAYS_IN_WEEK,
    UnknownName,
    parse_session,
    read_days,
    session_words,
)
from rules import Activity, PlannedDay, Session

_COUNT = re.compile(r"[0-9]+")


class RequestWordError(ValueError):
    """A count or pin word that cannot be read; ``str()`` is the message."""


def _split(word: str, example: str, what: str) -> tuple[str, str]:
    left, equals, right = word.partition("=")
    if not equals or not left.strip() or not right.strip():
        raise RequestWordError(f"'{word}' is not {what}; write it like {example}")
    return left, right


def _session(text: str, word: str) -> Session:
    try:
        return parse_session(text)
    except UnknownName as error:
        raise RequestWordError(f"{word}: {error}") from None


def parse_counts(words: Sequence[str]) -> dict[Session, int]:
    """``legs:heavy=1 run=2`` as {session: count}; a bare kind is its default attribute
    (``legs`` is ``legs:moderate``), so giving both is giving one twice. Rest is refused
    (it fills the other days)."""
    counts: dict[Session, int] = {}
    given: dict[Session, str] = {}
    for word in words:
        name, number = _split(word, "run=2", "SESSION=N")
        if name.strip().lower() == Activity.REST.value:
            count = _count(number, word) if _COUNT.fullmatch(number.strip()) else 1
            raise RequestWordError(
                f"{word}: rest is not counted, it fills the days left over; "
                f"use --rest-min {count} to ask for at least {count} rest days"
            )
        session = _session(name, word)
        if not _COUNT.fullmatch(number.strip()):
            raise RequestWordError(f"{word}: the count must be a whole number, 0 or more")
        count = _count(number, word)
        if session in given:
            raise RequestWordError(
                f"{session_words(session)} is given twice ({given[session]}, {word}); "
                "give each once"
            )
        given[session] = word
        counts[session] = count
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


def parse_pins(words: Sequence[str], label: str = "--pin ") -> dict[int, PlannedDay]:
    """``sat=run:long``, ``mon=legs:heavy+run``, ``sun=rest`` as {ISO weekday (0 = Monday):
    day}; ``label`` starts each message (the command line names its option, the suggest
    dialog nothing)."""
    try:
        return read_days(
            words,
            form="DAY=ACTIVITY",
            example="sat=run",
            label=label,
            repeated=("pinned", "pin each day once"),
        )
    except UnknownName as error:
        raise RequestWordError(str(error)) from None
