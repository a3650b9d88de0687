"""One writer per database: an OS lock on ``<db>.lock``, released by the kernel even on SIGKILL.

The holder writes its pid into the lock file so a second planner can say who has it. The lock
file stays after release (filelock's rule on Unix: unlinking it would let two processes lock
different inodes).

A tmp cleaner, a sync tool or a user may still delete the lock file while it is held; a second
planner then locks a new file of the same name. So the holder keeps the identity of the file it
locked, and :meth:`DatabaseLock.lost` says whether the path still names it: the store checks
before every write (:mod:`planner.store.database`).
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
        self._identity: tuple[int, int] | None = None
        # thread_local=False: the UI may open the store on one thread and close it on another.
        self._lock = FileLock(
            str(self.path), timeout=0, thread_local=False, on_acquired=self._on_acquired
        )

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

    def lost(self) -> bool:
        """Whether the lock file was removed (or replaced) since it was locked: the path no
        longer names the file this lock holds, so another process may lock it too."""
        if self._identity is None:
            return True
        try:
            info = os.stat(self.path)
        except OSError:
            return True
        return (info.st_dev, info.st_ino) != self._identity

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()
        self._identity = None

    def _on_acquired(self, fd: int) -> None:
        """The locked file itself (its descriptor, not its name, which another process may
        have replaced meanwhile): its identity, and the pid, written through it."""
        info = os.fstat(fd)
        self._identity = (info.st_dev, info.st_ino)
        with suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)

    def _holder_pid(self) -> int | None:
        try:
            text = self.path.read_text(encoding="ascii").strip()
        except (OSError, ValueError):
            return None
        return int(text) if text.isdigit() else None
