"""The activity vocabulary: what a day can hold.

A day is unplanned, a rest day, or one or two sessions. A session is a kind (push, pull,
legs, run) with one attribute: a lift's intensity (light, moderate, heavy) or a run's type
(easy, long, tempo, intervals; hills count as intervals). Two sessions on one day are in
order, and either ``apart`` (morning and evening, at least 6 h between them) or
``together`` (one visit, back to back). Every invalid combination is refused where the
value is built, with one line saying what is wrong (:class:`DayError`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar


class Activity(StrEnum):
    """In this order everywhere a list of activities is shown or tried (keys, counts, ties)."""

    PUSH = "push"
    PULL = "pull"
    LEGS = "legs"
    RUN = "run"
    REST = "rest"


class Intensity(StrEnum):
    LIGHT = "light"
    MODERATE = "moderate"
    HEAVY = "heavy"


class RunType(StrEnum):
    EASY = "easy"
    LONG = "long"
    TEMPO = "tempo"
    INTERVALS = "intervals"


# The activities that are training sessions: every one but rest.
SESSION_ACTIVITIES: tuple[Activity, ...] = tuple(a for a in Activity if a is not Activity.REST)
LIFTS: tuple[Activity, ...] = (Activity.PUSH, Activity.PULL, Activity.LEGS)
DEFAULT_INTENSITY = Intensity.MODERATE
DEFAULT_RUN_TYPE = RunType.EASY
MAX_SESSIONS = 2


class DayError(ValueError):
    """A session or a day that cannot be: ``str()`` says what is wrong, in one line."""


@dataclass(frozen=True, slots=True)
class Session:
    """One training session. Build it with :meth:`lift` or :meth:`run`, or with ``kind``
    and the attribute that kind takes; a missing attribute is the kind's default."""

    kind: Activity
    intensity: Intensity | None = None  # lifts only
    run_type: RunType | None = None  # runs only
    # Worked out once: sessions are dictionary keys on every judgement and search step,
    # and hashing the enums each time is most of the cost of a lookup.
    _hash: int = field(init=False, repr=False, compare=False)

    def __hash__(self) -> int:
        return self._hash

    def __post_init__(self) -> None:
        if not isinstance(self.kind, Activity) or self.kind is Activity.REST:
            raise DayError(f"{self.kind!r} is not a session; use push, pull, legs or run")
        if self.kind is Activity.RUN:
            if self.intensity is not None:
                raise DayError("a run has a type (easy, long, tempo, intervals), not an intensity")
            if not isinstance(self.run_type, RunType | None):
                raise DayError(f"{self.run_type!r} is not a run type")
            object.__setattr__(self, "run_type", self.run_type or DEFAULT_RUN_TYPE)
        else:
            if self.run_type is not None:
                raise DayError(
                    f"{self.kind} has an intensity (light, moderate, heavy), not a run type"
                )
            if not isinstance(self.intensity, Intensity | None):
                raise DayError(f"{self.intensity!r} is not an intensity")
            object.__setattr__(self, "intensity", self.intensity or DEFAULT_INTENSITY)
        object.__setattr__(self, "_hash", hash((self.kind.value, self.attribute.value)))

    @property
    def attribute(self) -> Intensity | RunType:
        """The intensity of a lift, the type of a run."""
        value = self.run_type if self.kind is Activity.RUN else self.intensity
        assert value is not None  # set in __post_init__
        return value

    @property
    def is_default(self) -> bool:
        return self.attribute in (DEFAULT_INTENSITY, DEFAULT_RUN_TYPE)

    @property
    def is_hard(self) -> bool:
        """A heavy lift, or a run that is not easy."""
        return self.attribute in (Intensity.HEAVY, RunType.LONG, RunType.TEMPO, RunType.INTERVALS)


@dataclass(frozen=True, slots=True)
class PlannedDay:
    """What one day holds: nothing planned yet (the default), a rest day, or one or two
    sessions in order (``together``: back to back in one visit; otherwise at least 6 h
    apart).

    The value weeks, the store, the exports and the engine all exchange: each reads a day
    through this type only, so what a day may hold is decided here.
    """

    sessions: tuple[Session, ...] = ()
    rest: bool = False
    together: bool = False
    _hash: int = field(init=False, repr=False, compare=False)

    UNPLANNED: ClassVar[PlannedDay]
    REST: ClassVar[PlannedDay]

    def __hash__(self) -> int:
        return self._hash

    def __post_init__(self) -> None:
        if not isinstance(self.sessions, tuple) or not all(
            isinstance(session, Session) for session in self.sessions
        ):
            raise TypeError(f"{self.sessions!r} is not a tuple of sessions")
        if self.rest and self.sessions:
            raise DayError("a rest day holds no session; plan rest or sessions, not both")
        if len(self.sessions) > MAX_SESSIONS:
            raise DayError(f"{len(self.sessions)} sessions on one day; plan at most {MAX_SESSIONS}")
        if self.together and len(self.sessions) != MAX_SESSIONS:
            raise DayError("'together' joins two sessions; a day with one session has none")
        object.__setattr__(self, "_hash", hash((self.sessions, self.rest, self.together)))

    @classmethod
    def of(cls, activity: Activity | None) -> PlannedDay:
        """``activity`` as a day: None unplanned, rest, or one session at its defaults."""
        if activity is None:
            return cls.UNPLANNED
        if activity is Activity.REST:
            return cls.REST
        return cls((Session(activity),))

    @property
    def is_planned(self) -> bool:
        return self.rest or bool(self.sessions)

    @property
    def is_rest(self) -> bool:
        return self.rest

    @property
    def is_training(self) -> bool:
        return bool(self.sessions)

    @property
    def kinds(self) -> tuple[Activity, ...]:
        """The kinds of its sessions, in order (rest and unplanned: none)."""
        return tuple(session.kind for session in self.sessions)

    @property
    def activity(self) -> Activity | None:
        """The day as one activity: its first session's kind, rest, or None if unplanned."""
        if self.sessions:
            return self.sessions[0].kind
        return Activity.REST if self.rest else None


PlannedDay.UNPLANNED = PlannedDay()
PlannedDay.REST = PlannedDay(rest=True)
