"""Where the planner keeps the user's data: ``--db`` wins, then ``PLANNER_DB``, then the
platform's user data directory (e.g. ``~/.local/share/planner/planner.json`` on Linux).

Every path the user gives (``--db``, ``PLANNER_DB``, an import file, ``-o``) goes through
:func:`user_path`, and folders are made by :func:`make_folders`, so ``~nosuchuser`` and a
path thousands of folders deep are one line for the user, never a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "planner"
DB_ENV = "PLANNER_DB"


class PathProblem(ValueError):
    """A path the user gave cannot be used as written; ``str()`` is the one-line message."""


def user_path(text: str | os.PathLike[str]) -> Path:
    """``text`` with ``~`` and ``~user`` expanded. PathProblem for a user the system does not
    know (pathlib says RuntimeError, 'Could not determine home directory')."""
    path = Path(text)
    try:
        return path.expanduser()
    except RuntimeError:
        head = path.parts[0] if path.parts else str(text)
        raise PathProblem(
            f"cannot use the path {text}: {head}: no such user; check the name after ~, "
            "or give the full path"
        ) from None


def make_folders(folder: Path) -> None:
    """``mkdir -p`` one folder at a time: pathlib's ``mkdir(parents=True)`` recurses once per
    missing folder, so a path 1,100 folders deep (still under PATH_MAX) raised RecursionError.
    OSError as ``mkdir`` raises it."""
    missing = []
    while not folder.is_dir():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for each in reversed(missing):
        try:
            each.mkdir()
        except FileExistsError:
            if not each.is_dir():
                raise


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "planner.json"


def resolve_db_path(cli_value: str | None) -> Path:
    """``--db`` (the command line refuses an empty one), else ``PLANNER_DB`` unless it is
    empty (``PLANNER_DB=`` means "not set", as usual for environment variables), else the
    default."""
    if cli_value is not None:
        return user_path(cli_value)
    env_value = os.environ.get(DB_ENV)
    if env_value:
        return user_path(env_value)
    return default_db_path()


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path | None:
    """What can be made again from shipped files (the parsed rules): never user data. None
    when the platform cannot say where it is: a cache that fails means no cache."""
    try:
        return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    except (OSError, RuntimeError, ValueError):
        return None


def shown(path: Path) -> str:
    """A path as the user should read it: under the home folder as ``~/...``."""
    try:
        return f"~/{path.relative_to(Path.home())}"
    except ValueError:
        return str(path)
