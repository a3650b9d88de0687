"""The ``planner`` command: the one composition root.

``main`` parses the arguments with the parser built from :data:`COMMANDS`, one module per
command (its arguments, what it does and what it prints), and runs the command, or the
interactive planner when none is given. Adding a command is one new module here and one
line in :data:`COMMANDS`.

``screens`` (and so Textual) is imported only when the planner itself is opened, so
``--help``, ``--version`` and every command never load Textual.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime

from planner import EXIT_INTERRUPTED, INTERRUPTED
from planner.cli import (
    block,
    checkin,
    completion,
    copy,
    export,
    fix,
    goal,
    import_,
    load,
    log,
    repeat,
    set_,
    show,
    suggest,
    template,
)
from planner.cli.common import CliError, open_knowledge
from planner.cli.files import FileProblem
from planner.cli.options import EXIT_USAGE, Command, top_level_parser
from planner.cli.options import build_parser as _build_parser
from planner.clock import Clock, SystemClock
from planner.locations import PathProblem, resolve_db_path, shown
from planner.store import Store, StoreError
from planner.text_safety import printable

__all__ = ["COMMANDS", "EXIT_USAGE", "CliError", "build_parser", "main"]

COMMANDS: tuple[Command, ...] = (
    show,
    set_,
    log,
    checkin,
    load,
    suggest,
    fix,
    template,
    copy,
    repeat,
    block,
    goal,
    export,
    import_,
    completion,
)


def build_parser() -> argparse.ArgumentParser:
    return _build_parser(COMMANDS)


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments, as :func:`build_parser` reads them. Most starts name no command (the
    planner itself, perhaps with --db or --week): those are read by the top-level options
    alone, since argparse building every command's parser cost the first frame ~4 ms.
    Anything more (a command, help, a mistake) goes to the whole parser, as before."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    args, rest = top_level_parser(add_help=False).parse_known_args(arguments)
    if rest:
        return build_parser().parse_args(arguments)
    args.command = None
    return args


def _run_tui(args: argparse.Namespace, clock: Clock) -> int:
    # Textual and the first frame allocate a great deal that lives as long as the app: the
    # collector would walk it again and again while starting (about a tenth of the time to
    # the first frame). The app collects once, then freezes it, after its first frame.
    gc.disable()
    from screens.app import PlannerApp

    knowledge = open_knowledge()
    try:
        store = Store.open(resolve_db_path(args.db), fallback_read_only=True)
    except StoreError as error:
        raise CliError(str(error)) from None
    with store:
        app = PlannerApp(clock=clock, store=store, knowledge=knowledge, week=args.week)
        try:
            app.run()
        finally:
            app.flush_saves()
        if store.in_conflict:
            raise CliError(_kept_aside(store))
        if app.unsaved:
            raise CliError(f"could not save {', '.join(app.unsaved)}: {app.last_save_error}")
    return app.return_code or 0


def _kept_aside(store: Store) -> str:
    """Quitting with changes kept in memory, because another program wrote the database:
    they go to a new file beside it, never over it, and the message says where."""
    left = store.path
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    try:
        kept = store.save_elsewhere(left.with_name(f"{left.name}.unsaved-{stamp}"))
    except StoreError as error:
        return (
            f"{shown(left)} was changed by another program; your changes since were not "
            f"saved: {error}"
        )
    return (
        f"{shown(left)} was changed by another program while the planner was open; your "
        f"changes since are in {shown(kept)} (open it with --db to see them)"
    )


def main(argv: Sequence[str] | None = None, *, clock: Clock | None = None) -> int:
    """Run ``planner``; ``clock`` says what "the current week" is (tests pass a fixed one)."""
    args = parse_arguments(argv)
    by_name = {command.NAME: command.run for command in COMMANDS}
    run = by_name.get(args.command or "", _run_tui)
    if run is not _run_tui:
        gc.enable()  # off while the `planner` command imports (planner/__main__.py)
    try:
        return run(args, clock or SystemClock())
    except (CliError, FileProblem, PathProblem) as error:
        # Messages quote paths, files and arguments: never send their control characters.
        print(f"planner: {printable(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        # Ctrl-C: the user knows why it stopped. A save it interrupted is whole or not done
        # (planner.store.atomic), so one line is all there is to say.
        print(INTERRUPTED, file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader (e.g. `| head`) left early: not an error, and no traceback at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
