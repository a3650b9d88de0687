"""One writer per database: an OS lock on ``<db>.lock``, released by the kernel even on SIGKILL.

The holder writes its pid into the lock file so a second planner can say who has it. The lock
file stays after release (filelock's rule on Unix: unlinking it would let two processes lock
different inodes).
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

from filelock import FileLock, Timeout


class HeldElsewhere(Exception):
    def __init__(self, pid: int | None) -> None:
        super().__init__(f"held by pid {pid}" if pid else "held by another process")
        self.pid = pid


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class DatabaseLock:
    def __init__(self, db_path: Path) -> None:
        self.path = lock_path(db_path)
        # thread_local=False: the UI may open the store on one thread and close it on another.
        self._lock = FileLock(str(self.path), timeout=0, thread_local=False)

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def acquire(self) -> None:
        """Raise :class:`HeldElsewhere` if another process (or store) holds it, OSError if the
        lock file cannot be created."""
        try:
            self._lock.acquire(blocking=False)
        except Timeout:
            raise HeldElsewhere(self._holder_pid()) from None
        self._write_pid()

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()

    def _write_pid(self) -> None:
        # A second descriptor: writing through it does not disturb the flock on filelock's.
        with suppress(OSError):
            fd = os.open(self.path, os.O_WRONLY)
            try:
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
            finally:
                os.close(fd)

    def _holder_pid(self) -> int | None:
        try:
            text = self.path.read_text(encoding="ascii").strip()
        except (OSError, ValueError):
            return None
        return int(text) if text.isdigit() else None
