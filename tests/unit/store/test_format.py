"""The file format: schema version, the migration hook, and what counts as damage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.plan import Settings
from planner.store import Store, StoreError
from planner.store import format as fmt
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity, PlannedDay

W48 = IsoWeek(2026, 48)


def v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
    """A fake schema 0 kept each week's days in a nested "days" object."""
    weeks = data.pop("plans", {})
    data["weeks"] = {doc_id: {"week": doc["week"], **doc["days"]} for doc_id, doc in weeks.items()}
    return data


V0_FILE = {
    "meta": {"1": {"schema_version": 0}},
    "plans": {"202648": {"week": "2026-W48", "days": {"mon": "legs", "sun": "run"}}},
}


def test_current_schema_version_is_written() -> None:
    assert fmt.SCHEMA_VERSION == 4
    assert json.loads(fmt.encode(fmt.empty_database())) == {"meta": {"1": {"schema_version": 4}}}


def test_upgrade_runs_each_step_and_stamps_the_version() -> None:
    steps = {0: v0_to_v1, 1: lambda data: {**data, "settings": {}}}
    data = fmt.upgrade(json.loads(json.dumps(V0_FILE)), 0, migrations=steps, target=2)
    assert data["meta"] == {"1": {"schema_version": 2}}
    assert data["weeks"]["202648"] == {"week": "2026-W48", "mon": "legs", "sun": "run"}
    assert data["settings"] == {}


@pytest.mark.parametrize(
    ("steps", "message"),
    [({}, "no upgrade from schema version 0"), ({0: lambda data: 1 / 0}, "division by zero")],
)
def test_upgrade_failures(steps: dict[int, fmt.Migration], message: str) -> None:
    with pytest.raises(fmt.MigrationFailed, match=message):
        fmt.upgrade({}, 0, migrations=steps, target=1)


def test_store_upgrades_an_old_file_through_the_hook(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fmt, "MIGRATIONS", {0: v0_to_v1, **fmt.MIGRATIONS})
    old = json.dumps(V0_FILE).encode()
    db_path.write_bytes(old)
    with Store.open(db_path) as store:
        assert "upgraded to schema version 4" in store.notices[0]
        plan = store.load_plan(W48, FirstWeekday.MONDAY)
        assert plan.activities == (Activity.LEGS, *(None,) * 5, Activity.RUN)
        # Upgraded on opening for writing, the original kept beside it.
        assert json.loads(db_path.read_bytes())["meta"] == {"1": {"schema_version": 4}}
        store.save_plan(plan.with_day(1, PlannedDay.of(Activity.PUSH)))
    assert db_path.with_name("planner.json.v0").read_bytes() == old


def test_store_without_a_migration_path_refuses_and_leaves_the_file(db_path: Path) -> None:
    old = json.dumps(V0_FILE).encode()
    db_path.write_bytes(old)
    with pytest.raises(StoreError, match=r"no upgrade from schema version 0.*left untouched"):
        Store.open(db_path)
    assert db_path.read_bytes() == old
    assert sorted(p.name for p in db_path.parent.iterdir()) == [
        "planner.json",
        "planner.json.lock",
    ]


def test_settings_missing_keys_take_defaults() -> None:
    assert fmt.settings_from({}) == Settings()
    assert fmt.settings_from(None) == Settings()
    assert fmt.settings_from(fmt.settings_doc(Settings(FirstWeekday.SUNDAY))) == Settings(
        FirstWeekday.SUNDAY
    )


GOOD_META = {"meta": {"1": {"schema_version": 2}}}


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"", "empty file, zero bytes"),
        (b"{", "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8 text"),
        (b"[]", "not a TinyDB database"),
        (b'{"weeks": []}', "not a TinyDB database"),
        (b'{"weeks": {"1": 3}}', "not a TinyDB database"),
        (b'{"weeks": {}}', "no schema version"),
        (b'{"meta": {"1": {"schema_version": "1"}}}', "no valid schema version"),
        (b'{"meta": {"1": {"schema_version": -1}}}', "no valid schema version"),
    ],
)
def test_decode_and_version_damage(payload: bytes, reason: str) -> None:
    with pytest.raises(fmt.Damage, match=reason):
        fmt.schema_version(fmt.decode(payload))


@pytest.mark.parametrize(
    ("tables", "reason"),
    [
        ({"junk": {}}, "unknown table 'junk'"),
        ({"weeks": {"202654": {"week": "2026-W54", "mon": "run"}}}, "invalid week id"),
        ({"weeks": {"0202648": {"week": "2026-W48", "mon": "run"}}}, "invalid week id"),
        ({"weeks": {"x": {"week": "x", "mon": "run"}}}, "invalid week id"),
        ({"weeks": {"202648": {"week": "2026-W47", "mon": "run"}}}, "not labelled 2026-W48"),
        ({"weeks": {"202648": {"week": "2026-W48", "mon": "swim"}}}, "unknown day 'swim'"),
        ({"weeks": {"202648": {"week": "2026-W48", "mon": ["run"]}}}, "unknown day"),
        # Version 2 spells every attribute out: anything else was not written by a planner.
        ({"weeks": {"202648": {"week": "2026-W48", "mon": "run"}}}, "unknown day 'run'"),
        ({"weeks": {"202648": {"week": "2026-W48", "mon": "legs:heavy+run"}}}, "unknown day"),
        ({"weeks": {"202648": {"week": "2026-W48", "mon": "run:heavy"}}}, "unknown day"),
        ({"weeks": {"202648": {"week": "2026-W48", "monday": "run"}}}, "unknown field"),
        ({"weeks": {"202648": {"week": "2026-W48"}}}, "no planned day"),
        ({"settings": {"1": {"first_weekday": "friday"}}}, "invalid first_weekday"),
        ({"settings": {"1": {"colour": "red"}}}, "unknown setting 'colour'"),
        ({"settings": {"1": {}, "2": {}}}, "more than one settings document"),
    ],
)
def test_validation_damage(tables: dict[str, Any], reason: str) -> None:
    with pytest.raises(fmt.Damage, match=reason):
        fmt.validate({**GOOD_META, **tables})


@pytest.mark.parametrize("payload", [b"{}", b'{"weeks": {}}', b'{"meta": {}}'])
def test_json_without_the_format_marker_is_not_a_planner_database(payload: bytes) -> None:
    """Our writer always writes the meta table, so a file without it came from elsewhere."""
    with pytest.raises(fmt.Damage, match="no schema version: not a planner database"):
        fmt.schema_version(fmt.decode(payload))


def test_a_new_database_carries_the_format_marker() -> None:
    data = fmt.decode(fmt.encode(fmt.empty_database()))
    assert fmt.schema_version(data) == fmt.SCHEMA_VERSION
    fmt.validate(data)
