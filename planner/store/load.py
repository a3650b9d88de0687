"""Opening the database file: checks on the path, parsing, upgrading, and damage handling."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from planner.locations import shown
from planner.store import format as fmt
from planner.store.atomic import Tables, backup_path, fsync_dir, read_bytes, write_replace
from planner.store.errors import (
    DatabaseDamaged,
    NewerSchema,
    StoreError,
    StoreUnavailable,
    os_reason,
    unavailable,
)


def checked_path(path: Path | str) -> Path:
    path = Path(path).expanduser()
    try:
        if path.is_symlink():
            # Replace the file the link points to, not the link.
            path = path.resolve()
        path = path.absolute()
        if path.is_dir():
            raise StoreUnavailable(
                f"Cannot open the database {shown(path)}: it is a directory, not a file. "
                f"Give a file path with --db, e.g. {shown(path / 'planner.json')}."
            )
        if path.parent.exists() and not path.parent.is_dir():
            raise StoreUnavailable(
                f"Cannot open the database {shown(path)}: {shown(path.parent)} is a file, "
                "not a folder. Choose another path with --db."
            )
    except OSError as error:
        raise unavailable(path, error) from error
    return path


def utc_now() -> datetime:
    return datetime.now(UTC)


def load(
    path: Path, *, writer: bool, notices: list[str], now: Callable[[], datetime] = utc_now
) -> Tables:
    """The database at ``path`` as TinyDB tables, upgraded and validated.

    A missing file is an empty database. Damage raises :class:`DatabaseDamaged` for a reader;
    a writer (holding the lock) moves the file aside, restores ``<name>.bak`` if it is sound,
    and appends what it did to ``notices``.
    """
    try:
        payload = read_bytes(path)
    except OSError as error:
        raise unavailable(path, error, "read") from error
    if payload is None:
        return fmt.empty_database()
    try:
        return understand(path, payload, notices, writer=writer)
    except fmt.Damage as damage:
        if not writer:
            raise DatabaseDamaged(
                f"The database {shown(path)} is damaged ({damage.reason}). Open it in a "
                "planner that is not read-only to have it moved aside and replaced."
            ) from None
        return _recover(path, damage, notices, now)


def older_copy_path(path: Path, version: int) -> Path:
    """Where a database written in an older schema is kept when it is upgraded."""
    return path.with_name(f"{path.name}.v{version}")


def understand(path: Path, payload: bytes, notices: list[str], *, writer: bool = False) -> Tables:
    """``payload`` as validated tables of this program's schema. A file of an older schema
    is upgraded in memory; a ``writer`` (holding the lock) also keeps the original bytes as
    ``<name>.v<old version>`` (never overwritten) and puts the upgraded file in place, both
    atomically, so a kill at any moment leaves the original or the upgraded database."""
    data = fmt.decode(payload)
    version = fmt.schema_version(data)
    if version > fmt.SCHEMA_VERSION:
        raise NewerSchema(
            f"The database {shown(path)} was written by a newer planner (schema version "
            f"{version}; this one knows up to {fmt.SCHEMA_VERSION}). It was left untouched: "
            "update planner, or use another --db."
        )
    if version < fmt.SCHEMA_VERSION:
        try:
            data = fmt.upgrade(data, version)
        except fmt.MigrationFailed as error:
            raise StoreError(
                f"Cannot open the database {shown(path)}: {error}. It was left untouched."
            ) from error
        fmt.validate(data)
        if writer:
            _keep_upgraded(path, payload, data, version, notices)
        return data
    fmt.validate(data)
    return data or fmt.empty_database()


def _keep_upgraded(
    path: Path, original: bytes, data: Tables, version: int, notices: list[str]
) -> None:
    older = older_copy_path(path, version)
    try:
        if not older.exists():
            write_replace(older, original, keep_backup=False)
        write_replace(path, fmt.encode(data), keep_backup=False)
        fsync_dir(path.parent)
    except OSError as error:
        raise StoreUnavailable(
            f"Cannot upgrade the database {shown(path)} from schema version {version}: "
            f"{os_reason(error)}. It was left as it was; free some space or fix the "
            "folder's permissions, then open it again."
        ) from error
    notices.append(
        f"The database {shown(path)} was upgraded to schema version {fmt.SCHEMA_VERSION} "
        f"(sessions with intensity and run type); the original is kept as {shown(older)}."
    )


def _recover(
    path: Path, damage: fmt.Damage, notices: list[str], now: Callable[[], datetime]
) -> Tables:
    aside = _aside_path(path, now())
    try:
        os.replace(path, aside)
        fsync_dir(path.parent)
    except OSError as error:
        raise StoreUnavailable(
            f"The database {shown(path)} is damaged ({damage.reason}) and could not be "
            f"moved aside: {os_reason(error)}. Move it away yourself, or use another --db."
        ) from error
    said = (
        f"The database {shown(path)} was damaged ({damage.reason}); it was moved to {shown(aside)}"
    )
    restored = _restore_backup(path, notices)
    if restored is None:
        notices.append(f"{said} and a new empty one started.")
        return fmt.empty_database()
    backup = shown(backup_path(path))
    notices.append(f"{said} and the backup of the save before ({backup}) was restored.")
    return restored


def _restore_backup(path: Path, notices: list[str]) -> Tables | None:
    try:
        payload = read_bytes(backup_path(path))
        if payload is None:
            return None
        data = understand(path, payload, notices)
        write_replace(path, fmt.encode(data), keep_backup=False)
        fsync_dir(path.parent)
    except (OSError, fmt.Damage, StoreError):
        return None
    return data


def _aside_path(path: Path, moment: datetime) -> Path:
    stamp = moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    extra = 1
    while aside.exists():
        extra += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{extra}")
    return aside
