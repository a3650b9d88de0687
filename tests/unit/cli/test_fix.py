"""``planner fix [--apply]``: the change, the score before → after, the cons it clears."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from planner.advice import judge_week
from planner.fix import smallest_fix
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from rules import default_knowledge
from tests.conftest import TODAY
from tests.helpers import run_cli, seed

W48 = IsoWeek(2026, 48)
# Legs then a hard run, five training days in a row: a week one change can improve.
WEEK = {
    "mon": "legs:heavy+run:easy",
    "tue": "run:intervals",
    "wed": "legs",
    "thu": "push,pull",
    "fri": "run:long",
}
SCORE = re.compile(r"^Score (\d+) → (\d+)$")


def fix(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    outcome = run_cli(["fix", "--week", "2026-W48", *argv, "--db", str(db)], capsys)
    assert (outcome.code, outcome.err) == (0, ""), outcome
    lines: list[str] = outcome.out.splitlines()
    return lines


def shown_score(db: Path, capsys: pytest.CaptureFixture[str]) -> int:
    outcome = run_cli(["show", "--json", "--week", "2026-W48", "--db", str(db)], capsys)
    score: int = json.loads(outcome.out)["score"]
    return score


@pytest.mark.parametrize("first", ["monday", "sunday"])
def test_it_prints_the_best_change_and_writes_nothing(
    db_path: Path, capsys: pytest.CaptureFixture[str], first: str
) -> None:
    seed(db_path, {"2026-W48": WEEK}, first=first)
    before = db_path.read_bytes()
    lines = fix(db_path, capsys)
    assert db_path.read_bytes() == before
    with Store.open(db_path, read_only=True) as store:
        judged = judge_week(store, W48, FirstWeekday(first), default_knowledge())
    found = smallest_fix(judged.plan, judged.before, judged.after, default_knowledge(), today=TODAY)
    assert found is not None
    assert lines[0].startswith("2026-W48: ")
    assert lines[0].split(": ", 1)[1].split(" ")[0] in ("change", "swap", "move")
    score = SCORE.match(lines[1])
    assert score is not None
    assert int(score[1]) == shown_score(db_path, capsys) == found.before < found.after
    assert int(score[2]) == found.after
    if found.cleared:
        assert lines[2] == "Clears:"
        assert len(lines[3:-1]) == len(found.cleared)
        assert all(line.startswith("  - con  ") for line in lines[3:-1])
    assert lines[-1] == "'planner fix --apply' makes this change."


def test_apply_saves_the_change_and_show_then_has_the_new_score(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": WEEK})
    proposed = fix(db_path, capsys)
    applied = fix(db_path, capsys, "--apply")
    assert applied[:-1] == proposed[:-1]
    assert applied[-1].startswith("Applied to 2026-W48: ")
    score = SCORE.match(applied[1])
    assert score is not None and shown_score(db_path, capsys) == int(score[2])
    # Fixing again starts from the better week: any further fix raises it further.
    again = fix(db_path, capsys)
    if again != ["2026-W48: no single change raises the score."]:
        rescored = SCORE.match(again[1])
        assert rescored is not None and int(score[2]) == int(rescored[1]) < int(rescored[2])


def test_no_fix_for_a_week_no_single_change_improves(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new" / "planner.json"
    assert fix(db, capsys) == ["2026-W48: no single change raises the score."]
    assert fix(db, capsys, "--apply") == ["2026-W48: no single change raises the score."]
    assert not db.exists()


def test_a_proposed_week_is_the_stored_week_as_set_sees_it(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W47": WEEK})
    run_cli(["repeat", "--week", "2026-W47", "--db", str(db_path)], capsys)
    before = db_path.read_bytes()
    # 2026-W48 only proposes W47's layout: nothing is stored there to change.
    assert fix(db_path, capsys, "--apply") == ["2026-W48: no single change raises the score."]
    assert db_path.read_bytes() == before
