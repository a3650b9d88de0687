"""suggest is exact: compared with brute force over all 5**7 weeks, scored by judge.

The brute force shares nothing with planner.suggest but the documented tie order: it filters
every possible week by the request and ranks the survivors with the panel's own scoring.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planner.suggest.search as suggest_module
from planner.advice import judge
from planner.plan import WeekPlan
from planner.suggest import SuggestRequest, arrangements, suggest
from planner.weeks import FirstWeekday, IsoWeek, shown_dates
from rules import Activity, KnowledgeBase, PlannedDay, default_knowledge, load_knowledge

PUSH, PULL, LEGS, RUN, REST = (Activity(name) for name in ("push", "pull", "legs", "run", "rest"))
ORDER = [PUSH, PULL, LEGS, RUN, REST]  # the documented tie order
SESSIONS = ORDER[:4]
WEEKS = [IsoWeek(2026, 48), IsoWeek(2027, 1), IsoWeek(2026, 53)]
Context = list[tuple[date, PlannedDay]]


@functools.cache
def every_week() -> tuple[tuple[tuple[Activity, ...], tuple[int, ...]], ...]:
    """All 5**7 fully planned weeks, each with its count of push, pull, legs, run, rest."""
    return tuple(
        (week, tuple(week.count(activity) for activity in ORDER))
        for week in itertools.product(ORDER, repeat=7)
    )


def satisfying(request: SuggestRequest) -> list[tuple[Activity, ...]]:
    wanted = [request.counts.get(activity, 0) for activity in SESSIONS]
    return [
        week
        for week, counts in every_week()
        if list(counts[:4]) == wanted
        and counts[4] >= request.rest_min
        and all(week[index] is activity for index, activity in request.pins.items())
    ]


def brute_force(
    request: SuggestRequest,
    week: IsoWeek,
    first: FirstWeekday,
    before: Context,
    after: Context,
    knowledge: KnowledgeBase,
) -> list[tuple[int, tuple[Activity, ...]]]:
    ranked = []
    for activities in satisfying(request):
        plan = WeekPlan.of_activities(week, first, activities)
        ranked.append((judge(plan, before, after, knowledge).evaluation.score, activities))
    ranked.sort(key=lambda item: (-item[0], [ORDER.index(a) for a in item[1]]))
    return ranked


def context(
    week: IsoWeek,
    first: FirstWeekday,
    before: Sequence[Activity | None],
    after: Sequence[Activity | None],
) -> tuple[Context, Context]:
    dates = shown_dates(week, first)
    start = dates[0] - timedelta(days=len(before))
    return (
        [(start + timedelta(days=i), PlannedDay.of(a)) for i, a in enumerate(before)],
        [(dates[-1] + timedelta(days=i + 1), PlannedDay.of(a)) for i, a in enumerate(after)],
    )


@st.composite
def requests(draw: st.DrawFn) -> SuggestRequest:
    """Satisfiable requests: counts and pins taken from one random week."""
    week = draw(st.lists(st.sampled_from(ORDER), min_size=7, max_size=7))
    counts = {activity: week.count(activity) for activity in SESSIONS}
    # Some requests leave a session out entirely rather than asking for 0 of it.
    counts = {a: n for a, n in counts.items() if n or draw(st.booleans())}
    pinned = draw(st.sets(st.integers(0, 6), max_size=3))
    rest_min = draw(st.integers(0, week.count(REST)))
    return SuggestRequest(counts, rest_min, {index: week[index] for index in pinned})


day_or_gap = st.one_of(st.none(), st.sampled_from(ORDER))


def assert_matches_brute_force(
    request: SuggestRequest,
    week: IsoWeek,
    first: FirstWeekday,
    before: Context,
    after: Context,
    knowledge: KnowledgeBase,
    *,
    allow_fallback: bool = False,
) -> None:
    expected = brute_force(request, week, first, before, after, knowledge)
    if allow_fallback:
        found = suggest(request, week, first, before, after, knowledge)
    else:
        # The safety net must not hide a wrong walk: here the walk alone has to be right.
        used = AssertionError("suggest fell back to evaluating every candidate")
        with mock.patch.object(suggest_module, "_rank_with_engine", side_effect=used):
            found = suggest(request, week, first, before, after, knowledge)
    assert [(s.score, s.plan.activities) for s in found] == expected[:3]
    for suggestion in found:
        assert suggestion.evaluation == judge(suggestion.plan, before, after, knowledge).evaluation


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    request=requests(),
    week=st.sampled_from(WEEKS),
    first=st.sampled_from(list(FirstWeekday)),
    before=st.lists(day_or_gap, max_size=3),
    after=st.lists(day_or_gap, max_size=2),
)
def test_top_three_equal_brute_force(
    request: SuggestRequest,
    week: IsoWeek,
    first: FirstWeekday,
    before: list[Activity | None],
    after: list[Activity | None],
) -> None:
    assert_matches_brute_force(
        request, week, first, *context(week, first, before, after), default_knowledge()
    )


@settings(max_examples=25, deadline=None)
@given(request=requests(), before=st.lists(day_or_gap, max_size=3))
def test_every_candidate_scores_as_the_panel_does(
    request: SuggestRequest, before: list[Activity | None]
) -> None:
    """Not just the top three: the walk's score of every arrangement is judge's."""
    week, first = WEEKS[0], FirstWeekday.MONDAY
    days_before, days_after = context(week, first, before, [PUSH, REST])
    knowledge = default_knowledge()
    dates = shown_dates(week, first)
    walked = suggest_module._score_all(
        request,
        [day.activity for _, day in days_before],
        knowledge,
        suggest_module._week_weights(request, dates, knowledge),
    )
    assert [week for _, week in walked] == list(arrangements(request))  # tie order
    for score, activities in walked:
        plan = WeekPlan.of_activities(week, first, activities)
        assert score == judge(plan, days_before, days_after, knowledge).evaluation.score


@settings(max_examples=60, deadline=None)
@given(request=requests())
def test_arrangements_are_exactly_the_satisfying_weeks_in_tie_order(
    request: SuggestRequest,
) -> None:
    assert list(arrangements(request)) == satisfying(request)  # both in tie order


REPRESENTATIVE = [
    SuggestRequest({PUSH: 1, PULL: 1, LEGS: 1, RUN: 2}, rest_min=1),
    SuggestRequest({PUSH: 1, PULL: 1, LEGS: 1, RUN: 2}, rest_min=1, pins={5: RUN, 6: REST}),
    SuggestRequest({PUSH: 2, PULL: 2, LEGS: 2, RUN: 1}),
    SuggestRequest({PUSH: 2, PULL: 2, LEGS: 1, RUN: 1}),
    SuggestRequest({RUN: 3, LEGS: 2}),
    SuggestRequest({}),
    SuggestRequest({RUN: 7}),
]


@pytest.mark.parametrize("request_", REPRESENTATIVE)
@pytest.mark.parametrize("before", [[], [LEGS, LEGS], [None, PULL]])
def test_representative_requests(request_: SuggestRequest, before: list[Activity | None]) -> None:
    week, first = WEEKS[0], FirstWeekday.MONDAY
    assert_matches_brute_force(
        request_, week, first, *context(week, first, before, [RUN]), default_knowledge()
    )


# Every pattern and week rule type, with spans reaching into the context days.
USER_RULES = """
disable = ["legs-pull-rest", "rest-days-balanced"]

[[rules]]
id = "long-sequence"
type = "sequence"
days = ["*", "legs", ["push", "pull"], "*", "run"]
kind = "pro"
text = "A long pattern"
detail = "Reaches into the days before the week."
source = "coaching"
weight = 6

[[rules]]
id = "three-day-gap"
type = "load_gap"
gap_days = 3
kind = "con"
text = "{Groups} again after 72 h"
detail = "A made-up con to test load gaps of three days."
source = "coaching"
weight = 3

[[rules]]
id = "short-streak"
type = "streak"
activities = ["run", "legs"]
min_days = 2
kind = "con"
text = "{days} lower-body days in a row"
detail = "Fires once per streak, which may start before the week."
source = "coaching"
weight = 5

[[rules]]
id = "few-pulls"
type = "compare"
first = "push"
op = ">"
second = "pull"
kind = "con"
text = "More push than pull"
detail = "A week rule: the same for every candidate of a request."
source = "coaching"
weight = 2

[[rules]]
id = "pull-then-run"
type = "pair"
before = "pull"
after = "run"
kind = "con"
text = "Pull then run"
detail = "A pair rule the shipped files lack."
source = "coaching"
weight = 7
"""


@pytest.fixture(scope="module")
def user_knowledge(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    path: Path = tmp_path_factory.mktemp("rules") / "rules.toml"
    path.write_text(USER_RULES, encoding="utf-8")
    return load_knowledge(path)


@pytest.mark.parametrize("request_", REPRESENTATIVE[:5])
@pytest.mark.parametrize("first", list(FirstWeekday))
def test_exact_with_user_rules(
    request_: SuggestRequest, first: FirstWeekday, user_knowledge: KnowledgeBase
) -> None:
    week = WEEKS[1]
    assert_matches_brute_force(
        request_, week, first, *context(week, first, [RUN, LEGS, PULL], [LEGS]), user_knowledge
    )


def test_falls_back_to_the_engine_if_the_walk_ever_disagrees(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A future engine change the walk does not mirror must not change the answer."""

    def wrong(*args: object) -> list[tuple[int, tuple[Activity, ...]]]:
        return [(100, week) for week in arrangements(args[0])]  # type: ignore[arg-type]

    monkeypatch.setattr(suggest_module, "_score_all", wrong)
    week, first = WEEKS[0], FirstWeekday.MONDAY
    assert_matches_brute_force(
        REPRESENTATIVE[0],
        week,
        first,
        *context(week, first, [LEGS], []),
        default_knowledge(),
        allow_fallback=True,
    )
