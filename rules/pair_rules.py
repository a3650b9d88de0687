"""Rules about two consecutive days. They depend only on the two activities, so the
knowledge base works them out for all 25 pairs once, at load time.

Types (``type = ...`` in a rule file):

- ``pair``: fires when ``before`` and ``after`` match (an activity, a list, or "*").
- ``load_overlap``: both days load one of ``groups`` at least ``threshold`` (default: the
  vocabulary's ``hard_load``): the same muscles hard again about 24 h later.
- ``load_shift``: the first day trains some groups hard, the second trains other groups
  hard and none of the first day's: the tired muscles rest while fresh ones work.

The load types accept ``before``/``after`` too, to narrow them. Placeholders: ``{before}``
and ``{after}`` (the activities' nouns: "leg day", "a run") and, for the load types,
``{groups}``/``{Groups}``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rules.activities import Activity
from rules.rule import Rule
from rules.schema import Table
from rules.vocabulary import Vocabulary

Values = dict[str, str]


@dataclass(frozen=True)
class PairRule:
    rule: Rule
    before: frozenset[Activity]
    after: frozenset[Activity]
    fires: Callable[[Activity, Activity], Values | None]

    def values(self, before: Activity, after: Activity, vocab: Vocabulary) -> Values | None:
        if before not in self.before or after not in self.after:
            return None
        found = self.fires(before, after)
        if found is None:
            return None
        names = {"before": vocab.profiles[before].noun, "after": vocab.profiles[after].noun}
        return names | found


def _groups_values(vocab: Vocabulary, groups: tuple[str, ...]) -> Values:
    described = vocab.describe(groups)
    return {"groups": described, "Groups": described[:1].upper() + described[1:]}


def _filters(table: Table, *, required: bool) -> tuple[frozenset[Activity], frozenset[Activity]]:
    every = frozenset(Activity)
    before = table.activities("before") if required or table.has("before") else every
    after = table.activities("after") if required or table.has("after") else every
    return before, after


def _load_params(table: Table, vocab: Vocabulary) -> tuple[float, tuple[str, ...]]:
    threshold = table.fraction("threshold") if table.has("threshold") else vocab.hard_load
    groups = table.names("groups", vocab.group_ids()) if table.has("groups") else vocab.muscle_ids()
    # Keep vocabulary order whatever order the file lists them in.
    return threshold, tuple(group for group in vocab.group_ids() if group in groups)


def build_pair(table: Table, rule: Rule, vocab: Vocabulary) -> PairRule:
    before, after = _filters(table, required=True)
    return PairRule(rule, before, after, lambda _before, _after: {})


def build_load_overlap(table: Table, rule: Rule, vocab: Vocabulary) -> PairRule:
    before, after = _filters(table, required=False)
    threshold, groups = _load_params(table, vocab)

    def fires(first: Activity, second: Activity) -> Values | None:
        hard_first = vocab.hard_groups(first, threshold, groups)
        shared = tuple(g for g in vocab.hard_groups(second, threshold, groups) if g in hard_first)
        return _groups_values(vocab, shared) if shared else None

    return PairRule(rule, before, after, fires)


def build_load_shift(table: Table, rule: Rule, vocab: Vocabulary) -> PairRule:
    before, after = _filters(table, required=False)
    threshold, groups = _load_params(table, vocab)

    def fires(first: Activity, second: Activity) -> Values | None:
        resting = vocab.hard_groups(first, threshold, groups)
        working = vocab.hard_groups(second, threshold, groups)
        if not resting or not working or set(resting) & set(working):
            return None
        return _groups_values(vocab, resting)

    return PairRule(rule, before, after, fires)


_FILTERS = frozenset({"before", "after"})
_LOADS = _FILTERS | {"threshold", "groups"}
_NAMES = frozenset({"before", "after"})
_GROUP_NAMES = _NAMES | {"groups", "Groups"}

# type name -> (its own fields, its placeholders, builder)
PAIR_TYPES: dict[
    str, tuple[frozenset[str], frozenset[str], Callable[[Table, Rule, Vocabulary], PairRule]]
] = {
    "pair": (_FILTERS, _NAMES, build_pair),
    "load_overlap": (_LOADS, _GROUP_NAMES, build_load_overlap),
    "load_shift": (_LOADS, _GROUP_NAMES, build_load_shift),
}
