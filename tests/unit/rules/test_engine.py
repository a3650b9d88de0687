"""The engine itself: input checks, the score, determinism and purity."""

from __future__ import annotations

import builtins
import contextlib
import datetime
import io
import os
import socket
from collections.abc import Iterator

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from rules import (
    Activity,
    Day,
    Kind,
    PlannedDay,
    consecutive_days,
    default_knowledge,
    evaluate,
)

MONDAY = datetime.date(2026, 11, 23)


# -- Input ----------------------------------------------------------------------------------


def test_no_days_scores_zero() -> None:
    evaluation = evaluate([])
    assert evaluation.transitions == ()
    assert evaluation.week_findings == ()
    assert evaluation.score == 0
    assert evaluation.reasons == ()


def test_a_single_day_has_the_transition_into_it_and_week_findings() -> None:
    """The first day judged has a transition like every other, from an unplanned day, so
    what its own two sessions say counts."""
    day = PlannedDay.of(Activity.LEGS)
    evaluation = evaluate([Day(MONDAY, day)])
    (transition,) = evaluation.transitions
    assert transition.after.date == MONDAY and not transition.before.planned.is_planned
    assert evaluation.week_findings


@pytest.mark.parametrize(
    "dates",
    [
        [MONDAY, MONDAY + datetime.timedelta(days=2)],
        [MONDAY, MONDAY],
        [MONDAY + datetime.timedelta(days=1), MONDAY],
    ],
    ids=["gap", "repeat", "backwards"],
)
def test_days_must_be_consecutive_and_in_order(dates: list[datetime.date]) -> None:
    with pytest.raises(ValueError, match="consecutive"):
        evaluate([Day(date, PlannedDay.of(Activity.REST)) for date in dates])


def test_focus_must_not_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match="focus"):
        evaluate(
            [Day(MONDAY, PlannedDay.of(None))], focus=(MONDAY, MONDAY - datetime.timedelta(days=1))
        )


def test_date_subclasses_such_as_pendulum_dates_are_accepted() -> None:
    import pendulum

    days = [
        Day(pendulum.Date(2026, 11, 29), PlannedDay.of(Activity.LEGS)),
        Day(pendulum.Date(2026, 11, 30), PlannedDay.of(Activity.RUN)),
    ]
    plain = [
        Day(datetime.date(2026, 11, 29), PlannedDay.of(Activity.LEGS)),
        Day(datetime.date(2026, 11, 30), PlannedDay.of(Activity.RUN)),
    ]
    assert evaluate(days).transitions[0].findings == evaluate(plain).transitions[0].findings


# -- Score ----------------------------------------------------------------------------------


def test_the_score_is_the_sum_of_its_reasons() -> None:
    days = consecutive_days(
        MONDAY, [Activity(a) for a in ["legs", "legs", "rest", "push", "push", "run", "rest"]]
    )
    evaluation = evaluate(days)
    assert evaluation.score == sum(reason.points for reason in evaluation.reasons)
    counted = [f for t in evaluation.transitions for f in t.findings if f.kind is not Kind.TIP]
    counted += [f for f in evaluation.week_findings if f.kind is not Kind.TIP]
    assert evaluation.score == sum(f.points for f in counted)


def test_costs_beyond_what_the_week_delivers_are_a_reason_of_their_own() -> None:
    """Seven heavy leg days, each strained: the sum stays the score, 0."""
    days = consecutive_days(MONDAY, [Activity.LEGS] * 7)
    heavy = [Day(d.date, PlannedDay.of(Activity.LEGS)) for d in days]
    evaluation = evaluate(heavy)
    floor = [r for r in evaluation.reasons if r.finding.rule_id == "score-floor"]
    total = sum(r.points for r in evaluation.reasons if r.finding.rule_id != "score-floor")
    if total < 0:
        assert floor and floor[0].points == -total
    assert evaluation.score == max(total, 0)


@pytest.mark.parametrize(
    ("better", "worse"),
    [
        ("push rest legs pull rest run rest", "legs legs legs legs legs legs legs"),
        ("push pull legs rest push pull legs", "push push pull pull legs legs run"),
        ("legs pull rest push run rest rest", "legs run run run run run run"),
    ],
)
def test_sound_weeks_score_above_poor_ones(better: str, worse: str) -> None:
    def week_score(plan: str) -> int:
        return evaluate(consecutive_days(MONDAY, [Activity(a) for a in plan.split()])).score

    assert week_score(better) > week_score(worse)


# -- Determinism and purity ------------------------------------------------------------------

activities = st.one_of(st.none(), st.sampled_from(list(Activity)))


@st.composite
def periods(draw: st.DrawFn) -> tuple[list[Day], tuple[datetime.date, datetime.date] | None]:
    start = draw(st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2090, 1, 1)))
    plan = draw(st.lists(activities, max_size=21))
    days = list(consecutive_days(start, plan))
    if not days or draw(st.booleans()):
        return days, None
    first = draw(st.integers(0, len(days) - 1))
    last = draw(st.integers(first, len(days) - 1))
    return days, (days[first].date, days[last].date)


@contextlib.contextmanager
def no_io() -> Iterator[None]:
    """Inside: any attempt to open a file, stat a path or open a socket fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("evaluate touched the file system or network")

    with pytest.MonkeyPatch.context() as patch:
        for target, name in [
            (builtins, "open"),
            (io, "open"),
            (os, "open"),
            (os, "stat"),
            (os, "listdir"),
            (socket, "socket"),
        ]:
            patch.setattr(target, name, refuse)
        yield


@settings(max_examples=300, deadline=None)
@given(period=periods())
def test_random_periods_never_raise_are_deterministic_and_do_no_io(
    period: tuple[list[Day], tuple[datetime.date, datetime.date] | None],
) -> None:
    days, focus = period
    knowledge = default_knowledge()  # loading reads files; evaluating must not
    with no_io():
        first = evaluate(days, focus=focus)
        again = evaluate(list(days), focus=focus, knowledge=knowledge)
    assert again == first
    assert 0 <= first.score <= 100
    low, high = focus or ((days[0].date, days[-1].date) if days else (None, None))
    for transition in first.transitions:
        assert transition.after.date - transition.before.date == datetime.timedelta(days=1)
        assert low is not None and high is not None
        assert low <= transition.before.date <= high or low <= transition.after.date <= high
        # Nothing is said about a day that is not planned.
        if transition.after.activity is None:
            assert transition.findings == ()


@settings(max_examples=200, deadline=None)
@given(plan=st.lists(activities, min_size=14, max_size=14))
# A week of pushes after a streak from the week before: a week rule's overrides stop at the
# week's boundary, so they never change the transition it shares with the week before.
@example(plan=[None] * 3 + [Activity.PUSH] * 11)
# Push, rest, legs, pull, rest across the boundary: a pattern ending on Monday starts in
# the week before, which both weeks see (the planner judges with six days of context).
@example(
    plan=[None, None, Activity.PUSH, Activity.REST, Activity.LEGS, Activity.PULL, Activity.REST] * 2
)
def test_the_boundary_transition_is_the_same_from_either_week(plan: list[Activity | None]) -> None:
    days = consecutive_days(MONDAY, plan)
    sunday, next_monday = days[6].date, days[7].date
    this_week = evaluate(days, focus=(MONDAY, sunday))
    next_week = evaluate(days, focus=(next_monday, days[13].date))
    assert this_week.transitions[-1] == next_week.transitions[0]
    assert this_week.transitions[-1].after.date == next_monday


def test_transitions_only_gives_the_same_transitions_and_no_week_findings() -> None:
    days = consecutive_days(
        MONDAY, [Activity.LEGS, Activity.RUN, Activity.REST, Activity.PUSH, Activity.PULL]
    )
    whole = evaluate(days)
    transitions_only = evaluate(days, week=False)
    assert whole.week_findings and transitions_only.week_findings == ()
    assert transitions_only.transitions == whole.transitions
