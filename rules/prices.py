"""The score as the sum of its parts, for searches that try many weeks differing in a few
days (``suggest``, the smallest fix): the same numbers ``evaluate`` adds up, read part by
part.

A week's score, before the 0..100 scale, is its week points (the doses and the week's
own findings: a function of which days the week holds, in any order) plus one transition
per day (the findings on the transition into it, less those the week's own findings
override inside the week: a function of that day and the ``reach`` days before it).
``reach`` counts only the rules that can move the points for the goal: a rule that gives
tips and overrides nothing changes nothing here.
"""

from __future__ import annotations

from collections.abc import Sequence

from rules.activities import PlannedDay
from rules.engine import transition_findings, week_findings_of
from rules.goals import Goal
from rules.knowledge import KnowledgeBase
from rules.model import Kind, Sore
from rules.rule import Rule
from rules.timeline import HOURS_PER_DAY

NOTHING: frozenset[str] = frozenset()


def _counts(rule: Rule, goal: Goal) -> bool:
    """Whether a rule can change a transition's points: it weighs something for the goal,
    or it overrides another rule's finding."""
    return bool(rule.overrides) or (rule.weights is not None and rule.weights[goal] > 0)


class Prices:
    """The parts of the score of weeks judged with one knowledge base for one goal. Days
    are named by their engine ids (``KnowledgeBase.day_id``); what was worked out is kept
    for the search's lifetime only."""

    def __init__(self, knowledge: KnowledgeBase, goal: Goal) -> None:
        self.kb = knowledge
        self.goal = goal
        self.reach = self._reach()
        rules = [r.rule for r in knowledge.pair_rules]
        rules += [r.rule for r in knowledge.same_day_rules]
        rules += [p.rule for p in knowledge.pattern_rules]
        # The most one transition can earn: every pro that could fire on it at once.
        self.most_pros = sum(
            rule.weights[goal] for rule in rules if rule.kind is Kind.PRO and rule.weights
        )
        self._days: dict[int, tuple[PlannedDay, Sore]] = {}
        # The points of each window, kept with the knowledge base for this goal: every
        # search and fix of a session reads the same few thousand windows.
        self._transitions = knowledge.points_for(goal)
        # When only the strains can move a transition's points (the shipped rules: the
        # others give tips and override nothing), they are summed without writing a text.
        others = [*rules, *(w.rule for w in knowledge.week_rules)]
        self.strains_only = not any(_counts(rule, goal) for rule in rules) and not any(
            rule.overrides for rule in others
        )

    def _reach(self) -> int:
        kb, goal = self.kb, self.goal
        reach = 0
        if any(any(rule.weights[goal]) for rule in kb.strains.rules):
            timeline = kb.vocabulary.timeline
            spread = max(timeline.single, timeline.evening) - min(timeline.single, timeline.morning)
            reach = (kb.strains.reach_hours + spread - 1) // HOURS_PER_DAY
        if any(_counts(pair.rule, goal) for pair in kb.pair_rules):
            reach = max(reach, 1)
        for pattern in kb.pattern_rules:
            if _counts(pattern.rule, goal):
                reach = max(reach, pattern.span)
        return reach

    def id(self, day: PlannedDay, sore: Sore = ()) -> int:
        """The engine's id of ``day`` with what its check-in reported."""
        found = self.kb.day_id(day, sore)
        self._days.setdefault(found, (day, sore))
        return found

    def transition(self, ids: tuple[int, ...], inside: bool, replaced: frozenset[str]) -> int:
        """The points of the transition into the last day of ``ids`` (that day and the
        ``reach`` days before it, as far as they go), without the findings of the rules
        ``replaced`` when the transition is ``inside`` the week."""
        key = (ids, replaced if inside else NOTHING)
        known = self._transitions.get(key)
        if known is None:
            window = [self._days[i][0] for i in ids]
            sore = self._days[ids[-1]][1]
            if self.strains_only:
                found = self.kb.strains.strains(window, len(window) - 1, self.goal, sore)
                known = -sum(strain.points for strain in found) if window[-1].is_planned else 0
            else:
                findings = transition_findings(self.kb, window, ids, len(ids) - 1, self.goal, sore)
                known = sum(f.points for f in findings if f.rule_id not in key[1])
            self._transitions[key] = known
        return known

    def week(self, days: Sequence[PlannedDay], length: int = 7) -> tuple[int, frozenset[str]]:
        """The week points of a period of ``length`` days holding ``days`` (the unplanned
        ones may be left out), and the rules its findings override."""
        findings = week_findings_of(self.kb, [d for d in days if d.is_planned], length, self.goal)
        return sum(f.points for f in findings), self.kb.overridden(findings)

    def transitions(
        self, ids: Sequence[int], first: int, replaced: frozenset[str], only: set[int] | None = None
    ) -> dict[int, int]:
        """The points of the transition into each day ``first`` on of the run ``ids`` (or
        only into those in ``only``), by index; those into ``first`` crosses into the week,
        the others are inside it."""
        found = {}
        for index in range(first, len(ids)):
            if only is not None and index not in only:
                continue
            window = tuple(ids[max(0, index - self.reach) : index + 1])
            found[index] = self.transition(window, index > first, replaced)
        return found
