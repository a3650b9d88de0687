"""Store figures with ten years stored (520 weeks): one week saved with fsync, and open+load.

Targets from issue 4: save median <= 5 ms, open/load <= 50 ms. Printed, never asserted.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.fixtures import fill_ten_years, plan_for
from bench.stats import describe
from planner.store import Store
from planner.weeks import FirstWeekday

SAVES = 100
OPENS = 30


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "planner.json"
        weeks = fill_ten_years(path)
        with Store.open(path) as store:
            size = path.stat().st_size
            saves = []
            for n in range(SAVES):
                first = FirstWeekday.SUNDAY if n % 2 else FirstWeekday.MONDAY
                plan = plan_for(weeks[n * 5 % len(weeks)], n + 1, first)
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
