"""The JSON export keeps training blocks (version 4, "blocks") and import restores them; an
export without a block stays version 3 or 2, which older planners read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.block import BlockWeek
from planner.export.json import TransferError, read_export
from planner.store import Store
from planner.weeks import IsoWeek
from tests.helpers import run_cli, seed

START = IsoWeek(2026, 50)


def marks(db: Path) -> dict[IsoWeek, BlockWeek]:
    with Store.open(db, read_only=True) as store:
        return store.all_blocks()


@pytest.fixture
def db(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    seed(db_path, {"2026-W47": {"mon": "legs:heavy", "wed": "run:tempo"}})
    argv = ["block", "--from", str(START), "--weeks", "4", "--template", "upper-lower"]
    assert run_cli([*argv, "--db", str(db_path)], capsys).code == 0
    return db_path


def test_blocks_round_trip_through_export_and_import(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = run_cli(["export", "--format", "json", "--db", str(db)], capsys).out
    document = json.loads(exported)
    assert document["version"] == 4
    assert list(document) == ["format", "version", "settings", "blocks", "weeks"]
    assert document["blocks"][3] == {
        "week": "2026-W53",
        "block": "2026-W50",
        "number": 4,
        "weeks": 4,
        "deload": True,
    }
    backup = tmp_path / "backup.json"
    backup.write_text(exported)
    other = tmp_path / "other.json"
    seed(other, {})
    assert run_cli(["import", str(backup), "--db", str(other)], capsys).code == 0
    assert marks(other) == marks(db)
    assert len(marks(other)) == 4
    again = run_cli(["export", "--format", "json", "--db", str(other)], capsys).out
    assert json.loads(again) == document


def test_an_export_without_blocks_is_written_as_before(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W47": {"mon": "legs"}})
    document = json.loads(run_cli(["export", "--format", "json", "--db", str(db_path)], capsys).out)
    assert (document["version"], "blocks" in document) == (2, False)


def test_a_week_range_exports_only_its_marks(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["export", "--format", "json", "--from", "2026-W52", "--to", "2026-W53"]
    document = json.loads(run_cli([*argv, "--db", str(db)], capsys).out)
    assert [mark["week"] for mark in document["blocks"]] == ["2026-W52", "2026-W53"]


def test_importing_an_older_version_keeps_the_stored_marks(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = marks(db)
    old = tmp_path / "old.json"
    week = {"week": "2026-W50", "days": {"mon": {"sessions": [], "rest": True}}}
    old.write_text(json.dumps({"format": "planner-export", "version": 3, "weeks": [week]}))
    assert run_cli(["import", str(old), "--db", str(db)], capsys).code == 0
    assert marks(db) == before


@pytest.mark.parametrize(
    ("blocks", "version", "message"),
    [
        ([], 3, 'unknown field "blocks" before version 4'),
        ({}, 4, '"blocks" must be a list'),
        ([{"week": "2026-W51"}], 4, "must hold exactly"),
        (
            [{"week": "2026-W51", "block": "2026-W50", "number": 1, "weeks": 4, "deload": False}],
            4,
            "2026-W51 is not week 1 of the block from 2026-W50",
        ),
        (["x"], 4, "blocks[0] must be an object"),
    ],
)
def test_wrong_marks_are_refused_with_where_they_are(
    blocks: object, version: int, message: str
) -> None:
    text = json.dumps(
        {"format": "planner-export", "version": version, "blocks": blocks, "weeks": []}
    )
    with pytest.raises(TransferError, match=message.replace("[", r"\[").replace("]", r"\]")):
        read_export(text, "f.json")
