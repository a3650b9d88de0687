"""``planner show``: the readable table and the exact JSON shape, Monday- and Sunday-first."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pendulum
import pytest

from planner.advice import judge_week, summarize
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from rules import default_knowledge
from tests.helpers import run_cli, seed

W48 = {"mon": "legs", "tue": "pull", "wed": "rest", "thu": "legs", "fri": "run", "sun": "run"}
WEEKS = {"2026-W47": {"sun": "rest"}, "2026-W48": W48, "2026-W49": {"mon": "push"}}


def show_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    outcome = run_cli(["show", "--json", *argv], capsys)
    assert (outcome.code, outcome.err) == (0, "")
    return json.loads(outcome.out)


def test_json_has_exactly_the_documented_shape(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, WEEKS)
    shown = show_json(capsys, "--week", "2026-W48", "--db", str(db_path))
    assert list(shown) == [
        "format",
        "week",
        "goal",
        "days",
        "proposal",
        "transitions",
        "findings",
        "score",
        "reasons",
        "fix",
        "load",
        "deload",
    ]
    assert shown["goal"] == "general"  # nothing chosen: the default
    assert shown["format"] == 2
    assert shown["week"] == "2026-W48"
    assert shown["proposal"] is None  # no repeating week
    legs = {"sessions": [{"kind": "legs", "intensity": "moderate"}], "rest": False}
    pull = {"sessions": [{"kind": "pull", "intensity": "moderate"}], "rest": False}
    run = {"sessions": [{"kind": "run", "type": "easy"}], "rest": False}
    rest = {"sessions": [], "rest": True}
    assert shown["days"] == [
        {"date": "2026-11-23", "day": "mon", "activity": "legs", **legs},
        {"date": "2026-11-24", "day": "tue", "activity": "pull", **pull},
        {"date": "2026-11-25", "day": "wed", "activity": "rest", **rest},
        {"date": "2026-11-26", "day": "thu", "activity": "legs", **legs},
        {"date": "2026-11-27", "day": "fri", "activity": "run", **run},
        {"date": "2026-11-28", "day": "sat", "activity": None, "sessions": [], "rest": False},
        {"date": "2026-11-29", "day": "sun", "activity": "run", **run},
    ]
    # Both week boundaries: Sunday before into Monday, and Sunday into the next Monday.
    spans = [(t["from"], t["to"], t["activities"]) for t in shown["transitions"]]
    assert spans[0] == ("2026-11-22", "2026-11-23", ["rest", "legs"])
    assert spans[-1] == ("2026-11-29", "2026-11-30", ["run", "push"])
    assert len(spans) == 8
    assert spans[5] == ("2026-11-27", "2026-11-28", ["run", None])
    legs_to_run = shown["transitions"][4]
    assert legs_to_run["activities"] == ["legs", "run"]
    # An easy run the day after legs: it costs nothing; the article's tips.
    assert {f["kind"] for f in legs_to_run["findings"]} == {"tip"}
    assert {f["source"] for f in legs_to_run["findings"]} == {"Can You Run After Leg Day?"}
    assert shown["transitions"][5]["findings"] == []
    for finding in shown["findings"]:
        assert list(finding) == ["rule", "kind", "text", "source"]
    # Every pro and con counted, with its share: the points add up to the score.
    assert sum(reason["points"] for reason in shown["reasons"]) == shown["score"]
    for reason in shown["reasons"]:
        assert list(reason) == [
            "rule",
            "kind",
            "text",
            "source",
            "points",
            "each",
            "count",
            "dates",
        ]
        assert reason["points"] == reason["each"] * reason["count"]
        assert (reason["points"] > 0) == (reason["kind"] == "pro")


def test_json_matches_the_evaluation_the_screen_uses(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, WEEKS)
    shown = show_json(capsys, "--db", str(db_path), "--week", "2026-W48")
    knowledge = default_knowledge()
    with Store.open(db_path, read_only=True) as store:
        week = judge_week(store, IsoWeek(2026, 48), FirstWeekday.MONDAY, knowledge)
    assert shown["score"] == week.evaluation.score
    assert shown["score"] == summarize(week.plan, week.evaluation, knowledge).score
    assert [f["rule"] for f in shown["findings"]] == [
        f.rule_id for f in week.evaluation.week_findings
    ]
    assert [[f["rule"] for f in t["findings"]] for t in shown["transitions"]] == [
        [f.rule_id for f in t.findings] for t in week.evaluation.transitions
    ]


def test_sunday_first_shows_sunday_to_saturday(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, WEEKS, first="sunday")
    shown = show_json(capsys, "--db", str(db_path), "--week", "2026-W48")
    assert [(d["date"], d["day"], d["activity"]) for d in shown["days"]] == [
        ("2026-11-22", "sun", "rest"),
        ("2026-11-23", "mon", "legs"),
        ("2026-11-24", "tue", "pull"),
        ("2026-11-25", "wed", "rest"),
        ("2026-11-26", "thu", "legs"),
        ("2026-11-27", "fri", "run"),
        ("2026-11-28", "sat", None),
    ]
    spans = [(t["from"], t["to"]) for t in shown["transitions"]]
    assert spans[0] == ("2026-11-21", "2026-11-22")
    assert spans[-1] == ("2026-11-28", "2026-11-29")


@pytest.mark.parametrize(
    ("today", "first", "week"),
    [
        (pendulum.Date(2026, 11, 25), "monday", "2026-W48"),
        (pendulum.Date(2026, 11, 29), "monday", "2026-W48"),
        (pendulum.Date(2026, 11, 29), "sunday", "2026-W49"),
        (pendulum.Date(2027, 1, 1), "monday", "2026-W53"),
    ],
)
def test_the_default_week_is_the_clocks_week_as_displayed(
    db_path: Path, capsys: pytest.CaptureFixture[str], today: pendulum.Date, first: str, week: str
) -> None:
    seed(db_path, {}, first=first)
    outcome = run_cli(["show", "--json", "--db", str(db_path)], capsys, today=today)
    assert json.loads(outcome.out)["week"] == week


def test_text_is_a_table_then_summary_then_transitions(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, WEEKS)
    outcome = run_cli(["--db", str(db_path), "show", "--week", "2026-W48"], capsys)
    assert (outcome.code, outcome.err) == (0, "")
    lines = outcome.out.splitlines()
    assert lines[0] == "2026-W48  Mon 23 Nov – Sun 29 Nov 2026"
    assert lines[2:9] == [
        "  Mon 23 Nov  legs",
        "  Tue 24 Nov  pull",
        "  Wed 25 Nov  rest",
        "  Thu 26 Nov  legs",
        "  Fri 27 Nov  run",
        "  Sat 28 Nov  ·",
        "  Sun 29 Nov  run",
    ]
    assert lines[10].startswith("Score ") and "planned 6/7  ·  rest 1" in lines[10]
    assert lines[11] == "Goal: general fitness"
    assert lines[12].startswith("Fix: ")
    text = outcome.out
    assert text.index("This week") < text.index("Transitions")
    # Where the score comes from: every reason, largest first, its points adding up.
    heading = lines.index("Where the score comes from (the points add up to it):")
    end = lines.index("Days of hard lifting per muscle group:")
    reasons = lines[heading + 1 : end]
    assert reasons and all(re.match(r"  +[+-]\d+( x\d+)?  .+  \[.+\]$", r) for r in reasons)
    score = int(lines[10].split()[1].split("/")[0])
    assert (
        sum(
            int(r.split()[0]) * int(r.split()[1][1:])
            if " x" in r.split("  ")[1]
            else int(r.split()[0])
            for r in reasons
        )
        == score
    )
    assert "  Sun 22 Nov → Mon 23 Nov  rest → legs" in lines
    assert "  Sun 29 Nov → Mon 30 Nov  run → push" in lines
    assert "  Fri 27 Nov → Sat 28 Nov  run → unplanned" in lines
    assert "    Plan both days to see advice." in lines
    legs_run = lines.index("  Thu 26 Nov → Fri 27 Nov  legs → run")
    assert lines[legs_run + 1].startswith("    i tip  ")
    assert lines[legs_run + 1].endswith("  [Can You Run After Leg Day?]")
    marks = {line.strip()[:5] for line in lines if line.startswith("  ")}
    assert {"+ pro", "i tip"} <= marks
    assert "\x1b" not in text  # plain text: no colour codes in a pipe


def test_an_empty_database_shows_an_unplanned_week_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new" / "planner.json"
    shown = show_json(capsys, "--db", str(db))
    assert [d["activity"] for d in shown["days"]] == [None] * 7
    assert shown["findings"] == []
    assert shown["score"] == 0
    assert shown["reasons"] == []
    assert all(t["findings"] == [] for t in shown["transitions"])
    assert not db.parent.exists()


def test_planner_db_variable_names_the_database(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(db_path, WEEKS)
    monkeypatch.setenv("PLANNER_DB", str(db_path))
    assert show_json(capsys)["days"][0]["activity"] == "legs"


def test_show_reads_a_database_another_planner_has_open(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, WEEKS)
    with Store.open(db_path):  # holds the lock, like a running TUI
        assert show_json(capsys, "--db", str(db_path))["days"][0]["activity"] == "legs"


@pytest.mark.parametrize("week", ["2026-W48", "2026-W49", "2026-W50"])
def test_show_says_the_fix_that_planner_fix_finds(
    db_path: Path, capsys: pytest.CaptureFixture[str], week: str
) -> None:
    seed(db_path, {**WEEKS, "2026-W50": {"mon": "legs:heavy", "tue": "run:intervals"}})
    fixed = json.loads(run_cli(["fix", "--json", "--week", week, "--db", str(db_path)], capsys).out)
    shown = show_json(capsys, "--week", week, "--db", str(db_path))
    assert shown["fix"] == fixed["fix"]
    text = run_cli(["show", "--week", week, "--db", str(db_path)], capsys).out
    fix = fixed["fix"]
    if fix is None:
        assert "\nFix: no single change raises the score.\n" in text
    else:
        line = f"Fix: {fix['change']}, score {fix['score_before']} → {fix['score_after']}"
        assert f"\n{line}\n" in text
        assert fix["score_after"] > fix["score_before"] == shown["score"]
