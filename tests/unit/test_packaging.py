"""The built wheel works from outside the checkout: packages, data files and console script."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from planner import __version__

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_installed_wheel_runs_from_outside_the_checkout(tmp_path: Path) -> None:
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "-w", str(wheel_dir), str(ROOT)],
        check=True, timeout=300,
    )  # fmt: skip
    (wheel,) = wheel_dir.glob("planner-*.whl")

    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / "bin"
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet",
         "--disable-pip-version-check", str(wheel)],
        check=True, timeout=600,
    )  # fmt: skip

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    result = subprocess.run(
        [str(bin_dir / "planner"), "--version"],
        cwd=outside, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert result.stdout.strip() == f"planner {__version__}"

    # The installed screens find their stylesheets, so the UI can start from anywhere.
    # ... and the JSON Schema of the documents it prints ships beside the code writing them.
    probe = (
        "import importlib.resources as r, planner, rules, screens;"
        "print(r.files('screens').joinpath('week_screen.tcss').is_file());"
        "print(r.files('planner.export').joinpath('schema.json').is_file())"
    )
    result = subprocess.run(
        [str(bin_dir / "python"), "-c", probe],
        cwd=outside, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert result.stdout.split() == ["True", "True"]

    # Shipped data (data/ -> planner/_data) is read from the installed package, not from a
    # checkout: outside the checkout there is none to fall back to.
    probe = (
        "from planner.resources import data_file; from planner.templates import load_templates;"
        "print(data_file('templates.toml')); print(len(load_templates()))"
    )
    result = subprocess.run(
        [str(bin_dir / "python"), "-c", probe],
        cwd=outside, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    location, count = result.stdout.split()
    assert Path(location).is_relative_to(env_dir)
    assert Path(location).parts[-3:] == ("planner", "_data", "templates.toml")
    assert int(count) >= 1
