"""The smallest fix: the single change to a week that raises its score the most.

A single change is one of these (their values and how each is made: planner/edits.py):

- ``ChangeSession``: one session takes another intensity (light, moderate, heavy) or, for a
  run, another type (easy, long, tempo, intervals). Only sessions have these: rest and
  unplanned days are never changed this way.
- ``SwapDays``: two days holding different things change places.
- ``MoveDay``: a planned day moves to a day two or more days away, and the days between
  shift one day towards where it was (Monday to Thursday: Tuesday to Thursday each move
  one day earlier). A move to the next day is the swap of the two, and is listed as one.

Candidates are tried in this order, which also breaks ties (of equal scores, the first
wins: the smallest change, then the earliest day): every session change (days in displayed
order, a day's first session before its second, attributes in the order of
``rules.Intensity`` and ``rules.RunType``), then every swap (by first day, then second),
then every move (by the day moved, then where to). A candidate that leaves the week as it
was, or as an earlier candidate already made it, is skipped.

Days already lived are never changed: with the logs of what was done (``logs``) and
``today``, a candidate may only touch days from today on that hold no log of what was
done, and every week is scored on what was done where a day is logged, with what its
check-in reported, as the panel scores it.

Every candidate is scored exactly as the panel would score it: the score is a sum of parts
(``rules.prices``), and a change touches at most the days it changes, so only the week
points and the transitions into those days and the few after them are priced again (a
few hundred microseconds for all the candidates of a week of two-session days). The fix is
the candidate with the highest score, when that is above the week's own score; otherwise
there is none; it is then judged whole with :func:`planner.advice.judge`, to say what it
clears and earns. The search is exact: every candidate is scored.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from planner.advice import NO_LOGS, DatedDays, Logs, held_on, judge
from planner.days import DAYS_IN_WEEK, day_words, weekday_key
from planner.edits import ChangeSession, MoveDay, SwapDays, WeekChange, change_week
from planner.plan import WeekPlan
from rules import (
    DEFAULT_GOAL,
    Activity,
    Evaluation,
    Finding,
    Goal,
    Intensity,
    Kind,
    KnowledgeBase,
    PlannedDay,
    RunType,
)
from rules.engine import SCALE_CEILING, SCALE_FLOOR, SCORE_MAX
from rules.prices import Prices

SCALE_IDS = {SCALE_FLOOR.rule_id, SCALE_CEILING.rule_id}


@dataclass(frozen=True, slots=True)
class Fix:
    """The change, the week it makes, the score before and after (``after > before``), the
    cons it clears (those of the week before that the fixed week no longer has) and the
    pros it earns (those the fixed week has that the week before had not), each once,
    heaviest first."""

    change: WeekChange
    plan: WeekPlan
    before: int
    after: int
    cleared: tuple[Finding, ...]
    earned: tuple[Finding, ...] = ()

    @property
    def why(self) -> str:
        """What the change is for, in a few words: ``clears: <the heaviest con it clears>``
        or ``earns: <the heaviest pro it earns>`` (the fix line and ``planner fix``)."""
        if self.cleared:
            return f"clears: {self.cleared[0].text}"
        if self.earned:
            return f"earns: {self.earned[0].text}"
        return ""


def single_changes(
    plan: WeekPlan, frozen: Iterable[int] = ()
) -> Iterator[tuple[WeekChange, WeekPlan]]:
    """Every single change of ``plan`` and the week it makes, in tie order (see the module
    docstring), each resulting week once and never ``plan`` itself; none touching a day
    of ``frozen`` (displayed indexes)."""
    seen = {plan.days}
    fixed = set(frozen)
    for change in _changes(plan):
        if fixed and not fixed.isdisjoint(touched(change)):
            continue
        changed = change_week(plan, change)
        if changed.days not in seen:
            seen.add(changed.days)
            yield change, changed


def touched(change: WeekChange) -> range:
    """The displayed indexes a change may alter."""
    if isinstance(change, ChangeSession):
        return range(change.day, change.day + 1)
    if isinstance(change, SwapDays):
        return range(change.first, change.second + 1, change.second - change.first)
    return range(min(change.source, change.target), max(change.source, change.target) + 1)


def frozen_days(plan: WeekPlan, logs: Logs, today: date | None) -> frozenset[int]:
    """The days a fix may not change: those before ``today`` and those logged done."""
    return frozenset(
        index
        for index, day in enumerate(plan.dates)
        if (today is not None and day < today) or (day in logs and logs[day].done is not None)
    )


def _changes(plan: WeekPlan) -> Iterator[WeekChange]:
    days = plan.days
    for index, day in enumerate(days):
        for slot, session in enumerate(day.sessions):
            choices: Sequence[Intensity | RunType] = (
                tuple(RunType) if session.kind is Activity.RUN else tuple(Intensity)
            )
            for attribute in choices:
                if attribute != session.attribute:
                    yield ChangeSession(index, slot, attribute)
    for first in range(DAYS_IN_WEEK):
        for second in range(first + 1, DAYS_IN_WEEK):
            if days[first] != days[second]:
                yield SwapDays(first, second)
    for source in range(DAYS_IN_WEEK):
        if not days[source].is_planned:
            continue
        for target in range(DAYS_IN_WEEK):
            if abs(target - source) >= 2:
                yield MoveDay(source, target)


class FixSearch:
    """The search. ``step`` scores every candidate (fast enough for the frame that shows
    the edit); the step-wise form stays so a caller may still pause between steps."""

    def __init__(
        self,
        plan: WeekPlan,
        before: DatedDays,
        after: DatedDays,
        knowledge: KnowledgeBase,
        goal: Goal = DEFAULT_GOAL,
        logs: Logs = NO_LOGS,
        today: date | None = None,
    ) -> None:
        self.plan = plan
        self._context = (before, after)
        self._knowledge = knowledge
        self._goal = goal
        self._logs = logs
        self._frozen = frozen_days(plan, logs, today)
        self._best: tuple[WeekChange, WeekPlan] | None = None
        self._score = 0
        self.done = False

    def step(self, count: int = 1) -> bool:
        """Score every candidate; True once done (``count`` is kept for callers that still
        step: one step does it all)."""
        if not self.done:
            self._search()
            self.done = True
        return self.done

    def _search(self) -> None:
        scores = WeekScores(self.plan, self._context[0], self._knowledge, self._goal, self._logs)
        best = scores.base
        for change, changed in single_changes(self.plan, self._frozen):
            score = scores.of(changed)
            if score > best:
                best, self._best = score, (change, changed)

    def run(self) -> Fix | None:
        self.step()
        return self.result

    @property
    def result(self) -> Fix | None:
        """The fix among the candidates scored so far (all of them once ``done``)."""
        if self._best is None:
            return None
        change, changed = self._best
        context, knowledge, goal, logs = self._context, self._knowledge, self._goal, self._logs
        baseline = judge(self.plan, *context, knowledge, goal, logs).evaluation
        fixed = judge(changed, *context, knowledge, goal, logs).evaluation
        cleared = _gained(baseline, fixed, Kind.CON)
        earned = _gained(fixed, baseline, Kind.PRO)
        return Fix(change, changed, baseline.score, fixed.score, cleared, earned)


class WeekScores:
    """The scores of weeks one change away from ``plan``, part by part: a change prices
    again only the week points and the transitions into the days it changes and the
    ``reach`` days after them (``rules.prices``). Each day is held as done where ``logs``
    says so, with what its check-in reported; a change never touches a logged day."""

    def __init__(
        self,
        plan: WeekPlan,
        before: DatedDays,
        knowledge: KnowledgeBase,
        goal: Goal,
        logs: Logs = NO_LOGS,
    ) -> None:
        self.plan = plan
        self.prices = Prices(knowledge, goal)
        self._logs = logs
        self._dates = plan.dates
        self._before = [self._id(day, held) for day, held in before]
        held = self._held(plan.days)
        self._replaced = self.prices.week(held)[1]
        raw, self._parts = self._raw(plan.days, None)
        self.base = _scaled(raw)

    def _id(self, day: date, held: PlannedDay) -> int:
        log = self._logs.get(day)
        if log is None:
            return self.prices.id(held)
        return self.prices.id(held_on(day, held, self._logs), log.sore)

    def _held(self, days: Sequence[PlannedDay]) -> list[PlannedDay]:
        if not self._logs:
            return list(days)
        return [held_on(d, held, self._logs) for d, held in zip(self._dates, days, strict=True)]

    def _raw(
        self, days: Sequence[PlannedDay], changed: set[int] | None
    ) -> tuple[int, dict[int, int]]:
        prices, first = self.prices, len(self._before)
        week, replaced = prices.week(self._held(days))
        if self._logs:
            ids = [*self._before, *(self._id(d, h) for d, h in zip(self._dates, days, strict=True))]
        else:
            ids = [*self._before, *(prices.id(day) for day in days)]
        if changed is None or replaced != self._replaced:
            parts = prices.transitions(ids, first, replaced)
        else:
            touched = {
                first + index + ahead
                for index in changed
                for ahead in range(prices.reach + 1)
                if index + ahead < DAYS_IN_WEEK
            }
            parts = {**self._parts, **prices.transitions(ids, first, replaced, touched)}
        return week + sum(parts.values()), parts

    def of(self, changed: WeekPlan) -> int:
        differs = {i for i in range(DAYS_IN_WEEK) if changed.days[i] != self.plan.days[i]}
        return _scaled(self._raw(changed.days, differs)[0])


def _scaled(raw: int) -> int:
    return min(max(raw, 0), SCORE_MAX)


def _gained(more: Evaluation, less: Evaluation, kind: Kind) -> tuple[Finding, ...]:
    """The findings of ``kind`` behind the points ``more`` has and ``less`` has not: of each
    rule worth more there (pros earned, or for cons the costs cleared), the findings worth
    more there too (gone from ``less``, or counted fewer times); heaviest first. A finding
    that only changed its words is not one: its rule is worth the same."""

    def by_rule(evaluation: Evaluation) -> dict[str, int]:
        totals: dict[str, int] = {}
        for reason in evaluation.reasons:
            if reason.finding.kind is kind and reason.finding.rule_id not in SCALE_IDS:
                totals[reason.finding.rule_id] = totals.get(reason.finding.rule_id, 0) + abs(
                    reason.points
                )
        return totals

    mine, theirs = by_rule(more), by_rule(less)
    kept = {reason.finding: abs(reason.points) for reason in less.reasons}
    return tuple(
        reason.finding
        for reason in more.reasons
        if reason.finding.kind is kind
        and mine.get(reason.finding.rule_id, 0) > theirs.get(reason.finding.rule_id, 0)
        and abs(reason.points) > kept.get(reason.finding, 0)
    )


def smallest_fix(
    plan: WeekPlan,
    before: DatedDays,
    after: DatedDays,
    knowledge: KnowledgeBase,
    goal: Goal = DEFAULT_GOAL,
    logs: Logs = NO_LOGS,
    today: date | None = None,
) -> Fix | None:
    """The single change that raises ``plan``'s score the most, judged with the context
    days ``before`` and ``after`` for ``goal``, on what was done where ``logs`` says so;
    changing no day before ``today`` and no logged day. None when no such change raises
    it."""
    return FixSearch(plan, before, after, knowledge, goal, logs, today).run()


def describe_change(change: WeekChange, plan: WeekPlan) -> str:
    """The change in the words of ``planner set``, naming days as shown in ``plan`` (the
    week before the change): ``swap mon legs and wed rest``, ``move mon legs to thu (tue
    to thu one day earlier)``, ``change tue run → run:tempo``."""
    keys = [weekday_key(day) for day in plan.dates]
    days = plan.days
    if isinstance(change, SwapDays):
        first, second = change.first, change.second
        return (
            f"swap {keys[first]} {day_words(days[first])} "
            f"and {keys[second]} {day_words(days[second])}"
        )
    if isinstance(change, MoveDay):
        source, target = change.source, change.target
        low, high, way = (
            (source + 1, target, "earlier") if source < target else (target, source - 1, "later")
        )
        return (
            f"move {keys[source]} {day_words(days[source])} to {keys[target]} "
            f"({keys[low]} to {keys[high]} one day {way})"
        )
    changed = change_week(plan, change).days[change.day]
    return f"change {keys[change.day]} {day_words(days[change.day])} → {day_words(changed)}"
