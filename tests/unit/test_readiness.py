"""Readiness per muscle family at the start of each day: table-driven, plus text snapshots."""

from __future__ import annotations

from datetime import date, timedelta

import pendulum
import pytest

from planner.plan import WeekPlan
from planner.readiness import (
    FAMILIES,
    MODERATE_LOAD,
    Readiness,
    ReadinessCell,
    family_load,
    is_strained,
    readiness,
)
from planner.weeks import FirstWeekday, IsoWeek
from rules import Activity, PlannedDay, default_knowledge

PUSH, PULL, LEGS, RUN, REST = (Activity(name) for name in ("push", "pull", "legs", "run", "rest"))
READY, RECOVERING, FATIGUED = Readiness.READY, Readiness.RECOVERING, Readiness.FATIGUED
MONDAY = date(2026, 11, 23)
# Symbols of as_text: . ready, ~ recovering, ! fatigued.
ROWS = ("chest", "back", "legs", "heart")


def strip(activities: list[Activity | None], shown_from: int = 0) -> dict[str, str]:
    """Consecutive days from MONDAY; shows those from ``shown_from`` on; one string per
    family, one symbol per shown day."""
    days = [(MONDAY + timedelta(days=i), PlannedDay.of(a)) for i, a in enumerate(activities)]
    grid = readiness(days, default_knowledge(), [day for day, _ in days[shown_from:]])
    return {family: "".join(state.symbol for state in grid.states(family)) for family in ROWS}


@pytest.mark.parametrize(
    ("activities", "shown_from", "expected"),
    [
        # Nothing before: everything ready, whatever the day holds.
        ([LEGS], 0, {"chest": ".", "back": ".", "legs": ".", "heart": "."}),
        # Legs then run: legs fatigued on the run day (24 h < 48 h); the day after, leg day
        # is exactly 48 h back and the run loaded the legs moderately: recovering. The run
        # itself tires the heart and lungs for the next day.
        ([LEGS, RUN, REST, REST], 0, {"legs": ".!~.", "heart": "..!~"}),
        # Legs, pull, rest: legs fatigued on the pull day, recovering on the rest day (48 h
        # after leg day, and pull works hamstrings and glutes at 0.5), ready after it.
        ([LEGS, PULL, REST, REST], 0, {"legs": ".!~.", "back": "..!~"}),
        # Rest days recover: fatigued, recovering, ready.
        ([PUSH, REST, REST, REST], 0, {"chest": ".!~.", "back": "...."}),
        # Unplanned days load nothing, like rest.
        ([PUSH, None, None, None], 0, {"chest": ".!~."}),
        # Same muscles two days running: fatigued on the second day only.
        ([LEGS, LEGS, REST], 0, {"legs": ".!!"}),
        # A moderate load alone (the run on the legs) shows for one day only.
        ([RUN, PUSH, PUSH], 0, {"legs": ".~.", "chest": "..!"}),
        # A run's light core load (0.2) is below MODERATE_LOAD; its leg load is not.
        ([PUSH, RUN, REST, PULL, PUSH], 0, {"chest": ".!~..", "legs": "..~.~"}),
        # Context days before the shown week count: leg day on the Sunday before.
        ([LEGS, RUN, REST], 1, {"legs": "!~", "heart": ".!"}),
        ([LEGS, REST, RUN], 2, {"legs": "~"}),
        ([LEGS, REST, REST, RUN], 3, {"legs": "."}),
    ],
)
def test_states(
    activities: list[Activity | None], shown_from: int, expected: dict[str, str]
) -> None:
    found = strip(activities, shown_from)
    assert {family: found[family] for family in expected} == expected


ARTICLE_WEEK = """\
Chest/shoulders/triceps . ! ~ . . . .
Back/biceps             . . . . ! ~ .
Legs                    . . . ! ~ . ~
Heart/lungs             . . . . . . !"""

PPL_TWICE_AFTER_LEGS = """\
Chest/shoulders/triceps . ! ~ . . ! ~
Back/biceps             . . ! ~ . . !
Legs                    ~ . ~ ! ~ . ~
Heart/lungs             . . . . . . ."""


@pytest.mark.parametrize(
    ("before", "week", "expected"),
    [
        ([], [PUSH, REST, LEGS, PULL, REST, RUN, REST], ARTICLE_WEEK),
        # Leg day on the Saturday before, rest on Sunday: Monday's legs still recovering.
        ([LEGS, REST], [PUSH, PULL, LEGS, REST, PUSH, PULL, LEGS], PPL_TWICE_AFTER_LEGS),
    ],
)
def test_week_strip_snapshots(before: list[Activity], week: list[Activity], expected: str) -> None:
    plan = WeekPlan.of_activities(IsoWeek(2026, 48), FirstWeekday.MONDAY, tuple(week))
    context = [
        (MONDAY - timedelta(days=len(before) - i), PlannedDay.of(a)) for i, a in enumerate(before)
    ]
    grid = readiness([*context, *plan.dated_days], default_knowledge(), plan.dates)
    assert grid.as_text() == expected


def test_cells_say_hours_since_hard_work_and_todays_load() -> None:
    planned = [LEGS, PULL, RUN, REST]
    days = [(MONDAY + timedelta(days=i), PlannedDay.of(a)) for i, a in enumerate(planned)]
    grid = readiness(days, default_knowledge(), [day for day, _ in days])
    legs = [grid.cell("legs", day) for day, _ in days]
    assert legs == [
        ReadinessCell(READY, None, 1.0),
        ReadinessCell(FATIGUED, 24, 0.5),
        ReadinessCell(RECOVERING, 48, 0.5),
        ReadinessCell(RECOVERING, 72, 0.0),  # the run, 24 h before, loaded the legs 0.5
    ]
    assert grid.cell("heart", days[3][0]) == ReadinessCell(FATIGUED, 24, 0.0)


def test_sunday_first_week_uses_the_shown_dates() -> None:
    plan = WeekPlan.of_activities(IsoWeek(2026, 48), FirstWeekday.SUNDAY, (LEGS, RUN, *[REST] * 5))
    grid = readiness(plan.dated_days, default_knowledge(), plan.dates)
    assert grid.dates == plan.dates
    assert grid.states("legs")[:3] == (READY, FATIGUED, RECOVERING)


def test_order_of_days_does_not_matter_and_conflicts_are_refused() -> None:
    days = [(MONDAY + timedelta(days=i), PlannedDay.of(a)) for i, a in enumerate([LEGS, RUN, REST])]
    knowledge = default_knowledge()
    shown = [day for day, _ in days]
    assert readiness(days[::-1], knowledge, shown) == readiness(days, knowledge, shown)
    assert readiness(days + days[:1], knowledge, shown) == readiness(days, knowledge, shown)
    with pytest.raises(ValueError, match="2026-11-23 is given twice: legs and push"):
        readiness([*days, (MONDAY, PlannedDay.of(PUSH))], knowledge, shown)


def test_families_cover_every_muscle_group_once() -> None:
    knowledge = default_knowledge()
    grouped = [group for family in FAMILIES for group in family.groups]
    assert sorted(grouped) == sorted(group.id for group in knowledge.muscle_groups)
    assert len(grouped) == len(set(grouped))
    assert [family.name for family in FAMILIES] == [
        "Chest/shoulders/triceps",
        "Back/biceps",
        "Legs",
        "Heart/lungs",
    ]


@pytest.mark.parametrize("activity", [*Activity, None])
def test_family_loads_come_from_the_knowledge_base(activity: Activity | None) -> None:
    knowledge = default_knowledge()
    for family in FAMILIES:
        expected = 0.0
        if activity is not None:
            expected = max(knowledge.loads(activity).get(g, 0.0) for g in family.groups)
        assert family_load(family, activity, knowledge) == expected
    assert 0 < MODERATE_LOAD < knowledge.hard_load


@pytest.mark.parametrize(
    ("activities", "family", "strained"),
    [
        # A run loads the legs moderately: too much the day after leg day, fine later on.
        ((Activity.LEGS, Activity.RUN), "legs", (False, True)),
        ((Activity.LEGS, Activity.REST, Activity.RUN), "legs", (False, False, False)),
        # Hard leg work while the legs still recover from the day before yesterday.
        ((Activity.LEGS, Activity.REST, Activity.LEGS), "legs", (False, False, True)),
        # Pull loads the legs only moderately: legs the next day are recovering, then worked.
        ((Activity.PULL, Activity.LEGS), "legs", (False, True)),
        ((Activity.PUSH, Activity.PULL), "chest", (False, False)),
    ],
)
def test_strained_marks_work_on_a_family_that_is_not_ready(
    activities: tuple[Activity, ...], family: str, strained: tuple[bool, ...]
) -> None:
    knowledge = default_knowledge()
    start = pendulum.Date(2026, 11, 23)
    days = [(start.add(days=n), PlannedDay.of(a)) for n, a in enumerate(activities)]
    grid = readiness(days, knowledge, [day for day, _ in days])
    cells = [grid.cell(family, day) for day, _ in days]
    assert tuple(is_strained(cell, knowledge) for cell in cells) == strained
