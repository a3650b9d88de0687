"""The loaded knowledge base: vocabulary, sources and rules, with the pair findings for
all 25 activity pairs worked out once so evaluation is mostly lookups."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType

from rules.activities import Activity
from rules.goals import Goal
from rules.model import Finding, Kind, MuscleGroup, Source, finding_order
from rules.pair_rules import PairRule
from rules.pattern_rules import PatternRule
from rules.rule import Rule, rule_order
from rules.vocabulary import Vocabulary
from rules.week_rules import WeekRule


class KnowledgeBase:
    """Everything the engine knows. Build it with ``load_knowledge``; treat it as frozen.

    For the readiness view: ``muscle_groups`` lists the groups in display order,
    ``loads(activity)`` maps group id -> load (0..1, how hard a typical session works that
    group; absent = 0), ``hard_load`` is the load from which a session counts as hard work
    for a group, and ``recovery_hours`` (48) is how long a group needs after hard work.
    """

    def __init__(
        self,
        vocabulary: Vocabulary,
        sources: Mapping[str, Source],
        pair_rules: tuple[PairRule, ...],
        pattern_rules: tuple[PatternRule, ...],
        week_rules: tuple[WeekRule, ...],
        disabled: frozenset[str],
    ) -> None:
        self.vocabulary = vocabulary
        self.sources: Mapping[str, Source] = MappingProxyType(dict(sources))
        self.disabled = disabled
        self.pair_rules = pair_rules
        # Sorted once here, so the findings they produce come out in order for free.
        self.pattern_rules = tuple(sorted(pattern_rules, key=lambda p: rule_order(p.rule)))
        self.week_rules = tuple(sorted(week_rules, key=lambda w: rule_order(w.rule)))
        pairs: dict[tuple[Activity, Activity], tuple[Finding, ...]] = {}
        for before, after in itertools.product(Activity, repeat=2):
            found = []
            for pair_rule in pair_rules:
                values = pair_rule.values(before, after, vocabulary)
                if values is not None:
                    found.append(pair_rule.rule.finding(values))
            pairs[(before, after)] = tuple(sorted(found, key=finding_order))
        self.pair_findings: Mapping[tuple[Activity, Activity], tuple[Finding, ...]] = (
            MappingProxyType(pairs)
        )
        every = [p.rule for p in pair_rules] + [p.rule for p in pattern_rules]
        self.rules: tuple[Rule, ...] = tuple(every + [w.rule for w in week_rules])
        self._by_id = {rule.id: rule for rule in self.rules}
        self._for_goal: dict[tuple[tuple[Finding, ...], Goal], tuple[Finding, ...]] = {}

    def for_goal(self, findings: tuple[Finding, ...], goal: Goal) -> tuple[Finding, ...]:
        """``findings`` weighed for ``goal`` (their rules' ``goal_weights``), dropping the
        pros and cons whose rule weighs 0 for it; remembered, as the same few tuples recur."""
        key = (findings, goal)
        known = self._for_goal.get(key)
        if known is None:
            kept = []
            for finding in findings:
                weight = self._by_id[finding.rule_id].weights[goal]
                if finding.kind is not Kind.TIP and weight == 0:
                    continue
                kept.append(
                    finding if weight == finding.weight else replace(finding, weight=weight)
                )
            known = self._for_goal[key] = tuple(kept)
        return known

    @property
    def muscle_groups(self) -> tuple[MuscleGroup, ...]:
        return self.vocabulary.groups

    @property
    def hard_load(self) -> float:
        return self.vocabulary.hard_load

    @property
    def recovery_hours(self) -> int:
        return self.vocabulary.recovery_hours

    def loads(self, activity: Activity) -> Mapping[str, float]:
        return self.vocabulary.profiles[activity].loads

    def activity_name(self, activity: Activity) -> str:
        return self.vocabulary.profiles[activity].name

    def is_training(self, activity: Activity) -> bool:
        return self.vocabulary.profiles[activity].training

    def rule(self, rule_id: str) -> Rule:
        """The enabled rule with this id (KeyError if unknown or disabled)."""
        return self._by_id[rule_id]

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._by_id
