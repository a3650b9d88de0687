"""Each day's revision: what a calendar needs to follow the plan (schema version 3).

A calendar that imports the ics export again keeps what it has unless the file says
otherwise: an event is replaced only by one with a higher SEQUENCE (or, for equal ones, a
later DTSTAMP), and removed only by one with STATUS:CANCELLED. So the store keeps, per day,
three numbers in the ``revisions`` table, one document per ISO week like ``weeks``::

    "revisions": {"202648": {"week": "2026-W48", "mon": [3, "20261125T073012Z", 2],
                                                 "tue": [0, null, 1]}}

- the revision: how many times what the day holds changed (it is each event's SEQUENCE);
- when it last changed, in UTC, in iCalendar's form (LAST-MODIFIED); null for a day
  stored before revisions were kept;
- how many events (slots) an ics export has written for the day: the UIDs
  ``2026-11-23@planner`` and ``2026-11-23-2@planner`` a calendar may hold. An export
  cancels those the day no longer fills, and only those, so a calendar never gets a
  cancelled event for something it was never sent.

A day's entry outlives the day: a cleared day keeps its revision, so the calendar hears that
its events are gone. The functions here are pure: ``planner.store.database`` calls
:func:`revised` on every save and :func:`with_exported` after an export.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from planner.days import WEEKDAY_KEYS
from rules import MAX_SESSIONS, PlannedDay

REVISIONS = "revisions"
WEEK_KEY = "week"


@dataclass(frozen=True, slots=True)
class DayRevision:
    revision: int = 0
    changed: str | None = None  # UTC, ``20261125T073012Z``; None: unknown (stored before)
    exported: int = 0  # events an ics export wrote for the day: slots 1..exported


NEVER = DayRevision()


def events_of(day: PlannedDay) -> int:
    """How many calendar events a day makes: one per session, one for a rest day."""
    return 1 if day.rest else len(day.sessions)


def stamp(moment: datetime) -> str:
    """``20261125T073012Z``: the UTC form iCalendar writes DTSTAMP in, to the second."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def encode(entry: DayRevision) -> list[Any]:
    return [entry.revision, entry.changed, entry.exported]


def decode(value: object) -> DayRevision:
    """A stored entry; ValueError (the reason) unless it is exactly what :func:`encode`
    writes."""
    reason = _wrong(value)
    if reason is not None:
        raise ValueError(reason)
    assert isinstance(value, list)
    return DayRevision(value[0], value[1], value[2])


def _wrong(value: object) -> str | None:
    """Why ``value`` is not a stored entry, or None. Checked first the quick way: opening
    ten years of weeks reads some 3,600 of them."""
    if type(value) is not list or len(value) != 3:
        return f"revision {value!r} is not [revision, changed, exported]"
    revision, changed, exported = value
    if type(revision) is not int or revision < 0:
        return f"invalid revision {revision!r}"
    if changed is not None and not (type(changed) is str and _valid_stamp(changed)):
        return f"invalid change time {changed!r}"
    if type(exported) is not int or not 0 <= exported <= MAX_SESSIONS:
        return f"invalid count of exported events {exported!r}"
    return None


# The form, months, days to 31, hours and minutes; a day past 28 is checked with its month.
_STAMP = re.compile(r"\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3])[0-5]\d[0-5]\dZ")


def _valid_stamp(text: str) -> bool:
    if _STAMP.fullmatch(text) is None:
        return False
    if int(text[6:8]) <= 28:
        return True
    try:
        date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return False
    return True


def entries(doc: Mapping[str, Any] | None) -> dict[int, DayRevision]:
    """The entries of a validated document, by ISO weekday index (0 = Monday); not checked
    again (an export of thousands of weeks reads them all)."""
    if doc is None:
        return {}
    return {index: DayRevision(*doc[key]) for index, key in enumerate(WEEKDAY_KEYS) if key in doc}


def document(label: str, days: Mapping[int, DayRevision]) -> dict[str, Any]:
    doc: dict[str, Any] = {WEEK_KEY: label}
    for index in sorted(days):
        doc[WEEKDAY_KEYS[index]] = encode(days[index])
    return doc


def validate(doc: Mapping[str, Any], label: str) -> None:
    """ValueError (the reason) unless ``doc`` is a revisions document labelled ``label``."""
    if doc.get(WEEK_KEY) != label:
        raise ValueError(f"revisions document is not labelled {label}")
    for key, value in doc.items():
        if key != WEEK_KEY:
            if key not in WEEKDAY_KEYS:
                raise ValueError(f"unknown field {key!r} in the revisions of {label}")
            reason = _wrong(value)
            if reason is not None:
                raise ValueError(reason)
    if len(doc) == 1:
        raise ValueError(f"the revisions of {label} hold no day")


def revised(
    table: Mapping[str, Any],
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    doc_ids: Iterable[str],
    when: datetime,
) -> dict[str, Any]:
    """``table`` with every day whose stored words differ between the weeks tables
    ``before`` and ``after`` (among the week documents ``doc_ids``) one revision further,
    changed ``when``. Days that did not change keep their entries as they are."""
    result = dict(table)
    changed_at = stamp(when)
    for doc_id in doc_ids:
        old, new = before.get(doc_id) or {}, after.get(doc_id) or {}
        if old == new:
            continue
        days = entries(result.get(doc_id))
        for index, key in enumerate(WEEKDAY_KEYS):
            if old.get(key) != new.get(key):
                entry = days.get(index, NEVER)
                days[index] = replace(entry, revision=entry.revision + 1, changed=changed_at)
        label = (new or old)[WEEK_KEY]
        result[doc_id] = document(label, days)
    return result


def with_exported(
    table: Mapping[str, Any], counts: Mapping[tuple[str, str, int], int]
) -> dict[str, Any]:
    """``table`` noting that an export wrote ``counts[(doc id, label, weekday)]`` events for
    each of those days (a count never goes down: a UID once sent stays the calendar's)."""
    result = dict(table)
    for (doc_id, label, weekday), count in counts.items():
        days = entries(result.get(doc_id))
        entry = days.get(weekday, NEVER)
        if count > entry.exported:
            days[weekday] = replace(entry, exported=count)
            result[doc_id] = document(label, days)
    return result


def from_weeks(weeks: Mapping[str, Any], days: Mapping[str, PlannedDay]) -> dict[str, Any]:
    """The revisions of a database stored before they were kept (the upgrade to schema 3):
    every planned day at revision 0, changed at an unknown time, and taken to have been
    exported as it stands (``days[words]``: the day stored as those words), since earlier
    planners exported every planned day and kept no record of it. A calendar may so hear
    of a removal it never needed; without this, one that did would keep a removed
    session."""
    table: dict[str, Any] = {}
    for doc_id, doc in weeks.items():
        kept = {
            index: DayRevision(exported=events_of(days[doc[key]]))
            for index, key in enumerate(WEEKDAY_KEYS)
            if key in doc
        }
        if kept:
            table[doc_id] = document(doc[WEEK_KEY], kept)
    return table
