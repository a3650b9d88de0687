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
            replaces += str(dst) == str(db)  # the backup is renamed into place too
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


def varied_plans(count: int, first: FirstWeekday) -> list[WeekPlan]:
    choices = (*Activity, None)
    return [
        WeekPlan.of_activities(
            W48.shifted(-n),
            first,
            tuple(choices[(n * 3 + day) % len(choices)] for day in range(7)),
        )
        for n in range(count)
    ]


@pytest.mark.parametrize("count", [500, 2000])
def test_an_import_reads_the_table_a_fixed_number_of_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    """Linear, not quadratic: TinyDB's table operations re-read and rebuild the whole table
    on every call, so one per week made an import of 10k weeks take 13 s."""
    from planner.store.atomic import AtomicJSONStorage

    reads = 0
    real_read = AtomicJSONStorage.read

    def counting_read(self: AtomicJSONStorage) -> object:
        nonlocal reads
        reads += 1
        return real_read(self)

    with Store.open(tmp_path / "planner.json") as store:
        store.replace_weeks(varied_plans(count, FirstWeekday.MONDAY)[::2])
        monkeypatch.setattr(AtomicJSONStorage, "read", counting_read)
        store.replace_weeks(varied_plans(count, FirstWeekday.MONDAY), settings=Settings())
        assert reads <= 6, reads
        assert len(store.stored_weeks()) == count


@pytest.mark.parametrize("clear_others", [False, True])
def test_an_import_stores_what_saving_each_plan_would(tmp_path: Path, clear_others: bool) -> None:
    plans = varied_plans(60, FirstWeekday.MONDAY) + varied_plans(40, FirstWeekday.SUNDAY)[::3]
    earlier = [
        WeekPlan.of_activities(W48.shifted(n), FirstWeekday.MONDAY, (Activity.RUN,) * 7)
        for n in range(-70, 5, 7)
    ]
    with Store.open(tmp_path / "one.json") as one, Store.open(tmp_path / "each.json") as each:
        for store in (one, each):
            store.replace_weeks(earlier)
        one.replace_weeks(plans, clear_others=clear_others)
        if clear_others:
            each.replace_weeks([], clear_others=True)
        for plan in plans:
            each.save_plan(plan)
        assert one.stored_weeks() == each.stored_weeks()
        for week in each.stored_weeks():
            for first in FirstWeekday:
                assert one.load_plan(week, first) == each.load_plan(week, first)
