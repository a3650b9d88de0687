"""Where the planner keeps the user's data: ``--db`` wins, then ``PLANNER_DB``, then the
platform's user data directory (e.g. ``~/.local/share/planner/planner.json`` on Linux)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "planner"
DB_ENV = "PLANNER_DB"


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "planner.json"


def resolve_db_path(cli_value: str | None) -> Path:
    """``--db`` (the command line refuses an empty one), else ``PLANNER_DB`` unless it is
    empty (``PLANNER_DB=`` means "not set", as usual for environment variables), else the
    default."""
    if cli_value is not None:
        return Path(cli_value).expanduser()
    env_value = os.environ.get(DB_ENV)
    if env_value:
        return Path(env_value).expanduser()
    return default_db_path()


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """What can be made again from shipped files (the parsed rules): never user data."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def shown(path: Path) -> str:
    """A path as the user should read it: under the home folder as ``~/...``."""
    try:
        return f"~/{path.relative_to(Path.home())}"
    except ValueError:
        return str(path)
