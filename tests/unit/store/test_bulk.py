"""Import writes its weeks and its settings together: one file replacement, or nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planner.plan import Settings, WeekPlan
from planner.store import SaveFailed, Store
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity, PlannedDay

W48 = IsoWeek(2026, 48)


def test_weeks_and_settings_are_one_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "planner.json"
    with Store.open(db) as store:
        replaces = 0
        real_replace = os.replace

        def counting_replace(src: str, dst: str) -> None:
            nonlocal replaces
            replaces += 1
            real_replace(src, dst)

        monkeypatch.setattr(os, "replace", counting_replace)
        plan = WeekPlan.empty(W48, FirstWeekday.MONDAY).with_day(0, PlannedDay.of(Activity.LEGS))
        store.replace_weeks([plan], settings=Settings(first_weekday=FirstWeekday.SUNDAY))
        assert replaces == 1
    with Store.open(db, read_only=True) as store:
        assert store.settings().first_weekday is FirstWeekday.SUNDAY
        assert store.load_plan(W48, FirstWeekday.MONDAY).activities[0] is Activity.LEGS


def test_a_failed_bulk_write_changes_neither(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "planner.json"
    with Store.open(db) as store:
        store.save_plan(
            WeekPlan.empty(W48, FirstWeekday.MONDAY).with_day(1, PlannedDay.of(Activity.RUN))
        )
        before = db.read_bytes()

        def failing_replace(src: str, dst: str) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", failing_replace)
        plan = WeekPlan.empty(W48, FirstWeekday.MONDAY).with_day(0, PlannedDay.of(Activity.LEGS))
        with pytest.raises(SaveFailed):
            store.replace_weeks([plan], settings=Settings(first_weekday=FirstWeekday.SUNDAY))
        assert store.settings().first_weekday is FirstWeekday.MONDAY
        assert store.load_plan(W48, FirstWeekday.MONDAY).activities[:2] == (None, Activity.RUN)
    assert db.read_bytes() == before
