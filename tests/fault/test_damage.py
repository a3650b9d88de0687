"""Damaged files are never read as empty nor written over; newer files are refused untouched."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from planner.plan import WeekPlan
from planner.store import DatabaseDamaged, NewerSchema, Store
from planner.store import format as fmt
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity, PlannedDay

W48 = IsoWeek(2026, 48)
PLAN = WeekPlan.of_activities(W48, FirstWeekday.MONDAY, (Activity.LEGS,) * 7)
DAMAGED = [
    (b"", "empty file, zero bytes"),
    (b'{"meta": {"1": {"schema_version": 1}}, "weeks": {"2026', "not valid JSON"),
    (b"\x00" * 4096, "not valid JSON"),
    (b"{}", "no schema version: not a planner database"),
    (b'{"weeks": {"202648": {"week": "2026-W48", "mon": "legs"}}}', "no schema version"),
    (b'{"meta": {"1": {"schema_version": 1}}, "weeks": {"202648": {"mon": 7}}}', "labelled"),
]


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def aside_of(notice: str, db_path: Path) -> Path:
    pattern = rf"moved to ({re.escape(str(db_path))}\.corrupt-\d{{8}}T\d{{6}}Z(-\d+)?) and "
    match = re.search(pattern, notice)
    assert match, notice
    return Path(match.group(1))


@pytest.mark.parametrize(("content", "reason"), DAMAGED)
def test_damage_is_moved_aside_and_reported(db_path: Path, content: bytes, reason: str) -> None:
    db_path.write_bytes(content)
    with Store.open(db_path) as store:
        (notice,) = store.notices
        assert notice.startswith(f"The database {db_path} was damaged (")
        assert reason in notice
        assert notice.endswith("and a new empty one started.")
        aside = aside_of(notice, db_path)
        assert aside.read_bytes() == content
        assert not db_path.exists()  # the empty database is only written by a save
        assert store.stored_weeks() == []
        store.save_plan(PLAN)
    assert aside.read_bytes() == content
    with Store.open(db_path) as store:
        assert store.notices == ()
        assert store.load_plan(W48, FirstWeekday.MONDAY) == PLAN


def test_damage_between_saves_costs_nothing(db_path: Path) -> None:
    """Issue 24, finding 10: the backup restored the save before the last one."""
    last = PLAN.with_day(0, PlannedDay.of(Activity.RUN))
    with Store.open(db_path) as store:
        store.save_plan(PLAN)
        store.save_plan(last)
    backup = db_path.with_name("planner.json.bak")
    assert json.loads(backup.read_bytes())["weeks"]["202648"]["mon"] == "run:easy"
    db_path.write_bytes(b"")
    with Store.open(db_path) as store:
        (notice,) = store.notices
        assert notice.endswith(f"and its backup of the last save ({backup}) was restored.")
        assert store.load_plan(W48, FirstWeekday.MONDAY) == last
        assert aside_of(notice, db_path).read_bytes() == b""
    assert json.loads(db_path.read_bytes()) == json.loads(backup.read_bytes())


def test_a_file_without_the_format_marker_never_becomes_the_backup(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_plan(PLAN)
        store.save_plan(PLAN.with_day(0, PlannedDay.of(Activity.RUN)))
    backup = db_path.with_name("planner.json.bak")
    good = backup.read_bytes()
    db_path.write_bytes(b"{}")
    with Store.open(db_path) as store:
        (notice,) = store.notices
        assert "(no schema version: not a planner database)" in notice
        assert notice.endswith("was restored.")
        assert store.load_plan(W48, FirstWeekday.MONDAY) == PLAN.with_day(
            0, PlannedDay.of(Activity.RUN)
        )
        assert backup.read_bytes() == good
        store.save_plan(PLAN.with_day(1, PlannedDay.of(Activity.RUN)))
    assert backup.read_bytes() == db_path.read_bytes() != b"{}"
    assert aside_of(notice, db_path).read_bytes() == b"{}"


def test_a_new_database_opens_again_without_notice(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_settings(store.settings())
    assert json.loads(db_path.read_bytes())["meta"] == {"1": {"schema_version": 4}}
    with Store.open(db_path) as store:
        assert store.notices == ()


def test_damaged_file_and_damaged_backup_start_empty(db_path: Path) -> None:
    """Both are kept aside (tests/fault/test_backup.py), so no later save rolls over either."""
    db_path.write_bytes(b"{")
    db_path.with_name("planner.json.bak").write_bytes(b"[")
    with Store.open(db_path) as store:
        assert store.notices[0].endswith("a new empty one started.")
    assert not db_path.with_name("planner.json.bak").exists()


def test_a_reader_reports_damage_and_touches_nothing(db_path: Path) -> None:
    db_path.write_bytes(b"{")
    with pytest.raises(DatabaseDamaged, match=r"is damaged \(not valid JSON\)"):
        Store.open(db_path, read_only=True)
    assert names(db_path.parent) == ["planner.json"]
    assert db_path.read_bytes() == b"{"


def test_two_damages_in_the_same_second_get_distinct_names(db_path: Path) -> None:
    asides = set()
    for content in (b"1", b"2", b"3"):
        db_path.write_bytes(content)
        with Store.open(db_path) as store:
            asides.add(aside_of(store.notices[0], db_path))
    assert sorted(p.read_bytes() for p in asides) == [b"1", b"2", b"3"]


NEWER = json.dumps(
    {
        "meta": {"1": {"schema_version": fmt.SCHEMA_VERSION + 1}},
        "weeks": {"202648": {"week": "2026-W48", "x": 1}},
    }
).encode()


@pytest.mark.parametrize(
    "options", [{}, {"read_only": True}, {"fallback_read_only": True}], ids=str
)
def test_newer_schema_is_refused_and_left_untouched(
    db_path: Path, options: dict[str, bool]
) -> None:
    db_path.write_bytes(NEWER)
    before = db_path.stat()
    with pytest.raises(NewerSchema) as caught:
        Store.open(db_path, **options)
    assert str(caught.value) == (
        f"The database {db_path} was written by a newer planner (schema version "
        f"{fmt.SCHEMA_VERSION + 1}; this one knows up to {fmt.SCHEMA_VERSION}). It was left "
        "untouched: update planner, or use another --db."
    )
    assert db_path.read_bytes() == NEWER
    assert db_path.stat().st_mtime_ns == before.st_mtime_ns
    assert set(names(db_path.parent)) <= {"planner.json", "planner.json.lock"}
    Store.open(db_path.with_name("other.json")).close()  # and the lock was released


def test_stale_temp_files_are_removed_on_open(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_plan(PLAN)
    content = db_path.read_bytes()
    for stale in ("planner.json.tmp-abc123", "planner.json.tmp-bak"):
        db_path.with_name(stale).write_bytes(b"half a save")
    db_path.with_name("other.json.tmp-keep").write_bytes(b"not ours")
    with Store.open(db_path) as store:
        assert sorted(store.notices) == [
            f"Removed {db_path.with_name('planner.json.tmp-abc123')}, a temporary file left by "
            "an interrupted save.",
            f"Removed {db_path.with_name('planner.json.tmp-bak')}, a temporary file left by an "
            "interrupted save.",
        ]
    assert names(db_path.parent) == [
        "other.json.tmp-keep",
        "planner.json",
        "planner.json.bak",
        "planner.json.lock",
    ]
    assert db_path.read_bytes() == content


def test_a_reader_leaves_temp_files_alone(db_path: Path) -> None:
    """They may belong to the writer that holds the lock, mid-save."""
    temp = db_path.with_name("planner.json.tmp-x")
    temp.write_bytes(b"")
    with Store.open(db_path, read_only=True):
        pass
    assert temp.exists()
