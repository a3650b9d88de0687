"""Goals weigh rules: ``goal_weights`` in a rule, ``goal=`` to the engine."""

from __future__ import annotations

import datetime

import pytest

from rules import Activity, Goal, Kind, RuleFileError, consecutive_days, evaluate, load_knowledge
from tests.helpers import write_rules

LIFT_RULE = """
[[rules]]
id = "mine-rest-after-legs"
type = "pair"
before = "legs"
after = "rest"
kind = "pro"
text = "Mine"
detail = "Mine."
source = "coaching"
weight = 3
goal_weights = { endurance = 0, strength = 7 }
"""


def _findings(knowledge, goal):
    days = consecutive_days(datetime.date(2026, 11, 23), [Activity.LEGS, Activity.REST])
    evaluation = evaluate(days, knowledge=knowledge, goal=goal, week=False)
    return {f.rule_id: f for f in evaluation.transitions[-1].findings}, evaluation


def test_goal_weights_set_the_weight_and_zero_silences_the_rule(tmp_path):
    knowledge = load_knowledge(write_rules(tmp_path, LIFT_RULE))
    general, _ = _findings(knowledge, Goal.GENERAL)
    strength, evaluation = _findings(knowledge, Goal.STRENGTH)
    endurance, _ = _findings(knowledge, Goal.ENDURANCE)
    assert general["mine-rest-after-legs"].weight == 3
    assert strength["mine-rest-after-legs"].weight == 7
    assert "mine-rest-after-legs" not in endurance
    reason = next(r for r in evaluation.reasons if r.finding.rule_id == "mine-rest-after-legs")
    assert reason.finding.kind is Kind.PRO and reason.points > 0


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ("goal_weights = { speed = 2 }", "goal_weights.speed"),
        ("goal_weights = { endurance = 11 }", "goal_weights.endurance"),
        ("goal_weights = 3", "goal_weights"),
    ],
)
def test_bad_goal_weights_are_refused(tmp_path, extra, problem):
    text = LIFT_RULE.replace("goal_weights = { endurance = 0, strength = 7 }", extra)
    with pytest.raises(RuleFileError, match=problem.replace(".", r"\.")):
        load_knowledge(write_rules(tmp_path, text))
