"""Readiness: how recovered each muscle family is at the start of each shown day.

For the strip under the week grid, so a user sees at a glance where the week is too dense.
It reads the rules' one recovery model (``rules.recovery``: each session's loads and the
hours a group needs after hard work), the same the recovery rules report from, so:

- STRAINED (``!``): the day works a group of the family hard before it has recovered;
  exactly where the panel has a recovery con naming that group on that day;
- RECOVERING (``~``): a group of the family is still inside its recovery time from earlier
  hard work; light work is fine, hard work would strain it;
- READY (``.``): neither.

Families are a display grouping of the knowledge base's groups.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from planner.days import day_words
from rules import KnowledgeBase, PlannedDay
from rules.recovery import LOOK_BACK, Pending, RecoveryModel, Strain


class Readiness(StrEnum):
    READY = "ready"
    RECOVERING = "recovering"
    STRAINED = "strained"

    @property
    def symbol(self) -> str:
        """One ASCII character for a compact strip or the command line."""
        return {"ready": ".", "recovering": "~", "strained": "!"}[self.value]

    @property
    def label(self) -> str:
        """What the legend says the symbol means."""
        return {
            "ready": "ready",
            "recovering": "recovering",
            "strained": "strained",
        }[self.value]


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
    """One family at the start of one day: its state, the hard work still being recovered
    from (``pending``) and, when strained, what strains which group (``strains``)."""

    state: Readiness
    pending: tuple[Pending, ...] = ()
    strains: tuple[Strain, ...] = ()

    def why(self, knowledge: KnowledgeBase) -> str:
        """One line: which session loads the family, how long since, how long it needs."""
        shown: tuple[Strain | Pending, ...] = self.strains or self.pending
        if not shown:
            return ""
        first = min(shown, key=lambda item: item.hours_since)
        earlier = knowledge.vocabulary.session(first.earlier).noun
        return f"{earlier} {first.hours_since} h before (needs {first.needs} h)"


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

    def drawn(self) -> frozenset[Readiness]:
        """The states that appear: what the legend lists."""
        return frozenset(cell.state for row in self.cells for cell in row)

    def as_text(self) -> str:
        """Rows of symbols (. ready, ~ recovering, ! strained), one per family, for the
        command line and for tests."""
        width = max(len(family.name) for family in self.families)
        return "\n".join(
            f"{family.name:<{width}} " + " ".join(cell.state.symbol for cell in row)
            for family, row in zip(self.families, self.cells, strict=True)
        )


def readiness(
    days: Sequence[tuple[date, PlannedDay]],
    knowledge: KnowledgeBase,
    shown: Sequence[date],
    families: Sequence[Family] = FAMILIES,
) -> ReadinessGrid:
    """Readiness of each family at the start of each ``shown`` date (consecutive).

    ``days``: the planned days known, in any order: the shown week and the days before it
    (``JudgedWeek`` passes ``before`` + ``plan.dated_days``, the days it was judged with,
    so the strip sees exactly what the rules saw). Dates missing are unplanned.
    Raises ValueError if a date appears twice with different days.
    """
    planned: dict[date, PlannedDay] = {}
    for day, held in days:
        if planned.get(day, held) != held:
            raise ValueError(
                f"{day.isoformat()} is given twice: {day_words(planned[day])} and {day_words(held)}"
            )
        planned[day] = held
    if not shown:
        return ReadinessGrid((), tuple(families), tuple(() for _ in families))
    start = shown[0] - timedelta(days=LOOK_BACK)
    span = (shown[-1] - start).days + 1
    timeline = [planned.get(start + timedelta(days=n), PlannedDay.UNPLANNED) for n in range(span)]
    columns = [
        _column(knowledge.recovery, tuple(timeline[index - LOOK_BACK : index + 1]), tuple(families))
        for index in ((current - start).days for current in shown)
    ]
    rows = tuple(zip(*columns, strict=True))
    return ReadinessGrid(tuple(shown), tuple(families), rows)


@functools.lru_cache(maxsize=1024)
def _column(
    model: RecoveryModel, window: tuple[PlannedDay, ...], families: tuple[Family, ...]
) -> tuple[ReadinessCell, ...]:
    """Each family's readiness at the start of the last day of ``window`` (that day and the
    LOOK_BACK days before it, all a day's readiness depends on): kept, as an edit changes
    the windows of a few days only."""
    index = len(window) - 1
    pending, strains = model.pending(window, index), model.strains(window, index)
    cells = []
    for family in families:
        mine = tuple(p for p in pending if p.group in family.groups)
        strained = tuple(s for s in strains if s.group in family.groups)
        if strained:
            state = Readiness.STRAINED
        elif mine:
            state = Readiness.RECOVERING
        else:
            state = Readiness.READY
        cells.append(ReadinessCell(state, mine, strained))
    return tuple(cells)
