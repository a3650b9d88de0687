"""Where "today" comes from. The App and the CLI receive a clock, so tests pass a fixed one."""

from __future__ import annotations

from typing import Protocol

import pendulum


class Clock(Protocol):
    def today(self) -> pendulum.Date: ...


class SystemClock:
    """The local calendar date of this machine."""

    def today(self) -> pendulum.Date:
        return pendulum.today().date()


class FixedClock:
    """Always the same day: for tests, snapshots and benchmarks."""

    def __init__(self, day: pendulum.Date) -> None:
        self._day = day

    def today(self) -> pendulum.Date:
        return self._day
