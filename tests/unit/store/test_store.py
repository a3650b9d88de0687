"""The Store's behaviour on a healthy file: round trips, weeks spanning two ISO weeks, settings,
the lock, where files appear, and thread safety."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.plan import Settings, WeekPlan
from planner.store import DatabaseLocked, ReadOnlyStore, Store, StoreError
from planner.store.lock import DatabaseLock
from planner.weeks import FirstWeekday, IsoWeek, shown_dates
from rules import Activity, PlannedDay

MONDAY, SUNDAY = FirstWeekday.MONDAY, FirstWeekday.SUNDAY
W48 = IsoWeek(2026, 48)
FULL = (
    Activity.PUSH,
    Activity.PULL,
    Activity.LEGS,
    Activity.RUN,
    Activity.REST,
    None,
    Activity.LEGS,
)


def reopened(path: Path) -> Store:
    return Store.open(path, read_only=True)


@pytest.mark.parametrize("first", list(FirstWeekday))
@pytest.mark.parametrize(
    "week", [IsoWeek(2026, 48), IsoWeek(2026, 1), IsoWeek(2026, 53), IsoWeek(2027, 1)]
)
def test_round_trip_every_field(db_path: Path, week: IsoWeek, first: FirstWeekday) -> None:
    plan = WeekPlan.of_activities(week, first, FULL)
    with Store.open(db_path) as store:
        store.save_plan(plan)
        assert store.load_plan(week, first) == plan
    with reopened(db_path) as store:
        assert store.load_plan(week, first) == plan


@pytest.mark.parametrize("activity", list(Activity))
def test_every_activity_on_every_weekday_survives_a_restart(
    db_path: Path, activity: Activity
) -> None:
    plans = [
        WeekPlan.empty(W48.shifted(i), MONDAY).with_day(i, PlannedDay.of(activity))
        for i in range(7)
    ]
    with Store.open(db_path) as store:
        store.replace_weeks(plans)
    with reopened(db_path) as store:
        assert store.all_plans() == plans


def test_sunday_first_writes_the_sunday_into_the_previous_iso_week(db_path: Path) -> None:
    plan = WeekPlan.of_activities(W48, SUNDAY, (Activity.RUN, *(None,) * 5, Activity.REST))
    with Store.open(db_path) as store:
        store.save_plan(plan)
        assert store.stored_weeks() == [IsoWeek(2026, 47), W48]
        assert store.load_plan(IsoWeek(2026, 47), MONDAY).activities[6] is Activity.RUN
        assert store.load_plan(W48, MONDAY).activities[5] is Activity.REST
    weeks = json.loads(db_path.read_bytes())["weeks"]
    assert weeks == {
        "202647": {"week": "2026-W47", "sun": "run:easy"},
        "202648": {"week": "2026-W48", "sat": "rest"},
    }


def test_sunday_first_across_the_year_boundary(db_path: Path) -> None:
    plan = WeekPlan.of_activities(IsoWeek(2026, 1), SUNDAY, FULL)
    with Store.open(db_path) as store:
        store.save_plan(plan)
        assert store.stored_weeks() == [IsoWeek(2025, 52), IsoWeek(2026, 1)]
        assert store.load_plan(IsoWeek(2026, 1), SUNDAY) == plan


def test_a_week_cleared_of_every_day_is_removed(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_plan(WeekPlan.of_activities(W48, MONDAY, FULL))
        store.save_plan(WeekPlan.empty(W48, MONDAY))
        assert store.stored_weeks() == []
    assert json.loads(db_path.read_bytes()).get("weeks", {}) == {}


def test_clearing_one_day_keeps_the_others(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_plan(WeekPlan.of_activities(W48, MONDAY, FULL).with_day(0, PlannedDay.of(None)))
    with reopened(db_path) as store:
        assert store.load_plan(W48, MONDAY).activities == (None, *FULL[1:])


def test_unplanned_weeks_load_as_empty(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.load_plan(W48, SUNDAY) == WeekPlan.empty(W48, SUNDAY)
        assert store.stored_weeks() == []
        assert store.all_plans() == []


def test_days_between_reaches_across_week_boundaries(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_plan(WeekPlan.of_activities(W48, MONDAY, FULL))
        store.save_plan(WeekPlan.empty(W48.next(), MONDAY).with_day(0, PlannedDay.of(Activity.RUN)))
        days = store.days_between(date(2026, 11, 22), date(2026, 11, 30))
    assert [day for day, _ in days] == [date(2026, 11, d) for d in range(22, 31)]
    assert [held.activity for _, held in days] == [None, *FULL, Activity.RUN]
    with Store.open(db_path) as store:
        nothing = [(date(2026, 1, 2), PlannedDay.UNPLANNED)]
        assert store.days_between(date(2026, 1, 2), date(2026, 1, 2)) == nothing
        with pytest.raises(ValueError):
            store.days_between(date(2026, 1, 2), date(2026, 1, 1))


def test_settings_round_trip_and_default(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.settings() == Settings()
        store.save_settings(Settings(first_weekday=SUNDAY))
    with reopened(db_path) as store:
        assert store.settings() == Settings(first_weekday=SUNDAY)
    data = json.loads(db_path.read_bytes())
    assert data["settings"] == {"1": {"first_weekday": "sunday"}}
    assert data["meta"] == {"1": {"schema_version": 4}}


def test_replace_weeks_keeps_or_clears_others(db_path: Path) -> None:
    other = WeekPlan.of_activities(IsoWeek(2020, 53), MONDAY, FULL)
    new = [
        WeekPlan.of_activities(W48, MONDAY, FULL),
        WeekPlan.of_activities(W48.next(), SUNDAY, FULL),
    ]
    with Store.open(db_path) as store:
        store.save_plan(other)
        store.replace_weeks(new)
        assert store.stored_weeks() == [IsoWeek(2020, 53), W48, W48.next()]
        store.replace_weeks(new[:1], clear_others=True)
        assert store.stored_weeks() == [W48]


def test_replace_weeks_is_all_or_nothing(db_path: Path) -> None:
    class Broken(WeekPlan):
        @property
        def dated_days(self) -> tuple[tuple[date, PlannedDay], ...]:  # type: ignore[override]
            raise RuntimeError("bad import row")

    with Store.open(db_path) as store:
        store.save_plan(WeekPlan.of_activities(W48, MONDAY, FULL))
        before = db_path.read_bytes()
        good = WeekPlan.of_activities(W48.next(), MONDAY, FULL)
        with pytest.raises(RuntimeError):
            # Sunday-first: its days go through dated_days (Monday-first ones need not).
            broken = Broken(W48, SUNDAY, tuple(map(PlannedDay.of, FULL)))
            store.replace_weeks([good, broken], clear_others=True)
        assert store.stored_weeks() == [W48]
    assert db_path.read_bytes() == before


def test_opening_a_fresh_path_creates_nothing_until_the_first_save(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "planner.json"
    with Store.open(path) as store:
        assert not (tmp_path / "deep").exists()
        assert store.load_plan(W48, MONDAY).is_empty
        store.save_plan(WeekPlan.of_activities(W48, MONDAY, FULL))
        assert path.is_file()
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "planner.json",
        "planner.json.bak",
        "planner.json.lock",
    ]


def test_in_an_existing_folder_open_creates_only_the_lock(db_path: Path) -> None:
    with Store.open(db_path):
        assert [p.name for p in db_path.parent.iterdir()] == ["planner.json.lock"]
    with Store.open(db_path, read_only=True) as store:
        assert store.read_only
    assert not db_path.exists()


def test_saving_an_unchanged_plan_does_not_touch_the_file(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_plan(WeekPlan.of_activities(W48, MONDAY, FULL))
        stamp = db_path.stat().st_mtime_ns, db_path.stat().st_ino
        store.save_plan(WeekPlan.of_activities(W48, MONDAY, FULL))
        store.save_plan(WeekPlan.empty(W48.next(), MONDAY))
        assert (db_path.stat().st_mtime_ns, db_path.stat().st_ino) == stamp


def test_each_save_leaves_a_copy_of_itself_as_bak(db_path: Path) -> None:
    """Issue 24, finding 10: .bak was the save before, so damage between saves lost the last."""
    backup = db_path.with_name("planner.json.bak")
    with Store.open(db_path) as store:
        store.save_plan(WeekPlan.of_activities(W48, MONDAY, FULL))
        assert backup.read_bytes() == db_path.read_bytes()
        store.save_plan(WeekPlan.empty(W48, MONDAY).with_day(0, PlannedDay.of(Activity.RUN)))
        assert backup.read_bytes() == db_path.read_bytes()
        # A copy, not a second name: damage done to the file in place spares the backup.
        assert not os.path.samefile(backup, db_path)


def test_a_second_store_on_the_same_file_is_refused_or_read_only(db_path: Path) -> None:
    with Store.open(db_path) as first:
        first.save_plan(WeekPlan.of_activities(W48, MONDAY, FULL))
        with pytest.raises(DatabaseLocked, match=r"is open in another planner \(pid \d+\)"):
            Store.open(db_path)
        with Store.open(db_path, fallback_read_only=True) as second:
            assert second.read_only
            assert second.read_only_reason is not None
            assert "open in another planner" in second.read_only_reason
            assert second.load_plan(W48, MONDAY).activities == FULL
            with pytest.raises(ReadOnlyStore, match="Not saved, read-only"):
                second.save_plan(WeekPlan.empty(W48, MONDAY))
            with pytest.raises(ReadOnlyStore):
                second.save_settings(Settings())
    with Store.open(db_path) as again:
        assert not again.read_only
        assert again.read_only_reason is None


def test_closing_releases_the_lock_and_closed_store_refuses(db_path: Path) -> None:
    store = Store.open(db_path)
    store.close()
    store.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        store.load_plan(W48, MONDAY)
    Store.open(db_path).close()


def test_overlapping_saves_from_threads_serialize(db_path: Path) -> None:
    with Store.open(db_path) as store:
        errors: list[BaseException] = []

        def save(offset: int) -> None:
            try:
                for i in range(15):
                    week = W48.shifted(offset * 100 + i)
                    store.save_plan(WeekPlan.of_activities(week, MONDAY, FULL))
            except BaseException as error:  # pragma: no cover - reported below
                errors.append(error)

        threads = [threading.Thread(target=save, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert len(store.stored_weeks()) == 60
    with reopened(db_path) as store:
        assert len(store.stored_weeks()) == 60


activities = st.sampled_from([*Activity, None])
plans = st.builds(
    WeekPlan.of_activities,
    week=st.builds(
        lambda offset: IsoWeek(2020, 1).shifted(offset), st.integers(min_value=0, max_value=20)
    ),
    first_weekday=st.sampled_from(list(FirstWeekday)),
    activities=st.tuples(*[activities] * 7),
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(plans, max_size=6))
def test_what_was_saved_is_what_loads_after_a_restart(
    tmp_path_factory: pytest.TempPathFactory, saved: list[WeekPlan]
) -> None:
    path = tmp_path_factory.mktemp("prop") / "planner.json"
    expected: dict[date, PlannedDay] = {}
    with Store.open(path) as store:
        for plan in saved:
            store.save_plan(plan)
            expected.update(plan.dated_days)
    with reopened(path) as store:
        for plan in saved:
            loaded = store.load_plan(plan.week, plan.first_weekday)
            assert loaded.days == tuple(
                expected[d] for d in shown_dates(plan.week, plan.first_weekday)
            )
        assert all(not plan.is_empty for plan in store.all_plans())


def test_late_lock_refuses_then_merges_what_another_store_saved(tmp_path: Path) -> None:
    """Both opened before the folder existed, so neither held the lock on open."""
    path = tmp_path / "new" / "planner.json"
    early, other = Store.open(path), Store.open(path)
    other.save_plan(WeekPlan.of_activities(W48, MONDAY, FULL))
    with pytest.raises(DatabaseLocked):
        early.save_plan(WeekPlan.of_activities(W48.next(), MONDAY, FULL))
    other.close()
    early.save_plan(WeekPlan.of_activities(W48.next(), MONDAY, FULL))
    assert early.stored_weeks() == [W48, W48.next()]
    early.close()


def test_planner_imports_no_textual() -> None:
    code = "import sys, planner.store, planner.plan, planner.weeks; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_late_lock_refuses_a_newer_file_created_meanwhile(tmp_path: Path) -> None:
    path = tmp_path / "new" / "planner.json"
    with Store.open(path) as early:
        path.parent.mkdir()
        newer = b'{"meta": {"1": {"schema_version": 99}}}'
        path.write_bytes(newer)
        for _ in range(2):
            with pytest.raises(StoreError, match="newer planner"):
                early.save_plan(WeekPlan.of_activities(W48, MONDAY, FULL))
        assert path.read_bytes() == newer
        lock = DatabaseLock(path)  # not left held by the refused save
        lock.acquire()
        lock.release()
