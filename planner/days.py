"""Facts about days, in one place: the weekday words people type (``mon``) and read
(``Mon``), where each weekday is shown in a Monday- or Sunday-first week, the order
activities are listed and tried in, and the words of what a day holds (``legs``,
``unplanned``) with what to tell the user when a word is wrong.

The command line, the JSON export and import, the store's keys, templates, suggest and the
screens all read these; none writes its own list.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date

from planner.spelling import did_you_mean
from planner.weeks import FirstWeekday
from rules import (
    MAX_SESSIONS,
    SESSION_ACTIVITIES,
    Activity,
    DayError,
    Intensity,
    PlannedDay,
    RunType,
    Session,
)

DAYS_IN_WEEK = 7
# Indexed by ISO weekday - 1 (``date.weekday()``): the keys typed, stored and exported...
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# ...and the names shown (never strftime's, which follow the locale).
WEEKDAY_ABBREVIATIONS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# The order activities are listed, tried and tie-broken in: push, pull, legs, run, rest.
ACTIVITIES: tuple[Activity, ...] = tuple(Activity)
SESSIONS: tuple[Activity, ...] = SESSION_ACTIVITIES  # every activity but rest

# Typed by ``planner set`` to clear a day; what an unplanned day is called.
CLEAR = "-"
UNPLANNED = "unplanned"

_DAY_LIST = ", ".join(WEEKDAY_KEYS[:-1]) + f" or {WEEKDAY_KEYS[-1]}"
_ACTIVITY_WORDS = [activity.value for activity in ACTIVITIES]
_ACTIVITY_LIST = ", ".join(_ACTIVITY_WORDS[:-1]) + f" or {_ACTIVITY_WORDS[-1]}"


class UnknownName(ValueError):
    """A day or activity word that is not one of ours; ``str()`` says which words are."""


def displayed_weekdays(first: FirstWeekday) -> tuple[int, ...]:
    """The ISO weekday index (0 = Monday) shown at each position of a week."""
    return (6, 0, 1, 2, 3, 4, 5) if first is FirstWeekday.SUNDAY else tuple(range(DAYS_IN_WEEK))


def displayed_index(weekday: int, first: FirstWeekday) -> int:
    """Where the ISO weekday ``weekday`` (0 = Monday) is shown in a week."""
    return displayed_weekdays(first).index(weekday)


def weekday_key(day: date) -> str:
    """``mon`` .. ``sun``."""
    return WEEKDAY_KEYS[day.weekday()]


def weekday_abbreviation(day: date) -> str:
    """``Mon`` .. ``Sun``."""
    return WEEKDAY_ABBREVIATIONS[day.weekday()]


def parse_weekday(text: str) -> int:
    """The ISO weekday index (0 = Monday) of ``mon`` .. ``sun``, any case."""
    try:
        return WEEKDAY_KEYS.index(text.strip().lower())
    except ValueError:
        raise UnknownName(
            f"'{text}' is not a day; use {_DAY_LIST}{did_you_mean(text, WEEKDAY_KEYS)}"
        ) from None


def parse_activity(text: str) -> Activity:
    """``push`` .. ``rest``, any case."""
    try:
        return Activity(text.strip().lower())
    except ValueError:
        raise UnknownName(
            f"'{text}' is not an activity; use {_ACTIVITY_LIST}{did_you_mean(text, ACTIVITIES)}"
        ) from None


# -- the words of a day: ``legs:heavy+run:easy``, ``push,pull``, ``rest`` ------------------

APART = "+"  # two sessions at least 6 h apart (morning, evening)
TOGETHER = ","  # two sessions back to back, one visit
ATTRIBUTE = ":"
_INTENSITIES = ", ".join(Intensity)
_RUN_TYPES = ", ".join(RunType)


def parse_session(text: str) -> Session:
    """``KIND[:ATTRIBUTE]``: ``legs``, ``legs:heavy``, ``run:intervals`` (any case)."""
    kind_text, colon, attribute_text = text.strip().lower().partition(ATTRIBUTE)
    kind = kind_text.strip()
    if kind == Activity.REST.value:
        raise UnknownName("rest is a whole day, not a session: plan rest alone")
    if kind not in SESSIONS:
        raise UnknownName(
            f"'{kind_text.strip()}' is not a session; use push, pull, legs or run"
            f"{did_you_mean(kind, SESSIONS)}"
        )
    activity = Activity(kind)
    if not colon:
        return Session(activity)
    run = activity is Activity.RUN
    own: type[Intensity] | type[RunType] = RunType if run else Intensity
    other: type[Intensity] | type[RunType] = Intensity if run else RunType
    names = _RUN_TYPES if run else _INTENSITIES
    attribute = attribute_text.strip()
    if attribute in own.__members__.values():
        if run:
            return Session(activity, run_type=RunType(attribute))
        return Session(activity, intensity=Intensity(attribute))
    if attribute in other.__members__.values():
        if run:
            raise UnknownName(f"a run has a type ({names}), not an intensity")
        raise UnknownName(f"{activity} has an intensity ({names}), not a run type")
    if run and attribute in ("hill", "hills"):
        raise UnknownName(f"'{text.strip()}': hills count as intervals; write run:intervals")
    close = did_you_mean(attribute, own)
    what = "a run's type" if run else "a lift's intensity"
    if close:
        raise UnknownName(f"'{text.strip()}':{close[1:]} ({what} is {names})")
    raise UnknownName(
        f"'{attribute}' is not {'a run type' if run else 'an intensity'}; use {names}"
    )


def parse_day(text: str, *, clear: bool = False) -> PlannedDay:
    """What a day holds, in the words ``planner set``, the templates and the store use:
    ``rest``, ``SESSION``, ``SESSION+SESSION`` (apart) or ``SESSION,SESSION`` (together),
    where ``SESSION`` is ``KIND[:ATTRIBUTE]``; with ``clear``, ``-`` is an unplanned day.
    UnknownName says what is wrong."""
    word = text.strip()
    if clear and word == CLEAR:
        return PlannedDay.UNPLANNED
    if word.lower() == Activity.REST.value:
        return PlannedDay.REST
    if not word:
        raise UnknownName("nothing is planned; write an activity like legs or rest")
    if not any(mark in word for mark in (ATTRIBUTE, APART, TOGETHER)):
        # One bare word: the words of a one-activity day, and their message.
        try:
            return PlannedDay.of(parse_activity(word))
        except UnknownName:
            if not clear:
                raise
            raise UnknownName(
                f"'{text}' is not an activity; use {', '.join(_ACTIVITY_WORDS)}, "
                f"or {CLEAR} to clear the day{did_you_mean(word, ACTIVITIES)}"
            ) from None
    together = TOGETHER in word
    parts = word.split(TOGETHER if together else APART)
    if together and APART in word:
        raise UnknownName(f"'{word}' mixes {APART} and {TOGETHER}; join two sessions with one")
    if len(parts) > MAX_SESSIONS:
        raise UnknownName(f"'{word}' holds {len(parts)} sessions; plan at most {MAX_SESSIONS}")
    try:
        return PlannedDay(tuple(parse_session(part) for part in parts), together=together)
    except DayError as error:
        raise UnknownName(str(error)) from None


@functools.lru_cache(maxsize=1024)
def session_words(session: Session, *, explicit: bool = False) -> str:
    """``legs:heavy``; ``legs`` for a default attribute unless ``explicit``."""
    if session.is_default and not explicit:
        return session.kind.value
    return f"{session.kind}{ATTRIBUTE}{session.attribute}"


@functools.lru_cache(maxsize=4096)
def day_words(day: PlannedDay, *, explicit: bool = False) -> str:
    """What a day holds in the words :func:`parse_day` reads: ``legs:heavy+run``,
    ``push,pull``, ``rest`` or ``unplanned``; ``explicit`` spells default attributes too."""
    if day.rest:
        return Activity.REST.value
    if not day.sessions:
        return UNPLANNED
    joiner = TOGETHER if day.together else APART
    return joiner.join(session_words(session, explicit=explicit) for session in day.sessions)


@functools.lru_cache(maxsize=1024)
def day_phrase(day: PlannedDay) -> str:
    """What a day holds in words to read rather than type: ``Legs heavy + Run`` (apart),
    ``Push & Pull`` (together), ``Run intervals``, ``Rest`` or ``unplanned``; default
    attributes are left out, as in :func:`day_words`."""
    if day.rest:
        return Activity.REST.value.capitalize()
    if not day.sessions:
        return UNPLANNED
    joiner = " & " if day.together else " + "
    return joiner.join(
        session.kind.value.capitalize() + ("" if session.is_default else f" {session.attribute}")
        for session in day.sessions
    )


# A second session as a reader names it after the first ("then an easy run").
_SECOND_RUN = {
    RunType.EASY: "an easy run",
    RunType.LONG: "a long run",
    RunType.TEMPO: "a tempo run",
    RunType.INTERVALS: "an interval run",
}
_SECOND_LIFT = {Activity.PUSH: "push", Activity.PULL: "pull", Activity.LEGS: "leg"}
NOTHING_PLANNED = "Nothing planned"


@functools.lru_cache(maxsize=1024)
def day_sentence(day: PlannedDay) -> str:
    """What a day holds as a person writes it, every attribute said: ``Legs (heavy), then
    an easy run in the evening`` (apart), ``Push (moderate), then a moderate pull session
    straight after`` (together), ``Run (long)``, ``Rest day`` or ``Nothing planned``: the
    exports' words for people (the Markdown table), where ``planner set``'s are for typing."""
    if day.rest:
        return "Rest day"
    if not day.sessions:
        return NOTHING_PLANNED
    first, *others = day.sessions
    text = f"{first.kind.value.capitalize()} ({first.attribute})"
    for second in others:
        if second.kind is Activity.RUN:
            noun = _SECOND_RUN[RunType(second.attribute)]
        else:
            noun = f"a {second.attribute} {_SECOND_LIFT[second.kind]} session"
        text += f", then {noun} {'straight after' if day.together else 'in the evening'}"
    return text


def read_days(
    words: Sequence[str],
    *,
    form: str,
    example: str,
    label: str = "",
    clear: bool = False,
    repeated: tuple[str, str] = ("given", "give each day once"),
) -> dict[int, PlannedDay]:
    """``DAY=WORDS`` words (``mon=legs:heavy+run``) as {ISO weekday (0 = Monday): day}, or
    UnknownName about the first bad word, a day given twice included. ``form`` and
    ``example`` name the expected shape, ``label`` starts each message (``--pin ``)."""
    days: dict[int, PlannedDay] = {}
    seen: dict[int, str] = {}
    for word in words:
        day_text, equals, held_text = word.partition("=")
        if not equals or not day_text.strip() or not held_text.strip():
            raise UnknownName(f"'{word}' is not {form}; write it like {label}{example}")
        try:
            weekday = parse_weekday(day_text)
            held = parse_day(held_text, clear=clear)
        except UnknownName as error:
            raise UnknownName(f"{label}{word}: {error}") from None
        if weekday in seen:
            done, instead = repeated
            raise UnknownName(
                f"{day_text.strip().lower()} is {done} twice ({seen[weekday]}, {word}); {instead}"
            )
        seen[weekday] = word
        days[weekday] = held
    return days
