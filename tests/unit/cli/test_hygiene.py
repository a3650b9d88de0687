"""The commands never load Textual: they must start fast and work without a terminal UI."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

COMMANDS = [
    ["show"],
    ["show", "--json"],
    ["set", "mon=legs"],
    ["set", "mon=swim"],
    ["export", "--format", "json"],
    ["export", "--format", "md"],
    ["export", "--format", "ics"],
    ["import", "{tmp}/export.json"],
    ["show", "--help"],
    ["suggest", "push=1", "pull=1", "legs=1", "run=2", "--pin", "sat=run"],
    ["suggest", "run=2", "--json", "--apply"],
    ["suggest", "rest=2"],
    ["suggest", "--help"],
    ["template", "list"],
    ["template", "apply", "upper-lower"],
    ["template", "apply", "--help"],
    ["copy", "--from", "2026-W01"],
    ["repeat", "--week", "2026-W01"],
    ["repeat"],
    ["repeat", "--off"],
    ["goal"],
    ["goal", "muscle"],
    ["fix"],
    ["fix", "--apply"],
    ["completion", "bash"],
    ["completion", "zsh"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_commands_do_not_import_textual_or_screens(tmp_path: Path, argv: list[str]) -> None:
    (tmp_path / "export.json").write_text('{"format": "planner-export", "version": 1, "weeks": []}')
    argv = [arg.replace("{tmp}", str(tmp_path)) for arg in argv]
    code = textwrap.dedent(
        f"""
        import contextlib, io, sys
        from planner.cli import main
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                main({[*argv, "--db", str(tmp_path / "planner.json")]!r})
            except SystemExit:
                pass
        print(",".join(n for n in sys.modules if n.split(".")[0] in ("textual", "screens")))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
