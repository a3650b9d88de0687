"""The calendar export keeps a calendar in step: SEQUENCE grows with each change of a day, an
event a day no longer fills is cancelled (only if an export wrote it), and every export
parses the same with icalendar and vobject."""

from __future__ import annotations

import shutil
from pathlib import Path

import pendulum
import pytest

from planner.store import Store
from tests.helpers import CalendarEvent, calendar_events, run_cli, seed

FIXTURE_V2 = Path(__file__).parents[2] / "fixtures" / "planner-v2.json"
W48 = {"mon": "legs:heavy+run", "tue": "push,pull", "wed": "rest", "sat": "run:long"}


def export(
    db: Path, capsys: pytest.CaptureFixture[str], *argv: str, today: pendulum.Date | None = None
) -> dict[str, CalendarEvent]:
    extra = {} if today is None else {"today": today}
    outcome = run_cli(["export", "--format", "ics", "--db", str(db), *argv], capsys, **extra)
    assert (outcome.code, outcome.err) == (0, ""), outcome
    return calendar_events(outcome.out.encode("utf-8"))


def plan(db: Path, capsys: pytest.CaptureFixture[str], week: str, *days: str) -> None:
    assert run_cli(["set", "--db", str(db), "--week", week, *days], capsys).code == 0


def live(events: dict[str, CalendarEvent]) -> dict[str, str]:
    return {uid: e.summary for uid, e in events.items() if e.status == "CONFIRMED"}


def cancelled(events: dict[str, CalendarEvent]) -> dict[str, int]:
    return {uid: e.sequence for uid, e in events.items() if e.status == "CANCELLED"}


def test_removed_sessions_and_cleared_days_are_cancelled(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": W48, "2026-W49": {"tue": "run"}})
    first = export(db_path, capsys)
    assert cancelled(first) == {}
    assert {e.sequence for e in first.values()} == {1}
    plan(db_path, capsys, "2026-W48", "mon=legs:heavy", "tue=-", "sat=run:tempo")
    plan(db_path, capsys, "2026-W49", "tue=-")  # the whole week cleared
    second = export(db_path, capsys)
    assert cancelled(second) == {
        "2026-11-23-2@planner": 2,  # Monday's evening run
        "2026-11-24@planner": 2,  # Tuesday cleared: both its events
        "2026-11-24-2@planner": 2,
        "2026-12-01@planner": 2,  # in a week with nothing planned any more
    }
    assert live(second) == {
        "2026-11-23@planner": "Legs (heavy)",
        "2026-11-25@planner": "Rest day",
        "2026-11-28@planner": "Run (tempo)",
    }
    assert second["2026-11-23@planner"].sequence == 2  # changed: two sessions to one
    assert second["2026-11-25@planner"].sequence == 1  # unchanged
    # Planned again: the same UID comes back confirmed, one revision further.
    plan(db_path, capsys, "2026-W48", "tue=pull")
    third = export(db_path, capsys)
    assert third["2026-11-24@planner"] == CalendarEvent("Pull (moderate)", "CONFIRMED", 3)
    assert cancelled(third)["2026-11-24-2@planner"] == 3


def test_only_events_an_export_wrote_are_cancelled(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": W48})
    export(db_path, capsys, "--week", "2026-W48")
    # Planned and cleared between two exports, or outside the range exported: never sent.
    plan(db_path, capsys, "2026-W48", "thu=push+run")
    plan(db_path, capsys, "2026-W48", "thu=-")
    plan(db_path, capsys, "2026-W50", "mon=legs")
    plan(db_path, capsys, "2026-W50", "mon=-")
    assert cancelled(export(db_path, capsys)) == {}


def test_the_range_bounds_what_is_cancelled_and_what_is_noted(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": W48, "2026-W49": {"tue": "run"}})
    export(db_path, capsys, "--week", "2026-W48")  # 2026-W49 is not noted as exported
    plan(db_path, capsys, "2026-W48", "wed=-")
    plan(db_path, capsys, "2026-W49", "tue=-")
    assert cancelled(export(db_path, capsys, "--week", "2026-W49")) == {}
    assert cancelled(export(db_path, capsys)) == {"2026-11-25@planner": 2}


def test_an_unchanged_export_writes_nothing_to_the_database(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": W48})
    export(db_path, capsys)
    before = db_path.read_bytes()
    export(db_path, capsys, today=pendulum.Date(2027, 1, 4))
    assert db_path.read_bytes() == before


def test_while_the_planner_is_open_the_file_is_written_and_the_note_is_said(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": W48})
    before = db_path.read_bytes()
    target = tmp_path / "training.ics"
    argv = ["export", "--format", "ics", "--db", str(db_path), "-o", str(target)]
    with Store.open(db_path):
        outcome = run_cli(argv, capsys)
    assert outcome.code == 0 and outcome.out == ""
    assert outcome.err.count("\n") == 1 and outcome.err.startswith("planner: ")
    assert "is open in another planner" in outcome.err
    assert "events this export wrote were not noted" in outcome.err
    assert db_path.read_bytes() == before
    assert len(live(calendar_events(target.read_bytes()))) == 6
    # Once it is closed, an export notes them.
    assert run_cli(argv, capsys).err == ""
    with Store.open(db_path, read_only=True) as store:
        assert store.revisions()[pendulum.Date(2026, 11, 23)].exported == 2


def test_a_calendar_fed_before_the_upgrade_hears_of_a_removal_after_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The planner before revisions exported every day and kept no note of it: after the
    upgrade, each planned day counts as exported, so removing a session reaches a
    calendar that imported that release's export."""
    db = tmp_path / "planner.json"
    shutil.copyfile(FIXTURE_V2, db)
    outcome = run_cli(["set", "--db", str(db), "--week", "2026-W48", "mon=legs:heavy"], capsys)
    assert outcome.code == 0 and "upgraded to schema version 4" in outcome.err
    events = export(db, capsys, "--week", "2026-W48")
    assert cancelled(events) == {"2026-11-23-2@planner": 1}
    assert events["2026-11-23@planner"] == CalendarEvent("Legs (heavy)", "CONFIRMED", 1)
    assert events["2026-11-24@planner"].sequence == 0  # unchanged since the upgrade
