"""``planner export --format json``: every stored week and the settings, re-importable; the
--from/--to range and -o FILE, shared by every format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import assert_refused, run_cli, seed

WEEKS = {
    "2026-W47": {"sun": "rest"},
    "2026-W48": {"mon": "legs", "tue": "pull", "sun": "run"},
    "2026-W50": {"fri": "push"},
    "2027-W01": {"wed": "rest"},
}


def export(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    outcome = run_cli(["export", "--format", "json", "--db", str(db), *argv], capsys)
    assert (outcome.code, outcome.err) == (0, "")
    return json.loads(outcome.out)


def test_the_document_has_the_format_version_settings_and_iso_weeks(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Sunday-first is a display setting: the export still uses ISO weeks and Monday..Sunday.
    seed(db_path, WEEKS, first="sunday")
    rest = {"sessions": [], "rest": True}

    def lift(kind: str) -> dict[str, object]:
        return {"sessions": [{"kind": kind, "intensity": "moderate"}], "rest": False}

    run = {"sessions": [{"kind": "run", "type": "easy"}], "rest": False}
    assert export(db_path, capsys) == {
        "format": "planner-export",
        "version": 2,
        "settings": {"first_weekday": "sunday"},
        "weeks": [
            {"week": "2026-W47", "days": {"sun": rest}},
            {"week": "2026-W48", "days": {"mon": lift("legs"), "tue": lift("pull"), "sun": run}},
            {"week": "2026-W50", "days": {"fri": lift("push")}},
            {"week": "2027-W01", "days": {"wed": rest}},
        ],
    }


def test_an_empty_database_exports_no_weeks(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = export(db_path, capsys)
    assert document["weeks"] == []
    assert document["settings"] == {"first_weekday": "monday"}


@pytest.mark.parametrize(
    ("argv", "weeks"),
    [
        ([], ["2026-W47", "2026-W48", "2026-W50", "2027-W01"]),
        (["--from", "2026-W48"], ["2026-W48", "2026-W50", "2027-W01"]),
        (["--to", "2026-W49"], ["2026-W47", "2026-W48"]),
        (["--from", "2026-W48", "--to", "2026-W50"], ["2026-W48", "2026-W50"]),
        (["--from", "2026-W49", "--to", "2026-W49"], []),
        (["--from", "2027-W02"], []),
    ],
)
def test_from_and_to_choose_the_weeks(
    db_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], weeks: list[str]
) -> None:
    seed(db_path, WEEKS)
    assert [w["week"] for w in export(db_path, capsys, *argv)["weeks"]] == weeks


def test_output_file_gets_exactly_what_stdout_would(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, WEEKS)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "backup.json"
    target.write_text("old contents, replaced whole")
    argv = ["export", "--format", "json", "--db", str(db_path)]
    outcome = run_cli([*argv, "-o", str(target)], capsys)
    assert (outcome.code, outcome.out, outcome.err) == (0, "", "")
    assert target.read_text() == run_cli(argv, capsys).out
    assert [path.name for path in folder.iterdir()] == ["backup.json"]  # no temp file left


def test_export_reads_a_database_another_planner_holds(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from planner.store import Store

    seed(db_path, WEEKS)
    with Store.open(db_path):
        assert len(export(db_path, capsys)["weeks"]) == 4


def test_a_failed_write_leaves_the_old_file(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, WEEKS)
    target = tmp_path / "out"
    target.mkdir()
    outcome = run_cli(
        ["export", "--format", "json", "--db", str(db_path), "-o", str(target)], capsys
    )
    assert_refused(outcome, "is a directory")
    assert list(target.iterdir()) == []
