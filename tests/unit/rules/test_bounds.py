"""rules.bounds: what a transition counts never exceeds the bound on its pros nor falls
below the bound on its cons, whatever the days before it (the suggest walk is only exact
if this holds)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules import (
    Activity,
    Goal,
    Intensity,
    Kind,
    KnowledgeBase,
    PlannedDay,
    RunType,
    Session,
    default_knowledge,
    load_knowledge,
)
from rules.bounds import overridable, transition_bound
from rules.engine import transition_findings

LIFTS = [
    Session(kind, intensity=i)
    for kind in Activity
    if kind.value in {"push", "pull", "legs"}
    for i in Intensity
]
RUNS = [Session(Activity.RUN, run_type=t) for t in RunType]
SESSIONS = LIFTS + RUNS

# Pro patterns of every type, which the bound must see coming, and a pattern that
# overrides a shipped con.
USER_RULES = """
[[rules]]
id = "pro-sequence"
type = "sequence"
days = ["*", "legs", ["push", "pull"], "*", "run"]
kind = "pro"
text = "A long pattern"
detail = "Made up."
source = "coaching"
weight = 6

[[rules]]
id = "pro-gap"
type = "load_gap"
gap_days = 3
kind = "pro"
text = "{Groups} again after 72 h"
detail = "Made up."
source = "coaching"
weight = 3

[[rules]]
id = "pro-streak"
type = "streak"
activities = ["run", "legs"]
min_days = 3
kind = "pro"
text = "{days} lower-body days"
detail = "Made up."
source = "coaching"
weight = 2
goal_weights = { endurance = 7 }

[[rules]]
id = "pull-run-overrides"
type = "sequence"
days = ["legs", "pull", "run"]
kind = "pro"
text = "Overrides a con"
detail = "Made up."
source = "coaching"
weight = 1
overrides = ["training-days-in-a-row"]
"""


@pytest.fixture(scope="module")
def user_knowledge(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    path: Path = tmp_path_factory.mktemp("rules") / "rules.toml"
    path.write_text(USER_RULES, encoding="utf-8")
    return load_knowledge(path)


@st.composite
def planned_days(draw: st.DrawFn) -> PlannedDay:
    shape = draw(st.sampled_from(["rest", "one", "two"]))
    if shape == "rest":
        return PlannedDay.REST
    first = draw(st.sampled_from(SESSIONS))
    if shape == "one":
        return PlannedDay((first,))
    second = draw(st.sampled_from([s for s in SESSIONS if s.kind is not first.kind]))
    return PlannedDay((first, second), together=draw(st.booleans()))


@settings(max_examples=300, deadline=None)
@given(
    history=st.lists(st.one_of(st.just(PlannedDay.UNPLANNED), planned_days()), max_size=6),
    before=planned_days(),
    after=planned_days(),
    goal=st.sampled_from(list(Goal)),
    shipped=st.booleans(),
)
def test_a_transition_counts_within_its_bounds(
    history: list[PlannedDay],
    before: PlannedDay,
    after: PlannedDay,
    goal: Goal,
    shipped: bool,
    user_knowledge: KnowledgeBase,
) -> None:
    knowledge = default_knowledge() if shipped else user_knowledge
    plan = [*history, before, after]
    ids = [knowledge.day_id(day) for day in plan]
    found = transition_findings(knowledge, plan, ids, len(plan) - 1, goal)
    replaceable = overridable(knowledge)
    most, least = transition_bound(knowledge, before, after, goal, replaceable)
    pros = sum(f.weight for f in found if f.kind is Kind.PRO)
    # Any finding may lose the cons a week or another finding overrides: count the rest.
    cons = sum(f.weight for f in found if f.kind is Kind.CON and f.rule_id not in replaceable)
    assert pros <= most
    assert cons >= least


def test_the_bound_sees_a_pro_pattern_coming(user_knowledge: KnowledgeBase) -> None:
    """Not vacuous: a pattern pro that completes is within the bound, and the bound is
    tight on it."""
    legs, pull, run = (PlannedDay.of(Activity(k)) for k in ("legs", "pull", "run"))
    goal = Goal("general")
    plan = [PlannedDay.REST, legs, pull, PlannedDay.REST, run]
    ids = [user_knowledge.day_id(day) for day in plan]
    found = transition_findings(user_knowledge, plan, ids, 4, goal)
    assert "pro-sequence" in {f.rule_id for f in found}
    most, _ = transition_bound(
        user_knowledge, PlannedDay.REST, run, goal, overridable(user_knowledge)
    )
    assert most >= sum(f.weight for f in found if f.kind is Kind.PRO) >= 6
    assert "training-days-in-a-row" in overridable(user_knowledge)
