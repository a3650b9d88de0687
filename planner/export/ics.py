"""The calendar export: one all-day event per planned day, rest days included.

Each event's UID is its date (``2026-11-23@planner``), so importing a later export into the
same calendar updates the day's event instead of adding a second one, even after the day's
activity changed. DTSTAMP and LAST-MODIFIED come from the caller's clock, so the same weeks
exported on the same day give the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime

from icalendar import Calendar, Event

from planner.advice import JudgedWeek
from planner.export.text import NO_ADVICE, finding_line, transition_heading
from rules import Activity, KnowledgeBase

PRODID = "-//planner//training week//EN"
UID_DOMAIN = "planner"
REST_CATEGORY = "Rest day"
TRAINING_CATEGORY = "Training"
# The plain activity word, for scripts that read the calendar back.
ACTIVITY_PROPERTY = "X-PLANNER-ACTIVITY"


def event_uid(day: date) -> str:
    """Stable per date: a re-export updates the calendar's event for that day."""
    return f"{day.isoformat()}@{UID_DOMAIN}"


def calendar_bytes(weeks: Iterable[JudgedWeek], knowledge: KnowledgeBase, today: date) -> bytes:
    """An iCalendar file with one event per planned day of ``weeks``; ``today`` stamps it."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    stamp = datetime(today.year, today.month, today.day, tzinfo=UTC)
    for week in weeks:
        for day, held in week.plan.dated_days:
            if held.activity is not None:
                calendar.add_component(_event(week, day, held.activity, knowledge, stamp))
    payload: bytes = calendar.to_ical()
    return payload


def _event(
    week: JudgedWeek,
    day: date,
    activity: Activity,
    knowledge: KnowledgeBase,
    stamp: datetime,
) -> Event:
    rest = activity is Activity.REST
    event = Event()
    event.add("uid", event_uid(day))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("dtstart", day)
    event.add("dtend", date.fromordinal(day.toordinal() + 1))
    event.add("summary", REST_CATEGORY if rest else knowledge.activity_name(activity))
    event.add("categories", [REST_CATEGORY if rest else TRAINING_CATEGORY])
    event.add(ACTIVITY_PROPERTY, activity.value)
    # A plan, not an appointment: it should not show the day as busy.
    event.add("transp", "TRANSPARENT")
    event.add("description", _description(week, day))
    return event


def _description(week: JudgedWeek, day: date) -> str:
    """The advice on arriving at ``day``: the heading, then one line per finding."""
    transition = week.transition_into(day)
    if transition is None:
        raise ValueError(f"{day} is not in {week.plan.week}")
    lines = [transition_heading(transition)]
    lines += [finding_line(f) for f in transition.findings] or [NO_ADVICE]
    return "\n".join(lines)
