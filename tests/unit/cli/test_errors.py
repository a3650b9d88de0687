"""Bad input to every command: one line on stderr, exit 2, no traceback, the database untouched
and no file left behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.store import Store
from tests.helpers import assert_refused, run_cli, seed

WEEKS = {"2026-W48": {"mon": "legs", "wed": "run"}, "2026-W49": {"tue": "push"}}
EXPORT_HINT = "give a file written by 'planner export --format json'"

BAD_INPUT = [
    (
        ["set", "fri2=legs"],
        "fri2=legs: 'fri2' is not a day; use mon, tue, wed, thu, fri, sat or sun",
    ),
    (["set", "mon=swim"], "'swim' is not an activity; use push, pull, legs, run, rest, or - to"),
    (["set", "mon"], "'mon' is not DAY=SESSIONS; write it like mon=legs"),
    (["set", "=legs"], "'=legs' is not DAY=SESSIONS"),
    (["set", "mon="], "'mon=' is not DAY=SESSIONS"),
    (["set", "tue=run", "mon=legs", "mon=run"], "mon is given twice (mon=legs, mon=run)"),
    (["set", "mon=legs", "tue=nap"], "'nap' is not an activity"),
    (["set"], "the following arguments are required: DAY=SESSIONS"),
    # Sessions: every bad word or combination names the day and the word.
    (
        ["set", "tue=run:heavy"],
        "tue=run:heavy: a run has a type (easy, long, tempo, intervals), not an intensity",
    ),
    (["set", "mon=legs:hevy"], "mon=legs:hevy: 'legs:hevy': did you mean heavy?"),
    (["set", "mon=legs:tempo"], "mon=legs:tempo: legs has an intensity (light, moderate, heavy)"),
    (["set", "mon=run:hills"], "'run:hills': hills count as intervals; write run:intervals"),
    (["set", "mon=run:fast"], "mon=run:fast: 'fast' is not a run type; use easy, long,"),
    (["set", "mon=push+pull+legs"], "'push+pull+legs' holds 3 sessions; plan at most 2"),
    (["set", "mon=rest+run"], "mon=rest+run: rest is a whole day, not a session"),
    (["set", "mon=push+pull,legs"], "mixes + and ,"),
    (["set", "mon=swim:easy"], "'swim' is not a session; use push, pull, legs or run"),
    (["set", "mon=legs:"], "mon=legs:: '' is not an intensity"),
    (["set", "mon=legs+"], "mon=legs+: '' is not a session"),
    (["set", "mon=lges"], "'lges' is not an activity; use push, pull, legs, run, rest, or -"),
    (["set", "--week", "2026-W00", "mon=legs"], "2026 has weeks W01 to W53; W00 does not exist"),
    (
        ["set", "--week", "9999-W52", "mon=legs"],
        "9999-W52 is outside the weeks the planner supports (1900-W01 to 2999-W52)",
    ),
    (["set", "--week", "0001-W01", "mon=legs"], "0001-W01 is outside the weeks"),
    (["show", "--week", "2025-W53"], "2025 has weeks W01 to W52; W53 does not exist"),
    (["show", "--week", "2026-48"], "'2026-48' is not an ISO week; write it like 2026-W48"),
    (["show", "--week", "9999-W52"], "9999-W52 is outside the weeks the planner supports"),
    (["show", "--week", "0001-W01"], "0001-W01 is outside the weeks the planner supports"),
    (["show", "--frobnicate"], "unrecognized arguments: --frobnicate"),
    (["frob"], "invalid choice: 'frob'"),
    # A mistyped word of a fixed set gets the closest one, as session words do.
    (["shwo"], "invalid choice: 'shwo' (choose from 'show', 'set', "),
    (["shwo"], "'completion'); did you mean show? (see 'planner --help')"),
    (["SHOW"], "did you mean show?"),
    (["goal", "hybird"], "'endurance', 'hybrid'); did you mean hybrid?"),
    (["export", "--format", "icss"], "(choose from 'ics', 'json', 'md'); did you mean ics?"),
    (["template", "lst"], "argument ACTION: invalid choice: 'lst' (choose from 'list', 'apply')"),
    (["template", "lst"], "did you mean list?"),
    (["completion", "bsh"], "did you mean bash?"),
    (["template", "apply", "upper-lowr"], "hybrid-lift-then-run); did you mean upper-lower?"),
    (["template", "apply", "xyz"], "hybrid-lift-then-run)\n"),
    (["set", "monday=legs"], "'monday' is not a day; use mon, tue, wed, thu, fri, sat or sun;"),
    (["set", "monday=legs"], "did you mean mon?"),
    (
        ["set", "tuse=legs"],
        "tuse=legs: 'tuse' is not a day; use mon, tue, wed, thu, fri, sat or sun; "
        "did you mean tue?",
    ),
    (["suggest", "run=1", "--pin", "satu=run"], "--pin satu=run: 'satu' is not a day; use mon,"),
    (["suggest", "run=1", "--pin", "satu=run"], "did you mean sat?"),
    (
        ["goal", "strong"],
        "argument GOAL: invalid choice: 'strong' (choose from 'general', 'muscle',",
    ),
    (["goal", "muscle", "hybrid"], "unrecognized arguments: hybrid"),
    (["fix", "--week", "2026-W00"], "2026 has weeks W01 to W53; W00 does not exist"),
    (["fix", "--aply"], "unrecognized arguments: --aply"),
    (["suggest"], "the following arguments are required: SESSION=N"),
    (["suggest", "push"], "'push' is not SESSION=N; write it like run=2"),
    (["suggest", "=1"], "'=1' is not SESSION=N"),
    (["suggest", "swim=1"], "swim=1: 'swim' is not a session; use push, pull, legs or run"),
    (["suggest", "pish=1"], "pish=1: 'pish' is not a session; use push, pull, legs or run; did"),
    (["suggest", "legs:hevy=1"], "legs:hevy=1: 'legs:hevy': did you mean heavy?"),
    (["suggest", "run:heavy=1"], "run:heavy=1: a run has a type (easy, long, tempo, intervals)"),
    (["suggest", "legs:easy=1"], "legs:easy=1: legs has an intensity (light, moderate, heavy)"),
    (
        ["suggest", "legs=1", "legs:moderate=2"],
        "legs is given twice (legs=1, legs:moderate=2); give each once",
    ),
    (
        ["suggest", "run:easy=1", "run=1"],
        "run is given twice (run:easy=1, run=1); give each once",
    ),
    (["suggest", "run=1", "--max-per-day", "3"], "argument --max-per-day: invalid choice: 3"),
    (["suggest", "run=1", "--max-per-day", "x"], "argument --max-per-day: invalid int value"),
    (
        ["suggest", "run=8", "--max-per-day", "2"],
        "8 run sessions do not fit on the 7 unpinned days: two sessions of one kind never",
    ),
    (["suggest", "push=8", "run=7", "--max-per-day", "2"], "15 sessions do not fit in a week"),
    (["suggest", "push=4", "run=4"], "ask for fewer or allow two a day (--max-per-day 2)"),
    (
        ["suggest", "run=2", "--pin", "sat=run:long"],
        "run:long is pinned on Sat but run:long=0; ask for run:long=1 or drop the pin",
    ),
    (
        ["suggest", "legs:heavy=1", "--pin", "mon=legs:heavy+run", "--max-per-day", "2"],
        "run is pinned on Mon but run=0",
    ),
    (
        ["suggest", "run=1", "--pin", "sat=run:hevy"],
        "--pin sat=run:hevy: 'hevy' is not a run type; use easy, long",
    ),
    (["suggest", "run=1", "--pin", "sat=run+rest"], "--pin sat=run+rest: rest is a whole day"),
    (["suggest", "push=x"], "push=x: the count must be a whole number, 0 or more"),
    (["suggest", "push=-1"], "push=-1: the count must be a whole number, 0 or more"),
    (["suggest", "push=1.5"], "the count must be a whole number"),
    (
        ["suggest", "rest=2"],
        "rest=2: rest is not counted, it fills the days left over; use --rest-min 2",
    ),
    (["suggest", "push=1", "PUSH=2"], "push is given twice (push=1, PUSH=2); give each once"),
    (["suggest", "push=4", "run=4"], "8 sessions do not fit in a week of 7 days; ask for fewer"),
    (
        ["suggest", "push=3", "run=3", "--rest-min", "2"],
        "6 sessions leave 1 rest day, fewer than the 2 asked for",
    ),
    (["suggest", "run=1", "--rest-min", "x"], "argument --rest-min: invalid int value: 'x'"),
    (["suggest", "run=1", "--rest-min", "-1"], "at least -1 rest days: write a whole number"),
    (
        ["suggest", "run=1", "--pin", "sat=run", "--pin", "sun=run"],
        "run is pinned on 2 days (Sat, Sun) but run=1; ask for run=2 or drop a pin",
    ),
    (["suggest", "run=1", "--pin", "sat=legs"], "legs is pinned on Sat but legs=0"),
    (
        ["suggest", "push=3", "pull=3", "--pin", "mon=rest", "--pin", "tue=rest"],
        "rest is pinned on 2 days (Mon, Tue) but 6 sessions leave only 1",
    ),
    (
        ["suggest", "run=1", "--pin", "sat"],
        "'sat' is not DAY=ACTIVITY; write it like --pin sat=run",
    ),
    (["suggest", "run=1", "--pin", "caturday=run"], "--pin caturday=run: 'caturday' is not a day"),
    (["suggest", "run=1", "--pin", "sat=swim"], "--pin sat=swim: 'swim' is not an activity"),
    (
        ["suggest", "run=1", "--pin", "sat=run:long+run"],
        "run:long is pinned on Sat but run:long=0",
    ),
    (["suggest", "run=1", "--pin", "sat=-"], "--pin sat=-: '-' is not an activity"),
    (
        ["suggest", "run=1", "--pin", "sat=run", "--pin", "SAT=rest"],
        "sat is pinned twice (sat=run, SAT=rest); pin each day once",
    ),
    (["suggest", "--week", "9999-W52", "run=1"], "9999-W52 is outside the weeks"),
    (["suggest", "--week", "2026-W54", "run=1", "--apply"], "W54 does not exist"),
    (["suggest", "push=8", "--apply"], "8 sessions do not fit"),
    (["template"], "the following arguments are required: ACTION"),
    (["template", "frob"], "argument ACTION: invalid choice: 'frob'"),
    (["template", "apply"], "the following arguments are required: ID"),
    (
        ["template", "apply", "nope"],
        "no template 'nope' (known: push-rest-legs-pull-rest, push-pull-legs-twice, ",
    ),
    (["template", "apply", "upper-lower", "--week", "2026-W00"], "W00 does not exist"),
    (["template", "apply", "upper-lower", "--json"], "unrecognized arguments: --json"),
    (
        ["copy", "--from", "2026-W48", "--week", "2026-W48"],
        "--from 2026-W48 is the week to copy into; copy from another week",
    ),
    (
        ["copy", "--week", "2026-W51"],
        "2026-W50 has no planned day, nothing to copy; choose it with --from",
    ),
    (["copy", "--from", "2026-W00"], "W00 does not exist"),
    (["copy", "--week", "0001-W01"], "0001-W01 is outside the weeks the planner supports"),
    (["copy", "--week", "1900-W01"], "there is no week before 1900-W01; give one with --from"),
    (["repeat", "--off", "--show"], "argument --show: not allowed with argument --off"),
    (
        ["repeat", "--off", "--week", "2026-W48"],
        "--off takes no --week; 'planner repeat --week 2026-W48' marks it",
    ),
    (["--week", "2026-W48", "repeat", "--show"], "--show takes no --week"),
    (["repeat", "--week", "2026-W30"], "2026-W30 has no planned day; plan it first, then mark it"),
    (["repeat", "--week", "2026-W1"], "'2026-W1' is not an ISO week"),
    (["export"], "the following arguments are required: --format"),
    (
        ["export", "--format", "md", "--week", "2026-W48", "--from", "2026-W47"],
        "--week 2026-W48 is --from 2026-W48 --to 2026-W48; give --week or --from, not both",
    ),
    (["export", "--format", "ics", "--to", "2026-w49", "--week", "2026-w48"], "or --to, not"),
    (["export", "--format", "json", "--week", "2026-w00"], "W00 does not exist"),
    (["show", "--week", "2026-x48"], "'2026-x48' is not an ISO week; write it like 2026-W48"),
    (["export", "--format", "xml"], "argument --format: invalid choice: 'xml'"),
    (["export", "--format", "json", "--from", "2026-W00"], "W00 does not exist"),
    (["export", "--format", "ics", "--to", "2025-W53"], "W53 does not exist"),
    (
        ["export", "--format", "md", "--from", "2026-W50", "--to", "2026-W48"],
        "--from 2026-W50 is after --to 2026-W48; swap them",
    ),
    (
        ["export", "--format", "ics", "-o", "{tmp}/missing/out.ics"],
        "cannot write {tmp}/missing/out.ics: no such file or directory; choose another file",
    ),
    (["export", "--format", "json", "-o", "{tmp}"], "cannot write {tmp}: is a directory"),
    (["export", "--format", "md", "-o", "{tmp}/notes.txt/x.md"], "not a directory"),
    (["import"], "the following arguments are required: FILE"),
    (["import", "{tmp}/missing.json"], "cannot read {tmp}/missing.json: no such file or directory"),
    (["import", "{tmp}"], "cannot read {tmp}: is a directory; check the path"),
    (
        ["import", "{tmp}/notes.txt"],
        f"{{tmp}}/notes.txt is not valid JSON (Expecting value at line 1, column 1); {EXPORT_HINT}",
    ),
    (["import", "{tmp}/latin1.json"], "{tmp}/latin1.json is not UTF-8 text"),
    (["import", "{tmp}/list.json"], f"{{tmp}}/list.json is not a planner export; {EXPORT_HINT}"),
]


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "notes.txt").write_text("not json\n")
    (tmp_path / "latin1.json").write_bytes('{"week": "été"}'.encode("latin-1"))
    (tmp_path / "list.json").write_text("[]\n")
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.endswith(".lock")
    }


@pytest.mark.parametrize(
    ("argv", "message"), BAD_INPUT, ids=lambda v: " ".join(v) if isinstance(v, list) else ""
)
def test_bad_input_is_refused_in_one_line_and_changes_nothing(
    workdir: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    db = workdir / "planner.json"
    seed(db, WEEKS)
    before = snapshot(workdir)
    argv = [arg.replace("{tmp}", str(workdir)) for arg in argv]
    outcome = run_cli([*argv, "--db", str(db)] if argv[0] != "frob" else argv, capsys)
    assert_refused(outcome, message.replace("{tmp}", str(workdir)))
    assert snapshot(workdir) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["set", "mon=push"],
        ["import", "{tmp}/export.json"],
        ["suggest", "run=2", "--apply"],
        ["template", "apply", "upper-lower"],
        ["copy", "--week", "2026-W49"],
        ["repeat", "--week", "2026-W48"],
        ["repeat", "--off"],
        ["goal", "muscle"],
        ["fix", "--apply"],
    ],
    ids=" ".join,
)
def test_writing_to_a_database_another_planner_holds_is_refused(
    workdir: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    db = workdir / "planner.json"
    seed(db, WEEKS)
    export = workdir / "export.json"
    export.write_text('{"format": "planner-export", "version": 1, "weeks": []}')
    before = snapshot(workdir)
    argv = [arg.replace("{tmp}", str(workdir)) for arg in argv]
    with Store.open(db):
        outcome = run_cli([*argv, "--db", str(db)], capsys)
    assert_refused(outcome, f"The database {db} is open in another planner (pid {os.getpid()})")
    assert "close it or use another --db" in outcome.err
    assert snapshot(workdir) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["suggest", "run=2"],
        ["template", "list"],
        ["repeat"],
        ["repeat", "--show"],
        ["goal"],
        ["fix"],
    ],
    ids=" ".join,
)
def test_reading_commands_work_while_another_planner_holds_the_database(
    workdir: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    db = workdir / "planner.json"
    seed(db, WEEKS)
    before = snapshot(workdir)
    with Store.open(db):
        outcome = run_cli([*argv, "--db", str(db)], capsys)
    assert (outcome.code, outcome.err) == (0, "")
    assert snapshot(workdir) == before


@pytest.mark.parametrize("argv", [["show"], ["export", "--format", "json"]])
def test_a_damaged_database_is_reported_and_left_alone(
    workdir: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    db = workdir / "planner.json"
    db.write_bytes(b"{not json")
    outcome = run_cli([*argv, "--db", str(db)], capsys)
    assert_refused(outcome, str(db))
    assert db.read_bytes() == b"{not json"


def test_a_real_process_prints_no_traceback(workdir: Path) -> None:
    db = workdir / "planner.json"
    seed(db, WEEKS)
    before = db.read_bytes()
    with Store.open(db):
        for argv in (["set", "mon=swim"], ["set", "mon=run"], ["import", str(workdir)]):
            result = subprocess.run(
                [sys.executable, "-m", "planner", *argv, "--db", str(db)],
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert result.returncode == 2
            assert result.stderr.startswith("planner: ")
            assert result.stderr.count("\n") == 1
            assert "Traceback" not in result.stderr
    assert db.read_bytes() == before
