"""Where typing is in the shown week, and how each key moves it: the rules behind the week
screen's keys, as an immutable value (the session keeps it, with each edit, for undo).

Typing a week is one activity key a day: the key plans the selected day and the selection
moves on, whatever the day held. After the last day it rests *past the end*: the finished
week stays in view with its verdict, and the next activity key plans the next week's first
day and shows that week. The session keys (``i``, ``o``, ``+``, ``-``, ``a``) act on the
day just planned while the selection has moved on from it, else on the selected day. Moving
the selection or the week, and any other edit, end "just planned" and a waiting ``+``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple

from planner.days import DAYS_IN_WEEK
from planner.weeks import IsoWeek

LAST_DAY = DAYS_IN_WEEK - 1
# The selection after the last day: no day is selected and the next activity key goes on
# into the next week.
PAST_END = DAYS_IN_WEEK


@dataclass(frozen=True, slots=True)
class TypingState:
    # The selected day's index in the shown week, or PAST_END.
    selected: int = 0
    # The day (its index) the last activity key planned, while the selection is where it
    # moved on to.
    planned: int | None = None
    # The week typing went on from into the shown one (the header says so until the next key).
    moved_from: IsoWeek | None = None
    # A "+" waits for the kind of its second session.
    adding: bool = False

    def __post_init__(self) -> None:
        if not 0 <= self.selected <= PAST_END:
            raise ValueError(f"selection {self.selected} is outside 0-{PAST_END}")

    @property
    def past_end(self) -> bool:
        return self.selected == PAST_END

    def selected_day(self, dates: tuple[date, ...]) -> date | None:
        """The selected date of the shown week's ``dates``; None past the end."""
        return None if self.past_end else dates[self.selected]

    @property
    def session_index(self) -> int:
        """The day the session keys change: the day just planned, else the selected one
        (past the end with nothing just planned, the last day)."""
        return min(self.selected, LAST_DAY) if self.planned is None else self.planned

    # -- moving: each forgets the day just planned and a waiting "+" -----------------------

    def select(self, index: int) -> TypingState:
        return TypingState(max(0, min(LAST_DAY, index)))

    def move(self, step: int) -> TypingState:
        """``step`` days on (back if negative); from past the end, back lands on the last
        day and on stays where it is."""
        if self.past_end and step > 0:
            return TypingState(PAST_END)
        return self.select(self.selected + step)

    def forgotten(self) -> TypingState:
        """After any edit but a typing one: the selection stays."""
        return TypingState(self.selected)

    # -- typing ----------------------------------------------------------------------------

    def planned_on(self, index: int) -> TypingState:
        """Day ``index`` was just planned: the selection moves on, past the end after the
        last day."""
        return TypingState(index + 1, planned=index)

    def went_on(self, week: IsoWeek) -> TypingState:
        """Past the end of ``week``, a key planned the next week's first day."""
        return TypingState(1, planned=0, moved_from=week)

    def waiting(self) -> TypingState:
        """``+``: the next activity key adds a second session to the session day."""
        return replace(self, adding=True)

    def settled(self) -> TypingState:
        """A session key was used, or escape: no "+" waits any more."""
        return replace(self, adding=False) if self.adding else self


class Position(NamedTuple):
    """Where the user is: the shown week and where typing is in it."""

    week: IsoWeek
    typing: TypingState


def starting_state(dates: tuple[date, ...], planned: bool, today: date) -> TypingState:
    """Where the selection starts on a newly shown week: its first day if nothing is
    planned (typing it starts there), else today if the week holds it, else its first
    day."""
    if planned and today in dates:
        return TypingState(dates.index(today))
    return TypingState(0)
