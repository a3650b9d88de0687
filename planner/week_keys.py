"""What the week screen's typing keys do to a planning session, without Textual: the screen
binds its keys to these and then shows the session. A key that cannot do its work raises,
and the exception's text is what the screen says (``EditError``, ``WeekError`` at the edge
of the supported weeks, ``ReadOnlyStore``). The rules of where typing goes are
:class:`~planner.typing_state.TypingState`'s."""

from __future__ import annotations

from collections.abc import Callable

from planner.edits import EditError, add_session
from planner.session import PlanningSession
from rules import Activity, PlannedDay


def plan(session: PlanningSession, activity: Activity) -> None:
    """An activity key: plan the selected day and move on; past the end of the week, plan
    the next week's first day and show that week. A waiting ``+`` takes it as the session
    day's second session instead."""
    typing = session.typing
    if typing.adding:
        change_day(session, lambda day: add_session(day, activity))
        return
    held = PlannedDay.of(activity)
    week = session.week
    if typing.past_end:
        session.type_day(week.shifted(1), 0, held, typing.went_on(week))
    else:
        session.type_day(week, typing.selected, held, typing.planned_on(typing.selected))


def change_day(session: PlanningSession, change: Callable[[PlannedDay], PlannedDay]) -> None:
    """A session key (``i``, ``o``, ``-``, ``a``, or ``+`` and a kind): ``change`` the day
    just planned, else the selected one; one undo step. The day stays "just planned", so
    the next session key changes it again."""
    typing = session.typing.settled()
    session.set_typing(typing)
    index = typing.session_index
    plan = session.view.plan
    try:
        held = change(plan.days[index])
    except EditError as error:
        day = plan.dates[index]
        raise EditError(f"{day:%a} {day.day} {day:%b}: {error}") from None
    session.set_day(index, held, typing)


def move(session: PlanningSession, step: int) -> None:
    session.set_typing(session.typing.move(step))


def select(session: PlanningSession, index: int) -> None:
    session.set_typing(session.typing.select(index))


def add_second(session: PlanningSession) -> None:
    """``+``: the next activity key adds its session to the session day."""
    session.set_typing(session.typing.waiting())


def cancel(session: PlanningSession) -> bool:
    """``escape``: a waiting ``+`` is cancelled; False if none was waiting."""
    typing = session.typing
    session.set_typing(typing.settled())
    return typing.adding


def end_typing(session: PlanningSession) -> None:
    """Before any other edit: the day just planned is no longer the session keys' day."""
    session.set_typing(session.typing.forgotten())
