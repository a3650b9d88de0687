"""Files the commands read and write, with one-line errors the user can act on.

An output file is written whole or not at all (temporary file, fsync, rename), so a failed
export never leaves half a calendar behind.
"""

from __future__ import annotations

import errno
import sys
from pathlib import Path

from planner.store.atomic import fsync_dir, write_replace
from planner.store.errors import os_reason

STDIO = "-"


class FileProblem(Exception):
    """Reading or writing a file the user named failed; ``str()`` is the message."""


def display_name(name: str) -> str:
    """How messages name the file ``name``."""
    return "standard input" if name == STDIO else name


def read_text(name: str) -> str:
    """The UTF-8 text of the file ``name``, or of standard input for ``-``."""
    try:
        if name == STDIO:
            return sys.stdin.read()
        return Path(name).expanduser().read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise FileProblem(
            f"{display_name(name)} is not UTF-8 text; give a planner export file"
        ) from None
    except OSError as error:
        raise FileProblem(
            f"cannot read {display_name(name)}: {os_reason(error)}; check the path"
        ) from None


def write_output(name: str | None, payload: bytes) -> None:
    """Write ``payload`` to the file ``name`` atomically, or to standard output for None/``-``."""
    if name is None or name == STDIO:
        _write_stdout(payload)
        return
    path = Path(name).expanduser()
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        write_replace(path.absolute(), payload, keep_backup=False)
        fsync_dir(path.absolute().parent)
    except OSError as error:
        raise FileProblem(
            f"cannot write {name}: {os_reason(error)}; choose another file with -o"
        ) from None


def _write_stdout(payload: bytes) -> None:
    # Bytes, not text: the calendar's CRLF line ends must reach the file unchanged.
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(payload.decode("utf-8"))
        return
    sys.stdout.flush()
    buffer.write(payload)
    buffer.flush()
