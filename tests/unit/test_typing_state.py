"""Where typing is and how each key moves it: the pure rules, then the keys on a session
(a real store in a temporary folder; no Textual)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pendulum
import pytest

from planner import week_keys
from planner.days import day_words, parse_day
from planner.edits import EditError, remove_session
from planner.session import PlanningSession, Saved
from planner.store import Store
from planner.typing_state import PAST_END, TypingState, starting_state
from planner.weeks import IsoWeek, WeekError
from rules import Activity, default_knowledge
from tests.helpers import seed

PUSH, PULL, LEGS, RUN, REST = Activity
W48, W49 = IsoWeek(2026, 48), IsoWeek(2026, 49)
SATURDAY = pendulum.Date(2026, 11, 28)  # in W48
DATES = W48.days


# -- the value -------------------------------------------------------------------------------


def test_an_empty_week_starts_on_its_first_day_whatever_today_is() -> None:
    assert starting_state(DATES, False, SATURDAY) == TypingState(0)


def test_a_planned_week_starts_on_today_or_else_its_first_day() -> None:
    assert starting_state(DATES, True, SATURDAY) == TypingState(5)
    assert starting_state(W49.days, True, SATURDAY) == TypingState(0)


def test_planning_moves_on_and_the_last_day_rests_past_the_end() -> None:
    typing = TypingState(5).planned_on(5)
    assert typing == TypingState(6, planned=5)
    typing = typing.planned_on(6)
    assert typing.past_end and typing.selected == PAST_END and typing.planned == 6
    assert typing.selected_day(DATES) is None
    assert typing.session_index == 6  # the session keys still reach Sunday


def test_going_on_into_the_next_week_plans_its_first_day() -> None:
    typing = TypingState(PAST_END, planned=6).went_on(W48)
    assert typing == TypingState(1, planned=0, moved_from=W48)


def test_moves_forget_the_day_just_planned_and_a_waiting_plus() -> None:
    typing = TypingState(3, planned=2).waiting()
    assert typing.adding
    assert typing.move(1) == TypingState(4)
    assert typing.move(-9) == TypingState(0)
    assert typing.select(9) == TypingState(6)
    assert typing.forgotten() == TypingState(3)
    assert typing.settled() == TypingState(3, planned=2)


def test_past_the_end_back_is_the_last_day_and_on_stays() -> None:
    past = TypingState(PAST_END, planned=6)
    assert past.move(-1) == TypingState(6)
    assert past.move(1) == TypingState(PAST_END)
    assert TypingState(6).move(1) == TypingState(6)  # moving never goes past the end
    with pytest.raises(ValueError):
        TypingState(8)


def test_the_session_day_is_the_one_just_planned_else_the_selected_one() -> None:
    assert TypingState(4, planned=3).session_index == 3
    assert TypingState(4).session_index == 4
    assert TypingState(PAST_END).session_index == 6


# -- the keys on a session -----------------------------------------------------------------


@pytest.fixture
def session(tmp_path: Path) -> Iterator[PlanningSession]:
    saved: list[Saved] = []
    with Store.open(tmp_path / "planner.json") as store:
        yield PlanningSession(store, default_knowledge(), SATURDAY, saved.append)


def words(session: PlanningSession) -> list[str]:
    return [day_words(day) for day in session.view.plan.days]


def type_keys(session: PlanningSession, activities: str) -> None:
    """``"pugr."``: one activity key each."""
    keys = {"p": PUSH, "u": PULL, "g": LEGS, "r": RUN, ".": REST}
    for key in activities:
        week_keys.plan(session, keys[key])


def test_seven_keys_type_the_week_on_any_weekday_and_it_stays_in_view(
    session: PlanningSession,
) -> None:
    assert session.typing == TypingState(0)  # a Saturday, but an empty week: Monday
    type_keys(session, "pugr.pr")
    assert session.week == W48
    assert words(session) == ["push", "pull", "legs", "run", "rest", "push", "run"]
    assert session.typing.past_end
    week_keys.change_day(session, lambda day: parse_day("run:long"))  # Sunday, just planned
    assert words(session)[6] == "run:long"


def test_the_eighth_key_plans_the_next_monday_and_undo_steps_back_across_it(
    session: PlanningSession,
) -> None:
    type_keys(session, "pugr.pr")
    version = session.version
    type_keys(session, "g")
    assert session.week == W49
    assert words(session)[0] == "legs"
    assert session.typing == TypingState(1, planned=0, moved_from=W48)
    assert session.version > version
    assert session.undo()
    assert session.week == W48 and session.typing.past_end  # the finished week again
    assert session.plan_for(W49).is_empty
    assert session.redo()
    assert session.week == W49 and session.typing == TypingState(1, planned=0, moved_from=W48)


def test_undo_puts_the_selection_back_where_the_key_was_typed(
    session: PlanningSession,
) -> None:
    type_keys(session, "pu")
    assert session.undo()
    assert session.typing == TypingState(1, planned=0)  # on Tuesday, Monday just planned
    assert words(session)[:2] == ["push", "unplanned"]


def test_typing_moves_on_even_over_a_day_that_held_it_already(
    tmp_path: Path,
) -> None:
    seed(tmp_path / "planner.json", {"2026-W49": {"mon": "legs"}})
    with Store.open(tmp_path / "planner.json") as store:
        session = PlanningSession(store, default_knowledge(), SATURDAY, lambda _: None)
        session.show(W48, TypingState(PAST_END, planned=6))
        type_keys(session, "g")  # W49's Monday is legs already: no edit, but on it goes
        assert session.week == W49 and session.typing.selected == 1
        assert not session.undo()


def test_the_session_keys_change_the_day_just_planned_and_say_which(
    session: PlanningSession,
) -> None:
    type_keys(session, ".")
    with pytest.raises(EditError, match=r"^Mon 23 Nov: "):
        week_keys.change_day(session, remove_session)
    week_keys.add_second(session)
    assert session.typing.adding
    week_keys.move(session, 1)
    assert not session.typing.adding and session.typing.planned is None


def test_a_plus_takes_the_next_activity_key_as_a_second_session(
    session: PlanningSession,
) -> None:
    type_keys(session, "g")
    week_keys.add_second(session)
    type_keys(session, "r")
    assert words(session)[:2] == ["legs+run", "unplanned"]
    assert session.typing == TypingState(1, planned=0)  # typing goes on where it was
    week_keys.add_second(session)
    assert week_keys.cancel(session) and not week_keys.cancel(session)


def test_past_the_last_supported_week_the_next_key_is_refused(tmp_path: Path) -> None:
    with Store.open(tmp_path / "planner.json") as store:
        session = PlanningSession(store, default_knowledge(), SATURDAY, lambda _: None)
        session.show(IsoWeek(2999, 52), TypingState(6))
        type_keys(session, "r")
        assert session.typing.past_end
        with pytest.raises(WeekError, match="last week the planner supports"):
            type_keys(session, "r")
        assert session.week == IsoWeek(2999, 52) and session.typing.past_end


def test_a_newly_shown_week_starts_where_the_rules_say(session: PlanningSession) -> None:
    type_keys(session, "pu")
    session.show(W49)
    assert session.typing == TypingState(0)
    session.show(W48)
    assert session.typing == TypingState(5)  # planned, and today is in it
