"""The training log in the file (schema version 3): what was done on each day and how it
felt, beside the plan, which it never changes. One document per ISO week, like ``weeks``::

    "logs": {"202648": {"week": "2026-W48",
                        "mon": {"done": "legs:heavy+run:easy", "rpe": [8, null],
                                "minutes": [60, null]},
                        "tue": {"sore": {"legs": "very"}, "sleep": 2, "energy": 3}}}

A day's entry holds what was done (``done``, its words with every attribute spelled out as
in ``weeks``, ``rest`` when nothing was; ``rpe`` and ``minutes``, one per done session,
null when not given, left out when none is), and its check-in (``sore``: family ->
``mild``, ``sore`` or ``very``; ``sleep`` and ``energy``, 1 to 5). Every key is optional
but a day holds at least one. The functions here are pure; planner.store.database reads
and writes the table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from planner.days import WEEKDAY_KEYS, UnknownName, day_words, parse_day
from planner.log import RATING_MAX, RATING_MIN, DayLog, sore_of
from rules import Soreness
from rules.vocabulary import MINUTES_MAX, RPE_MAX

LOGS = "logs"
WEEK_KEY = "week"
FIELDS = ("done", "rpe", "minutes", "sore", "sleep", "energy")
_FAMILY = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")


def encode(log: DayLog) -> dict[str, Any]:
    """A day's log as stored; only what it holds."""
    entry: dict[str, Any] = {}
    if log.done is not None:
        entry["done"] = day_words(log.done, explicit=True)
        if any(value is not None for value in log.rpe):
            entry["rpe"] = list(log.rpe)
        if any(value is not None for value in log.minutes):
            entry["minutes"] = list(log.minutes)
    if log.sore:
        entry["sore"] = {family: level.value for family, level in log.sore}
    if log.sleep is not None:
        entry["sleep"] = log.sleep
    if log.energy is not None:
        entry["energy"] = log.energy
    return entry


def decode(value: object) -> DayLog:
    """A stored entry; ValueError (the reason) unless it is one :func:`encode` writes."""
    if not isinstance(value, dict) or not value:
        raise ValueError(f"log entry {value!r} is not a table of what was done and felt")
    unknown = set(value) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown field {sorted(unknown)[0]!r} in a log entry")
    done = None
    if "done" in value:
        words = value["done"]
        try:
            done = parse_day(words) if isinstance(words, str) else None
        except UnknownName:
            done = None
        if done is None or not done.is_planned or day_words(done, explicit=True) != words:
            raise ValueError(f"invalid done day {words!r}")
    sessions = len(done.sessions) if done is not None else 0
    rpe = _numbers(value, "rpe", sessions, 0, RPE_MAX)
    minutes = _numbers(value, "minutes", sessions, 1, MINUTES_MAX)
    sore = value.get("sore", {})
    if "sore" in value and (not isinstance(sore, dict) or not sore):
        raise ValueError(f"invalid soreness {sore!r}")
    levels: dict[str, Soreness] = {}
    for family, level in sore.items():
        if not _FAMILY.fullmatch(family) or level not in ("mild", "sore", "very"):
            raise ValueError(f"invalid soreness {family!r}: {level!r}")
        levels[family] = Soreness(level)
    return DayLog(
        done=done,
        rpe=rpe,
        minutes=minutes,
        sore=sore_of(levels),
        sleep=_rating(value, "sleep"),
        energy=_rating(value, "energy"),
    )


def _numbers(
    value: Mapping[str, Any], key: str, count: int, low: int, high: int
) -> tuple[int | None, ...]:
    if key not in value:
        return ()
    numbers = value[key]
    if (
        count == 0
        or not isinstance(numbers, list)
        or len(numbers) != count
        or all(n is None for n in numbers)
        or any(n is not None and (type(n) is not int or not low <= n <= high) for n in numbers)
    ):
        raise ValueError(f"invalid {key} {numbers!r}")
    return tuple(numbers)


def _rating(value: Mapping[str, Any], key: str) -> int | None:
    rating = value.get(key)
    if key in value and (type(rating) is not int or not RATING_MIN <= rating <= RATING_MAX):
        raise ValueError(f"invalid {key} {rating!r}")
    return rating


def entries(doc: Mapping[str, Any] | None) -> dict[int, DayLog]:
    """The day logs of a validated document, by ISO weekday index (0 = Monday)."""
    if doc is None:
        return {}
    return {index: decode(doc[key]) for index, key in enumerate(WEEKDAY_KEYS) if key in doc}


def document(label: str, days: Mapping[int, DayLog]) -> dict[str, Any] | None:
    """A week's document; None when it logs nothing."""
    doc: dict[str, Any] = {WEEK_KEY: label}
    for index in sorted(days):
        if not days[index].is_empty:
            doc[WEEKDAY_KEYS[index]] = encode(days[index])
    return doc if len(doc) > 1 else None


def validate(doc: Mapping[str, Any], label: str) -> None:
    """ValueError (the reason) unless ``doc`` is a logs document labelled ``label``."""
    if doc.get(WEEK_KEY) != label:
        raise ValueError(f"log document is not labelled {label}")
    for key, value in doc.items():
        if key == WEEK_KEY:
            continue
        if key not in WEEKDAY_KEYS:
            raise ValueError(f"unknown field {key!r} in the log of {label}")
        if encode(decode(value)) != value:
            raise ValueError(f"log entry of {label} {key} is not as the planner writes it")
    if len(doc) == 1:
        raise ValueError(f"the log of {label} holds no day")
