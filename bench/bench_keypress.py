"""Key press to refreshed frame on the week screen, with an empty database and with ten
years (520 weeks) stored, the shown week full of two-session days. Targets: median <= 16 ms
for plan, cycle and move, and no worse with 520 weeks.

A sample runs from posting the key to the first frame composed after it (the screen is idle
before each key, so that frame is the one that shows the key's effect); the pilot's own
waiting for idle afterwards is not counted.

The machine's speed drifts a lot over a minute on a shared VM, so the reference app, the
empty database and the full one are measured in alternating rounds: drift hits all three
alike, and the comparison between them is fair."""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.widgets import Static

from bench.fixtures import SHOWN_WEEK, fill_ten_years
from bench.frames import on_each_frame
from bench.stats import describe
from planner.clock import FixedClock
from planner.store import Store
from rules import default_knowledge
from screens.app import PlannerApp

ROUNDS = 4
PRESSES = 60  # per round: 240 in all for each of the three
TARGET_MS = 16.0
# Every edit changes the plan and re-evaluates the week, and the selection swings between
# Tuesday and Wednesday so that the days around it keep their two sessions: plan a day
# (moves on), step back, add a second session (+ then its kind: the kind is the edit),
# cycle its run type, move on; the same on the next day, and back.
CYCLE = (
    *("p", "left", "plus", "r", "i", "right"),
    *("u", "left", "plus", "r", "i", "left"),
)
KINDS = {"p": "plan", "u": "plan", "r": "plan", "i": "cycle", "left": "move", "right": "move"}


class Reference(App[None]):
    """The least a Textual app can do for a key: change one label's text."""

    BINDINGS: ClassVar = [(key, "count", "") for key in set(CYCLE)]

    def compose(self) -> ComposeResult:
        yield Static("0", id="count")

    def action_count(self) -> None:
        label = self.query_one("#count", Static)
        label.update(str(int(str(label.render())) + 1))


async def _measure(app: App[Any], *, count_calls: bool = False) -> dict[str, list[float]]:
    """Seconds from each key to its first frame; with ``count_calls``, the Python calls made
    in that time instead: a figure that does not drift with the machine's speed, for
    comparing two versions of the code (profiling slows the keys: not a time to read)."""
    samples: dict[str, list[float]] = {kind: [] for kind in KINDS.values()}
    calls = [0]

    def count(_frame: object, event: str, _arg: object) -> None:
        if event in ("call", "c_call"):
            calls[0] += 1

    async with app.run_test(size=(120, 36)) as pilot:
        frames: list[float] = []

        def frame() -> None:
            if count_calls:
                sys.setprofile(None)
            frames.append(calls[0] if count_calls else time.perf_counter())

        on_each_frame(app, frame)
        await pilot.pause()
        for n in range(PRESSES):
            key = CYCLE[n % len(CYCLE)]
            frames.clear()
            start: float = 0
            if count_calls:
                calls[0] = 0
                sys.setprofile(count)
            else:
                start = time.perf_counter()
            await pilot.press(key)
            sys.setprofile(None)
            await pilot.pause()  # until the key is handled and its frame written
            # The first frame after the key is the one that shows its effect ("+" only
            # changes the title: not one of the kinds measured).
            if frames and key in KINDS:
                samples[KINDS[key]].append(frames[0] - start)
    return samples


def _planner(path: Path, *, count_calls: bool = False) -> dict[str, list[float]]:
    with Store.open(path) as store:
        app = PlannerApp(
            clock=FixedClock(SHOWN_WEEK.days[1]), store=store, knowledge=default_knowledge()
        )
        app.animation_level = "none"
        samples = asyncio.run(_measure(app, count_calls=count_calls))
        app.wait_for_saves()
    return samples


DESCRIPTIONS = {
    "plan": "plan a day (edit, evaluate, panel)",
    "cycle": "cycle a session's run type",
    "move": "move the selection",
}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        databases = {"empty database": Path(folder) / "empty.json"}
        databases["520 weeks stored"] = Path(folder) / "ten-years.json"
        fill_ten_years(databases["520 weeks stored"])
        reference: list[float] = []
        samples: dict[str, dict[str, list[float]]] = {
            label: {kind: [] for kind in DESCRIPTIONS} for label in databases
        }
        for round_number in range(ROUNDS):
            for kind_samples in asyncio.run(_measure(Reference())).values():
                reference.extend(kind_samples)
            # Each round in the other order, so neither database always runs first.
            order = list(databases.items())
            for label, path in order if round_number % 2 else reversed(order):
                for kind, kind_samples in _planner(path).items():
                    samples[label][kind].extend(kind_samples)
        calls = _planner(databases["520 weeks stored"], count_calls=True)
    print(describe("reference: a minimal Textual app changing one label", reference))
    for label in databases:
        for kind, description in DESCRIPTIONS.items():
            print(describe(f"{label}: {description}", samples[label][kind]))
    reference_ms = statistics.median(reference) * 1e3
    for kind, description in DESCRIPTIONS.items():
        empty, full = (statistics.median(samples[label][kind]) * 1e3 for label in databases)
        verdict = "met" if full <= TARGET_MS else "NOT met"
        print(
            f"{description}, 520 weeks: {full:.2f} ms, target <= {TARGET_MS:.0f} ms {verdict}; "
            f"{(full - empty) / empty:+.0%} against the empty database; "
            f"{full / reference_ms:.1f}x the reference"
        )
    print(
        "Python calls from the key to its first frame, 520 weeks (steady: compare versions "
        "with it): "
        + ", ".join(f"{kind} {statistics.median(calls[kind]):.0f}" for kind in DESCRIPTIONS)
    )
