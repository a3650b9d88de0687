"""The command line forgives what it can read one way only: an ISO week in any case, and
``export --week W`` for ``--from W --to W``. (Refusals with a did-you-mean are in
test_errors.py's table.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_cli, seed

WEEKS = {
    "2026-W48": {"mon": "legs:heavy+run", "wed": "rest", "fri": "push,pull"},
    "2026-W49": {"tue": "run:intervals"},
    "2026-W50": {"sat": "run:long"},
}


def out(db: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    outcome = run_cli([*argv, "--db", str(db)], capsys)
    assert (outcome.code, outcome.err) == (0, ""), outcome
    return outcome.out


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "--week", "{week}"],
        ["show", "--json", "--week", "{week}"],
        ["fix", "--week", "{week}"],
        ["suggest", "run=1", "--week", "{week}"],
        ["export", "--format", "md", "--from", "{week}", "--to", "{week}"],
        ["export", "--format", "json", "--week", "{week}"],
        ["copy", "--from", "{week}", "--week", "2026-W51"],
        ["--week", "{week}", "show"],
    ],
    ids=" ".join,
)
def test_a_lowercase_week_is_the_same_week(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    results = []
    for week in ("2026-W48", "2026-w48"):
        db = tmp_path / f"{week}.json"
        seed(db, WEEKS)
        results.append(out(db, capsys, [arg.replace("{week}", week) for arg in argv]))
    assert results[0] == results[1]


@pytest.mark.parametrize("form", ["ics", "json", "md"])
@pytest.mark.parametrize("week", ["2026-W48", "2026-W49", "2026-W52"])
def test_export_week_is_from_and_to_that_week(
    db_path: Path, capsys: pytest.CaptureFixture[str], form: str, week: str
) -> None:
    seed(db_path, WEEKS)
    ranged = out(db_path, capsys, ["export", "--format", form, "--from", week, "--to", week])
    assert out(db_path, capsys, ["export", "--format", form, "--week", week]) == ranged
    # --week before the command names the week for the command, as for every other one.
    assert out(db_path, capsys, ["--week", week, "export", "--format", form]) == ranged
    everything = out(db_path, capsys, ["export", "--format", form])
    assert ranged != everything
