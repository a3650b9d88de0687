"""planner/ and rules/ must never load Textual or screens (the core is UI-free by contract)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

CHECK = textwrap.dedent(
    """
    import importlib, pkgutil, sys
    for package_name in ("planner", "rules"):
        package = importlib.import_module(package_name)
        for info in pkgutil.walk_packages(package.__path__, package_name + "."):
            if info.name != "planner.__main__":
                importlib.import_module(info.name)
    loaded = sorted(n for n in sys.modules if n.split(".")[0] in ("textual", "screens"))
    print(",".join(loaded))
    """
)


def run_fresh(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return result.stdout.strip()


def test_core_packages_do_not_import_textual_or_screens() -> None:
    assert run_fresh(CHECK) == ""


@pytest.mark.parametrize("argv", [["--version"], ["--help"]])
def test_help_and_version_do_not_import_textual(argv: list[str]) -> None:
    code = textwrap.dedent(
        f"""
        import contextlib, io, sys
        from planner.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            try:
                main({argv!r})
            except SystemExit:
                pass
        print(",".join(n for n in sys.modules if n.split(".")[0] in ("textual", "screens")))
        """
    )
    assert run_fresh(code) == ""
