"""``planner export`` at scale. Printed, never asserted.

- 10,000 stored weeks: the calendar (ics) end to end, its time and its peak memory
  (tracemalloc, in a run of its own: tracing slows everything down), with the JSON export
  of the same database timed beside it, alternating. Targets from issue 15: ics <= 2 s
  median and <= 100 MB peak.
- Every supported week (1900-W01 to 2999-W52, about 57,400): the Markdown export as a
  command of its own, its time and its peak resident memory (the kernel's figure for the
  process, interpreter included; a one-week export is the reference), target from issue 24:
  <= 100 MB; and the JSON export's round trip (export, import into an empty database,
  export again: the same bytes), which must stay under the 64 MiB an import reads.
"""

from __future__ import annotations

import contextlib
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from bench.fixtures import plan_for
from bench.stats import describe
from planner.cli import main as planner
from planner.cli.files import READ_LIMIT
from planner.store import Store
from planner.weeks import FIRST_YEAR, LAST_YEAR, IsoWeek, weeks_in_year

WEEKS = 10_000
ROUNDS = 3
# Ten thousand weeks back from here stay inside the supported weeks (1900-W01 on).
LAST = IsoWeek(2150, 52)


def seeded(folder: Path, count: int) -> Path:
    path = folder / "planner.json"
    with Store.open(path) as store:
        store.replace_weeks([plan_for(LAST.shifted(n - count + 1), n) for n in range(count)])
    return path


def every_supported_week(path: Path) -> int:
    weeks = [
        IsoWeek(year, number)
        for year in range(FIRST_YEAR, LAST_YEAR + 1)
        for number in range(1, weeks_in_year(year) + 1)
    ]
    with Store.open(path) as store:
        store.replace_weeks([plan_for(week, n) for n, week in enumerate(weeks)])
    return len(weeks)


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


# The command, reporting its peak resident memory as it exits: VmHWM, which exec starts
# afresh. (getrusage's maxrss of a child counts the bench's own memory, copied at fork.)
PEAK_REPORTING = """
import atexit, os, sys

def report():
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(os.environ["PLANNER_BENCH_PEAK"], "w") as out:
        out.write(peak)

atexit.register(report)
from planner.__main__ import main
sys.exit(main())
"""


def command(*argv: str) -> tuple[float, float]:
    """``planner ARGV`` as a process of its own: seconds, and its peak resident MB."""
    with tempfile.NamedTemporaryFile("r") as peak:
        environment = {**os.environ, "PLANNER_BENCH_PEAK": peak.name}
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", PEAK_REPORTING, *argv],
            stdout=subprocess.DEVNULL,
            env=environment,
            check=False,
        )
        elapsed = time.perf_counter() - start
        assert done.returncode == 0, (argv, done.returncode)
        return elapsed, int(peak.read()) / 1024  # kB


def ten_thousand() -> None:
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


def all_weeks() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        db, one = folder / "all.json", folder / "one.json"
        count = every_supported_week(db)
        with Store.open(one) as store:
            store.replace_weeks([plan_for(LAST, 0)])
        _, reference = command("export", "--format", "md", "--db", str(one), "-o", "-")
        seconds, resident = command("export", "--format", "md", "--db", str(db), "-o", "-")
        print(f"every supported week: {count} weeks stored")
        print(f"export --format md, every week: {seconds:.0f} s, peak resident {resident:.0f} MB")
        print(f"  (target <= 100 MB; reference: one week, peak resident {reference:.0f} MB)")
        exported, copy = folder / "all-export.json", folder / "copy.json"
        seconds, resident = command(
            "export", "--format", "json", "--db", str(db), "-o", str(exported)
        )
        size = exported.stat().st_size
        print(
            f"export --format json, every week: {seconds:.1f} s, {size / 2**20:.1f} MiB "
            f"(an import reads up to {READ_LIMIT / 2**20:.0f} MiB), peak resident {resident:.0f} MB"
        )
        if size > READ_LIMIT:
            print("  round trip: not possible, the export is larger than an import reads")
            return
        seconds, resident = command("import", str(exported), "--db", str(copy))
        again = folder / "again.json"
        command("export", "--format", "json", "--db", str(copy), "-o", str(again))
        same = again.read_bytes() == exported.read_bytes()
        print(
            f"  import of it: {seconds:.1f} s, peak resident {resident:.0f} MB; exported "
            f"again: {'the same bytes' if same else 'DIFFERENT'}"
        )


def main() -> None:
    ten_thousand()
    all_weeks()


if __name__ == "__main__":
    main()
