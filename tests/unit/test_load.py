"""Load over weeks (planner.load): the figures against values computed by hand for a
fixture, and what they must do on random weeks (issue 26)."""

from __future__ import annotations

import math
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.days import parse_day
from planner.load import CAUTION_ID, JUMP_RATIO, load_caution, monotony, week_loads
from planner.log import DayLog
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from rules import Kind, PlannedDay, default_knowledge

KNOWLEDGE = default_knowledge()
WEEK = IsoWeek(2026, 48)
MONDAY = date(2026, 11, 23)
# Monday..Sunday; default loads (rules/data/activities.toml, RPE x minutes): heavy legs 480,
# easy run 120, rest 0, moderate push 360, intervals 360, long run 450, unplanned 0.
FIXTURE = ("legs:heavy", "run:easy", "rest", "push", "run:intervals", "run:long", None)
DAILY = (480, 120, 0, 360, 360, 450, 0)


def _days(words: tuple[str | None, ...], monday: date = MONDAY) -> dict[date, PlannedDay]:
    return {
        monday + timedelta(days=index): parse_day(word)
        for index, word in enumerate(words)
        if word is not None
    }


def _figures(days, logs=None, week=WEEK):  # type: ignore[no-untyped-def]
    (found,) = week_loads([week], FirstWeekday.MONDAY, days, logs or {}, KNOWLEDGE)
    return found


def test_planned_load_monotony_and_strain_by_hand() -> None:
    figures = _figures(_days(FIXTURE))
    assert figures.daily == DAILY
    assert figures.planned == figures.load == 1770
    assert figures.done is None  # nothing logged
    mean = 1770 / 7
    sd = math.sqrt(sum((x - mean) ** 2 for x in DAILY) / 7)  # population SD: 192.33
    assert math.isclose(figures.monotony or 0, mean / sd) and round(mean / sd, 3) == 1.315
    assert figures.strain == round(1770 * mean / sd) == 2327
    assert figures.ratio is None  # no weeks before it


def test_hard_sessions_per_family_count_sessions_from_the_hard_load_up() -> None:
    figures = _figures(_days(FIXTURE))
    # Heavy legs and intervals (0.8 on the legs) are hard for the legs; the easy and long
    # runs are not (0.4, 0.6). Intervals are hard for the heart and lungs; the push day for
    # the chest family; nothing for the back.
    assert dict(figures.hard) == {"chest": 1, "back": 0, "legs": 2, "heart": 1}


def test_a_logged_day_counts_what_was_done_with_its_logged_effort() -> None:
    days = _days(FIXTURE)
    logs = {
        MONDAY: DayLog(done=parse_day("legs:heavy"), rpe=(9,), minutes=(70,)),  # 630
        MONDAY + timedelta(days=1): DayLog(done=PlannedDay.REST),  # skipped: 0
    }
    figures = _figures(days, logs)
    assert figures.planned == 1770
    assert figures.done == 630
    assert figures.daily == (630, 0, 0, 360, 360, 450, 0)
    assert figures.load == 1800
    assert dict(figures.hard)["legs"] == 2


def test_the_ratio_compares_the_week_with_the_four_weeks_before() -> None:
    days = _days(FIXTURE)
    for back in range(1, 5):
        days |= _days(
            ("push", "run:easy", None, None, None, None, None), MONDAY - timedelta(weeks=back)
        )
    figures = _figures(days)
    assert math.isclose(figures.ratio or 0, 1770 / 480)  # 480 a week before
    caution = load_caution(figures, KNOWLEDGE)
    assert caution is not None and "3.7x" in caution.text
    assert caution.source.id == "gabbett-2016"
    # The same week after four like it: ratio 1, no caution.
    steady = _days(FIXTURE)
    for back in range(1, 5):
        steady |= _days(FIXTURE, MONDAY - timedelta(weeks=back))
    same = _figures(steady)
    assert same.ratio == 1.0 and load_caution(same, KNOWLEDGE) is None


def test_monotony_is_undefined_when_every_day_holds_the_same_load() -> None:
    assert monotony([0] * 7) is None
    assert monotony([120] * 7) is None
    assert _figures({}).monotony is None and _figures({}).strain is None


WORDS = st.sampled_from(
    [None, "rest", "push", "pull:heavy", "legs:light", "run:easy", "run:tempo", "legs+run"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=35, max_size=35), st.integers(1, 10))
def test_figures_on_random_weeks(words: list[str | None], rpe: int) -> None:
    """The load is the sum of its days; strain is load x monotony; the caution is raised
    exactly from JUMP_RATIO up; logging a planned day done at a higher effort never lowers
    the load."""
    start = MONDAY - timedelta(weeks=4)
    days = _days(tuple(words), start)
    figures = _figures(days)
    assert figures.load == sum(figures.daily) == figures.planned
    if figures.monotony is not None:
        assert figures.strain == round(figures.load * figures.monotony)
    raised = load_caution(figures, KNOWLEDGE) is not None
    assert raised == (figures.ratio is not None and figures.ratio >= JUMP_RATIO)
    planned = days.get(MONDAY)
    if planned is not None and planned.sessions:
        profile = [KNOWLEDGE.vocabulary.session(s) for s in planned.sessions]
        logs = {
            MONDAY: DayLog(
                done=planned,
                rpe=tuple(max(rpe, p.rpe) for p in profile),
                minutes=tuple(p.minutes for p in profile),
            )
        }
        assert _figures(days, logs).load >= figures.load


def test_the_week_judged_from_the_store_carries_the_caution_as_a_con_worth_no_points(
    tmp_path: Path,
) -> None:
    from planner.advice import judge_week
    from planner.plan import WeekPlan

    quiet = ("push", "run:easy", None, None, None, None, None)
    with Store.open(tmp_path / "planner.json") as store:
        for back in range(1, 5):
            week = WEEK.shifted(-back)
            store.save_plan(
                WeekPlan(
                    week,
                    FirstWeekday.MONDAY,
                    tuple(
                        _days(quiet, week.monday).get(d, PlannedDay.UNPLANNED) for d in week.days
                    ),
                )
            )
        plan = WeekPlan(
            WEEK,
            FirstWeekday.MONDAY,
            tuple(_days(FIXTURE).get(d, PlannedDay.UNPLANNED) for d in WEEK.days),
        )
        store.save_plan(plan)
        judged = judge_week(store, WEEK, FirstWeekday.MONDAY, KNOWLEDGE)
        (caution,) = [f for f in judged.summary.findings if f.rule_id == CAUTION_ID]
        assert caution.kind is Kind.CON and caution.points == 0 and "3.7x" in caution.text
        assert sum(r.points for r in judged.summary.reasons) == judged.summary.score
        # A week no heavier than the ones before has none.
        calm = judge_week(store, WEEK.shifted(-1), FirstWeekday.MONDAY, KNOWLEDGE)
        assert all(f.rule_id != CAUTION_ID for f in calm.summary.findings)


def test_no_ratio_without_three_of_the_four_weeks_before() -> None:
    days = _days(FIXTURE)
    days |= _days(("push", None, None, None, None, None, None), MONDAY - timedelta(weeks=1))
    days |= _days(("push", None, None, None, None, None, None), MONDAY - timedelta(weeks=3))
    assert _figures(days).ratio is None  # two weeks of history: a new user, no jump
    days |= _days(("push", None, None, None, None, None, None), MONDAY - timedelta(weeks=4))
    # One week off among the four is history: 1770 over (3 x 360 / 4).
    assert math.isclose(_figures(days).ratio or 0, 1770 / (3 * 360 / 4))
