"""The values the engine takes and returns: days in, findings and a score out.

All frozen dataclasses, so an evaluation can be cached, compared and shared between threads.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from rules.activities import Activity, PlannedDay


class Kind(StrEnum):
    """What a finding says about the plan: good (pro), risky (con) or worth knowing (tip)."""

    PRO = "pro"
    CON = "con"
    TIP = "tip"


# Findings are listed cons first: a risk is what the user most needs to see.
KIND_ORDER: dict[Kind, int] = {Kind.CON: 0, Kind.PRO: 1, Kind.TIP: 2}


@dataclass(frozen=True)
class MuscleGroup:
    """One muscle group (or the heart and lungs) an activity can load.

    ``region`` is ``upper``, ``lower``, ``trunk`` or ``system``; only the first three are
    muscles that need about 48 h between hard sessions.
    """

    id: str
    name: str
    region: str

    @property
    def is_muscle(self) -> bool:
        return self.region != "system"


class Soreness(StrEnum):
    """How sore a muscle family was reported, least first (``planner checkin``)."""

    NONE = "none"
    MILD = "mild"
    SORE = "sore"
    VERY = "very"

    @property
    def rank(self) -> int:
        return _SORENESS_RANK[self]

    @property
    def words(self) -> str:
        """``very sore``, ``sore``, ``mildly sore``, ``not sore``."""
        return _SORENESS_WORDS[self]


_SORENESS_RANK = {level: rank for rank, level in enumerate(Soreness)}
_SORENESS_WORDS = {
    Soreness.NONE: "not sore",
    Soreness.MILD: "mildly sore",
    Soreness.SORE: "sore",
    Soreness.VERY: "very sore",
}

# What a day's check-in reported: (family id, level) pairs sorted by family id, none of
# them NONE; hashable, so a day with its report is one value the engine can remember.
Sore = tuple[tuple[str, Soreness], ...]


@dataclass(frozen=True)
class Day:
    """One calendar day of a plan and what it holds; ``sore``, the muscle families reported
    sore on it (a check-in on the morning of that day, before its sessions)."""

    date: datetime.date
    planned: PlannedDay
    sore: Sore = ()

    @property
    def activity(self) -> Activity | None:
        """The day's activity; None when nothing is planned yet."""
        return self.planned.activity


@dataclass(frozen=True)
class Source:
    """Where a piece of advice comes from. ``kind`` is article, study or guideline;
    ``citation`` is the short form the panel shows."""

    id: str
    title: str
    citation: str
    kind: str


@dataclass(frozen=True)
class Finding:
    """One piece of advice about a transition, a run of days or the whole week.

    ``weight`` is how many points it moves the score by (its share: ``points`` is +weight
    for a pro, -weight for a con); tips always carry 0.
    """

    rule_id: str
    kind: Kind
    text: str
    detail: str
    source: Source
    weight: int
    # The muscle groups it speaks about (ids), if any: a strain names the groups of the
    # family worked again too soon, which the readiness strip flags on the same day.
    groups: tuple[str, ...] = ()

    @property
    def points(self) -> int:
        """Its signed share of the score: +weight for a pro, -weight for a con, 0 for a tip."""
        if self.kind is Kind.PRO:
            return self.weight
        if self.kind is Kind.CON:
            return -self.weight
        return 0


@dataclass(frozen=True)
class Transition:
    """Two consecutive days and what the rules say about going from one to the other.

    Sorted cons, pros, tips, then heavier weight first, then rule id (``finding_order``).
    """

    before: Day
    after: Day
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Reason:
    """Part of the score: a pro or con that counted, ``count`` times (a strain on two days,
    on the ``dates`` it appears on; none for the week's own findings), and ``points``, its
    whole share of the score (``count`` times the finding's; the reasons' points add up to
    the score)."""

    finding: Finding
    points: int
    count: int = 1
    dates: tuple[datetime.date, ...] = ()

    @property
    def each(self) -> int:
        """The points of one occurrence."""
        return self.finding.points


@dataclass(frozen=True)
class Evaluation:
    """Everything the panel shows for a period: its transitions, week findings, score, and
    the reasons for the score: every pro and con counted, the same finding on several
    days once, largest share first; their points add up to ``score``."""

    transitions: tuple[Transition, ...]
    week_findings: tuple[Finding, ...]
    score: int
    reasons: tuple[Reason, ...] = field(default=(), compare=False)


def finding_order(finding: Finding) -> tuple[int, int, str]:
    """Sort key shared by every list of findings: cons, pros, tips; heavy first; by id."""
    return (KIND_ORDER[finding.kind], -finding.weight, finding.rule_id)


def consecutive_days(
    start: datetime.date, activities: Iterable[Activity | None]
) -> tuple[Day, ...]:
    """Days from ``start`` onwards, one per activity (None = unplanned), ready to evaluate."""
    return tuple(
        Day(start + datetime.timedelta(days=offset), PlannedDay.of(activity))
        for offset, activity in enumerate(activities)
    )
