"""The backup is only ever replaced by a save of data loaded whole (or a first save where
there was no backup); after each such save it holds that save.

When a damaged database cannot be replaced by its backup (disk full, a backup from a newer
planner), nothing is written: the command says what happened and what to do, and the
backup still holds every week afterwards.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest

from planner.store import Store, StoreUnavailable
from planner.store import load as loading
from tests.helpers import assert_refused, run_cli, seed

WEEKS = {f"2024-W{n:02d}": {"mon": "legs", "thu": "run"} for n in range(1, 53)}
WEEKS |= {f"2025-W{n:02d}": {"tue": "push"} for n in range(1, 53)}


def backup_of(db: Path) -> Path:
    return db.with_name(db.name + ".bak")


def stored_weeks(path: Path) -> int:
    return len(json.loads(path.read_bytes()).get("weeks", {}))


def disk_full(patch: pytest.MonkeyPatch) -> None:
    """Writing the restored database fails as on a full disk."""

    def write_replace(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    patch.setattr(loading, "write_replace", write_replace)


def a_good_backup(db: Path, capsys: pytest.CaptureFixture[str]) -> bytes:
    """The issue's set-up: 104 weeks imported, one ``set``, so ``.bak`` holds all 105."""
    seed(db, WEEKS)
    assert run_cli(["set", "--db", str(db), "--week", "2026-W48", "mon=legs"], capsys).code == 0
    assert stored_weeks(backup_of(db)) == 105
    return backup_of(db).read_bytes()


def test_a_failed_restore_writes_nothing_and_the_backup_survives(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = a_good_backup(db_path, capsys)
    db_path.write_bytes(b"")  # damaged: truncated
    set_ = ["set", "--db", str(db_path), "--week", "2026-W49", "tue=pull"]
    with monkeypatch.context() as patch:
        disk_full(patch)
        refused = run_cli(set_, capsys)
    assert_refused(refused, f"The database {db_path} is damaged (empty file, zero bytes)")
    assert f"its backup {backup_of(db_path)} could not be restored" in refused.err
    assert "no space left on device" in refused.err
    assert "new empty one" not in refused.err
    assert db_path.read_bytes() == b""  # still where it was, for the next try
    assert backup_of(db_path).read_bytes() == backup
    assert sorted(p.name for p in db_path.parent.iterdir()) == [
        "planner.json",
        "planner.json.bak",
        "planner.json.lock",
    ]
    # The disk has room again: the backup is restored, then the day is set.
    restored = run_cli(set_, capsys)
    assert restored.code == 0, restored
    assert "its backup of the last save" in restored.err
    assert stored_weeks(db_path) == 106
    assert run_cli(["set", "--db", str(db_path), "--week", "2026-W50", "wed=run"], capsys).code == 0
    assert stored_weeks(backup_of(db_path)) == 107


def test_a_failed_restore_is_refused_by_the_store(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = a_good_backup(db_path, capsys)
    db_path.write_bytes(b"{")
    disk_full(monkeypatch)
    for options in ({}, {"fallback_read_only": True}):
        with pytest.raises(StoreUnavailable) as caught:
            Store.open(db_path, **options)
        message = str(caught.value)
        assert "\n" not in message
        assert "Nothing was changed" in message, message
        assert str(db_path) in message and str(backup_of(db_path)) in message
    assert db_path.read_bytes() == b"{"
    assert backup_of(db_path).read_bytes() == backup


def test_a_backup_from_a_newer_planner_is_not_replaced(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newer = b'{"meta": {"1": {"schema_version": 99}}, "weeks": {}}'
    backup_of(db_path).write_bytes(newer)
    db_path.write_bytes(b"[]")
    refused = run_cli(["set", "--db", str(db_path), "mon=legs"], capsys)
    assert_refused(refused, f"The database {db_path} is damaged (not a TinyDB database)")
    assert "written by a newer planner (schema version 99)" in refused.err
    assert "update planner" in refused.err
    for _ in range(2):
        assert run_cli(["set", "--db", str(db_path), "mon=legs"], capsys).code == 2
    assert backup_of(db_path).read_bytes() == newer
    assert db_path.read_bytes() == b"[]"
    with pytest.raises(StoreUnavailable, match="newer planner"):
        Store.open(db_path)


def test_a_damaged_backup_is_kept_aside_too(db_path: Path) -> None:
    db_path.write_bytes(b"{")
    backup_of(db_path).write_bytes(b"[")
    with Store.open(db_path) as store:
        (notice,) = store.notices
        assert "its backup" in notice and "was damaged too" in notice
        assert notice.endswith("a new empty one started.")
    asides = {p.name.split(".corrupt-")[0]: p for p in db_path.parent.iterdir()}
    assert asides["planner.json"].read_bytes() == b"{"
    assert asides["planner.json.bak"].read_bytes() == b"["
    assert not backup_of(db_path).exists()


def test_an_unreadable_backup_is_refused(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db_path.write_bytes(b"{")
    backup_of(db_path).write_bytes(b"{}")
    real = loading.read_bytes

    def read_bytes(path: Path) -> bytes | None:
        if path.name.endswith(".bak"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(path)

    monkeypatch.setattr(loading, "read_bytes", read_bytes)
    with pytest.raises(StoreUnavailable, match="permission denied"):
        Store.open(db_path)
    assert db_path.read_bytes() == b"{"
    assert backup_of(db_path).read_bytes() == b"{}"


def test_the_restored_file_is_in_place_before_the_damaged_one_moves(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """At every instant the database path names the damaged file or the restored one."""
    a_good_backup(db_path, capsys)
    db_path.write_bytes(b"")
    seen: list[bool] = []
    real = os.replace

    def replace(source: Any, target: Any) -> None:
        seen.append(db_path.exists())
        real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with Store.open(db_path) as store:
        assert len(store.stored_weeks()) == 105
    assert all(seen)
    assert db_path.exists()


def test_a_file_the_storage_did_not_load_never_becomes_the_backup(db_path: Path) -> None:
    from planner.store import format as fmt
    from planner.store.atomic import AtomicJSONStorage

    backup_of(db_path).write_bytes(b"the good backup")
    storage = AtomicJSONStorage(db_path, fmt.empty_database(), encode=fmt.encode)
    storage.replace_data(fmt.empty_database(), disk=None)  # e.g. no file when it was opened
    storage.commit(fmt.empty_database())
    assert backup_of(db_path).read_bytes() == b"the good backup"
    storage.commit({**fmt.empty_database(), fmt.WEEKS: {}})
    # Saved whole here: from now on each save is its own backup.
    assert backup_of(db_path).read_bytes() == db_path.read_bytes()
