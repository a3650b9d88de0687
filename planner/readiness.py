"""Readiness: how recovered each muscle family is at the start of each shown day.

For the strip under the week grid, so a user sees at a glance where the week is too dense.
It reads the rules' one strain model (``rules.strains``: sessions on one timeline in
hours, and the rules that price a session coming too soon after another), the same the
panel's cons come from, so:

- STRAINED (``!``): a session of the day comes too soon after another on the family, or
  works it on a day it was reported sore: exactly where the panel has a con naming that
  family on that day;
- RECOVERING (``~``): a session of an earlier day still holds a window open on the
  family at the day's usual hour (light work is fine, hard work there would be strained),
  or the day's check-in reported it sore or very sore, whatever the hours say;
- READY (``.``): neither.

A cell the check-in decided is marked as reported (``reported``), not computed.

Families (``rules/data/activities.toml``) are the rows.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from planner.days import day_words
from rules import DEFAULT_GOAL, Goal, KnowledgeBase, PlannedDay, Sore, Soreness
from rules.strains import Pending, Strain, StrainModel
from rules.timeline import start_of
from rules.vocabulary import Family


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
class ReadinessCell:
    """One family at the start of one day: its state, the hard work still being recovered
    from (``pending``) and, when strained, what strains which group (``strains``)."""

    state: Readiness
    pending: tuple[Pending, ...] = ()
    strains: tuple[Strain, ...] = ()
    # What the day's check-in reported for the family, when sore or very sore: the state
    # is then at least RECOVERING, whatever the hours say.
    reported: Soreness | None = None

    def why(self, knowledge: KnowledgeBase) -> str:
        """One line: which session loads the family, how long since, how long it needs; or
        what the check-in reported."""
        if self.reported is not None:
            return f"reported {self.reported.words} in the day's check-in"
        both: tuple[Strain | Pending, ...] = (*self.strains, *self.pending)
        shown = [item for item in both if item.earlier is not None]
        if not shown:
            return ""
        first = min(shown, key=lambda item: item.hours)
        assert first.earlier is not None
        earlier = knowledge.vocabulary.session(first.earlier.session).noun
        return f"{earlier} {first.hours} h before (needs {first.needs} h)"


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
    goal: Goal = DEFAULT_GOAL,
    sore: Mapping[date, Sore] | None = None,
) -> ReadinessGrid:
    """Readiness of each family at the start of each ``shown`` date (consecutive), for
    ``goal`` (a strain the goal does not count is not one), with what each day's check-in
    reported (``sore``).

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
    families = knowledge.families
    if not shown:
        return ReadinessGrid((), families, tuple(() for _ in families))
    back = knowledge.reach
    start = shown[0] - timedelta(days=back)
    span = (shown[-1] - start).days + 1
    timeline = [planned.get(start + timedelta(days=n), PlannedDay.UNPLANNED) for n in range(span)]
    reports = sore or {}
    columns = [
        _column(
            knowledge.strains,
            tuple(timeline[index - back : index + 1]),
            goal,
            reports.get(start + timedelta(days=index), ()),
        )
        for index in ((current - start).days for current in shown)
    ]
    rows = tuple(zip(*columns, strict=True))
    return ReadinessGrid(tuple(shown), families, rows)


@functools.lru_cache(maxsize=1024)
def _column(
    model: StrainModel, window: tuple[PlannedDay, ...], goal: Goal, sore: Sore
) -> tuple[ReadinessCell, ...]:
    """Each family's readiness on the last day of ``window`` (that day and the days before
    it that it depends on), with what that day's check-in reported: kept, as an edit
    changes the windows of a few days only."""
    index = len(window) - 1
    hour = start_of(index, model.vocabulary.timeline)
    pending = model.pending(window, index, hour, goal)
    strains = model.strains(window, index, goal, sore)
    reported = {family: level for family, level in sore if level.rank >= Soreness.SORE.rank}
    cells = []
    for family in model.vocabulary.families:
        mine = tuple(p for p in pending if p.family == family.id)
        strained = tuple(s for s in strains if s.family == family.id)
        if strained:
            state = Readiness.STRAINED
        elif mine or family.id in reported:
            state = Readiness.RECOVERING
        else:
            state = Readiness.READY
        cells.append(ReadinessCell(state, mine, strained, reported.get(family.id)))
    return tuple(cells)
