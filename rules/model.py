"""The values the engine takes and returns: days in, findings and a score out.

All frozen dataclasses, so an evaluation can be cached, compared and shared between threads.
"""

from __future__ import annotations

import datetime
import functools
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


@dataclass(frozen=True)
class Day:
    """One calendar day of a plan and what it holds."""

    date: datetime.date
    planned: PlannedDay

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

    ``weight`` (0..10) is how much it moves the score: pros raise it, cons lower it, tips
    always carry 0.
    """

    rule_id: str
    kind: Kind
    text: str
    detail: str
    source: Source
    weight: int
    # The muscle groups it speaks about (ids), if any: a recovery con names the groups
    # worked again too soon, which the readiness strip flags on the same day.
    groups: tuple[str, ...] = ()


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
    """Where part of the score comes from: a pro or con that counted, and ``points``, how
    far the score would move without it (positive: it earns them; negative: it costs them).
    """

    finding: Finding
    points: int


@dataclass(frozen=True)
class Evaluation:
    """Everything the panel shows for a period: its transitions, week findings, score, and
    the reasons for the score (largest first; worked out when first asked for)."""

    transitions: tuple[Transition, ...]
    week_findings: tuple[Finding, ...]
    score: int
    # The pros and cons the score counted, in the order found.
    counted: tuple[Finding, ...] = field(default=(), compare=False, repr=False)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """Each counted pro and con with the points it moves the score by: the score as it
        is minus the score without that one finding. Largest first, then finding order."""
        from rules.engine import score  # the formula's one home

        favourable = sum(f.weight for f in self.counted if f.kind is Kind.PRO)
        unfavourable = sum(f.weight for f in self.counted if f.kind is Kind.CON)
        reasons = []
        for finding in self.counted:
            if finding.kind is Kind.PRO:
                points = self.score - score(favourable - finding.weight, unfavourable)
            else:
                points = self.score - score(favourable, unfavourable - finding.weight)
            reasons.append(Reason(finding, points))
        reasons.sort(key=lambda reason: (-abs(reason.points), finding_order(reason.finding)))
        return tuple(reasons)


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
