"""suggest's contract beyond exactness: shape of the answer, context, pins, differences."""

from __future__ import annotations

from datetime import timedelta

import pytest

from planner.advice import judge
from planner.days import parse_day
from planner.plan import WeekPlan
from planner.suggest import (
    TIE_ORDER,
    SuggestError,
    SuggestRequest,
    arrangements,
    suggest,
    tie_key,
)
from planner.suggest.differences import MAX_PHRASES, describe_differences, moves
from planner.weeks import FirstWeekday, IsoWeek, shown_dates
from rules import Activity, Intensity, PlannedDay, Session, default_knowledge

PUSH, PULL, LEGS, RUN, REST = (Activity(name) for name in ("push", "pull", "legs", "run", "rest"))
MONDAY, SUNDAY = FirstWeekday.MONDAY, FirstWeekday.SUNDAY
W48 = IsoWeek(2026, 48)
HYBRID = SuggestRequest({PUSH: 1, PULL: 1, LEGS: 1, RUN: 2}, rest_min=1)


def plan(*days: Activity | PlannedDay) -> WeekPlan:
    held = tuple(day if isinstance(day, PlannedDay) else PlannedDay.of(day) for day in days)
    return WeekPlan(W48, MONDAY, held)


def test_tie_order_is_push_pull_legs_run_rest() -> None:
    assert TIE_ORDER == (PUSH, PULL, LEGS, RUN, REST)
    assert tie_key((PUSH, REST)) < tie_key((PULL, PUSH)) < tie_key((PULL, REST))


@pytest.mark.parametrize(("request_", "count"), [(HYBRID, 1260), (SuggestRequest({}), 1)])
def test_number_of_arrangements(request_: SuggestRequest, count: int) -> None:
    assert sum(1 for _ in arrangements(request_)) == count


def test_three_suggestions_best_first_with_the_panels_score() -> None:
    knowledge = default_knowledge()
    found = suggest(HYBRID, W48, MONDAY, [], [], knowledge)
    assert len(found) == 3
    scores = [suggestion.score for suggestion in found]
    assert scores == sorted(scores, reverse=True)
    for suggestion in found:
        assert suggestion.plan.week == W48 and suggestion.plan.first_weekday is MONDAY
        assert suggestion.score == judge(suggestion.plan, [], [], knowledge).evaluation.score
        assert sorted(suggestion.plan.activities) == sorted(
            [PUSH, PULL, LEGS, RUN, RUN, REST, REST]
        )
        assert 1 <= len(suggestion.differences) <= MAX_PHRASES


def test_top_and_fewer_candidates_than_asked() -> None:
    knowledge = default_knowledge()
    assert len(suggest(HYBRID, W48, MONDAY, [], [], knowledge, top=1)) == 1
    (only,) = suggest(SuggestRequest({RUN: 7}), W48, MONDAY, [], [], knowledge, top=5)
    assert only.plan.activities == (RUN,) * 7
    assert only.differences == ()
    with pytest.raises(ValueError, match="top must be at least 1"):
        suggest(HYBRID, W48, MONDAY, [], [], knowledge, top=0)


def test_pins_hold_in_a_sunday_first_week() -> None:
    request = SuggestRequest({PUSH: 1, PULL: 1, LEGS: 1, RUN: 2}, pins={0: REST, 6: RUN})
    for suggestion in suggest(request, W48, SUNDAY, [], [], default_knowledge()):
        assert suggestion.plan.first_weekday is SUNDAY
        assert suggestion.plan.activities[0] is REST and suggestion.plan.activities[6] is RUN
        assert suggestion.plan.dates[0].isoweekday() == 7


def test_the_day_before_the_week_changes_the_answer() -> None:
    """Legs on the Sunday before: Monday should not be legs or a run on tired legs."""
    knowledge = default_knowledge()
    sunday = shown_dates(W48, MONDAY)[0] - timedelta(days=1)
    request = SuggestRequest({LEGS: 1, RUN: 1, PUSH: 1}, pins={0: LEGS})
    fresh = suggest(request, W48, MONDAY, [(sunday, PlannedDay.of(REST))], [], knowledge)[0]
    tired = suggest(request, W48, MONDAY, [(sunday, PlannedDay.of(LEGS))], [], knowledge)[0]
    assert tired.score < fresh.score
    assert tired.evaluation.transitions[0].before.activity is LEGS


def test_impossible_request_raises_before_searching() -> None:
    with pytest.raises(SuggestError, match="8 sessions do not fit"):
        suggest(SuggestRequest({RUN: 8}), W48, MONDAY, [], [], default_knowledge())


def test_context_days_must_touch_the_week() -> None:
    dates = shown_dates(W48, MONDAY)
    knowledge = default_knowledge()
    with pytest.raises(ValueError, match="context before the week must end on 2026-11-22"):
        suggest(HYBRID, W48, MONDAY, [(dates[0] - timedelta(days=2), LEGS)], [], knowledge)
    with pytest.raises(ValueError, match="context after the week must start on 2026-11-30"):
        suggest(HYBRID, W48, MONDAY, [], [(dates[-1] + timedelta(days=2), LEGS)], knowledge)


def test_moves_say_where_sessions_went() -> None:
    this = plan(LEGS, PULL, REST, PUSH, REST, RUN, RUN)
    other = plan(PULL, LEGS, REST, PUSH, RUN, RUN, REST)
    assert moves(this, other) == [
        "pull on Tue instead of Mon",
        "legs on Mon instead of Tue",
        "run on Sun instead of Fri",
    ]
    assert moves(this, this) == []
    # Different sessions (never within one request, but the phrases still make sense).
    assert moves(plan(*[RUN] * 7), plan(*[RUN] * 6, REST)) == ["run on Sun too"]
    assert moves(plan(*[RUN] * 6, REST), plan(*[RUN] * 7)) == ["no run on Sun"]


def days_of(*words: str) -> WeekPlan:
    return WeekPlan(W48, MONDAY, tuple(parse_day(word) for word in words))


def test_moves_name_sessions_with_their_attributes_and_second_sessions() -> None:
    this = days_of("legs:heavy+run", "push", "rest", "legs", "pull,push", "run:long", "rest")
    other = days_of("legs+run", "push", "rest", "legs:heavy", "pull+push", "rest", "run:long")
    assert moves(this, other) == [
        "legs on Thu instead of Mon",
        "legs:heavy on Mon instead of Thu",
        "run:long on Sat instead of Sun",
    ]


def test_tie_order_with_attributes_and_two_sessions() -> None:
    """Activities first, day by day; then the first session's attribute, one session
    before two, the second session's kind and attribute, apart before together."""
    ordered = [
        ["push", "run"],
        ["push:light", "rest"],
        ["push", "rest"],
        ["push+pull", "rest"],
        ["push,pull", "rest"],
        ["push+run", "rest"],
        ["push+run:intervals", "rest"],
        ["push:heavy", "rest"],
        ["pull+push", "push"],
    ]
    keys = [tie_key([parse_day(word) for word in words]) for words in ordered]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


def test_differences_name_the_weighed_findings_only_one_week_gets() -> None:
    knowledge = default_knowledge()
    heavy = PlannedDay((Session(LEGS, intensity=Intensity.HEAVY),))
    tempo = parse_day("run:tempo")
    this = plan(heavy, tempo, REST, PUSH, REST, PULL, REST)
    other = plan(tempo, heavy, REST, PUSH, REST, PULL, REST)
    this_eval, other_eval = (judge(p, [], [], knowledge).evaluation for p in (this, other))
    lifted = next(
        f.text
        for t in this_eval.transitions
        for f in t.findings
        if f.rule_id == "hard-run-on-lifted-legs"
    )
    assert describe_differences(this, this_eval, other, other_eval) == (
        "legs:heavy on Mon instead of Tue",
        f"risks: {lifted}",
        "run:tempo on Tue instead of Mon",
    )
    assert describe_differences(other, other_eval, this, this_eval) == (
        "legs:heavy on Tue instead of Mon",
        f"avoids: {lifted}",
        "run:tempo on Mon instead of Tue",
    )
    assert describe_differences(this, this_eval, this, this_eval) == ()


def test_differences_say_risks_and_avoids_for_cons() -> None:
    knowledge = default_knowledge()
    this = plan(LEGS, LEGS, REST, PUSH, REST, PULL, REST)
    other = plan(LEGS, REST, LEGS, PUSH, REST, PULL, REST)
    this_eval, other_eval = (judge(p, [], [], knowledge).evaluation for p in (this, other))
    within_48h = next(
        f.text
        for t in this_eval.transitions
        for f in t.findings
        if f.rule_id == "legs-need-two-days"
    )
    assert f"risks: {within_48h}" in describe_differences(this, this_eval, other, other_eval)
    assert f"avoids: {within_48h}" in describe_differences(other, other_eval, this, this_eval)
