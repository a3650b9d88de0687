"""Each shipped template is among the best orders of its own days for the goal it is built
for, and not a poor one for general fitness, under the shipped rules: a rules change that
leaves a template far down the arrangements of its days fails here, naming a better one."""

from __future__ import annotations

import dataclasses
import itertools
import math
from datetime import timedelta

import pytest

from planner.advice import judge
from planner.days import day_words
from planner.plan import DatedDay, WeekPlan
from planner.templates import Template, load_templates
from planner.weeks import FirstWeekday, IsoWeek
from rules import Day, Goal, KnowledgeBase, PlannedDay, default_knowledge, evaluate

W48 = IsoWeek(2026, 48)
SHIPPED = load_templates()
# At most this share of the distinct arrangements of a template's days may score higher
# than its own order: for its goal, and for general fitness. Week after week the share is
# wider: Sunday then meets the next Monday, so the seven rotations of an order score alike
# and a rank moves in steps of up to seven.
ALONE = "alone"  # no context days
REPEATED = "repeated"  # the same template the week before and the week after
TOP_SHARE = {ALONE: (0.05, 0.10), REPEATED: (0.10, 0.10)}


def plan_of(template: Template, days: tuple[PlannedDay | None, ...]) -> WeekPlan:
    return dataclasses.replace(template, days=days).plan_for(W48, FirstWeekday.MONDAY)


def context(plan: WeekPlan, how: str) -> tuple[list[DatedDay], list[DatedDay]]:
    if how == ALONE:
        return [], []
    before = [(d - timedelta(days=7), a) for d, a in plan.dated_days[-3:]]
    after = [(d + timedelta(days=7), a) for d, a in plan.dated_days[:3]]
    return before, after


def score(plan: WeekPlan, how: str, knowledge: KnowledgeBase, goal: Goal) -> int:
    """The score ``planner.advice.judge`` gives, without the summary and readiness it also
    works out (eight times the time, over thousands of weeks)."""
    before, after = context(plan, how)
    days = [Day(day, held) for day, held in (*before, *plan.dated_days, *after)]
    focus = (plan.dates[0], plan.dates[-1])
    return evaluate(days, focus=focus, knowledge=knowledge, goal=goal).score


def words(plan: WeekPlan) -> str:
    return " ".join(map(day_words, plan.days))


CASES = [
    pytest.param(template, how, id=f"{template.id}-{how}")
    for template in SHIPPED
    for how in (ALONE, REPEATED)
    if how == ALONE or None not in template.days  # open days: not one week after another
]


@pytest.mark.parametrize(("template", "how"), CASES)
def test_every_template_is_near_the_best_order_of_its_days(template: Template, how: str) -> None:
    knowledge = default_knowledge()
    orders = set(itertools.permutations(template.days))
    arrangements = sorted((plan_of(template, days) for days in orders), key=words)
    mine = plan_of(template, template.days)
    for goal, share in zip((template.goal, Goal.GENERAL), TOP_SHARE[how], strict=True):
        own = score(mine, how, knowledge, goal)
        scored = [(score(plan, how, knowledge, goal), plan) for plan in arrangements]
        better = sum(1 for points, _ in scored if points > own)
        best_points, best = max(scored, key=lambda pair: pair[0])  # the first of the best
        allowed = math.floor(share * len(arrangements))
        assert better <= allowed, (
            f"{template.id} ({words(mine)}) scores {own} for {goal}, {how}: "
            f"{better} of {len(arrangements)} orders of its days score higher "
            f"(at most {allowed}), e.g. {words(best)} with {best_points}"
        )


def test_the_score_is_the_one_judge_gives() -> None:
    knowledge = default_knowledge()
    template = SHIPPED[-1]
    plan = plan_of(template, template.days)
    for how in (ALONE, REPEATED):
        judged = judge(plan, *context(plan, how), knowledge, Goal.HYBRID)
        assert score(plan, how, knowledge, Goal.HYBRID) == judged.evaluation.score
