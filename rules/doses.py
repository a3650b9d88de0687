"""What a week delivers for a goal: doses, each counted in days and priced with diminishing
returns, so more is never worth less but each extra day is worth no more than the one
before it (a second rest day adds less than the first; a fourth leg day nothing). And the
same count turned round: what too much costs, each extra one costing at least as much as
the one before (``kind = "con"``).

Types (``type = ...`` in a rule file; ``kind = "pro"``, or ``"con"`` for ``dose_days``):

- ``dose_days``: the days of the week holding a session (or rest, with ``"rest"``) that
  ``activities`` matches; two matching sessions on one day count once (``per =
  "session"`` counts sessions instead: what a cost of too many should count, so putting
  two on one day never hides one). With ``needs_training = true`` it counts only in a week
  that holds some training (seven rest days deliver nothing); with ``with`` (a spec) only
  in a week that holds a session it matches. ``one_in = 3`` with ``of = "run"``: no more
  are counted than one in three of the days ``of`` matches (at least one): a share, such
  as the hard runs among all runs.
- ``dose_groups``: per muscle group of ``groups``, the days a session matching
  ``activities`` works it hard (``loads.hard`` in activities.toml); with ``light = true``
  a day of light work on it (``loads.light``) counts half, and ``points`` is then read in
  half days; ``with`` as for ``dose_days``. One finding per set of groups that got the
  same days.

``points`` is a list: its entry ``n`` is what ``n`` days (half days with ``light``) earn
(or cost, for a con); past its end, its last entry. Or a table of such lists by goal; a
goal it leaves out earns nothing from it. Each list starts at 0 and never falls; a pro's
never grows by more than it grew the step before (diminishing returns), a con's never by
less (each one too many costs at least as much as the last). Placeholders: ``{days}``
("2 days", "3 days (1 light)"; sessions with ``per = "session"``), ``{count}``, and for
``dose_groups`` ``{groups}``/``{Groups}``.
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
from rules.specs import Spec
from rules.vocabulary import Vocabulary
from rules.week_rules import EVERY_GROUP, WeekFacts, WeekRule

# The most one dose may earn: a week's whole score is 100.
DOSE_MAX = 60
# Bounded memory per dose: a day is at most two sessions, so a few thousand values exist.
_DAYS_KEPT = 10_000
Points = Mapping[Goal, tuple[int, ...]]


def days_words(full: int, light: int = 0, unit: str = "day") -> str:
    """``2 days``, ``1 day``, ``3 days (1 light)``, ``1 light day``, ``8 sessions``."""
    total = full + light
    plural = "" if total == 1 else "s"
    if not light:
        return f"{total} {unit}{plural}"
    if not full:
        return f"{total} light day{plural}"
    return f"{total} days ({light} light)"


def _earned(points: tuple[int, ...], count: int) -> int:
    return points[min(count, len(points) - 1)] if points else 0


def build_dose_days(table: Table, rule: Rule, vocab: Vocabulary) -> WeekRule:
    counted = table.spec("activities")
    needs_training = table.flag("needs_training") if table.has("needs_training") else False
    along = table.spec("with") if table.has("with") else None
    per_day = table.choice("per", ("day", "session")) == "day" if table.has("per") else True
    share: tuple[int, Spec] | None = None
    if table.has("one_in") or table.has("of"):
        share = (table.integer("one_in", 1, 14), table.spec("of"))
    points = _points_table(table, 8 if per_day else 15, costs=True)
    unit = "day" if per_day else "session"

    made: dict[tuple[int, int], Finding] = {}  # (count, points) -> its finding, made once

    def check(facts: WeekFacts, goal: Goal) -> Finding | None:
        if needs_training and not any(day.sessions for day in facts.days):
            return None
        if along is not None and not facts.count(along):
            return None
        count = facts.count(counted, per_day=per_day)
        if share is not None:
            one_in, of = share
            count = min(count, max(1, facts.count(of) // one_in))
        earned = _earned(points.get(goal, ()), count)
        if not earned:
            return None
        found = made.get((count, earned))
        if found is None:
            values = {"days": days_words(count, unit=unit), "count": str(count)}
            found = made[(count, earned)] = rule.finding(values, weight=earned)
        return found

    return _dose_rule(rule, points, check)


def build_dose_groups(table: Table, rule: Rule, vocab: Vocabulary) -> WeekRule:
    counted = table.spec("activities")
    along = table.spec("with") if table.has("with") else None
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
        if not table_for_goal or (along is not None and not facts.count(along)):
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


def _points_table(table: Table, length: int, *, costs: bool = False) -> Points:
    kinds = ("pro", "con") if costs else ("pro",)
    if table.raw("kind") not in kinds:
        what = "pro (what the week delivers) or con (what too much costs)" if costs else "pro"
        table.fail("kind", f"must be {what}")
    convex = table.raw("kind") == "con"
    raw = table.raw("points")
    if isinstance(raw, list):
        one = _one_table(table, "points", raw, length, convex)
        return MappingProxyType(dict.fromkeys(Goal, one))
    per_goal = Table(table.file, table.what, table.name, raw, prefix="points.")
    per_goal.only(tuple(Goal))
    return MappingProxyType(
        {
            goal: _one_table(per_goal, goal, per_goal.raw(goal), length, convex)
            for goal in Goal
            if per_goal.has(goal)
        }
    )


def _one_table(table: Table, field: str, raw: object, length: int, convex: bool) -> tuple[int, ...]:
    growth = "less" if convex else "more"
    problem = (
        f"must list 2 to {length} whole numbers from 0 to {DOSE_MAX}, starting at 0, never "
        f"falling and never growing {growth} than the step before (got {raw!r})"
    )
    if not isinstance(raw, list) or not 2 <= len(raw) <= length:
        table.fail(field, problem)
    numbers: list[int] = []
    for value in raw:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= DOSE_MAX:
            table.fail(field, problem)
        numbers.append(value)
    steps = [b - a for a, b in itertools.pairwise(numbers)]
    if numbers[0] != 0 or any(step < 0 for step in steps):
        table.fail(field, problem)
    pairs = itertools.pairwise(steps)
    if any((later < earlier) if convex else (later > earlier) for earlier, later in pairs):
        table.fail(field, problem)
    return tuple(numbers)


_DOSE = frozenset({"activities", "points"})

DOSE_TYPES: dict[
    str, tuple[frozenset[str], frozenset[str], Callable[[Table, Rule, Vocabulary], WeekRule]]
] = {
    "dose_days": (
        _DOSE | {"needs_training", "with", "per", "one_in", "of"},
        frozenset({"days", "count"}),
        build_dose_days,
    ),
    "dose_groups": (
        _DOSE | {"groups", "light", "with"},
        frozenset({"days", "count", "groups", "Groups"}),
        build_dose_groups,
    ),
}
