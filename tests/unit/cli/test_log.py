"""``planner log`` and ``planner checkin`` (issue 25): what was done and how a day started,
kept beside the plan; a week judged on what was done; show and show --json say it."""

from __future__ import annotations

import json
from pathlib import Path

import pendulum
import pytest

from planner.days import day_words
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from tests.helpers import run_cli, seed

# TODAY is Wednesday 25 November 2026 (2026-W48).
MONDAY_OF_W48 = pendulum.Date(2026, 11, 23)
WEEK = {
    "mon": "legs:heavy",
    "tue": "run:intervals",
    "wed": "push,pull",
    "thu": "run:tempo",
    "fri": "rest",
    "sat": "run:long",
    "sun": "rest",
}


def show(db: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    outcome = run_cli(["show", "--json", "--db", str(db)], capsys)
    assert outcome.code == 0, outcome.err
    return json.loads(outcome.out)


def day(shown: dict, key: str) -> dict:
    return next(entry for entry in shown["days"] if entry["day"] == key)


def test_a_day_logged_done_with_its_effort(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": WEEK})
    outcome = run_cli(
        ["log", "mon=done", "--rpe", "8", "--minutes", "55", "--db", str(db_path)], capsys
    )
    assert (outcome.code, outcome.err) == (0, "")
    assert outcome.out == "Logged 2026-W48: mon done (legs:heavy, RPE 8, 55 min)\n"
    shown = show(db_path, capsys)
    monday = day(shown, "mon")
    assert monday["log"] == {
        "sessions": [{"kind": "legs", "intensity": "heavy"}],
        "status": "done",
        "rpe": [8],
        "minutes": [55],
        "load": 8 * 55,
    }
    assert "checkin" not in monday
    assert "log" not in day(shown, "tue")  # absent when nothing is logged
    # The plan stays as it was planned.
    assert monday["sessions"] == [{"kind": "legs", "intensity": "heavy"}]


def test_skipped_changed_and_partly(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed(db_path, {"2026-W48": {**WEEK, "tue": "run:intervals+pull"}})
    outcome = run_cli(["log", "tue=pull", "mon=skipped", "--db", str(db_path)], capsys)
    assert outcome.out == "Logged 2026-W48: mon skipped, tue partly (pull)\n"
    outcome = run_cli(["log", "wed=run:tempo", "--rpe", "7", "--db", str(db_path)], capsys)
    assert outcome.out == "Logged 2026-W48: wed changed (run:tempo, RPE 7)\n"
    shown = show(db_path, capsys)
    assert day(shown, "mon")["log"]["status"] == "skipped"
    assert day(shown, "mon")["log"]["sessions"] == []
    assert day(shown, "tue")["log"]["status"] == "partly"
    assert day(shown, "wed")["log"] == {
        "sessions": [{"kind": "run", "type": "tempo"}],
        "status": "changed",
        "rpe": [7],
        "minutes": [None],
        "load": 7 * 40,  # run:tempo's usual 40 minutes
    }
    # Planned: every session of the week at its usual RPE and minutes; done: what was logged.
    assert shown["load"]["done"] == 60 * 6 + 7 * 40  # pull (moderate) and the tempo run
    assert shown["load"]["planned"] > shown["load"]["done"]


def test_a_week_is_judged_on_what_was_done(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Heavy legs then intervals the next day costs; logged as an easy run, it does not."""
    seed(db_path, {"2026-W48": WEEK})
    before = show(db_path, capsys)
    lifted = [f for t in before["transitions"] for f in t["findings"]]
    assert "hard-run-on-lifted-legs" in {f["rule"] for f in lifted}
    run_cli(["log", "tue=run:easy", "--db", str(db_path)], capsys)
    after = show(db_path, capsys)
    assert "hard-run-on-lifted-legs" not in {
        f["rule"] for t in after["transitions"] for f in t["findings"]
    }
    assert sum(r["points"] for r in after["reasons"]) == after["score"]


def test_a_checkin_of_very_sore_legs_changes_the_days_advice(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": {**WEEK, "wed": "run:intervals"}})
    before = show(db_path, capsys)
    outcome = run_cli(
        [
            "checkin",
            "--sore",
            "legs=very,back=mild",
            "--sleep",
            "2",
            "--energy",
            "3",
            "--db",
            str(db_path),
        ],
        capsys,
    )
    assert (outcome.code, outcome.err) == (0, "")
    assert outcome.out == (
        "Checked in Wed 25 Nov: back and biceps mildly sore, legs very sore · sleep 2/5 · "
        "energy 3/5\n"
    )
    after = show(db_path, capsys)
    wednesday = day(after, "wed")
    assert wednesday["checkin"] == {
        "sore": {"back": "mild", "legs": "very"},
        "sleep": 2,
        "energy": 3,
    }
    assert "log" not in wednesday
    into = next(t for t in after["transitions"] if t["to"] == "2026-11-25")
    assert "very-sore-legs-then-a-hard-run" in {f["rule"] for f in into["findings"]}
    assert after["score"] < before["score"]
    text = run_cli(["show", "--db", str(db_path)], capsys).out
    assert "back and biceps mildly sore, legs very sore · sleep 2/5 · energy 3/5" in text
    assert "Legs logged very sore: intervals → rest or walk instead" in text


def test_a_checkin_keeps_what_it_leaves_out(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": WEEK})
    run_cli(["checkin", "--sore", "legs=sore", "--sleep", "4", "--db", str(db_path)], capsys)
    run_cli(["checkin", "--energy", "2", "--sore", "back=mild", "--db", str(db_path)], capsys)
    assert day(show(db_path, capsys), "wed")["checkin"] == {
        "sore": {"back": "mild", "legs": "sore"},
        "sleep": 4,
        "energy": 2,
    }
    run_cli(["checkin", "--sore", "legs=none", "--db", str(db_path)], capsys)
    assert day(show(db_path, capsys), "wed")["checkin"]["sore"] == {"back": "mild"}


def test_logging_a_day_keeps_its_checkin_and_the_reverse(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": WEEK})
    run_cli(
        ["checkin", "tue", "--week", "2026-W48", "--sore", "legs=sore", "--db", str(db_path)],
        capsys,
    )
    run_cli(["log", "tue=done", "--db", str(db_path)], capsys)
    tuesday = day(show(db_path, capsys), "tue")
    assert tuesday["checkin"]["sore"] == {"legs": "sore"} and tuesday["log"]["status"] == "done"
    run_cli(["log", "tue=-", "--db", str(db_path)], capsys)
    tuesday = day(show(db_path, capsys), "tue")
    assert "log" not in tuesday and tuesday["checkin"]["sore"] == {"legs": "sore"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["log", "mon=dun"],
            "mon=dun: 'dun' is not done, skipped or a session (push, pull, legs, run, rest); "
            "did you mean done?",
        ),
        (
            ["log", "mon=done", "--rpe", "11"],
            "--rpe 11: each value must be a whole number from 0 to 10",
        ),
        (
            ["log", "mon=done", "--rpe", "-1"],
            "--rpe -1: each value must be a whole number from 0 to 10",
        ),
        (
            ["log", "mon=done", "--minutes", "0"],
            "--minutes 0: each value must be a whole number from 1 to 600",
        ),
        (
            ["log", "mon=done", "tue=done", "--rpe", "7"],
            "--rpe is for one day's sessions; name one day, not 2",
        ),
        (
            ["log", "mon=legs+run", "--rpe", "7"],
            "1 --rpe value given but mon logs 2 sessions (legs+run); give one per session",
        ),
        (["log", "thu=done"], "thu is Thu 26 Nov, after today: log a day once it is done"),
        (["log", "fri=skipped", "--week", "2026-W47"], "fri has no training planned to skip"),
        (
            ["log", "mon=done", "--week", "2026-W47"],
            "mon has nothing planned: log what was done instead",
        ),
        (["log", "monday=done"], "monday=done: 'monday' is not a day"),
        (["log", "mon"], "'mon' is not DAY=done|skipped|SESSIONS; write it like mon=done"),
        (["log", "mon=done", "mon=skipped"], "mon is given twice; log each day once"),
        (["checkin"], "nothing to check in: give --sore, --sleep or --energy"),
        (
            ["checkin", "--sore", "legs=aching"],
            "--sore legs=aching: 'aching' is not a level; use none, mild, sore, very",
        ),
        (
            ["checkin", "--sore", "lgs=very"],
            "'lgs' is not a muscle family; use chest, back, legs; did you mean legs?",
        ),
        (["checkin", "--sore", "heart=sore"], "'heart' is not a muscle family"),
        (["checkin", "--sleep", "6"], "--sleep 6: rate it 1 (worst) to 5 (best)"),
        (
            ["checkin", "thu", "--week", "2026-W48", "--sleep", "3"],
            "Thu 26 Nov is after today: check in on the day itself",
        ),
        (
            ["checkin", "--week", "2026-W48", "--sleep", "3"],
            "--week 2026-W48 needs the DAY to check in for",
        ),
    ],
)
def test_every_mistake_is_one_line_exit_2_and_nothing_written(
    db_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    seed(db_path, {"2026-W48": WEEK, "2026-W47": {"fri": "rest"}})
    before = db_path.read_bytes()
    outcome = run_cli([*argv, "--db", str(db_path)], capsys)
    assert outcome.code == 2
    assert outcome.out == ""
    assert outcome.err.startswith("planner: ") and outcome.err.count("\n") == 1
    assert message in outcome.err
    assert db_path.read_bytes() == before


def test_the_fix_leaves_logged_and_past_days_alone(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Heavy legs then intervals: seen on the Monday, the fix swaps them; seen on the
    Wednesday it may touch Wednesday or later only, and a logged day never."""
    seed(db_path, {"2026-W48": {"mon": "legs:heavy", "tue": "run:intervals", "wed": "rest"}})
    monday = MONDAY_OF_W48
    early = json.loads(run_cli(["fix", "--json", "--db", str(db_path)], capsys, today=monday).out)
    assert early["fix"]["change"] == "swap mon legs:heavy and tue run:intervals"
    run_cli(["log", "mon=done", "--db", str(db_path)], capsys)
    later = json.loads(run_cli(["fix", "--json", "--db", str(db_path)], capsys).out)
    assert later["fix"] is None or not any(
        key in later["fix"]["change"] for key in ("mon ", "tue ")
    )
    logged_tue = json.loads(
        run_cli(["fix", "--json", "--db", str(db_path)], capsys, today=monday).out
    )
    assert logged_tue["fix"] is None or "mon " not in logged_tue["fix"]["change"]


def test_template_and_copy_keep_a_logged_days_plan(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": WEEK, "2026-W47": {"mon": "run", "tue": "run", "wed": "run"}})
    run_cli(["log", "mon=done", "--db", str(db_path)], capsys)
    outcome = run_cli(["copy", "--db", str(db_path)], capsys)
    assert outcome.out.endswith("; logged, so kept as planned: mon\n")
    outcome = run_cli(["template", "apply", "push-pull-legs-twice", "--db", str(db_path)], capsys)
    assert outcome.out.endswith("; logged, so kept as planned: mon\n")
    with Store.open(db_path, read_only=True) as store:
        plan = store.load_plan(IsoWeek(2026, 48), FirstWeekday.MONDAY)
    assert day_words(plan.days[0]) == "legs:heavy"  # as planned, though copy and template differ
    assert day_words(plan.days[1]) != "run:intervals"


def test_suggest_refuses_a_week_already_begun(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": WEEK})
    run_cli(["log", "mon=done", "--db", str(db_path)], capsys)
    outcome = run_cli(["suggest", "push=1", "--db", str(db_path)], capsys)
    assert outcome.code == 2
    assert "2026-W48 has days logged (mon): suggest plans weeks not yet begun" in outcome.err


def test_export_and_import_carry_the_log(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": WEEK})
    run_cli(["log", "mon=legs+run", "--rpe", "8,3", "--db", str(db_path)], capsys)
    run_cli(["checkin", "--sore", "legs=sore", "--sleep", "3", "--db", str(db_path)], capsys)
    exported = run_cli(["export", "--format", "json", "--db", str(db_path)], capsys).out
    document = json.loads(exported)
    assert document["version"] == 3
    assert document["weeks"][0]["log"] == {
        "mon": {
            "done": {
                "sessions": [
                    {"kind": "legs", "intensity": "moderate"},
                    {"kind": "run", "type": "easy"},
                ],
                "rest": False,
                "together": False,
            },
            "rpe": [8, 3],
        },
        "wed": {"sore": {"legs": "sore"}, "sleep": 3},
    }
    backup = tmp_path / "backup.json"
    backup.write_text(exported)
    other = tmp_path / "other.json"
    assert run_cli(["import", str(backup), "--db", str(other)], capsys).code == 0
    again = run_cli(["export", "--format", "json", "--db", str(other)], capsys).out
    assert again == exported
    assert show(other, capsys)["days"] == show(db_path, capsys)["days"]


def test_an_export_without_a_log_stays_version_2(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": WEEK})
    document = json.loads(run_cli(["export", "--format", "json", "--db", str(db_path)], capsys).out)
    assert document["version"] == 2 and "log" not in document["weeks"][0]


def test_the_calendar_says_done_and_skipped(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": WEEK})
    run_cli(["log", "mon=done", "tue=skipped", "--db", str(db_path)], capsys)
    calendar = run_cli(
        ["export", "--format", "ics", "--week", "2026-W48", "--db", str(db_path)], capsys
    ).out
    assert "SUMMARY:Legs (heavy) — done" in calendar
    assert "SUMMARY:Run (intervals) — skipped" in calendar
    assert "SUMMARY:1/2 Push (moderate)\\, back to back\r\n" in calendar  # not logged
    assert "UID:2026-11-23@planner" in calendar
