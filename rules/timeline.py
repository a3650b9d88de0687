"""One timeline in hours: where each session of a run of days sits, so every strain rule
reads the hours between two sessions, whether they share a day or not.

A day's one session starts at the vocabulary's ``single`` hour; two sessions apart at
``morning`` and ``evening``; two together back to back, both at ``single`` (0 h between
them, the first before the second). Day ``index`` starts at hour ``24 * index``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from rules.activities import PlannedDay, Session
from rules.vocabulary import Timeline, Vocabulary

HOURS_PER_DAY = 24


class Slot(Enum):
    """Where in its day a session sits: what a sentence calls it."""

    SINGLE = "single"
    MORNING = "morning"
    EVENING = "evening"
    FIRST = "first"  # the first of two back to back
    SECOND = "second"  # the second of two back to back


@dataclass(frozen=True, slots=True)
class Placed:
    """A session on the timeline: day ``index`` of the run, ``position`` 0 or 1 in its
    day, starting ``hour`` hours after the run's first midnight."""

    index: int
    position: int
    hour: int
    slot: Slot
    session: Session

    def before(self, other: Placed) -> bool:
        """Earlier on the timeline (back to back: the first before the second)."""
        return (self.index, self.position) < (other.index, other.position)


def place(day: PlannedDay | None, index: int, timeline: Timeline) -> tuple[Placed, ...]:
    """The sessions of ``day`` (day ``index`` of a run) on the timeline, in order."""
    if day is None or not day.sessions:
        return ()
    start = HOURS_PER_DAY * index
    if len(day.sessions) == 1:
        return (Placed(index, 0, start + timeline.single, Slot.SINGLE, day.sessions[0]),)
    first, second = day.sessions
    if day.together:
        hour = start + timeline.single
        return (
            Placed(index, 0, hour, Slot.FIRST, first),
            Placed(index, 1, hour, Slot.SECOND, second),
        )
    return (
        Placed(index, 0, start + timeline.morning, Slot.MORNING, first),
        Placed(index, 1, start + timeline.evening, Slot.EVENING, second),
    )


def place_all(days: Sequence[PlannedDay | None], timeline: Timeline) -> tuple[Placed, ...]:
    """Every session of ``days`` on the timeline, in order."""
    return tuple(placed for index, day in enumerate(days) for placed in place(day, index, timeline))


def name(placed: Placed, vocabulary: Vocabulary) -> str:
    """How a sentence names this session in its day: "an easy run" alone on its day, "the
    evening easy run" or "the morning heavy legs" when apart, "an easy run" back to back
    (the rules about back to back sessions say so themselves)."""
    profile = vocabulary.session(placed.session)
    if placed.slot is Slot.MORNING:
        return f"the morning {profile.bare}"
    if placed.slot is Slot.EVENING:
        return f"the evening {profile.bare}"
    return profile.noun


def start_of(index: int, timeline: Timeline) -> int:
    """The hour a day's one session would start at: where the readiness strip reads what
    is still recovering at the start of day ``index``."""
    return HOURS_PER_DAY * index + timeline.single
