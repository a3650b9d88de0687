"""The single writer: order kept, never two saves at once, errors reported, flush waits."""

from __future__ import annotations

import threading
import time

from planner.writer import SaveOutcome, SerialWriter


def test_saves_run_in_order_and_never_overlap() -> None:
    written: list[int] = []
    running = threading.Semaphore(1)
    overlaps = 0

    def save(value: int) -> None:
        nonlocal overlaps
        if not running.acquire(blocking=False):
            overlaps += 1
            return
        time.sleep(0.0005)
        written.append(value)
        running.release()

    writer: SerialWriter[int] = SerialWriter(save)
    for value in range(50):
        writer.submit(value)
    assert writer.flush(timeout=10)
    writer.close()
    assert overlaps == 0
    assert written == list(range(50))


def test_an_older_value_with_the_same_key_is_skipped_but_the_newest_is_written() -> None:
    started, gate = threading.Event(), threading.Event()
    written: list[tuple[str, int]] = []

    def save(value: tuple[str, int]) -> None:
        started.set()
        gate.wait(5)
        written.append(value)

    writer: SerialWriter[tuple[str, int]] = SerialWriter(save, key=lambda v: v[0])
    writer.submit(("w48", 0))
    assert started.wait(5)
    for n in range(1, 5):
        writer.submit(("w48", n))
    writer.submit(("w49", 0))
    gate.set()
    writer.flush(timeout=10)
    writer.close()
    # The first was already running when the rest arrived; of the queued ones only the last
    # of each week is written, still in submission order.
    assert written[-2:] == [("w48", 4), ("w49", 0)]
    assert written[0] == ("w48", 0)
    assert len(written) == 3


def test_errors_reach_the_caller_and_later_saves_still_run() -> None:
    outcomes: list[SaveOutcome[int]] = []

    def save(value: int) -> None:
        if value == 1:
            raise OSError(28, "No space left on device")

    writer: SerialWriter[int] = SerialWriter(save, outcomes.append)
    for value in range(3):
        writer.submit(value)
    writer.flush(timeout=10)
    writer.close()
    assert [(o.value, o.ok) for o in outcomes] == [(0, True), (1, False), (2, True)]
    assert isinstance(outcomes[1].error, OSError)
    assert outcomes[-1].pending == 0


def test_close_flushes_what_was_submitted() -> None:
    written: list[int] = []

    def save(value: int) -> None:
        time.sleep(0.01)
        written.append(value)

    writer: SerialWriter[int] = SerialWriter(save, key=lambda v: v)
    for value in range(5):
        writer.submit(value)
    writer.close()
    assert written == [0, 1, 2, 3, 4]
