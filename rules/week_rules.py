"""Rules about the whole focus period (normally one Monday-to-Sunday week).

Types (``type = ...`` in a rule file); each also takes ``complete_week`` (default false):
when true, the rule only speaks once every day of the period is planned, for advice about
something missing ("no rest day") that would be premature while the week is being filled.

- ``group_frequency``: counts, per muscle group in ``groups``, the days that load it at
  least ``threshold``; ``when = "any_below"`` fires if any group has fewer than
  ``min_sessions`` (``{groups}`` names them), ``when = "all_met"`` if none does.
- ``count``: every entry of ``conditions`` holds: ``{activities = [...], min = n, max = m}``
  (either bound may be left out) counts the days planned as one of those activities.
- ``compare``: the days planned as one of ``first`` compared (``op``: >, >=, <, <=, ==)
  with the days planned as one of ``second``; ``min_first`` (default 1) guards against
  firing on a near-empty week.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rules.activities import Activity
from rules.model import Finding
from rules.rule import Rule
from rules.schema import Table
from rules.vocabulary import Vocabulary

_OPS: dict[str, Callable[[int, int], bool]] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
    "==": operator.eq,
}


@dataclass(frozen=True)
class WeekFacts:
    """What the week rules look at: how many days, how many planned, and as what."""

    days: int
    planned: int
    counts: Mapping[Activity, int]

    def count(self, activities: frozenset[Activity]) -> int:
        return sum(self.counts.get(activity, 0) for activity in activities)


@dataclass(frozen=True)
class WeekRule:
    rule: Rule
    complete_week: bool
    check: Callable[[WeekFacts], Finding | None]

    def evaluate(self, facts: WeekFacts) -> Finding | None:
        if self.complete_week and facts.planned < facts.days:
            return None
        return self.check(facts)


def _complete(table: Table) -> bool:
    return table.flag("complete_week") if table.has("complete_week") else False


def build_group_frequency(table: Table, rule: Rule, vocab: Vocabulary) -> WeekRule:
    minimum = table.integer("min_sessions", 1, 7)
    threshold = table.fraction("threshold") if table.has("threshold") else vocab.hard_load
    listed = table.names("groups", vocab.group_ids()) if table.has("groups") else None
    groups = tuple(g for g in vocab.group_ids() if g in (listed or vocab.muscle_ids()))
    when = table.choice("when", ("any_below", "all_met"))
    loading = {
        group: frozenset(
            a for a in Activity if vocab.profiles[a].loads.get(group, 0.0) >= threshold
        )
        for group in groups
    }

    def check(facts: WeekFacts) -> Finding | None:
        below = tuple(group for group in groups if facts.count(loading[group]) < minimum)
        if (when == "any_below") != bool(below):
            return None
        described = vocab.describe(below or groups)
        capital = described[:1].upper() + described[1:]
        return rule.finding({"groups": described, "Groups": capital, "min": str(minimum)})

    return WeekRule(rule, _complete(table), check)


def build_count(table: Table, rule: Rule, vocab: Vocabulary) -> WeekRule:
    raw = table.raw("conditions")
    if not isinstance(raw, list) or not raw:
        table.fail("conditions", "must be a non-empty list of tables")
    conditions: list[tuple[frozenset[Activity], int, int]] = []
    for n, entry in enumerate(raw, start=1):
        condition = Table(table.file, table.what, table.name, entry, prefix=f"conditions[{n}].")
        condition.only(("activities", "min", "max"))
        if not condition.has("min") and not condition.has("max"):
            condition.fail(None, "needs min, max or both")
        low = condition.integer("min", 0, 366) if condition.has("min") else 0
        high = condition.integer("max", 0, 366) if condition.has("max") else 366
        if low > high:
            condition.fail("min", f"must not exceed max ({low} > {high})")
        conditions.append((condition.activities("activities"), low, high))

    finding = rule.finding()

    def check(facts: WeekFacts) -> Finding | None:
        for activities, low, high in conditions:
            if not low <= facts.count(activities) <= high:
                return None
        return finding

    return WeekRule(rule, _complete(table), check)


def build_compare(table: Table, rule: Rule, vocab: Vocabulary) -> WeekRule:
    first = table.activities("first")
    second = table.activities("second")
    compare = _OPS[table.choice("op", tuple(_OPS))]
    min_first = table.integer("min_first", 0, 366) if table.has("min_first") else 1
    finding = rule.finding()

    def check(facts: WeekFacts) -> Finding | None:
        count = facts.count(first)
        return finding if count >= min_first and compare(count, facts.count(second)) else None

    return WeekRule(rule, _complete(table), check)


_COMPLETE = frozenset({"complete_week"})

WEEK_TYPES: dict[
    str, tuple[frozenset[str], frozenset[str], Callable[[Table, Rule, Vocabulary], WeekRule]]
] = {
    "group_frequency": (
        _COMPLETE | {"min_sessions", "threshold", "groups", "when"},
        frozenset({"groups", "Groups", "min"}),
        build_group_frequency,
    ),
    "count": (_COMPLETE | {"conditions"}, frozenset(), build_count),
    "compare": (_COMPLETE | {"first", "second", "op", "min_first"}, frozenset(), build_compare),
}
