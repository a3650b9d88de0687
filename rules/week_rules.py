"""Rules about the whole focus period (normally one Monday-to-Sunday week).

Types (``type = ...`` in a rule file); each also takes ``complete_week`` (default false):
when true, the rule only speaks once every day of the period is planned, for advice about
something missing ("no rest day") that would be premature while the week is being filled.

Counts are of sessions (a day of two matching sessions counts twice) and of rest days,
matched by specs (``rules.specs``: ``run:tempo|intervals``, ``rest``...); with ``per =
"day"``, of days (a day of two matching sessions counts once). The shipped costs count
sessions, so putting two sessions on two days instead of one never adds to them; the
doses (``rules.doses``), which reward frequency, count days.

- ``group_frequency``: counts, per muscle group in ``groups``, the sessions matching
  ``activities`` (default: any) that load it at least ``threshold``; ``when =
  "any_below"`` fires if any group has fewer than ``min_sessions`` but at least
  ``at_least`` (default 0) (``{groups}`` names them),
  ``when = "some_met"`` if any group has ``min_sessions`` or more (names those), and
  ``when = "all_met"`` if every group has. With ``scaled = true`` the weight is shared out
  over the groups: the finding weighs its weight times the share of ``groups`` it names,
  rounded up, so missing one group costs less than missing five.
- ``count``: every entry of ``conditions`` holds: ``{activities = [...], min = n, max = m}``
  (either bound may be left out) counts the sessions (or days) matching the spec.
- ``compare``: the count matching ``first`` compared (``op``: >, >=, <, <=, ==) with the
  count matching ``second``; ``min_first`` (default 1) guards against firing on a
  near-empty week.

Week rules weigh their findings for the goal themselves (``Rule.weights``): a rule weighing
0 for the goal stays silent. The doses (``rules.doses``) are week rules too.
"""

from __future__ import annotations

import functools
import math
import operator
from collections.abc import Callable
from dataclasses import dataclass

from rules.activities import PlannedDay, Session
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
    """What the week rules look at: how many days the period has, and its planned days (in
    any order: only which days there are counts)."""

    length: int
    days: tuple[PlannedDay, ...]

    @property
    def planned(self) -> int:
        return len(self.days)

    @functools.cached_property
    def rests(self) -> int:
        return sum(1 for day in self.days if day.rest)

    def count(self, spec: Spec, *, per_day: bool = True) -> int:
        """The days ``spec`` matches (a rest day, or a day with a matching session), or
        with ``per_day=False`` the matching sessions and rest days. Counted once per spec:
        several rules count the same one."""
        key = (spec.members, per_day)
        found = self._counts.get(key)
        if found is None:
            if per_day:
                found = sum(1 for day in self.days if spec.day(day))
            else:
                found = sum(spec.count(day) for day in self.days)
            self._counts[key] = found
        return found

    @functools.cached_property
    def _counts(self) -> dict[tuple[frozenset[object], bool], int]:
        return {}


@dataclass(frozen=True)
class WeekRule:
    rule: Rule
    complete_week: bool
    # (facts, goal) -> the findings, already weighed for the goal
    check: Callable[[WeekFacts, Goal], tuple[Finding, ...]]

    def evaluate(self, facts: WeekFacts, goal: Goal) -> tuple[Finding, ...]:
        if self.complete_week and facts.planned < facts.length:
            return ()
        return self.check(facts, goal)


def _complete(table: Table) -> bool:
    return table.flag("complete_week") if table.has("complete_week") else False


def _per_day(table: Table) -> bool:
    return table.choice("per", ("session", "day")) == "day" if table.has("per") else False


def _weighed(
    rule: Rule, check: Callable[[WeekFacts, int], Finding | None]
) -> Callable[[WeekFacts, Goal], tuple[Finding, ...]]:
    """A check of one finding at the rule's weight for the goal (silent at weight 0)."""

    def evaluate(facts: WeekFacts, goal: Goal) -> tuple[Finding, ...]:
        assert rule.weights is not None
        weight = rule.weights[goal]
        if weight == 0 and rule.kind is not Kind.TIP:
            return ()
        found = check(facts, weight)
        return () if found is None else (found,)

    return evaluate


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

    per_day = _per_day(table)

    def check(facts: WeekFacts, weight: int) -> Finding | None:
        counts = dict.fromkeys(groups, 0)
        for day in facts.days:
            found = [g for session in day.sessions for g in worked(session)]
            for group in set(found) if per_day else found:
                counts[group] += 1
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

    return WeekRule(rule, _complete(table), _weighed(rule, check))


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
    per_day = _per_day(table)

    made: dict[int, Finding] = {}  # by weight: the finding never changes otherwise

    def check(facts: WeekFacts, weight: int) -> Finding | None:
        for spec, low, high in conditions:
            if not low <= facts.count(spec, per_day=per_day) <= high:
                return None
        return made.get(weight) or made.setdefault(weight, rule.finding(weight=weight))

    return WeekRule(rule, _complete(table), _weighed(rule, check))


def build_compare(table: Table, rule: Rule, vocab: Vocabulary) -> WeekRule:
    first = table.spec("first")
    second = table.spec("second")
    compare = _OPS[table.choice("op", tuple(_OPS))]
    min_first = table.integer("min_first", 0, 366) if table.has("min_first") else 1
    per_day = _per_day(table)

    made: dict[int, Finding] = {}  # by weight: the finding never changes otherwise

    def check(facts: WeekFacts, weight: int) -> Finding | None:
        count = facts.count(first, per_day=per_day)
        if count >= min_first and compare(count, facts.count(second, per_day=per_day)):
            return made.get(weight) or made.setdefault(weight, rule.finding(weight=weight))
        return None

    return WeekRule(rule, _complete(table), _weighed(rule, check))


_COMPLETE = frozenset({"complete_week", "per"})

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
