"""What the user trains for. The goal changes how much each finding weighs (a rule's
``goal_weights``), so a runner's week is judged as a runner's and a lifter's as a lifter's.
"""

from __future__ import annotations

from enum import StrEnum


class Goal(StrEnum):
    """In this order wherever goals are listed (the goal picker, ``planner goal``)."""

    GENERAL = "general"
    MUSCLE = "muscle"
    STRENGTH = "strength"
    ENDURANCE = "endurance"
    HYBRID = "hybrid"

    @property
    def label(self) -> str:
        return GOAL_LABELS[self]


GOAL_LABELS: dict[Goal, str] = {
    Goal.GENERAL: "general fitness",
    Goal.MUSCLE: "muscle growth",
    Goal.STRENGTH: "strength",
    Goal.ENDURANCE: "endurance",
    Goal.HYBRID: "hybrid (strength and endurance)",
}

DEFAULT_GOAL = Goal.GENERAL
