"""``planner repeat`` on, show and off, and how ``show`` presents an unconfirmed proposal."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pendulum
import pytest

from planner.plan import Settings
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from tests.helpers import run_cli, seed

W47 = {"mon": "legs", "tue": "pull", "thu": "push", "sat": "run", "sun": "rest"}
W47_DAYS = "mon legs, tue pull, wed unplanned, thu push, fri unplanned, sat run, sun rest"
NOTE = (
    "(proposed from the repeating week 2026-W47, not yet confirmed — run "
    "'planner copy --from 2026-W47 --week {week}' or open the planner to confirm)"
)


def settings(db: Path) -> Settings:
    with Store.open(db, read_only=True) as store:
        return store.settings()


def repeat(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    outcome = run_cli(["repeat", "--db", str(db), *argv], capsys)
    assert (outcome.code, outcome.err) == (0, ""), outcome
    return outcome.out.rstrip("\n")


def show_json(db: Path, capsys: pytest.CaptureFixture[str], week: str) -> Any:
    outcome = run_cli(["show", "--json", "--db", str(db), "--week", week], capsys)
    assert (outcome.code, outcome.err) == (0, ""), outcome
    return json.loads(outcome.out)


def test_on_show_off(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed(db_path, {"2026-W47": W47, "2026-W48": {"mon": "run"}})
    weeks_before = json.loads(db_path.read_bytes())["weeks"]
    assert repeat(db_path, capsys) == (
        "There is no repeating week. Mark one with 'planner repeat --week WEEK', e.g. "
        "'planner repeat --week 2026-W48' for this week."
    )
    assert repeat(db_path, capsys, "--week", "2026-W47") == (
        "2026-W47 is now the repeating week: unplanned weeks show its layout as a proposal "
        f"until you edit them ({W47_DAYS}). 'planner repeat --off' stops this."
    )
    assert settings(db_path).repeat_week == IsoWeek(2026, 47)
    assert repeat(db_path, capsys, "--show") == (
        f"The repeating week is 2026-W47 ({W47_DAYS}): unplanned weeks show its layout as a "
        "proposal until you edit them. 'planner repeat --off' stops this."
    )
    assert repeat(db_path, capsys) == repeat(db_path, capsys, "--show")
    before = db_path.read_bytes()
    assert repeat(db_path, capsys, "--week", "2026-W47") == (
        "2026-W47 already is the repeating week; nothing changed."
    )
    assert db_path.read_bytes() == before
    assert repeat(db_path, capsys, "--week", "2026-W48").startswith(
        "2026-W48 is now the repeating week instead of 2026-W47: "
    )
    assert repeat(db_path, capsys, "--off") == (
        "2026-W48 is no longer the repeating week; unplanned weeks show no proposal."
    )
    assert settings(db_path) == Settings()
    before = db_path.read_bytes()
    assert repeat(db_path, capsys, "--off") == "There is no repeating week; nothing changed."
    assert db_path.read_bytes() == before
    assert json.loads(db_path.read_bytes())["weeks"] == weeks_before


def test_show_says_when_the_repeating_week_was_emptied(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W47": W47})
    repeat(db_path, capsys, "--week", "2026-W47")
    run_cli(["set", "--db", str(db_path), "--week", "2026-W47", *(f"{d}=-" for d in W47)], capsys)
    assert repeat(db_path, capsys).startswith(
        "The repeating week is 2026-W47, but it has no planned day, so unplanned weeks show "
        "no proposal."
    )
    assert show_json(db_path, capsys, "2026-W49")["proposal"] is None


def test_marking_uses_the_displayed_week_sunday_first(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Sunday-first 2026-W48 shows Sun 22 Nov (ISO W47) to Sat 28 Nov: only the Sunday planned.
    seed(db_path, {"2026-W47": {"sun": "rest"}}, first="sunday")
    assert repeat(db_path, capsys, "--week", "2026-W48").startswith(
        "2026-W48 is now the repeating week: unplanned weeks show its layout as a proposal "
        "until you edit them (sun rest, mon unplanned, "
    )


def test_show_text_marks_the_proposal_as_not_confirmed(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W47": W47})
    repeat(db_path, capsys, "--week", "2026-W47")
    outcome = run_cli(["show", "--db", str(db_path), "--week", "2026-W49"], capsys)
    lines = outcome.out.splitlines()
    assert lines[2:9] == [f"  {day}  ·" for day in DEC_DATES]
    assert lines[10] == f"Proposal  {NOTE.format(week='2026-W49')}"
    assert lines[11:18] == [
        "  Mon 30 Nov  legs",
        "  Tue 1 Dec   pull",
        "  Wed 2 Dec   ·",
        "  Thu 3 Dec   push",
        "  Fri 4 Dec   ·",
        "  Sat 5 Dec   run",
        "  Sun 6 Dec   rest",
    ]
    assert lines[19].startswith("Score 0/100  ·  planned 0/7")


AS_W47 = ["legs", "pull", None, "push", None, "run", "rest"]
DEC_DATES = [
    "Mon 30 Nov",
    "Tue 1 Dec ",
    "Wed 2 Dec ",
    "Thu 3 Dec ",
    "Fri 4 Dec ",
    "Sat 5 Dec ",
    "Sun 6 Dec ",
]


@pytest.mark.parametrize(
    ("case", "first", "week", "expected"),
    [
        ("an unplanned week", "monday", "2026-W49", AS_W47),
        ("a year later", "monday", "2027-W47", AS_W47),
        ("a week before it", "monday", "2026-W10", AS_W47),
        ("partly planned", "monday", "2026-W50", None),
        ("the repeating week itself", "monday", "2026-W47", None),
        # Sunday-first W47 shows Sun 15 Nov (ISO W46, unplanned) to Sat 21 Nov.
        ("Sunday-first", "sunday", "2026-W49", [None, "legs", "pull", None, "push", None, "run"]),
        # Sunday-first W48 starts on W47's Sunday, which is planned: no proposal.
        ("Sunday-first, its Sunday planned", "sunday", "2026-W48", None),
    ],
)  # fmt: skip
def test_show_json_proposal(
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    case: str,
    first: str,
    week: str,
    expected: list[str | None] | None,
) -> None:
    seed(db_path, {"2026-W47": W47, "2026-W50": {"wed": "run"}}, first=first)
    repeat(db_path, capsys, "--week", "2026-W47")
    shown = show_json(db_path, capsys, week)
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
    if expected is None:
        assert shown["proposal"] is None, case
        return
    assert [d["activity"] for d in shown["days"]] == [None] * 7, case
    proposal = shown["proposal"]
    assert list(proposal) == ["from_week", "days"]
    assert proposal["from_week"] == "2026-W47"
    assert [(d["date"], d["day"]) for d in proposal["days"]] == [
        (d["date"], d["day"]) for d in shown["days"]
    ]
    assert [d["activity"] for d in proposal["days"]] == expected, case
    text = run_cli(["show", "--db", str(db_path), "--week", week], capsys).out
    assert NOTE.format(week=week) in text


def test_confirming_with_the_suggested_copy_command_stores_the_proposal(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W47": W47}, first="sunday")
    repeat(db_path, capsys, "--week", "2026-W47")
    proposal = show_json(db_path, capsys, "2026-W49")["proposal"]
    run_cli(["copy", "--db", str(db_path), "--from", "2026-W47", "--week", "2026-W49"], capsys)
    shown = show_json(db_path, capsys, "2026-W49")
    assert shown["days"] == proposal["days"]
    assert shown["proposal"] is None


def test_the_default_week_to_show_in_the_hint_is_the_displayed_one(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {}, first="sunday")
    outcome = run_cli(["repeat", "--db", str(db_path)], capsys, today=pendulum.Date(2026, 11, 29))
    assert "'planner repeat --week 2026-W49' for this week" in outcome.out
    assert settings(db_path).first_weekday is FirstWeekday.SUNDAY
