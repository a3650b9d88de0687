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
from planner.days import WEEKDAY_KEYS, day_words, parse_day
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


# -- Pilot: what the planner shows -----------------------------------------------------------


def words(app: Any) -> list[str]:
    """Each shown day as the grid holds it, in ``planner set``'s words (``legs:heavy+run``,
    ``unplanned``)."""
    from screens.widgets.week_grid import WeekGrid

    return [day_words(cell.planned) for cell in app.screen.query_one(WeekGrid).states]


def title(app: Any) -> str:
    """The header as it reads on screen."""
    from screens.widgets.week_title import WeekTitle

    return app.screen.query_one("#week-title", WeekTitle).render().plain


async def notices(pilot: Any) -> list[str]:
    """The notices on screen now, oldest first, each as it reads (its title, if it has one,
    on the first line). Needs ``run_test(notifications=True)``."""
    from textual.widgets._toast import Toast, ToastRack

    await pilot.pause()
    screen = pilot.app.screen
    assert screen.query(ToastRack), "notices are shown with run_test(notifications=True)"
    return [toast.render().plain for toast in screen.query(Toast)]


def advice_markup(app: Any) -> list[str]:
    """The advice list's entries as the markup they are drawn from: leads and texts."""
    from screens.widgets.advice_list import AdviceList

    entries = app.screen.query_one(AdviceList).entries
    return ["\n".join(line.lead + line.text for line in entry) for entry in entries]


async def searched(pilot: Any) -> None:
    """After submitting the suggest dialog: its search runs in a thread; wait for it."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def settled(pilot: Any) -> None:
    """Until every save is written and shown, and every worker done (the smallest fix found,
    a suggestion searched), so a picture never catches "saving" or "looking"."""
    from textual.worker import WorkerState

    from screens.widgets.fix_line import FixLine

    app = pilot.app
    await pilot.pause()
    assert app.wait_for_saves(10)
    busy = (WorkerState.PENDING, WorkerState.RUNNING)
    for _ in range(1000):
        lines = [line for screen in app.screen_stack for line in screen.query(FixLine)]
        if not any(line.searching for line in lines) and not any(
            worker.state in busy for worker in app.workers
        ):
            break
        await pilot.pause(0.01)
    await pilot.pause()


# -- the states of the planner the layout is checked in (pictures and whole text) ------------

HYBRID_WEEK = {
    "mon": "legs:heavy+run:easy", "tue": "push,pull", "wed": "run:intervals", "thu": "rest",
    "fri": "legs", "sat": "run:long", "sun": "rest",
}  # fmt: skip
# A week typed on an empty database, one key a day: it stays in view, past its end.
TYPED_WEEK = ("p", "u", "g", "r", "full_stop", "p", "r")
LAYOUT_SIZES = [(80, 24), (100, 30), (120, 36), (200, 50)]


@dataclass(frozen=True)
class Shown:
    """A state of the planner: the weeks the database holds (``seed``'s words), then the
    keys pressed; ``dialog`` opens the go-to-week dialog first and types a mistake in it."""

    weeks: dict[str, dict[str, str]]
    keys: tuple[str, ...] = ()
    go_to_week: str | None = None


SHOWN = {
    "empty": Shown({}),
    "typed": Shown({}, TYPED_WEEK),
    "hybrid": Shown({"2026-W48": HYBRID_WEEK}),
    "tab": Shown({"2026-W48": HYBRID_WEEK}, ("tab",)),
    "notice": Shown({"2026-W48": HYBRID_WEEK}, ("c",)),  # W47 has nothing to copy
    "go-to-week": Shown({"2026-W48": HYBRID_WEEK}, go_to_week="week 3"),
    "help": Shown({"2026-W48": HYBRID_WEEK}, ("question_mark",)),
    "suggest": Shown({"2026-W48": HYBRID_WEEK}, ("s", "enter")),
    "fix": Shown({"2026-W48": HYBRID_WEEK}, ("f",)),
}


def seed_shown(db: Path, shown: Shown, theme: str | None = None) -> None:
    from dataclasses import replace

    seed(db, shown.weeks)
    if theme is not None:
        with Store.open(db) as store:
            store.save_settings(replace(store.settings(), theme=theme))


async def show(pilot: Any, shown: Shown) -> None:
    """Press ``shown``'s keys (and type into the go-to-week dialog), then settle."""
    await pilot.pause()
    if shown.go_to_week is not None:
        pilot.app.screen.action_go_to_week()
        await pilot.pause()
        await pilot.press(*shown.go_to_week, "enter")
    await pilot.press(*shown.keys)
    await settled(pilot)


# -- sixteen weeks of training, for the load screen and `planner load` -----------------------

# 2026-W37..W44 at a steady base (one lighter week, W41), then two 4-week blocks from a
# heavier layout, each with its deload as its 4th week (W48, this week, and W52); every day
# up to today is logged, with efforts and a skipped day or two.
BASE_WEEK = {"mon": "legs:heavy", "wed": "push", "fri": "run:easy", "sat": "run:long"}
LIGHT_WEEK = {"tue": "push", "sat": "run:easy"}
BLOCK_LAYOUT = ("legs:heavy+run:easy", "push:heavy", "run:intervals", "pull:heavy", "rest",
                "run:long", None)  # fmt: skip
LOAD_FIRST_WEEK = IsoWeek(2026, 37)


def seed_training(db: Path) -> None:
    """Sixteen weeks (2026-W37..W52) with logs, two blocks and their deload weeks."""
    from planner.block import lay_block
    from planner.log import DayLog

    weeks = [LOAD_FIRST_WEEK.shifted(n) for n in range(8)]
    seed(db, {str(week): LIGHT_WEEK if week.week == 41 else BASE_WEEK for week in weeks})
    layout = [None if word is None else parse_day(word) for word in BLOCK_LAYOUT]
    with Store.open(db) as store:
        for start in (IsoWeek(2026, 45), IsoWeek(2026, 49)):
            store.lay_block(lay_block(layout, start, 4, 4, FirstWeekday.MONDAY))
        days = store.days_between(weeks[0].monday, TODAY)
        logs = {}
        for n, (day, held) in enumerate(days):
            if not held.sessions:
                continue
            if n % 11 == 5:  # now and then a day skipped
                logs[day] = DayLog(done=PlannedDay.REST)
                continue
            count = len(held.sessions)
            logs[day] = DayLog(
                done=held, rpe=(5 + n % 4,) * count, minutes=(45 + 5 * (n % 5),) * count
            )
        store.save_logs(logs)
