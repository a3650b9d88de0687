"""planner: the core of the training-week planner (weeks, dates, storage, CLI). No Textual."""

__version__ = "0.1.0"
