"""Crash-safe file writes and the TinyDB ``Storage`` built on them.

TinyDB's ``JSONStorage`` rewrites the file in place, so a kill mid-write leaves half a file.
Here every save serializes first, writes two fsynced temporary files beside the database (the
database and its backup, a copy: a hard link would share any damage done to the file in
place), ``os.replace``s them over the database and then over ``<name>.bak``, and fsyncs the
directory. At every instant the database path names either the old complete file or the new
complete file, and ``.bak`` the last save, or the one before until the new backup is whole.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

TEMP_MARK = ".tmp-"
BACKUP_SUFFIX = ".bak"
# A new database is private to its user: it says when and how they train.
NEW_FILE_MODE = 0o600

Tables = dict[str, dict[str, Any]]


def temp_prefix(path: Path) -> str:
    return f"{path.name}{TEMP_MARK}"


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


class NotRegularFile(OSError):
    """The path names a named pipe, a device or a socket: reading it could block for ever or
    never end."""


class FileTooLarge(OSError):
    """The file holds more than the reader's limit."""


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file ``path``, refusing anything else (:class:`NotRegularFile`)
    and, with ``limit``, a file of more than ``limit`` bytes (:class:`FileTooLarge`)."""
    # Non-blocking, so opening a named pipe returns at once instead of waiting for a writer.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with open(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(f"it is not a regular file ({shown_kind(path)})")
        if limit is not None and info.st_size > limit:
            raise FileTooLarge(f"it is larger than {limit // 2**20} MiB")
        # Read one byte more than allowed: a file that grew meanwhile is refused too. read(n)
        # allocates n bytes first, so the file's size is asked for, not the limit.
        if limit is None:
            payload = file.read()
        else:
            payload = file.read(min(info.st_size, limit) + 1)
            if len(payload) > info.st_size:  # it grew meanwhile: up to the limit
                payload += file.read(limit + 1 - len(payload))
    if limit is not None and len(payload) > limit:
        raise FileTooLarge(f"it is larger than {limit // 2**20} MiB")
    return payload


def read_bytes(path: Path) -> bytes | None:
    """The database file's bytes, or ``None`` when there is no file yet; only a regular file
    is read (:func:`read_regular`)."""
    try:
        return read_regular(path)
    except FileNotFoundError:
        return None


def shown_kind(path: Path) -> str:
    """What a path that is not a regular file is, for a message: 'a named pipe'..."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "not a file"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a directory" if stat.S_ISDIR(mode) else "not a file"


def remove_stale_temps(path: Path) -> list[Path]:
    """Delete temporary files left by an interrupted save. Call only while holding the lock."""
    removed = []
    pattern = os.path.join(glob.escape(str(path.parent)), glob.escape(temp_prefix(path)) + "*")
    for name in glob.glob(pattern):
        stale = Path(name)
        with suppress(FileNotFoundError):
            stale.unlink()
            removed.append(stale)
    return removed


def fsync_dir(directory: Path) -> None:
    """Make the rename durable. Windows has no directory handles; some filesystems refuse."""
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


Payload = bytes | bytearray | Iterable[bytes]


def write_all(fd: int, payload: Payload) -> None:
    """Every byte of ``payload`` (bytes, or chunks of them: a long export is made and
    written a week at a time) to the descriptor ``fd``."""
    chunks = (payload,) if isinstance(payload, bytes | bytearray) else payload
    for chunk in chunks:
        view = memoryview(chunk)
        while view:
            view = view[os.write(fd, view) :]


def _written_temp(path: Path, payload: Payload, mode: int) -> Path:
    """A temporary file beside ``path`` holding ``payload``, fsynced, with ``mode``."""
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=temp_prefix(path))
    temp = Path(temp_name)
    try:
        try:
            if hasattr(os, "fchmod"):  # not on Windows before Python 3.13
                os.fchmod(fd, mode)
            write_all(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        with suppress(OSError):
            temp.unlink()
        raise
    return temp


def _mode_of(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return NEW_FILE_MODE


# How long a save waits for another planner's check and rename in the same folder (they
# take microseconds; a planner stopped in between must not hang every other one).
COMMIT_WAIT_SECONDS = 5.0


class FolderBusy(OSError):
    """Another planner kept the folder's commit lock longer than COMMIT_WAIT_SECONDS."""


@contextmanager
def commit_lock(directory: Path) -> Iterator[None]:
    """Held while checking the database and renaming over it: an OS lock on its folder, which
    no tmp cleaner removes (the lock file may be removed while held; see planner.store.lock).
    So two planners that both believe they hold the database still never check and rename at
    the same time. Where folders cannot be locked (Windows, some network mounts), none."""
    if os.name == "nt":
        yield
        return
    import fcntl

    fd = os.open(directory, os.O_RDONLY)
    locked = False
    try:
        deadline = time.monotonic() + COMMIT_WAIT_SECONDS
        while not locked:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                locked = True
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise FolderBusy(
                        errno.EBUSY, "another planner is saving into the same folder"
                    ) from None
                time.sleep(0.001)
            except OSError as error:
                if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF, errno.ENOLCK):
                    raise
                break  # this filesystem locks no folders
        yield
    finally:
        # Never raises: after the rename, an error would report a save that was made as
        # failed. Unlocked first, so even a descriptor that failed to close holds nothing.
        with suppress(OSError):
            if locked:
                fcntl.flock(fd, fcntl.LOCK_UN)
        with suppress(OSError):
            os.close(fd)


def write_replace(
    path: Path,
    payload: Payload,
    *,
    keep_backup: bool = False,
    check: Callable[[], None] | None = None,
) -> None:
    """Write ``payload`` to a fsynced temporary file and rename it over ``path``; with
    ``keep_backup``, then over ``<name>.bak`` too (a second copy). ``check``, when given,
    runs under :func:`commit_lock` just before the rename and may refuse it by raising.

    On any error before the rename the temporary files are removed, ``path`` is untouched
    and the error propagates. The directory is not fsynced here: see :func:`fsync_dir`.
    """
    mode = _mode_of(path)
    temps = [_written_temp(path, payload, mode)]
    try:
        if keep_backup:
            temps.append(_written_temp(path, payload, mode))
        guarded: AbstractContextManager[None] = (
            commit_lock(path.parent) if check is not None else nullcontext()
        )
        with guarded:
            if check is not None:
                check()
            os.replace(temps[0], path)
            if keep_backup:
                # The save is done; a backup that cannot be renamed stays the save before.
                with suppress(OSError):
                    os.replace(temps[1], backup_path(path))
    finally:
        for temp in temps:
            with suppress(OSError):
                temp.unlink()


class DirectorySyncFailed(Exception):
    """The new file is in place but the directory fsync failed: it may not survive a power cut."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class ChangedOnDisk(Exception):
    """The database file is not the one this storage last read or wrote: another program
    wrote it. Nothing was written over it."""


class AtomicJSONStorage(Storage):
    """A TinyDB storage holding the database in memory and saving it with :func:`write_replace`.

    The lock file keeps other planners from writing the file, so reads are served from memory
    (no parse per operation). ``read`` returns a shallow copy and TinyDB only ever assigns whole
    tables or copies documents on insert, so a failed save leaves the in-memory state equal to
    the file. Inside :meth:`batch`, writes are collected and hit the disk once, atomically.

    The lock file can be removed while held, though, and then another planner may write. So
    the storage keeps the exact bytes it last read or wrote (:attr:`disk`), and every save,
    just before its rename, checks under :func:`commit_lock` that the file still holds them
    (after ``before_commit``, the store's check of its lock): it never writes over what it did
    not read, and raises :class:`ChangedOnDisk` instead.

    Each save also writes ``<name>.bak``, except when the file was not loaded whole (missing
    at the start) and a backup exists: a backup is never replaced by data that did not start
    from a whole load.
    """

    def __init__(
        self,
        path: Path,
        data: Tables,
        *,
        encode: Callable[[Tables], bytes],
        before_commit: Callable[[], None] = lambda: None,
    ) -> None:
        self.path = path
        self._data = data
        self._encode = encode
        self._before_commit = before_commit
        self._pending: Tables | None = None
        self._dirty = False
        self._disk: bytes | None = None

    @property
    def disk(self) -> bytes | None:
        """The bytes of the file at :attr:`path` as this storage last read or wrote them;
        None when there was no file (or it did not hold the data, after damage)."""
        return self._disk

    def read(self) -> Tables:
        source = self._data if self._pending is None else self._pending
        return dict(source)

    def write(self, data: Tables) -> None:
        if self._pending is not None:
            self._pending = data
            self._dirty = True
        else:
            self.commit(data)

    def replace_data(self, data: Tables, *, disk: bytes | None) -> None:
        """Adopt data just loaded; ``disk`` is what the file at the path holds, if it holds
        exactly that data (None for a missing file, or for a fresh start after damage)."""
        self._data = data
        self._disk = disk

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Collect the writes inside the block into one file replacement, or none on error."""
        if self._pending is not None:
            yield  # nested: the outer batch commits
            return
        self._pending = dict(self._data)
        self._dirty = False
        try:
            yield
            pending, dirty = self._pending, self._dirty
        finally:
            self._pending = None
            self._dirty = False
        if dirty:
            self.commit(pending)

    def commit(self, data: Tables) -> None:
        payload = self._encode(data)
        keep_backup = self._disk is not None or not backup_path(self.path).exists()
        write_replace(self.path, payload, keep_backup=keep_backup, check=self._unchanged)
        self._data = data
        self._disk = payload
        try:
            fsync_dir(self.path.parent)
        except OSError as error:
            raise DirectorySyncFailed(error) from error

    def _unchanged(self) -> None:
        self._before_commit()
        if read_bytes(self.path) != self._disk:
            raise ChangedOnDisk(str(self.path))
