"""Suggest: the best arrangements of the sessions a user wants, under the rules' score.

The score is exactly the one the panel shows, ``judge(plan, before, after, knowledge,
goal).evaluation.score``: every weight below is the finding's weight for the goal
(``KnowledgeBase.for_goal``; a rule weighing 0 for it does not speak).

Tie order (``tie_key``), so the answer never depends on anything but the request and the
context: among equal scores, first the week whose days' activities (a day's first session's
kind, or rest), read from the first shown day, come first in the order push, pull, legs,
run, rest (``TIE_ORDER``); then, day by day, the first session's attribute (light,
moderate, heavy; easy, long, tempo, intervals), one session before two, then the second
session in the same orders.

How it stays exact and fast: branch and bound over what the engine sees.

- What the engine reads of a day: pair and pattern rules see one activity per day, the
  first session's kind or rest (``Day.activity``); week rules count each session's kind
  and the rest days. Attributes and second sessions change no finding today. So the score
  of an arrangement is a function of its *seen week* (seven activities) alone, the number
  of rest days included; the walk scores seen weeks, then fills each chosen one with the
  requested sessions (``_fillings``) in tie order.
- A depth-first walk over seen weeks, day by day in tie order, adds each transition's
  weights once per prefix: ``knowledge.pair_findings[(before, after)]`` and each pattern
  rule's ``check(days, index)`` on the whole prefix (context first), exactly as the engine
  calls them, so a user's 7-day pattern is as exact as a shipped pair rule. Week findings
  depend only on the rest count: asked of the engine once per possible count.
- Bound: ``score = round(100*(P+5)/(P+C+10))`` grows with P and falls with C. For a prefix,
  an upper bound on every completion's score takes the prefix's P and C, adds to P the
  most pros the remaining transitions can carry (a backward pass over the days, pins
  respected, counts relaxed: each pair's pros plus those of the pro patterns that can
  complete on it, found once by probing each pattern's check, ``pattern_pros``) and the
  largest week pros any reachable rest count gives, and adds to C the fewest cons the
  remaining pairs can carry (pattern cons only add to C). A subtree whose bound is no
  better than the third best week found so far is skipped: a later leaf of equal score
  comes later in tie order, so it cannot enter.
- A seen week is only walked into if the requested sessions can fill it: each kind has at
  most as many first sessions as sessions, and a kind's sessions never share a day (Hall's
  condition for this matching: every kind has at most as many sessions as session days,
  and all sessions fit two a day).

The returned suggestions are then evaluated with ``judge`` (their ``evaluation`` is what
the panel will show); if a score ever disagreed with the walk's (the engine changed in a
way this module does not mirror), the whole ranking is redone with ``judge`` on every
arrangement: slower, still exact. Tests compare the result with brute force.
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import overload

from planner.advice import judge
from planner.days import ACTIVITIES, DAYS_IN_WEEK, SESSIONS
from planner.plan import DatedDay, WeekPlan
from planner.suggest.differences import describe_differences
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
    Day,
    Evaluation,
    Finding,
    Goal,
    Kind,
    KnowledgeBase,
    PlannedDay,
    Session,
    evaluate,
    score,
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


def tie_key(days: Sequence[PlannedDay | Activity | None]) -> tuple[tuple[int, ...], ...]:
    """Sort key among equal scores (see the module docstring): the days' activities in
    TIE_ORDER, then their attributes and second sessions, day by day."""
    held = [day if isinstance(day, PlannedDay) else PlannedDay.of(day) for day in days]
    seen = tuple(len(TIE_ORDER) if d.activity is None else _RANK[d.activity] for d in held)
    return (seen, *(_detail(day) for day in held))


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


def _weights(findings: Sequence[Finding]) -> tuple[int, int]:
    """(P, C): summed weights of the pros and of the cons, as the engine counts them."""
    pro = con = 0
    for finding in findings:
        if finding.kind is Kind.PRO:
            pro += finding.weight
        elif finding.kind is Kind.CON:
            con += finding.weight
    return pro, con


def week_weights(
    request: SuggestRequest,
    dates: Sequence[date],
    knowledge: KnowledgeBase,
    goal: Goal = DEFAULT_GOAL,
) -> dict[int, tuple[int, int]]:
    """(P, C) of the week findings for each possible number of rest days: week rules count
    sessions per kind (fixed by the request) and rest days. Asked of the engine, on one
    sample week per rest count."""
    shape = _Shape.of(request)
    sessions = sorted(Counter(request.counts).elements(), key=session_key)
    found: dict[int, tuple[int, int]] = {}
    for rests in shape.rest_counts():
        training = DAYS_IN_WEEK - rests
        held = [[session] for session in sessions[:training]]
        for extra, session in enumerate(sessions[training:]):
            held[extra].append(session)
        sample = [PlannedDay(tuple(day)) for day in held] + [PlannedDay.REST] * rests
        days = [Day(day, planned) for day, planned in zip(dates, sample, strict=True)]
        found[rests] = _weights(evaluate(days, knowledge=knowledge, goal=goal).week_findings)
    return found


class _TooFar(LookupError):
    """A pattern read a day before the window it was probed with."""


class _Window(Sequence[Activity | None]):
    """Days a pattern is probed with; reading before the first one raises _TooFar (a
    plain list would wrap a negative index around)."""

    def __init__(self, days: Sequence[Activity | None]) -> None:
        self._days = days

    def __len__(self) -> int:
        return len(self._days)

    @overload
    def __getitem__(self, key: int) -> Activity | None: ...

    @overload
    def __getitem__(self, key: slice) -> Sequence[Activity | None]: ...

    def __getitem__(self, key: int | slice) -> Activity | Sequence[Activity | None] | None:
        if isinstance(key, slice):
            if key.start is None or key.start < 0 or (key.stop is not None and key.stop < 0):
                raise _TooFar
            return self._days[key]
        if key < 0:
            raise _TooFar
        return self._days[key]


_DAY_VALUES: tuple[Activity | None, ...] = (None, *TIE_ORDER)
_PROBE_LIMIT = 6**6  # windows probed per pattern at most; beyond, it may complete anywhere


@functools.lru_cache(maxsize=8)
def pattern_pros(
    knowledge: KnowledgeBase, goal: Goal = DEFAULT_GOAL
) -> dict[tuple[Activity, Activity], int]:
    """For each (day before, day) pair: the summed weights of the pro patterns that can
    complete on that transition, whatever came before. Found by probing each pattern's
    own check with every window of its span (and, for a pattern that reads one day
    further, of its span plus one), so the bound needs no knowledge of pattern types.
    Admissible: a pattern that reads further still, or has too many windows to probe,
    counts on every transition."""
    pairs = [(before, after) for before in TIE_ORDER for after in TIE_ORDER]
    found = dict.fromkeys(pairs, 0)
    for pattern in knowledge.pattern_rules:
        weight = pattern.rule.weights[goal]
        if pattern.rule.kind is not Kind.PRO or not weight:
            continue
        ends: set[tuple[Activity, Activity]] | None = set()
        for length in (pattern.span, pattern.span + 1):
            if len(_DAY_VALUES) ** length > _PROBE_LIMIT:
                ends = None
                break
            try:
                ends = _ends_where(pattern.check, length)
                break
            except _TooFar:
                ends = None
        for pair in pairs if ends is None else ends:
            found[pair] += weight
    return found


def _ends_where(check: Check, length: int) -> set[tuple[Activity, Activity]]:
    ends: set[tuple[Activity, Activity]] = set()
    for head in itertools.product(_DAY_VALUES, repeat=length - 2):
        for before in TIE_ORDER:
            for after in TIE_ORDER:
                window = _Window((*head, before, after))
                if (before, after) not in ends and check(window, length - 1) is not None:
                    ends.add((before, after))
    return ends


class _Walk:
    """The branch-and-bound walk over seen weeks (see the module docstring)."""

    def __init__(
        self,
        shape: _Shape,
        context: Sequence[Activity | None],
        knowledge: KnowledgeBase,
        weeks: dict[int, tuple[int, int]],
        top: int,
        goal: Goal = DEFAULT_GOAL,
    ) -> None:
        self.shape = shape
        self.top = top
        self.weeks = weeks
        self.pairs = {
            pair: _weights(knowledge.for_goal(found, goal))
            for pair, found in knowledge.pair_findings.items()
        }
        # (first index the engine checks the pattern at, its check); tips weigh nothing,
        # nor does a rule that weighs 0 for the goal.
        self.patterns: list[tuple[int, Check]] = [
            (pattern.span - 1, pattern.check)
            for pattern in knowledge.pattern_rules
            if pattern.rule.weights[goal]
        ]
        self._knowledge, self._goal = knowledge, goal
        self._bounds(shape, pattern_pros(knowledge, goal))
        self.week_pro = max(pro for pro, _ in weeks.values())
        self.week_con = min(con for _, con in weeks.values())
        self.offset = len(context)
        self.days: list[Activity | None] = [*context, *([None] * DAYS_IN_WEEK)]
        # The best seen weeks so far, best first, each with its first ``top`` fillings.
        self.best: list[tuple[int, Seen, list[Week]]] = []

    def threshold(self) -> int:
        """The score a week must beat to enter: that of the top-th filling so far."""
        held = 0
        for value, _, fillings in self.best:
            held += len(fillings)
            if held >= self.top:
                return value
        return -1

    def _bounds(self, shape: _Shape, pattern_pro: dict[tuple[Activity, Activity], int]) -> None:
        """most_pro[p][a] / fewest_con[p][a]: the most pros and the fewest cons the
        transitions after day p (holding a) can carry, pins respected, counts relaxed."""
        allowed = [
            (pin.activity,) if (pin := shape.pins.get(p)) is not None else TIE_ORDER
            for p in range(DAYS_IN_WEEK)
        ]
        most = [dict.fromkeys(TIE_ORDER, 0) for _ in range(DAYS_IN_WEEK)]
        fewest = [dict.fromkeys(TIE_ORDER, 0) for _ in range(DAYS_IN_WEEK)]
        for p in range(DAYS_IN_WEEK - 2, -1, -1):
            for a in TIE_ORDER:
                most[p][a] = max(
                    self.pairs[(a, b)][0] + pattern_pro[(a, b)] + most[p + 1][b]
                    for b in allowed[p + 1]
                    if b is not None
                )
                fewest[p][a] = min(
                    self.pairs[(a, b)][1] + fewest[p + 1][b]
                    for b in allowed[p + 1]
                    if b is not None
                )
        self.most_pro, self.fewest_con = most, fewest

    def bound(self, pro: int, con: int, position: int, activity: Activity) -> int:
        """No completion of this prefix (day ``position`` holding ``activity``) scores more."""
        return score(
            pro + self.most_pro[position][activity] + self.week_pro,
            con + self.fewest_con[position][activity] + self.week_con,
        )

    def leaf(self, value: int, rests: int) -> None:
        seen = tuple(day for day in self.days[self.offset :] if day is not None)
        fillings = list(itertools.islice(_fillings(self.shape, seen), self.top))
        position = len(self.best)
        while position and self.best[position - 1][0] < value:
            position -= 1
        self.best.insert(position, (value, seen, fillings))
        held = 0
        for cut, (_, _, kept) in enumerate(self.best):
            held += len(kept)
            if held >= self.top:
                del self.best[cut + 1 :]
                break

    def run(self) -> list[tuple[int, Week]]:
        budget = dict(self.shape.per_kind)
        self._place(self.offset, 0, 0, 0, budget)
        ranked = [(value, week) for value, _, fillings in self.best for week in fillings]
        return ranked[: self.top]

    def _place(
        self, index: int, pro: int, con: int, rests: int, budget: dict[Activity, int]
    ) -> None:
        shape, days = self.shape, self.days
        offset = self.offset
        if index == offset + DAYS_IN_WEEK:
            week_pro, week_con = self.weeks[shape.pinned_rest + rests]
            value = score(pro + week_pro, con + week_con)
            if value > self.threshold():
                self.leaf(value, rests)
            return
        position = index - offset
        free_left = sum(1 for j in range(position + 1, DAYS_IN_WEEK) if j not in shape.pins)
        previous = days[index - 1] if index else None
        pinned = shape.pins.get(position)
        choices = (pinned.activity,) if pinned is not None else TIE_ORDER
        for activity in choices:
            assert activity is not None
            added_rest = 0
            if pinned is None:
                if activity is REST:
                    if rests >= shape.rest_high:
                        continue
                    added_rest = 1
                elif not budget[activity] or rests + free_left < shape.rest_low:
                    continue
            days[index] = activity
            more_pro, more_con = pro, con
            # The engine finds nothing on a transition touching an unplanned day.
            if previous is not None:
                pair_pro, pair_con = self.pairs[(previous, activity)]
                more_pro += pair_pro
                more_con += pair_con
                for reach, check in self.patterns:
                    if index >= reach:
                        found = check(days, index)
                        if found is not None:
                            weighed = self._knowledge.for_goal((found,), self._goal)
                            found_pro, found_con = _weights(weighed)
                            more_pro += found_pro
                            more_con += found_con
            if self.bound(more_pro, more_con, position, activity) > self.threshold():
                counted = pinned is None and activity is not REST
                if counted:
                    budget[activity] -= 1
                self._place(index + 1, more_pro, more_con, rests + added_rest, budget)
                if counted:
                    budget[activity] += 1
        days[index] = None


def suggest(
    request: SuggestRequest,
    week: IsoWeek,
    first: FirstWeekday,
    before: ContextDays,
    after: ContextDays,
    knowledge: KnowledgeBase,
    top: int = 3,
    goal: Goal = DEFAULT_GOAL,
) -> list[Suggestion]:
    """The ``top`` best fully planned weeks for ``request``, best first, scored for ``goal``.

    ``before``/``after``: the consecutive (date, day) pairs just outside the shown week,
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
    shape = _Shape.of(request)
    weeks = week_weights(request, dates, knowledge, goal)
    best = _Walk(shape, context, knowledge, weeks, top, goal).run()
    plans = [WeekPlan(week, first, days) for _, days in best]
    evaluations = [judge(plan, before, after, knowledge, goal).evaluation for plan in plans]
    if any(e.score != s for e, (s, _) in zip(evaluations, best, strict=True)):
        plans, evaluations = _rank_with_engine(
            request, week, first, before, after, knowledge, top, goal
        )
    return _with_differences(plans, evaluations)


def _rank_with_engine(
    request: SuggestRequest,
    week: IsoWeek,
    first: FirstWeekday,
    before: ContextDays,
    after: ContextDays,
    knowledge: KnowledgeBase,
    top: int,
    goal: Goal = DEFAULT_GOAL,
) -> tuple[list[WeekPlan], list[Evaluation]]:
    """The slow, obviously exact ranking: judge on every arrangement."""
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
