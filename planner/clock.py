"""Where "today" and "now" come from. The App and the CLI receive a clock, so tests pass a
fixed one."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Protocol

import pendulum


class Clock(Protocol):
    def today(self) -> pendulum.Date: ...

    def now(self) -> datetime:
        """This moment, in UTC."""
        ...


class SystemClock:
    """The local calendar date of this machine, and the time."""

    def today(self) -> pendulum.Date:
        return pendulum.today().date()

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """Always the same day (and moment: its start, in UTC, unless given): for tests,
    snapshots and benchmarks."""

    def __init__(self, day: pendulum.Date, at: datetime | None = None) -> None:
        self._day = day
        self._at = at or datetime.combine(day, time(), tzinfo=UTC)

    def today(self) -> pendulum.Date:
        return self._day

    def now(self) -> datetime:
        return self._at
