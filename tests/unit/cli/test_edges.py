"""The edges of the supported weeks (1900-W01 to 2999-W52) from the command line: every command
works on the first and the last week in both week shapes, a week outside them is refused in
one line wherever it comes in, and a database that already holds one (written by an older
planner) still opens and exports the rest, naming what it left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import assert_refused, run_cli, seed

FIRST, LAST = "1900-W01", "2999-W52"
OUTSIDE = "is outside the weeks the planner supports (1900-W01 to 2999-W52)"


def _use_first_weekday(db: Path, first: str) -> None:
    seed(db, {"2026-W01": {"mon": "legs"}}, first=first)


@pytest.mark.parametrize("first", ["monday", "sunday"])
@pytest.mark.parametrize("week", [FIRST, LAST])
@pytest.mark.parametrize(
    "argv",
    [
        ["show"],
        ["show", "--json"],
        ["set", "mon=legs", "sat=push"],
        ["suggest", "run=2", "--pin", "mon=run"],
        ["copy", "--from", "2026-W01"],
    ],
    ids=" ".join,
)
def test_every_command_works_on_the_edge_weeks(
    argv: list[str], week: str, first: str, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _use_first_weekday(db_path, first)
    outcome = run_cli(["--db", str(db_path), *argv, "--week", week], capsys)
    assert outcome.code == 0, outcome
    assert outcome.err == ""
    if argv[0] == "show":  # and show reads back what the others wrote
        assert week in outcome.out


@pytest.mark.parametrize("first", ["monday", "sunday"])
@pytest.mark.parametrize("week", [FIRST, LAST])
def test_the_edge_weeks_export_in_every_format(
    week: str, first: str, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {week: {"mon": "legs", "wed": "run", "sat": "push"}}, first=first)
    for format in ("md", "ics", "json"):
        outcome = run_cli(["--db", str(db_path), "export", "--format", format], capsys)
        assert outcome.code == 0, outcome
        assert outcome.err == ""


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "--week", "0001-W01"],
        ["show", "--week", "9999-W52"],
        ["show", "--week", "1899-W52"],
        ["show", "--week", "3000-W01"],
        ["set", "--week", "0001-W01", "mon=legs"],
        ["suggest", "--week", "9999-W52", "run=1", "--apply"],
        ["repeat", "--week", "0001-W01"],
        ["copy", "--from", "0001-W01"],
        ["export", "--format", "md", "--from", "0001-W01"],
        ["export", "--format", "json", "--to", "9999-W52"],
    ],
    ids=" ".join,
)
def test_a_week_outside_is_refused_in_one_line(
    argv: list[str], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": {"mon": "legs"}})
    before = db_path.read_bytes()
    assert_refused(run_cli(["--db", str(db_path), *argv], capsys), OUTSIDE)
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("week", ["0001-W01", "9999-W52"])
def test_the_planner_refuses_a_week_outside_before_it_opens(
    week: str, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Once, ``planner --week 0001-W01`` opened and crashed (OverflowError)."""
    assert_refused(run_cli(["--db", str(db_path), "--week", week], capsys), OUTSIDE)


def test_set_then_show_agree_on_the_first_week(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Once, set took 0001-W01 and show then refused it."""
    assert run_cli(["--db", str(db_path), "set", "--week", FIRST, "mon=legs"], capsys).code == 0
    shown = run_cli(["--db", str(db_path), "show", "--week", FIRST, "--json"], capsys)
    assert shown.code == 0
    assert json.loads(shown.out)["days"][0] == {
        "date": "1900-01-01",
        "day": "mon",
        "activity": "legs",
        "sessions": [{"kind": "legs", "intensity": "moderate"}],
        "rest": False,
    }


def test_moving_past_the_first_week_is_refused(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_cli(["--db", str(db_path), "copy", "--week", FIRST], capsys)
    assert_refused(outcome, "there is no week before 1900-W01; give one with --from")


def test_the_sunday_before_the_first_week_cannot_be_planned(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Sunday-first, 1900-W01 starts on 1899-12-31: shown (always unplanned), never stored."""
    _use_first_weekday(db_path, "sunday")
    before = db_path.read_bytes()
    outcome = run_cli(["--db", str(db_path), "set", "--week", FIRST, "sun=legs"], capsys)
    assert_refused(outcome, "1899-12-31 is outside the weeks the planner supports")
    assert db_path.read_bytes() == before
    shown = run_cli(["--db", str(db_path), "show", "--week", FIRST, "--json"], capsys)
    assert json.loads(shown.out)["days"][0]["activity"] is None


def test_an_import_with_a_week_outside_is_refused(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "backup.json"
    export.write_text(
        json.dumps(
            {
                "format": "planner-export",
                "version": 1,
                "weeks": [{"week": "9999-W52", "days": {"mon": "legs"}}],
            }
        ),
        encoding="utf-8",
    )
    outcome = run_cli(["--db", str(db_path), "import", str(export)], capsys)
    assert_refused(outcome, f"weeks[0]: 9999-W52 {OUTSIDE}")
    assert not db_path.exists()


# -- a database an older planner wrote, holding weeks outside -------------------------------

OLD_DATABASE = {
    "meta": {"1": {"schema_version": 1}},
    "settings": {"1": {"first_weekday": "monday"}},
    "weeks": {
        "101": {"week": "0001-W01", "mon": "legs"},
        "202648": {"week": "2026-W48", "mon": "legs", "wed": "run"},
        "999952": {"week": "9999-W52", "sun": "run"},
    },
}
SKIPPED = "holds 0001-W01, 9999-W52, outside the weeks the planner supports"


@pytest.mark.parametrize("format", ["md", "ics", "json"])
def test_a_database_holding_weeks_outside_exports_the_rest(
    format: str, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path.write_text(json.dumps(OLD_DATABASE), encoding="utf-8")
    outcome = run_cli(["--db", str(db_path), "export", "--format", format], capsys)
    assert outcome.code == 0, outcome
    assert outcome.err.count("\n") == 1 and SKIPPED in outcome.err, outcome.err
    assert "2026" in outcome.out
    assert "9999" not in outcome.out and "0001-W01" not in outcome.out
    assert json.loads(db_path.read_text(encoding="utf-8")) == OLD_DATABASE


def test_a_database_holding_weeks_outside_keeps_them_when_written(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path.write_text(json.dumps(OLD_DATABASE), encoding="utf-8")
    outcome = run_cli(["--db", str(db_path), "set", "--week", "2026-W48", "tue=pull"], capsys)
    assert outcome.code == 0, outcome
    assert SKIPPED in outcome.err
    weeks = json.loads(db_path.read_text(encoding="utf-8"))["weeks"]
    # Kept, upgraded like every week of the schema-1 file (each activity one session).
    assert weeks["101"] == {"week": "0001-W01", "mon": "legs:moderate"}
    assert weeks["999952"] == {"week": "9999-W52", "sun": "run:easy"}
    assert weeks["202648"]["tue"] == "pull:moderate"
    assert not list(db_path.parent.glob("*.corrupt-*"))


def test_a_sunday_no_week_shows_is_named_when_exporting(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Sunday-first, the Sunday of 2999-W52 belongs to the week after it, which is outside."""
    seed(db_path, {LAST: {"mon": "legs", "sun": "run"}}, first="sunday")
    outcome = run_cli(["--db", str(db_path), "export", "--format", "md"], capsys)
    assert outcome.code == 0, outcome
    assert outcome.err == (
        "planner: not exported: 2999-12-29, shown in no week the planner supports\n"
    )
    assert "2999-W52" in outcome.out


def test_a_repeating_week_outside_is_named_and_read_as_none(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = {**OLD_DATABASE, "settings": {"1": {"repeat_week": "0001-W01"}}}
    db_path.write_text(json.dumps(old), encoding="utf-8")
    outcome = run_cli(["--db", str(db_path), "repeat"], capsys)
    assert outcome.code == 0, outcome
    assert outcome.out.startswith("There is no repeating week.")
    assert "The repeating week in" in outcome.err and "0001-W01, is outside" in outcome.err
    assert outcome.err.count("\n") == 2  # and the weeks outside, on a line of their own
