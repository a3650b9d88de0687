"""Startup to first rendered frame: the planner against a hello-world Textual app.

Each sample is a fresh process (imports included, as a user pays them) that exits as soon as
its first frame has been rendered, headless. Reported as a ratio; goal <= 1.25x.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from bench.fixtures import fill_ten_years
from bench.stats import describe

RUNS = 15

HELLO = textwrap.dedent(
    """
    from textual.app import App
    from textual.widgets import Static

    class Hello(App[None]):
        def compose(self):
            yield Static("Hello, world")

        def on_ready(self):
            self.call_after_refresh(self.exit)

    Hello().run(headless=True, size=(120, 36))
    """
)

PLANNER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    import pendulum
    from planner.clock import FixedClock
    from planner.store import Store
    from rules import default_knowledge
    from screens.app import PlannerApp

    class FirstFrame(PlannerApp):
        def on_ready(self):
            self.call_after_refresh(self.exit)

    with Store.open(Path(sys.argv[1])) as store:
        app = FirstFrame(
            clock=FixedClock(pendulum.Date(2026, 11, 25)),
            store=store,
            knowledge=default_knowledge(),
        )
        app.run(headless=True, size=(120, 36))
    """
)


def _time(code: str, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, timeout=30)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        empty = str(Path(tmp) / "planner.json")
        full = Path(tmp) / "ten-years.json"
        fill_ten_years(full)
        _time(HELLO), _time(PLANNER, empty)  # warm the OS file cache and .pyc files
        hello: list[float] = []
        planner_empty: list[float] = []
        planner_full: list[float] = []
        for _ in range(RUNS):  # interleaved, so machine noise hits all alike
            hello.append(_time(HELLO))
            planner_empty.append(_time(PLANNER, empty))
            planner_full.append(_time(PLANNER, str(full)))
    print(describe("hello-world Textual app", hello))
    print(describe("planner, empty database", planner_empty))
    print(describe("planner, 520 weeks stored", planner_full))
    for label, samples in (("empty", planner_empty), ("520 weeks", planner_full)):
        ratio = statistics.median(samples) / statistics.median(hello)
        print(f"ratio planner ({label}) / hello-world: {ratio:.2f}x (goal <= 1.25x)")
