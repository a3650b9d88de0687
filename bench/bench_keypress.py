"""Key press to refreshed frame on the week screen, with an empty database and with ten
years (520 weeks) stored. Targets: median <= 16 ms, and no worse with 520 weeks.

A sample runs from posting the key to the first frame composed after it (the screen is idle
before each key, so that frame is the one that shows the key's effect); the pilot's own
waiting for idle afterwards is not counted."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any, ClassVar

from rich.console import RenderableType
from textual._compositor import CompositorUpdate
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from bench.fixtures import SHOWN_WEEK, fill_ten_years
from bench.stats import describe
from planner.clock import FixedClock
from planner.store import Store
from rules import default_knowledge
from screens.app import PlannerApp

PRESSES = 240
# An edit then a step back, so every edit changes the plan and re-evaluates the week.
CYCLE = ("p", "left", "u", "left", "g", "left", "r", "left", "full_stop", "right")


class Reference(App[None]):
    """The least a Textual app can do for a key: change one label's text."""

    BINDINGS: ClassVar = [(key, "count", "") for key in set(CYCLE)]

    def compose(self) -> ComposeResult:
        yield Static("0", id="count")

    def action_count(self) -> None:
        label = self.query_one("#count", Static)
        label.update(str(int(str(label.render())) + 1))


async def _measure(app: App[Any]) -> tuple[list[float], list[float]]:
    edits: list[float] = []
    moves: list[float] = []
    async with app.run_test(size=(120, 36)) as pilot:
        frames: list[float] = []
        display = app._display

        def timed_display(screen: Screen[object], renderable: RenderableType | None) -> None:
            # Headless, Textual composes each frame but skips turning it into terminal
            # output: do that here too, so the sample costs what a real terminal frame does.
            display(screen, renderable)
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)
                frames.append(time.perf_counter())

        app._display = timed_display  # type: ignore[method-assign]
        await pilot.pause()
        for n in range(PRESSES):
            key = CYCLE[n % len(CYCLE)]
            frames.clear()
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()  # until the key is handled and its frame written
            if frames:  # the first frame after the key is the one that shows its effect
                (moves if key in ("left", "right") else edits).append(frames[0] - start)
    return edits, moves


def _planner(path: Path) -> tuple[list[float], list[float]]:
    with Store.open(path) as store:
        app = PlannerApp(
            clock=FixedClock(SHOWN_WEEK.days[2]), store=store, knowledge=default_knowledge()
        )
        app.animation_level = "none"
        samples = asyncio.run(_measure(app))
        app.wait_for_saves()
    return samples


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.json"
        full = Path(folder) / "ten-years.json"
        fill_ten_years(full)
        reference, _ = asyncio.run(_measure(Reference()))
        print(describe("reference: a minimal Textual app changing one label", reference))
        for label, path in (("empty database", empty), ("520 weeks stored", full)):
            edits, moves = _planner(path)
            print(describe(f"{label}: plan a day (edit, evaluate, panel)", edits))
            print(describe(f"{label}: move the selection", moves))
            ratio = statistics.median(edits) / statistics.median(reference)
            print(f"{label}: plan a day / reference: {ratio:.2f}x")
