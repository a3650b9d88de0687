"""The settings document: the repeating week round trips, and older files still load."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.export.json import export_document, read_export
from planner.plan import Settings
from planner.store import Store
from planner.store import format as fmt
from planner.weeks import FirstWeekday, IsoWeek

W47 = IsoWeek(2026, 47)
SUNDAY = FirstWeekday.SUNDAY


@pytest.mark.parametrize(
    ("settings", "doc"),
    [
        (Settings(), {"first_weekday": "monday"}),
        (Settings(SUNDAY), {"first_weekday": "sunday"}),
        (Settings(repeat_week=W47), {"first_weekday": "monday", "repeat_week": "2026-W47"}),
        (
            Settings(SUNDAY, IsoWeek(2020, 53)),
            {"first_weekday": "sunday", "repeat_week": "2020-W53"},
        ),
    ],
)
def test_settings_document_round_trip(settings: Settings, doc: dict[str, Any]) -> None:
    assert fmt.settings_doc(settings) == doc
    assert fmt.settings_from(doc) == settings


@pytest.mark.parametrize(
    "doc",
    [{}, {"first_weekday": "monday"}, {"first_weekday": "sunday"}],
)
def test_a_document_without_repeat_week_has_none(doc: dict[str, Any]) -> None:
    assert fmt.settings_from(doc).repeat_week is None


@pytest.mark.parametrize(
    "value",
    [None, 202647, "2026-w47", "2026-W00", "2025-W53", " 2026-W47", "2026-47", "", ["2026-W47"]],
)
def test_an_invalid_repeat_week_is_damage(value: object) -> None:
    with pytest.raises(fmt.Damage, match="invalid repeat_week"):
        fmt.validate(
            {
                "meta": {"1": {"schema_version": 1}},
                "settings": {"1": {"first_weekday": "monday", "repeat_week": value}},
            }
        )


def test_an_old_database_without_repeat_week_loads_and_is_upgraded(db_path: Path) -> None:
    old = {
        "meta": {"1": {"schema_version": 1}},
        "settings": {"1": {"first_weekday": "sunday"}},
        "weeks": {"202648": {"week": "2026-W48", "mon": "legs"}},
    }
    db_path.write_text(json.dumps(old))
    with Store.open(db_path) as store:
        (notice,) = store.notices
        assert "upgraded to schema version 2" in notice
        assert store.settings() == Settings(SUNDAY, None)
        store.save_settings(Settings(SUNDAY, W47))
    written = json.loads(db_path.read_bytes())
    assert written["meta"] == {"1": {"schema_version": 2}}
    assert written["weeks"]["202648"]["mon"] == "legs:moderate"
    assert written["settings"] == {"1": {"first_weekday": "sunday", "repeat_week": "2026-W47"}}
    with Store.open(db_path, read_only=True) as store:
        assert store.settings() == Settings(SUNDAY, W47)


def test_clearing_the_repeat_week_removes_the_key(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_settings(Settings(repeat_week=W47))
        store.save_settings(Settings())
    assert json.loads(db_path.read_bytes())["settings"] == {"1": {"first_weekday": "monday"}}


def test_export_and_import_carry_the_repeat_week() -> None:
    document = export_document([], Settings(SUNDAY, W47))
    assert document["settings"] == {"first_weekday": "sunday", "repeat_week": "2026-W47"}
    assert read_export(json.dumps(document), "x.json").settings == Settings(SUNDAY, W47)
    plain = export_document([], Settings())
    assert plain["settings"] == {"first_weekday": "monday"}
