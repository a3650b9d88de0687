"""What can go wrong with the database, as one line the user can act on.

``str(error)`` is the message to show: what went wrong, which file, and what to do. Callers
print it; they never need the traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

from planner.locations import shown


class StoreError(Exception):
    """Base of every expected storage failure."""


class DatabaseLocked(StoreError):
    """Another planner holds the database's lock file."""


class ReadOnlyStore(StoreError):
    """A write was asked of a store opened read-only."""


class DatabaseDamaged(StoreError):
    """The file is damaged and this store may not move it aside (it was opened read-only)."""


class NewerSchema(StoreError):
    """The file was written by a newer planner; it is left untouched."""

    def __init__(self, message: str, version: int) -> None:
        super().__init__(message)
        self.version = version


class StoreUnavailable(StoreError):
    """The operating system refused: permission, read-only directory, a directory as path..."""


class DatabaseChanged(StoreError):
    """Another program wrote the database after this store read it (its lock file had been
    removed): nothing was written over it, and the edit is kept in memory."""


class SaveFailed(StoreUnavailable):
    """A save did not happen; the file on disk still holds the previous save."""


def os_reason(error: OSError) -> str:
    """'permission denied' rather than '[Errno 13] Permission denied: ...'."""
    if error.errno is not None:
        return os.strerror(error.errno).lower()
    return str(error) or type(error).__name__


def unavailable(path: Path, error: OSError, action: str = "open") -> StoreUnavailable:
    return StoreUnavailable(
        f"Cannot {action} the database {shown(path)}: {os_reason(error)}. "
        "Check the file and its folder, or choose another file with --db."
    )


def save_failed(path: Path, error: OSError) -> SaveFailed:
    return SaveFailed(
        f"Could not save to {shown(path)}: {os_reason(error)}. "
        "The file still holds your previous save; fix the cause and save again."
    )


def too_deep(path: Path) -> StoreUnavailable:
    """Python's path functions recurse per folder or link: a path nested beyond its limit."""
    return StoreUnavailable(
        f"Cannot open the database {shown(path)}: its path is nested too deeply to follow. "
        "Choose a shorter path with --db."
    )


def changed_under(path: Path, lock: Path) -> DatabaseChanged:
    return DatabaseChanged(
        f"Not saved: {shown(path)} was changed by another program after this planner read it "
        f"(was {shown(lock)} removed?), and nothing was written over it."
    )
