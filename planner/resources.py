"""Shipped read-only data (the checkout's ``data/``), found the same way installed or not.

The wheel carries ``data/`` as ``planner/_data`` (``force-include`` in pyproject.toml), so an
installed planner reads it with ``importlib.resources`` wherever it runs from. An editable
install or a bare checkout has no ``planner/_data``: there the checkout's ``data/`` next to
the package is the same files.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

INSTALLED_DATA = "_data"
CHECKOUT_DATA = Path(__file__).resolve().parents[1] / "data"


def data_file(name: str) -> Traversable:
    """The shipped data file ``name`` (e.g. ``templates.toml``): installed copy first."""
    installed = resources.files("planner").joinpath(INSTALLED_DATA, name)
    if installed.is_file():
        return installed
    checkout = CHECKOUT_DATA / name
    if checkout.is_file():
        return checkout
    raise FileNotFoundError(
        f"planner's data file {name} is missing (looked in {installed} and {checkout}); "
        "reinstall planner"
    )
