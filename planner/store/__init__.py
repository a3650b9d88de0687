"""The user's weeks and settings on disk: one TinyDB file, one writer, crash-safe saves.

- ``database``: :class:`Store`, what the rest of planner uses;
- ``errors``: every expected failure, as one line the user can act on;
- ``format``: the file's format, its validation and migrations;
- ``load``: opening a file, with damage moved aside;
- ``lock``: one writer per file;
- ``conflict``: edits kept when another program wrote the file under the store;
- ``atomic``: the crash-safe write and the TinyDB storage built on it.
"""

from planner.store.database import Store
from planner.store.errors import (
    DatabaseChanged,
    DatabaseDamaged,
    DatabaseLocked,
    NewerSchema,
    ReadOnlyStore,
    SaveFailed,
    StoreError,
    StoreUnavailable,
)

__all__ = [
    "DatabaseChanged",
    "DatabaseDamaged",
    "DatabaseLocked",
    "NewerSchema",
    "ReadOnlyStore",
    "SaveFailed",
    "Store",
    "StoreError",
    "StoreUnavailable",
]
