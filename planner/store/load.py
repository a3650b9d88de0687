"""Opening the database file: checks on the path, parsing, upgrading, and damage handling."""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

from planner.locations import PathProblem, shown, user_path
from planner.store import format as fmt
from planner.store.atomic import Tables, backup_path, fsync_dir, read_bytes, write_replace
from planner.store.errors import (
    DatabaseDamaged,
    NewerSchema,
    StoreError,
    StoreUnavailable,
    os_reason,
    too_deep,
    unavailable,
)


def checked_path(path: Path | str) -> Path:
    try:
        path = user_path(path)
    except PathProblem as problem:
        raise StoreUnavailable(str(problem)) from None
    try:
        if path.is_symlink():
            # Replace the file the link points to, not the link.
            path = _resolved(path)
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
    except RecursionError:
        raise too_deep(path) from None
    return path


def _resolved(link: Path) -> Path:
    try:
        return link.resolve()
    except RuntimeError:
        # Python 3.11 says RuntimeError for a loop of links, 3.13 says ELOOP.
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(link)) from None


def utc_now() -> datetime:
    return datetime.now(UTC)


def load(
    path: Path, *, writer: bool, notices: list[str], now: Callable[[], datetime] = utc_now
) -> tuple[Tables, bytes | None]:
    """The database at ``path`` as TinyDB tables, upgraded and validated, and the bytes the
    file now at ``path`` holds when it holds exactly them (None: no file, or a fresh start
    after damage). A store checks them before each save (planner.store.atomic).

    A missing file is an empty database. Damage raises :class:`DatabaseDamaged` for a reader;
    a writer (holding the lock) restores ``<name>.bak`` if it is sound, keeps the damaged file
    aside, and appends what it did to ``notices``. When the backup cannot be restored, nothing
    is written and :class:`StoreError` says what to do.
    """
    try:
        payload = read_bytes(path)
    except OSError as error:
        raise unavailable(path, error, "read") from error
    if payload is None:
        return fmt.empty_database(), None
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


def understand(
    path: Path, payload: bytes, notices: list[str], *, writer: bool = False
) -> tuple[Tables, bytes]:
    """``payload`` as validated tables of this program's schema, and the bytes ``path`` holds
    for them afterwards. A file of an older schema is upgraded in memory; a ``writer``
    (holding the lock) also keeps the original bytes as ``<name>.v<old version>`` (never
    overwritten) and puts the upgraded file in place, both atomically, so a kill at any
    moment leaves the original or the upgraded database."""
    data = fmt.decode(payload)
    version = fmt.schema_version(data)
    if version > fmt.SCHEMA_VERSION:
        raise NewerSchema(
            f"The database {shown(path)} was written by a newer planner (schema version "
            f"{version}; this one knows up to {fmt.SCHEMA_VERSION}). It was left untouched: "
            "update planner, or use another --db.",
            version,
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
            return data, _keep_upgraded(path, payload, data, version, notices)
        return data, payload
    fmt.validate(data)
    return data or fmt.empty_database(), payload


def _keep_upgraded(
    path: Path, original: bytes, data: Tables, version: int, notices: list[str]
) -> bytes:
    older = older_copy_path(path, version)
    upgraded = fmt.encode(data)
    try:
        if not older.exists():
            write_replace(older, original, keep_backup=False)
        write_replace(path, upgraded, keep_backup=False)
        fsync_dir(path.parent)
    except OSError as error:
        raise StoreUnavailable(
            f"Cannot upgrade the database {shown(path)} from schema version {version}: "
            f"{os_reason(error)}. It was left as it was; free some space or fix the "
            "folder's permissions, then open it again."
        ) from error
    steps = range(version + 1, fmt.SCHEMA_VERSION + 1)
    brought = "; ".join(fmt.BROUGHT[step] for step in steps if step in fmt.BROUGHT)
    notices.append(
        f"The database {shown(path)} was upgraded to schema version {fmt.SCHEMA_VERSION} "
        f"({brought}); the original is kept as {shown(older)}."
    )
    return upgraded


def _recover(
    path: Path, damage: fmt.Damage, notices: list[str], now: Callable[[], datetime]
) -> tuple[Tables, bytes | None]:
    """Put the backup in place of the damaged file, or start empty when there is no backup.

    A backup is only ever replaced by a database loaded whole or saved whole. So when the
    backup exists but cannot be restored (unreadable, newer, disk full), both files stay as
    they are and this raises: starting empty would let the next saves roll a near-empty
    database over the good backup.
    """
    backup = backup_path(path)
    try:
        payload = read_bytes(backup)
    except OSError as error:
        raise _not_restored(
            path,
            damage,
            f"its backup {shown(backup)} cannot be read: {os_reason(error)}",
            "fix the cause",
        ) from error
    if payload is None:
        aside = _move_aside(path, damage, now())
        notices.append(
            f"The database {shown(path)} was damaged ({damage.reason}); it was moved to "
            f"{shown(aside)} and a new empty one started."
        )
        return fmt.empty_database(), None
    found: list[str] = []
    try:
        data, _ = understand(path, payload, found)
    except fmt.Damage as backup_damage:
        # Moved aside first: a damaged backup left in place would be rolled over later.
        backup_aside = _move_aside(backup, backup_damage, now())
        aside = _move_aside(path, damage, now())
        notices.append(
            f"The database {shown(path)} was damaged ({damage.reason}); it was moved to "
            f"{shown(aside)} and its backup was damaged too ({backup_damage.reason}), moved to "
            f"{shown(backup_aside)}; a new empty one started."
        )
        return fmt.empty_database(), None
    except NewerSchema as error:
        raise _not_restored(
            path,
            damage,
            f"its backup {shown(backup)} was written by a newer planner (schema version "
            f"{error.version})",
            "update planner to restore it",
        ) from None
    except StoreError as error:
        raise _not_restored(
            path, damage, f"its backup {shown(backup)} cannot be used ({error})", "fix it"
        ) from None
    restored_payload = fmt.encode(data)
    restored = _restore(path, backup, damage, restored_payload, now())
    notices.extend(found)
    notices.append(
        f"The database {shown(path)} was damaged ({damage.reason}); it was moved to "
        f"{shown(restored)} and its backup of the last save ({shown(backup)}) was restored."
    )
    return data, restored_payload


def _restore(
    path: Path, backup: Path, damage: fmt.Damage, payload: bytes, moment: datetime
) -> Path:
    """Keep the damaged file as a second name (a hard link, or a copy), then replace it with
    ``payload`` atomically: the database path always names the damaged file or the restored
    one, and on failure nothing has changed. Returns where the damaged file is kept."""
    aside = _aside_path(path, moment)
    try:
        try:
            os.link(path, aside)
        except FileExistsError:
            raise
        except OSError:
            shutil.copyfile(path, aside)
        fsync_dir(path.parent)
    except OSError as error:
        with suppress(OSError):
            aside.unlink()
        raise _not_restored(
            path, damage, f"it could not be copied aside: {os_reason(error)}", "fix the cause"
        ) from error
    try:
        write_replace(path, payload, keep_backup=False)
    except OSError as error:
        with suppress(OSError):
            aside.unlink()
        raise _not_restored(
            path,
            damage,
            f"its backup {shown(backup)} could not be restored: {os_reason(error)}",
            "free some space or fix the cause",
        ) from error
    with suppress(OSError):
        # The restored file is in place either way; the next save syncs the folder again.
        fsync_dir(path.parent)
    return aside


def _not_restored(path: Path, damage: fmt.Damage, what: str, todo: str) -> StoreUnavailable:
    return StoreUnavailable(
        f"The database {shown(path)} is damaged ({damage.reason}) and {what}. Nothing was "
        f"changed: {todo}, then open it again; or move {shown(path)} and "
        f"{shown(backup_path(path))} away yourself, or use another --db."
    )


def _move_aside(path: Path, damage: fmt.Damage, moment: datetime) -> Path:
    aside = _aside_path(path, moment)
    try:
        os.replace(path, aside)
        fsync_dir(path.parent)
    except OSError as error:
        raise StoreUnavailable(
            f"The database {shown(path)} is damaged ({damage.reason}) and could not be "
            f"moved aside: {os_reason(error)}. Move it away yourself, or use another --db."
        ) from error
    return aside


def _aside_path(path: Path, moment: datetime) -> Path:
    stamp = moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    extra = 1
    while aside.exists():
        extra += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{extra}")
    return aside
