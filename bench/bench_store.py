"""Store figures with ten years stored (520 weeks): one week saved with fsync, and open+load.

Targets from issue 4: save median <= 5 ms, open/load <= 50 ms. Printed, never asserted.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.stats import describe
from planner.plan import WeekPlan
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity

WEEKS = 520
SAVES = 100
OPENS = 30
CHOICES = (*Activity, None)


def plan_for(week: IsoWeek, salt: int, first: FirstWeekday = FirstWeekday.MONDAY) -> WeekPlan:
    activities = tuple(CHOICES[(week.week + salt + day) % len(CHOICES)] for day in range(7))
    if all(activity is None for activity in activities):
        activities = (Activity.REST, *activities[1:])
    return WeekPlan(week, first, activities)


def main() -> None:
    weeks = [IsoWeek(2016, 1).shifted(n) for n in range(WEEKS)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "planner.json"
        with Store.open(path) as store:
            store.replace_weeks([plan_for(week, 0) for week in weeks])
            size = path.stat().st_size
            saves = []
            for n in range(SAVES):
                first = FirstWeekday.SUNDAY if n % 2 else FirstWeekday.MONDAY
                plan = plan_for(weeks[n * 5 % WEEKS], n + 1, first)
                start = time.perf_counter()
                store.save_plan(plan)
                saves.append(time.perf_counter() - start)
            stored = len(store.stored_weeks())
        opens = []
        for _ in range(OPENS):
            start = time.perf_counter()
            with Store.open(path) as store:
                store.load_plan(weeks[-1], FirstWeekday.MONDAY)
            opens.append(time.perf_counter() - start)
    print(f"database: {stored} weeks stored, {size / 1024:.1f} KiB")
    print(describe("save one week incl. fsync (target median <= 5 ms)", saves))
    print(describe("open + load one week (target <= 50 ms)", opens))


if __name__ == "__main__":
    main()
