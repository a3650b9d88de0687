"""``planner suggest``: the best three weeks for the counts and pins, with the store's context
days, as text or JSON, and ``--apply`` saving the best one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planner.advice import context_around
from planner.cli.show import days_json
from planner.cli.suggest import EPILOG, weekday_request
from planner.store import Store
from planner.suggest import SuggestRequest, suggest
from planner.suggest.words import parse_counts, parse_pins
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity, default_knowledge
from tests.helpers import run_cli, seed

W48 = IsoWeek(2026, 48)
HYBRID = ["push=1", "pull=1", "legs=1", "run=2"]
# Push on the weekend before W48 and a run on the Monday after: context for the boundaries.
AROUND = {"2026-W47": {"sat": "push", "sun": "push"}, "2026-W49": {"mon": "run"}}


def suggest_json(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> Any:
    outcome = run_cli(["suggest", "--db", str(db), "--json", *argv], capsys)
    assert (outcome.code, outcome.err) == (0, ""), outcome
    return json.loads(outcome.out)


def activities(days: list[dict[str, Any]]) -> list[str | None]:
    return [day["activity"] for day in days]


def library_best(db: Path, first: FirstWeekday, request: SuggestRequest) -> list[list[str]]:
    with Store.open(db, read_only=True) as store:
        before, after = context_around(store, store.load_plan(W48, first))
    found = suggest(request, W48, first, before, after, default_knowledge())
    return [[str(a) for a in s.plan.activities] for s in found]


def test_json_has_the_documented_shape(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shown = suggest_json(capsys, db_path, "--week", "2026-W48", *HYBRID, "--rest-min", "1")
    assert list(shown) == ["week", "suggestions", "applied"]
    assert shown["week"] == "2026-W48"
    assert shown["applied"] is False
    assert [s["rank"] for s in shown["suggestions"]] == [1, 2, 3]
    assert [s["compared_with"] for s in shown["suggestions"]] == [2, 1, 1]
    scores = [s["score"] for s in shown["suggestions"]]
    assert scores == sorted(scores, reverse=True)
    for entry in shown["suggestions"]:
        assert list(entry) == ["rank", "score", "days", "differences", "compared_with"]
        assert [(d["date"], d["day"]) for d in entry["days"]] == [
            ("2026-11-23", "mon"),
            ("2026-11-24", "tue"),
            ("2026-11-25", "wed"),
            ("2026-11-26", "thu"),
            ("2026-11-27", "fri"),
            ("2026-11-28", "sat"),
            ("2026-11-29", "sun"),
        ]
        assert sorted(activities(entry["days"])) == sorted(
            ["push", "pull", "legs", "run", "run", "rest", "rest"]
        )
        assert 1 <= len(entry["differences"]) <= 3
        assert all(isinstance(phrase, str) for phrase in entry["differences"])


@pytest.mark.parametrize("first", ["monday", "sunday"])
def test_the_stored_neighbouring_days_count_as_in_the_library(
    db_path: Path, capsys: pytest.CaptureFixture[str], first: str
) -> None:
    seed(db_path, AROUND, first=first)
    shown = suggest_json(capsys, db_path, "--week", "2026-W48", *HYBRID)
    request = SuggestRequest(
        {Activity.PUSH: 1, Activity.PULL: 1, Activity.LEGS: 1, Activity.RUN: 2}
    )
    expected = library_best(db_path, FirstWeekday(first), request)
    assert [activities(s["days"]) for s in shown["suggestions"]] == expected
    if first == "monday":
        # Push on Sunday before: the best week does not start with push again.
        assert expected[0][0] != "push"
        empty_context = suggest(
            request, W48, FirstWeekday.MONDAY, [], [], default_knowledge(), top=3
        )
        assert [[str(a) for a in s.plan.activities] for s in empty_context] != expected


@pytest.mark.parametrize(
    ("first", "pins", "where"),
    [
        ("monday", ["--pin", "sat=run"], {5: "run"}),
        ("monday", ["--pin", "Sun=REST", "--pin", "mon=legs"], {6: "rest", 0: "legs"}),
        # Sunday-first: the shown week starts on the Sunday before the ISO Monday.
        ("sunday", ["--pin", "sun=rest"], {0: "rest"}),
        ("sunday", ["--pin", "sat=run", "--pin", "mon=push"], {6: "run", 1: "push"}),
    ],
)
def test_pins_hold_in_every_suggestion(
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    first: str,
    pins: list[str],
    where: dict[int, str],
) -> None:
    seed(db_path, {}, first=first)
    shown = suggest_json(capsys, db_path, "--week", "2026-W48", *HYBRID, *pins)
    first_date = "2026-11-22" if first == "sunday" else "2026-11-23"
    for entry in shown["suggestions"]:
        assert entry["days"][0]["date"] == first_date
        for index, activity in where.items():
            assert entry["days"][index]["activity"] == activity


def test_text_is_a_grid_then_differences_then_a_note_on_planned_days(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": {"mon": "legs", "wed": "run"}})
    argv = ["suggest", "--db", str(db_path), "--week", "2026-W48", *HYBRID, "--rest-min", "1"]
    outcome = run_cli([*argv, "--pin", "sat=run"], capsys)
    assert (outcome.code, outcome.err) == (0, "")
    lines = outcome.out.splitlines()
    assert lines[0] == (
        "Suggestions for 2026-W48: push 1, pull 1, legs 1, run 2, rest 2 (at least 1); "
        "pinned: sat run"
    )
    assert lines[2] == ("      Mon 23  Tue 24  Wed 25  Thu 26  Fri 27  Sat 28  Sun 29  score")
    rows = [line.split() for line in lines[3:6]]
    assert [row[0] for row in rows] == ["1.", "2.", "3."]
    assert all(row[6] == "run" and len(row) == 9 for row in rows)
    shown = suggest_json(capsys, db_path, "--week", "2026-W48", *HYBRID, "--pin", "sat=run")
    assert [int(row[8]) for row in rows] == [s["score"] for s in shown["suggestions"]]
    assert lines[7] == "1 compared with 2:"
    assert "2 compared with 1:" in lines and "3 compared with 1:" in lines
    assert lines[-1] == (
        "Note: 2026-W48 already has planned days (mon legs, wed run); --apply would replace "
        "all seven days with suggestion 1."
    )
    with Store.open(db_path, read_only=True) as store:
        assert store.load_plan(W48, FirstWeekday.MONDAY).activities[:3] == (
            Activity.LEGS,
            None,
            Activity.RUN,
        )


def test_an_unplanned_week_gets_no_note(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_cli(["suggest", "--db", str(db_path), *HYBRID], capsys)
    assert outcome.code == 0
    assert "Note:" not in outcome.out
    assert not db_path.exists()


def test_only_one_possible_week(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pins = [f"--pin={day}=rest" for day in ("mon", "tue", "wed", "thu", "fri", "sat")]
    outcome = run_cli(["suggest", "--db", str(db_path), "run=1", *pins], capsys)
    assert outcome.code == 0
    assert "Only this week fits the request." in outcome.out
    shown = suggest_json(capsys, db_path, "run=1", *pins)
    assert len(shown["suggestions"]) == 1
    assert shown["suggestions"][0]["differences"] == []
    assert shown["suggestions"][0]["compared_with"] is None


@pytest.mark.parametrize("first", ["monday", "sunday"])
def test_apply_saves_the_best_and_show_gives_it_the_same_score(
    db_path: Path, capsys: pytest.CaptureFixture[str], first: str
) -> None:
    seed(db_path, {**AROUND, "2026-W48": {"tue": "legs", "thu": "legs"}}, first=first)
    preview = suggest_json(capsys, db_path, "--week", "2026-W48", *HYBRID)
    best = preview["suggestions"][0]
    outcome = run_cli(
        ["suggest", "--db", str(db_path), "--week", "2026-W48", *HYBRID, "--apply"], capsys
    )
    assert (outcome.code, outcome.err) == (0, "")
    last = outcome.out.splitlines()[-1]
    assert last.startswith(f"Applied suggestion 1 (score {best['score']}) to 2026-W48: ")
    shown = run_cli(["show", "--json", "--db", str(db_path), "--week", "2026-W48"], capsys)
    week = json.loads(shown.out)
    assert week["days"] == best["days"]
    assert week["score"] == best["score"]


def test_apply_with_json_says_applied(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shown = suggest_json(capsys, db_path, "--week", "2026-W48", *HYBRID, "--apply")
    assert shown["applied"] is True
    with Store.open(db_path, read_only=True) as store:
        plan = store.load_plan(W48, FirstWeekday.MONDAY)
    assert [a.value if a else None for a in plan.activities] == activities(
        shown["suggestions"][0]["days"]
    )


def test_apply_of_the_week_as_it_is_writes_nothing(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    suggest_json(capsys, db_path, "--week", "2026-W48", *HYBRID, "--apply")
    before = db_path.read_bytes()
    outcome = run_cli(
        ["suggest", "--db", str(db_path), "--week", "2026-W48", *HYBRID, "--apply"], capsys
    )
    assert outcome.out.splitlines()[-1].endswith("to 2026-W48: no change")
    assert db_path.read_bytes() == before


def test_suggest_without_apply_reads_a_database_another_planner_holds(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, AROUND)
    with Store.open(db_path):
        shown = suggest_json(capsys, db_path, *HYBRID)
    assert len(shown["suggestions"]) == 3


def session_words_of(day: dict[str, Any]) -> list[str]:
    return [
        f"{session['kind']}:{session.get('intensity') or session.get('type')}"
        for session in day["sessions"]
    ]


HYBRID_SESSIONS = ["legs:heavy=1", "run:intervals=1", "run:easy=2", "push=1", "pull=1"]


def test_sessions_with_attributes_two_a_day_and_a_pinned_day(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [*HYBRID_SESSIONS, "run:long=1", "legs=1", "--max-per-day", "2"]
    shown = suggest_json(capsys, db_path, "--week", "2026-W48", *argv, "--pin", "sat=run:long")
    asked = sorted(
        [
            "legs:heavy",
            "run:intervals",
            "run:easy",
            "run:easy",
            "push:moderate",
            "pull:moderate",
            "run:long",
            "legs:moderate",
        ]
    )
    assert len(shown["suggestions"]) == 3
    for entry in shown["suggestions"]:
        held = [session_words_of(day) for day in entry["days"]]
        assert sorted(word for day in held for word in day) == asked
        assert held[5] == ["run:long"]
        assert any(len(day) == 2 for day in held)  # eight sessions need a two-session day
        for day, words in zip(entry["days"], held, strict=True):
            assert day["rest"] is (not words)
            if len(words) == 2:
                assert day["together"] is False
                assert words[0].split(":")[0] != words[1].split(":")[0]
    request = weekday_request(
        parse_counts(argv[:-2]), 0, parse_pins(["sat=run:long"]), max_per_day=2
    )
    with Store.open(db_path, read_only=True) as store:
        before, after = context_around(store, store.load_plan(W48, FirstWeekday.MONDAY))
    found = suggest(request, W48, FirstWeekday.MONDAY, before, after, default_knowledge())
    assert [s["score"] for s in shown["suggestions"]] == [s.score for s in found]
    assert [s["days"] for s in shown["suggestions"]] == [days_json(s.plan) for s in found]


def test_one_session_a_day_unless_asked(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shown = suggest_json(capsys, db_path, *HYBRID_SESSIONS)
    for entry in shown["suggestions"]:
        assert all(len(day["sessions"]) <= 1 for day in entry["days"])
        assert sum(day["rest"] for day in entry["days"]) == 1


def test_the_grid_shows_each_days_words(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["suggest", "--db", str(db_path), "--week", "2026-W48", "legs:heavy=1", "run=1"]
    pins = ["--pin", "mon=legs:heavy+run", "--pin", "tue=push,pull", "--max-per-day", "2"]
    outcome = run_cli([*argv, "push=1", "pull=1", "run:tempo=1", *pins], capsys)
    assert (outcome.code, outcome.err) == (0, "")
    lines = outcome.out.splitlines()
    assert lines[0] == (
        "Suggestions for 2026-W48: push 1, pull 1, legs:heavy 1, run 1, run:tempo 1, "
        "up to 2 a day; pinned: mon legs:heavy+run, tue push,pull"
    )
    assert lines[2].split() == [
        *("Mon", "23", "Tue", "24", "Wed", "25", "Thu", "26", "Fri", "27", "Sat", "28"),
        *("Sun", "29", "score"),
    ]
    rows = [line.split() for line in lines[3:6]]
    assert all(row[1:3] == ["legs:heavy+run", "push,pull"] for row in rows)
    assert all(len(row) == 9 and row.count("run:tempo") == 1 for row in rows)


def documented_examples() -> list[str]:
    """Every ``planner suggest`` line of the command's epilog and of the README."""
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    lines = [line.strip() for line in (EPILOG + "\n" + readme).splitlines()]
    return [line.split(" #")[0].strip() for line in lines if line.startswith("planner suggest ")]


@pytest.mark.parametrize("example", documented_examples())
def test_every_documented_example_works(
    example: str, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = example.split()[1:]
    outcome = run_cli([*argv, "--db", str(db_path)], capsys)
    assert (outcome.code, outcome.err) == (0, ""), outcome


def test_there_are_documented_examples_of_the_new_words() -> None:
    examples = documented_examples()
    assert len(examples) >= 8
    assert any("--max-per-day 2" in example for example in examples)
    assert any(":" in example.split("--pin")[0] for example in examples)


def test_a_week_scoring_above_every_suggestion_asks_to_keep_it(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": {"mon": "legs", "tue": "push,pull", "wed": "run", "thu": "legs",
                                "fri": "push,pull", "sat": "run", "sun": "rest"}})  # fmt: skip
    outcome = run_cli(["suggest", "--db", str(db_path), "--week", "2026-W48", *HYBRID], capsys)
    assert outcome.code == 0
    mine = json.loads(run_cli(["show", "--json", "--db", str(db_path)], capsys).out)["score"]
    best = suggest_json(capsys, db_path, "--week", "2026-W48", *HYBRID)["suggestions"][0]["score"]
    assert mine > best
    assert outcome.out.rstrip().endswith(
        f"Your week scores {mine}; the best arrangement of these sessions scores {best}: "
        "keep yours?"
    )


def test_the_time_limit_stops_the_search_and_says_so(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    many = [
        f"{kind}:{attribute}=1"
        for kind, attributes in (
            ("push", ("light", "moderate", "heavy")),
            ("pull", ("light", "moderate", "heavy")),
            ("legs", ("light", "moderate", "heavy")),
            ("run", ("easy", "long", "tempo", "intervals")),
        )
        for attribute in attributes
    ]
    argv = ["suggest", "--db", str(db_path), *many, "--max-per-day", "2", "--time-limit", "0.1"]
    outcome = run_cli(argv, capsys)
    assert outcome.code == 0
    assert "The best found in 0.1 s; it may not be the best" in outcome.out
    assert "Only this week fits" not in outcome.out


@pytest.mark.parametrize("limit", ["0", "-1", "soon", "nan", "7200"])
def test_a_time_limit_that_is_not_a_time_is_refused(
    db_path: Path, capsys: pytest.CaptureFixture[str], limit: str
) -> None:
    outcome = run_cli(["suggest", "--db", str(db_path), "run=1", "--time-limit", limit], capsys)
    assert outcome.code == 2 and outcome.out == ""
    assert outcome.err.count("\n") == 1 and "is not a time limit" in outcome.err
    assert not db_path.exists()


def test_the_command_lines_time_limit_is_the_searchs() -> None:
    from planner.cli.suggest import DEFAULT_TIME_LIMIT
    from planner.suggest import TIME_LIMIT

    assert DEFAULT_TIME_LIMIT == TIME_LIMIT
