"""What a week delivers for a goal: doses, each counted in days and priced with diminishing
returns, so more is never worth less but each extra day is worth no more than the one
before it (a second rest day adds less than the first; a fourth leg day nothing).

Types (``type = ...`` in a rule file; ``kind = "pro"``):

- ``dose_days``: the days of the week holding a session (or rest, with ``"rest"``) that
  ``activities`` matches; two matching sessions on one day count once. With
  ``needs_training = true`` it counts only in a week that holds some training (seven rest
  days deliver nothing).
- ``dose_groups``: per muscle group of ``groups``, the days a session matching
  ``activities`` works it hard (``loads.hard`` in activities.toml); with ``light = true``
  a day of light work on it (``loads.light``) counts half, and ``points`` is then read in
  half days. One finding per set of groups that got the same days.

``points`` is a list: its entry ``n`` is what ``n`` days (half days with ``light``) earn;
past its end, its last entry. Or a table of such lists by goal; a goal it leaves out
earns nothing from it. Each list starts at 0, never falls, and never grows by more than
it grew the step before. Placeholders: ``{days}`` ("2 days", "3 days (1 light)"),
``{count}``, and for ``dose_groups`` ``{groups}``/``{Groups}``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import replace
from types import MappingProxyType

from rules.activities import PlannedDay
from rules.goals import Goal
from rules.model import Finding
from rules.rule import WEIGHT_MAX, Rule
from rules.schema import Table
from rules.vocabulary import Vocabulary
from rules.week_rules import EVERY_GROUP, WeekFacts, WeekRule

# The most one dose may earn: a week's whole score is 100.
DOSE_MAX = 60
# Bounded memory per dose: a day is at most two sessions, so a few thousand values exist.
_DAYS_KEPT = 10_000
Points = Mapping[Goal, tuple[int, ...]]


def days_words(full: int, light: int = 0) -> str:
    """``2 days``, ``1 day``, ``3 days (1 light)``, ``1 light day``."""
    total = full + light
    plural = "" if total == 1 else "s"
    if not light:
        return f"{total} day{plural}"
    if not full:
        return f"{total} light day{plural}"
    return f"{total} days ({light} light)"


def _earned(points: tuple[int, ...], count: int) -> int:
    return points[min(count, len(points) - 1)] if points else 0


def build_dose_days(table: Table, rule: Rule, vocab: Vocabulary) -> WeekRule:
    counted = table.spec("activities")
    needs_training = table.flag("needs_training") if table.has("needs_training") else False
    points = _points_table(table, 8)

    made: dict[tuple[int, int], Finding] = {}  # (count, points) -> its finding, made once

    def check(facts: WeekFacts, goal: Goal) -> Finding | None:
        if needs_training and not any(day.sessions for day in facts.days):
            return None
        count = facts.count(counted)
        earned = _earned(points.get(goal, ()), count)
        if not earned:
            return None
        found = made.get((count, earned))
        if found is None:
            values = {"days": days_words(count), "count": str(count)}
            found = made[(count, earned)] = rule.finding(values, weight=earned)
        return found

    return _dose_rule(rule, points, check)


def build_dose_groups(table: Table, rule: Rule, vocab: Vocabulary) -> WeekRule:
    counted = table.spec("activities")
    light = table.flag("light") if table.has("light") else False
    listed = table.names("groups", vocab.group_ids()) if table.has("groups") else None
    groups = tuple(g for g in vocab.group_ids() if g in (listed or vocab.muscle_ids()))
    points = _points_table(table, 15 if light else 8)
    hard, easy = vocab.hard_load, vocab.light_load

    # A day value's credit per group, worked out once: the same days recur in every week.
    day_credit: dict[PlannedDay, tuple[tuple[int, int], ...]] = {}

    def credit_of(day: PlannedDay) -> tuple[tuple[int, int], ...]:
        found = day_credit.get(day)
        if found is None:
            best: dict[str, float] = {}
            for session in day.sessions:
                if not counted.session(session):
                    continue
                for group, load in vocab.session(session).loads.items():
                    best[group] = max(best.get(group, 0.0), load)
            found = tuple(
                (1, 0) if best.get(g, 0.0) >= hard else (0, int(light and best.get(g, 0.0) >= easy))
                for g in groups
            )
            if len(day_credit) < _DAYS_KEPT:
                day_credit[day] = found
        return found

    def credit(facts: WeekFacts) -> dict[str, tuple[int, int]]:
        """Per group: (full days, light days)."""
        totals = [[0, 0] for _ in groups]
        for day in facts.days:
            for total, (full, part) in zip(totals, credit_of(day), strict=True):
                total[0] += full
                total[1] += part
        return {group: (total[0], total[1]) for group, total in zip(groups, totals, strict=True)}

    def check(facts: WeekFacts, goal: Goal) -> list[Finding]:
        table_for_goal = points.get(goal, ())
        if not table_for_goal:
            return []
        classes: dict[tuple[int, int], list[str]] = {}
        for group, days in credit(facts).items():
            classes.setdefault(days, []).append(group)
        found = []
        for (full, part), named in sorted(classes.items(), key=lambda c: (-c[0][0], -c[0][1])):
            index = 2 * full + part if light else full
            earned = _earned(table_for_goal, index) * len(named)
            if earned:
                found.append(finding_for(full, part, tuple(named), earned))
        return found

    made: dict[tuple[int, int, tuple[str, ...], int], Finding] = {}  # made once each

    def finding_for(full: int, part: int, named: tuple[str, ...], earned: int) -> Finding:
        key = (full, part, named, earned)
        found = made.get(key)
        if found is None:
            # Every group of a long list is "every major muscle group", not eight names.
            described = EVERY_GROUP if len(named) == len(groups) > 3 else vocab.describe(named)
            values = {
                "groups": described,
                "Groups": described[:1].upper() + described[1:],
                "days": days_words(full, part),
                "count": str(full + part),
            }
            found = made[key] = rule.finding(values, groups=named, weight=earned)
        return found

    return _dose_rule(rule, points, check)


def _dose_rule(
    rule: Rule,
    points: Points,
    check: Callable[[WeekFacts, Goal], Finding | list[Finding] | None],
) -> WeekRule:
    top = max((max(p) for p in points.values() if p), default=0)

    def evaluate(facts: WeekFacts, goal: Goal) -> tuple[Finding, ...]:
        found = check(facts, goal)
        if found is None:
            return ()
        return (found,) if isinstance(found, Finding) else tuple(found)

    return WeekRule(replace(rule, weight=min(top, WEIGHT_MAX)), False, evaluate)


def _points_table(table: Table, length: int) -> Points:
    if table.raw("kind") != "pro":
        table.fail("kind", "must be pro: a dose is what the week delivers")
    raw = table.raw("points")
    if isinstance(raw, list):
        one = _one_table(table, "points", raw, length)
        return MappingProxyType(dict.fromkeys(Goal, one))
    per_goal = Table(table.file, table.what, table.name, raw, prefix="points.")
    per_goal.only(tuple(Goal))
    return MappingProxyType(
        {
            goal: _one_table(per_goal, goal, per_goal.raw(goal), length)
            for goal in Goal
            if per_goal.has(goal)
        }
    )


def _one_table(table: Table, field: str, raw: object, length: int) -> tuple[int, ...]:
    problem = (
        f"must list 2 to {length} whole numbers from 0 to {DOSE_MAX}, starting at 0, never "
        f"falling and never growing more than the step before (got {raw!r})"
    )
    if not isinstance(raw, list) or not 2 <= len(raw) <= length:
        table.fail(field, problem)
    if any(isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= DOSE_MAX for v in raw):
        table.fail(field, problem)
    steps = [b - a for a, b in itertools.pairwise(raw)]
    if raw[0] != 0 or any(step < 0 for step in steps):
        table.fail(field, problem)
    if any(later > earlier for earlier, later in itertools.pairwise(steps)):
        table.fail(field, problem)
    return tuple(raw)


_DOSE = frozenset({"activities", "points"})

DOSE_TYPES: dict[
    str, tuple[frozenset[str], frozenset[str], Callable[[Table, Rule, Vocabulary], WeekRule]]
] = {
    "dose_days": (
        _DOSE | {"needs_training"},
        frozenset({"days", "count"}),
        build_dose_days,
    ),
    "dose_groups": (
        _DOSE | {"groups", "light"},
        frozenset({"days", "count", "groups", "Groups"}),
        build_dose_groups,
    ),
}
