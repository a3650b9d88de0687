"""The calendar export: one all-day event per session, and one per rest day, that a calendar
importing each new export keeps in step with the plan.

Each event's UID is its date and slot (``2026-11-23@planner`` for a day's first session or
its rest, ``2026-11-23-2@planner`` for a second session), so importing a later export into
the same calendar updates the day's events instead of adding more. Its SEQUENCE is the
day's revision and its LAST-MODIFIED the day's last change (planner.store.revisions), its
DTSTAMP when the file was made, so a calendar takes the newer version of a changed day and
the latest advice. An event the day no
longer fills (a session removed, the day cleared) that an export wrote before is written
again as STATUS:CANCELLED: the calendar drops it. The summary names the session's kind and
attribute (``Legs (heavy)``); the two sessions of a day start ``1/2`` and ``2/2`` (the
morning's and the evening's, or the first and second of one visit), so calendars that list
a day's events by summary list them in order. The description is the day in words, then
the advice on arriving at it.

The file is written here, one event at a time, rather than through icalendar's components:
building and serializing 70,000 of them (ten thousand weeks) took 20 s and 650 MB. What is
written is what icalendar writes for the same events: its property order, its TEXT escaping
and its line folding (tests/unit/export/test_ics.py compares the two byte for byte).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from planner.advice import NOTHING_TO_NOTE
from planner.days import day_sentence, session_words
from planner.export.text import finding_line
from planner.log import DayLog
from planner.store.revisions import NEVER, DayRevision
from rules import Activity, Evaluation, KnowledgeBase, PlannedDay, Transition

PRODID = "-//planner//training week//EN"
UID_DOMAIN = "planner"
REST_CATEGORY = "Rest day"
TRAINING_CATEGORY = "Training"
# The plain activity word, and the session in `planner set`'s words, for scripts that read
# the calendar back.
ACTIVITY_PROPERTY = "X-PLANNER-ACTIVITY"
SESSION_PROPERTY = "X-PLANNER-SESSION"
# RFC 5545: content lines longer than 75 octets are folded; icalendar keeps each piece
# under 75 octets, and a piece never ends with the first character of an escape.
FOLD_AT = 74
CRLF = "\r\n"

CANCELLED_SUMMARY = "Removed from the plan"
CANCELLED_DESCRIPTION = "No longer in the plan."
_GONE_SUMMARY = f"SUMMARY:{CANCELLED_SUMMARY}"
_GONE = f"DESCRIPTION:{CANCELLED_DESCRIPTION}"
_CANCELLED = f"STATUS:CANCELLED{CRLF}TRANSP:TRANSPARENT{CRLF}END:VEVENT{CRLF}"

# One displayed week: its seven dated days and their evaluation with the context days.
EvaluatedWeek = tuple[Sequence[tuple[date, PlannedDay]], Evaluation]


def event_uid(day: date, slot: int = 1) -> str:
    """Stable per date and slot: a re-export updates the calendar's events for that day."""
    return f"{day.isoformat()}{'' if slot == 1 else f'-{slot}'}@{UID_DOMAIN}"


def calendar_bytes(
    weeks: Iterable[EvaluatedWeek],
    knowledge: KnowledgeBase,
    revisions: Mapping[date, DayRevision],
    now: str,
    logs: Mapping[date, DayLog] | None = None,
) -> tuple[bytearray, dict[date, int]]:
    """An iCalendar file with the events of every day of ``weeks`` (each day's revision in
    ``revisions``; ``now``, ``20261125T073012Z``, stamps a day whose last change is
    unknown), and how many events it wrote live for each planned day. A planned session of
    a day logged done says in its summary whether it was done, changed or skipped
    (``logs``). ``weeks`` may be a generator: each week is turned into bytes and dropped."""
    # One growing buffer, returned as it is: a list of chunks joined at the end held the
    # whole calendar twice.
    calendar = bytearray(
        f"BEGIN:VCALENDAR{CRLF}VERSION:2.0{CRLF}PRODID:{_text(PRODID)}{CRLF}".encode()
    )
    written: dict[date, int] = {}
    for days, evaluation in weeks:
        arrivals = {transition.after.date: transition for transition in evaluation.transitions}
        events = []
        for day, held in days:
            revision = revisions.get(day, NEVER)
            slots = _slots(held, knowledge) if held.is_planned else ()
            log = logs.get(day) if logs else None
            if slots and log is not None and log.done is not None:
                slots = _logged_slots(held, log.done, knowledge)
            if slots:
                written[day] = len(slots)
                description = _description(arrivals, day, held)
            for slot, (summary, activity, words) in enumerate(slots, start=1):
                category = REST_CATEGORY if activity is Activity.REST else TRAINING_CATEGORY
                events.append(_event(day, slot, revision, now, summary, category, description))
                events.append(_live(activity, words))
            # What an export wrote before and the day no longer holds: cancelled.
            for slot in range(len(slots) + 1, revision.exported + 1):
                events.append(_event(day, slot, revision, now, _GONE_SUMMARY, None, _GONE))
                events.append(_CANCELLED)
        calendar += "".join(events).encode("utf-8")
    calendar += f"END:VCALENDAR{CRLF}".encode()
    return calendar, written


def session_summary(day: PlannedDay, slot: int, knowledge: KnowledgeBase) -> str:
    """``Legs (heavy)``; for two sessions apart ``1/2 ..., morning`` / ``2/2 ..., evening``,
    for two together ``1/2 ..., back to back`` / ``2/2 ..., back to back``; ``Rest day``.
    (Calendars such as khal list a day's all-day events by summary: the number keeps the
    two in order.)"""
    if day.rest:
        return REST_CATEGORY
    session = day.sessions[slot - 1]
    text = f"{knowledge.activity_name(session.kind)} ({session.attribute})"
    if len(day.sessions) == 1:
        return text
    when = "back to back" if day.together else ("morning" if slot == 1 else "evening")
    return f"{slot}/{len(day.sessions)} {text}, {when}"


def logged_summary(day: PlannedDay, slot: int, done: PlannedDay, knowledge: KnowledgeBase) -> str:
    """A planned event's summary once its day is logged: ``Legs (heavy) — done``, ``Run
    (intervals) — skipped``, ``Run (easy) — changed to Run (tempo)``: each planned session
    against the session done in its place (the first against the first)."""
    planned = session_summary(day, slot, knowledge)
    if day.rest:
        return (
            f"{planned} — done"
            if done.rest
            else f"{planned} — changed to {_plain(done, knowledge)}"
        )
    session = day.sessions[slot - 1]
    if slot > len(done.sessions):
        return f"{planned} — skipped"
    instead = done.sessions[slot - 1]
    if instead == session:
        return f"{planned} — done"
    return f"{planned} — changed to {knowledge.activity_name(instead.kind)} ({instead.attribute})"


def _plain(day: PlannedDay, knowledge: KnowledgeBase) -> str:
    return " and ".join(f"{knowledge.activity_name(s.kind)} ({s.attribute})" for s in day.sessions)


def _logged_slots(
    day: PlannedDay, done: PlannedDay, knowledge: KnowledgeBase
) -> tuple[tuple[str, Activity, str], ...]:
    return tuple(
        (_fold(f"SUMMARY:{_text(logged_summary(day, slot, done, knowledge))}"), activity, words)
        for slot, (_, activity, words) in enumerate(_slots(day, knowledge), start=1)
    )


@functools.lru_cache(maxsize=512)
def _slots(day: PlannedDay, knowledge: KnowledgeBase) -> tuple[tuple[str, Activity, str], ...]:
    """(folded SUMMARY line, activity, session words) of each event of ``day``: a few
    distinct days make up thousands of weeks, so each is worked out once."""
    if day.rest:
        summary = _fold(f"SUMMARY:{_text(REST_CATEGORY)}")
        return ((summary, Activity.REST, Activity.REST.value),)
    return tuple(
        (
            _fold(f"SUMMARY:{_text(session_summary(day, slot, knowledge))}"),
            session.kind,
            session_words(session, explicit=True),
        )
        for slot, session in enumerate(day.sessions, start=1)
    )


def _date(day: date) -> str:
    """``20261123``: the DATE form (strftime is slow)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _event(
    day: date,
    slot: int,
    revision: DayRevision,
    now: str,
    summary: str,
    category: str | None,
    description: str,
) -> str:
    """One VEVENT up to its STATUS, each line ending in CRLF, in icalendar's canonical order
    (SUMMARY, DTSTART, DTEND, DTSTAMP, UID, SEQUENCE, then by name). SEQUENCE is the day's
    revision and LAST-MODIFIED its last change (``now`` when unknown). DTSTAMP is ``now``,
    when the file was made (or the last change, if later): the advice in a description
    also changes with the days around it and the goal, and a calendar takes an event of
    the same SEQUENCE with a later DTSTAMP as the newer. ``summary`` and ``description``
    are folded lines; the other values need no escaping or folding."""
    changed = revision.changed or now
    # Never before the last change, whatever the clock says (stamps of one form compare
    # as text).
    made = max(now, changed)
    following = date.fromordinal(day.toordinal() + 1)
    categories = "" if category is None else f"CATEGORIES:{category}{CRLF}"
    return (
        f"BEGIN:VEVENT{CRLF}{summary}{CRLF}"
        f"DTSTART;VALUE=DATE:{_date(day)}{CRLF}"
        f"DTEND;VALUE=DATE:{_date(following)}{CRLF}"
        f"DTSTAMP:{made}{CRLF}"
        f"UID:{event_uid(day, slot)}{CRLF}"
        f"SEQUENCE:{revision.revision}{CRLF}"
        f"{categories}{description}{CRLF}"
        f"LAST-MODIFIED:{changed}{CRLF}"
    )


def _live(activity: Activity, words: str) -> str:
    """The rest of a planned session's event. TRANSP:TRANSPARENT: a plan, not an
    appointment, so the day does not show as busy; CONFIRMED takes back a cancellation."""
    return (
        f"STATUS:CONFIRMED{CRLF}TRANSP:TRANSPARENT{CRLF}"
        f"{ACTIVITY_PROPERTY}:{activity.value}{CRLF}"
        f"{SESSION_PROPERTY}:{words}{CRLF}"
        f"END:VEVENT{CRLF}"
    )


def _description(arrivals: dict[date, Transition], day: date, held: PlannedDay) -> str:
    """The folded DESCRIPTION line: the day in words, then the advice on arriving at it.
    Nothing for the screen: after an unplanned day there is only the day."""
    transition = arrivals.get(day)
    if transition is None:
        raise ValueError(f"{day} is not in the evaluated week")
    lines = [day_sentence(held), *map(finding_line, transition.findings)]
    if not transition.findings and transition.before.planned.is_planned:
        lines.append(NOTHING_TO_NOTE)
    return _fold(f"DESCRIPTION:{_text(chr(10).join(lines))}")


def _text(value: str) -> str:
    """RFC 5545 TEXT escaping, as icalendar does it (order matters)."""
    return (
        value.replace(r"\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", r"\;")
        .replace(",", r"\,")
        .replace("\r\n", r"\n")
        .replace("\n", r"\n")
        .replace("\r", r"\n")
    )


def _fold(line: str) -> str:
    """Pieces of at most 74 octets, never splitting a character, joined by CRLF and a space;
    a piece does not end with a backslash (it would split an escape)."""
    if len(line) <= FOLD_AT and line.isascii():
        return line
    encoded = line.encode("utf-8")
    if len(encoded) <= FOLD_AT:
        return line
    pieces = []
    start = 0
    while len(encoded) - start > FOLD_AT:
        cut = start + FOLD_AT
        while encoded[cut] & 0xC0 == 0x80:  # inside a character: cut before it
            cut -= 1
        if encoded[cut - 1] in b"\\^" and cut - 1 > start:
            cut -= 1
        pieces.append(encoded[start:cut])
        start = cut
    pieces.append(encoded[start:])
    return b"\r\n ".join(pieces).decode("utf-8")
