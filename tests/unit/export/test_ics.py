"""``planner export --format ics``: parses with icalendar, one all-day event per planned day,
rest days marked, the day's incoming advice, and UIDs that stay put across exports."""

from __future__ import annotations

import datetime
from pathlib import Path

import pendulum
import pytest
from icalendar import Calendar, Event

from planner.days import parse_day
from planner.export.text import finding_line
from planner.store import Store
from rules import Activity, Day, default_knowledge, evaluate
from tests.helpers import run_cli, seed

WEEKS = {
    "2026-W47": {"sun": "rest"},
    "2026-W48": {"mon": "legs", "tue": "run", "wed": "rest", "sat": "pull"},
    "2027-W01": {"fri": "push"},
}
# A day after any the store's clock (the real one) saves days on.
LATER = pendulum.Date(2100, 1, 4)
PLANNED = {
    "2026-11-22": "rest",
    "2026-11-23": "legs",
    "2026-11-24": "run",
    "2026-11-25": "rest",
    "2026-11-28": "pull",
    "2027-01-08": "push",
}


def export_ics(
    db: Path, capsys: pytest.CaptureFixture[str], *argv: str, today: pendulum.Date | None = None
) -> bytes:
    extra = {} if today is None else {"today": today}
    outcome = run_cli(["export", "--format", "ics", "--db", str(db), *argv], capsys, **extra)
    assert (outcome.code, outcome.err) == (0, "")
    return outcome.out.encode("utf-8")


def events(payload: bytes) -> dict[str, Event]:
    calendar = Calendar.from_ical(payload)
    assert str(calendar["PRODID"]) == "-//planner//training week//EN"
    assert str(calendar["VERSION"]) == "2.0"
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.mark.parametrize("first", ["monday", "sunday"])
def test_one_all_day_event_per_planned_day(
    db_path: Path, capsys: pytest.CaptureFixture[str], first: str
) -> None:
    seed(db_path, WEEKS, first=first)
    found = events(export_ics(db_path, capsys))
    assert sorted(found) == [f"{day}@planner" for day in PLANNED]
    for day, activity in PLANNED.items():
        event = found[f"{day}@planner"]
        start = datetime.date.fromisoformat(day)
        assert event.decoded("DTSTART") == start
        assert not isinstance(event.decoded("DTSTART"), datetime.datetime)
        assert event.decoded("DTEND") == start + datetime.timedelta(days=1)
        assert str(event["X-PLANNER-ACTIVITY"]) == activity
        rest = activity == "rest"
        attribute = {"run": "easy"}.get(activity, "moderate")
        summary = "Rest day" if rest else f"{activity.capitalize()} ({attribute})"
        assert str(event["SUMMARY"]) == summary
        assert event["CATEGORIES"].cats == ["Rest day" if rest else "Training"]
        assert str(event["TRANSP"]) == "TRANSPARENT"


def test_the_description_is_the_day_then_the_advice_on_arriving_at_it(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, WEEKS)
    found = events(export_ics(db_path, capsys))
    legs_to_run = str(found["2026-11-24@planner"]["DESCRIPTION"]).split("\n")
    assert legs_to_run[0] == "Run (easy)"
    marks = {"pro": "+ pro", "con": "- con", "tip": "i tip"}
    monday = datetime.date(2026, 11, 23)
    pair = (
        evaluate(
            [
                Day(monday, parse_day("legs")),
                Day(monday + datetime.timedelta(days=1), parse_day("run")),
            ]
        )
        .transitions[-1]
        .findings
    )
    assert legs_to_run[1 : 1 + len(pair)] == [
        f"{marks[f.kind.value]}  {f.text}  [{f.source.citation}]" for f in pair
    ]
    assert legs_to_run[1].startswith("i tip  ")
    assert any(line.startswith("i tip  ") for line in legs_to_run)
    # Across the week boundary: Sunday's rest leads into Monday's legs.
    monday = str(found["2026-11-23@planner"]["DESCRIPTION"]).split("\n")
    assert monday[0] == "Legs (moderate)" and len(monday) > 1
    # After an unplanned day: the day alone, never a hint for the screen.
    assert str(found["2026-11-28@planner"]["DESCRIPTION"]) == "Pull (moderate)"
    assert not any("Plan both days" in str(e["DESCRIPTION"]) for e in found.values())


def test_uids_stay_put_when_a_day_changes_so_calendars_update_not_duplicate(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, WEEKS)
    # Exported on days after the store's own clock (the real one) saved the days.
    first = events(export_ics(db_path, capsys, today=LATER))
    assert (
        run_cli(["set", "--db", str(db_path), "--week", "2026-W48", "tue=push"], capsys).code == 0
    )
    second_payload = export_ics(db_path, capsys, today=LATER.add(days=1))
    second = events(second_payload)
    assert set(second) == set(first)
    assert str(second["2026-11-24@planner"]["SUMMARY"]) == "Push (moderate)"
    assert str(first["2026-11-24@planner"]["SUMMARY"]) == "Run (easy)"
    # The later export says it is newer, so a calendar takes its version of the event.
    sequences = [int(e["2026-11-24@planner"]["SEQUENCE"]) for e in (first, second)]
    assert sequences == [1, 2]
    stamps = [e["2026-11-24@planner"].decoded("DTSTAMP") for e in (first, second)]
    assert stamps[0] < stamps[1]
    changes = [e["2026-11-24@planner"].decoded("LAST-MODIFIED") for e in (first, second)]
    assert changes[0] <= changes[1]
    # A day that did not change keeps its sequence and last change.
    monday = [e["2026-11-23@planner"] for e in (first, second)]
    assert monday[0]["SEQUENCE"] == monday[1]["SEQUENCE"] == 1
    assert monday[0]["LAST-MODIFIED"].to_ical() == monday[1]["LAST-MODIFIED"].to_ical()


def test_the_same_weeks_at_the_same_moment_give_the_same_bytes(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, WEEKS)
    payload = export_ics(db_path, capsys, today=LATER)
    assert payload == export_ics(db_path, capsys, today=LATER)
    lines = payload.split(b"\r\n")
    # DTSTAMP: when the file was made (the injected clock); LAST-MODIFIED: each day's change.
    assert {line for line in lines if line.startswith(b"DTSTAMP:")} == {b"DTSTAMP:21000104T000000Z"}
    with Store.open(db_path, read_only=True) as store:
        changed = {entry.changed for entry in store.revisions().values()}
    modified = {line for line in lines if line.startswith(b"LAST-MODIFIED:")}
    assert modified == {f"LAST-MODIFIED:{stamp}".encode() for stamp in changed}
    assert payload.count(b"BEGIN:VEVENT") == len(PLANNED)


@pytest.mark.parametrize(
    ("argv", "days"),
    [
        (
            ["--from", "2026-W48", "--to", "2026-W48"],
            ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-28"],
        ),
        (["--from", "2026-W49"], ["2027-01-08"]),
        (["--to", "2026-W47"], ["2026-11-22"]),
        (["--from", "2026-W49", "--to", "2026-W52"], []),
    ],
)
def test_from_and_to_choose_the_days(
    db_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], days: list[str]
) -> None:
    seed(db_path, WEEKS)
    found = events(export_ics(db_path, capsys, *argv))
    assert sorted(found) == [f"{day}@planner" for day in days]


def test_sunday_first_puts_the_sunday_in_the_next_displayed_week(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, WEEKS, first="sunday")
    found = events(export_ics(db_path, capsys, "--from", "2026-W48", "--to", "2026-W48"))
    assert "2026-11-22@planner" in found


def test_an_empty_database_is_an_empty_calendar(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert events(export_ics(db_path, capsys)) == {}


def test_written_to_a_file_with_crlf_line_ends(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, WEEKS)
    target = tmp_path / "training.ics"
    outcome = run_cli(
        ["export", "--format", "ics", "--db", str(db_path), "-o", str(target)], capsys
    )
    assert (outcome.code, outcome.out) == (0, "")
    payload = target.read_bytes()
    assert payload.startswith(b"BEGIN:VCALENDAR\r\n")
    assert payload == export_ics(db_path, capsys)
    assert len(events(payload)) == len(PLANNED)


# -- the hand-written file is what icalendar writes ------------------------------------------


def icalendar_reference(db: Path) -> bytes:
    """The calendar as the planner built it with icalendar's components before writing it
    itself (too slow for thousands of weeks): the same events, serialized by the library."""
    from planner.advice import NOTHING_TO_NOTE
    from planner.cli.common import judged
    from planner.days import day_sentence, session_words
    from planner.export.ics import (
        ACTIVITY_PROPERTY,
        CANCELLED_DESCRIPTION,
        CANCELLED_SUMMARY,
        PRODID,
        REST_CATEGORY,
        SESSION_PROPERTY,
        TRAINING_CATEGORY,
        session_summary,
    )
    from planner.store.revisions import NEVER
    from planner.weeks import week_of

    knowledge = default_knowledge()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    now = datetime.datetime(2026, 11, 25, tzinfo=datetime.UTC)

    def moment(stamp: str | None) -> datetime.datetime:
        if stamp is None:
            return now
        return datetime.datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.UTC)

    def event(day: datetime.date, slot: int, sequence: int, changed: str | None) -> Event:
        made = Event()
        uid = day.isoformat() + ("" if slot == 1 else f"-{slot}")
        made.add("uid", f"{uid}@planner")
        made.add("dtstamp", max(now, moment(changed)))
        made.add("last-modified", moment(changed))
        made.add("sequence", sequence)
        made.add("dtstart", day)
        made.add("dtend", datetime.date.fromordinal(day.toordinal() + 1))
        made.add("transp", "TRANSPARENT")
        return made

    with Store.open(db, read_only=True) as store:
        settings = store.settings()
        first = settings.first_weekday
        revisions = store.revisions()
        held_on = {day: held for plan in store.all_plans() for day, held in plan.dated_days}
        count = {day: 1 if held.rest else len(held.sessions) for day, held in held_on.items()}
        shown = {week_of(day, first) for day, n in count.items() if n}
        shown |= {
            week_of(day, first) for day, r in revisions.items() if r.exported > count.get(day, 0)
        }
        for week in sorted(shown):
            judged_week = judged(store, week, settings, knowledge)
            for day, held in judged_week.plan.dated_days:
                revision = revisions.get(day, NEVER)
                slots = [] if not held.is_planned else [None] if held.rest else list(held.sessions)
                if slots:
                    transition = judged_week.transition_into(day)
                    assert transition is not None
                    lines = [day_sentence(held)] + [finding_line(f) for f in transition.findings]
                    if not transition.findings and transition.before.planned.is_planned:
                        lines.append(NOTHING_TO_NOTE)
                for slot, session in enumerate(slots, start=1):
                    made = event(day, slot, revision.revision, revision.changed)
                    made.add("summary", session_summary(held, slot, knowledge))
                    made.add("categories", [REST_CATEGORY if held.rest else TRAINING_CATEGORY])
                    kind = Activity.REST if session is None else session.kind
                    made.add(ACTIVITY_PROPERTY, kind.value)
                    words = "rest" if session is None else session_words(session, explicit=True)
                    made.add(SESSION_PROPERTY, words)
                    made.add("status", "CONFIRMED")
                    made.add("description", "\n".join(lines))
                    calendar.add_component(made)
                for slot in range(len(slots) + 1, revision.exported + 1):
                    made = event(day, slot, revision.revision, revision.changed)
                    made.add("summary", CANCELLED_SUMMARY)
                    made.add("status", "CANCELLED")
                    made.add("description", CANCELLED_DESCRIPTION)
                    calendar.add_component(made)
    payload: bytes = calendar.to_ical()
    return payload


@pytest.mark.parametrize("first", ["monday", "sunday"])
def test_the_calendar_is_byte_for_byte_what_icalendar_writes(
    db_path: Path, capsys: pytest.CaptureFixture[str], first: str
) -> None:
    words = [
        "push",
        "pull:heavy",
        "legs:heavy+run:easy",
        "run:intervals",
        "rest",
        None,
        "push,pull",
    ]
    weeks = {
        f"2026-W{n:02d}": {
            key: word
            for index, key in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
            if (word := words[(n * 5 + index * (n % 4 + 1)) % len(words)]) is not None
        }
        for n in range(1, 53)
        if n % 7 != 3
    }
    seed(db_path, {**WEEKS, **weeks}, first=first)
    assert export_ics(db_path, capsys) == icalendar_reference(db_path)
    # Sessions removed and days cleared after that export: their events are cancelled.
    for argv in (
        ["--week", "2026-W10", "mon=-", "wed=legs:heavy"],
        ["--week", "2026-W30", "tue=-"],
    ):
        assert run_cli(["set", "--db", str(db_path), *argv], capsys).code == 0
    assert run_cli(["set", "--db", str(db_path), "--week", "2027-W01", "fri=-"], capsys).code == 0
    payload = export_ics(db_path, capsys)
    assert b"STATUS:CANCELLED" in payload
    assert payload == icalendar_reference(db_path)


def test_folding_and_escaping_match_icalendar() -> None:
    import random

    from icalendar.parser.string import _escape_char, _foldline

    from planner.export.ics import _fold, _text

    alphabet = "ab ,;:\\^\nN→é€😀\r"
    chance = random.Random(15)
    for _ in range(3000):
        text = "".join(chance.choice(alphabet) for _ in range(chance.randint(0, 240)))
        assert _text(text) == _escape_char(text), repr(text)
        line = f"DESCRIPTION:{_text(text)}"
        assert _fold(line) == _foldline(line), repr(line)


def test_the_calendar_is_written_without_icalendar_components(
    db_path: Path, tmp_path: Path
) -> None:
    """Its components cost 20 s and 650 MB for 10k weeks (bench/bench_export.py)."""
    import subprocess
    import sys

    seed(db_path, WEEKS)
    out = tmp_path / "out.ics"
    argv = ["export", "--format", "ics", "--db", str(db_path), "-o", str(out)]
    code = (
        "import sys; from planner.cli import main; "
        f"code = main({argv!r}); print(code, 'icalendar' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["0", "False"], result
    assert len(events(out.read_bytes())) == len(PLANNED)


def test_one_event_per_session_with_stable_uids_per_slot(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": {"mon": "legs:heavy+run:easy", "tue": "push,pull", "wed": "rest"}})
    found = events(export_ics(db_path, capsys))
    assert sorted(found) == [
        "2026-11-23-2@planner",
        "2026-11-23@planner",
        "2026-11-24-2@planner",
        "2026-11-24@planner",
        "2026-11-25@planner",
    ]
    assert str(found["2026-11-23@planner"]["SUMMARY"]) == "1/2 Legs (heavy), morning"
    assert str(found["2026-11-23-2@planner"]["SUMMARY"]) == "2/2 Run (easy), evening"
    assert str(found["2026-11-24@planner"]["SUMMARY"]) == "1/2 Push (moderate), back to back"
    assert str(found["2026-11-24-2@planner"]["SUMMARY"]) == "2/2 Pull (moderate), back to back"
    assert str(found["2026-11-23-2@planner"]["X-PLANNER-SESSION"]) == "run:easy"
    assert str(found["2026-11-25@planner"]["SUMMARY"]) == "Rest day"
