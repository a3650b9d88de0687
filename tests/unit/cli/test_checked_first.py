"""A command whose own arguments are wrong is refused before the database is touched: on a
damaged database it prints its one line and leaves the file exactly as it was (a writer
would otherwise move it aside first, and print that too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import assert_refused, run_cli

DAMAGED = b'{"meta": {"1": {"schema_ver'  # a save cut short

BAD_ARGUMENTS = [
    (["set", "mon=swim"], "'swim' is not an activity"),
    (["set", "mon=legs", "mon=run"], "mon is given twice"),
    (["set", "--week", "2026-W00", "mon=legs"], "W00 does not exist"),
    (["set", "--week", "0001-W01", "mon=legs"], "outside the weeks the planner supports"),
    (["suggest", "push=x", "--apply"], "the count must be a whole number"),
    (["suggest", "push=8", "--apply"], "8 sessions do not fit"),
    (["suggest", "run=1", "--pin", "sat=legs", "--apply"], "legs is pinned on Sat"),
    (["suggest", "run=1", "--rest-min", "-1", "--apply"], "at least -1 rest days"),
    (["template", "apply", "unknown-id"], "no template 'unknown-id'"),
    (["copy", "--from", "2026-W40", "--week", "2026-W40"], "--from 2026-W40 is the week to"),
    (["copy", "--from", "2026-W48"], "--from 2026-W48 is the week to copy into"),  # today's
    (["copy", "--week", "1900-W01"], "there is no week before 1900-W01"),
    (["repeat", "--off", "--week", "2026-W48"], "--off takes no --week"),
    (["repeat", "--show", "--week", "2026-W48"], "--show takes no --week"),
    (["import", "missing.json"], "cannot read missing.json"),
    (["import", "notjson.json"], "notjson.json"),
    (["export", "--format", "md", "--from", "2026-W50", "--to", "2026-W40"], "swap them"),
    (["export", "--format", "pdf"], "invalid choice: 'pdf'"),
    (["show", "--week", "9999-W52"], "outside the weeks the planner supports"),
]


@pytest.mark.parametrize(
    ("argv", "message"), BAD_ARGUMENTS, ids=[" ".join(argv) for argv, _ in BAD_ARGUMENTS]
)
def test_bad_arguments_leave_a_damaged_database_alone(
    argv: list[str],
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notjson.json").write_text("not json", encoding="utf-8")
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "planner.json"
    db.write_bytes(DAMAGED)
    assert_refused(run_cli(["--db", str(db), *argv], capsys), message)
    assert db.read_bytes() == DAMAGED
    assert sorted(path.name for path in folder.iterdir()) == ["planner.json"]
