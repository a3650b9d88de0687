"""Readiness per muscle family at the start of each day, from the rules' one strain model:
table-driven, text snapshots, and the property that the strip flags exactly what the panel
calls a con."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.advice import judge
from planner.days import parse_day
from planner.plan import WeekPlan
from planner.readiness import Readiness, readiness
from planner.weeks import FirstWeekday, IsoWeek
from rules import Goal, Kind, PlannedDay, default_knowledge

READY, RECOVERING, STRAINED = Readiness.READY, Readiness.RECOVERING, Readiness.STRAINED
MONDAY = date(2026, 11, 23)
# Symbols of as_text: . ready, ~ recovering, ! strained.
ROWS = ("chest", "back", "legs", "heart")


def word_day(word: str) -> PlannedDay:
    return parse_day(word, clear=True)


def strip(words: list[str], shown_from: int = 0) -> dict[str, str]:
    """Consecutive days from MONDAY, one day-word each ("-" unplanned); shows those from
    ``shown_from`` on; one string per family, one symbol per shown day."""
    days = [(MONDAY + timedelta(days=i), parse_day(w, clear=True)) for i, w in enumerate(words)]
    grid = readiness(days, default_knowledge(), [day for day, _ in days[shown_from:]])
    return {family: "".join(state.symbol for state in grid.states(family)) for family in ROWS}


@pytest.mark.parametrize(
    ("words", "shown_from", "expected"),
    [
        # Nothing before: everything ready, whatever the day holds.
        (["legs"], 0, {"chest": ".", "back": ".", "legs": ".", "heart": "."}),
        # The legs need about 48 h after leg day: recovering the next day; an easy run the
        # next day costs nothing (the article's way), and leaves the heart nothing to do.
        (["legs", "run", "rest", "rest"], 0, {"legs": ".~..", "heart": "...."}),
        # Intervals the day after legs: the run on lifted legs is the strain; the heart is
        # then recovering from the intervals, the legs ready two days after leg day.
        (["legs", "run:intervals", "rest"], 0, {"legs": ".!.", "heart": "..~"}),
        # Heavy sets recover slower, but within the same two days (Moran-Navarro 2017).
        (["legs:heavy", "rest", "legs"], 0, {"legs": ".~."}),
        (["legs:heavy", "legs"], 0, {"legs": ".!"}),
        (["legs", "rest", "legs"], 0, {"legs": ".~."}),
        # A pull day's hamstring load does not strain the next leg day: a pull day is a
        # back day. Heavy deadlifts do: they work the hamstrings hard too.
        (["pull", "legs"], 0, {"legs": "..", "back": ".~"}),
        (["pull:heavy", "legs"], 0, {"legs": ".!"}),
        # Light sessions may follow hard ones, and leave nothing to recover from.
        (["legs:heavy", "legs:light", "push:light", "push"], 0, {"legs": ".~..", "chest": "...."}),
        # Two hard runs in a row strain the heart and lungs; easy after hard does not.
        (["run:tempo", "run:intervals", "run:easy"], 0, {"legs": "...", "heart": ".!~"}),
        # Unplanned days load nothing, like rest.
        (["push", "-", "-"], 0, {"chest": ".~."}),
        # Context days before the shown week count.
        (["legs:heavy", "rest", "rest", "legs"], 3, {"legs": "."}),
        (["legs:heavy", "legs"], 1, {"legs": "!"}),
        # A day of two sessions: both count, each at its hour (07:00 and 18:00). Legs
        # lifted the next morning, 13 h after the run, would start a little short.
        (["push+run:intervals", "pull"], 0, {"chest": ".~", "heart": ".~", "legs": ".~"}),
        # The evening run of a leg day is as real as the next morning's.
        (["legs:heavy+run:easy"], 0, {"legs": "!"}),
    ],
)
def test_states(words: list[str], shown_from: int, expected: dict[str, str]) -> None:
    found = strip(words, shown_from)
    assert {family: found[family] for family in expected} == expected


ARTICLE_WEEK = """\
Chest/shoulders/triceps . ~ . . . . ~
Back/biceps             . . . . ~ . .
Legs                    . . . ~ . . .
Heart/lungs             . . . . . . ."""


def test_the_articles_week_is_never_strained() -> None:
    words = ["push", "rest", "legs", "pull", "rest", "push", "rest"]
    plan = WeekPlan(IsoWeek(2026, 48), FirstWeekday.MONDAY, tuple(word_day(w) for w in words))
    grid = readiness(plan.dated_days, default_knowledge(), plan.dates)
    assert grid.as_text() == ARTICLE_WEEK
    assert STRAINED not in grid.drawn()


def test_cells_say_why() -> None:
    knowledge = default_knowledge()
    days = [
        (MONDAY + timedelta(days=i), word_day(w)) for i, w in enumerate(["legs:heavy", "run:tempo"])
    ]
    grid = readiness(days, knowledge, [day for day, _ in days])
    cell = grid.cell("legs", days[1][0])
    assert cell.state is STRAINED
    assert cell.why(knowledge) == "heavy legs 24 h before (needs 36 h)"
    assert grid.cell("legs", days[0][0]).why(knowledge) == ""


def test_sunday_first_week_uses_the_shown_dates() -> None:
    days = tuple(word_day(w) for w in ["legs", "run:tempo", *["rest"] * 5])
    plan = WeekPlan(IsoWeek(2026, 48), FirstWeekday.SUNDAY, days)
    grid = readiness(plan.dated_days, default_knowledge(), plan.dates)
    assert grid.dates == plan.dates
    assert grid.states("legs")[:3] == (READY, STRAINED, READY)


def test_order_of_days_does_not_matter_and_conflicts_are_refused() -> None:
    words = ["legs", "run", "rest"]
    days = [(MONDAY + timedelta(days=i), parse_day(w, clear=True)) for i, w in enumerate(words)]
    knowledge = default_knowledge()
    shown = [day for day, _ in days]
    assert readiness(days[::-1], knowledge, shown) == readiness(days, knowledge, shown)
    assert readiness(days + days[:1], knowledge, shown) == readiness(days, knowledge, shown)
    with pytest.raises(ValueError, match="2026-11-23 is given twice: legs and push"):
        readiness([*days, (MONDAY, parse_day("push"))], knowledge, shown)


def test_families_cover_every_muscle_group_once() -> None:
    knowledge = default_knowledge()
    grouped = [group for family in knowledge.families for group in family.groups]
    assert sorted(grouped) == sorted(group.id for group in knowledge.muscle_groups)
    assert len(grouped) == len(set(grouped))


# -- the strip agrees with the panel ------------------------------------------------------

WORDS = [
    "-", "rest", "push", "push:light", "push:heavy", "pull", "pull:light", "pull:heavy",
    "legs", "legs:light", "legs:heavy", "run", "run:long", "run:tempo", "run:intervals",
    "legs:heavy+run:easy", "push,run:intervals", "pull:heavy+legs", "run:tempo,push",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    before=st.lists(st.sampled_from(WORDS), min_size=3, max_size=3),
    week=st.lists(st.sampled_from(WORDS), min_size=7, max_size=7),
    goal=st.sampled_from(list(Goal)),
)
def test_the_strip_flags_a_family_exactly_where_the_panel_has_a_con_about_it(
    before: list[str], week: list[str], goal: Goal
) -> None:
    knowledge = default_knowledge()
    plan = WeekPlan(IsoWeek(2026, 48), FirstWeekday.MONDAY, tuple(word_day(w) for w in week))
    context = [(MONDAY - timedelta(days=3 - i), word_day(w)) for i, w in enumerate(before)]
    context = [(MONDAY - timedelta(days=6 - i), PlannedDay.UNPLANNED) for i in range(3)] + context
    judged = judge(plan, context, [], knowledge, goal)
    for index, day in enumerate(plan.dates):
        transition = judged.transition_into(day)
        assert transition is not None
        named = {g for f in transition.findings if f.kind is Kind.CON for g in f.groups}
        for family in knowledge.families:
            flagged = judged.readiness.cell(family.id, day).state is STRAINED
            assert flagged == bool(named & set(family.groups)), (week, index, family.id)


def test_an_unplanned_day_is_never_strained() -> None:
    grid = readiness(
        [(MONDAY, parse_day("legs:heavy"))],
        default_knowledge(),
        [MONDAY, MONDAY + timedelta(days=1)],
    )
    assert all(cell.state is not STRAINED for row in grid.cells for cell in row)
    assert PlannedDay.UNPLANNED.is_planned is False
