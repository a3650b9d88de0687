"""Every JSON document a command prints matches its shape in planner/export/schema.json, the
one written description of them, and a day is the same object wherever it appears."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from jsonschema import Draft202012Validator

from planner.store import Store
from tests.helpers import run_cli, seed

SCHEMA_FILE = Path(__file__).parents[3] / "planner" / "export" / "schema.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))

WEEKS = {
    "2026-W47": {"sun": "rest"},
    "2026-W48": {
        "mon": "legs:heavy+run",
        "tue": "push,pull",
        "wed": "rest",
        "thu": "run:intervals",
        "fri": "legs:light",
        "sun": "run:long",
    },
    "2026-W49": {"mon": "pull:heavy+run:tempo"},
    # Hard runs right after legs: a fix that clears a con.
    "2027-W02": {
        "mon": "legs:heavy",
        "tue": "run:intervals",
        "wed": "legs",
        "thu": "run:intervals",
    },
}


def validator(document: str) -> Draft202012Validator:
    """Validates one document of the file: its $defs, the root pointing at ``document``."""
    return Draft202012Validator({"$defs": SCHEMA["$defs"], "$ref": f"#/$defs/{document}"})


def test_the_schema_is_a_valid_json_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    for name in ("show", "suggest", "fix", "goal", "templates", "block", "export", "load"):
        assert {"$ref": f"#/$defs/{name}"} in SCHEMA["anyOf"]


# (argv, document): every command that prints JSON, in several states of the database.
OUTPUTS = [
    (["show", "--json", "--week", "2026-W48"], "show"),
    (["show", "--json", "--week", "2026-W49"], "show"),
    (["show", "--json", "--week", "2026-W50"], "show"),  # unplanned
    (["show", "--json", "--week", "2026-W51"], "show"),  # a proposal from the repeating week
    (["suggest", "push=1", "pull=1", "legs=1", "run=2", "--json", "--week", "2026-W50"], "suggest"),
    (
        [
            *("suggest", "legs:heavy=1", "run=2", "push=1", "pull=1", "--max-per-day", "2"),
            *("--json", "--pin", "tue=push,pull", "--week", "2026-W50"),
        ],
        "suggest",
    ),
    (["suggest", "run=7", "--json", "--apply", "--week", "2026-W52"], "suggest"),
    (["fix", "--json", "--week", "2026-W48"], "fix"),
    (["fix", "--json", "--week", "2027-W02"], "fix"),
    (["show", "--json", "--week", "2027-W02"], "show"),
    (["fix", "--json", "--week", "2026-W50"], "fix"),  # no fix
    (["fix", "--json", "--apply", "--week", "2026-W48"], "fix"),
    (["goal", "--json"], "goal"),
    (["goal", "endurance", "--json"], "goal"),
    (["template", "list", "--json"], "templates"),
    (["block", "--from", "2027-W10", "--weeks", "4", "--json"], "block"),
    (
        [
            "block",
            "--from",
            "2026-W47",
            "--weeks",
            "5",
            "--deload-every",
            "0",
            "--template",
            "upper-lower",
            "--replace",
            "--json",
        ],
        "block",
    ),
    (["export", "--format", "json"], "export"),
    (["export", "--format", "json", "--week", "2026-W48"], "export"),
    (["export", "--format", "json", "--week", "2027-W01"], "export"),  # no week
    (["load", "--json"], "load"),
    (["load", "--json", "--from", "2027-W02", "--to", "2027-W02"], "load"),
]


@pytest.fixture
def db(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    seed(db_path, WEEKS)
    assert run_cli(["repeat", "--week", "2026-W48", "--db", str(db_path)], capsys).code == 0
    assert run_cli(["goal", "hybrid", "--db", str(db_path)], capsys).code == 0
    return db_path


def printed(db: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> Any:
    outcome = run_cli([*argv, "--db", str(db)], capsys)
    assert (outcome.code, outcome.err) == (0, ""), outcome
    return json.loads(outcome.out)


@pytest.mark.parametrize(
    ("argv", "document"), OUTPUTS, ids=lambda v: " ".join(v) if isinstance(v, list) else v
)
def test_every_json_output_matches_its_schema_and_a_day_is_one_shape(
    db: Path, capsys: pytest.CaptureFixture[str], argv: list[str], document: str
) -> None:
    output = printed(db, capsys, argv)
    validator(document).validate(output)
    jsonschema.validate(output, SCHEMA)  # the whole file: any planner document
    # One shape per fact: a day is the same object wherever it appears.
    for day in days_in(output):
        assert ("together" in day) == (len(day["sessions"]) == 2), day
        if "activity" in day:
            first = day["sessions"][0]["kind"] if day["sessions"] else None
            assert day["activity"] == ("rest" if day["rest"] else first), day


def days_in(value: Any) -> Iterator[dict[str, Any]]:
    """Every object with "sessions" anywhere in ``value``: each is a day."""
    if isinstance(value, dict):
        if "sessions" in value:
            yield value
        for child in value.values():
            yield from days_in(child)
    elif isinstance(value, list):
        for child in value:
            yield from days_in(child)


def test_the_shapes_that_matter_are_really_in_the_outputs(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = printed(db, capsys, ["show", "--json", "--week", "2027-W02"])
    assert shown["fix"] is not None and shown["fix"]["earns"]
    assert shown["fix"] == printed(db, capsys, ["fix", "--json", "--week", "2027-W02"])["fix"]
    assert shown["proposal"] is None
    assert printed(db, capsys, ["show", "--json", "--week", "2026-W51"])["proposal"] is not None
    assert printed(db, capsys, ["fix", "--json", "--week", "2026-W50"])["fix"] is None


def test_a_transition_carries_its_two_days_as_the_week_has_them(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = printed(db, capsys, ["show", "--json", "--week", "2026-W48"])
    by_date = {day["date"]: day for day in shown["days"]}
    for transition in shown["transitions"]:
        before, after = transition["before"], transition["after"]
        assert (before["date"], after["date"]) == (transition["from"], transition["to"])
        assert transition["activities"] == [before["activity"], after["activity"]]
        for side in (before, after):
            if side["date"] in by_date:
                assert side == by_date[side["date"]]
    monday = shown["transitions"][0]["after"]
    assert monday["sessions"] == [
        {"kind": "legs", "intensity": "heavy"},
        {"kind": "run", "type": "easy"},
    ]
    assert shown["transitions"][0]["before"] == {
        "date": "2026-11-22",
        "day": "sun",
        "activity": "rest",
        "sessions": [],
        "rest": True,
    }


def test_the_schema_refuses_what_the_planner_never_writes() -> None:
    day = validator("shownDay")
    good = {"date": "2026-11-23", "day": "mon", "activity": "push", "rest": False}
    day.validate({**good, "sessions": [{"kind": "push", "intensity": "light"}]})
    bad = [
        {**good, "sessions": [{"kind": "push", "intensity": "light"}], "together": False},
        {**good, "sessions": [{"kind": "push"}, {"kind": "pull"}]},
        {**good, "sessions": [{"kind": "run", "intensity": "heavy"}]},
        {**good, "sessions": [], "rest": True, "extra": 1},
    ]
    for value in bad:
        with pytest.raises(jsonschema.ValidationError):
            day.validate(value)
    reason = validator("reason")
    reason.validate(
        {"rule": "r", "kind": "con", "text": "t", "source": "s", "points": -4, "days": []}
    )


def test_the_store_is_untouched_by_reading_commands(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = db.read_bytes()
    readers = [
        argv
        for argv, _ in OUTPUTS
        if argv[0] not in ("suggest", "goal", "block") or argv == ["goal", "--json"]
    ]
    for argv in readers:
        if "--apply" not in argv:
            printed(db, capsys, argv)
    assert db.read_bytes() == before
    with Store.open(db, read_only=True) as store:
        assert store.settings().goal.value == "hybrid"
