"""``planner goal``: say and set the goal; ``show`` and the other commands judge for it."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from planner.locations import config_dir
from planner.store import Store
from rules import Goal
from tests.helpers import assert_refused, run_cli, seed

W48 = {"2026-W48": {"mon": "legs:heavy", "tue": "run:easy", "wed": "rest"}}

# A user rule on legs -> run that does not speak for endurance and weighs 10 for strength.
GOAL_RULE = """
[[rules]]
id = "coach-legs-then-run"
type = "pair"
before = "legs"
after = "run"
kind = "con"
text = "Coach: legs then a run"
detail = "My coach's rule."
source = "coaching"
weight = 3
goal_weights = { endurance = 0, strength = 10 }
"""


def goal(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    outcome = run_cli(["goal", *argv, "--db", str(db)], capsys)
    assert (outcome.code, outcome.err) == (0, ""), outcome
    return outcome.out


def show_json(db: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    outcome = run_cli(["show", "--json", "--week", "2026-W48", "--db", str(db)], capsys)
    assert (outcome.code, outcome.err) == (0, ""), outcome
    shown: dict[str, object] = json.loads(outcome.out)
    return shown


def test_without_an_argument_it_says_the_goal_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new" / "planner.json"
    assert goal(db, capsys) == "Goal: general fitness. 'planner goal GOAL' changes it.\n"
    assert not db.parent.exists()


@pytest.mark.parametrize("chosen", [g for g in Goal if g is not Goal.GENERAL])
def test_setting_a_goal_saves_it_and_show_reports_it(
    db_path: Path, capsys: pytest.CaptureFixture[str], chosen: Goal
) -> None:
    seed(db_path, W48)
    assert goal(db_path, capsys, chosen.value) == (f"Goal: {chosen.label}, was general fitness.\n")
    with Store.open(db_path, read_only=True) as store:
        assert store.settings().goal is chosen
    assert goal(db_path, capsys).startswith(f"Goal: {chosen.label}.")
    assert show_json(db_path, capsys)["goal"] == chosen.value
    text = run_cli(["show", "--week", "2026-W48", "--db", str(db_path)], capsys).out
    assert f"\nGoal: {chosen.label}\n" in text


def test_choosing_the_goal_it_already_is_changes_nothing(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, W48)
    goal(db_path, capsys, "hybrid")
    before = db_path.read_bytes()
    assert goal(db_path, capsys, "hybrid") == (
        "Goal: hybrid (strength and endurance), as it already was; nothing changed.\n"
    )
    assert db_path.read_bytes() == before
    goal(db_path, capsys, "general")
    assert show_json(db_path, capsys)["goal"] == "general"
    assert "goal" not in json.loads(db_path.read_bytes())["settings"]["1"]


@pytest.mark.parametrize("word", ["strong", "Muscle", "", "muscle strength"])
def test_a_bad_goal_is_refused_naming_the_choices(
    db_path: Path, capsys: pytest.CaptureFixture[str], word: str
) -> None:
    seed(db_path, W48)
    before = db_path.read_bytes()
    outcome = run_cli(["goal", *word.split(" "), "--db", str(db_path)], capsys)
    if " " in word:
        assert_refused(outcome, "unrecognized arguments: strength")
    else:
        assert_refused(
            outcome,
            f"invalid choice: '{word}' (choose from 'general', 'muscle', 'strength', "
            "'endurance', 'hybrid')",
        )
    assert db_path.read_bytes() == before


def test_every_command_judges_for_the_stored_goal(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (config_dir()).mkdir(parents=True, exist_ok=True)
    (config_dir() / "rules.toml").write_text(textwrap.dedent(GOAL_RULE), encoding="utf-8")
    seed(db_path, W48)

    def rules_shown() -> set[str]:
        shown = show_json(db_path, capsys)
        transitions = shown["transitions"]
        assert isinstance(transitions, list)
        return {f["rule"] for t in transitions for f in t["findings"]}

    def markdown() -> str:
        return run_cli(["export", "--format", "md", "--db", str(db_path)], capsys).out

    def calendar() -> str:
        out = run_cli(["export", "--format", "ics", "--db", str(db_path)], capsys).out
        return out.replace("\r\n ", "")  # long lines are folded

    assert "coach-legs-then-run" in rules_shown()
    assert "Coach: legs then a run" in markdown()
    assert "Coach: legs then a run" in calendar()
    costs = {}
    for chosen in (Goal.GENERAL, Goal.STRENGTH, Goal.ENDURANCE):
        goal(db_path, capsys, chosen.value)
        reasons = show_json(db_path, capsys)["reasons"]
        assert isinstance(reasons, list)
        costs[chosen] = sum(r["points"] for r in reasons if r["rule"] == "coach-legs-then-run")
    # Endurance: the rule does not speak at all.
    assert "coach-legs-then-run" not in rules_shown()
    assert "Coach: legs then a run" not in markdown()
    assert "Coach: legs then a run" not in calendar()
    # The con costs its weight for the goal: 10 for strength, 3 otherwise, nothing where 0.
    assert costs == {Goal.GENERAL: -3, Goal.STRENGTH: -10, Goal.ENDURANCE: 0}


def test_suggest_ranks_for_the_stored_goal(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (config_dir()).mkdir(parents=True, exist_ok=True)
    (config_dir() / "rules.toml").write_text(textwrap.dedent(GOAL_RULE), encoding="utf-8")
    seed(db_path, {})

    def best(chosen: Goal) -> object:
        goal(db_path, capsys, chosen.value)
        # Legs then a run, pinned: the rule speaks in every suggestion, or not at all.
        argv = ["suggest", "legs=1", "run=1", "push=1", "--pin", "mon=legs", "--pin", "tue=run"]
        argv += ["--json", "--week", "2026-W48"]
        outcome = run_cli([*argv, "--db", str(db_path)], capsys)
        assert outcome.code == 0, outcome
        return json.loads(outcome.out)["suggestions"][0]["score"]

    strength, endurance = best(Goal.STRENGTH), best(Goal.ENDURANCE)
    assert strength < endurance  # type: ignore[operator]
