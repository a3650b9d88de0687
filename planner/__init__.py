"""planner: the core of the training-week planner (weeks, dates, storage, CLI). No Textual."""

__version__ = "0.1.0"

# Ctrl-C on any command: this one line on stderr and the shell's status for SIGINT (128 + 2).
# Here, not in planner.cli, so an interrupt while the command is still importing says it too.
INTERRUPTED = "planner: interrupted"
EXIT_INTERRUPTED = 130
