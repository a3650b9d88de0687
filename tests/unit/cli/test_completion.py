"""``planner completion SHELL``: scripts generated from the real parser, and the bash one
run through bash's own completion machinery."""

from __future__ import annotations

import re
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
LIFTS = sorted(["light", "moderate", "heavy"])
RUN_WORDS = sorted(["run", "run:easy", "run:long", "run:tempo", "run:intervals"])
LIFT_WORDS = [
    f"{kind}{f':{i}' if i else ''}" for kind in ("push", "pull", "legs") for i in ["", *LIFTS]
]
SESSION_WORDS = sorted([*LIFT_WORDS, *RUN_WORDS])


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


def bash_words(line: str) -> list[str]:
    """COMP_WORDS as bash makes them: split at spaces, and at '=' and ':' (in bash's
    COMP_WORDBREAKS), which are words of their own."""
    return [piece for part in line.split(" ") for piece in re.findall(r"[=:]|[^=:]+", part) or [""]]


def bash_completes(script: Path, line: str, cwd: Path) -> list[str]:
    """What bash offers for ``line`` (the cursor at its end), through the function that
    ``complete -p planner`` registers, as bash calls it when tab is pressed."""
    words = bash_words(line)
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
        # Words argparse has no choices for: template ids, days and what they hold.
        ("planner template apply upper", ["upper-lower", "upper-lower-run", "upper-lower-split"]),
        ("planner template apply hybrid-t", ["hybrid-three-runs", "hybrid-two-runs"]),
        ("planner set ", [f"{day}=" for day in ("fri", "mon", "sat", "sun", "thu", "tue", "wed")]),
        ("planner set t", ["thu=", "tue="]),
        ("planner set mo", ["mon="]),
        ("planner set --week 2026-W48 mon=legs tu", ["tue="]),
        ("planner set sun=", sorted(["-", *SESSION_WORDS, "rest"])),
        ("planner set mon=le", ["legs", "legs:heavy", "legs:light", "legs:moderate"]),
        ("planner set mon=legs:", ["heavy", "light", "moderate"]),
        ("planner set mon=legs:h", ["heavy"]),
        ("planner set mon=legs:heavy+r", [f"heavy+{w}" for w in RUN_WORDS]),
        ("planner set mon=legs:heavy+run:t", ["tempo"]),
        (
            "planner set tue=push,p",
            [
                "push,pull",
                *(f"push,pull:{i}" for i in LIFTS),
                "push,push",
                *(f"push,push:{i}" for i in LIFTS),
            ],
        ),
        ("planner suggest ", sorted(f"{word}=" for word in SESSION_WORDS)),
        ("planner suggest legs:", [f"{i}=" for i in LIFTS]),
        ("planner suggest run=2 ru", sorted(f"{word}=" for word in RUN_WORDS)),
        ("planner suggest run=2 --pin sa", ["sat="]),
        ("planner suggest run=2 --pin sat=", sorted([*SESSION_WORDS, "rest"])),
        ("planner suggest run=2 --pin sat=run:l", ["long"]),
        ("planner suggest --pin sat=run:long run:l", ["long="]),
    ],
)
def test_bash_completes_commands_options_and_choices(
    bash_script: Path, tmp_path: Path, line: str, offered: list[str]
) -> None:
    for name in ("backup.json", "training.ics"):
        (tmp_path / name).write_text("")
    assert bash_completes(bash_script, line, tmp_path) == offered
