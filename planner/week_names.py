"""A week as a person types it: ``2027-W3``, ``2027-w03``, ``W3`` (this year), a date
(``2027-01-15``: the week holding it), ``next``, ``prev``. The go-to-week dialog reads it."""

from __future__ import annotations

import re
from datetime import date

from planner.weeks import FIRST_WEEK, LAST_WEEK, FirstWeekday, IsoWeek, WeekError, week_of

# Short enough for one line of the go-to-week dialog at 80 columns, with what goes before.
FORMS = "2027-W3, W3, 2027-01-15, next or prev"
# What was typed, at most this long, in the answer.
_SHOWN = 12

_WEEK = re.compile(r"(?:(\d{4})-)?w(\d{1,2})")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_STEPS = {"next": 1, "prev": -1, "previous": -1}


def read_week(text: str, *, shown: IsoWeek, today: date, first: FirstWeekday) -> IsoWeek:
    """The week ``text`` names: relative to the ``shown`` week (next, prev), in the ISO
    year of ``today`` when it names no year, the displayed week holding a date. WeekError,
    one line naming the forms that work, if it names none; a week that does not exist or
    lies outside the supported ones says so."""
    words = text.strip().lower()
    if words in _STEPS:
        return shown.shifted(_STEPS[words])
    if match := _WEEK.fullmatch(words):
        year = int(match.group(1)) if match.group(1) else today.isocalendar().year
        return IsoWeek(year, int(match.group(2)))
    if _DATE.fullmatch(words):
        try:
            day = date.fromisoformat(words)
        except ValueError:
            raise WeekError(f"{_typed(text)} is no date: write {FORMS}") from None
        try:
            return week_of(day, first)
        except WeekError:
            raise WeekError(
                f"{words} is outside the weeks the planner supports ({FIRST_WEEK} to {LAST_WEEK})"
            ) from None
    raise WeekError(f"{_typed(text)} is not a week: write {FORMS}")


def _typed(text: str) -> str:
    text = text.strip()
    return f"'{text}'" if len(text) <= _SHOWN else f"'{text[: _SHOWN - 1]}…'"
