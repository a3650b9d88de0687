"""``python -m planner`` and the ``planner`` command (pyproject.toml's console script)."""

import gc
import sys


def main() -> int:
    # The collector would walk what the imports allocate (Textual, the rules) again and again
    # before the first frame: off until planner.cli turns it back on (a command) or the app
    # does after its first frame.
    gc.disable()
    try:
        from planner.cli import main as run

        return run()
    except KeyboardInterrupt:  # while importing; planner.cli says it for the command itself
        from planner import EXIT_INTERRUPTED, INTERRUPTED

        print(INTERRUPTED, file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
