"""``planner load`` (issue 26): load over weeks as a table and as JSON, the same figures the
load screen shows; bad weeks refused in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import assert_refused, run_cli, seed_training


@pytest.fixture
def db(db_path: Path) -> Path:
    seed_training(db_path)
    return db_path


def load(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    outcome = run_cli(["load", "--json", *argv, "--db", str(db)], capsys)
    assert (outcome.code, outcome.err) == (0, ""), outcome
    return json.loads(outcome.out)


def test_the_default_is_eight_weeks_back_and_four_ahead_of_this_week(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    weeks = load(db, capsys)["weeks"]
    assert [entry["week"] for entry in (weeks[0], weeks[8], weeks[-1])] == [
        "2026-W40", "2026-W48", "2026-W52"
    ]  # fmt: skip
    assert len(weeks) == 13


def test_json_says_each_figure_and_the_block(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = load(db, capsys, "--from", "2026-w45", "--to", "2026-W52")
    assert document["format"] == 1
    by_week = {entry["week"]: entry for entry in document["weeks"]}
    first = by_week["2026-W45"]
    assert first["block"] == {"start": "2026-W45", "number": 1, "weeks": 4, "deload": False}
    assert first["hard"] == {"chest": 1, "back": 1, "legs": 2, "heart": 1}
    assert first["caution"] is not None and "raise load on purpose" in first["caution"]
    assert by_week["2026-W48"]["block"]["deload"] is True
    ahead = by_week["2026-W52"]
    # Nothing logged ahead: done is null and the load is the plan's (hand-computed below).
    assert ahead["done"] is None and ahead["load"] == ahead["planned"] == 1770
    # Deload days: moderate legs + easy run 480, moderate push 360, easy run 120, moderate
    # pull 360, rest, long run 450 (the fixture of tests/unit/test_load.py's shape).
    assert (ahead["monotony"], ahead["strain"]) == (1.31, 2327)
    # The four weeks before: W48 as it stands (logged days done, the rest planned), then
    # three block weeks as planned.
    assert by_week["2026-W48"]["load"] == 2410
    assert ahead["ratio"] == round(1770 / ((2410 + 3 * 2370) / 4), 2) == 0.74


def test_one_week_alone_spans_thirteen_weeks_from_or_to_it(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert load(db, capsys, "--from", "2026-W41")["weeks"][-1]["week"] == "2026-W53"
    assert load(db, capsys, "--to", "2026-W50")["weeks"][0]["week"] == "2026-W38"


def test_text_is_a_table_with_the_caution_and_what_the_figures_are(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_cli(["load", "--db", str(db)], capsys)
    assert outcome.code == 0 and outcome.err == ""
    lines = outcome.out.splitlines()
    assert lines[0] == "Load over weeks, 2026-W40 to 2026-W52 (session RPE x minutes)"
    assert lines[2].split() == [
        "Week", "Days", "Block", "Planned", "Done", "c", "b", "l", "h", "Monotony", "Strain",
        "Ratio",
    ]  # fmt: skip
    row = next(line for line in lines if line.startswith("2026-W45"))
    assert row.split() == [
        "2026-W45", "2", "Nov", "–", "8", "Nov", "B1/4", "2370", "2070", "1", "1", "2", "1",
        "1.47", "3041", "1.69", "!",
    ]  # fmt: skip
    assert "—" in next(line for line in lines if line.startswith("2026-W52"))  # not logged
    assert any(line.startswith("! 2026-W45: Load is 1.7x") for line in lines)
    words = " ".join(outcome.out.split())  # as read, across the wrapped lines
    for cited in ("Foster et al. 2001", "Foster 1998", "Gabbett 2016", "Impellizzeri et al. 2021"):
        assert cited in words
    assert max(len(line) for line in lines) <= 79


def test_an_empty_database_prints_zeros_and_no_figure(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    weeks = load(db_path, capsys)["weeks"]
    assert {(w["planned"], w["done"], w["monotony"], w["ratio"], w["block"]) for w in weeks} == {
        (0, None, None, None, None)
    }


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--from", "2026-W52", "--to", "2026-W40"], "2026-W52 is after 2026-W40"),
        (["--from", "2026-W54"], "W54 does not exist"),
        (["--to", "next week"], "--to"),
        (["--from", "1900-W02"], "fewer than 4 supported weeks before it"),
        (["--from", "2000-W01", "--to", "2026-W01"], "more than 520 weeks"),
        (["--to", "1900-W03"], "1900-W01 is the first week"),
        (["--from", "2999-W50"], "2999-W52 is the last week"),
    ],
)
def test_bad_weeks_are_refused_in_one_line(
    db: Path, capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    before = db.read_bytes()
    assert_refused(run_cli(["load", *argv, "--db", str(db)], capsys), said)
    assert db.read_bytes() == before


def test_it_only_reads(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = db.read_bytes()
    load(db, capsys)
    run_cli(["load", "--db", str(db)], capsys)
    assert db.read_bytes() == before
