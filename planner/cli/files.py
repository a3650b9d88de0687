"""Files the commands read and write, with one-line errors the user can act on.

An output file is written whole or not at all (temporary file, fsync, rename), so a failed
export never leaves half a calendar behind.
"""

from __future__ import annotations

import errno
import sys

from planner.locations import PathProblem, user_path
from planner.store.atomic import (
    FileTooLarge,
    NotRegularFile,
    fsync_dir,
    read_regular,
    write_replace,
)
from planner.store.errors import os_reason

STDIO = "-"
# What a file the user names may hold: far above any real export (ten years of weeks is
# under 100 KiB), and a bound, so a huge file or a stream without end cannot fill the memory.
READ_LIMIT = 64 * 2**20


class FileProblem(Exception):
    """Reading or writing a file the user named failed; ``str()`` is the message."""


def display_name(name: str) -> str:
    """How messages name the file ``name``."""
    return "standard input" if name == STDIO else name


def read_text(name: str) -> str:
    """The UTF-8 text of the regular file ``name``, or of standard input for ``-``, up to
    :data:`READ_LIMIT` bytes: a link to /dev/zero or a named pipe is refused, not read."""
    try:
        payload = _read_stdin() if name == STDIO else read_regular(user_path(name), READ_LIMIT)
        return payload.decode("utf-8")
    except PathProblem as problem:
        raise FileProblem(str(problem)) from None
    except UnicodeDecodeError:
        raise FileProblem(
            f"{display_name(name)} is not UTF-8 text; give a planner export file"
        ) from None
    except (NotRegularFile, FileTooLarge) as error:
        raise FileProblem(
            f"cannot read {display_name(name)}: {error}; give a planner export file, "
            "or - for standard input"
        ) from None
    except OSError as error:
        raise FileProblem(
            f"cannot read {display_name(name)}: {os_reason(error)}; check the path"
        ) from None


def _read_stdin() -> bytes:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        payload: bytes = buffer.read(READ_LIMIT + 1)
    else:  # replaced by a text stream (tests, embedding)
        payload = sys.stdin.read(READ_LIMIT + 1).encode("utf-8")
    if len(payload) > READ_LIMIT:
        raise FileTooLarge(f"it is larger than {READ_LIMIT // 2**20} MiB")
    return payload


def write_output(name: str | None, payload: bytes | bytearray) -> None:
    """Write ``payload`` to the file ``name`` atomically, or to standard output for None/``-``."""
    if name is None or name == STDIO:
        _write_stdout(payload)
        return
    try:
        path = user_path(name)
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        write_replace(path.absolute(), payload, keep_backup=False)
        fsync_dir(path.absolute().parent)
    except PathProblem as problem:
        raise FileProblem(str(problem)) from None
    except OSError as error:
        raise FileProblem(
            f"cannot write {name}: {os_reason(error)}; choose another file with -o"
        ) from None


def _write_stdout(payload: bytes | bytearray) -> None:
    # Bytes, not text: the calendar's CRLF line ends must reach the file unchanged.
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(payload.decode("utf-8"))
        return
    sys.stdout.flush()
    buffer.write(payload)
    buffer.flush()
