"""Readiness: how recovered each muscle family is at the start of each shown day.

For the strip under the week grid, so a user sees at a glance where the week is too dense.
Everything comes from the rules' knowledge base: each activity's loads (0..1 per muscle
group), ``hard_load`` (0.7) and ``recovery_hours`` (48).

The model, per family and shown day D, before D's own session:

- sessions happen at the same time of day, so a session on day P is 24 * (D - P) hours
  before D's; only days before D count (context days before the week included);
- the family's load on a day is the highest load of its groups (rest or unplanned: 0);
- FATIGUED: loaded hard (>= ``hard_load``) within half the recovery time (with 48 h: the
  day before), so the 48 h guideline is not met;
- RECOVERING: otherwise, loaded hard within the recovery time, boundary included (with
  48 h: two days before: the guideline is just met, and the rules' own tips say to judge
  the legs then), or loaded moderately (>= ``MODERATE_LOAD``) within half of it;
- READY: neither.

Heart and lungs follow the same thresholds (a run loads them 1.0), in line with the
"two runs in a row" tip. Families are a display grouping of the knowledge base's groups.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from planner.days import day_words
from rules import Activity, KnowledgeBase, PlannedDay

HOURS_PER_DAY = 24
# From this load a day's work still shows the next day ("recovering"); below it (a run's
# 0.2 on the core, say) it is forgotten overnight.
MODERATE_LOAD = 0.3


class Readiness(StrEnum):
    READY = "ready"
    RECOVERING = "recovering"
    FATIGUED = "fatigued"

    @property
    def symbol(self) -> str:
        """One ASCII character for a compact strip or the command line."""
        return {"ready": ".", "recovering": "~", "fatigued": "!"}[self.value]


@dataclass(frozen=True)
class Family:
    """A display row: muscle groups (ids of ``KnowledgeBase.muscle_groups``) shown as one."""

    id: str
    name: str
    groups: tuple[str, ...]


# Every group of rules/data/activities.toml in exactly one family (a test checks it). The
# core sits with the legs: squats and deadlifts load it most.
FAMILIES: tuple[Family, ...] = (
    Family("chest", "Chest/shoulders/triceps", ("chest", "shoulders", "triceps")),
    Family("back", "Back/biceps", ("back", "biceps")),
    Family("legs", "Legs", ("quads", "hamstrings", "glutes", "core")),
    Family("heart", "Heart/lungs", ("cardio",)),
)


@dataclass(frozen=True)
class ReadinessCell:
    """One family on one day, at the start of the day.

    ``hours_since_hard``: since the family was last loaded hard, if within the days given;
    ``load_today``: how hard the day's own planned activity loads it (0..1), so a strip can
    flag a fatigued family trained again.
    """

    state: Readiness
    hours_since_hard: int | None
    load_today: float


@dataclass(frozen=True)
class ReadinessGrid:
    """``cells[f][d]``: family ``families[f]`` on shown day ``dates[d]``."""

    dates: tuple[date, ...]
    families: tuple[Family, ...]
    cells: tuple[tuple[ReadinessCell, ...], ...]

    def cell(self, family_id: str, day: date) -> ReadinessCell:
        row = next(i for i, family in enumerate(self.families) if family.id == family_id)
        return self.cells[row][self.dates.index(day)]

    def states(self, family_id: str) -> tuple[Readiness, ...]:
        row = next(i for i, family in enumerate(self.families) if family.id == family_id)
        return tuple(cell.state for cell in self.cells[row])

    def as_text(self) -> str:
        """Rows of symbols (. ready, ~ recovering, ! fatigued), one per family, for the
        command line and for tests."""
        width = max(len(family.name) for family in self.families)
        return "\n".join(
            f"{family.name:<{width}} " + " ".join(cell.state.symbol for cell in row)
            for family, row in zip(self.families, self.cells, strict=True)
        )


def family_load(family: Family, activity: Activity | None, knowledge: KnowledgeBase) -> float:
    """The highest load ``activity`` puts on any of the family's groups (None: 0)."""
    if activity is None:
        return 0.0
    loads = knowledge.loads(activity)
    return max(loads.get(group, 0.0) for group in family.groups)


def _state(
    history: Sequence[tuple[int, float]], knowledge: KnowledgeBase
) -> tuple[Readiness, int | None]:
    """From (hours before, load) of earlier days: the state and hours since hard work."""
    window = knowledge.recovery_hours
    since_hard = min(
        (hours for hours, load in history if load >= knowledge.hard_load), default=None
    )
    if since_hard is not None and 2 * since_hard <= window:
        return Readiness.FATIGUED, since_hard
    moderate = any(load >= MODERATE_LOAD and 2 * hours <= window for hours, load in history)
    if moderate or (since_hard is not None and since_hard <= window):
        return Readiness.RECOVERING, since_hard
    return Readiness.READY, since_hard


def readiness(
    days: Sequence[tuple[date, PlannedDay]],
    knowledge: KnowledgeBase,
    shown: Sequence[date],
    families: Sequence[Family] = FAMILIES,
) -> ReadinessGrid:
    """Readiness of each family at the start of each ``shown`` date.

    ``days``: every planned (date, activity) known, in any order: the shown week and the
    days before it (``JudgedWeek`` passes ``before`` + ``plan.dated_days``; pass more
    days before if ``recovery_hours`` ever exceeds their span). Dates missing are unplanned.
    Raises ValueError if a date appears twice with different activities.
    """
    planned: dict[date, PlannedDay] = {}
    for day, held in days:
        if planned.get(day, held) != held:
            raise ValueError(
                f"{day.isoformat()} is given twice: {day_words(planned[day])} and {day_words(held)}"
            )
        planned[day] = held
    rows = []
    for family in families:
        loads = {
            day: max((family_load(family, kind, knowledge) for kind in held.kinds), default=0.0)
            for day, held in planned.items()
        }
        row = []
        for current in shown:
            today = current.toordinal()  # plain day numbers: pendulum's subtraction is slow
            earlier = [
                ((today - day.toordinal()) * HOURS_PER_DAY, load)
                for day, load in loads.items()
                if day < current and load > 0
            ]
            state, since_hard = _state(earlier, knowledge)
            row.append(ReadinessCell(state, since_hard, loads.get(current, 0.0)))
        rows.append(tuple(row))
    return ReadinessGrid(tuple(shown), tuple(families), tuple(rows))


def is_strained(cell: ReadinessCell, knowledge: KnowledgeBase) -> bool:
    """The family is worked again before it is ready: any real load on a fatigued family, or
    hard work on a recovering one. These are the spots where a week is too dense."""
    if cell.state is Readiness.FATIGUED:
        return cell.load_today >= MODERATE_LOAD
    if cell.state is Readiness.RECOVERING:
        return cell.load_today >= knowledge.hard_load
    return False
