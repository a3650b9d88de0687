"""The calendar export with a real client: khal, a terminal calendar, imports each export
into a throwaway vdir, as a user keeping a calendar in step with the plan would
(``khal import --batch``), and ``khal list`` must then show exactly the planner's week:
every session and rest day in order, and each removed one only as cancelled.

khal never deletes an event on import: a removal reaches it as STATUS:CANCELLED, which
``khal list`` prints as ``CANCELLED <summary>`` (and ikhal crosses out). So a removal has
reached khal when the event's only line left is a cancelled one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import calendar_events, run_cli, seed

FIXTURES = Path(__file__).parents[2] / "fixtures"
WEEK = "2026-W48"
MONDAY, NEXT_MONDAY = "2026-11-23", "2026-11-30"
CONFIG = """\
[calendars]
[[training]]
path = {vdir}
type = calendar

[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = UTC
default_timezone = UTC

[default]
default_calendar = training
"""
# What khal lists: a line per day, then a line per event, cancelled ones marked.
CANCELLED = "CANCELLED "


def khal_program() -> str:
    beside = Path(sys.executable).with_name("khal")  # installed with the dev extras
    found = str(beside) if beside.exists() else shutil.which("khal")
    if found is None:
        pytest.skip("khal is not installed here: 'make test' installs it with the dev extras")
    return found


class Khal:
    """khal with its own config, vdir and cache, all in a temporary folder."""

    def __init__(self, folder: Path) -> None:
        self.program = khal_program()
        vdir = folder / "calendars" / "training"
        vdir.mkdir(parents=True)
        self.config = folder / "khal.conf"
        self.config.write_text(CONFIG.format(vdir=vdir), encoding="utf-8")
        self.env = {
            **os.environ,
            "HOME": str(folder),
            "XDG_CONFIG_HOME": str(folder / "config"),
            "XDG_DATA_HOME": str(folder / "data"),
            "TZ": "UTC",
        }

    def __call__(self, *argv: str) -> str:
        result = subprocess.run(
            [self.program, "-c", str(self.config), *argv],
            capture_output=True, text=True, env=self.env, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, result
        return result.stdout

    def import_file(self, path: Path) -> None:
        self("import", "--batch", str(path))

    def listed(self, start: str = MONDAY, end: str = NEXT_MONDAY) -> dict[str, list[str]]:
        """``khal list`` from ``start`` to the day before ``end``: each date's lines."""
        out = self("list", "--format", "{cancelled}{title}", "--day-format", "{date}", start, end)
        days: dict[str, list[str]] = {}
        for line in out.splitlines():
            if line[:4].isdigit() and line[4:5] == "-":
                days[line] = current = []
            elif line.strip():
                current.append(line)
        return {day: lines for day, lines in days.items() if start <= day < end}


def planner_week(db: Path, capsys: pytest.CaptureFixture[str], week: str = WEEK) -> Any:
    outcome = run_cli(["show", "--json", "--week", week, "--db", str(db)], capsys)
    assert outcome.code == 0, outcome
    return json.loads(outcome.out)


def titles(day: dict[str, Any]) -> list[str]:
    """The events of one ``show --json`` day, as the calendar should title them, in order:
    written here from the JSON (not with the export's code), as a reader of it would."""
    if day["rest"]:
        return ["Rest day"]
    sessions = day["sessions"]
    named = [f"{s['kind'].capitalize()} ({s.get('intensity') or s['type']})" for s in sessions]
    if len(named) < 2:
        return named
    whens = ["back to back"] * 2 if day["together"] else ["morning", "evening"]
    return [
        f"{n}/2 {name}, {when}" for n, (name, when) in enumerate(zip(named, whens, strict=True), 1)
    ]


def live(listed: dict[str, list[str]]) -> dict[str, list[str]]:
    days = {d: [t for t in lines if not t.startswith(CANCELLED)] for d, lines in listed.items()}
    return {day: lines for day, lines in days.items() if lines}


def cancelled(listed: dict[str, list[str]]) -> dict[str, int]:
    counts = {day: sum(t.startswith(CANCELLED) for t in lines) for day, lines in listed.items()}
    return {day: count for day, count in counts.items() if count}


@pytest.fixture
def khal(tmp_path: Path) -> Khal:
    return Khal(tmp_path / "khal")


class Round:
    """Export the whole database, import it into khal, and read khal's week back."""

    def __init__(self, db: Path, khal: Khal, folder: Path, capsys: Any) -> None:
        self.db, self.khal, self.folder, self.capsys = db, khal, folder, capsys
        self.count = 0

    def __call__(self, *days: str) -> Iterator[dict[str, list[str]]]:
        if days:
            outcome = run_cli(["set", "--db", str(self.db), "--week", WEEK, *days], self.capsys)
            assert outcome.code == 0, outcome
        self.count += 1
        target = self.folder / f"training-{self.count}.ics"
        outcome = run_cli(["export", "--format", "ics", "--db", str(self.db), "-o", str(target)],
                          self.capsys)  # fmt: skip
        assert (outcome.code, outcome.err) == (0, ""), outcome
        calendar_events(target.read_bytes())  # icalendar and vobject read it alike
        self.khal.import_file(target)
        yield self.khal.listed()


def expected(db: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, list[str]]:
    days = planner_week(db, capsys)["days"]
    return {day["date"]: titles(day) for day in days if titles(day)}


def test_khal_shows_exactly_the_planners_week_after_every_change(
    db_path: Path, khal: Khal, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(
        db_path,
        {
            WEEK: {
                "mon": "run:easy+legs:heavy",  # in order: the run sorts after legs by name
                "tue": "push,pull",
                "wed": "rest",
                "thu": "run:intervals",
                "sat": "run:long+pull:light",
                "sun": "rest",
            }
        },
    )
    round_trip = Round(db_path, khal, tmp_path, capsys)
    steps: list[tuple[tuple[str, ...], dict[str, int]]] = [
        ((), {}),  # imported as it is
        (("thu=run:tempo", "tue=pull,push"), {}),  # days changed
        (("mon=legs:heavy", "sat=run:long"), {MONDAY: 1, "2026-11-28": 1}),  # sessions removed
        (("wed=-", "sun=-"), {MONDAY: 1, "2026-11-25": 1, "2026-11-28": 1, "2026-11-29": 1}),
        (("wed=push+run",), {MONDAY: 1, "2026-11-28": 1, "2026-11-29": 1}),  # planned again
    ]
    for days, gone in steps:
        (listed,) = round_trip(*days)
        assert live(listed) == expected(db_path, capsys), days
        assert cancelled(listed) == gone, days
    assert listed[MONDAY] == ["Legs (heavy)", f"{CANCELLED}Removed from the plan"]
    assert listed["2026-11-25"] == ["1/2 Push (moderate), morning", "2/2 Run (easy), evening"]


def test_a_calendar_fed_by_the_planner_before_revisions_follows_after_the_upgrade(
    tmp_path: Path, khal: Khal, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "planner.json"
    shutil.copyfile(FIXTURES / "planner-v2.json", db)
    khal.import_file(FIXTURES / "planner-v2.ics")  # what that release exported
    before = khal.listed()
    assert before[MONDAY] == ["Legs (heavy), morning", "Run (easy), evening"]
    round_trip = Round(db, khal, tmp_path, capsys)
    (listed,) = round_trip("mon=legs:heavy", "tue=-")
    assert live(listed) == expected(db, capsys)
    assert cancelled(listed) == {MONDAY: 1, "2026-11-24": 2}
