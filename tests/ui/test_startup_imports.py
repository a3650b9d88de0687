"""The planner's first frame loads only what it shows: the suggest search, the exports, the
templates, the palette's commands, the dialogs, the year overview, icalendar and shtab wait
until they are asked for (each costs start-up time; bench/bench_startup.py measures it)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

NOT_ON_THE_FIRST_FRAME = (
    "icalendar",
    "shtab",
    "planner.export",
    "planner.suggest",
    "planner.templates",
    "screens.commands",
    "screens.dialogs.suggest_dialog",
    "screens.dialogs.help_dialog",
    "screens.dialogs.go_to_week_dialog",
    "screens.year_screen",
)

# The start-up path of the `planner` command (planner.cli, then screens.app), up to the
# week screen's first frame; then `keys` are pressed and the deferred modules loaded so far
# are printed again.
CHECK = textwrap.dedent(
    """
    import asyncio, sys
    import pendulum
    import planner.cli
    from planner.cli.common import open_knowledge
    from planner.clock import FixedClock
    from planner.store import Store
    from screens.app import PlannerApp

    DEFERRED = {deferred!r}

    def loaded():
        return ",".join(sorted(
            n for n in sys.modules if any(n == d or n.startswith(d + ".") for d in DEFERRED)
        ))

    async def main():
        with Store.open({db!r}) as store:
            app = PlannerApp(
                clock=FixedClock(pendulum.date(2026, 11, 25)),
                store=store,
                knowledge=open_knowledge(),
            )
            async with app.run_test(size=(120, 36)) as pilot:
                await pilot.pause()
                print(loaded())
                await pilot.press(*{keys!r})
                await pilot.pause()
                print(loaded())

    asyncio.run(main())
    """
)


def deferred_modules(tmp_path: Path, keys: list[str]) -> tuple[set[str], set[str]]:
    code = CHECK.format(deferred=NOT_ON_THE_FIRST_FRAME, db=str(tmp_path / "p.json"), keys=keys)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    first, after = result.stdout.split("\n")[:2]
    return set(filter(None, first.split(","))), set(filter(None, after.split(",")))


def test_the_first_frame_imports_nothing_it_does_not_show(tmp_path: Path) -> None:
    first_frame, after_suggest = deferred_modules(tmp_path, ["s"])
    assert first_frame == set()
    # The check sees a deferred import when it happens: the suggest dialog loads the search.
    assert {"planner.suggest", "screens.dialogs.suggest_dialog"} <= after_suggest
