"""The words people type for days and activities (``mon``, ``legs``), and what to tell them
when a word is wrong. Shared by ``planner set`` and ``planner import`` so both say the same."""

from __future__ import annotations

from datetime import date

from planner.store.format import WEEKDAY_KEYS
from rules import Activity

# Typed by ``planner set`` to clear a day.
CLEAR = "-"

DAY_NAMES = WEEKDAY_KEYS  # mon..sun, index = ISO weekday - 1
_DAY_LIST = ", ".join(DAY_NAMES[:-1]) + f" or {DAY_NAMES[-1]}"
_ACTIVITIES = [activity.value for activity in Activity]
_ACTIVITY_LIST = ", ".join(_ACTIVITIES[:-1]) + f" or {_ACTIVITIES[-1]}"


class UnknownName(ValueError):
    """A day or activity word that is not one of ours; ``str()`` says which words are."""


def day_name(day: date) -> str:
    """``mon`` .. ``sun``."""
    return DAY_NAMES[day.weekday()]


def parse_day(text: str) -> int:
    """The weekday index (0 = Monday) of ``mon`` .. ``sun``, any case."""
    try:
        return DAY_NAMES.index(text.strip().lower())
    except ValueError:
        raise UnknownName(f"'{text}' is not a day; use {_DAY_LIST}") from None


def parse_activity(text: str, *, clear: bool = False) -> Activity | None:
    """``push`` .. ``rest``, any case; with ``clear``, ``-`` means no activity (None)."""
    word = text.strip().lower()
    if clear and word == CLEAR:
        return None
    try:
        return Activity(word)
    except ValueError:
        choices = (
            f"{', '.join(_ACTIVITIES)}, or {CLEAR} to clear the day" if clear else _ACTIVITY_LIST
        )
        raise UnknownName(f"'{text}' is not an activity; use {choices}") from None
