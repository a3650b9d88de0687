"""One suggestion (the best three weeks for a request, exact) per representative request.

The issue's budget is 50 ms per suggestion, for requests of up to nine sessions with two a
day allowed. For scale, each request's naive cost is printed beside it: the number of
arrangements (counted, not listed) times one judge call, timed in the same run on a
sample of its arrangements (judge on every arrangement is what the tests' brute force
does). Printed, never asserted. The first (cold) call of each request is printed too: the
walk remembers what depends on the request alone, so later calls are faster.
"""

from __future__ import annotations

import functools
import itertools
import time
from collections import Counter
from datetime import timedelta

from bench.stats import describe
from planner.advice import judge
from planner.plan import WeekPlan
from planner.suggest import SuggestRequest, arrangements, suggest
from planner.suggest.words import parse_counts, parse_pins
from planner.weeks import FirstWeekday, IsoWeek, shown_dates
from rules import Activity, PlannedDay, Session, default_knowledge

ROUNDS = 40
TIME_BOX = 8.0  # seconds of timed rounds per request at most (at least MIN_ROUNDS)
MIN_ROUNDS = 3
SAMPLE = 200  # arrangements judged to time one judge call
BUDGET = 0.050  # seconds: the median a suggestion may take
PUSH, PULL, LEGS, RUN = Activity.PUSH, Activity.PULL, Activity.LEGS, Activity.RUN

# (label: the command line's words; max per day)
REQUESTS = [
    ("push=1 pull=1 legs=1 run=2 --rest-min 1", 1),
    ("push=1 pull=1 legs=1 run=2 --rest-min 1 --pin sat=run --pin sun=rest", 1),
    ("push=2 pull=2 legs=2 run=1", 1),
    ("push=2 pull=2 legs=1 run=1", 1),
    ("legs:heavy=1 run:intervals=1 run:easy=2 push=1 pull=1", 1),
    ("push=2 pull=2 legs=2 run=3", 2),
    ("legs:heavy=1 legs=1 run:intervals=1 run=2 run:long=1 push=2 pull=1", 2),
    ("push=1 pull=1 legs=2 run=4 --rest-min 1", 2),
    ("legs:heavy=2 run:tempo=1 run=2 push=1 pull=1 --pin mon=legs:heavy+run --pin sun=rest", 2),
    ("push=1 pull=1 legs=1 run=2", 2),
]


def request_of(label: str, max_per_day: int) -> SuggestRequest:
    """The request ``planner suggest LABEL`` makes (Monday-first: a pin's ISO weekday is
    its displayed index)."""
    words = iter(label.split())
    counts: list[str] = []
    pins: list[str] = []
    rest_min = 0
    for word in words:
        if word == "--pin":
            pins.append(next(words))
        elif word == "--rest-min":
            rest_min = int(next(words))
        else:
            counts.append(word)
    return SuggestRequest(parse_counts(counts), rest_min, parse_pins(pins), max_per_day)


def naive_count(request: SuggestRequest) -> int:
    """How many arrangements a naive search would judge: every assignment of the requested
    sessions to the free days (rest, one session, or two of different kinds), counted by
    memoised recursion over the days."""
    left = +request.free_counts()
    sessions = sorted(left, key=str)
    free = 7 - len(request.pins)
    rest_pinned = sum(1 for day in request.pins.values() if day.is_rest)
    singles: list[tuple[Session, ...]] = [(s,) for s in sessions]
    doubles: list[tuple[Session, ...]] = []
    if request.max_per_day == 2:
        doubles = [(a, b) for a, b in itertools.permutations(sessions, 2) if a.kind is not b.kind]

    @functools.cache
    def count(days: int, remaining: tuple[int, ...], rests: int) -> int:
        if days == 0:
            return int(not any(remaining) and rests + rest_pinned >= request.rest_min)
        total = count(days - 1, remaining, rests + 1)
        for held in singles + doubles:
            after = list(remaining)
            for session in held:
                after[sessions.index(session)] -= 1
            if min(after, default=0) >= 0:
                total += count(days - 1, tuple(after), rests)
        return total

    return count(free, tuple(left[s] for s in sessions), 0)


def main() -> None:
    knowledge = default_knowledge()
    week, first = IsoWeek(2026, 48), FirstWeekday.MONDAY
    dates = shown_dates(week, first)
    # The week screen passes CONTEXT_DAYS (3) either side (planner.advice.context_around).
    before = [
        (dates[0] - timedelta(days=3), PlannedDay.of(RUN)),
        (dates[0] - timedelta(days=2), PlannedDay.of(PULL)),
        (dates[0] - timedelta(days=1), PlannedDay.of(LEGS)),
    ]
    after = [
        (dates[-1] + timedelta(days=1), PlannedDay.of(PUSH)),
        (dates[-1] + timedelta(days=2), PlannedDay.UNPLANNED),
        (dates[-1] + timedelta(days=3), PlannedDay.UNPLANNED),
    ]
    medians = []
    for label, max_per_day in REQUESTS:
        request = request_of(label, max_per_day)
        name = f"{label}{' --max-per-day 2' if max_per_day == 2 else ''}"
        start = time.perf_counter()
        best = suggest(request, week, first, before, after, knowledge)[0]
        cold = time.perf_counter() - start
        suggest(request, week, first, before, after, knowledge)  # warm up
        samples: list[float] = []
        spent = 0.0
        while len(samples) < ROUNDS and (len(samples) < MIN_ROUNDS or spent < TIME_BOX):
            start = time.perf_counter()
            suggest(request, week, first, before, after, knowledge)
            samples.append(time.perf_counter() - start)
            spent += samples[-1]
        samples.sort()
        median = samples[len(samples) // 2]
        medians.append(median)
        count = naive_count(request)
        sample = list(itertools.islice(arrangements(request), SAMPLE))
        start = time.perf_counter()
        for days in sample:
            judge(WeekPlan(week, first, days), before, after, knowledge)
        per_judge = (time.perf_counter() - start) / len(sample)
        naive = count * per_judge
        print(f"{describe(name, samples)}; first call {cold * 1e3:.0f} ms; best {best.score}")
        print(
            f"    naive: {count} arrangements x {per_judge * 1e6:.0f} us per judge = "
            f"{naive:.2f} s ({naive / median:.0f}x the median)"
        )
    kinds = Counter(max_per_day for _, max_per_day in REQUESTS)
    print(f"requests: {kinds[1]} one a day, {kinds[2]} two a day")
    within = sum(1 for median in medians if median <= BUDGET)
    print(
        f"slowest median: {max(medians) * 1e3:.1f} ms; budget: median <= {BUDGET * 1e3:.0f} ms "
        f"per suggestion; {within} of {len(medians)} requests within it"
    )


if __name__ == "__main__":
    main()
