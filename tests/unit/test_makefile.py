"""`make run` installs only what the planner needs; `make test` adds the dev tools. Checked
with `make -n` (print the commands, run none), so no environment is built here."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUN_STAMP = ".installed-run"
DEV_STAMP = ".installed-dev"


def planned(target: str, venv: Path) -> list[str]:
    """The commands ``make TARGET`` would run with its environment in ``venv``."""
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    result = subprocess.run(
        [make, "--no-print-directory", "-n", target, f"VENV={venv}"],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=30,
    )  # fmt: skip
    return result.stdout.splitlines()


def installs(commands: list[str]) -> list[str]:
    return [command for command in commands if " -m pip install " in command]


def stamp(venv: Path, *names: str, newer: bool = True) -> None:
    """Stamp files as `make` leaves them: newer than pyproject.toml, or older (it changed)."""
    venv.mkdir(exist_ok=True)
    when = (ROOT / "pyproject.toml").stat().st_mtime + (60 if newer else -60)
    for name in names:
        (venv / name).touch()
        os.utime(venv / name, (when, when))


def test_from_nothing_make_run_installs_no_dev_extras_but_make_test_does(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    commands = planned("run", venv)
    assert any(f"-m venv {venv}" in command for command in commands)
    (install,) = installs(commands)
    assert install.endswith(" -e .")
    assert "[dev]" not in " ".join(commands)
    assert commands[-1].startswith(f"{venv}/bin/planner")
    assert not venv.exists()

    (install,) = installs(planned("test", venv))
    assert install.endswith(" -e '.[dev]'")
    assert not venv.exists()


def test_make_test_after_make_run_still_adds_the_dev_tools(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    stamp(venv, RUN_STAMP)
    (install,) = installs(planned("test", venv))
    assert install.endswith(" -e '.[dev]'")
    assert installs(planned("run", venv)) == []


def test_each_target_reinstalls_when_pyproject_changes(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    stamp(venv, RUN_STAMP, DEV_STAMP)
    assert installs(planned("run", venv)) == []
    assert installs(planned("test", venv)) == []
    stamp(venv, RUN_STAMP, DEV_STAMP, newer=False)
    (run_install,) = installs(planned("run", venv))
    assert run_install.endswith(" -e .")
    (test_install,) = installs(planned("test", venv))
    assert test_install.endswith(" -e '.[dev]'")
