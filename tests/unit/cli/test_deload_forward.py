"""Low check-ins in a block: ``planner show`` suggests bringing the deload forward (text and
JSON), and the planner's D applies it: next week and the deload week swap places."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from planner.block import BlockWeek, lay_block
from planner.days import parse_day
from planner.log import DayLog
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from tests.conftest import TODAY
from tests.helpers import run_cli, settled

W48 = IsoWeek(2026, 48)  # holds TODAY (Wednesday 25 Nov)
LAYOUT = tuple(
    None if word == "-" else parse_day(word)
    for word in ("legs:heavy", "run:intervals", "push:heavy", "-", "pull", "run:tempo", "rest")
)


def seed_block(db: Path, low_days: int) -> None:
    with Store.open(db) as store:
        store.lay_block(lay_block(LAYOUT, W48, 4, 4, FirstWeekday.MONDAY))  # deload: W51
        store.save_logs(
            {TODAY - timedelta(days=back): DayLog(energy=1) for back in range(low_days)}
        )


def test_show_suggests_the_deload_sooner_after_three_low_check_ins(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_block(db_path, 3)
    outcome = run_cli(["show", "--db", str(db_path)], capsys)
    assert outcome.code == 0
    assert (
        "  !  3 check-ins in 14 days with low energy or very sore muscles: consider moving "
        "the deload of 2026-W51 to 2026-W49 (a rule of thumb, not a tested line) (D in the "
        "planner)"
    ) in outcome.out.splitlines()
    shown = json.loads(run_cli(["show", "--json", "--db", str(db_path)], capsys).out)
    assert shown["deload"] == {
        "text": shown["deload"]["text"], "low": 3, "to": "2026-W49", "from": "2026-W51",
    }  # fmt: skip
    # Another week, or fewer low check-ins: nothing suggested.
    other = json.loads(
        run_cli(["show", "--json", "--week", "2026-W49", "--db", str(db_path)], capsys).out
    )
    assert other["deload"] is None


def test_two_low_check_ins_suggest_nothing(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_block(db_path, 2)
    shown = json.loads(run_cli(["show", "--json", "--db", str(db_path)], capsys).out)
    assert shown["deload"] is None
    assert "bring the deload" not in run_cli(["show", "--db", str(db_path)], capsys).out


async def test_d_swaps_next_week_and_the_deload_week(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    seed_block(db_path, 3)
    with Store.open(db_path, read_only=True) as store:
        before = {
            w: store.load_plan(w, FirstWeekday.MONDAY).days for w in (W48.next(), W48.shifted(3))
        }
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot)
        assert app.screen.session.view.summary.deload is not None
        await pilot.press("D")
        await settled(pilot)
        assert app.screen.session.view.summary.deload is None  # applied: nothing more to bring
        await pilot.press("ctrl+q")
    with Store.open(db_path, read_only=True) as store:
        marks = store.blocks_between(W48, W48.shifted(3))
        assert marks[W48.next()] == BlockWeek(W48, 2, 4, True)
        assert marks[W48.shifted(3)] == BlockWeek(W48, 4, 4, False)
        assert store.load_plan(W48.next(), FirstWeekday.MONDAY).days == before[W48.shifted(3)]
        assert store.load_plan(W48.shifted(3), FirstWeekday.MONDAY).days == before[W48.next()]
