"""Suggest: the best arrangements of the sessions a user wants, under the rules' score.

The score is exactly the one the panel shows, ``judge(plan, before, after).evaluation.score``.
Ties in it go to the week whose activities, read from the first shown day, come first in
the order push, pull, legs, run, rest (``TIE_ORDER``), so the answer never depends on
anything but the request and the context.

How it stays exact and fast. Every arrangement satisfying the request is scored; none is
skipped. The engine's score is ``score(P, C)`` where P and C sum the weights of pro and con
findings of (a) the week and (b) each transition into a shown day. For the candidates of one
request:

- (a) week findings depend only on how many days hold each activity in the shown week,
  which the request fixes: they are the same for every candidate, computed once by the
  engine itself;
- (b) a transition's findings are ``knowledge.pair_findings[(before, after)]`` plus each
  pattern rule's ``check(days, index)``, both reading only the days up to the transition's
  later day (a pattern's finding belongs to the transition that completes it). So a
  depth-first walk over the days, in order, can add each transition's weights once per
  distinct prefix and share them among all arrangements that start alike; it calls the same
  ``check`` functions the engine calls, on the same days (context first).

Tips weigh 0 and are skipped. The walk visits each prefix once: at most a few thousand
nodes instead of evaluating up to 1260 whole weeks. The returned suggestions are then
evaluated with ``judge`` (their ``evaluation`` is what the panel will show); if a
score ever disagreed with the walk's (the engine changed in a way this module does not
mirror), the whole ranking is redone with ``judge`` on every candidate: slower, still
exact. Tests compare the result with brute force over all 5**7 weeks.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import cast

from planner.advice import judge
from planner.days import ACTIVITIES, DAYS_IN_WEEK
from planner.plan import DatedDay, WeekPlan
from planner.suggest.differences import describe_differences
from planner.suggest.request import SuggestRequest, check_request
from planner.weeks import FirstWeekday, IsoWeek, shown_dates
from rules import (
    Activity,
    Day,
    Evaluation,
    Finding,
    Kind,
    KnowledgeBase,
    PlannedDay,
    evaluate,
    score,
)

TIE_ORDER: tuple[Activity, ...] = ACTIVITIES
_RANK = {activity: rank for rank, activity in enumerate(TIE_ORDER)}

ContextDays = Sequence[DatedDay]
Week = tuple[Activity, ...]
Check = Callable[[Sequence[Activity | None], int], Finding | None]


@dataclass(frozen=True)
class Suggestion:
    """One suggested week: the plan, its score and evaluation (exactly what the panel will
    show once applied), and 1-3 short phrases on how it differs from the best suggestion
    (for the best one: from the runner-up; empty when there is no other)."""

    plan: WeekPlan
    score: int
    evaluation: Evaluation
    differences: tuple[str, ...]


def tie_key(activities: Sequence[Activity | None]) -> tuple[int, ...]:
    """Sort key among equal scores: earlier in TIE_ORDER, day by day, comes first."""
    return tuple(len(TIE_ORDER) if a is None else _RANK[a] for a in activities)


def _remaining(request: SuggestRequest) -> dict[Activity, int]:
    remaining = {activity: request.count(activity) for activity in TIE_ORDER}
    for activity in request.pins.values():
        remaining[activity] -= 1
    return remaining


def arrangements(
    request: SuggestRequest, first: FirstWeekday = FirstWeekday.MONDAY
) -> Iterator[Week]:
    """Every fully planned week satisfying ``request``, in tie order (activities in
    displayed order). Raises SuggestError if there is none."""
    check_request(request, first)
    remaining = _remaining(request)
    week: list[Activity] = []

    def place(depth: int) -> Iterator[Week]:
        if depth == DAYS_IN_WEEK:
            yield tuple(week)
            return
        pinned = request.pins.get(depth)
        for activity in (pinned,) if pinned is not None else TIE_ORDER:
            if pinned is None and not remaining[activity]:
                continue
            step = 1 if pinned is None else 0
            remaining[activity] -= step
            week.append(activity)
            yield from place(depth + 1)
            week.pop()
            remaining[activity] += step

    yield from place(0)


def _check_context(dates: Sequence[date], before: ContextDays, after: ContextDays) -> None:
    expected = dates[0] - timedelta(days=len(before))
    for offset, (day, _) in enumerate(before):
        if day != expected + timedelta(days=offset):
            raise ValueError(f"context before the week must end on {dates[0] - timedelta(1)}")
    for offset, (day, _) in enumerate(after, start=1):
        if day != dates[-1] + timedelta(days=offset):
            raise ValueError(f"context after the week must start on {dates[-1] + timedelta(1)}")


def _week_weights(
    request: SuggestRequest, dates: Sequence[date], knowledge: KnowledgeBase
) -> tuple[int, int]:
    """(P, C) of the week findings, the same for every candidate: ask the engine once."""
    sample = next(arrangements(request))
    days = [Day(day, PlannedDay.of(activity)) for day, activity in zip(dates, sample, strict=True)]
    findings = evaluate(days, knowledge=knowledge).week_findings
    return _weights(findings)


def _weights(findings: Sequence[Finding]) -> tuple[int, int]:
    """(P, C): summed weights of the pros and of the cons, as the engine counts them."""
    pro = con = 0
    for finding in findings:
        if finding.kind is Kind.PRO:
            pro += finding.weight
        elif finding.kind is Kind.CON:
            con += finding.weight
    return pro, con


def _score_all(
    request: SuggestRequest,
    context: Sequence[Activity | None],
    knowledge: KnowledgeBase,
    week_weights: tuple[int, int],
) -> list[tuple[int, Week]]:
    """(score, week) for every arrangement, in tie order (the order ``arrangements``
    yields them), walking the days one by one (see the module docstring)."""
    pair_weights = {pair: _weights(found) for pair, found in knowledge.pair_findings.items()}
    # (first index the engine checks the pattern at, its check); tips weigh nothing.
    patterns: list[tuple[int, Check]] = [
        (pattern.span - 1, pattern.check)
        for pattern in knowledge.pattern_rules
        if pattern.rule.weight
    ]
    offset = len(context)
    days: list[Activity | None] = [*context, *([None] * DAYS_IN_WEEK)]
    remaining = _remaining(request)
    pins = request.pins
    results: list[tuple[int, Week]] = []

    def place(index: int, pro: int, con: int) -> None:
        if index == offset + DAYS_IN_WEEK:
            results.append((score(pro, con), cast(Week, tuple(days[offset:]))))
            return
        previous = days[index - 1] if index else None
        pinned = pins.get(index - offset)
        for activity in (pinned,) if pinned is not None else TIE_ORDER:
            if pinned is None and not remaining[activity]:
                continue
            days[index] = activity
            more_pro, more_con = pro, con
            # The engine finds nothing on a transition touching an unplanned day.
            if previous is not None:
                pair_pro, pair_con = pair_weights[(previous, activity)]
                more_pro += pair_pro
                more_con += pair_con
                for reach, check in patterns:
                    if index >= reach:
                        found = check(days, index)
                        if found is not None:
                            found_pro, found_con = _weights((found,))
                            more_pro += found_pro
                            more_con += found_con
            step = 1 if pinned is None else 0
            remaining[activity] -= step
            place(index + 1, more_pro, more_con)
            remaining[activity] += step
        days[index] = None

    place(offset, *week_weights)
    return results


def suggest(
    request: SuggestRequest,
    week: IsoWeek,
    first: FirstWeekday,
    before: ContextDays,
    after: ContextDays,
    knowledge: KnowledgeBase,
    top: int = 3,
) -> list[Suggestion]:
    """The ``top`` best fully planned weeks for ``request``, best first.

    ``before``/``after``: the consecutive (date, activity) days just outside the shown week,
    as the week screen passes them to ``judge`` (``PlanningSession.view``); the
    days before shape the boundary transition and patterns starting before the week.
    Raises SuggestError for an impossible request, ValueError for misplaced context days.
    """
    if top < 1:
        raise ValueError(f"top must be at least 1 (got {top})")
    check_request(request, first)
    dates = shown_dates(week, first)
    _check_context(dates, before, after)
    context = [day.activity for _, day in before]
    ranked = _score_all(request, context, knowledge, _week_weights(request, dates, knowledge))
    # The walk yields weeks in tie order and nsmallest is stable (it equals
    # sorted(...)[:top]), so equal scores keep that order without a second key.
    best = heapq.nsmallest(top, ranked, key=lambda item: -item[0])
    plans = [WeekPlan.of_activities(week, first, activities) for _, activities in best]
    evaluations = [judge(plan, before, after, knowledge).evaluation for plan in plans]
    if any(e.score != s for e, (s, _) in zip(evaluations, best, strict=True)):
        plans, evaluations = _rank_with_engine(request, week, first, before, after, knowledge, top)
    return _with_differences(plans, evaluations)


def _rank_with_engine(
    request: SuggestRequest,
    week: IsoWeek,
    first: FirstWeekday,
    before: ContextDays,
    after: ContextDays,
    knowledge: KnowledgeBase,
    top: int,
) -> tuple[list[WeekPlan], list[Evaluation]]:
    """The slow, obviously exact ranking: judge on every candidate."""
    scored = []
    for activities in arrangements(request, first):
        plan = WeekPlan.of_activities(week, first, activities)
        scored.append((plan, judge(plan, before, after, knowledge).evaluation))
    scored.sort(key=lambda item: (-item[1].score, tie_key(item[0].activities)))
    return [plan for plan, _ in scored[:top]], [e for _, e in scored[:top]]


def _with_differences(plans: list[WeekPlan], evaluations: list[Evaluation]) -> list[Suggestion]:
    suggestions = []
    for index, (plan, evaluation) in enumerate(zip(plans, evaluations, strict=True)):
        other = 1 if index == 0 else 0
        differences: tuple[str, ...] = ()
        if other < len(plans):
            differences = describe_differences(plan, evaluation, plans[other], evaluations[other])
        suggestions.append(Suggestion(plan, evaluation.score, evaluation, differences))
    return suggestions
