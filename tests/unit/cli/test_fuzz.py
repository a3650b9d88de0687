"""Random arguments to every command, on Monday- and Sunday-first databases: never a
traceback, always exit 0 or 2, exactly one line on stderr with 2, and the database
unchanged whenever the command failed. Bounded so that ``make test`` stays quick."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli import COMMANDS
from tests.helpers import run_cli, seed

# Words each command understands, and many it does not: weeks at and past the edges of the
# supported weeks, counts and pins, options of other commands, markup and stray signs.
WORDS = [
    *("mon=legs", "tue=pull", "wed=run", "thu=-", "fri=rest", "sat=push", "sun=run"),
    *("mon", "=legs", "mon=", "mon=swim", "MON=legs", "caturday=run", "sat=[/]"),
    *("push=1", "pull=2", "legs=1", "run=2", "run=7", "push=8", "push=-1", "rest=2", "run=x"),
    *("--week", "--from", "--to", "--pin", "--apply", "--json", "--format", "--rest-min"),
    *("--off", "--show", "-o", "--output", "--help", "--frobnicate", "-"),
    *("md", "ics", "json", "pdf", "list", "apply", "upper-lower", "push-pull-legs-twice"),
    *("bash", "zsh", "fish", "0", "1", "-1", "9" * 40, "out.txt", "backup.json", "[/]"),
    *("2026-W48", "2026-W47", "2026-W53", "2025-W53", "2026-W00", "2026-W54", "2026-48"),
    *("1900-W01", "1900-W02", "2999-W52", "1899-W52", "3000-W01", "0001-W01", "9999-W52"),
]
# Anything at all, control characters included (a NUL cannot be in a real argument).
ODD_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=12,
)
TOKENS = st.lists(st.one_of(st.sampled_from(WORDS), ODD_TEXT), max_size=6)
NAMES = [command.NAME for command in COMMANDS]
STORED = {
    "2026-W47": {"mon": "legs", "tue": "run", "sun": "push"},
    "2026-W48": {"wed": "pull"},
    "1900-W01": {"mon": "run"},
    "2999-W52": {"sun": "legs"},
}


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    command=st.sampled_from(NAMES),
    words=TOKENS,
    first=st.sampled_from(["monday", "sunday"]),
)
def test_random_arguments_give_one_line_or_success(
    command: str, words: list[str], first: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        db = Path(folder) / "planner.json"
        seed(db, STORED, first=first)
        before = db.read_bytes()
        outcome = run_cli(["--db", str(db), command, *words], capsys)
        assert outcome.code in (0, 2), outcome
        assert "Traceback" not in outcome.err
        if outcome.code == 2:
            assert outcome.err.startswith("planner: "), outcome
            assert outcome.err.count("\n") == 1 and outcome.err.endswith("\n"), outcome
            assert db.read_bytes() == before, outcome
