"""The JSON export: every stored week and the settings, in a file ``planner import`` reads back.

::

    {"format": "planner-export", "version": 2,
     "settings": {"first_weekday": "monday"},
     "weeks": [{"week": "2026-W48", "days": {
         "mon": {"sessions": [{"kind": "legs", "intensity": "heavy"},
                              {"kind": "run", "type": "easy"}],
                 "rest": false, "together": false},
         "wed": {"sessions": [], "rest": true}}}]}

Weeks are ISO weeks and days ISO ``mon``..``sun`` whatever the first-weekday setting;
unplanned days are left out. Version 3 adds each week's training log, ``"log"``, by day:
what was done (``"done"``, a day as below), ``"rpe"`` and ``"minutes"`` per done session
(null when not given), and the check-in (``"sore"``: family -> mild, sore or very;
``"sleep"``, ``"energy"``: 1-5), each key there only when given; a week may then have a log
and no planned day. An export without any log is written as version 2, which older planners
read. Version 4 adds the training blocks' marks (planner.block), ``"blocks"``, before
``"weeks"``: one object per week in a block, as the store keeps it (``{"week": "2026-W53",
"block": "2026-W50", "number": 4, "weeks": 4, "deload": true}``); an export without any
block is written as version 3 (or 2), as before blocks. A day is the object
:func:`day_json` writes (``planner show --json`` uses it too): every session names its
intensity or type, defaults included, and ``together`` is there for two sessions only.
Version 1 files, whose days are activity words (``"legs"``), are read as one session at its
defaults. Reading checks the whole file before anything is written, and says where the
first problem is.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from planner.block import BlockWeek
from planner.days import (
    DAYS_IN_WEEK,
    WEEKDAY_KEYS,
    UnknownName,
    day_words,
    parse_activity,
    parse_session,
    parse_weekday,
)
from planner.log import DayLog
from planner.plan import Settings, WeekPlan
from planner.store import blocks as blockbook
from planner.store import format as fmt
from planner.store import logs as logbook
from planner.text_safety import printable
from planner.weeks import FirstWeekday, IsoWeek, WeekError
from rules import MAX_SESSIONS, Activity, DayError, PlannedDay, Session

FORMAT = "planner-export"
VERSION = 4
# The versions an export without any block, and without any log either, is written as:
# what the planners before blocks, and before logs, read.
VERSION_WITHOUT_BLOCKS = 3
VERSION_WITHOUT_LOGS = 2
_TOP_KEYS = frozenset({"format", "version", "settings", "blocks", "weeks"})
_WEEK_KEYS = frozenset({"week", "days", "log"})
_HOW_TO_MAKE = "give a file written by 'planner export --format json'"


class TransferError(ValueError):
    """The file is not an export this planner can read; ``str()`` says where and why.

    Messages quote the file's own strings, so their control characters are escaped here: a
    crafted file cannot send escape sequences to the terminal."""

    def __init__(self, message: str) -> None:
        super().__init__(printable(message))


class _RepeatedKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object with each key once; json.loads would keep the last of two silently."""
    document = dict(pairs)
    if len(document) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _RepeatedKey(key)
            seen.add(key)
    return document


@dataclass(frozen=True, slots=True)
class Export:
    """What an export file holds: the settings (None if the file has none) and the weeks,
    Monday-first, in file order."""

    settings: Settings | None
    plans: tuple[WeekPlan, ...]
    # The day logs of version 3 (by date); None for an earlier version, which has none.
    logs: dict[date, DayLog] | None = field(default=None)
    # The block marks of version 4 (by week); None for an earlier version, which has none.
    blocks: dict[IsoWeek, BlockWeek] | None = field(default=None)


def export_document(
    plans: Iterable[WeekPlan],
    settings: Settings,
    logs: Mapping[date, DayLog] | None = None,
    blocks: Mapping[IsoWeek, BlockWeek] | None = None,
) -> dict[str, Any]:
    """The export of ``plans`` (Monday-first, as ``Store.all_plans`` gives them), the day
    logs of their weeks and the block marks given. "weeks" comes last: a large export is
    streamed a week at a time after the rest (planner.cli.export)."""
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION if blocks else VERSION_WITHOUT_BLOCKS if logs else VERSION_WITHOUT_LOGS,
        "settings": fmt.settings_doc(settings),
    }
    if blocks:
        document["blocks"] = [
            blockbook.document(str(week), mark) for week, mark in sorted(blocks.items())
        ]
    document["weeks"] = [week_entry(plan, logs) for plan in plans]
    return document


def week_entry(plan: WeekPlan, logs: Mapping[date, DayLog] | None = None) -> dict[str, Any]:
    """One week of the export's ``"weeks"``, with its ``"log"`` when a day of it has one."""
    if plan.first_weekday is not FirstWeekday.MONDAY:
        raise ValueError(
            f"export wants Monday-first plans, got {plan.first_weekday} for {plan.week}"
        )
    entry: dict[str, Any] = {
        "week": str(plan.week),
        "days": {
            WEEKDAY_KEYS[index]: encode_day(day)
            for index, day in enumerate(plan.days)
            if day.is_planned
        },
    }
    logged = {
        WEEKDAY_KEYS[index]: log_entry(logs[day])
        for index, day in enumerate(plan.dates)
        if logs and day in logs and not logs[day].is_empty
    }
    if logged:
        entry["log"] = logged
    return entry


def log_entry(log: DayLog) -> dict[str, Any]:
    """A day's log in the export: its store form, with ``"done"`` a day as ``day_json``."""
    entry = logbook.encode(log)
    if log.done is not None:
        entry["done"] = day_json(log.done)
    return entry


def decode_log(value: object) -> DayLog:
    """A day's log of the export; UnknownName saying what is wrong."""
    if not isinstance(value, dict) or not value:
        raise UnknownName('a day\'s log must be an object like {"done": {...}, "rpe": [8]}')
    stored = dict(value)
    if "done" in stored:
        stored["done"] = day_words(decode_day(stored["done"], VERSION), explicit=True)
    try:
        return logbook.decode(stored)
    except ValueError as error:
        raise UnknownName(str(error)) from None


# -- the one codec of a day in the export (and in `planner show --json`) -------------------

_SESSION_KEYS = {True: frozenset({"kind", "type"}), False: frozenset({"kind", "intensity"})}


def session_json(session: Session) -> dict[str, str]:
    """``{"kind": "legs", "intensity": "heavy"}`` or ``{"kind": "run", "type": "easy"}``."""
    if session.kind is Activity.RUN:
        return {"kind": session.kind.value, "type": session.attribute.value}
    return {"kind": session.kind.value, "intensity": session.attribute.value}


def day_json(day: PlannedDay) -> dict[str, Any]:
    """``{"sessions": [...], "rest": false}``, with ``"together"`` for two sessions."""
    entry: dict[str, Any] = {
        "sessions": [session_json(session) for session in day.sessions],
        "rest": day.rest,
    }
    if len(day.sessions) == MAX_SESSIONS:
        entry["together"] = day.together
    return entry


def encode_day(day: PlannedDay) -> dict[str, Any]:
    """A planned day as exported (unplanned days are left out)."""
    if not day.is_planned:
        raise ValueError("an unplanned day is left out of the export")
    return day_json(day)


def _unspaced(text: str) -> str:
    """A word of the file as it must be: what the planner writes never has spaces around it."""
    if text != text.strip():
        raise UnknownName(f"{text!r} has spaces around it; write it without")
    return text


def _session(value: object) -> Session:
    if not isinstance(value, dict) or not isinstance(value.get("kind"), str):
        raise UnknownName(f'{value!r} is not a session like {{"kind": "legs", "intensity": ...}}')
    kind = _unspaced(value["kind"])
    run = kind == Activity.RUN.value
    unknown = sorted(set(value) - _SESSION_KEYS[run])
    if unknown:
        raise UnknownName(f"a {kind} session has no field {unknown[0]!r}")
    name = "type" if run else "intensity"
    if name in value and value[name] is None:
        raise UnknownName(f'a {kind} session\'s "{name}" is null; give one, or leave it out')
    attribute = value.get(name)
    if not isinstance(attribute, str | None):
        raise UnknownName(f"{attribute!r} is not a word; write {kind}'s attribute as text")
    words = kind if attribute is None else f"{kind}:{_unspaced(attribute)}"
    return parse_session(words)


def decode_day(value: object, version: int) -> PlannedDay:
    """An exported day of export ``version``; UnknownName says what is wrong with it."""
    if version == 1:
        return PlannedDay.of(
            parse_activity(_unspaced(value) if isinstance(value, str) else json.dumps(value))
        )
    if not isinstance(value, dict):
        raise UnknownName(f'{value!r} is not a day like {{"sessions": [...], "rest": false}}')
    unknown = sorted(set(value) - {"sessions", "rest", "together"})
    if unknown:
        raise UnknownName(f"a day has no field {unknown[0]!r}")
    if "together" in value and value["together"] is None:
        raise UnknownName('"together" is null; write true or false, for two sessions only')
    sessions, rest, together = (value.get(key) for key in ("sessions", "rest", "together"))
    if not isinstance(sessions, list) or not isinstance(rest, bool):
        raise UnknownName('a day needs "sessions" (a list) and "rest" (true or false)')
    if len(sessions) > MAX_SESSIONS:
        raise UnknownName(f"{len(sessions)} sessions on one day; plan at most {MAX_SESSIONS}")
    if not isinstance(together, bool | None) or (together is None) != (len(sessions) != 2):
        raise UnknownName('"together" (true or false) is there for two sessions, and only then')
    try:
        day = PlannedDay(tuple(map(_session, sessions)), rest=rest, together=bool(together))
    except DayError as error:
        raise UnknownName(str(error)) from None
    if not day.is_planned:
        raise UnknownName("a day with no session and no rest is unplanned: leave it out")
    return day


def read_export(text: str, name: str) -> Export:
    """Parse and check a whole export; ``name`` (the file) starts every error message."""
    try:
        document = json.loads(text, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as error:
        raise TransferError(
            f"{name} is not valid JSON ({error.msg} at line {error.lineno}, column "
            f"{error.colno}); {_HOW_TO_MAKE}"
        ) from None
    except _RepeatedKey as repeated:
        raise TransferError(
            f'{name}: "{repeated.key}" appears twice in one object; keep one'
        ) from None
    except ValueError:
        # int() refuses more than 4300 digits, and json.loads lets that ValueError through.
        raise TransferError(f"{name} holds a number too long to read; {_HOW_TO_MAKE}") from None
    except RecursionError:
        raise TransferError(f"{name} is nested too deeply to read; {_HOW_TO_MAKE}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise TransferError(f"{name} is not a planner export; {_HOW_TO_MAKE}")
    version = document.get("version")
    if type(version) is not int or version < 1:
        raise TransferError(f'{name} has no valid "version"; {_HOW_TO_MAKE}')
    if version > VERSION:
        raise TransferError(
            f"{name} is export version {version}, newer than this planner reads "
            f"({VERSION}); update planner to import it"
        )
    _no_unknown_keys(document, _TOP_KEYS, name)
    settings = _settings(document["settings"], name) if "settings" in document else None
    weeks = document.get("weeks")
    if not isinstance(weeks, list):
        raise TransferError(f'{name}: "weeks" must be a list of weeks; {_HOW_TO_MAKE}')
    logs: dict[date, DayLog] | None = {} if version >= VERSION_WITHOUT_BLOCKS else None
    blocks = _blocks(document, name) if version >= VERSION else None
    if "blocks" in document and blocks is None:
        raise TransferError(f'{name}: unknown field "blocks" before version 4; {_HOW_TO_MAKE}')
    return Export(settings, _plans(weeks, name, version, logs), logs, blocks)


def _blocks(document: Mapping[str, Any], name: str) -> dict[IsoWeek, BlockWeek]:
    """The ``"blocks"`` of a version 4 export, checked as the store checks its own."""
    value = document.get("blocks", [])
    if not isinstance(value, list):
        raise TransferError(f'{name}: "blocks" must be a list of block marks; {_HOW_TO_MAKE}')
    marks: dict[IsoWeek, BlockWeek] = {}
    for position, entry in enumerate(value):
        where = f"{name}: blocks[{position}]"
        label = entry.get("week") if isinstance(entry, dict) else None
        try:
            week = IsoWeek.parse(label) if isinstance(label, str) else None
        except WeekError:
            week = None
        if week is None or not isinstance(entry, dict):
            raise TransferError(f'{where} must be an object with "week", "block", "number"...')
        try:
            blockbook.validate(entry, str(week))
        except ValueError as error:
            raise TransferError(f"{where}: {error}") from None
        if week in marks:
            raise TransferError(f"{where}: {week} appears twice; keep one")
        mark = blockbook.decode(entry)
        assert mark is not None  # a validated document is a mark
        marks[week] = mark
    return marks


def _settings(value: object, name: str) -> Settings:
    if not isinstance(value, dict):
        raise TransferError(
            f'{name}: "settings" must be an object like {{"first_weekday": "monday"}}'
        )
    for key, setting in value.items():
        if setting is None:
            raise TransferError(f'{name}: settings: "{key}" is null; leave it out for the default')
    try:
        return fmt.settings_from(value, outside_weeks=False)
    except fmt.Damage as error:
        raise TransferError(f"{name}: settings: {error.reason}; {_HOW_TO_MAKE}") from None


def _plans(
    weeks: Sequence[Any], name: str, version: int, logs: dict[date, DayLog] | None
) -> tuple[WeekPlan, ...]:
    plans: dict[IsoWeek, WeekPlan] = {}
    for position, entry in enumerate(weeks):
        where = f"{name}: weeks[{position}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("week"), str):
            raise TransferError(f'{where} must be an object with "week" and "days"')
        _no_unknown_keys(entry, _WEEK_KEYS, where)
        try:
            week = IsoWeek.parse(entry["week"])
        except WeekError as error:
            raise TransferError(f"{where}: {error}") from None
        if str(week) != entry["week"]:  # parse forgives spaces a file the planner wrote has not
            raise TransferError(
                f"{where}: {entry['week']!r} is not an ISO week as the planner writes it; "
                f"write {week}"
            )
        if week in plans:
            raise TransferError(f"{where}: {week} appears twice; keep one")
        logged = _logs(entry, week, f"{name}: {week}", logs)
        plans[week] = WeekPlan(
            week,
            FirstWeekday.MONDAY,
            _days(entry.get("days"), f"{name}: {week}", version, logged),
        )
    return tuple(plans.values())


def _logs(
    entry: Mapping[str, Any], week: IsoWeek, where: str, logs: dict[date, DayLog] | None
) -> bool:
    """Read the week's ``"log"`` into ``logs``; whether it logs a day."""
    if "log" not in entry:
        return False
    if logs is None:
        raise TransferError(f'{where}: unknown field "log"; {_HOW_TO_MAKE}')
    value = entry["log"]
    if not isinstance(value, dict) or not value:
        raise TransferError(f'{where}: "log" must be an object of days like {{"mon": {{...}}}}')
    monday = date.fromisocalendar(week.year, week.week, 1)
    for key, day_log in value.items():
        try:
            index = parse_weekday(_unspaced(key))
            logs[monday + timedelta(days=index)] = decode_log(day_log)
        except UnknownName as error:
            raise TransferError(f"{where}: log: {key}: {error}") from None
    return True


def _days(days: object, where: str, version: int, logged: bool = False) -> tuple[PlannedDay, ...]:
    if not isinstance(days, dict):
        raise TransferError(f'{where}: "days" must be an object like {{"mon": "legs"}}')
    planned = [PlannedDay.UNPLANNED] * DAYS_IN_WEEK
    given: set[int] = set()
    for key, value in days.items():
        try:
            index = parse_weekday(_unspaced(key))
            planned[index] = decode_day(value, version)
        except UnknownName as error:
            raise TransferError(f"{where}: {error}") from None
        if index in given:
            raise TransferError(f"{where}: {WEEKDAY_KEYS[index]} appears twice; keep one")
        given.add(index)
    if not logged and not any(day.is_planned for day in planned):
        raise TransferError(f"{where} has no planned day; plan one or leave the week out")
    return tuple(planned)


def _no_unknown_keys(entry: Mapping[str, Any], known: frozenset[str], where: str) -> None:
    unknown = sorted(set(entry) - known)
    if unknown:
        raise TransferError(f"{where}: unknown field {unknown[0]!r}; {_HOW_TO_MAKE}")
