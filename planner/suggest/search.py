"""Suggest: the best arrangements of the sessions a user wants, under the rules' score.

The score is exactly the one the panel shows, ``judge(plan, before, after, knowledge,
goal).evaluation.score``. The search (``planner.suggest.exact``) is a best-first search
over the days that asks the engine's own per-transition and week functions, never a rule
of its own; the weeks it returns are then judged, and if a score ever disagreed with the
search's (the engine changed in a way it does not follow), every arrangement is judged
instead (``_rank_with_engine``): slower, still exact.

The three suggestions are three different weeks: two arrangements that put the same kinds
of session on the same days (``layout``), differing only in an intensity, a run type or
the order of a day's two sessions, are one suggestion, the better of them.

Tie order (``tie_key``), so the answer never depends on anything but the request and the
context: among equal scores, first the week whose days' activities (a day's first session's
kind, or rest), read from the first shown day, come first in the order push, pull, legs,
run, rest (``TIE_ORDER``); then, day by day, the first session's attribute (light,
moderate, heavy; easy, long, tempo, intervals), one session before two, then the second
session in the same orders.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from planner.advice import judge
from planner.days import ACTIVITIES, DAYS_IN_WEEK, SESSIONS
from planner.plan import DatedDay, WeekPlan
from planner.suggest.differences import describe_differences
from planner.suggest.exact import Found, Search
from planner.suggest.request import (
    SuggestRequest,
    check_request,
    fewest_session_days,
    session_key,
)
from planner.weeks import FirstWeekday, IsoWeek, shown_dates
from rules import (
    DEFAULT_GOAL,
    Activity,
    Evaluation,
    Finding,
    Goal,
    KnowledgeBase,
    PlannedDay,
    Session,
)

TIE_ORDER: tuple[Activity, ...] = ACTIVITIES
_RANK = {activity: rank for rank, activity in enumerate(TIE_ORDER)}
REST = Activity.REST

ContextDays = Sequence[DatedDay]
Week = tuple[PlannedDay, ...]
Seen = tuple[Activity, ...]
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


def _detail(day: PlannedDay) -> tuple[int, ...]:
    if not day.sessions:
        return ()
    first = session_key(day.sessions[0])[1]
    if len(day.sessions) == 1:
        return (first, 0)
    return (first, 1, *session_key(day.sessions[1]), int(day.together))


def tie_parts(day: PlannedDay) -> tuple[int, tuple[int, ...]]:
    """A day's place in the tie order: the rank of its activity (unplanned last), and its
    detail (attributes, second session)."""
    rank = len(TIE_ORDER) if day.activity is None else _RANK[day.activity]
    return rank, _detail(day)


def tie_key(days: Sequence[PlannedDay | Activity | None]) -> tuple[tuple[int, ...], ...]:
    """Sort key among equal scores (see the module docstring): the days' activities in
    TIE_ORDER, then their attributes and second sessions, day by day."""
    held = [day if isinstance(day, PlannedDay) else PlannedDay.of(day) for day in days]
    parts = [tie_parts(day) for day in held]
    return (tuple(rank for rank, _ in parts), *(detail for _, detail in parts))


def layout(days: Sequence[PlannedDay]) -> tuple[tuple[Activity, ...], ...]:
    """What a week is to the user: the kinds of session on each day, whatever their
    intensities, run types or order in the day."""
    return tuple(tuple(sorted(day.kinds, key=_RANK.__getitem__)) for day in days)


@dataclass(frozen=True)
class _Shape:
    """What a request leaves to fill: the free days, how many first sessions each kind may
    have on them, and how many of them may be rest."""

    pins: dict[int, PlannedDay]
    left: Counter[Session]  # sessions still to place on free days
    per_kind: dict[Activity, int]
    rest_low: int  # free rest days: at least...
    rest_high: int  # ...and at most
    pinned_rest: int
    two: bool

    @classmethod
    def of(cls, request: SuggestRequest) -> _Shape:
        pins = dict(request.pins)
        left = +request.free_counts()
        per_kind = {kind: 0 for kind in SESSIONS}
        for session, number in left.items():
            per_kind[session.kind] += number
        free = DAYS_IN_WEEK - len(pins)
        pinned_rest = sum(1 for day in pins.values() if day.is_rest)
        sessions = sum(left.values())
        rest_high = free - fewest_session_days(left, request.max_per_day)
        rest_low = max(0, free - sessions, request.rest_min - pinned_rest)
        return cls(pins, left, per_kind, rest_low, rest_high, pinned_rest, request.max_per_day == 2)

    def rest_counts(self) -> range:
        """Every number of rest days an arrangement may have."""
        return range(self.pinned_rest + self.rest_low, self.pinned_rest + self.rest_high + 1)


def _seen_weeks(shape: _Shape) -> Iterator[Seen]:
    """Every seen week the requested sessions can fill, in tie order."""
    budget = dict(shape.per_kind)
    week: list[Activity] = []
    free_after = [
        sum(1 for j in range(i, DAYS_IN_WEEK) if j not in shape.pins)
        for i in range(DAYS_IN_WEEK + 1)
    ]

    def place(index: int, rests: int) -> Iterator[Seen]:
        if index == DAYS_IN_WEEK:
            yield tuple(week)
            return
        pinned = shape.pins.get(index)
        if pinned is not None:
            assert pinned.activity is not None
            week.append(pinned.activity)
            yield from place(index + 1, rests)
            week.pop()
            return
        for activity in TIE_ORDER:
            if activity is REST:
                if rests >= shape.rest_high:
                    continue
                week.append(activity)
                yield from place(index + 1, rests + 1)
                week.pop()
                continue
            if not budget[activity] or rests + free_after[index + 1] < shape.rest_low:
                continue
            budget[activity] -= 1
            week.append(activity)
            yield from place(index + 1, rests)
            week.pop()
            budget[activity] += 1

    yield from place(0, 0)


def _fillings(shape: _Shape, seen: Seen) -> Iterator[Week]:
    """Every arrangement of the requested sessions whose seen week is ``seen``, in tie
    order: on each free training day its first session (of the seen kind), then nothing
    or, with two a day, a second session of another kind."""
    left = Counter(shape.left)
    options = {
        kind: sorted((s for s in left if s.kind is kind), key=session_key) for kind in SESSIONS
    }
    free = [i for i in range(DAYS_IN_WEEK) if i not in shape.pins]
    # For each position in ``free``: the first kinds of the training days from there on.
    firsts_from = [Counter(seen[i] for i in free[j:] if seen[i] is not REST) for j in range(8)]
    days: list[PlannedDay] = [shape.pins.get(i, PlannedDay.UNPLANNED) for i in range(7)]

    def can_fill(position: int) -> bool:
        firsts = firsts_from[position]
        training = sum(firsts.values())
        total = 0
        for kind in SESSIONS:
            remaining = sum(left[s] for s in options[kind])
            total += remaining
            if remaining < firsts[kind] or (not shape.two and remaining != firsts[kind]):
                return False
            if remaining > training:
                return False
        return total <= 2 * training

    def place(position: int) -> Iterator[Week]:
        if position == len(free):
            yield tuple(days)
            return
        index = free[position]
        kind = seen[index]
        if kind is REST:
            days[index] = PlannedDay.REST
            yield from place(position + 1)
            return
        for first in options[kind]:
            if not left[first]:
                continue
            left[first] -= 1
            seconds: list[Session | None] = [None]
            if shape.two:
                seconds += [s for k in SESSIONS if k is not kind for s in options[k]]
            for second in seconds:
                if second is not None:
                    if not left[second]:
                        continue
                    left[second] -= 1
                if can_fill(position + 1):
                    days[index] = PlannedDay((first,) if second is None else (first, second))
                    yield from place(position + 1)
                if second is not None:
                    left[second] += 1
            left[first] += 1

    yield from place(0)


def arrangements(
    request: SuggestRequest, first: FirstWeekday = FirstWeekday.MONDAY
) -> Iterator[Week]:
    """Every fully planned week satisfying ``request``, in tie order (days in displayed
    order). Raises SuggestError if there is none."""
    check_request(request, first)
    shape = _Shape.of(request)
    for seen in _seen_weeks(shape):
        yield from _fillings(shape, seen)


def _check_context(dates: Sequence[date], before: ContextDays, after: ContextDays) -> None:
    expected = dates[0] - timedelta(days=len(before))
    for offset, (day, _) in enumerate(before):
        if day != expected + timedelta(days=offset):
            raise ValueError(f"context before the week must end on {dates[0] - timedelta(1)}")
    for offset, (day, _) in enumerate(after, start=1):
        if day != dates[-1] + timedelta(days=offset):
            raise ValueError(f"context after the week must start on {dates[-1] + timedelta(1)}")


def suggest(
    request: SuggestRequest,
    week: IsoWeek,
    first: FirstWeekday,
    before: ContextDays,
    after: ContextDays,
    knowledge: KnowledgeBase,
    top: int = 3,
    goal: Goal = DEFAULT_GOAL,
    time_limit: float | None = None,
) -> Suggestions:
    """The ``top`` best fully planned weeks for ``request``, best first.

    ``before``/``after``: the consecutive (date, day) pairs just outside the shown week,
    as the week screen passes them to ``judge`` (``PlanningSession.view``); the
    days before shape the boundary transition and patterns starting before the week.
    ``time_limit``: seconds the search may take; past them it returns the best weeks found
    so far, and ``complete`` says so (False: they may not be the best).
    Raises SuggestError for an impossible request, ValueError for misplaced context days.
    """
    if top < 1:
        raise ValueError(f"top must be at least 1 (got {top})")
    check_request(request, first)
    dates = shown_dates(week, first)
    _check_context(dates, before, after)
    deadline = None if time_limit is None else time.monotonic() + time_limit
    search = Search(request, [day for _, day in before], knowledge, goal, tie_parts)
    chosen, complete = _choose(search, request, first, top, deadline)
    plans = [WeekPlan(week, first, days) for days, _ in chosen]
    evaluations = [judge(plan, before, after, knowledge, goal).evaluation for plan in plans]
    if not complete:
        ranked = sorted(zip(plans, evaluations, strict=True), key=lambda p: -p[1].score)
        plans, evaluations = [p for p, _ in ranked], [e for _, e in ranked]
    elif [e.score for e in evaluations] != [score for _, score in chosen]:
        # The engine changed in a way the search does not follow: slower, still exact.
        plans, evaluations = _rank_with_engine(
            request, week, first, before, after, knowledge, top, goal
        )
    return Suggestions(_with_differences(plans, evaluations), complete)


# Seconds a search may take by default (the command line and the dialog): then the best
# found is shown, saying it may not be the best.
TIME_LIMIT = 2.0


class Suggestions(list[Suggestion]):
    """The suggestions, best first; ``complete`` is False when the time limit stopped the
    search: they are the best found, maybe not the best there are."""

    def __init__(self, found: Iterable[Suggestion] = (), complete: bool = True) -> None:
        super().__init__(found)
        self.complete = complete


def unfinished(time_limit: float) -> str:
    """What to say when the time limit stopped the search."""
    return (
        f"The best found in {time_limit:g} s; it may not be the best: ask for fewer "
        "different sessions, pin some days, or allow more time."
    )


def keep_yours(current: int, suggestions: Sequence[Suggestion]) -> str | None:
    """``Your week scores 76; the best arrangement of these sessions scores 63: keep
    yours?`` when the shown week already scores above every suggestion."""
    if not suggestions or current <= suggestions[0].score:
        return None
    return (
        f"Your week scores {current}; the best arrangement of these sessions scores "
        f"{suggestions[0].score}: keep yours?"
    )


SCORE_MAX = 100


def _score(raw: int) -> int:
    return min(max(raw, 0), SCORE_MAX)


def _choose(
    search: Search,
    request: SuggestRequest,
    first: FirstWeekday,
    top: int,
    deadline: float | None = None,
) -> tuple[list[tuple[Week, int]], bool]:
    """The best week of each of the ``top`` best layouts, best first, ties in tie order,
    with the score the search found for it; and whether the search finished."""

    seen: set[tuple[tuple[Activity, ...], ...]] = set()

    def enough(found: list[Found]) -> bool:
        last = found[-1]
        if last.raw <= 0:
            return True  # every week still to come scores 0: tie order decides
        seen.add(layout(last.days))
        return last.raw < SCORE_MAX and len(seen) >= top

    found, complete = search.best(enough, deadline)
    ranked = sorted(found, key=lambda f: (-_score(f.raw), tie_key(f.days)))
    chosen: list[tuple[Week, int]] = []
    layouts: set[tuple[tuple[Activity, ...], ...]] = set()
    for candidate in ranked:
        if _score(candidate.raw) == 0:
            break
        if layout(candidate.days) not in layouts:
            layouts.add(layout(candidate.days))
            chosen.append((candidate.days, _score(candidate.raw)))
            if len(chosen) == top:
                return chosen, complete
    if not complete:
        return chosen, complete
    # Fewer layouts than asked score above 0: the others all score 0, in tie order.
    for days in arrangements(request, first):
        if len(chosen) == top:
            break
        if layout(days) not in layouts:
            layouts.add(layout(days))
            chosen.append((days, 0))
    return chosen, complete


def _rank_with_engine(
    request: SuggestRequest,
    week: IsoWeek,
    first: FirstWeekday,
    before: ContextDays,
    after: ContextDays,
    knowledge: KnowledgeBase,
    top: int,
    goal: Goal,
) -> tuple[list[WeekPlan], list[Evaluation]]:
    """The obviously exact ranking: judge on every arrangement."""
    scored = []
    for days in arrangements(request, first):
        plan = WeekPlan(week, first, days)
        scored.append((plan, judge(plan, before, after, knowledge, goal).evaluation))
    scored.sort(key=lambda item: (-item[1].score, tie_key(item[0].days)))
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
