"""The loaded knowledge base: vocabulary, sources and rules, with what each window of days
says worked out once, on first use, so evaluation is mostly lookups."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from rules.activities import Activity, PlannedDay, Session
from rules.goals import Goal
from rules.model import Finding, Kind, MuscleGroup, Sore, Source, finding_order
from rules.pair_rules import PairRule, SameDayRule
from rules.pattern_rules import PatternRule
from rules.rule import Rule, rule_order
from rules.strains import StrainModel, StrainRule
from rules.timeline import HOURS_PER_DAY
from rules.vocabulary import Family, Vocabulary
from rules.week_rules import WeekRule

CACHE_LIMIT = 100_000


class KnowledgeBase:
    """Everything the engine knows. Build it with ``load_knowledge``; treat it as frozen.

    ``strains`` is the one model of sessions coming too soon after others
    (``rules.strains``), which the panel's cons and the readiness strip share;
    ``muscle_groups`` lists the groups in display order, ``families`` the rows they are
    shown and judged in.
    """

    def __init__(
        self,
        vocabulary: Vocabulary,
        sources: Mapping[str, Source],
        pair_rules: tuple[PairRule, ...],
        same_day_rules: tuple[SameDayRule, ...],
        strain_rules: tuple[StrainRule, ...],
        pattern_rules: tuple[PatternRule, ...],
        week_rules: tuple[WeekRule, ...],
        disabled: frozenset[str],
    ) -> None:
        self.vocabulary = vocabulary
        self.sources: Mapping[str, Source] = MappingProxyType(dict(sources))
        self.disabled = disabled
        self.pair_rules = pair_rules
        self.same_day_rules = same_day_rules
        # User rules first, then the shipped ones in file order (rules.strains).
        self.strains = StrainModel(vocabulary, strain_rules)
        self.pattern_rules = tuple(sorted(pattern_rules, key=lambda p: rule_order(p.rule)))
        self.week_rules = tuple(sorted(week_rules, key=lambda w: rule_order(w.rule)))
        every = [p.rule for p in pair_rules] + [p.rule for p in same_day_rules]
        every += [p.rule for p in strain_rules] + [p.rule for p in pattern_rules]
        self.rules: tuple[Rule, ...] = tuple(every + [w.rule for w in week_rules])
        self._by_id = {rule.id: rule for rule in self.rules}
        self._pairs: dict[tuple[PlannedDay, PlannedDay], tuple[Finding, ...]] = {}
        self._same_day: dict[PlannedDay, tuple[Finding, ...]] = {}
        self._settled: dict[tuple[tuple[Finding, ...], Goal], tuple[Finding, ...]] = {}
        # The engine's memory (rules.engine): each day value as a small number, each
        # transition's findings by the window of days they depend on, each week's by its
        # days. Bounded: cleared when it grows past CACHE_LIMIT.
        self._day_ids: dict[tuple[PlannedDay, Sore], int] = {}
        self.transitions: dict[tuple[tuple[int, ...], Goal], tuple[Finding, ...]] = {}
        # rules.prices: a transition's points by window and the rules replaced, per goal.
        self._points: dict[Goal, dict[tuple[tuple[int, ...], frozenset[str]], int]] = {}
        self.weeks: dict[tuple[object, ...], tuple[Finding, ...]] = {}
        # How many days before a day what it says can look at: the farthest an earlier
        # session's strain window reaches (from its day's latest hour to the next days'
        # earliest), or the longest pattern (a streak also reads the day before it).
        timeline = vocabulary.timeline
        spread = max(timeline.single, timeline.evening) - min(timeline.single, timeline.morning)
        strain_days = (self.strains.reach_hours + spread - 1) // HOURS_PER_DAY
        self.reach = max([strain_days, *(pattern.span for pattern in self.pattern_rules)])

    def day_id(self, day: PlannedDay, sore: Sore = ()) -> int:
        """A small number for a day's value and what its check-in reported."""
        key = (day, sore)
        found = self._day_ids.get(key)
        if found is None:
            found = self._day_ids[key] = len(self._day_ids)
        return found

    def points_for(self, goal: Goal) -> dict[tuple[tuple[int, ...], frozenset[str]], int]:
        """The memory of transition points for ``goal`` (rules.prices), emptied when it
        passes CACHE_LIMIT entries."""
        found = self._points.setdefault(goal, {})
        if len(found) >= CACHE_LIMIT:
            found.clear()
        return found

    def remember(
        self, key: tuple[tuple[int, ...], Goal], findings: tuple[Finding, ...]
    ) -> tuple[Finding, ...]:
        if len(self.transitions) >= CACHE_LIMIT:
            self.transitions.clear()
            self._settled.clear()
        self.transitions[key] = findings
        return findings

    def pair_findings(self, before: PlannedDay, after: PlannedDay) -> tuple[Finding, ...]:
        """The pair rules' findings on (day before, day); both planned."""
        key = (before, after)
        found = self._pairs.get(key)
        if found is None:
            found = tuple(
                finding
                for rule in self.pair_rules
                if (finding := rule.finding(before, after, self.vocabulary)) is not None
            )
            self._pairs[key] = found
        return found

    def same_day_findings(self, day: PlannedDay) -> tuple[Finding, ...]:
        found = self._same_day.get(day)
        if found is None:
            found = tuple(
                finding
                for rule in self.same_day_rules
                if (finding := rule.finding(day, self.vocabulary)) is not None
            )
            self._same_day[day] = found
        return found

    def settle(self, findings: tuple[Finding, ...], goal: Goal) -> tuple[Finding, ...]:
        """One transition's findings as shown and counted: without those another finding
        there overrides, without a pro about a group a con there names (the con is the
        one that holds: those muscles are not recovered), weighed for ``goal`` (dropping
        pros and cons that weigh 0 for it; strains come weighed), in ``finding_order``.
        Remembered: the same few tuples recur."""
        key = (findings, goal)
        known = self._settled.get(key)
        if known is None:
            replaced = self.overridden(findings)
            strained = {g for f in findings if f.kind is Kind.CON for g in f.groups}
            kept = []
            for finding in findings:
                if finding.rule_id in replaced:
                    continue
                if finding.kind is Kind.PRO and strained.intersection(finding.groups):
                    continue
                weights = self._by_id[finding.rule_id].weights
                weight = finding.weight if weights is None else weights[goal]
                if finding.kind is not Kind.TIP and weight == 0:
                    continue
                if weight != finding.weight:
                    finding = Finding(
                        finding.rule_id,
                        finding.kind,
                        finding.text,
                        finding.detail,
                        finding.source,
                        weight,
                        finding.groups,
                    )
                kept.append(finding)
            known = self._settled[key] = tuple(sorted(kept, key=finding_order))
        return known

    def overridden(self, findings: tuple[Finding, ...]) -> frozenset[str]:
        """The ids of the rules that ``findings`` override."""
        return frozenset(
            replaced for finding in findings for replaced in self._by_id[finding.rule_id].overrides
        )

    @property
    def muscle_groups(self) -> tuple[MuscleGroup, ...]:
        return self.vocabulary.groups

    @property
    def families(self) -> tuple[Family, ...]:
        return self.vocabulary.families

    @property
    def hard_load(self) -> float:
        return self.vocabulary.hard_load

    def loads(self, session: Session) -> Mapping[str, float]:
        return self.vocabulary.session(session).loads

    def activity_name(self, activity: Activity) -> str:
        return self.vocabulary.profiles[activity].name

    def is_training(self, activity: Activity) -> bool:
        return self.vocabulary.profiles[activity].training

    def rule(self, rule_id: str) -> Rule:
        """The enabled rule with this id (KeyError if unknown or disabled)."""
        return self._by_id[rule_id]

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._by_id
