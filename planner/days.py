"""Facts about days, in one place: the weekday words people type (``mon``) and read
(``Mon``), where each weekday is shown in a Monday- or Sunday-first week, the order
activities are listed and tried in, and the words of what a day holds (``legs``,
``unplanned``) with what to tell the user when a word is wrong.

The command line, the JSON export and import, the store's keys, templates, suggest and the
screens all read these; none writes its own list.
"""

from __future__ import annotations

from datetime import date

from planner.weeks import FirstWeekday
from rules import SESSION_ACTIVITIES, Activity, PlannedDay

DAYS_IN_WEEK = 7
# Indexed by ISO weekday - 1 (``date.weekday()``): the keys typed, stored and exported...
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# ...and the names shown (never strftime's, which follow the locale).
WEEKDAY_ABBREVIATIONS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# The order activities are listed, tried and tie-broken in: push, pull, legs, run, rest.
ACTIVITIES: tuple[Activity, ...] = tuple(Activity)
SESSIONS: tuple[Activity, ...] = SESSION_ACTIVITIES  # every activity but rest

# Typed by ``planner set`` to clear a day; what an unplanned day is called.
CLEAR = "-"
UNPLANNED = "unplanned"

_DAY_LIST = ", ".join(WEEKDAY_KEYS[:-1]) + f" or {WEEKDAY_KEYS[-1]}"
_ACTIVITY_WORDS = [activity.value for activity in ACTIVITIES]
_ACTIVITY_LIST = ", ".join(_ACTIVITY_WORDS[:-1]) + f" or {_ACTIVITY_WORDS[-1]}"


class UnknownName(ValueError):
    """A day or activity word that is not one of ours; ``str()`` says which words are."""


def displayed_weekdays(first: FirstWeekday) -> tuple[int, ...]:
    """The ISO weekday index (0 = Monday) shown at each position of a week."""
    return (6, 0, 1, 2, 3, 4, 5) if first is FirstWeekday.SUNDAY else tuple(range(DAYS_IN_WEEK))


def displayed_index(weekday: int, first: FirstWeekday) -> int:
    """Where the ISO weekday ``weekday`` (0 = Monday) is shown in a week."""
    return displayed_weekdays(first).index(weekday)


def weekday_key(day: date) -> str:
    """``mon`` .. ``sun``."""
    return WEEKDAY_KEYS[day.weekday()]


def weekday_abbreviation(day: date) -> str:
    """``Mon`` .. ``Sun``."""
    return WEEKDAY_ABBREVIATIONS[day.weekday()]


def parse_weekday(text: str) -> int:
    """The ISO weekday index (0 = Monday) of ``mon`` .. ``sun``, any case."""
    try:
        return WEEKDAY_KEYS.index(text.strip().lower())
    except ValueError:
        raise UnknownName(f"'{text}' is not a day; use {_DAY_LIST}") from None


def parse_activity(text: str) -> Activity:
    """``push`` .. ``rest``, any case."""
    try:
        return Activity(text.strip().lower())
    except ValueError:
        raise UnknownName(f"'{text}' is not an activity; use {_ACTIVITY_LIST}") from None


def parse_day(text: str, *, clear: bool = False) -> PlannedDay:
    """What a day holds, in the words ``planner set`` and the templates use: ``push`` ..
    ``rest``, any case; with ``clear``, ``-`` is an unplanned day."""
    if clear and text.strip() == CLEAR:
        return PlannedDay.UNPLANNED
    try:
        return PlannedDay(parse_activity(text))
    except UnknownName:
        if not clear:
            raise
        raise UnknownName(
            f"'{text}' is not an activity; use {', '.join(_ACTIVITY_WORDS)}, "
            f"or {CLEAR} to clear the day"
        ) from None


def day_words(day: PlannedDay) -> str:
    """What a day holds in words: ``legs``, ``rest`` or ``unplanned``."""
    return UNPLANNED if day.activity is None else day.activity.value
