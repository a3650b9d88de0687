"""The training log (planner.log, planner.store.logs): a day's log against its plan, its
load, and what logging changes and never changes (issue 25), over random weeks."""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.advice import judge
from planner.days import parse_day
from planner.log import EMPTY_LOG, DayLog, Status, keep_logged, status_of, week_log
from planner.plan import WeekPlan
from planner.store import Store
from planner.store import logs as logbook
from planner.weeks import FirstWeekday, IsoWeek
from rules import (
    Activity,
    Day,
    Goal,
    Intensity,
    PlannedDay,
    RunType,
    Session,
    Soreness,
    default_knowledge,
    evaluate,
)

W48 = IsoWeek(2026, 48)
MONDAY = datetime.date(2026, 11, 23)
FAMILIES = ("chest", "back", "legs")

sessions = st.one_of(
    st.builds(
        Session,
        st.sampled_from((Activity.PUSH, Activity.PULL, Activity.LEGS)),
        intensity=st.sampled_from(Intensity),
    ),
    st.builds(Session, st.just(Activity.RUN), run_type=st.sampled_from(RunType)),
)


@st.composite
def days(draw: st.DrawFn) -> PlannedDay:
    shape = draw(st.sampled_from(("unplanned", "rest", "one", "two")))
    if shape == "unplanned":
        return PlannedDay.UNPLANNED
    if shape == "rest":
        return PlannedDay.REST
    if shape == "one":
        return PlannedDay((draw(sessions),))
    return PlannedDay((draw(sessions), draw(sessions)), together=draw(st.booleans()))


@st.composite
def logs(draw: st.DrawFn) -> DayLog:
    done = draw(st.one_of(st.none(), days().filter(lambda d: d.is_planned)))
    count = len(done.sessions) if done is not None else 0
    rpe = draw(st.one_of(st.just(()), st.tuples(*[st.integers(0, 10) | st.none()] * count)))
    minutes = draw(st.one_of(st.just(()), st.tuples(*[st.integers(1, 600) | st.none()] * count)))
    sore = draw(st.dictionaries(st.sampled_from(FAMILIES), st.sampled_from(Soreness), max_size=3))
    log = DayLog(
        done=done,
        rpe=rpe,
        minutes=minutes,
        sleep=draw(st.none() | st.integers(1, 5)),
        energy=draw(st.none() | st.integers(1, 5)),
    ).with_checkin(sore)
    return log


weeks = st.lists(days(), min_size=7, max_size=7)
week_logs = st.dictionaries(st.integers(0, 6), logs(), max_size=7)


def test_status_against_the_plan() -> None:
    legs_run = parse_day("legs+run")
    assert status_of(legs_run, legs_run) is Status.DONE
    assert status_of(legs_run, PlannedDay.REST) is Status.SKIPPED
    assert status_of(legs_run, parse_day("legs")) is Status.PARTLY
    assert status_of(legs_run, parse_day("run:tempo")) is Status.CHANGED
    assert status_of(PlannedDay.REST, PlannedDay.REST) is Status.DONE
    assert status_of(PlannedDay.UNPLANNED, parse_day("run")) is Status.CHANGED
    assert status_of(parse_day("push,pull"), parse_day("push+pull")) is Status.CHANGED
    assert {status.mark for status in Status} == {"✓", "~", "✗", "½"}


def test_load_is_rpe_times_minutes_with_a_kinds_usual_values() -> None:
    knowledge = default_knowledge()
    done = DayLog(done=parse_day("legs:heavy+run:easy"), rpe=(9, None), minutes=(None, 30))
    heavy = knowledge.vocabulary.session(parse_day("legs:heavy").sessions[0])
    easy = knowledge.vocabulary.session(parse_day("run:easy").sessions[0])
    assert done.load(knowledge) == 9 * heavy.minutes + easy.rpe * 30
    assert (heavy.rpe, heavy.minutes) == (8, 60)  # the example of a default
    week = week_log(
        [(parse_day("legs:heavy+run:easy"), done), (parse_day("push"), None)], knowledge
    )
    assert (week.planned_sessions, week.done_sessions, week.skipped_sessions) == (3, 2, 0)
    assert week.planned_load == heavy.load + easy.load + 6 * 60
    assert week.done_load == done.load(knowledge)


def test_rpe_and_minutes_name_each_done_session() -> None:
    with pytest.raises(ValueError, match="each done session"):
        DayLog(done=parse_day("legs"), rpe=(7, 5))
    assert DayLog(done=parse_day("legs"), rpe=(None,)) == DayLog(done=parse_day("legs"))


@given(logs())
def test_a_day_log_is_stored_as_it_is(log: DayLog) -> None:
    if log.is_empty:
        return
    assert logbook.decode(logbook.encode(log)) == log


@settings(max_examples=40, deadline=None)
@given(weeks, week_logs, st.integers(0, 6), logs())
def test_logging_a_day_changes_no_other_days_log_and_no_plan(
    week: list[PlannedDay], before: dict[int, DayLog], index: int, new: DayLog
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        logging_changes_only_its_day(Path(folder) / "planner.json", week, before, index, new)


def logging_changes_only_its_day(
    path: Path, week: list[PlannedDay], before: dict[int, DayLog], index: int, new: DayLog
) -> None:
    plan = WeekPlan(W48, FirstWeekday.MONDAY, tuple(week))
    dates = [MONDAY + datetime.timedelta(days=n) for n in range(7)]
    with Store.open(path) as store:
        store.save_plan(plan)
        store.save_logs({dates[i]: log for i, log in before.items()})
        stored = store.load_plan(W48, FirstWeekday.MONDAY)
        kept = store.logs_between(dates[0], dates[-1])
        store.save_logs({dates[index]: new})
        assert store.load_plan(W48, FirstWeekday.MONDAY) == stored == plan
        after = store.logs_between(dates[0], dates[-1])
    for day in dates:
        if day == dates[index]:
            assert after.get(day, EMPTY_LOG) == new
        else:
            assert after.get(day) == kept.get(day)
    with Store.open(path, read_only=True) as store:  # and it reads back the same
        assert store.logs_between(dates[0], dates[-1]) == after


@settings(max_examples=60, deadline=None)
@given(weeks, week_logs, st.sampled_from(Goal))
def test_judging_uses_the_log_where_there_is_one_and_the_plan_elsewhere(
    week: list[PlannedDay], logged: dict[int, DayLog], goal: Goal
) -> None:
    knowledge = default_knowledge()
    plan = WeekPlan(W48, FirstWeekday.MONDAY, tuple(week))
    by_date = {plan.dates[i]: log for i, log in logged.items()}
    judged = judge(plan, [], [], knowledge, goal, by_date)
    expected = evaluate(
        [
            Day(
                day,
                by_date[day].done if day in by_date and by_date[day].done is not None else held,
                by_date[day].sore if day in by_date else (),
            )
            for day, held in plan.dated_days
        ],
        knowledge=knowledge,
        goal=goal,
    )
    assert judged.evaluation == expected
    assert judged.plan == plan  # the plan is never changed by its log
    if not any(log.done is not None or log.sore for log in logged.values()):
        assert judged.evaluation == judge(plan, [], [], knowledge, goal).evaluation


@given(weeks, weeks, week_logs)
def test_a_template_or_copy_never_changes_a_logged_day(
    week: list[PlannedDay], other: list[PlannedDay], logged: dict[int, DayLog]
) -> None:
    before = WeekPlan(W48, FirstWeekday.MONDAY, tuple(week))
    after = WeekPlan(W48, FirstWeekday.MONDAY, tuple(other))
    by_date = {before.dates[i]: log for i, log in logged.items()}
    result, kept = keep_logged(before, after, by_date)
    for index, day in enumerate(before.dates):
        done = day in by_date and by_date[day].done is not None
        assert result.days[index] == (before.days[index] if done else after.days[index])
        assert (day in kept) == (done and before.days[index] != after.days[index])
