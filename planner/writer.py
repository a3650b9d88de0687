"""One writer, off the caller's thread: saves run in submission order, never overlapping.

The UI submits every change and never waits on the disk; ``flush`` (on quit, SIGTERM or
SIGHUP) waits until everything submitted has been written or has failed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SaveOutcome(Generic[T]):
    value: T
    error: Exception | None
    pending: int  # submissions still queued after this one

    @property
    def ok(self) -> bool:
        return self.error is None


class SerialWriter(Generic[T]):
    def __init__(
        self,
        save: Callable[[T], None],
        on_outcome: Callable[[SaveOutcome[T]], None] = lambda outcome: None,
        key: Callable[[T], Hashable] | None = None,
    ) -> None:
        """``key``, when given, groups values that overwrite each other (e.g. one week):
        when a newer value with the same key is already queued, an older one is skipped, as
        its write would be replaced at once anyway."""
        self._save = save
        self._on_outcome = on_outcome
        self._key = key
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="planner-writer")
        self._lock = threading.Lock()
        self._latest: dict[Hashable, int] = {}
        self._sequence = 0
        self._futures: set[Future[None]] = set()
        self._closed = False

    def submit(self, value: T) -> None:
        with self._lock:
            if self._closed:
                raise RuntimeError("the writer is closed")
            self._sequence += 1
            if self._key is not None:
                self._latest[self._key(value)] = self._sequence
            future = self._executor.submit(self._write, value, self._sequence)
            self._futures.add(future)
        future.add_done_callback(self._forget)

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._futures)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait for every submitted save; False if some were still running at the timeout."""
        with self._lock:
            futures = set(self._futures)
        _done, not_done = wait(futures, timeout=timeout)
        return not not_done

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self._executor.shutdown(wait=True)

    def _forget(self, future: Future[None]) -> None:
        with self._lock:
            self._futures.discard(future)

    def _write(self, value: T, sequence: int) -> None:
        with self._lock:
            superseded = (
                self._key is not None and self._latest.get(self._key(value), sequence) > sequence
            )
        error: Exception | None = None
        if not superseded:
            try:
                self._save(value)
            except Exception as exc:  # reported to the caller, never swallowed
                error = exc
        with self._lock:
            pending = len(self._futures) - 1
        if not superseded or error is not None:
            self._on_outcome(SaveOutcome(value, error, max(pending, 0)))
