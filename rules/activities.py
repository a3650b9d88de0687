"""The activity vocabulary: what a day can hold."""

from __future__ import annotations

from enum import StrEnum


class Activity(StrEnum):
    PUSH = "push"
    PULL = "pull"
    LEGS = "legs"
    RUN = "run"
    REST = "rest"
