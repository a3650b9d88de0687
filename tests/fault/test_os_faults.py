"""The operating system fails in the middle of a save, or refuses access on open.

Invariant for every save fault: the error reaches the caller as a StoreError with a one-line
message, the database file still holds a complete save (the old one, or the new one when only
the final directory fsync failed), no temporary file is left, and what the Store answers
afterwards equals what is on disk.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from planner.plan import WeekPlan
from planner.store import SaveFailed, Store, StoreError, StoreUnavailable
from planner.store import atomic as storage
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity, PlannedDay

W48 = IsoWeek(2026, 48)
OLD = WeekPlan.of_activities(W48, FirstWeekday.SUNDAY, (Activity.RUN,) * 7)
NEW = WeekPlan.of_activities(W48, FirstWeekday.SUNDAY, (Activity.LEGS,) * 7)
# The calls one save makes, in the modules that make them.
INJECTABLE = [
    (tempfile, "mkstemp"),
    (os, "fchmod"),
    (os, "write"),
    (os, "fsync"),
    (os, "close"),
    (os, "link"),
    (os, "replace"),
    (os, "open"),
]
as_root = os.name == "posix" and os.geteuid() == 0


class Recorder:
    """Wraps the injectable calls; counts them, and fails the one numbered ``fail_at``."""

    def __init__(self, fail_at: int | None, error: OSError) -> None:
        self.fail_at = fail_at
        self.error = error
        self.calls: list[str] = []

    def wrap(self, name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(name)
            if len(self.calls) - 1 == self.fail_at:
                raise self.error
            return real(*args, **kwargs)

        return call


@contextmanager
def injected(fail_at: int | None, error: OSError | None = None) -> Iterator[Recorder]:
    recorder = Recorder(fail_at, error or OSError(errno.EIO, "Input/output error"))
    with pytest.MonkeyPatch.context() as patch:
        for module, name in INJECTABLE:
            patch.setattr(module, name, recorder.wrap(name, getattr(module, name)))
        yield recorder


def leftovers(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if ".tmp-" in p.name)


def single_save_calls(tmp_path: Path) -> list[str]:
    path = tmp_path / "probe" / "planner.json"
    path.parent.mkdir()
    with Store.open(path) as store:
        store.save_plan(OLD)
        with injected(None) as recorder:
            store.save_plan(NEW)
    return recorder.calls


def test_every_failing_call_of_a_save_leaves_a_complete_file(tmp_path: Path) -> None:
    calls = single_save_calls(tmp_path)
    assert {"mkstemp", "write", "fsync", "replace", "open"} <= set(calls)
    for index, name in enumerate(calls):
        path = tmp_path / f"case{index}" / "planner.json"
        path.parent.mkdir()
        with Store.open(path) as store:
            store.save_plan(OLD)
            old_bytes = path.read_bytes()
            renamed = calls.index("replace")  # the database's rename; then the backup's
            if renamed < index <= renamed + 2:
                # After the database's rename the save is made: the backup's rename failing
                # leaves .bak the save before; closing the folder's lock cannot fail it.
                with injected(index):
                    store.save_plan(NEW)
                assert store.load_plan(W48, FirstWeekday.SUNDAY) == NEW, (index, name)
                assert path.with_name("planner.json.bak").read_bytes() in (
                    old_bytes,
                    path.read_bytes(),
                )
                assert leftovers(path) == []
                store.save_plan(OLD)
                store.save_plan(NEW)
                continue
            with injected(index), pytest.raises(SaveFailed) as caught:
                store.save_plan(NEW)
            message = str(caught.value)
            assert str(path) in message and "\n" not in message, (index, name)
            assert "input/output error" in message, (index, name)
            assert leftovers(path) == [], (index, name)
            on_disk = path.read_bytes()
            if on_disk == old_bytes:
                assert store.load_plan(W48, FirstWeekday.SUNDAY) == OLD, (index, name)
                assert "previous save" in message
            else:  # only the directory fsync after the rename can fail this late
                assert "could not confirm" in message, (index, name)
                assert store.load_plan(W48, FirstWeekday.SUNDAY) == NEW
            store.save_plan(NEW)  # the fault is gone: saving works again
        with Store.open(path, read_only=True) as again:
            assert again.load_plan(W48, FirstWeekday.SUNDAY) == NEW


@pytest.mark.parametrize(
    ("name", "error", "reason"),
    [
        ("replace", OSError(errno.EIO, "io"), "input/output error"),
        ("write", OSError(errno.ENOSPC, "full"), "no space left on device"),
        ("fsync", OSError(errno.EIO, "io"), "input/output error"),
        ("mkstemp", OSError(errno.EROFS, "ro"), "read-only file system"),
        ("mkstemp", PermissionError(errno.EACCES, "denied"), "permission denied"),
    ],
)
def test_named_faults_keep_the_old_file(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, error: OSError, reason: str
) -> None:
    with Store.open(db_path) as store:
        store.save_plan(OLD)
        store.save_plan(OLD.with_day(0, PlannedDay.of(None)))
        old_bytes, old_bak = (
            db_path.read_bytes(),
            db_path.with_name("planner.json.bak").read_bytes(),
        )
        module = tempfile if name == "mkstemp" else os

        def fail(*args: Any, **kwargs: Any) -> Any:
            raise error

        with monkeypatch.context() as patch:
            patch.setattr(module, name, fail)
            with pytest.raises(SaveFailed, match=reason):
                store.save_plan(NEW)
        assert db_path.read_bytes() == old_bytes
        assert db_path.with_name("planner.json.bak").read_bytes() in (old_bak, old_bytes)
        assert store.load_plan(W48, FirstWeekday.SUNDAY) == OLD.with_day(0, PlannedDay.of(None))
        assert leftovers(db_path) == []


def test_a_failed_write_is_not_visible_through_the_store(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(db_path) as store:
        store.save_plan(OLD)
        monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(errno.EIO, "")))
        with pytest.raises(SaveFailed):
            store.save_plan(NEW)
        with pytest.raises(SaveFailed):
            store.save_plan(
                WeekPlan.of_activities(W48.next(), FirstWeekday.MONDAY, (Activity.PUSH,) * 7)
            )
        assert store.stored_weeks() == [IsoWeek(2026, 47), W48]
        assert store.load_plan(W48, FirstWeekday.SUNDAY) == OLD


# -- refused on open ---------------------------------------------------------------------------


def test_path_is_a_directory(tmp_path: Path) -> None:
    with pytest.raises(StoreUnavailable, match="is a directory, not a file") as caught:
        Store.open(tmp_path)
    assert str(tmp_path) in str(caught.value)


def test_parent_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreUnavailable, match="is a file, not a folder"):
        Store.open(tmp_path / "file" / "planner.json")


@pytest.mark.skipif(as_root, reason="root reads files whatever their mode")
def test_unreadable_file_chmod(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_plan(OLD)
    content = db_path.read_bytes()
    db_path.chmod(0)
    try:
        with pytest.raises(StoreUnavailable, match="permission denied"):
            Store.open(db_path)
    finally:
        db_path.chmod(0o600)
    assert db_path.read_bytes() == content


@pytest.mark.parametrize("read_only", [False, True])
def test_unreadable_file_injected(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, read_only: bool
) -> None:
    """The same code path as chmod 000, reachable as root."""
    with Store.open(db_path) as store:
        store.save_plan(OLD)
    content = db_path.read_bytes()

    def denied(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(errno.EACCES, "Permission denied", str(args[0]))

    monkeypatch.setattr(storage, "open", denied, raising=False)
    with pytest.raises(StoreUnavailable) as caught:
        Store.open(db_path, read_only=read_only)
    assert str(caught.value) == (
        f"Cannot read the database {db_path}: permission denied. "
        "Check the file and its folder, or choose another file with --db."
    )
    monkeypatch.undo()
    assert db_path.read_bytes() == content
    Store.open(db_path).close()  # the lock was released on the way out


def read_only_folder_injected(patch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def open_(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    patch.setattr(os, "open", open_)


@pytest.mark.parametrize("injected_", [True, False])
def test_read_only_folder(db_path: Path, monkeypatch: pytest.MonkeyPatch, injected_: bool) -> None:
    if not injected_ and as_root:
        pytest.skip("root writes into read-only folders")
    with Store.open(db_path) as store:
        store.save_plan(OLD)
    db_path.with_name("planner.json.lock").unlink()
    content = db_path.read_bytes()
    if injected_:
        read_only_folder_injected(monkeypatch)
    else:
        db_path.parent.chmod(0o500)
    try:
        with pytest.raises(StoreUnavailable, match=f"Cannot lock the database {db_path}: "):
            Store.open(db_path)
        with Store.open(db_path, fallback_read_only=True) as store:
            assert store.read_only
            assert store.read_only_reason is not None
            assert store.load_plan(W48, FirstWeekday.SUNDAY) == OLD
            with pytest.raises(StoreError, match="Not saved, read-only"):
                store.save_plan(NEW)
    finally:
        db_path.parent.chmod(0o700)
    assert db_path.read_bytes() == content


def test_save_into_a_folder_that_became_read_only(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(db_path) as store:
        store.save_plan(OLD)
        content = db_path.read_bytes()
        read_only_folder_injected(monkeypatch)
        with pytest.raises(SaveFailed, match=r"read-only file system.*previous save"):
            store.save_plan(NEW)
    assert db_path.read_bytes() == content


def test_folder_that_cannot_be_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "new" / "planner.json"
    with Store.open(path) as store:
        read_only_folder_injected(monkeypatch)

        def mkdir(*args: Any, **kwargs: Any) -> None:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(Path, "mkdir", mkdir)
        with pytest.raises(StoreUnavailable, match="Cannot create the folder of the database"):
            store.save_plan(NEW)
    assert not (tmp_path / "new").exists()
