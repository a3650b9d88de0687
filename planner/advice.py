"""The bridge from planned weeks to the rules engine, shared by the screen and the CLI."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from planner.plan import WeekPlan
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity, Day, Evaluation, Finding, KnowledgeBase, Transition, evaluate

# Days of context on each side of a shown week: enough for the boundary transitions and for
# patterns (e.g. the same muscles twice inside 48 h) that start in the neighbouring week.
CONTEXT_DAYS = 2


def evaluate_plan(
    plan: WeekPlan,
    before: Sequence[tuple[date, Activity | None]],
    after: Sequence[tuple[date, Activity | None]],
    knowledge: KnowledgeBase,
) -> Evaluation:
    """Findings for every transition touching the week, including both boundaries."""
    days = [Day(day, activity) for day, activity in (*before, *plan.days, *after)]
    return evaluate(days, focus=(plan.dates[0], plan.dates[-1]), knowledge=knowledge)


@dataclass(frozen=True, slots=True)
class WeekSummary:
    """The numbers the panel and ``planner show`` print above the transitions."""

    score: int
    planned_days: int
    rest_days: int
    sessions_per_group: tuple[tuple[str, int], ...]  # (group name, hard sessions), in order
    findings: tuple[Finding, ...]


def summarize(plan: WeekPlan, evaluation: Evaluation, knowledge: KnowledgeBase) -> WeekSummary:
    planned = [activity for activity in plan.activities if activity is not None]
    sessions = tuple(
        (
            group.name,
            sum(
                1
                for activity in planned
                if knowledge.loads(activity).get(group.id, 0.0) >= knowledge.hard_load
            ),
        )
        for group in knowledge.muscle_groups
    )
    return WeekSummary(
        score=evaluation.score,
        planned_days=len(planned),
        rest_days=sum(1 for activity in planned if activity is Activity.REST),
        sessions_per_group=sessions,
        findings=evaluation.week_findings,
    )


class PlannedDays(Protocol):
    """What :func:`evaluate_week` reads: a :class:`planner.store.Store` fits."""

    def load_plan(self, week: IsoWeek, first: FirstWeekday) -> WeekPlan: ...

    def activities_between(
        self, start: date, end: date
    ) -> Sequence[tuple[date, Activity | None]]: ...


DayActivities = Sequence[tuple[date, Activity | None]]


def context_around(days: PlannedDays, plan: WeekPlan) -> tuple[DayActivities, DayActivities]:
    """The CONTEXT_DAYS just before and just after ``plan``'s shown dates, as stored: what
    the week is judged with (here, and by ``suggest`` for the week it fills)."""
    start, end = plan.dates[0], plan.dates[-1]
    before = days.activities_between(start.subtract(days=CONTEXT_DAYS), start.subtract(days=1))
    after = days.activities_between(end.add(days=1), end.add(days=CONTEXT_DAYS))
    return before, after


@dataclass(frozen=True, slots=True)
class EvaluatedWeek:
    """One displayed week as stored, judged with its context days: what ``planner show`` and
    the exports print."""

    plan: WeekPlan
    evaluation: Evaluation
    summary: WeekSummary
    # The CONTEXT_DAYS just outside the week that it was judged with (readiness and
    # suggestions need the same ones).
    before: tuple[tuple[date, Activity | None], ...] = ()
    after: tuple[tuple[date, Activity | None], ...] = ()

    def transition_into(self, day: date) -> Transition | None:
        """The transition from the day before ``day``; None if ``day`` is not in the week."""
        for transition in self.evaluation.transitions:
            if transition.after.date == day:
                return transition
        return None


def evaluate_week(
    days: PlannedDays, week: IsoWeek, first: FirstWeekday, knowledge: KnowledgeBase
) -> EvaluatedWeek:
    """Read ``week`` as displayed with ``first`` and CONTEXT_DAYS on each side, and judge it."""
    plan = days.load_plan(week, first)
    return judge(plan, *context_around(days, plan), knowledge)


def judge(
    plan: WeekPlan,
    before: Sequence[tuple[date, Activity | None]],
    after: Sequence[tuple[date, Activity | None]],
    knowledge: KnowledgeBase,
) -> EvaluatedWeek:
    """``plan`` (stored, proposed or suggested) judged with the given context days."""
    evaluation = evaluate_plan(plan, before, after, knowledge)
    summary = summarize(plan, evaluation, knowledge)
    return EvaluatedWeek(plan, evaluation, summary, tuple(before), tuple(after))
