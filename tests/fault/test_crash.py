"""SIGKILL a saving process at random moments: the file always loads and holds a saved state.

A forked child opens the database (520 weeks stored, as after ten years) and saves forever;
save n writes the counter n into a Sunday-first week, so every save changes two ISO-week
documents. Before and after each save it reports n through a pipe. The parent kills it after
a random delay, then opens the file: the counter found must be the last one the child finished
saving, or the one it was saving when killed; the 520 other weeks must be intact; the file must
never be damaged.
"""

from __future__ import annotations

import os
import random
import signal
import struct
import time
from pathlib import Path

import pytest

from planner.plan import WeekPlan
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity

KILLS = 120
CHOICES = (None, *Activity)
COUNTER_WEEK = IsoWeek(2030, 20)
BACKGROUND = [IsoWeek(2016, 1).shifted(n) for n in range(520)]
RECORD = struct.Struct("<cI")

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def encode(counter: int) -> WeekPlan:
    digits = []
    for _ in range(7):
        counter, digit = divmod(counter, len(CHOICES))
        digits.append(CHOICES[digit])
    return WeekPlan.of_activities(COUNTER_WEEK, FirstWeekday.SUNDAY, tuple(digits))


def decode(plan: WeekPlan) -> int:
    return sum(CHOICES.index(a) * len(CHOICES) ** i for i, a in enumerate(plan.activities))


def background_plan(week: IsoWeek) -> WeekPlan:
    return WeekPlan.of_activities(
        week, FirstWeekday.MONDAY, tuple(CHOICES[(week.week + i) % 6] for i in range(7))
    )


def run_child(path: Path, out: int) -> None:
    """In the forked child: never returns."""
    try:
        with Store.open(path) as store:
            counter = decode(store.load_plan(COUNTER_WEEK, FirstWeekday.SUNDAY))
            os.write(out, RECORD.pack(b"r", counter))
            while True:
                counter += 1
                os.write(out, RECORD.pack(b"s", counter))
                store.save_plan(encode(counter))
                os.write(out, RECORD.pack(b"d", counter))
    except BaseException as error:
        os.write(out, RECORD.pack(b"e", 0) + repr(error).encode()[:200])
    finally:
        os._exit(1)


def read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks)


def test_sigkill_while_saving_never_loses_a_saved_state(tmp_path: Path) -> None:
    path = tmp_path / "planner.json"
    background = [background_plan(week) for week in BACKGROUND]
    with Store.open(path) as store:
        store.replace_weeks(background)
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    counter = 0
    mid_save = stale_seen = 0
    for kill in range(KILLS):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            os.close(read_end)
            run_child(path, write_end)
        os.close(write_end)
        if kill % 8 == 7:
            time.sleep(rng.uniform(0, 0.004))  # sometimes while it is still opening
        else:
            first = os.read(read_end, RECORD.size)
            assert first[:1] == b"r", (seed, kill, first)
            time.sleep(rng.uniform(0, 0.025))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        data = read_all(read_end)
        os.close(read_end)
        assert b"e" not in data[:: RECORD.size], (seed, kill, data)
        started = done = counter
        for offset in range(0, len(data) - len(data) % RECORD.size, RECORD.size):
            kind, value = RECORD.unpack_from(data, offset)
            if kind == b"s":
                started = value
            elif kind == b"d":
                done = value
        mid_save += started != done

        with Store.open(path) as store:
            assert not any("damaged" in notice for notice in store.notices), (seed, store.notices)
            stale_seen += bool(store.notices)
            counter = decode(store.load_plan(COUNTER_WEEK, FirstWeekday.SUNDAY))
            assert counter in (done, started), (seed, kill, counter, done, started)
            stored = store.all_plans()
        assert [p for p in stored if p.week in set(BACKGROUND)] == background, (seed, kill)

    print(f"seed {seed}: {KILLS} kills, {mid_save} mid-save, {stale_seen} left a temp file")
    assert counter > 0
    assert mid_save > 0, "no kill landed during a save: the test proves nothing"
