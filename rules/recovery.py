"""The one recovery model: which muscle groups a day works hard before they have recovered.

A session works a group hard when its load on it is at least ``hard_load``
(``rules/data/activities.toml``); the group then needs that session's ``hours`` before its
next hard work. Sessions on different days are 24 h apart per day between them; two
sessions on one day are the same-day rules' business, not this model's. Light work (a
load below ``hard_load``, such as an easy run for the legs) never strains a group and never
needs recovering from.

The recovery rules (``type = "recovery"``) report exactly the strains found here, and the
readiness strip (``planner.readiness``) flags exactly these groups, so the two can never
disagree.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from rules.activities import PlannedDay, Session
from rules.vocabulary import MAX_RECOVERY_HOURS, Vocabulary

HOURS_PER_DAY = 24
# How many days back a hard session can still be unrecovered.
LOOK_BACK = MAX_RECOVERY_HOURS // HOURS_PER_DAY


@dataclass(frozen=True, slots=True)
class Strain:
    """``group`` worked hard by ``session`` ``hours_since`` hours after ``earlier`` worked
    it hard, when ``earlier`` needs ``needs`` hours."""

    group: str
    session: Session
    earlier: Session
    hours_since: int
    needs: int


@dataclass(frozen=True, slots=True)
class Pending:
    """A group still recovering at the start of a day: hard work by ``earlier``
    ``hours_since`` hours before, which needs ``needs`` hours."""

    group: str
    earlier: Session
    hours_since: int
    needs: int


class RecoveryModel:
    """The recovery facts of one vocabulary, with each session's hard groups worked out
    once."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one model per knowledge base, kept for good
    def hard(self, session: Session) -> tuple[frozenset[str], int]:
        """The groups ``session`` works hard and the hours they then need."""
        profile = self.vocabulary.session(session)
        threshold = self.vocabulary.hard_load
        groups = frozenset(g for g, load in profile.loads.items() if load >= threshold)
        return groups, profile.hours

    def pending(self, days: Sequence[PlannedDay | None], index: int) -> tuple[Pending, ...]:
        """Every group not yet recovered at the start of day ``index``: the most recent
        unrecovered hard work on it (ties: the one needing longer). In group order."""
        found: dict[str, Pending] = {}
        for back in range(1, min(LOOK_BACK, index) + 1):
            day = days[index - back]
            if day is None:
                continue
            since = back * HOURS_PER_DAY
            for session in day.sessions:
                groups, needs = self.hard(session)
                if since >= needs:
                    continue
                for group in groups:
                    known = found.get(group)
                    if known is None or (known.hours_since == since and known.needs < needs):
                        found[group] = Pending(group, session, since, needs)
        order = self.vocabulary.group_ids()
        return tuple(found[g] for g in order if g in found)

    def strains(self, days: Sequence[PlannedDay | None], index: int) -> tuple[Strain, ...]:
        """The groups day ``index`` works hard while they are still recovering, each with the
        first of the day's sessions that works it hard. In group order."""
        day = days[index]
        if day is None or not day.sessions:
            return ()
        pending = self.pending(days, index)
        if not pending:
            return ()
        strains = []
        for waiting in pending:
            for session in day.sessions:
                if waiting.group in self.hard(session)[0]:
                    strains.append(
                        Strain(
                            waiting.group,
                            session,
                            waiting.earlier,
                            waiting.hours_since,
                            waiting.needs,
                        )
                    )
                    break
        return tuple(strains)
