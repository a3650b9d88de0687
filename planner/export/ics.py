"""The calendar export: one all-day event per session, and one per rest day.

Each event's UID is its date and slot (``2026-11-23@planner`` for a day's first session or
its rest, ``2026-11-23-2@planner`` for a second session), so importing a later export into
the same calendar updates the day's events instead of adding more, even after what the day
holds changed. The summary names the session's kind and attribute (``Legs (heavy)``); two
sessions apart are the morning's and the evening's, two together the first and second of one
visit. DTSTAMP and LAST-MODIFIED come from the caller's clock, so the same weeks
exported on the same day give the same bytes.

The file is written here, one event at a time, rather than through icalendar's components:
building and serializing 70,000 of them (ten thousand weeks) took 20 s and 650 MB. What is
written is what icalendar writes for the same events: its property order, its TEXT escaping
and its line folding (tests/unit/export/test_ics.py compares the two byte for byte).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from datetime import date

from planner.advice import no_findings
from planner.days import session_words
from planner.export.text import finding_line, transition_heading
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

# One displayed week: its seven dated days and their evaluation with the context days.
EvaluatedWeek = tuple[Sequence[tuple[date, PlannedDay]], Evaluation]


def event_uid(day: date, slot: int = 1) -> str:
    """Stable per date and slot: a re-export updates the calendar's events for that day."""
    return f"{day.isoformat()}{'' if slot == 1 else f'-{slot}'}@{UID_DOMAIN}"


def calendar_bytes(
    weeks: Iterable[EvaluatedWeek], knowledge: KnowledgeBase, today: date
) -> bytearray:
    """An iCalendar file with one event per session and rest day of ``weeks``; ``today``
    stamps it. ``weeks`` may be a generator: each week is turned into bytes and dropped."""
    stamp = f"{_date(today)}T000000Z"
    # One growing buffer, returned as it is: a list of chunks joined at the end held the
    # whole calendar twice.
    calendar = bytearray(
        f"BEGIN:VCALENDAR{CRLF}VERSION:2.0{CRLF}PRODID:{_text(PRODID)}{CRLF}".encode()
    )
    for days, evaluation in weeks:
        arrivals = {transition.after.date: transition for transition in evaluation.transitions}
        events = []
        for day, held in days:
            if not held.is_planned:
                continue
            description = _fold(f"DESCRIPTION:{_text(_description(arrivals, day))}")
            for slot, (summary, activity, words) in enumerate(_slots(held, knowledge), start=1):
                events.append(_event(day, slot, activity, words, summary, description, stamp))
        calendar += "".join(events).encode("utf-8")
    calendar += f"END:VCALENDAR{CRLF}".encode()
    return calendar


def session_summary(day: PlannedDay, slot: int, knowledge: KnowledgeBase) -> str:
    """``Legs (heavy)``; for two sessions apart ``..., morning`` / ``..., evening``, for two
    together ``..., first of two`` / ``..., second of two``; ``Rest day``."""
    if day.rest:
        return REST_CATEGORY
    session = day.sessions[slot - 1]
    text = f"{knowledge.activity_name(session.kind)} ({session.attribute})"
    if len(day.sessions) == 1:
        return text
    if day.together:
        return f"{text}, {'first' if slot == 1 else 'second'} of two back to back"
    return f"{text}, {'morning' if slot == 1 else 'evening'}"


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
    activity: Activity,
    words: str,
    summary: str,
    description: str,
    stamp: str,
) -> str:
    """One VEVENT, each line ending in CRLF. The fixed values need no escaping or folding."""
    category = REST_CATEGORY if activity is Activity.REST else TRAINING_CATEGORY
    following = date.fromordinal(day.toordinal() + 1)
    # icalendar's canonical order: SUMMARY, DTSTART, DTEND, DTSTAMP, UID, then by name.
    # TRANSP:TRANSPARENT: a plan, not an appointment, so the day does not show as busy.
    return (
        f"BEGIN:VEVENT{CRLF}{summary}{CRLF}"
        f"DTSTART;VALUE=DATE:{_date(day)}{CRLF}"
        f"DTEND;VALUE=DATE:{_date(following)}{CRLF}"
        f"DTSTAMP:{stamp}{CRLF}"
        f"UID:{event_uid(day, slot)}{CRLF}"
        f"CATEGORIES:{category}{CRLF}"
        f"{description}{CRLF}"
        f"LAST-MODIFIED:{stamp}{CRLF}"
        f"TRANSP:TRANSPARENT{CRLF}"
        f"{ACTIVITY_PROPERTY}:{activity.value}{CRLF}"
        f"{SESSION_PROPERTY}:{words}{CRLF}"
        f"END:VEVENT{CRLF}"
    )


def _description(arrivals: dict[date, Transition], day: date) -> str:
    """The advice on arriving at ``day``: the heading, then one line per finding."""
    transition = arrivals.get(day)
    if transition is None:
        raise ValueError(f"{day} is not in the evaluated week")
    lines = [transition_heading(transition)]
    lines += [finding_line(f) for f in transition.findings] or [no_findings(transition)]
    return "\n".join(lines)


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
