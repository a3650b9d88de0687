"""Helpers the tests share: running the command line in-process, seeding a database, and a
valid user rules file. Test modules import these, never each other."""

from __future__ import annotations

import datetime
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pendulum
import pytest

from planner.cli import main
from planner.clock import FixedClock
from planner.days import WEEKDAY_KEYS, parse_day
from planner.plan import Settings, WeekPlan
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from rules import (
    USER_RULES_FILENAME,
    Day,
    Evaluation,
    Goal,
    PlannedDay,
    Soreness,
    default_knowledge,
    evaluate,
)
from tests.conftest import TODAY


@dataclass(frozen=True)
class Outcome:
    code: int | str | None
    out: str
    err: str


def run_cli(
    argv: list[str], capsys: pytest.CaptureFixture[str], *, today: pendulum.Date = TODAY
) -> Outcome:
    """``planner ARGV`` in this process with a fixed clock; argparse's exits become codes."""
    try:
        code: int | str | None = main(argv, clock=FixedClock(today))
    except SystemExit as exit_info:
        code = exit_info.code
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)


def assert_refused(outcome: Outcome, message: str) -> None:
    """Exit 2 and exactly one stderr line, starting 'planner: ', saying ``message``."""
    assert outcome.code == 2, outcome
    assert outcome.err.startswith("planner: "), outcome.err
    assert outcome.err.count("\n") == 1 and outcome.err.endswith("\n"), outcome.err
    assert "Traceback" not in outcome.err
    assert message in outcome.err, outcome.err
    assert outcome.out == ""


@dataclass(frozen=True)
class CalendarEvent:
    summary: str
    status: str
    sequence: int


def calendar_events(payload: bytes) -> dict[str, CalendarEvent]:
    """Every event of an ics export by UID, read with icalendar and with vobject, which
    must agree; each has a real UTC DTSTAMP, not before its LAST-MODIFIED."""
    import vobject
    from icalendar import Calendar

    by_icalendar = {
        str(event["UID"]): CalendarEvent(
            str(event["SUMMARY"]), str(event["STATUS"]), int(event["SEQUENCE"])
        )
        for event in Calendar.from_ical(payload).walk("VEVENT")
    }
    parsed = vobject.readOne(payload.decode("utf-8"))
    vevents = parsed.contents.get("vevent", [])
    by_vobject = {
        e.uid.value: CalendarEvent(e.summary.value, e.status.value, int(e.sequence.value))
        for e in vevents
    }
    assert by_vobject == by_icalendar
    for event in vevents:
        assert event.dtstamp.value.tzinfo is not None
        assert event.last_modified.value <= event.dtstamp.value
    return by_icalendar


def seed(db: Path, weeks: dict[str, dict[str, str]], first: str = "monday") -> None:
    """Store ``{"2026-W48": {"mon": "legs", "tue": "legs:heavy+run"}}`` (ISO days, in the
    words of ``planner set``) and the first-weekday setting."""
    plans = [
        WeekPlan(
            IsoWeek.parse(name),
            FirstWeekday.MONDAY,
            tuple(
                parse_day(days[key]) if key in days else PlannedDay.UNPLANNED
                for key in WEEKDAY_KEYS
            ),
        )
        for name, days in weeks.items()
    ]
    with Store.open(db) as store:
        store.replace_weeks(plans)
        store.save_settings(Settings(first_weekday=FirstWeekday(first)))


# -- a user rules file
GOOD_RULE = """
[[rules]]
id = "coach-no-long-run-after-legs"
type = "pair"
before = "legs"
after = "run"
kind = "con"
text = "Coach: no long run the day after legs"
detail = "My coach wants long runs on fresh legs."
source = "coaching"
weight = 3
"""


def write_rules(tmp_path: Path, text: str) -> Path:
    path = tmp_path / USER_RULES_FILENAME
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def day_of_word(date: datetime.date, word: str) -> Day:
    """``legs`` or ``run:tempo/legs=very,back=sore`` (a check-in's report) as a Day."""
    held, _, report = word.partition("/")
    sore = tuple(
        (family, Soreness(level))
        for family, level in (pair.split("=") for pair in report.split(",") if pair)
    )
    return Day(date, parse_day(held, clear=True), sore)


def judge_words(
    words: Sequence[str], goal: Goal = Goal.GENERAL, before: Sequence[str] = ()
) -> Evaluation:
    """The engine's verdict on consecutive days given as day words ("-" unplanned), from
    Monday 2026-11-23, ``before`` them as context; the days of ``words`` in focus. A word
    may end in what that day's check-in reported: ``run:tempo/legs=very,back=sore``."""
    monday = datetime.date(2026, 11, 23)
    start = monday - datetime.timedelta(days=len(before))
    days = [
        day_of_word(start + datetime.timedelta(days=n), w) for n, w in enumerate([*before, *words])
    ]
    focus = (monday, monday + datetime.timedelta(days=len(words) - 1))
    return evaluate(days, focus=focus, knowledge=default_knowledge(), goal=goal)


def advice_markup(app: Any) -> list[str]:
    """The advice list's entries as the markup they are drawn from: leads and texts."""
    from screens.widgets.advice_list import AdviceList

    entries = app.screen.query_one(AdviceList).entries
    return ["\n".join(line.lead + line.text for line in entry) for entry in entries]


async def searched(pilot: Any) -> None:
    """After submitting the suggest dialog: its search runs in a thread; wait for it."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
