"""suggest is exact: compared with brute force, scored by judge.

The brute force shares nothing with planner.suggest but the documented tie order and what
makes two weeks the same suggestion (the same kinds of session on the same days): it
enumerates every assignment of the requested sessions to the days (rest, one session, or
with two a day two sessions of different kinds, apart), keeps those meeting the pins and
the rest minimum, ranks them with the panel's own scoring, and keeps the best of each
layout.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
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
from planner.suggest.exact import Search
from planner.suggest.search import tie_parts
from planner.weeks import FirstWeekday, IsoWeek, shown_dates
from rules import (
    DEFAULT_GOAL,
    Activity,
    Goal,
    Intensity,
    KnowledgeBase,
    PlannedDay,
    RunType,
    Session,
    default_knowledge,
    load_knowledge,
)

PUSH, PULL, LEGS, RUN, REST = (Activity(name) for name in ("push", "pull", "legs", "run", "rest"))
ORDER = [PUSH, PULL, LEGS, RUN, REST]  # the documented tie order
SESSIONS = ORDER[:4]
ATTRIBUTES = [*Intensity, *RunType]  # each kind's attributes in the documented order
WEEKS = [IsoWeek(2026, 48), IsoWeek(2027, 1), IsoWeek(2026, 53)]
Context = list[tuple[date, PlannedDay]]
Week = tuple[PlannedDay, ...]

HEAVY_LEGS = Session(LEGS, intensity=Intensity.HEAVY)
LIGHT_PUSH = Session(PUSH, intensity=Intensity.LIGHT)
INTERVALS = Session(RUN, run_type=RunType.INTERVALS)
LONG_RUN = Session(RUN, run_type=RunType.LONG)
# A few sessions with attributes besides the defaults, so that fillings repeat and differ.
SOME_SESSIONS = [Session(k) for k in SESSIONS] + [HEAVY_LEGS, LIGHT_PUSH, INTERVALS, LONG_RUN]


def tie(days: Sequence[PlannedDay]) -> tuple[object, ...]:
    """The documented tie order, written out again: the days' activities, then day by day
    the first session's attribute, one session before two, the second session's kind and
    attribute, apart before together."""

    def detail(day: PlannedDay) -> tuple[int, ...]:
        if not day.sessions:
            return ()
        first = ATTRIBUTES.index(day.sessions[0].attribute)
        if len(day.sessions) == 1:
            return (first, 0)
        second = day.sessions[1]
        return (first, 1, ORDER.index(second.kind), ATTRIBUTES.index(second.attribute))

    activities = tuple(ORDER.index(day.activity) for day in days if day.activity is not None)
    return (activities, *(detail(day) for day in days))


def every_assignment(request: SuggestRequest) -> Iterator[Week]:
    """Every week holding exactly the requested sessions: pins as given, other days rest,
    one session, or (two a day) two sessions of different kinds, apart."""
    wanted = Counter({s: n for s, n in request.counts.items() if n})
    for day in request.pins.values():
        wanted.subtract(day.sessions)
    if any(n < 0 for n in wanted.values()):
        return
    kinds = list(wanted)
    values: list[PlannedDay] = [PlannedDay.REST] + [PlannedDay((s,)) for s in kinds]
    if request.max_per_day == 2:
        values += [PlannedDay((a, b)) for a in kinds for b in kinds if a.kind is not b.kind]
    days: list[PlannedDay] = []

    def place(index: int) -> Iterator[Week]:
        if index == 7:
            if not +wanted:
                yield tuple(days)
            return
        pinned = request.pins.get(index)
        for value in [pinned] if pinned is not None else values:
            if pinned is None and any(wanted[s] <= 0 for s in value.sessions):
                continue
            if pinned is None:
                wanted.subtract(value.sessions)
            days.append(value)
            yield from place(index + 1)
            days.pop()
            if pinned is None:
                wanted.update(value.sessions)

    for week in place(0):
        if sum(1 for day in week if day.is_rest) >= request.rest_min:
            yield week


def brute_force(
    request: SuggestRequest,
    week: IsoWeek,
    first: FirstWeekday,
    before: Context,
    after: Context,
    knowledge: KnowledgeBase,
    goal: Goal = DEFAULT_GOAL,
) -> list[tuple[int, Week]]:
    ranked = []
    for days in every_assignment(request):
        plan = WeekPlan(week, first, days)
        ranked.append((judge(plan, before, after, knowledge, goal).evaluation.score, days))
    ranked.sort(key=lambda item: (-item[0], tie(item[1])))
    return ranked


def layout(days: Week) -> tuple[frozenset[Activity], ...]:
    """What makes two weeks the same suggestion: the kinds on each day."""
    return tuple(frozenset(day.kinds) for day in days)


def best_of_each_layout(ranked: list[tuple[int, Week]], top: int = 3) -> list[tuple[int, Week]]:
    chosen: list[tuple[int, Week]] = []
    seen: set[tuple[frozenset[Activity], ...]] = set()
    for score, days in ranked:
        if layout(days) not in seen:
            seen.add(layout(days))
            chosen.append((score, days))
    return chosen[:top]


def context(
    week: IsoWeek,
    first: FirstWeekday,
    before: Sequence[PlannedDay | Activity | None],
    after: Sequence[PlannedDay | Activity | None],
) -> tuple[Context, Context]:
    dates = shown_dates(week, first)
    start = dates[0] - timedelta(days=len(before))

    def day(value: PlannedDay | Activity | None) -> PlannedDay:
        return value if isinstance(value, PlannedDay) else PlannedDay.of(value)

    return (
        [(start + timedelta(days=i), day(a)) for i, a in enumerate(before)],
        [(dates[-1] + timedelta(days=i + 1), day(a)) for i, a in enumerate(after)],
    )


@st.composite
def days(draw: st.DrawFn, two: bool) -> PlannedDay:
    kind = draw(st.sampled_from(["rest", "one", "two"] if two else ["rest", "one"]))
    if kind == "rest":
        return PlannedDay.REST
    first = draw(st.sampled_from(SOME_SESSIONS))
    if kind == "one":
        return PlannedDay((first,))
    second = draw(st.sampled_from([s for s in SOME_SESSIONS if s.kind is not first.kind]))
    together = draw(st.booleans())
    return PlannedDay((first, second), together=together)


@st.composite
def requests(draw: st.DrawFn, most: int = 4) -> SuggestRequest:
    """Satisfiable requests, small enough for brute force: counts and pins taken from one
    random week of at most ``most`` sessions (with two a day, pins may hold two together)."""
    two = draw(st.booleans())
    week = draw(st.lists(days(two), min_size=7, max_size=7))
    while sum(len(day.sessions) for day in week) > most:
        index = max(range(7), key=lambda i: len(week[i].sessions))
        week[index] = PlannedDay.REST
    counts = Counter(session for day in week for session in day.sessions)
    # Some requests name a default session by its kind, and some ask for 0 of a session.
    written: dict[Session | Activity, int] = {
        (s.kind if s.is_default and draw(st.booleans()) else s): n for s, n in counts.items()
    }
    unused = [s for s in SOME_SESSIONS if s not in counts]
    if unused and draw(st.booleans()):
        written[draw(st.sampled_from(unused))] = 0
    pinned = draw(st.sets(st.integers(0, 6), max_size=2))
    rest_min = draw(st.integers(0, sum(1 for day in week if day.is_rest)))
    pins = {index: week[index] for index in pinned}
    return SuggestRequest(written, rest_min, pins, 2 if two else 1)  # type: ignore[arg-type]


# Context days: unplanned, an activity at its defaults, or any day (attributes, two sessions).
day_or_gap = st.one_of(st.none(), st.sampled_from(ORDER), days(True))


def assert_matches_brute_force(
    request: SuggestRequest,
    week: IsoWeek,
    first: FirstWeekday,
    before: Context,
    after: Context,
    knowledge: KnowledgeBase,
    *,
    goal: Goal = DEFAULT_GOAL,
    allow_fallback: bool = False,
) -> None:
    expected = best_of_each_layout(
        brute_force(request, week, first, before, after, knowledge, goal)
    )
    if allow_fallback:
        found = suggest(request, week, first, before, after, knowledge, goal=goal)
    else:
        # The safety net must not hide a wrong search: here the search alone has to be right.
        used = AssertionError("suggest fell back to evaluating every candidate")
        with mock.patch.object(suggest_module, "_rank_with_engine", side_effect=used):
            found = suggest(request, week, first, before, after, knowledge, goal=goal)
    assert [(s.score, s.plan.days) for s in found] == expected
    for suggestion in found:
        judged = judge(suggestion.plan, before, after, knowledge, goal)
        assert suggestion.evaluation == judged.evaluation


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    request=requests(),
    week=st.sampled_from(WEEKS),
    first=st.sampled_from(list(FirstWeekday)),
    before=st.lists(day_or_gap, max_size=5),
    after=st.lists(day_or_gap, max_size=2),
    goal=st.sampled_from(list(Goal)),
)
def test_top_three_equal_brute_force(
    request: SuggestRequest,
    week: IsoWeek,
    first: FirstWeekday,
    before: list[PlannedDay | None],
    after: list[PlannedDay | None],
    goal: Goal,
) -> None:
    """Attributes, two-session days, pins of one or two sessions and goals included."""
    assert_matches_brute_force(
        request, week, first, *context(week, first, before, after), default_knowledge(), goal=goal
    )


def search_everything(
    request: SuggestRequest, before: Context, knowledge: KnowledgeBase, goal: Goal
) -> list[tuple[int, Week]]:
    """The search asked for every arrangement: nothing can be pruned, all are ranked."""
    search = Search(request, [day for _, day in before], knowledge, goal, tie_parts)
    found, complete = search.best(lambda found: False)
    assert complete
    return [(min(max(f.raw, 0), 100), f.days) for f in found]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    request=requests(most=3),
    before=st.lists(day_or_gap, max_size=3),
    goal=st.sampled_from(list(Goal)),
)
def test_every_arrangement_scores_as_the_panel_does(
    request: SuggestRequest, before: list[PlannedDay | None], goal: Goal
) -> None:
    """Not just the top three: every week the search finds scores as the panel does, and
    it finds them best first, ties in tie order."""
    week, first = WEEKS[0], FirstWeekday.MONDAY
    days_before, days_after = context(week, first, before, [PUSH, REST])
    knowledge = default_knowledge()
    searched = search_everything(request, days_before, knowledge, goal)
    expected = brute_force(request, week, first, days_before, days_after, knowledge, goal)
    assert sorted(searched, key=lambda item: (-item[0], tie(item[1]))) == expected
    raws = [f for f in searched if 0 < f[0] < 100]
    assert raws == sorted(raws, key=lambda item: (-item[0], tie(item[1])))


@settings(max_examples=60, deadline=None)
@given(request=requests())
def test_arrangements_are_exactly_every_assignment_in_tie_order(
    request: SuggestRequest,
) -> None:
    assert list(arrangements(request)) == sorted(every_assignment(request), key=tie)


def two_a_day(counts: dict[Session | Activity, int], **more: object) -> SuggestRequest:
    return SuggestRequest(counts, max_per_day=2, **more)  # type: ignore[arg-type]


REPRESENTATIVE = [
    SuggestRequest({PUSH: 1, PULL: 1, LEGS: 1, RUN: 2}, rest_min=1),
    SuggestRequest({PUSH: 1, PULL: 1, LEGS: 1, RUN: 2}, rest_min=1, pins={5: RUN, 6: REST}),
    SuggestRequest({PUSH: 2, PULL: 2, LEGS: 1, RUN: 1}),
    SuggestRequest({HEAVY_LEGS: 1, INTERVALS: 1, RUN: 2, PUSH: 1, PULL: 1}),
    two_a_day({HEAVY_LEGS: 1, RUN: 2, PUSH: 1}, rest_min=3),
    two_a_day(
        {HEAVY_LEGS: 1, LONG_RUN: 1, LEGS: 1, INTERVALS: 1, PULL: 1},
        pins={0: PlannedDay((HEAVY_LEGS, LONG_RUN))},
    ),
    two_a_day(
        {PUSH: 1, PULL: 1, RUN: 2},
        pins={2: PlannedDay((Session(PUSH), Session(PULL)), together=True)},
    ),
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
disable = ["push-rest-legs-pull-rest", "rest-days"]

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
id = "lower-body-streak-pro"
type = "streak"
activities = ["run", "legs"]
min_days = 3
kind = "pro"
text = "A made-up pro streak"
detail = "Reads the day before the streak: probed with one day more than its span."
source = "coaching"
weight = 2

[[rules]]
id = "seven-day-pro"
type = "sequence"
days = ["*", "*", ["run", "rest"], "*", "*", "*", ["pull", "rest", "run"]]
kind = "pro"
text = "A made-up week-long pattern"
detail = "Too long to probe: the bound counts it on every transition."
source = "coaching"
weight = 1

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


@pytest.mark.parametrize("request_", REPRESENTATIVE[:8])
@pytest.mark.parametrize("first", list(FirstWeekday))
def test_exact_with_user_rules(
    request_: SuggestRequest, first: FirstWeekday, user_knowledge: KnowledgeBase
) -> None:
    week = WEEKS[1]
    assert_matches_brute_force(
        request_, week, first, *context(week, first, [RUN, LEGS, PULL], [LEGS]), user_knowledge
    )


# The same rules, weighed differently per goal: a pair that does not speak for endurance, a
# pattern silent for hybrid, a week rule that weighs more for muscle.
GOAL_RULES = (
    USER_RULES.replace(
        'text = "Pull then run"',
        'text = "Pull then run"\ngoal_weights = { endurance = 0, strength = 10 }',
    )
    .replace(
        'text = "A made-up week-long pattern"',
        'text = "A made-up week-long pattern"\ngoal_weights = { hybrid = 0, muscle = 6 }',
    )
    .replace(
        'text = "More push than pull"',
        'text = "More push than pull"\ngoal_weights = { muscle = 9 }',
    )
)


@pytest.fixture(scope="module")
def goal_knowledge(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    path: Path = tmp_path_factory.mktemp("rules") / "rules.toml"
    path.write_text(GOAL_RULES, encoding="utf-8")
    knowledge = load_knowledge(path)
    assert knowledge._by_id["pull-then-run"].weights[Goal.STRENGTH] == 10  # the rules read
    return knowledge


@pytest.mark.parametrize("goal", list(Goal))
@pytest.mark.parametrize("request_", REPRESENTATIVE[:6])
def test_exact_for_every_goal(
    request_: SuggestRequest, goal: Goal, goal_knowledge: KnowledgeBase
) -> None:
    """The search weighs every finding as the engine does for the goal, alone (no
    fallback)."""
    week, first = WEEKS[1], FirstWeekday.MONDAY
    assert_matches_brute_force(
        request_,
        week,
        first,
        *context(week, first, [RUN, LEGS, PULL], [LEGS]),
        goal_knowledge,
        goal=goal,
    )


def test_the_goal_changes_the_suggestions(goal_knowledge: KnowledgeBase) -> None:
    week, first = WEEKS[1], FirstWeekday.MONDAY
    request = SuggestRequest({PULL: 2, RUN: 2})
    found = {
        goal: [
            s.plan.days for s in suggest(request, week, first, [], [], goal_knowledge, goal=goal)
        ]
        for goal in (Goal.ENDURANCE, Goal.STRENGTH)
    }
    assert found[Goal.ENDURANCE] != found[Goal.STRENGTH]


def test_falls_back_to_the_engine_if_the_search_ever_disagrees(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A future engine change the search does not mirror must not change the answer."""
    from planner.suggest.exact import Found

    def wrong(self: object, enough: object, deadline: object = None) -> tuple[list[Found], bool]:
        return [Found(99, week) for week in list(arrangements(REPRESENTATIVE[4]))[:3]], True

    monkeypatch.setattr(Search, "best", wrong)
    week, first = WEEKS[0], FirstWeekday.MONDAY
    assert_matches_brute_force(
        REPRESENTATIVE[4],
        week,
        first,
        *context(week, first, [LEGS], []),
        default_knowledge(),
        allow_fallback=True,
    )
