"""The command line outside the TUI: help, version and bad input."""

from __future__ import annotations

import pytest

from planner import __version__
from planner.cli import main


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
