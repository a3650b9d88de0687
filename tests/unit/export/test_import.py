"""``planner import``: the whole file checked first, then written all at once; and the round trip
export json -> import into an empty database -> the same ``show --json`` for every week."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from planner.export.json import TransferError, read_export
from planner.plan import Settings
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from tests.helpers import assert_refused, run_cli, seed

HINT = "give a file written by 'planner export --format json'"


def document(weeks: Any, **extra: Any) -> str:
    return json.dumps({"format": "planner-export", "version": 1, "weeks": weeks, **extra})


def v2(day: Any) -> str:
    """A version-2 export whose 2026-W48 Monday is ``day``."""
    week = {"week": "2026-W48", "days": {"mon": day}}
    return json.dumps({"format": "planner-export", "version": 2, "weeks": [week]})


LEGS = {"kind": "legs", "intensity": "heavy"}
RUN = {"kind": "run", "type": "easy"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (v2("legs"), "f.json: 2026-W48: 'legs' is not a day like"),
        (v2({"sessions": [LEGS]}), 'a day needs "sessions" (a list) and "rest" (true or false)'),
        (v2({"sessions": [], "rest": False}), "a day with no session and no rest is unplanned"),
        (v2({"sessions": [LEGS], "rest": True}), "a rest day holds no session"),
        (v2({"sessions": [LEGS, RUN], "rest": False}), '"together" (true or false) is there'),
        (v2({"sessions": [LEGS], "rest": False, "together": True}), '"together" (true or false)'),
        (v2({"sessions": [LEGS, RUN, RUN], "rest": False, "together": False}), "3 sessions"),
        (v2({"sessions": [{"kind": "run", "intensity": "heavy"}], "rest": False}), "no field"),
        (v2({"sessions": [{"kind": "legs", "type": "easy"}], "rest": False}), "no field 'type'"),
        (v2({"sessions": [{"kind": "legs", "intensity": "hevy"}], "rest": False}), "did you mean"),
        (v2({"sessions": [{"kind": "swim"}], "rest": False}), "'swim' is not a session"),
        (v2({"sessions": [{"kind": "legs", "intensity": 3}], "rest": False}), "is not a word"),
        (v2({"sessions": [LEGS], "rest": False, "x": 1}), "a day has no field 'x'"),
    ],
)
def test_every_problem_of_a_day_with_sessions_is_named(text: str, message: str) -> None:
    with pytest.raises(TransferError) as error:
        read_export(text, "f.json")
    assert message in str(error.value)
    assert str(error.value).startswith("f.json: 2026-W48: ")
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "f.json is not valid JSON (Expecting value at line 1, column 1); " + HINT),
        ('{"format": "planner-export",', "f.json is not valid JSON (Expecting property name"),
        ("[]", f"f.json is not a planner export; {HINT}"),
        ('{"weeks": []}', f"f.json is not a planner export; {HINT}"),
        ('{"format": "other", "version": 1}', "f.json is not a planner export"),
        ('{"format": "planner-export"}', f'f.json has no valid "version"; {HINT}'),
        ('{"format": "planner-export", "version": "1"}', 'f.json has no valid "version"'),
        (
            '{"format": "planner-export", "version": 5, "weeks": []}',
            "f.json is export version 5, newer than this planner reads (4); update planner",
        ),
        (document([], extra=1), f"f.json: unknown field 'extra'; {HINT}"),
        ('{"format": "planner-export", "version": 1}', 'f.json: "weeks" must be a list'),
        (document({}), 'f.json: "weeks" must be a list of weeks'),
        (document([], settings=[]), 'f.json: "settings" must be an object'),
        (
            document([], settings={"first_weekday": "friday"}),
            "f.json: settings: invalid first_weekday 'friday'; " + HINT,
        ),
        (document([], settings={"colour": "dark"}), "f.json: settings: unknown setting 'colour'"),
        (document(["2026-W48"]), 'f.json: weeks[0] must be an object with "week" and "days"'),
        (document([{"days": {}}]), 'weeks[0] must be an object with "week" and "days"'),
        (
            document([{"week": "2026-W48", "days": {"mon": "legs"}, "note": ""}]),
            "f.json: weeks[0]: unknown field 'note'",
        ),
        (
            document([{"week": "2026-W48", "days": {"mon": "legs"}}, {"week": "2026-W00"}]),
            "f.json: weeks[1]: 2026 has weeks W01 to W53; W00 does not exist",
        ),
        (document([{"week": "2025-W53", "days": {}}]), "2025 has weeks W01 to W52"),
        (
            document([{"week": "2026-48", "days": {}}]),
            "f.json: weeks[0]: '2026-48' is not an ISO week; write it like 2026-W48",
        ),
        (
            document([{"week": "2026-W48", "days": {"mon": "legs"}}] * 2),
            "f.json: weeks[1]: 2026-W48 appears twice; keep one",
        ),
        (
            document([{"week": "2026-W48", "days": ["legs"]}]),
            'f.json: 2026-W48: "days" must be an object like {"mon": "legs"}',
        ),
        (
            document([{"week": "2026-W48", "days": {"fri2": "legs"}}]),
            "f.json: 2026-W48: 'fri2' is not a day; use mon, tue, wed, thu, fri, sat or sun",
        ),
        (
            document([{"week": "2026-W48", "days": {"mon": "swim"}}]),
            "f.json: 2026-W48: 'swim' is not an activity; use push, pull, legs, run or rest",
        ),
        (
            document([{"week": "2026-W48", "days": {"mon": None}}]),
            "f.json: 2026-W48: 'null' is not an activity",
        ),
        (
            document([{"week": "2026-W48", "days": {"mon": "legs", "MON": "run"}}]),
            "f.json: 2026-W48: mon appears twice; keep one",
        ),
        (
            document([{"week": "2026-W48", "days": {}}]),
            "f.json: 2026-W48 has no planned day; plan one or leave the week out",
        ),
    ],
)
def test_every_problem_is_named_with_where_it_is(text: str, message: str) -> None:
    with pytest.raises(TransferError) as error:
        read_export(text, "f.json")
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_a_bad_week_late_in_the_file_writes_nothing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": {"mon": "legs"}})
    before = db_path.read_bytes()
    weeks = [{"week": f"2026-W{n:02d}", "days": {"mon": "run"}} for n in range(1, 40)]
    weeks.append({"week": "2026-W40", "days": {"mon": "swim"}})
    path = tmp_path / "export.json"
    path.write_text(document(weeks, settings={"first_weekday": "sunday"}))
    outcome = run_cli(["import", str(path), "--db", str(db_path)], capsys)
    assert_refused(outcome, "2026-W40: 'swim' is not an activity")
    assert db_path.read_bytes() == before


def test_import_replaces_the_weeks_in_the_file_and_keeps_the_others(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W47": {"sun": "run"}, "2026-W48": {"mon": "legs", "tue": "pull"}})
    path = tmp_path / "export.json"
    weeks = [
        {"week": "2026-W48", "days": {"wed": "rest"}},
        {"week": "2026-W49", "days": {"mon": "push"}},
        {"week": "2026-W50", "days": {"sun": "run"}},
    ]
    path.write_text(document(weeks, settings={"first_weekday": "sunday"}))
    outcome = run_cli(["import", str(path), "--db", str(db_path)], capsys)
    assert (outcome.code, outcome.err) == (0, "")
    assert outcome.out == "Imported 3 weeks: 2 added, 1 replaced.\n"
    with Store.open(db_path, read_only=True) as store:
        assert store.stored_weeks() == [IsoWeek(2026, n) for n in (47, 48, 49, 50)]
        w48 = store.load_plan(IsoWeek(2026, 48), FirstWeekday.MONDAY)
        assert [a and a.value for a in w48.activities] == [None, None, "rest", *[None] * 4]
        assert store.settings() == Settings(first_weekday=FirstWeekday.SUNDAY)


def test_a_file_without_settings_keeps_yours_and_one_week_is_singular(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(db_path, {}, first="sunday")
    monkeypatch.setattr(
        "sys.stdin", io.StringIO(document([{"week": "2026-W48", "days": {"mon": "legs"}}]))
    )
    outcome = run_cli(["import", "-", "--db", str(db_path)], capsys)
    assert outcome.out == "Imported 1 week: 1 added, 0 replaced.\n"
    with Store.open(db_path, read_only=True) as store:
        assert store.settings().first_weekday is FirstWeekday.SUNDAY


def test_standard_input_is_named_as_such(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("nope"))
    outcome = run_cli(["import", "-", "--db", str(db_path)], capsys)
    assert_refused(outcome, "planner: standard input is not valid JSON")
    assert not db_path.exists()


ROUND_TRIP = {
    "2026-W01": {"mon": "push", "thu": "legs"},
    "2026-W47": {"sun": "rest"},
    "2026-W48": {"mon": "legs", "tue": "pull", "wed": "rest", "thu": "legs", "fri": "run"},
    "2026-W49": {"mon": "push", "tue": "run", "sun": "legs"},
    "2026-W53": {"thu": "legs", "fri": "run", "sat": "run", "sun": "pull"},
    "2027-W01": {"mon": "legs", "tue": "legs"},
}


@pytest.mark.parametrize("first", ["monday", "sunday"])
def test_export_then_import_into_an_empty_database_shows_the_same_weeks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], first: str
) -> None:
    source, copy = tmp_path / "source.json", tmp_path / "copy.json"
    seed(source, ROUND_TRIP, first=first)
    exported = tmp_path / "export.json"
    assert (
        run_cli(
            ["export", "--format", "json", "--db", str(source), "-o", str(exported)], capsys
        ).code
        == 0
    )
    outcome = run_cli(["import", str(exported), "--db", str(copy)], capsys)
    assert outcome.out == "Imported 6 weeks: 6 added, 0 replaced.\n"
    # Every stored week and its neighbours, whose boundary transitions read the stored days.
    weeks = {IsoWeek.parse(name).shifted(offset) for name in ROUND_TRIP for offset in (-1, 0, 1)}
    for week in sorted(weeks):
        shown = [
            run_cli(["show", "--json", "--week", str(week), "--db", str(db)], capsys).out
            for db in (source, copy)
        ]
        assert shown[0] == shown[1], week
        assert json.loads(shown[0])["week"] == str(week)
    again = run_cli(["export", "--format", "json", "--db", str(copy)], capsys).out
    assert again == exported.read_text()
