"""Two planner processes on one file: the second cannot write, so it cannot lose the first's
updates; it can read, and says why it is read-only."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.plan import WeekPlan
from planner.store import DatabaseLocked, ReadOnlyStore, Store
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity

W48 = IsoWeek(2026, 48)

# Opens the store, saves W48 as all-push, says "ready", then on each input line saves W48 as
# that activity and says "saved".
WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from planner.plan import WeekPlan
    from planner.store import Store
    from planner.weeks import FirstWeekday, IsoWeek
    from rules import Activity

    week = IsoWeek(2026, 48)
    with Store.open(Path(sys.argv[1])) as store:
        store.save_plan(WeekPlan.of_activities(week, FirstWeekday.MONDAY, (Activity.PUSH,) * 7))
        print("ready", flush=True)
        for line in sys.stdin:
            activity = Activity(line.strip())
            store.save_plan(WeekPlan.of_activities(week, FirstWeekday.MONDAY, (activity,) * 7))
            print("saved", flush=True)
    """
)


@pytest.fixture
def writer(db_path: Path) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "ready\n"
    yield process
    if process.poll() is None:
        process.kill()
    process.wait(timeout=10)


def tell(process: subprocess.Popen[str], activity: Activity) -> None:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(f"{activity.value}\n")
    process.stdin.flush()
    assert process.stdout.readline() == "saved\n"


def week(store: Store) -> tuple[Activity | None, ...]:
    return store.load_plan(W48, FirstWeekday.MONDAY).activities


def test_second_process_is_refused_with_the_holders_pid(
    db_path: Path, writer: subprocess.Popen[str]
) -> None:
    with pytest.raises(DatabaseLocked) as caught:
        Store.open(db_path)
    assert str(caught.value) == (
        f"The database {db_path} is open in another planner (pid {writer.pid}); close it or "
        "use another --db."
    )


def test_second_process_reads_but_cannot_write(
    db_path: Path, writer: subprocess.Popen[str]
) -> None:
    with Store.open(db_path, fallback_read_only=True) as reader:
        assert reader.read_only
        assert f"pid {writer.pid}" in (reader.read_only_reason or "")
        assert week(reader) == (Activity.PUSH,) * 7
        with pytest.raises(ReadOnlyStore):
            reader.save_plan(WeekPlan.of_activities(W48, FirstWeekday.MONDAY, (Activity.REST,) * 7))
        tell(writer, Activity.RUN)
    assert writer.stdin is not None
    writer.stdin.close()
    assert writer.wait(timeout=10) == 0
    with Store.open(db_path) as store:  # the writer is gone: its last save is there, ours not
        assert week(store) == (Activity.RUN,) * 7


def test_a_killed_writer_releases_the_lock(db_path: Path, writer: subprocess.Popen[str]) -> None:
    tell(writer, Activity.LEGS)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)
    with Store.open(db_path) as store:
        assert not store.read_only
        assert week(store) == (Activity.LEGS,) * 7
