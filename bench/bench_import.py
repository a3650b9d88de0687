"""``planner import`` of 10,000 weeks into an empty database, end to end (read, check, one
write). Target from issue 15: median <= 1 s. For scale, reading and checking the same file
alone (``read_export``, no database) is timed in the same run. Printed, never asserted.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
import time
from pathlib import Path

from bench.fixtures import plan_for
from bench.stats import describe
from planner.cli import main as planner
from planner.export.json import export_document, read_export
from planner.plan import Settings
from planner.weeks import IsoWeek

WEEKS = 10_000
ROUNDS = 5
# Ten thousand weeks back from here stay inside the supported weeks (1900-W01 on).
LAST = IsoWeek(2150, 52)


def export_file(folder: Path, count: int) -> Path:
    plans = [plan_for(LAST.shifted(n - count + 1), n) for n in range(count)]
    path = folder / f"export-{count}.json"
    path.write_text(json.dumps(export_document(plans, Settings())), encoding="utf-8")
    return path


def time_import(folder: Path, source: Path, rounds: int) -> list[float]:
    samples = []
    for n in range(rounds):
        db = folder / f"import-{source.stem}-{n}.json"
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            code = planner(["import", str(source), "--db", str(db)])
        samples.append(time.perf_counter() - start)
        assert code == 0, code
    return samples


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for count in (1_000, 5_000):
            samples = time_import(folder, export_file(folder, count), 3)
            print(describe(f"import {count} weeks", samples, "s"))
        source = export_file(folder, WEEKS)
        text = source.read_text(encoding="utf-8")
        imports, checks = [], []
        for _ in range(ROUNDS):  # alternated: this VM's speed drifts
            imports += time_import(folder, source, 1)
            start = time.perf_counter()
            read_export(text, source.name)
            checks.append(time.perf_counter() - start)
    print(f"export file: {WEEKS} weeks, {len(text) / 1024:.0f} KiB")
    print(describe(f"import {WEEKS} weeks (target median <= 1 s)", imports, "s"))
    print(describe("  reference: read and check the same file only", checks, "s"))
    ratio = sorted(imports)[len(imports) // 2] / sorted(checks)[len(checks) // 2]
    print(f"  import / check alone: {ratio:.1f}x")


if __name__ == "__main__":
    main()
