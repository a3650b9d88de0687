"""A database written by the planner before sessions (schema 1) opens in this one: read-only
it is read as it is; opened for writing it is upgraded once, its original kept as .v1."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from planner.cli import main
from planner.clock import FixedClock
from planner.store import NewerSchema, Store
from planner.store import format as fmt
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity, PlannedDay
from tests.conftest import TODAY

FIXTURE = Path(__file__).parents[2] / "fixtures" / "planner-v1.json"
PUSH, PULL, LEGS, RUN, REST = (Activity(a) for a in ("push", "pull", "legs", "run", "rest"))
SUNDAY = FirstWeekday.SUNDAY


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    path = tmp_path / "planner.json"
    shutil.copyfile(FIXTURE, path)
    return path


def expected_weeks() -> dict[str, dict[str, str]]:
    """Every stored day of the fixture, as the v1 file wrote it."""
    weeks = json.loads(FIXTURE.read_text())["weeks"]
    return {doc["week"]: {k: v for k, v in doc.items() if k != "week"} for doc in weeks.values()}


def test_the_fixture_is_a_schema_1_file() -> None:
    data = json.loads(FIXTURE.read_text())
    assert data["meta"] == {"1": {"schema_version": 1}}
    assert data["settings"] == {"1": {"first_weekday": "sunday", "repeat_week": "2026-W47"}}


def test_read_only_reads_the_old_file_and_rewrites_nothing(old_db: Path) -> None:
    before = old_db.read_bytes()
    with Store.open(old_db, read_only=True) as store:
        assert store.settings().first_weekday is SUNDAY
        assert store.settings().repeat_week == IsoWeek(2026, 47)
        plan = store.load_plan(IsoWeek(2026, 50), SUNDAY)
        assert store.notices == ()
    assert plan.days[:2] == (PlannedDay.of(LEGS), PlannedDay.of(PULL))
    assert old_db.read_bytes() == before
    assert sorted(p.name for p in old_db.parent.iterdir()) == ["planner.json"]


def test_opening_for_writing_migrates_once_and_keeps_the_original(old_db: Path) -> None:
    original = old_db.read_bytes()
    with Store.open(old_db) as store:
        (notice,) = store.notices
        assert "upgraded to schema version 4" in notice and "planner.json.v1" in notice
        assert "(sessions with intensity and run type; the training log, and each day's" in notice
        settings = store.settings()
        stored = {str(plan.week): plan for plan in store.all_plans()}
    assert old_db.with_name("planner.json.v1").read_bytes() == original
    migrated = json.loads(old_db.read_bytes())
    assert migrated["meta"] == {"1": {"schema_version": 4}}
    assert migrated["settings"] == json.loads(original)["settings"]
    # Every week keeps its days; each activity is one session at its defaults.
    for week, days in expected_weeks().items():
        for key, word in days.items():
            day = stored[week].days[("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(key)]
            assert day == PlannedDay.of(Activity(word)), (week, key)
            assert migrated["weeks"][week.replace("-W", "")][key] == fmt.encode_day(day)
    assert settings.first_weekday is SUNDAY and settings.repeat_week == IsoWeek(2026, 47)
    with Store.open(old_db) as store:  # told once: the file is now version 3
        assert store.notices == ()
    assert old_db.with_name("planner.json.v1").read_bytes() == original


def test_the_kept_original_is_never_overwritten(old_db: Path) -> None:
    kept = old_db.with_name("planner.json.v1")
    kept.write_bytes(b"an earlier copy")
    with Store.open(old_db):
        pass
    assert kept.read_bytes() == b"an earlier copy"
    assert json.loads(old_db.read_bytes())["meta"] == {"1": {"schema_version": 4}}


def test_show_reads_the_old_file_as_it_is(old_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = old_db.read_bytes()
    code = main(["show", "--db", str(old_db), "--week", "2026-W50"], clock=FixedClock(TODAY))
    out = capsys.readouterr()
    assert code == 0 and out.err == ""
    assert "Sun 6 Dec   legs" in out.out and "Mon 7 Dec   pull" in out.out
    assert old_db.read_bytes() == before


def test_an_older_planner_refuses_the_new_file(
    old_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A planner that knows schema 1 only (the release before) refuses the upgraded file
    with its "newer planner" message and leaves it as it is."""
    with Store.open(old_db):
        pass
    upgraded = old_db.read_bytes()
    monkeypatch.setattr(fmt, "SCHEMA_VERSION", 1)
    with pytest.raises(NewerSchema, match="written by a newer planner"):
        Store.open(old_db)
    assert old_db.read_bytes() == upgraded
