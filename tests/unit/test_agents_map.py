"""AGENTS.md lists every module of the planner's packages, each under its package's bullet,
and names no module that is not there."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("planner", "rules", "screens")


def listed() -> set[str]:
    """``package/module.py`` for each module named in a package's bullet of AGENTS.md."""
    text = (ROOT / "AGENTS.md").read_text()
    section = text.split("- Where things are", 1)[1].split("\n- A feature that crosses", 1)[0]
    modules: set[str] = set()
    for bullet in re.split(r"\n  - ", section)[1:]:
        package = re.match(r"`([\w/]+)/`", bullet)
        if package is not None:
            names = re.findall(r"`(\w+\.py)`", bullet)
            modules |= {f"{package.group(1)}/{name}" for name in names}
    return modules


def in_the_tree() -> set[str]:
    return {
        str(path.relative_to(ROOT))
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if path.name != "__init__.py"
    }


def test_agents_md_lists_every_module_and_no_other() -> None:
    modules = listed()
    assert in_the_tree() - modules == set(), "modules missing from AGENTS.md"
    assert modules - in_the_tree() == set(), "AGENTS.md names modules that do not exist"
