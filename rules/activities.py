"""The activity vocabulary: what a day can hold."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar


class Activity(StrEnum):
    """In this order everywhere a list of activities is shown or tried (keys, counts, ties)."""

    PUSH = "push"
    PULL = "pull"
    LEGS = "legs"
    RUN = "run"
    REST = "rest"


# The activities that are training sessions: every one but rest.
SESSION_ACTIVITIES: tuple[Activity, ...] = tuple(a for a in Activity if a is not Activity.REST)


@dataclass(frozen=True, slots=True)
class PlannedDay:
    """What one day holds: nothing planned yet (the default), a rest day, or a session.

    The value weeks, the store, the exports and the engine all exchange: each reads a day
    through this type only, so what a day may hold is decided here.
    """

    activity: Activity | None = None

    UNPLANNED: ClassVar[PlannedDay]
    REST: ClassVar[PlannedDay]

    def __post_init__(self) -> None:
        if self.activity is not None and not isinstance(self.activity, Activity):
            raise TypeError(f"{self.activity!r} is not an Activity or None")

    @property
    def is_planned(self) -> bool:
        return self.activity is not None

    @property
    def is_rest(self) -> bool:
        return self.activity is Activity.REST

    @property
    def is_training(self) -> bool:
        return self.activity is not None and self.activity is not Activity.REST


PlannedDay.UNPLANNED = PlannedDay()
PlannedDay.REST = PlannedDay(Activity.REST)
