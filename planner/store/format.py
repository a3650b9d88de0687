"""The database file format, its validation and its migrations.

The file is TinyDB JSON with six tables::

    {"meta":      {"1": {"schema_version": 4}},
     "settings":  {"1": {"first_weekday": "monday", "repeat_week": "2026-W47"}},
     "weeks":     {"202648": {"week": "2026-W48", "mon": "legs:heavy+run:easy",
                              "tue": "push:moderate,pull:moderate", "wed": "rest"}},
     "revisions": {"202648": {"week": "2026-W48", "mon": [3, "20261125T073012Z", 2],
                              "tue": [1, "20261124T190000Z", 2], "thu": [2, ...]}},
     "logs":      {"202648": {"week": "2026-W48", "mon": {"done": "legs:heavy", "rpe": [8]},
                              "tue": {"sore": {"legs": "very"}, "sleep": 2}}},
     "blocks":    {"202648": {"week": "2026-W48", "block": "2026-W45", "number": 4,
                              "weeks": 4, "deload": true}}}

Settings hold ``first_weekday``, and when they are set ``repeat_week``, ``theme`` (Textual's
name) and ``goal`` (muscle, strength, endurance or hybrid; general, the default, is left out).
One document per ISO week that has at least one planned day; its id is ``year * 100 + week``
so a week is found without a query. Unplanned days are absent, and so is a setting whose
value is None (no repeating week) or the goal when it is the default: a file stays as an
older planner, which refuses settings it does not know, wrote it. ``revisions`` holds each
day's revision, last change and exported calendar events, for the ics export: see
:mod:`planner.store.revisions` (its days outlive the weeks' days: a cleared day is one).
``logs`` holds the training log, what was done and how it felt, beside the plan: see
:mod:`planner.store.logs`. ``blocks`` holds each week's place in a training block and
whether it is a deload week: see :mod:`planner.store.blocks`.
A file is accepted only if every part of it is understood, so rewriting it can never drop
something a user wrote.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Mapping
from dataclasses import fields
from typing import Any

from planner.days import WEEKDAY_KEYS, UnknownName, day_words, parse_day
from planner.plan import Settings
from planner.store import blocks as blockbook
from planner.store import logs as logbook
from planner.store import revisions as rev
from planner.store.atomic import Tables
from planner.weeks import FirstWeekday, IsoWeek, UnsupportedWeek, WeekError
from rules import DEFAULT_GOAL, Activity, Goal, PlannedDay

SCHEMA_VERSION = 4
META, SETTINGS, WEEKS, REVISIONS, LOGS = "meta", "settings", "weeks", rev.REVISIONS, logbook.LOGS
BLOCKS = blockbook.BLOCKS
META_ID = 1
SETTINGS_ID = 1
WEEK_KEY = "week"

Migration = Callable[[Tables], Tables]


def _sessions_at_their_defaults(data: Tables) -> Tables:
    """Version 1 held one activity word per day (``legs``); version 2 holds a day's words
    with every attribute spelled out (``legs:moderate``, ``run:easy``, ``rest``)."""
    weeks = {
        doc_id: {key: value if key == WEEK_KEY else _v1_day(value) for key, value in doc.items()}
        for doc_id, doc in data.get(WEEKS, {}).items()
    }
    return {**data, WEEKS: weeks} if WEEKS in data else dict(data)


def _v1_day(value: object) -> object:
    """A version-1 day's word in version 2; anything else is left for validation to report."""
    if isinstance(value, str) and value in Activity.__members__.values():
        return encode_day(PlannedDay.of(Activity(value)))
    return value


def _revisions_kept(data: Tables) -> Tables:
    """Version 3 keeps each day's revision (planner.store.revisions): every planned day
    starts at revision 0, taken to have been exported as it stands. It also holds the
    training log (planner.store.logs), empty until something is logged."""
    # Documents without their label are damage: validation reports it, after the upgrade.
    weeks = {k: doc for k, doc in data.get(WEEKS, {}).items() if isinstance(doc.get(WEEK_KEY), str)}
    days = {
        doc[key]: decode_day(doc[key], doc[WEEK_KEY])
        for doc in weeks.values()
        for key in WEEKDAY_KEYS
        if key in doc
    }
    table = rev.from_weeks(weeks, days)
    return {**data, REVISIONS: table} if table else dict(data)


def _blocks_kept(data: Tables) -> Tables:
    """Version 4 holds training blocks (planner.store.blocks), none until one is laid:
    nothing to change, the version says an older planner cannot read the new table."""
    return dict(data)


# MIGRATIONS[v] turns a version-v database into a version v+1 one. Add one with every bump of
# SCHEMA_VERSION; tests/unit/store/test_format.py shows the shape with a fake step.
MIGRATIONS: dict[int, Migration] = {
    1: _sessions_at_their_defaults,
    2: _revisions_kept,
    3: _blocks_kept,
}
# What each version brought, for the notice an upgrade gives.
BROUGHT = {
    2: "sessions with intensity and run type",
    3: "the training log, and each day's revision for calendars",
    4: "training blocks with deload weeks",
}


class Damage(Exception):
    """The bytes are not a planner database; ``reason`` is a short phrase for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class MigrationFailed(Exception):
    pass


def empty_database() -> Tables:
    return {META: {str(META_ID): {"schema_version": SCHEMA_VERSION}}}


def encode(data: Tables) -> bytes:
    # Compact: the whole file is rewritten on every save, so bytes are time.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode(payload: bytes) -> Tables:
    if not payload:
        raise Damage("empty file, zero bytes")
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError:
        raise Damage("not UTF-8 text") from None
    try:
        data = json.loads(text)
    except ValueError:
        raise Damage("not valid JSON") from None
    except RecursionError:
        raise Damage("nested too deeply") from None
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    ):
        raise Damage("not a TinyDB database")
    _share_words(data)
    return data


def _share_words(data: Tables) -> None:
    """A day's words repeat across thousands of weeks ("legs:moderate"): one string object
    each (sys.intern) instead of one per day. Every supported week then takes ~20 MB less
    in memory, what an export of them all holds while it runs."""
    for doc in data.get(WEEKS, {}).values():
        for key, value in doc.items():
            if isinstance(value, str):
                doc[key] = sys.intern(value)


def schema_version(data: Tables) -> int:
    # The planner's writer always writes the meta table, so a file without it (even "{}")
    # is not one of ours: damage, never an empty database to save over.
    meta = data.get(META, {}).get(str(META_ID))
    if meta is None:
        raise Damage("no schema version: not a planner database")
    version = meta.get("schema_version")
    if type(version) is not int or version < 0:
        raise Damage("no valid schema version")
    return version


def upgrade(
    data: Tables,
    version: int,
    *,
    migrations: Mapping[int, Migration] | None = None,
    target: int | None = None,
) -> Tables:
    """Run the migrations from ``version`` up to ``target`` (default: this program's)."""
    steps = MIGRATIONS if migrations is None else migrations
    goal = SCHEMA_VERSION if target is None else target
    while version < goal:
        step = steps.get(version)
        if step is None:
            raise MigrationFailed(f"no upgrade from schema version {version}")
        try:
            data = step(data)
        except Damage:
            raise
        except Exception as error:
            raise MigrationFailed(
                f"upgrade from schema version {version} failed: {error}"
            ) from error
        version += 1
        data.setdefault(META, {})[str(META_ID)] = {"schema_version": version}
    return data


def week_doc_id(week: IsoWeek) -> int:
    return week.year * 100 + week.week


def week_from_doc_id(doc_id: str) -> IsoWeek:
    year, week = divmod(int(doc_id), 100)
    return IsoWeek(year, week)


# -- the one codec of a day in the file -----------------------------------------------------


def encode_day(day: PlannedDay | None) -> str:
    """A planned day as stored: its words with every attribute spelled out
    (``legs:heavy+run:easy``, ``push:moderate,pull:moderate``, ``rest``), so a stored day
    never depends on what the defaults are. Unplanned days are not stored."""
    if day is None or not day.is_planned:
        raise ValueError("an unplanned day is left out of the file, not stored")
    return day_words(day, explicit=True)


def decode_day(value: object, week: object) -> PlannedDay:
    """A stored day; :class:`Damage` unless it is exactly what :func:`encode_day` writes."""
    day = _decoded(value) if isinstance(value, str) else None
    if day is None:
        raise Damage(f"unknown day {value!r} in {week}")
    return day


@functools.lru_cache(maxsize=4096)
def _decoded(value: str) -> PlannedDay | None:
    # A file holds a few distinct day words many times over: each is parsed once.
    try:
        day = parse_day(value)
    except UnknownName:
        return None
    return day if encode_day(day) == value else None


def week_doc(week: IsoWeek, days: Mapping[int, PlannedDay]) -> dict[str, str]:
    """``days`` maps ISO weekday index (0 = Monday) to a planned day."""
    doc = {WEEK_KEY: str(week)}
    for index in sorted(days):
        doc[WEEKDAY_KEYS[index]] = encode_day(days[index])
    return doc


def days_of(doc: Mapping[str, Any] | None) -> dict[int, PlannedDay]:
    """The planned days of a validated week document, by ISO weekday index."""
    if doc is None:
        return {}
    week = doc[WEEK_KEY]
    return {
        index: decode_day(doc[key], week) for index, key in enumerate(WEEKDAY_KEYS) if key in doc
    }


def settings_doc(settings: Settings) -> dict[str, Any]:
    """Settings that are None, and the default goal, are left out, so files stay as older
    planners wrote them."""
    values = {field.name: getattr(settings, field.name) for field in fields(settings)}
    return {
        name: _plain(value)
        for name, value in values.items()
        if value is not None and not (name == "goal" and value is DEFAULT_GOAL)
    }


def _plain(value: object) -> Any:
    if isinstance(value, FirstWeekday | Goal):
        return value.value
    return str(value) if isinstance(value, IsoWeek) else value


def settings_from(doc: Mapping[str, Any] | None, *, outside_weeks: bool = True) -> Settings:
    """Missing keys take their defaults, so a setting added later needs no migration. A
    repeating week outside the supported weeks is dropped (an older planner may have written
    it), or, with ``outside_weeks=False`` (an import), refused."""
    if doc is None:
        return Settings()
    known = {field.name for field in fields(Settings)}
    unknown = set(doc) - known
    if unknown:
        raise Damage(f"unknown setting {sorted(unknown)[0]!r}")
    try:
        first = FirstWeekday(doc.get("first_weekday", Settings().first_weekday))
    except ValueError:
        raise Damage(f"invalid first_weekday {doc.get('first_weekday')!r}") from None
    return Settings(
        first_weekday=first,
        repeat_week=_repeat_week(doc, outside_weeks),
        theme=_theme(doc),
        goal=_goal(doc),
    )


def _goal(doc: Mapping[str, Any]) -> Goal:
    value = doc.get("goal", DEFAULT_GOAL.value)
    # Exactly the word of a goal: "Muscle" or " muscle" is not one.
    if not isinstance(value, str) or value not in Goal.__members__.values():
        raise Damage(f"invalid goal {value!r}")
    return Goal(value)


THEME_MAX = 80


def _theme(doc: Mapping[str, Any]) -> str | None:
    value = doc.get("theme")
    if value is not None and (
        not isinstance(value, str) or not 0 < len(value) <= THEME_MAX or not value.isprintable()
    ):
        raise Damage(f"invalid theme {value!r}")
    return value


def _repeat_week(doc: Mapping[str, Any], outside_weeks: bool) -> IsoWeek | None:
    if "repeat_week" not in doc:
        return None
    value = doc["repeat_week"]
    try:
        week = IsoWeek.parse(value) if isinstance(value, str) else None
    except UnsupportedWeek as error:
        if not outside_weeks:
            raise Damage(f"repeat_week {error}") from None
        return None  # written by an older planner: no week it could propose is shown
    except WeekError:
        week = None
    # Only the exact form this program writes, so a rewrite never changes what is there.
    if week is None or str(week) != value:
        raise Damage(f"invalid repeat_week {value!r}")
    return week


def validate(data: Tables) -> None:
    """Raise :class:`Damage` unless every table and document is one this program wrote."""
    unknown = set(data) - {META, SETTINGS, WEEKS, REVISIONS, LOGS, BLOCKS}
    if unknown:
        raise Damage(f"unknown table {sorted(unknown)[0]!r}")
    settings = data.get(SETTINGS, {})
    if set(settings) - {str(SETTINGS_ID)}:
        raise Damage("more than one settings document")
    settings_from(settings.get(str(SETTINGS_ID)))
    for doc_id, doc in data.get(WEEKS, {}).items():
        _validate_week(doc_id, doc)
    for doc_id, doc in data.get(REVISIONS, {}).items():
        try:
            rev.validate(doc, _week_label(doc_id))
        except ValueError as error:
            raise Damage(str(error)) from None
    for doc_id, doc in data.get(LOGS, {}).items():
        try:
            logbook.validate(doc, _week_label(doc_id))
        except ValueError as error:
            raise Damage(str(error)) from None
    for doc_id, doc in data.get(BLOCKS, {}).items():
        try:
            blockbook.validate(doc, _week_label(doc_id))
        except ValueError as error:
            raise Damage(str(error)) from None


def unsupported_weeks(data: Tables) -> list[str]:
    """Weeks of a valid file that lie outside the supported weeks (written by an older
    planner): kept in the file as they are, never read."""
    names = []
    for doc_id in data.get(WEEKS, {}):
        try:
            week_from_doc_id(doc_id)
        except UnsupportedWeek as outside:
            names.append(outside.name)
    return sorted(names)


def unsupported_repeat_week(data: Tables) -> str | None:
    """A repeating week outside the supported weeks in a valid file: read as none."""
    value = data.get(SETTINGS, {}).get(str(SETTINGS_ID), {}).get("repeat_week")
    if isinstance(value, str):
        try:
            IsoWeek.parse(value)
        except UnsupportedWeek as outside:
            return outside.name
    return None


def _week_label(doc_id: str) -> str:
    """The week a document id names (``202648``: ``2026-W48``); Damage if none."""
    week: IsoWeek | str
    try:
        week = week_from_doc_id(doc_id)
    except UnsupportedWeek as outside:
        week = outside.name  # kept as written (see unsupported_weeks), checked all the same
    except (ValueError, WeekError):
        raise Damage(f"invalid week id {doc_id!r}") from None
    if doc_id != str(int(doc_id)):
        raise Damage(f"invalid week id {doc_id!r}")
    return str(week)


def _validate_week(doc_id: str, doc: Mapping[str, Any]) -> None:
    week = _week_label(doc_id)
    if doc.get(WEEK_KEY) != week:
        raise Damage(f"week document {doc_id} is not labelled {week}")
    for key, value in doc.items():
        if key == WEEK_KEY:
            continue
        if key not in WEEKDAY_KEYS:
            raise Damage(f"unknown field {key!r} in {week}")
        decode_day(value, week)
    if len(doc) == 1:
        raise Damage(f"{week} is stored with no planned day")
