"""Bounds on what one transition can say, whatever the days before it: for a search (the
planner's ``suggest``) that fills a week day by day and must know, before the earlier
days are chosen, the most a transition can earn and the least it must cost.

A transition's findings (``rules.engine._transition_findings``, then ``kb.settle``) are

- *definite*, fixed by the two days alone: the day's same-day findings, the pair rules'
  findings, and the recovery findings about hard work on the day before (the most recent
  hard work on a group is the one the recovery model reports, so a group strained from
  the day before is strained whatever came earlier, and each strain goes to the first
  recovery rule that claims it, whatever the other strains);
- *extra*, depending on earlier days too: recovery findings about older hard work (cons
  only: a recovery rule is a con) and the pattern rules' findings.

``settle`` only ever drops findings (overridden ones, pros about a group a con names,
those weighing 0 for the goal) and weighs each by its rule, so:

- the pros counted are at most the pros of ``settle(definite)`` plus the weights of the
  pro patterns that may complete on this transition (``PatternRule.ends``);
- the cons counted are at least the cons of ``settle(definite)`` that no rule anywhere
  overrides (an extra finding, or a week finding, could override the others).

Keep this beside the engine: a new source of findings in ``_transition_findings`` needs
its place here (``tests/unit/rules/test_bounds.py`` checks both bounds on random weeks).
"""

from __future__ import annotations

from rules.activities import PlannedDay
from rules.goals import Goal
from rules.knowledge import KnowledgeBase
from rules.model import Kind
from rules.pair_rules import recovery_findings


def overridable(kb: KnowledgeBase) -> frozenset[str]:
    """The ids of every rule some rule (transition or week) may override."""
    return frozenset(target for rule in kb.rules for target in rule.overrides)


def transition_bound(
    kb: KnowledgeBase,
    before: PlannedDay,
    after: PlannedDay,
    goal: Goal,
    replaceable: frozenset[str],
) -> tuple[int, int]:
    """(most pro weight, least con weight) the transition from ``before`` to ``after``
    (both planned) counts for ``goal``, whatever the days before ``before``.
    ``replaceable``: :func:`overridable` of ``kb`` (passed in: it is the same for every
    pair)."""
    definite = kb.same_day_findings(after) + recovery_findings(
        kb.recovery_rules, kb.recovery, (before, after), 1
    )
    definite += kb.pair_findings(before, after)
    most = least = 0
    for finding in kb.settle(definite, goal):
        if finding.kind is Kind.PRO:
            most += finding.weight
        elif finding.kind is Kind.CON and finding.rule_id not in replaceable:
            least += finding.weight
    for pattern in kb.pattern_rules:
        if pattern.rule.kind is Kind.PRO and (pattern.ends is None or pattern.ends(before, after)):
            most += pattern.rule.weights[goal]
    return most, least
