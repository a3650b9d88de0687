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
    from planner.clock import SystemClock
    from screens.app import PlannerApp

    class FirstFrame(PlannerApp):
        def on_ready(self):
            self.call_after_refresh(self.exit)

    FirstFrame(clock=SystemClock(), db_path=Path(sys.argv[1])).run(headless=True, size=(120, 36))
    """
)


def _time(code: str, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, timeout=30)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "planner.json")
        _time(HELLO), _time(PLANNER, db)  # warm the OS file cache and .pyc files
        hello: list[float] = []
        planner: list[float] = []
        for _ in range(RUNS):  # interleaved, so machine noise hits both alike
            hello.append(_time(HELLO))
            planner.append(_time(PLANNER, db))
    print(describe("hello-world Textual app", hello))
    print(describe("planner, empty database", planner))
    ratio = statistics.median(planner) / statistics.median(hello)
    print(f"ratio planner / hello-world: {ratio:.2f}x (goal <= 1.25x)")
