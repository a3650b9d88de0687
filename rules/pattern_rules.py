"""Rules about runs of three or more days. A pattern's finding belongs to the transition
that completes it: the one whose ``after`` day is the pattern's last day.

Types (``type = ...`` in a rule file):

- ``sequence``: ``days`` lists what each day of the run must be (a spec of
  ``rules.specs``: ``legs``, ``pull:light|moderate``, a list of them, or "*" for any
  planned day), oldest first, 3 to 7 days.
- ``load_gap``: one of ``groups`` is loaded at least ``threshold`` on a day and again
  ``gap_days`` (2 or 3) days later, but not on the days between: the second hard session
  comes about 48 h (or 72 h) after the first. Placeholders ``{groups}``/``{Groups}``.
- ``streak``: ``min_days`` consecutive days each matching ``activities`` (a spec); fires
  once, on the day the streak reaches that length. Placeholder ``{days}``.

Unplanned days match nothing, so a pattern never spans a gap in the plan.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rules.activities import PlannedDay
from rules.model import Finding
from rules.rule import Rule
from rules.schema import Table
from rules.vocabulary import Vocabulary

Plan = Sequence[PlannedDay | None]


@dataclass(frozen=True)
class PatternRule:
    rule: Rule
    span: int
    # (activities of the whole sequence, index of the completing day) -> finding or None;
    # only called when that index is at least span - 1.
    check: Callable[[Plan, int], Finding | None]
    # (day before, day) -> False only if the pattern can never complete on a transition
    # between these two days, whatever came before (suggest bounds its search with it);
    # None: it may complete on any.
    ends: Callable[[PlannedDay, PlannedDay], bool] | None = None


def build_sequence(table: Table, rule: Rule, vocab: Vocabulary) -> PatternRule:
    raw = table.raw("days")
    if not isinstance(raw, list) or not 3 <= len(raw) <= 7:
        table.fail("days", f"must list 3 to 7 days (got {raw!r})")
    steps = tuple(
        Table(table.file, table.what, table.name, {f"days[{n}]": spec}).spec(f"days[{n}]")
        for n, spec in enumerate(raw, start=1)
    )
    span = len(steps)
    finding = rule.finding()

    def check(plan: Plan, index: int) -> Finding | None:
        window = plan[index - span + 1 : index + 1]
        for day, allowed in zip(window, steps, strict=True):
            if not allowed.day(day):
                return None
        return finding

    def ends(before: PlannedDay, after: PlannedDay) -> bool:
        return steps[-2].day(before) and steps[-1].day(after)

    return PatternRule(rule, span, check, ends)


def build_load_gap(table: Table, rule: Rule, vocab: Vocabulary) -> PatternRule:
    gap = table.integer("gap_days", 2, 3) if table.has("gap_days") else 2
    threshold = table.fraction("threshold") if table.has("threshold") else vocab.hard_load
    listed = table.names("groups", vocab.group_ids()) if table.has("groups") else None
    groups = tuple(g for g in vocab.group_ids() if g in (listed or vocab.muscle_ids()))

    def worked(day: PlannedDay | None) -> set[str]:
        if day is None:
            return set()
        return {g for s in day.sessions for g in vocab.hard_groups(s, threshold, groups)}

    def check(plan: Plan, index: int) -> Finding | None:
        window = plan[index - gap : index + 1]
        if any(day is None or not day.is_planned for day in window):
            return None
        repeated = worked(window[0]) & worked(window[-1])
        for between in window[1:-1]:
            repeated -= worked(between)
        if not repeated:
            return None
        described = vocab.describe(tuple(g for g in groups if g in repeated))
        capital = described[:1].upper() + described[1:]
        return rule.finding({"groups": described, "Groups": capital})

    def ends(before: PlannedDay, after: PlannedDay) -> bool:
        # The last day works again some group the day before (one of those between) rests.
        return before.is_planned and bool(worked(after) - worked(before))

    return PatternRule(rule, gap + 1, check, ends)


def build_streak(table: Table, rule: Rule, vocab: Vocabulary) -> PatternRule:
    members = table.spec("activities")
    length = table.integer("min_days", 2, 14)
    finding = rule.finding({"days": str(length)})

    def check(plan: Plan, index: int) -> Finding | None:
        start = index - length + 1
        for position in range(index, start - 1, -1):
            if not members.day(plan[position]):
                return None
        # Fire only when the streak reaches the length, not on every day it goes on.
        if start > 0 and members.day(plan[start - 1]):
            return None
        return finding

    def ends(before: PlannedDay, after: PlannedDay) -> bool:
        return members.day(before) and members.day(after)

    return PatternRule(rule, length, check, ends)


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
