"""Crash-safe file writes and the TinyDB ``Storage`` built on them.

TinyDB's ``JSONStorage`` rewrites the file in place, so a kill mid-write leaves half a file.
Here every save serializes first, writes a temporary file beside the database, fsyncs it,
keeps the previous file as ``<name>.bak`` (a hard link: no copy), ``os.replace``s the temporary
file over the database and fsyncs the directory. At every instant the database path names
either the old complete file or the new complete file.
"""

from __future__ import annotations

import errno
import glob
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
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
        # Read one byte more than allowed: a file that grew meanwhile is refused too.
        payload = file.read() if limit is None else file.read(limit + 1)
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


def _roll_backup(path: Path) -> None:
    """Keep the file about to be replaced as ``<name>.bak``, itself replaced atomically."""
    staging = path.with_name(temp_prefix(path) + "bak")
    with suppress(FileNotFoundError):
        staging.unlink()
    try:
        try:
            os.link(path, staging)
        except FileNotFoundError:
            return  # nothing saved yet, nothing to keep
        except OSError:
            # Filesystems without hard links (some network and FAT mounts): copy instead.
            shutil.copyfile(path, staging)
        os.replace(staging, backup_path(path))
    except BaseException:
        with suppress(OSError):
            staging.unlink()
        raise


Payload = bytes | bytearray | Iterable[bytes]


def write_all(fd: int, payload: Payload) -> None:
    """Every byte of ``payload`` (bytes, or chunks of them: a long export is made and
    written a week at a time) to the descriptor ``fd``."""
    chunks = (payload,) if isinstance(payload, bytes | bytearray) else payload
    for chunk in chunks:
        view = memoryview(chunk)
        while view:
            view = view[os.write(fd, view) :]


def write_replace(path: Path, payload: Payload, *, keep_backup: bool = True) -> None:
    """Write ``payload`` to a fsynced temporary file and rename it over ``path``.

    On any error the temporary file is removed, ``path`` is untouched and the error propagates.
    The directory is not fsynced here: see :func:`fsync_dir`.
    """
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=temp_prefix(path))
    temp = Path(temp_name)
    try:
        try:
            if hasattr(os, "fchmod"):  # not on Windows before Python 3.13
                try:
                    os.fchmod(fd, stat.S_IMODE(os.stat(path).st_mode))
                except FileNotFoundError:
                    os.fchmod(fd, NEW_FILE_MODE)
            write_all(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
        if keep_backup:
            _roll_backup(path)
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            temp.unlink()
        raise


class DirectorySyncFailed(Exception):
    """The new file is in place but the directory fsync failed: it may not survive a power cut."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class AtomicJSONStorage(Storage):
    """A TinyDB storage holding the database in memory and saving it with :func:`write_replace`.

    The lock file guarantees no other process writes the file, so reads are served from memory
    (no parse per operation). ``read`` returns a shallow copy and TinyDB only ever assigns whole
    tables or copies documents on insert, so a failed save leaves the in-memory state equal to
    the file. Inside :meth:`batch`, writes are collected and hit the disk once, atomically.

    A save keeps the file it replaces as ``<name>.bak`` only when that file was loaded whole
    (:meth:`replace_data` with ``on_disk=True``) or saved whole here: a backup is never
    replaced by a file this storage did not read or write in full.
    """

    def __init__(
        self,
        path: Path,
        data: Tables,
        *,
        encode: Callable[[Tables], bytes],
    ) -> None:
        self.path = path
        self._data = data
        self._encode = encode
        self._pending: Tables | None = None
        self._dirty = False
        self._whole_on_disk = False

    def read(self) -> Tables:
        source = self._data if self._pending is None else self._pending
        return dict(source)

    def write(self, data: Tables) -> None:
        if self._pending is not None:
            self._pending = data
            self._dirty = True
        else:
            self.commit(data)

    def replace_data(self, data: Tables, *, on_disk: bool) -> None:
        """Adopt data just loaded; ``on_disk`` says whether the file at the path holds exactly
        it (False for a missing file, or for a fresh start after damage)."""
        self._data = data
        self._whole_on_disk = on_disk

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
        write_replace(self.path, payload, keep_backup=self._whole_on_disk)
        self._data = data
        self._whole_on_disk = True
        try:
            fsync_dir(self.path.parent)
        except OSError as error:
            raise DirectorySyncFailed(error) from error
