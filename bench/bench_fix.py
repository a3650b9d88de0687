"""The smallest fix (planner/fix.py) of a week full of two-session days, with ten years
(520 weeks) stored: every single change judged. A key press has 16 ms in all; the fix
fits in it now, but the week screen still computes it in a worker that gives way to key
presses between candidates, once typing pauses (screens/widgets/fix_line.py): this figure
is how long the panel waits for it after the pause.

Reference, in the same rounds (the VM's speed drifts): one ``judge`` of the same week, the
judging a key press does anyway. Then what the worker costs the key presses: key press to
frame on that week (bench/bench_keypress.py's measure) with the fix line searching and with
its search switched off, in alternating rounds. Printed, never asserted."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from unittest import mock

from bench.bench_keypress import DESCRIPTIONS, _measure
from bench.fixtures import SHOWN_WEEK, fill_ten_years
from bench.stats import describe
from planner.advice import DatedDays, judge, judge_week
from planner.clock import FixedClock
from planner.days import parse_day
from planner.fix import describe_change, single_changes, smallest_fix
from planner.plan import WeekPlan
from planner.store import Store
from planner.weeks import FirstWeekday
from rules import PlannedDay, default_knowledge
from screens.app import PlannerApp
from screens.widgets.fix_line import FixLine

ROUNDS = 5
KEY_ROUNDS = 2
PER_ROUND = 6
BUDGET_MS = 16.0
TWO_A_DAY = (
    "legs:heavy+run:easy push,pull run:intervals+pull:heavy legs+run run:long+push "
    "pull+run:tempo push:light+legs"
)


def main() -> None:
    knowledge = default_knowledge()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ten-years.json"
        fill_ten_years(path)
        with Store.open(path) as store:
            days = tuple(parse_day(word) for word in TWO_A_DAY.split())
            store.save_plan(WeekPlan(SHOWN_WEEK, FirstWeekday.MONDAY, days))
            week = judge_week(store, SHOWN_WEEK, FirstWeekday.MONDAY, knowledge)
        _time_fix(week.plan, week.before, week.after)
        _time_keys(path, days)


def _time_keys(path: Path, days: tuple[PlannedDay, ...]) -> None:
    samples: dict[bool, dict[str, list[float]]] = {
        searching: {kind: [] for kind in DESCRIPTIONS} for searching in (True, False)
    }
    for round_number in range(KEY_ROUNDS):
        for searching in (True, False) if round_number % 2 else (False, True):
            with Store.open(path) as store:
                # Each round from the same two-session week (the keys edit it).
                store.save_plan(WeekPlan(SHOWN_WEEK, FirstWeekday.MONDAY, days))
                app = PlannerApp(
                    clock=FixedClock(SHOWN_WEEK.days[2]),
                    store=store,
                    knowledge=default_knowledge(),
                )
                app.animation_level = "none"
                follow = FixLine.follow if searching else lambda *_: None
                with mock.patch.object(FixLine, "follow", follow):
                    measured = asyncio.run(_measure(app))
                app.wait_for_saves()
            for kind, kind_samples in measured.items():
                samples[searching][kind].extend(kind_samples)
    for searching, label in ((False, "fix search off"), (True, "fix search on")):
        for kind, description in DESCRIPTIONS.items():
            print(
                describe(
                    f"two-session week, 520 weeks, {label}: {description}", samples[searching][kind]
                )
            )
    for kind, description in DESCRIPTIONS.items():
        off = statistics.median(samples[False][kind]) * 1e3
        on = statistics.median(samples[True][kind]) * 1e3
        print(
            f"{description}: {on:.2f} ms with the fix search, {off:.2f} ms without "
            f"({on / off:.2f}x)"
        )


def _time_fix(plan: WeekPlan, before: DatedDays, after: DatedDays) -> None:
    knowledge = default_knowledge()
    candidates = sum(1 for _ in single_changes(plan))
    fixes: list[float] = []
    judges: list[float] = []
    smallest_fix(plan, before, after, knowledge)  # warm up
    for _ in range(ROUNDS):
        for _ in range(PER_ROUND):
            start = time.perf_counter()
            found = smallest_fix(plan, before, after, knowledge)
            fixes.append(time.perf_counter() - start)
        for _ in range(PER_ROUND * 20):
            start = time.perf_counter()
            judge(plan, before, after, knowledge)
            judges.append(time.perf_counter() - start)
    change = "none" if found is None else describe_change(found.change, plan)
    print(f"week: {TWO_A_DAY}; {candidates} candidates; fix: {change}")
    print(describe("reference: one judge of the week", judges))
    print(describe("smallest fix, 520 weeks stored", fixes))
    fix_ms = statistics.median(fixes) * 1e3
    ratio = statistics.median(fixes) / statistics.median(judges)
    where = (
        "fits a key press" if fix_ms <= BUDGET_MS else "over a key press: computed off the frame"
    )
    print(
        f"smallest fix: {fix_ms:.1f} ms median = {ratio:.0f}x one judge; budget "
        f"{BUDGET_MS:.0f} ms per key press: {where}"
    )


if __name__ == "__main__":
    main()
