"""The command line outside the TUI: help, version and bad input."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from planner import __version__
from planner.cli import build_parser, main, parse_arguments


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"planner {__version__}"


def test_help_names_the_database_and_the_week_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "--db PATH" in out
    assert "--week WEEK" in out
    assert "PLANNER_DB" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--week", "2026-W00"], "W00 does not exist"),
        (["--week", "2025-W53"], "2025 has weeks W01 to W52; W53 does not exist"),
        (["--week", "2026-48"], "'2026-48' is not an ISO week; write it like 2026-W48"),
        (["--frobnicate"], "unrecognized arguments: --frobnicate"),
    ],
)
def test_bad_input_is_one_line_with_status_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("planner: ")
    assert message in err


# -- parsing: options before or after the command --------------------------------------------


@pytest.mark.parametrize(
    ("argv", "command", "db", "week"),
    [
        ([], None, None, None),
        (["--db", "x.json"], None, "x.json", None),
        (["--week", "2026-W48"], None, None, "2026-W48"),
        (["--db", "x.json", "show"], "show", "x.json", None),
        (["show", "--db", "x.json", "--week", "2026-W48"], "show", "x.json", "2026-W48"),
        (["--week", "2026-W48", "set", "mon=legs"], "set", None, "2026-W48"),
        (["set", "--week", "2026-W48", "mon=legs", "--db", "y"], "set", "y", "2026-W48"),
        (["export", "--format", "md", "--db", "z"], "export", "z", None),
        (["import", "f.json", "--db", "z"], "import", "z", None),
        (["--week", "2026-W48", "suggest", "run=2", "--db", "z"], "suggest", "z", "2026-W48"),
        (["suggest", "--week", "2026-W48", "run=2"], "suggest", None, "2026-W48"),
        (["template", "list", "--db", "z"], "template", "z", None),
        (
            ["--db", "z", "template", "apply", "x", "--week", "2026-W48"],
            "template",
            "z",
            "2026-W48",
        ),
        (["--week", "2026-W48", "template", "apply", "x"], "template", None, "2026-W48"),
        (["copy", "--week", "2026-W48", "--db", "z"], "copy", "z", "2026-W48"),
        (["--week", "2026-W48", "repeat", "--db", "z"], "repeat", "z", "2026-W48"),
    ],
)
def test_db_and_week_are_read_before_or_after_the_command(
    argv: list[str], command: str | None, db: str | None, week: str | None
) -> None:
    args = build_parser().parse_args(argv)
    assert args.command == command
    assert args.db == db
    assert (None if args.week is None else str(args.week)) == week


def read(
    parse: Callable[[list[str]], object], argv: list[str], capsys: pytest.CaptureFixture[str]
) -> object:
    try:
        outcome = parse(argv)
    except SystemExit as stop:
        outcome = ("exit", stop.code)
    return outcome, capsys.readouterr()


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--db", "x"],
        ["--d", "x", "--week=2026-W48"],
        ["--db", ""],
        ["--week", "2026-W00"],
        ["--db"],
        ["--bogus"],
        ["--"],
        ["-h"],
        ["--version"],
        ["--db", "x", "show", "--json"],
        ["--week", "2026-W48", "set", "mon=legs"],
    ],
)
def test_a_start_without_a_command_reads_as_the_whole_parser_reads_it(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """parse_arguments skips building the commands' parsers when none is named: the same
    arguments, messages and exit statuses either way."""
    whole = build_parser().parse_args
    assert read(parse_arguments, argv, capsys) == read(whole, argv, capsys)


@pytest.mark.parametrize(
    ("command", "example"),
    [
        ("show", "planner show --week 2026-W48 --json"),
        ("set", "planner set --week 2026-W48 mon=legs"),
        ("export", "planner export --format ics -o training.ics"),
        ("import", "planner import backup.json"),
        ("suggest", "planner suggest push=1 pull=1 legs=1 run=2 --rest-min 1 --pin sat=run"),
        ("template", "planner template apply upper-lower --week 2026-W48"),
        ("copy", "planner copy --from 2026-W40 --week 2026-W48"),
        ("repeat", "planner repeat --week 2026-W47"),
        ("goal", "planner goal hybrid"),
        ("fix", "planner fix --week 2026-W48 --apply"),
    ],
)
def test_each_command_has_help_with_an_example(
    command: str, example: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert example in out
    assert "--db PATH" in out
    if command in ("show", "set", "suggest", "template", "copy", "fix"):
        assert "Sunday to Saturday when weeks start on Sunday" in " ".join(out.split())
