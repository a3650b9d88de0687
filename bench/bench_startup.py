"""Startup to first frame, as a user sees it: the planner against a hello-world Textual app.

Each sample starts a fresh process in a pseudo-terminal of 120x36, the real ``planner``
command included (interpreter start, imports, opening the database), and ends when the
terminal receives the first frame of its main screen: a word that only that frame shows.
Shutting down is not startup: the process is then told to quit, outside the sample.
Reported as a ratio; goal <= 1.25x.

Bytecode is cached, as for a user (pip compiles an installed package): the first, unmeasured
run of each app writes it to a folder of its own, whatever PYTHONDONTWRITEBYTECODE says.
With it set, every sample would compile the planner's own ~70 modules from source, while
the hello-world app, all in site-packages, compiles nothing. That first run also leaves the
parsed shipped rules in the user's cache folder, as a user's first start does (rules/loader.py).

This machine's speed drifts and other work shares its CPU: run it several times, and trust a
ratio only from samples taken together.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import textwrap
import time
from pathlib import Path

from bench.fixtures import fill_ten_years
from bench.stats import describe

RUNS = 15
SIZE = (120, 36)

HELLO = textwrap.dedent(
    """
    from textual.app import App
    from textual.widgets import Static

    class Hello(App[None]):
        def compose(self):
            yield Static("Hello, world")

    Hello().run()
    """
)
HELLO_SEEN = b"Hello"
# The readiness legend is drawn only on the week screen, in bold: sent as one word.
PLANNER_SEEN = b"Readiness"


def environment(home: str) -> dict[str, str]:
    """The samples' environment: a fresh home, a true-colour terminal, bytecode cached."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env |= {"HOME": home, "XDG_DATA_HOME": home, "XDG_CONFIG_HOME": home}
    env |= {"PYTHONPYCACHEPREFIX": str(Path(home) / "bytecode")}
    return env | {"TERM": "xterm-256color", "COLORTERM": "truecolor"}


def _time(argv: list[str], seen: bytes, env: dict[str, str]) -> float:
    """Seconds from starting ``argv`` in a pseudo-terminal until ``seen`` is printed."""
    controller, terminal = os.openpty()
    columns, lines = SIZE
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    start = time.perf_counter()
    child = subprocess.Popen(
        argv, stdin=terminal, stdout=terminal, stderr=terminal, env=env, start_new_session=True
    )
    os.close(terminal)
    output = b""
    try:
        while seen not in output:
            ready, _, _ = select.select([controller], [], [], 30)
            if not ready:
                raise RuntimeError(f"{argv} showed no {seen!r} within 30 s: {output[-300:]!r}")
            output += os.read(controller, 65536)
        elapsed = time.perf_counter() - start
    finally:
        child.send_signal(signal.SIGTERM)  # the planner saves and quits; hello just ends
        while select.select([controller], [], [], 5)[0]:
            try:
                if not os.read(controller, 65536):
                    break
            except OSError:  # the terminal closed with the process
                break
        child.wait(timeout=30)
        os.close(controller)
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        empty = str(Path(tmp) / "planner.json")
        full = Path(tmp) / "ten-years.json"
        fill_ten_years(full)
        hello_argv = [sys.executable, "-c", HELLO]

        def planner(db: str) -> list[str]:
            return [sys.executable, "-m", "planner", "--db", db]

        env = environment(tmp)
        _time(hello_argv, HELLO_SEEN, env)  # warm the OS file cache and write the bytecode
        _time(planner(empty), PLANNER_SEEN, env)
        hello: list[float] = []
        planner_empty: list[float] = []
        planner_full: list[float] = []
        for _ in range(RUNS):  # interleaved, so machine noise hits all alike
            hello.append(_time(hello_argv, HELLO_SEEN, env))
            planner_empty.append(_time(planner(empty), PLANNER_SEEN, env))
            planner_full.append(_time(planner(str(full)), PLANNER_SEEN, env))
    print(describe("hello-world Textual app", hello))
    print(describe("planner, empty database", planner_empty))
    print(describe("planner, 520 weeks stored", planner_full))
    for label, samples in (("empty", planner_empty), ("520 weeks", planner_full)):
        ratio = statistics.median(samples) / statistics.median(hello)
        # Each sample over the hello-world sample taken just before it: the machine's drift
        # over the whole run cancels out.
        paired = statistics.median(p / h for p, h in zip(samples, hello, strict=True))
        print(
            f"ratio planner ({label}) / hello-world: {ratio:.2f}x, "
            f"paired {paired:.2f}x (goal <= 1.25x)"
        )
