"""``-o PATH`` writes into what PATH names (issue 24, finding 2: it was written as a temporary
file renamed over PATH, which replaced a symlink, a named pipe, even /dev/null as root): a
regular file atomically, a link's target, a device or a named pipe by plain writing, and a
directory is refused in one line. No test here touches the real /dev/null."""

from __future__ import annotations

import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from tests.helpers import assert_refused, run_cli, seed

WEEKS = {"2026-W48": {"mon": "legs", "tue": "pull", "wed": "run"}}
FORMATS = ["ics", "json", "md"]


def exported(db: Path, capsys: pytest.CaptureFixture[str], format: str) -> bytes:
    """The export as a regular file -o receives it."""
    reference = db.with_name(f"reference.{format}")
    export_to(db, reference, capsys, format)
    payload = reference.read_bytes()
    reference.unlink()
    return payload


def export_to(
    db: Path, target: Path, capsys: pytest.CaptureFixture[str], format: str = "json"
) -> None:
    outcome = run_cli(["export", "--format", format, "--db", str(db), "-o", str(target)], capsys)
    assert (outcome.code, outcome.out, outcome.err) == (0, "", ""), outcome


@pytest.mark.parametrize("format", FORMATS)
def test_a_symlink_keeps_pointing_and_its_target_is_written(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], format: str
) -> None:
    seed(db_path, WEEKS)
    synced = tmp_path / "synced"
    synced.mkdir()
    target = synced / "calendar"
    target.write_text("last week's export")
    link = tmp_path / "link"
    link.symlink_to(target)
    export_to(db_path, link, capsys, format)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == exported(db_path, capsys, format)
    assert sorted(p.name for p in synced.iterdir()) == ["calendar"]  # no temporary file left


def test_a_dangling_symlink_creates_its_target(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, WEEKS)
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "new.json")
    export_to(db_path, link, capsys)
    assert link.is_symlink()
    assert (tmp_path / "new.json").read_bytes() == exported(db_path, capsys, "json")


def test_a_named_pipe_is_written_into_and_stays_a_pipe(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, WEEKS)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    export_to(db_path, pipe, capsys)
    reader.join(timeout=30)
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert received == [exported(db_path, capsys, "json")]
    assert [p.name for p in tmp_path.iterdir() if ".tmp-" in p.name] == []


# Linux's null device (major 1, minor 3): a node of it is made in the test's own folder, so
# the system's /dev/null is never named, let alone written or replaced.
NULL_DEVICE = os.makedev(1, 3)


@pytest.mark.skipif(
    os.geteuid() != 0 or sys.platform != "linux", reason="only root makes device nodes (Linux)"
)
def test_a_device_is_written_into_and_stays_a_device(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, WEEKS)
    device = tmp_path / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, NULL_DEVICE)
    export_to(db_path, device, capsys)
    after = os.lstat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == NULL_DEVICE
    assert [p.name for p in tmp_path.iterdir() if ".tmp-" in p.name] == []


def test_a_directory_is_refused_in_one_line(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, WEEKS)
    folder = tmp_path / "folder"
    folder.mkdir()
    link = tmp_path / "to-folder"
    link.symlink_to(folder)
    for target in (folder, link):
        outcome = run_cli(
            ["export", "--format", "md", "--db", str(db_path), "-o", str(target)], capsys
        )
        assert_refused(outcome, f"cannot write {target}: is a directory")
    assert list(folder.iterdir()) == []
