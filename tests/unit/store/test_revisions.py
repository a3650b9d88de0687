"""Each day's revision (schema 3): one further on every change of the day, when it changed,
and the events a calendar export wrote; kept after the day is cleared; validated like every
part of the file; and a schema 2 database upgraded once, with its original kept."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from planner.days import parse_day
from planner.plan import WeekPlan
from planner.store import NewerSchema, Store
from planner.store import format as fmt
from planner.store.revisions import DayRevision
from planner.weeks import FirstWeekday, IsoWeek
from rules import Goal, PlannedDay

FIXTURE = Path(__file__).parents[2] / "fixtures" / "planner-v2.json"
W48 = IsoWeek(2026, 48)
MONDAY, SUNDAY = FirstWeekday.MONDAY, FirstWeekday.SUNDAY
T1 = datetime(2026, 11, 20, 9, 15, 30, tzinfo=UTC)
T2 = datetime(2026, 11, 22, 18, 0, 5, tzinfo=UTC)
MON, TUE, WED = date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)


def plan(week: IsoWeek, first: FirstWeekday, *words: str) -> WeekPlan:
    days = [parse_day(word, clear=True) for word in words]
    return WeekPlan(week, first, tuple(days + [PlannedDay.UNPLANNED] * (7 - len(days))))


def stored(db: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(db.read_bytes())
    return data


def test_a_changed_day_is_one_revision_further_and_says_when(db_path: Path) -> None:
    with Store.open(db_path, now=lambda: T1) as store:
        store.save_plan(plan(W48, MONDAY, "legs:heavy+run", "push,pull", "rest"))
    with Store.open(db_path, now=lambda: T2) as store:
        # Tuesday changes, Monday and Wednesday do not.
        store.save_plan(plan(W48, MONDAY, "legs:heavy+run", "push", "rest"))
        revisions = store.revisions()
    assert revisions == {
        MON: DayRevision(1, "20261120T091530Z", 0),
        TUE: DayRevision(2, "20261122T180005Z", 0),
        WED: DayRevision(1, "20261120T091530Z", 0),
    }
    assert stored(db_path)["revisions"] == {
        "202648": {
            "week": "2026-W48",
            "mon": [1, "20261120T091530Z", 0],
            "tue": [2, "20261122T180005Z", 0],
            "wed": [1, "20261120T091530Z", 0],
        }
    }


def test_an_unchanged_save_writes_nothing(db_path: Path) -> None:
    week = plan(W48, MONDAY, "legs")
    with Store.open(db_path, now=lambda: T1) as store:
        store.save_plan(week)
    before = db_path.read_bytes()
    with Store.open(db_path, now=lambda: T2) as store:
        store.save_plan(week)
    assert db_path.read_bytes() == before


def test_a_cleared_day_and_a_cleared_week_keep_their_revisions(db_path: Path) -> None:
    with Store.open(db_path, now=lambda: T1) as store:
        store.save_plan(plan(W48, MONDAY, "legs", "run"))
    with Store.open(db_path, now=lambda: T2) as store:
        store.save_plan(plan(W48, MONDAY, "legs", "-"))
        assert store.revisions()[TUE] == DayRevision(2, "20261122T180005Z", 0)
        store.save_plan(plan(W48, MONDAY))
        assert store.revisions() == {
            MON: DayRevision(2, "20261122T180005Z", 0),
            TUE: DayRevision(2, "20261122T180005Z", 0),
        }
    data = stored(db_path)
    assert "202648" not in data["weeks"]
    assert data["revisions"]["202648"]["tue"] == [2, "20261122T180005Z", 0]


def test_a_sunday_first_week_revises_the_sunday_of_the_iso_week_before(db_path: Path) -> None:
    with Store.open(db_path, now=lambda: T1) as store:
        store.save_plan(plan(W48, SUNDAY, "rest", "legs"))
        assert set(store.revisions()) == {date(2026, 11, 22), MON}
    assert set(stored(db_path)["revisions"]) == {"202647", "202648"}


def test_an_import_that_clears_other_weeks_revises_their_days(db_path: Path) -> None:
    with Store.open(db_path, now=lambda: T1) as store:
        store.replace_weeks([plan(W48, MONDAY, "legs"), plan(W48.next(), MONDAY, "run")])
    with Store.open(db_path, now=lambda: T2) as store:
        store.replace_weeks([plan(W48, MONDAY, "legs")], clear_others=True)
        assert store.revisions()[date(2026, 11, 30)] == DayRevision(2, "20261122T180005Z", 0)
        assert store.revisions()[MON] == DayRevision(1, "20261120T091530Z", 0)


def test_noting_an_export_keeps_the_most_events_written(db_path: Path) -> None:
    with Store.open(db_path, now=lambda: T1) as store:
        store.save_plan(plan(W48, MONDAY, "legs+run", "push"))
        store.note_exported({MON: 2, TUE: 1, date(2026, 12, 1): 1})
        store.note_exported({MON: 1})  # a UID once sent stays the calendar's
        assert store.revisions()[MON].exported == 2
        assert store.revisions()[date(2026, 12, 1)] == DayRevision(0, None, 1)
    before = db_path.read_bytes()
    with Store.open(db_path) as store:
        store.note_exported({MON: 2, TUE: 1})
    assert db_path.read_bytes() == before  # nothing new: no write


@pytest.mark.parametrize(
    ("revisions", "reason"),
    [
        ({"202648": {"week": "2026-W48", "mon": [1, None]}}, "is not [revision, changed, exp"),
        ({"202648": {"week": "2026-W48", "mon": {"revision": 1}}}, "is not [revision"),
        ({"202648": {"week": "2026-W48", "mon": [-1, None, 0]}}, "invalid revision -1"),
        ({"202648": {"week": "2026-W48", "mon": [True, None, 0]}}, "invalid revision True"),
        ({"202648": {"week": "2026-W48", "mon": [1.0, None, 0]}}, "invalid revision 1.0"),
        ({"202648": {"week": "2026-W48", "mon": [1, "2026-11-25", 0]}}, "invalid change time"),
        ({"202648": {"week": "2026-W48", "mon": [1, "20261325T000000Z", 0]}}, "invalid change"),
        ({"202648": {"week": "2026-W48", "mon": [1, None, 3]}}, "exported events 3"),
        ({"202648": {"week": "2026-W48", "mon": [1, None, -1]}}, "exported events -1"),
        ({"202648": {"week": "2026-W48", "mo": [1, None, 0]}}, "unknown field 'mo'"),
        ({"202648": {"week": "2026-W48"}}, "the revisions of 2026-W48 hold no day"),
        ({"202648": {"week": "2026-W49", "mon": [1, None, 0]}}, "is not labelled 2026-W48"),
        ({"202648": {"mon": [1, None, 0]}}, "is not labelled 2026-W48"),
        ({"2026W48": {"week": "2026-W48", "mon": [1, None, 0]}}, "invalid week id"),
        ({"202654": {"week": "2026-W54", "mon": [1, None, 0]}}, "invalid week id"),
    ],
)
def test_a_revision_the_planner_never_writes_is_damage(
    revisions: dict[str, Any], reason: str
) -> None:
    with pytest.raises(fmt.Damage, match=reason.replace("[", r"\[").replace("(", r"\(")):
        fmt.validate({"meta": {"1": {"schema_version": 3}}, "revisions": revisions})


def test_revisions_of_every_kind_are_valid() -> None:
    fmt.validate(
        {
            "meta": {"1": {"schema_version": 3}},
            "revisions": {
                "202648": {"week": "2026-W48", "mon": [0, None, 2], "sun": [7, None, 0]},
                "202649": {"week": "2026-W49", "tue": [3, "20261125T073012Z", 1]},
            },
        }
    )


# -- the upgrade from schema 2 ----------------------------------------------------------------


@pytest.fixture
def v2_db(tmp_path: Path) -> Path:
    path = tmp_path / "planner.json"
    shutil.copyfile(FIXTURE, path)
    return path


def test_the_fixture_is_a_schema_2_file() -> None:
    data = json.loads(FIXTURE.read_text())
    assert data["meta"] == {"1": {"schema_version": 2}}
    assert "revisions" not in data
    assert data["weeks"]["202648"]["tue"] == "push:moderate,pull:moderate"


def test_read_only_reads_a_schema_2_file_without_writing(v2_db: Path) -> None:
    before = v2_db.read_bytes()
    with Store.open(v2_db, read_only=True) as store:
        assert store.notices == ()
        assert store.revisions()[MON] == DayRevision(0, None, 2)
    assert v2_db.read_bytes() == before


def test_the_upgrade_keeps_every_day_and_notes_its_events_as_exported(v2_db: Path) -> None:
    original = v2_db.read_bytes()
    old = json.loads(original)
    with Store.open(v2_db) as store:
        (notice,) = store.notices
        assert "upgraded to schema version 4 (the training log, and each day's" in notice
        assert "planner.json.v2" in notice
        assert store.settings().goal is Goal.HYBRID
        revisions = store.revisions()
    assert v2_db.with_name("planner.json.v2").read_bytes() == original
    upgraded = json.loads(v2_db.read_bytes())
    assert upgraded["meta"] == {"1": {"schema_version": 4}}
    assert (upgraded["weeks"], upgraded["settings"]) == (old["weeks"], old["settings"])
    # Every planned day at revision 0, changed at an unknown time, its events as exported
    # by the planner before (one per session, one for rest).
    for doc_id, doc in old["weeks"].items():
        for key, words in doc.items():
            if key != "week":
                slots = max(1, len(parse_day(words).sessions))
                assert upgraded["revisions"][doc_id][key] == [0, None, slots], (doc_id, key)
    assert revisions[MON] == DayRevision(0, None, 2)
    assert len(revisions) == sum(len(doc) - 1 for doc in old["weeks"].values())
    with Store.open(v2_db) as store:  # told once
        assert store.notices == ()


def test_a_planner_of_schema_2_refuses_the_upgraded_file(
    v2_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(v2_db):
        pass
    upgraded = v2_db.read_bytes()
    monkeypatch.setattr(fmt, "SCHEMA_VERSION", 2)
    with pytest.raises(NewerSchema, match="written by a newer planner"):
        Store.open(v2_db)
    assert v2_db.read_bytes() == upgraded
