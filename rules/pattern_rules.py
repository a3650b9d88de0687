"""Rules about runs of three or more days. A pattern's finding belongs to the transition
that completes it: the one whose ``after`` day is the pattern's last day.

Types (``type = ...`` in a rule file):

- ``sequence``: ``days`` lists what each day of the run must be (an activity, a list, or
  "*" for any planned day), oldest first, 3 to 7 days.
- ``load_gap``: one of ``groups`` is loaded at least ``threshold`` on a day and again
  ``gap_days`` (2 or 3) days later, but not on the days between: the second hard session
  comes about 48 h (or 72 h) after the first. Placeholders ``{groups}``/``{Groups}``.
- ``streak``: ``min_days`` consecutive days each one of ``activities``; fires once, on the
  day the streak reaches that length. Placeholder ``{days}``.

Unplanned days match nothing, so a pattern never spans a gap in the plan.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rules.activities import Activity
from rules.model import Finding
from rules.rule import Rule
from rules.schema import Table
from rules.vocabulary import Vocabulary

Plan = Sequence[Activity | None]


@dataclass(frozen=True)
class PatternRule:
    rule: Rule
    span: int
    # (activities of the whole sequence, index of the completing day) -> finding or None;
    # only called when that index is at least span - 1.
    check: Callable[[Plan, int], Finding | None]


def build_sequence(table: Table, rule: Rule, vocab: Vocabulary) -> PatternRule:
    raw = table.raw("days")
    if not isinstance(raw, list) or not 3 <= len(raw) <= 7:
        table.fail("days", f"must list 3 to 7 days (got {raw!r})")
    steps = tuple(
        Table(table.file, table.what, table.name, {f"days[{n}]": spec}).activities(f"days[{n}]")
        for n, spec in enumerate(raw, start=1)
    )
    span = len(steps)
    finding = rule.finding()

    def check(plan: Plan, index: int) -> Finding | None:
        window = plan[index - span + 1 : index + 1]
        for activity, allowed in zip(window, steps, strict=True):
            if activity not in allowed:
                return None
        return finding

    return PatternRule(rule, span, check)


def build_load_gap(table: Table, rule: Rule, vocab: Vocabulary) -> PatternRule:
    gap = table.integer("gap_days", 2, 3) if table.has("gap_days") else 2
    threshold = table.fraction("threshold") if table.has("threshold") else vocab.hard_load
    listed = table.names("groups", vocab.group_ids()) if table.has("groups") else None
    groups = tuple(g for g in vocab.group_ids() if g in (listed or vocab.muscle_ids()))
    hard = {a: set(vocab.hard_groups(a, threshold, groups)) for a in Activity}
    # At most 5**4 windows: work every answer out now so evaluation is one lookup.
    table_of: dict[tuple[Activity | None, ...], Finding] = {}
    for window in itertools.product(tuple(Activity), repeat=gap + 1):
        repeated = hard[window[0]] & hard[window[-1]]
        for between in window[1:-1]:
            repeated -= hard[between]
        if repeated:
            described = vocab.describe(tuple(g for g in groups if g in repeated))
            capital = described[:1].upper() + described[1:]
            table_of[window] = rule.finding({"groups": described, "Groups": capital})

    def check(plan: Plan, index: int) -> Finding | None:
        return table_of.get(tuple(plan[index - gap : index + 1]))

    return PatternRule(rule, gap + 1, check)


def build_streak(table: Table, rule: Rule, vocab: Vocabulary) -> PatternRule:
    members = table.activities("activities")
    length = table.integer("min_days", 2, 14)
    finding = rule.finding({"days": str(length)})

    def check(plan: Plan, index: int) -> Finding | None:
        start = index - length + 1
        for position in range(index, start - 1, -1):
            if plan[position] not in members:
                return None
        # Fire only when the streak reaches the length, not on every day it goes on.
        if start > 0 and plan[start - 1] in members:
            return None
        return finding

    return PatternRule(rule, length, check)


PATTERN_TYPES: dict[
    str, tuple[frozenset[str], frozenset[str], Callable[[Table, Rule, Vocabulary], PatternRule]]
] = {
    "sequence": (frozenset({"days"}), frozenset(), build_sequence),
    "load_gap": (
        frozenset({"gap_days", "threshold", "groups"}),
        frozenset({"groups", "Groups"}),
        build_load_gap,
    ),
    "streak": (frozenset({"activities", "min_days"}), frozenset({"days"}), build_streak),
}
