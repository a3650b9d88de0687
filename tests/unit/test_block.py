"""Training blocks (planner.block, planner.store.blocks): laying N weeks with deload weeks,
what a deload changes, and the marks in the file (issue 26)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from planner.block import (
    BlockError,
    BlockWeek,
    DeloadForward,
    brought_forward,
    deload_forward,
    deloaded,
    is_deload,
    lay_block,
    low_checkins,
)
from planner.days import day_words, parse_day
from planner.log import DayLog
from planner.store import Store
from planner.store import format as fmt
from planner.weeks import FirstWeekday, IsoWeek
from rules import PlannedDay, Soreness

START = IsoWeek(2026, 50)
LAYOUT = tuple(
    parse_day(word) if word != "-" else None
    for word in (
        "legs:heavy+run:easy",
        "push:heavy,pull",
        "rest",
        "run:intervals",
        "legs:light",
        "run:long",
        "-",
    )
)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("legs:heavy", "legs:moderate"),
        ("legs:light", "legs:light"),
        ("run:tempo", "run:easy"),
        ("run:intervals", "run:easy"),
        ("run:long", "run:long"),
        ("push:heavy,pull:heavy", "push:moderate,pull:moderate"),
        ("legs:heavy+run:intervals", "legs:moderate+run:easy"),
        ("rest", "rest"),
    ],
)
def test_a_deload_lowers_effort_and_keeps_every_session_on_its_day(before: str, after: str) -> None:
    assert day_words(deloaded(parse_day(before)), explicit=True) == after


def test_a_four_week_block_has_its_deload_in_week_four() -> None:
    laid = lay_block(LAYOUT, START, 4, 4, FirstWeekday.MONDAY)
    assert [w.plan.week for w in laid] == [START.shifted(n) for n in range(4)]
    assert [w.mark for w in laid] == [BlockWeek(START, n, 4, n == 4) for n in range(1, 5)]
    assert laid[0].plan.days[:6] == LAYOUT[:6] and laid[0].plan.days[6] == PlannedDay.UNPLANNED
    deload = laid[3].plan.days
    assert [len(d.sessions) for d in deload] == [len(d.sessions) if d else 0 for d in LAYOUT]
    assert day_words(deload[0], explicit=True) == "legs:moderate+run:easy"
    assert day_words(deload[3], explicit=True) == "run:easy"


def test_deload_every_counts_weeks_from_the_block_start() -> None:
    assert [is_deload(n, 3) for n in range(1, 8)] == [False, False, True, False, False, True, False]
    assert not any(is_deload(n, 0) for n in range(1, 10))


@pytest.mark.parametrize(
    ("weeks", "every", "message"),
    [(0, 4, "--weeks"), (53, 4, "--weeks"), (4, 1, "--deload-every"), (4, -2, "--deload-every")],
)
def test_numbers_that_make_no_block_are_refused(weeks: int, every: int, message: str) -> None:
    with pytest.raises(BlockError, match=message):
        lay_block(LAYOUT, START, weeks, every, FirstWeekday.MONDAY)


def test_an_empty_layout_is_refused() -> None:
    with pytest.raises(BlockError, match="plans no day"):
        lay_block((None,) * 7, START, 4, 4, FirstWeekday.MONDAY)


def test_the_store_keeps_the_marks_and_never_rewrites_a_logged_day(tmp_path: Path) -> None:
    path = tmp_path / "planner.json"
    laid = lay_block(LAYOUT, START, 4, 2, FirstWeekday.MONDAY)
    monday = START.monday
    with Store.open(path) as store:
        store.save_logs({monday: DayLog(done=parse_day("pull"))})
        store.save_plan(store.load_plan(START, FirstWeekday.MONDAY).with_day(0, parse_day("pull")))
        kept = store.lay_block(laid)
        assert kept == [monday]
    with Store.open(path, read_only=True) as store:
        marks = store.blocks_between(START, START.shifted(5))
        assert marks == {w.plan.week: w.mark for w in laid}
        assert store.all_blocks() == marks
        first = store.load_plan(START, FirstWeekday.MONDAY)
        assert first.days[0] == parse_day("pull")  # logged: its plan stays
        assert first.days[1:] == tuple(d or PlannedDay.UNPLANNED for d in LAYOUT[1:])
    data = json.loads(path.read_bytes())
    assert data["blocks"][str(fmt.week_doc_id(START.shifted(1)))] == {
        "week": "2026-W51",
        "block": "2026-W50",
        "number": 2,
        "weeks": 4,
        "deload": True,
    }


@pytest.mark.parametrize(
    "doc",
    [
        {"week": "2026-W51", "block": "2026-W50", "number": 3, "weeks": 4, "deload": False},
        {"week": "2026-W51", "block": "2026-W50", "number": 2, "weeks": 4, "deload": 1},
        {"week": "2026-W51", "block": "2026-W50", "number": 2, "weeks": 1, "deload": False},
        {"week": "2026-W51", "block": "2026-W5", "number": 2, "weeks": 4, "deload": False},
        {"week": "2026-W51", "block": "2026-W50", "number": 2, "weeks": 4},
        {"week": "2026-W51", "block": "2026-W50", "number": 2, "weeks": 4, "deload": False, "x": 1},
    ],
)
def test_a_mark_not_as_the_planner_writes_it_is_damage(doc: dict[str, object]) -> None:
    with pytest.raises(fmt.Damage):
        fmt.validate({"meta": {"1": {"schema_version": 4}}, "blocks": {"202651": doc}})


def _checkins(today: date, ratings: list[tuple[int, int | None, int | None]]) -> dict[date, DayLog]:
    return {today - timedelta(days=back): DayLog(sleep=s, energy=e) for back, s, e in ratings}


def test_low_check_ins_within_two_weeks_suggest_the_deload_next_week() -> None:
    laid = lay_block(LAYOUT, START, 6, 4, FirstWeekday.MONDAY)  # deload in week 4
    marks = {w.plan.week: w.mark for w in laid}
    today = START.monday + timedelta(days=2)  # Wednesday of week 1
    logs = _checkins(today, [(0, 4, 2), (1, None, 1), (13, 2, 2), (14, 1, 1), (3, 4, 5), (5, 1, 3)])
    logs[today - timedelta(days=6)] = DayLog(sore=(("legs", Soreness.VERY),))
    logs[today - timedelta(days=7)] = DayLog(sore=(("legs", Soreness.SORE),))
    # 14 days back is outside; energy 5 or 3 is not low, nor is sleep alone, nor "sore".
    assert low_checkins(logs, today) == 4
    move = deload_forward(today, marks, logs)
    assert move == DeloadForward(4, START.next(), START.shifted(3))
    # Applying swaps the two weeks' days and which of them is the deload.
    target, deload = laid[1].plan, laid[3].plan
    swapped = brought_forward(move, target, deload, marks)
    assert [w.mark.deload for w in swapped] == [True, False]
    assert swapped[0].plan.week == target.week and swapped[0].plan.days == deload.days
    assert swapped[1].plan.week == deload.week and swapped[1].plan.days == target.days


def test_no_suggestion_without_enough_low_check_ins_or_a_deload_to_bring_forward() -> None:
    laid = lay_block(LAYOUT, START, 4, 4, FirstWeekday.MONDAY)
    marks = {w.plan.week: w.mark for w in laid}
    today = START.monday
    low = _checkins(today, [(0, 1, 1), (1, 1, 1), (2, 1, 1)])
    assert deload_forward(today, marks, _checkins(today, [(0, 1, 1), (1, 1, 1)])) is None
    assert deload_forward(today, {}, low) is None  # in no block
    third = START.shifted(2).monday
    assert deload_forward(third, marks, _checkins(third, [(0, 1, 1), (1, 1, 1), (2, 1, 1)])) is None
    no_deload = {w.plan.week: w.mark for w in lay_block(LAYOUT, START, 4, 0, FirstWeekday.MONDAY)}
    assert deload_forward(today, no_deload, low) is None


def test_very_sore_days_in_a_row_count_once_and_low_energy_each_time() -> None:
    today = START.monday + timedelta(days=6)
    very = DayLog(sore=(("legs", Soreness.VERY),))
    logs = {today - timedelta(days=back): very for back in (0, 1, 2)}  # one bout: once
    assert low_checkins(logs, today) == 1
    logs[today - timedelta(days=5)] = very  # another bout, days apart
    logs[today - timedelta(days=1)] = DayLog(energy=1, sore=very.sore)  # low energy counts
    assert low_checkins(logs, today) == 4


def test_a_block_whose_layout_has_nothing_to_lower_says_so() -> None:
    from planner.block_plan import BlockSource, summary

    easy = tuple(
        None if w == "-" else parse_day(w)
        for w in ("push", "run", "-", "pull", "legs", "run:long", "rest")
    )
    laid = lay_block(easy, START, 4, 4, FirstWeekday.MONDAY)
    assert laid[3].plan.days == laid[0].plan.days
    assert "do fewer sets and shorter runs" in summary(laid, BlockSource(template="x"))
    assert "do fewer sets" not in summary(
        lay_block(LAYOUT, START, 4, 4, FirstWeekday.MONDAY), BlockSource(template="x")
    )
