"""Files the commands read and write, with one-line errors the user can act on.

An output file is written whole or not at all (temporary file, fsync, rename), so a failed
export never leaves half a calendar behind; what is not a regular file (a device, a named
pipe) is written into, never replaced.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from planner.locations import PathProblem, user_path
from planner.store.atomic import (
    FileTooLarge,
    NotRegularFile,
    Payload,
    fsync_dir,
    read_regular,
    write_all,
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


def write_output(name: str | None, payload: Payload) -> None:
    """Write ``payload`` (bytes, or chunks of them) into what the file ``name`` is, or to
    standard output for None/``-``: a regular file (or a new one) atomically, a symlink's
    target (the link stays), a device or a named pipe by plain writing (a rename would
    replace the node itself: /dev/null, when run as root). A directory is refused."""
    if name is None or name == STDIO:
        _write_stdout(payload)
        return
    try:
        # The file a link points to, through every link: that is what the user means.
        target = Path(os.path.realpath(user_path(name)))
        try:
            mode: int | None = os.stat(target).st_mode
        except FileNotFoundError:
            mode = None
        if mode is None or stat.S_ISREG(mode):
            write_replace(target, payload, keep_backup=False)
            fsync_dir(target.parent)
        elif stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        else:
            fd = os.open(target, os.O_WRONLY | getattr(os, "O_BINARY", 0))
            try:
                write_all(fd, payload)
            finally:
                os.close(fd)
    except PathProblem as problem:
        raise FileProblem(str(problem)) from None
    except OSError as error:
        raise FileProblem(
            f"cannot write {name}: {os_reason(error)}; choose another file with -o"
        ) from None


def _write_stdout(payload: Payload) -> None:
    # Bytes, not text: the calendar's CRLF line ends must reach the file unchanged.
    chunks = (payload,) if isinstance(payload, bytes | bytearray) else payload
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        for chunk in chunks:
            sys.stdout.write(bytes(chunk).decode("utf-8"))
        return
    sys.stdout.flush()
    for chunk in chunks:
        buffer.write(chunk)
    buffer.flush()
