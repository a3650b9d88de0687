"""``planner export`` of 10,000 stored weeks: the calendar (ics) end to end, its time and its
peak memory (tracemalloc, in a run of its own: tracing slows everything down). Targets from
issue 15: ics <= 2 s median and <= 100 MB peak. For scale, the JSON export of the same
database is timed in the same run, alternating. Printed, never asserted.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from bench.fixtures import plan_for
from bench.stats import describe
from planner.cli import main as planner
from planner.store import Store
from planner.weeks import IsoWeek

WEEKS = 10_000
ROUNDS = 3
# Ten thousand weeks back from here stay inside the supported weeks (1900-W01 on).
LAST = IsoWeek(2150, 52)


def seeded(folder: Path, count: int) -> Path:
    path = folder / "planner.json"
    with Store.open(path) as store:
        store.replace_weeks([plan_for(LAST.shifted(n - count + 1), n) for n in range(count)])
    return path


def export(db: Path, out: Path, format: str) -> float:
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code = planner(["export", "--format", format, "-o", str(out), "--db", str(db)])
    elapsed = time.perf_counter() - start
    assert code == 0, code
    return elapsed


def peak_mb(db: Path, out: Path, format: str) -> float:
    tracemalloc.start()
    try:
        export(db, out, format)
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        db = seeded(folder, WEEKS)
        out = folder / "out"
        export(db, out, "ics")  # warm up: imports, rules
        ics, json = [], []
        for _ in range(ROUNDS):
            ics.append(export(db, out, "ics"))
            size = out.stat().st_size
            json.append(export(db, out, "json"))
        peak = peak_mb(db, out, "ics")
    print(f"{WEEKS} weeks stored; the calendar is {size / 1e6:.1f} MB")
    print(describe(f"export --format ics, {WEEKS} weeks (target median <= 2 s)", ics, "s"))
    print(f"  peak memory traced: {peak:.0f} MB (target <= 100 MB)")
    print(describe("  reference: export --format json, same database", json, "s"))
    ratio = statistics.median(ics) / statistics.median(json)
    print(f"  ics / json: {ratio:.1f}x")


if __name__ == "__main__":
    main()
