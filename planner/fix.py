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

Every candidate is judged with :func:`planner.advice.judge`, with the week's own context
days and goal, so its score is exactly the one the panel would show. The fix is the
candidate with the highest score, when that is above the week's own score; otherwise there
is none. The search is exact: it judges every candidate (at most 105 for a week of
fourteen sessions).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from planner.advice import DatedDays, judge
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
    RunType,
)


@dataclass(frozen=True, slots=True)
class Fix:
    """The change, the week it makes, the score before and after (``after > before``), and
    the cons it clears: those of the week before that the fixed week no longer has (each
    once, in the order the panel lists them: week findings, then transitions in order)."""

    change: WeekChange
    plan: WeekPlan
    before: int
    after: int
    cleared: tuple[Finding, ...]


def single_changes(plan: WeekPlan) -> Iterator[tuple[WeekChange, WeekPlan]]:
    """Every single change of ``plan`` and the week it makes, in tie order (see the module
    docstring), each resulting week once and never ``plan`` itself."""
    seen = {plan.days}
    for change in _changes(plan):
        changed = change_week(plan, change)
        if changed.days not in seen:
            seen.add(changed.days)
            yield change, changed


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
    """The search, a few candidates at a time, so a caller can stop or pause between steps
    (the week screen runs it in a worker that gives way to key presses)."""

    def __init__(
        self,
        plan: WeekPlan,
        before: DatedDays,
        after: DatedDays,
        knowledge: KnowledgeBase,
        goal: Goal = DEFAULT_GOAL,
    ) -> None:
        self.plan = plan
        self._context = (before, after)
        self._knowledge = knowledge
        self._goal = goal
        # Judged on the first step, so making a search costs nothing until it runs.
        self._judged: Evaluation | None = None
        self._candidates = single_changes(plan)
        self._best: tuple[WeekChange, WeekPlan, Evaluation] | None = None
        self.done = False

    def _judge(self, plan: WeekPlan) -> Evaluation:
        return judge(plan, *self._context, self._knowledge, self._goal).evaluation

    @property
    def _baseline(self) -> Evaluation:
        if self._judged is None:
            self._judged = self._judge(self.plan)
        return self._judged

    def step(self, count: int = 1) -> bool:
        """Judge up to ``count`` more candidates; True once every one has been judged."""
        for _ in range(count):
            found = next(self._candidates, None)
            if found is None:
                self.done = True
                break
            change, changed = found
            evaluation = self._judge(changed)
            best = self._best
            if evaluation.score > (self._baseline.score if best is None else best[2].score):
                self._best = (change, changed, evaluation)
        return self.done

    def run(self) -> Fix | None:
        while not self.step(DAYS_IN_WEEK):
            pass
        return self.result

    @property
    def result(self) -> Fix | None:
        """The fix among the candidates judged so far (all of them once ``done``)."""
        if self._best is None:
            return None
        change, changed, evaluation = self._best
        kept = set(_cons(evaluation))
        cleared = tuple(dict.fromkeys(f for f in _cons(self._baseline) if f not in kept))
        return Fix(change, changed, self._baseline.score, evaluation.score, cleared)


def _cons(evaluation: Evaluation) -> Iterator[Finding]:
    for finding in evaluation.week_findings:
        if finding.kind is Kind.CON:
            yield finding
    for transition in evaluation.transitions:
        for finding in transition.findings:
            if finding.kind is Kind.CON:
                yield finding


def smallest_fix(
    plan: WeekPlan,
    before: DatedDays,
    after: DatedDays,
    knowledge: KnowledgeBase,
    goal: Goal = DEFAULT_GOAL,
) -> Fix | None:
    """The single change that raises ``plan``'s score the most, judged with the context
    days ``before`` and ``after`` for ``goal``; None when no single change raises it."""
    return FixSearch(plan, before, after, knowledge, goal).run()


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
