"""Rules about the whole focus period (normally one Monday-to-Sunday week).

Types (``type = ...`` in a rule file); each also takes ``complete_week`` (default false):
when true, the rule only speaks once every day of the period is planned, for advice about
something missing ("no rest day") that would be premature while the week is being filled.

Counts are of sessions (a day of two sessions counts each) and of rest days, matched by
specs (``rules.specs``: ``run:tempo|intervals``, ``rest``...).

- ``group_frequency``: counts, per muscle group in ``groups``, the sessions matching
  ``activities`` (default: any) that load it at least ``threshold``; ``when =
  "any_below"`` fires if any group has fewer than ``min_sessions`` but at least
  ``at_least`` (default 0) (``{groups}`` names them),
  ``when = "some_met"`` if any group has ``min_sessions`` or more (names those), and
  ``when = "all_met"`` if every group has. With ``scaled = true`` the weight is shared out
  over the groups: the finding weighs its weight times the share of ``groups`` it names,
  rounded up, so missing one group costs less than missing five.
- ``count``: every entry of ``conditions`` holds: ``{activities = [...], min = n, max = m}``
  (either bound may be left out) counts the sessions and rest days matching the spec.
- ``compare``: the count matching ``first`` compared (``op``: >, >=, <, <=, ==) with the
  count matching ``second``; ``min_first`` (default 1) guards against firing on a
  near-empty week.

Week rules weigh their findings for the goal themselves (``Rule.weights``): a rule weighing
0 for the goal stays silent.
"""

from __future__ import annotations

import functools
import math
import operator
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from rules.activities import Activity, Session
from rules.goals import Goal
from rules.model import Finding, Kind
from rules.rule import Rule
from rules.schema import Table
from rules.specs import ANY, Spec
from rules.vocabulary import Vocabulary

EVERY_GROUP = "every major muscle group"

_OPS: dict[str, Callable[[int, int], bool]] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
    "==": operator.eq,
}


@dataclass(frozen=True)
class WeekFacts:
    """What the week rules look at: how many days, how many planned, the sessions and the
    rest days."""

    days: int
    planned: int
    sessions: tuple[Session, ...]
    rests: int

    @functools.cached_property
    def tally(self) -> dict[Session, int]:
        """How many of each session: rules look at each kind of session once."""
        return dict(Counter(self.sessions))

    def count(self, spec: Spec) -> int:
        found = sum(n for session, n in self.tally.items() if spec.session(session))
        if (Activity.REST, None) in spec.members:
            found += self.rests
        return found


@dataclass(frozen=True)
class WeekRule:
    rule: Rule
    complete_week: bool
    # (facts, the weight for the goal) -> finding or None
    check: Callable[[WeekFacts, int], Finding | None]

    def evaluate(self, facts: WeekFacts, goal: Goal) -> Finding | None:
        if self.complete_week and facts.planned < facts.days:
            return None
        weight = self.rule.weights[goal]
        if weight == 0 and self.rule.kind is not Kind.TIP:
            return None
        return self.check(facts, weight)


def _complete(table: Table) -> bool:
    return table.flag("complete_week") if table.has("complete_week") else False


def build_group_frequency(table: Table, rule: Rule, vocab: Vocabulary) -> WeekRule:
    minimum = table.integer("min_sessions", 1, 14)
    at_least = table.integer("at_least", 0, minimum - 1) if table.has("at_least") else 0
    threshold = table.fraction("threshold") if table.has("threshold") else vocab.hard_load
    listed = table.names("groups", vocab.group_ids()) if table.has("groups") else None
    groups = tuple(g for g in vocab.group_ids() if g in (listed or vocab.muscle_ids()))
    when = table.choice("when", ("any_below", "some_met", "all_met"))
    scaled = table.flag("scaled") if table.has("scaled") else False
    counted = table.spec("activities") if table.has("activities") else ANY
    if at_least and when != "any_below":
        table.fail("at_least", 'is for when = "any_below"')

    hits: dict[Session, tuple[str, ...]] = {}

    def worked(session: Session) -> tuple[str, ...]:
        """The groups of ``groups`` one such session counts for."""
        found = hits.get(session)
        if found is None:
            loads = vocab.session(session).loads
            found = hits[session] = (
                tuple(g for g in groups if loads.get(g, 0.0) >= threshold)
                if counted.session(session)
                else ()
            )
        return found

    def check(facts: WeekFacts, weight: int) -> Finding | None:
        counts = dict.fromkeys(groups, 0)
        for session, times in facts.tally.items():
            for group in worked(session):
                counts[group] += times
        if when == "any_below":
            named = tuple(g for g in groups if at_least <= counts[g] < minimum)
        elif when == "some_met":
            named = tuple(g for g in groups if counts[g] >= minimum)
        else:
            named = groups if all(counts[g] >= minimum for g in groups) else ()
        if not named:
            return None
        # Every group of a long list is "every major muscle group", not eight names.
        described = EVERY_GROUP if len(named) == len(groups) > 3 else vocab.describe(named)
        capital = described[:1].upper() + described[1:]
        if scaled and weight:
            weight = max(1, math.ceil(weight * len(named) / len(groups)))
        return rule.finding(
            {"groups": described, "Groups": capital, "min": str(minimum)},
            groups=named,
            weight=weight,
        )

    return WeekRule(rule, _complete(table), check)


def build_count(table: Table, rule: Rule, vocab: Vocabulary) -> WeekRule:
    raw = table.raw("conditions")
    if not isinstance(raw, list) or not raw:
        table.fail("conditions", "must be a non-empty list of tables")
    conditions: list[tuple[Spec, int, int]] = []
    for n, entry in enumerate(raw, start=1):
        condition = Table(table.file, table.what, table.name, entry, prefix=f"conditions[{n}].")
        condition.only(("activities", "min", "max"))
        if not condition.has("min") and not condition.has("max"):
            condition.fail(None, "needs min, max or both")
        low = condition.integer("min", 0, 366) if condition.has("min") else 0
        high = condition.integer("max", 0, 366) if condition.has("max") else 366
        if low > high:
            condition.fail("min", f"must not exceed max ({low} > {high})")
        conditions.append((condition.spec("activities"), low, high))

    def check(facts: WeekFacts, weight: int) -> Finding | None:
        for spec, low, high in conditions:
            if not low <= facts.count(spec) <= high:
                return None
        return rule.finding(weight=weight)

    return WeekRule(rule, _complete(table), check)


def build_compare(table: Table, rule: Rule, vocab: Vocabulary) -> WeekRule:
    first = table.spec("first")
    second = table.spec("second")
    compare = _OPS[table.choice("op", tuple(_OPS))]
    min_first = table.integer("min_first", 0, 366) if table.has("min_first") else 1

    def check(facts: WeekFacts, weight: int) -> Finding | None:
        count = facts.count(first)
        if count >= min_first and compare(count, facts.count(second)):
            return rule.finding(weight=weight)
        return None

    return WeekRule(rule, _complete(table), check)


_COMPLETE = frozenset({"complete_week"})

WEEK_TYPES: dict[
    str, tuple[frozenset[str], frozenset[str], Callable[[Table, Rule, Vocabulary], WeekRule]]
] = {
    "group_frequency": (
        _COMPLETE
        | {"min_sessions", "at_least", "threshold", "groups", "when", "scaled", "activities"},
        frozenset({"groups", "Groups", "min"}),
        build_group_frequency,
    ),
    "count": (_COMPLETE | {"conditions"}, frozenset(), build_count),
    "compare": (_COMPLETE | {"first", "second", "op", "min_first"}, frozenset(), build_compare),
}
