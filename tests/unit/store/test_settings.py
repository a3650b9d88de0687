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
from rules import DEFAULT_GOAL, Goal

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
        assert "upgraded to schema version 4" in notice
        assert store.settings() == Settings(SUNDAY, None)
        store.save_settings(Settings(SUNDAY, W47))
    written = json.loads(db_path.read_bytes())
    assert written["meta"] == {"1": {"schema_version": 4}}
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


# -- the goal --------------------------------------------------------------------------------


@pytest.mark.parametrize("goal", list(Goal))
def test_the_goal_round_trips_through_the_file(db_path: Path, goal: Goal) -> None:
    with Store.open(db_path) as store:
        store.save_settings(Settings(SUNDAY, W47, goal=goal))
    written = json.loads(db_path.read_bytes())["settings"]["1"]
    # The default is left out, so a file stays as a planner without goals wrote it.
    assert written.get("goal") == (None if goal is DEFAULT_GOAL else goal.value)
    with Store.open(db_path, read_only=True) as store:
        assert store.settings() == Settings(SUNDAY, W47, goal=goal)


def test_a_database_without_the_goal_loads_as_general(db_path: Path) -> None:
    # As a planner before goals wrote it (no "goal" key), in today's schema.
    old = {
        "meta": {"1": {"schema_version": 4}},
        "settings": {"1": {"first_weekday": "sunday", "theme": "nord"}},
        "weeks": {"202648": {"week": "2026-W48", "mon": "legs:heavy+run:easy"}},
        "revisions": {"202648": {"week": "2026-W48", "mon": [1, "20261120T100000Z", 0]}},
    }
    db_path.write_text(json.dumps(old))
    with Store.open(db_path) as store:
        assert store.notices == ()
        assert store.settings() == Settings(SUNDAY, theme="nord", goal=Goal.GENERAL)
    assert json.loads(db_path.read_bytes()) == old  # opening wrote nothing


@pytest.mark.parametrize("value", ["Muscle", " muscle", "", "strong", 1, None, ["hybrid"]])
def test_an_invalid_goal_is_damage(value: object) -> None:
    with pytest.raises(fmt.Damage, match="invalid goal"):
        fmt.validate(
            {
                "meta": {"1": {"schema_version": 2}},
                "settings": {"1": {"first_weekday": "monday", "goal": value}},
            }
        )


def test_export_and_import_carry_the_goal() -> None:
    document = export_document([], Settings(goal=Goal.ENDURANCE))
    assert document["settings"] == {"first_weekday": "monday", "goal": "endurance"}
    assert read_export(json.dumps(document), "x.json").settings == Settings(goal=Goal.ENDURANCE)
