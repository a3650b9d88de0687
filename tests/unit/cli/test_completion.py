"""``planner completion SHELL``: scripts generated from the real parser, and the bash one
run through bash's own completion machinery."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import shtab

from planner.cli import COMMANDS
from planner.cli.completion import SHELLS
from tests.helpers import run_cli

NAMES = [command.NAME for command in COMMANDS]


def test_the_shells_are_those_shtab_supports() -> None:
    assert set(SHELLS) == set(shtab.SUPPORTED_SHELLS)


@pytest.mark.parametrize("shell", SHELLS)
def test_each_shell_gets_a_script_naming_every_command(
    shell: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "nowhere" / "planner.json"
    outcome = run_cli(["completion", shell, "--db", str(db)], capsys)
    assert outcome.code == 0, outcome
    assert outcome.err == ""
    for name in NAMES:
        assert name in outcome.out
    assert not db.parent.exists()  # the database is neither opened nor created


def test_an_unknown_shell_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_cli(["completion", "csh"], capsys)
    assert outcome.code == 2
    assert "invalid choice: 'csh'" in outcome.err


def test_the_bash_script_lists_fixed_choices_and_file_options(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run_cli(["completion", "bash"], capsys).out
    assert "_shtab_planner_export___format_choices=(ics json md)" in out
    assert "_shtab_planner_goal_pos_0_choices=(general muscle strength endurance hybrid)" in out
    assert f"_shtab_planner_completion_pos_0_choices=({' '.join(SHELLS)})" in out
    assert "_shtab_planner_import_pos_0_COMPGEN=_shtab_compgen_files" in out
    assert "_shtab_planner___db_COMPGEN=_shtab_compgen_files" in out


def bash_completes(script: Path, line: str, cwd: Path) -> list[str]:
    """What bash offers for ``line`` (the cursor at its end), through the function that
    ``complete -p planner`` registers, as bash calls it when tab is pressed."""
    words = line.split(" ")
    program = f"""
        source {shlex.quote(str(script))}
        spec=$(complete -p planner) || exit 3
        function=$(sed -E 's/.* -F ([^ ]+) .*/\\1/' <<< "$spec")
        COMP_LINE={shlex.quote(line)}
        COMP_POINT=${{#COMP_LINE}}
        COMP_WORDS=({" ".join(shlex.quote(word) for word in words)})
        COMP_CWORD={len(words) - 1}
        "$function" planner {shlex.quote(words[-1])} {shlex.quote(words[-2])}
        printf '%s\\n' "${{COMPREPLY[@]}}"
    """
    bash = shutil.which("bash")
    assert bash is not None
    result = subprocess.run(
        [bash, "--norc", "--noprofile", "-c", program],
        capture_output=True, text=True, timeout=30, cwd=cwd, check=True,
    )  # fmt: skip
    return sorted(word.strip() for word in result.stdout.splitlines() if word.strip())


@pytest.fixture
def bash_script(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    script = tmp_path / "planner.bash"
    script.write_text(run_cli(["completion", "bash"], capsys).out)
    return script


@pytest.mark.parametrize(
    ("line", "offered"),
    [
        ("planner sh", ["show"]),
        ("planner ex", ["export"]),
        ("planner ", sorted(NAMES)),
        ("planner export --format ", ["ics", "json", "md"]),
        ("planner export --f", ["--format", "--from"]),
        ("planner completion ", sorted(SHELLS)),
        ("planner completion z", ["zsh"]),
        ("planner template ", ["apply", "list"]),
        ("planner show --j", ["--json"]),
        ("planner import back", ["backup.json"]),
        ("planner export -o tr", ["training.ics"]),
    ],
)
def test_bash_completes_commands_options_and_choices(
    bash_script: Path, tmp_path: Path, line: str, offered: list[str]
) -> None:
    for name in ("backup.json", "training.ics"):
        (tmp_path / name).write_text("")
    assert bash_completes(bash_script, line, tmp_path) == offered
