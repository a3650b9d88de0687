"""Issue 12's week of sessions end to end: set, show, export (json, md, ics), import into an
empty database, and shown identically there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import run_cli

WEEK = [
    "mon=legs:heavy+run:easy",
    "tue=push,pull",
    "wed=run:intervals",
    "thu=rest",
    "fri=legs",
    "sat=run:long",
    "sun=rest",
]


def test_a_week_of_sessions_survives_set_show_export_and_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    week = ["--week", "2026-W48"]
    assert run_cli(["set", "--db", str(first), *week, *WEEK], capsys).code == 0
    shown = run_cli(["show", "--db", str(first), *week], capsys)
    assert "Mon 23 Nov  legs:heavy+run" in shown.out
    assert "Tue 24 Nov  push,pull" in shown.out
    shown_json = json.loads(run_cli(["show", "--db", str(first), *week, "--json"], capsys).out)
    monday = shown_json["days"][0]
    assert monday["sessions"] == [
        {"kind": "legs", "intensity": "heavy"},
        {"kind": "run", "type": "easy"},
    ]
    assert monday["together"] is False and shown_json["days"][1]["together"] is True
    markdown = run_cli(["export", "--db", str(first), "--format", "md"], capsys).out
    assert "| Mon | 2026-11-23 | Legs (heavy), then an easy run in the evening |" in markdown
    calendar = run_cli(["export", "--db", str(first), "--format", "ics"], capsys)
    assert calendar.code == 0 and "BEGIN:VCALENDAR" in calendar.out
    # One event per session (seven) and one per rest day (two).
    assert calendar.out.count("BEGIN:VEVENT") == 9
    assert "SUMMARY:1/2 Legs (heavy)\\, morning" in calendar.out
    backup = tmp_path / "backup.json"
    backup.write_text(run_cli(["export", "--db", str(first), "--format", "json"], capsys).out)
    assert run_cli(["import", "--db", str(second), str(backup)], capsys).code == 0
    again = run_cli(["show", "--db", str(second), *week, "--json"], capsys)
    assert json.loads(again.out) == shown_json
