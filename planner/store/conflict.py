"""Edits a store could not save because another program wrote the database under it.

That happens only when the lock file was removed while the store held it (a tmp cleaner, a
sync tool, a user), so a second planner or a command could take the database too. The store
then never writes over what it did not read (planner.store.atomic); it keeps each refused
edit here as what it changed: the days, the day logs and the settings that differ from the
data the store last read. Replaying them on the file as it is now (a merge) keeps both
sides' changes, day by day; where both changed the same day, the edit kept here wins, since
the user made it looking at the screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from planner.block import BlockWeek
from planner.log import EMPTY_LOG, DayLog
from planner.plan import Settings
from planner.store import blocks as blockbook
from planner.store import format as fmt
from planner.store import logs as logbook
from planner.store.atomic import Tables
from planner.weeks import IsoWeek, UnsupportedDay, stored_week
from rules import PlannedDay

DayChanges = dict[IsoWeek, dict[int, PlannedDay]]
LogChanges = dict[IsoWeek, dict[int, DayLog]]
# A week's block mark; None takes it out of any block.
BlockChanges = dict[IsoWeek, BlockWeek | None]


def group_by_week(days: Iterable[tuple[date, PlannedDay]]) -> DayChanges:
    """Dated days by ISO week and weekday; a later day for the same date wins. A day outside
    the supported weeks may only be left unplanned (UnsupportedDay otherwise)."""
    changes: DayChanges = {}
    for day, new in days:
        week = stored_week(day)
        if week is None:
            if new.is_planned:
                raise UnsupportedDay(day)
            continue
        changes.setdefault(week, {})[day.weekday()] = new
    return changes


def logs_by_week(logs: Mapping[date, DayLog]) -> LogChanges:
    """Day logs by ISO week and weekday; a day outside the supported weeks may not be
    logged (UnsupportedDay)."""
    changes: LogChanges = {}
    for day, log in logs.items():
        week = stored_week(day)
        if week is None:
            raise UnsupportedDay(day)
        changes.setdefault(week, {})[day.weekday()] = log
    return changes


def stored_days(tables: Tables, week: IsoWeek) -> dict[int, PlannedDay]:
    return fmt.days_of(tables.get(fmt.WEEKS, {}).get(str(fmt.week_doc_id(week))))


def stored_logs(tables: Tables, week: IsoWeek) -> dict[int, DayLog]:
    return logbook.entries(tables.get(fmt.LOGS, {}).get(str(fmt.week_doc_id(week))))


def stored_settings(tables: Tables) -> Settings:
    return fmt.settings_from(tables.get(fmt.SETTINGS, {}).get(str(fmt.SETTINGS_ID)))


@dataclass
class Unsaved:
    """The refused edits, as changes against the data the store last read (``base``)."""

    days: DayChanges = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    logs: LogChanges = field(default_factory=dict)
    blocks: BlockChanges = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.days or self.settings or self.logs or self.blocks)

    @property
    def weeks(self) -> list[IsoWeek]:
        return sorted(set(self.days) | set(self.logs) | set(self.blocks))

    def add_blocks(self, base: Tables, changes: Mapping[IsoWeek, BlockWeek | None]) -> None:
        """Keep each block mark that differs from ``base``."""
        for week, mark in changes.items():
            stored = blockbook.decode(base.get(fmt.BLOCKS, {}).get(str(fmt.week_doc_id(week))))
            if mark == stored:
                self.blocks.pop(week, None)
            else:
                self.blocks[week] = mark

    def add_logs(self, base: Tables, changes: Mapping[IsoWeek, Mapping[int, DayLog]]) -> None:
        """Keep each day log that differs from ``base``."""
        for week, changed in changes.items():
            stored = stored_logs(base, week)
            kept = self.logs.setdefault(week, {})
            for weekday, new in changed.items():
                if new == stored.get(weekday, EMPTY_LOG):
                    kept.pop(weekday, None)
                else:
                    kept[weekday] = new
            if not kept:
                del self.logs[week]

    def add_days(self, base: Tables, changes: Mapping[IsoWeek, Mapping[int, PlannedDay]]) -> None:
        """Keep each day that differs from ``base``; a day edited back to it is no change."""
        for week, changed in changes.items():
            stored = stored_days(base, week)
            kept = self.days.setdefault(week, {})
            for weekday, new in changed.items():
                if new == stored.get(weekday, PlannedDay.UNPLANNED):
                    kept.pop(weekday, None)
                else:
                    kept[weekday] = new
            if not kept:
                del self.days[week]

    def add_settings(self, base: Tables, settings: Settings) -> None:
        before = stored_settings(base)
        for each in fields(Settings):
            value = getattr(settings, each.name)
            if value == getattr(before, each.name):
                self.settings.pop(each.name, None)
            else:
                self.settings[each.name] = value

    def settings_on(self, settings: Settings) -> Settings:
        return replace(settings, **self.settings)

    def clear(self) -> None:
        self.days.clear()
        self.settings.clear()
        self.logs.clear()
        self.blocks.clear()
