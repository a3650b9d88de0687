"""The lock file removed under an open planner (issue 24, finding 1: a tmp cleaner deleted
``planner.json.lock``, ``planner set --week 2026-W20 mon=run`` succeeded, and the open
planner's next save wrote its copy over the file: 2026-W20 was gone).

The store checks its lock and the file before every write: it never writes over what it did
not read, keeps the edit, and merges it, or saves it elsewhere, when asked.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from planner.days import parse_day
from planner.plan import Settings, WeekPlan
from planner.store import DatabaseLocked, Store, StoreUnavailable
from planner.store.errors import DatabaseChanged
from planner.weeks import FirstWeekday, IsoWeek
from rules import Goal, PlannedDay
from tests.helpers import run_cli

MONDAY = FirstWeekday.MONDAY
W20, W30 = IsoWeek(2026, 20), IsoWeek(2026, 30)


def lock_of(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def week(name: IsoWeek, **days: str) -> WeekPlan:
    keys = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    return WeekPlan(
        name,
        MONDAY,
        tuple(parse_day(days[key]) if key in days else PlannedDay.UNPLANNED for key in keys),
    )


def stored(db: Path, name: IsoWeek) -> WeekPlan:
    with Store.open(db, read_only=True) as store:
        return store.load_plan(name, MONDAY)


def test_a_command_run_while_the_lock_was_gone_is_never_written_over(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db_path) as planner:
        planner.save_plan(week(W30, mon="legs"))
        lock_of(db_path).unlink()
        outcome = run_cli(["set", "--db", str(db_path), "--week", "2026-W20", "mon=run"], capsys)
        assert outcome.code == 0, outcome
        before = db_path.read_bytes()
        with pytest.raises(DatabaseChanged) as changed:
            planner.save_plan(week(W30, mon="legs", tue="pull"))
        message = str(changed.value)
        assert "\n" not in message and "changed by another program" in message
        assert db_path.read_bytes() == before  # nothing written over it
        assert planner.in_conflict and planner.unsaved_weeks == [W30]
        with pytest.raises(DatabaseChanged):  # kept too, still not written
            planner.save_plan(week(W30, mon="legs", tue="pull", wed="run"))
        assert db_path.read_bytes() == before
        planner.merge()
        assert not planner.in_conflict
        assert planner.load_plan(W20, MONDAY) == week(W20, mon="run")
    assert stored(db_path, W20) == week(W20, mon="run")
    assert stored(db_path, W30) == week(W30, mon="legs", tue="pull", wed="run")


def test_a_merge_keeps_both_sides_day_by_day(db_path: Path) -> None:
    with Store.open(db_path) as planner:
        planner.save_plan(week(W30, mon="legs", tue="pull"))
        lock_of(db_path).unlink()
        with Store.open(db_path) as other:  # the lock was gone: it could open too
            other.save_plan(week(W30, mon="legs", tue="pull", sun="run:long"))
            other.save_settings(Settings(goal=Goal.ENDURANCE))
        with pytest.raises(DatabaseChanged):
            planner.save_plan(week(W30, mon="push", tue="pull"))
        with pytest.raises(DatabaseChanged):
            planner.save_settings(Settings(first_weekday=FirstWeekday.SUNDAY))
        planner.merge()
    assert stored(db_path, W30) == week(W30, mon="push", tue="pull", sun="run:long")
    with Store.open(db_path, read_only=True) as store:
        assert store.settings() == Settings(first_weekday=FirstWeekday.SUNDAY, goal=Goal.ENDURANCE)


def test_a_removed_lock_with_the_file_unchanged_is_taken_again(db_path: Path) -> None:
    with Store.open(db_path) as planner:
        planner.save_plan(week(W30, mon="legs"))
        lock_of(db_path).unlink()
        planner.save_plan(week(W30, mon="run"))
        assert lock_of(db_path).exists()
        with pytest.raises(DatabaseLocked):
            Store.open(db_path)
    assert stored(db_path, W30) == week(W30, mon="run")


def test_a_lock_taken_by_another_program_meanwhile_means_no_write(db_path: Path) -> None:
    with Store.open(db_path) as planner:
        planner.save_plan(week(W30, mon="legs"))
        before = db_path.read_bytes()
        lock_of(db_path).unlink()
        with Store.open(db_path):  # holds the new lock file
            with pytest.raises(DatabaseChanged):
                planner.save_plan(week(W30, mon="run"))
            assert db_path.read_bytes() == before
        planner.merge()  # the other program is done: its lock is free
    assert stored(db_path, W30) == week(W30, mon="run")


def test_save_elsewhere_writes_what_the_planner_shows_and_uses_it(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "mine" / "planner.json"
    with Store.open(db_path) as planner:
        planner.save_plan(week(IsoWeek(2026, 10), fri="rest"))  # saved before: kept too
        planner.save_plan(week(W30, mon="legs"))
        lock_of(db_path).unlink()
        assert (
            run_cli(["set", "--db", str(db_path), "--week", "2026-W20", "mon=run"], capsys).code
            == 0
        )
        theirs = db_path.read_bytes()
        with pytest.raises(DatabaseChanged):
            planner.save_plan(week(W30, mon="legs", tue="pull"))
        with pytest.raises(StoreUnavailable, match="already exists"):
            planner.save_elsewhere(db_path)
        assert planner.save_elsewhere(elsewhere) == elsewhere
        assert planner.path == elsewhere and not planner.in_conflict
        planner.save_plan(week(W30, mon="legs", tue="pull", wed="rest"))
    assert db_path.read_bytes() == theirs
    assert stored(elsewhere, W30) == week(W30, mon="legs", tue="pull", wed="rest")
    assert stored(elsewhere, W20) == WeekPlan.empty(W20, MONDAY)  # never read by the planner
    assert stored(elsewhere, IsoWeek(2026, 10)) == week(IsoWeek(2026, 10), fri="rest")


# -- two planners and a command in a loop, the lock file removed at random -----------------

# A planner: opens the database when it can, then saves its own weeks one by one; a save
# refused because another program wrote the file is merged. Prints the weeks whose save (or
# merge) returned, the confirmed writes, as JSON.
PLANNER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from planner.days import parse_day
    from planner.plan import WeekPlan
    from planner.store import DatabaseLocked, Store, StoreError
    from planner.store.errors import DatabaseChanged
    from planner.weeks import FirstWeekday, IsoWeek

    db, year, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    deadline = time.monotonic() + 60
    confirmed, merges = [], 0
    while True:
        try:
            store = Store.open(db)
            break
        except DatabaseLocked:
            time.sleep(0.002)
    with store:
        for n in range(1, count + 1):
            plan = WeekPlan(IsoWeek(year, n), FirstWeekday.MONDAY, (parse_day("legs"),) * 7)
            action = lambda: store.save_plan(plan)
            while time.monotonic() < deadline:
                try:
                    action()
                    confirmed.append(n)
                    break
                except DatabaseChanged:
                    action, merges = store.merge, merges + 1
                except StoreError:
                    time.sleep(0.002)  # locked meanwhile, or a temp file removed: again
            time.sleep(0.06)  # as a user types: the commands' runs fall in between
    print(json.dumps({"confirmed": confirmed, "merges": merges}))
    """
)


@pytest.mark.slow
def test_two_planners_and_a_command_never_lose_a_confirmed_write(db_path: Path) -> None:
    Store.open(db_path).close()
    stop = threading.Event()
    removed = 0

    def remove_the_lock_at_random() -> None:
        nonlocal removed
        chance = random.Random(24)
        while not stop.is_set():
            time.sleep(chance.uniform(0.001, 0.03))
            try:
                lock_of(db_path).unlink()
                removed += 1
            except FileNotFoundError:
                pass

    remover = threading.Thread(target=remove_the_lock_at_random, daemon=True)
    remover.start()
    planners = [
        subprocess.Popen(
            [sys.executable, "-c", PLANNER, str(db_path), str(year), "50"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for year in (2030, 2031)
    ]
    command: list[int] = []
    try:
        for n in range(1, 13):
            done = subprocess.run(
                [sys.executable, "-m", "planner", "set", "--db", str(db_path),
                 "--week", f"2032-W{n:02d}", "mon=run", "sun=rest"],
                capture_output=True, text=True, timeout=60,
            )  # fmt: skip
            if done.returncode == 0:
                command.append(n)
            else:
                # One line (after notices of what it cleaned up: with the lock gone, a
                # temporary file of a planner's save in progress, which then saves again).
                *notices, refusal = done.stderr.splitlines()
                assert all(notice.startswith("planner: Removed ") for notice in notices)
                assert refusal.startswith("planner: ") and "Traceback" not in done.stderr
        results = [process.communicate(timeout=120) for process in planners]
    finally:
        stop.set()
        remover.join(timeout=5)
        for process in planners:
            if process.poll() is None:
                process.kill()
    confirmed = {}
    for year, (out, err) in zip((2030, 2031), results, strict=True):
        assert "Traceback" not in err, err
        confirmed[year] = json.loads(out)["confirmed"]
    assert removed > 0 and command and all(confirmed.values())
    with Store.open(db_path, read_only=True) as store:
        for year, weeks in confirmed.items():
            for n in weeks:
                assert store.load_plan(IsoWeek(year, n), MONDAY).days == (parse_day("legs"),) * 7, (
                    year,
                    n,
                )
        for n in command:
            plan = store.load_plan(IsoWeek(2032, n), MONDAY)
            assert (plan.days[0], plan.days[6]) == (parse_day("run"), PlannedDay.REST), n
    assert not any(".tmp-" in name for name in os.listdir(db_path.parent))
