"""What the week screen shows at one moment, as one immutable value: each widget draws from
it alone, and keeps what it drew by its ``version``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.advice import JudgedWeek
from planner.plan import WeekPlan
from planner.session import PlanningSession
from planner.typing_state import TypingState
from planner.weeks import IsoWeek, WeekError
from rules import Goal, KnowledgeBase


@dataclass(frozen=True, slots=True, eq=False)
class WeekViewState:
    # The session's version of the judged week: it goes up with every edit, another week or
    # another goal, and stays the same while only the selection moves. Two states of one
    # version show the same judged week.
    version: int
    judged: JudgedWeek
    typing: TypingState
    today: date
    knowledge: KnowledgeBase
    # The repeating week the shown (unplanned) week is proposed from, if it is.
    proposed_from: IsoWeek | None

    @classmethod
    def of(cls, session: PlanningSession) -> WeekViewState:
        return cls(
            session.version,
            session.view,
            session.typing,
            session.today,
            session.knowledge,
            session.proposal_from,
        )

    def same_as(self, other: WeekViewState | None) -> bool:
        """Whether ``other`` shows exactly this (a key that changed nothing)."""
        return other is not None and (other.version, other.typing) == (self.version, self.typing)

    @property
    def plan(self) -> WeekPlan:
        return self.judged.plan

    @property
    def week(self) -> IsoWeek:
        return self.judged.plan.week

    @property
    def goal(self) -> Goal:
        return self.judged.summary.goal

    @property
    def proposed(self) -> bool:
        return self.proposed_from is not None

    @property
    def selected_day(self) -> date | None:
        """The selected date; None when the selection rests past the end of the week."""
        return self.typing.selected_day(self.plan.dates)

    @property
    def next_week(self) -> IsoWeek | None:
        """The week typing goes on into; None at the last week the planner supports."""
        try:
            return self.week.shifted(1)
        except WeekError:
            return None
