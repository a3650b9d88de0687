"""proposal_for: when an unplanned week shows the repeating week's layout, and how it maps."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path

import pytest

from planner.days import WEEKDAY_KEYS
from planner.plan import Settings, WeekPlan
from planner.repeat import proposal_for
from planner.store import Store
from planner.weeks import FIRST_WEEK, FirstWeekday, IsoWeek, shown_dates
from rules import Activity

MONDAY, SUNDAY = FirstWeekday.MONDAY, FirstWeekday.SUNDAY
W47, W48, W49 = IsoWeek(2026, 47), IsoWeek(2026, 48), IsoWeek(2026, 49)


class Days:
    """An in-memory PlannedDays: ``{date: activity}``."""

    def __init__(self, planned: Mapping[date, Activity]) -> None:
        self.planned = dict(planned)

    def load_plan(self, week: IsoWeek, first: FirstWeekday) -> WeekPlan:
        return WeekPlan.of_activities(
            week, first, tuple(self.planned.get(d) for d in shown_dates(week, first))
        )

    def days_between(self, start: date, end: date) -> list[tuple[date, Activity | None]]:
        days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
        return [(day, self.planned.get(day)) for day in days]


def iso_days(week: IsoWeek, layout: str) -> dict[date, Activity]:
    """``"legs pull - rest - - run"``: Monday to Sunday of the ISO week, ``-`` unplanned."""
    words = layout.split()
    return {day: Activity(w) for day, w in zip(week.days, words, strict=True) if w != "-"}


def words(plan: WeekPlan | None) -> str | None:
    if plan is None:
        return None
    return " ".join("-" if a is None else a.value for a in plan.activities)


# W47 (the repeating week), Monday to Sunday.
REPEAT = "legs pull rest push run rest run"


@pytest.mark.parametrize(
    ("case", "planned", "week", "first", "repeat", "expected"),
    [
        ("empty week -> proposal", {}, W49, MONDAY, W47, REPEAT),
        ("the week before also", {}, IsoWeek(2026, 40), MONDAY, W47, REPEAT),
        ("partly planned -> None", {W49: "- - - - - - rest"}, W49, MONDAY, W47, None),
        ("the repeat week itself", {}, W47, MONDAY, W47, None),
        ("no repeat week", {}, W49, MONDAY, None, None),
        ("empty repeat week", {W47: "- - - - - - -"}, W49, MONDAY, W47, None),
        # Sunday-first: shown Sun..Sat; the shown W47 starts on the Sunday of ISO W46.
        ("Sunday-first by weekday", {IsoWeek(2026, 46): "- - - - - - rest"}, W49, SUNDAY, W47,
         "rest legs pull rest push run rest"),
        ("Sunday-first, W49's Sunday is in W48", {W48: "- - - - - - push"}, W49, SUNDAY, W47,
         None),
        ("a planned Sunday of the next ISO week does not count", {W49: "- - - - - - push"},
         W49, SUNDAY, W47, "- legs pull rest push run rest"),
        ("a year later", {}, IsoWeek(2027, 1), MONDAY, W47, REPEAT),
    ],
)  # fmt: skip
def test_proposal_for(
    case: str,
    planned: dict[IsoWeek, str],
    week: IsoWeek,
    first: FirstWeekday,
    repeat: IsoWeek | None,
    expected: str | None,
) -> None:
    days = Days(iso_days(W47, REPEAT))
    for other, layout in planned.items():
        days.planned = {
            day: a for day, a in days.planned.items() if IsoWeek.containing(day) != other
        }
        days.planned.update(iso_days(other, layout))
    plan = days.load_plan(week, first)
    found = proposal_for(plan, Settings(first, repeat), days)
    proposal = None if found is None else found.plan
    assert words(proposal) == expected, case
    if found is not None:
        assert found.source == repeat
    if proposal is not None:
        assert (proposal.week, proposal.first_weekday, proposal.dates) == (
            week,
            first,
            plan.dates,
        )


def test_same_weekday_gets_the_same_activity_whatever_the_first_day() -> None:
    days = Days(iso_days(W47, REPEAT) | iso_days(IsoWeek(2026, 46), "- - - - - - rest"))
    for first in (MONDAY, SUNDAY):
        source = days.load_plan(W47, first)
        found = proposal_for(days.load_plan(W49, first), Settings(first, W47), days)
        assert found is not None
        proposal = found.plan
        by_weekday = {day.weekday(): a.activity for day, a in source.dated_days}
        assert [by_weekday[day.weekday()] for day in proposal.dates] == list(proposal.activities)
        assert WEEKDAY_KEYS[proposal.dates[0].weekday()] == ("mon" if first is MONDAY else "sun")


def test_a_repeat_week_at_the_edge_of_the_supported_weeks_proposes_nothing() -> None:
    # Its Sunday-first view starts the day before the first supported day: never planned.
    days = Days({})
    plan = days.load_plan(W49, SUNDAY)
    assert proposal_for(plan, Settings(SUNDAY, FIRST_WEEK), days) is None


def test_the_store_is_a_planned_days(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_plan(WeekPlan.of_activities(W47, MONDAY, (Activity.RUN, *(None,) * 6)))
        found = proposal_for(store.load_plan(W48, MONDAY), Settings(MONDAY, W47), store)
    assert found is not None
    assert words(found.plan) == "run - - - - - -"
