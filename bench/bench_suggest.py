"""One suggestion (the best three weeks for a request, exact) per representative request.

The issue's budget is 50 ms per suggestion. For scale, the same request ranked naively
(judge on every arrangement, what the tests' brute force does) is timed once.
Printed, never asserted.
"""

from __future__ import annotations

import time
from datetime import timedelta

from bench.stats import describe
from planner.advice import judge
from planner.plan import WeekPlan
from planner.suggest import SuggestRequest, arrangements, suggest
from planner.weeks import FirstWeekday, IsoWeek, shown_dates
from rules import Activity, PlannedDay, default_knowledge

ROUNDS = 40
PUSH, PULL, LEGS, RUN = Activity.PUSH, Activity.PULL, Activity.LEGS, Activity.RUN
REQUESTS = [
    ("push=1 pull=1 legs=1 run=2 rest>=1", SuggestRequest({PUSH: 1, PULL: 1, LEGS: 1, RUN: 2}, 1)),
    (
        "  same, pinned sat=run sun=rest",
        SuggestRequest({PUSH: 1, PULL: 1, LEGS: 1, RUN: 2}, 1, {5: RUN, 6: Activity.REST}),
    ),
    ("push=2 pull=2 legs=2 run=1", SuggestRequest({PUSH: 2, PULL: 2, LEGS: 2, RUN: 1})),
    (
        "push=2 pull=2 legs=1 run=1 (most arrangements)",
        SuggestRequest({PUSH: 2, PULL: 2, LEGS: 1, RUN: 1}),
    ),
    ("run=3 legs=2", SuggestRequest({RUN: 3, LEGS: 2})),
]


def main() -> None:
    knowledge = default_knowledge()
    week, first = IsoWeek(2026, 48), FirstWeekday.MONDAY
    dates = shown_dates(week, first)
    # The week screen passes two days either side (planner.advice.CONTEXT_DAYS).
    before = [
        (dates[0] - timedelta(days=2), PlannedDay.of(PULL)),
        (dates[0] - timedelta(days=1), PlannedDay.of(LEGS)),
    ]
    after = [
        (dates[-1] + timedelta(days=1), PlannedDay.of(PUSH)),
        (dates[-1] + timedelta(days=2), PlannedDay.UNPLANNED),
    ]
    for label, request in REQUESTS:
        count = sum(1 for _ in arrangements(request))
        best = suggest(request, week, first, before, after, knowledge)[0]
        for _ in range(3):  # warm up
            suggest(request, week, first, before, after, knowledge)
        samples = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            suggest(request, week, first, before, after, knowledge)
            samples.append(time.perf_counter() - start)
        print(f"{describe(label, samples)}; {count} arrangements, best {best.score}")

    label, request = REQUESTS[3]
    start = time.perf_counter()
    for activities in arrangements(request):
        judge(WeekPlan.of_activities(week, first, activities), before, after, knowledge)
    naive = time.perf_counter() - start
    print(f"naive: judge on all arrangements of '{label}': {naive * 1e3:.1f} ms")
    print("budget: median <= 50 ms per suggestion")


if __name__ == "__main__":
    main()
