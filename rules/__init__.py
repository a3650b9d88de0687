"""rules: the knowledge base (activities, muscle loads, rule files) and its pure engine.

Knows nothing of weeks, storage or screens, and never imports Textual. Typical use::

    from rules import Day, evaluate, load_knowledge
    knowledge = load_knowledge(user_file_or_none)   # once; validates every file
    evaluation = evaluate(days, focus=(monday, sunday), knowledge=knowledge)
"""

from rules.activities import (
    DEFAULT_INTENSITY,
    DEFAULT_RUN_TYPE,
    LIFTS,
    MAX_SESSIONS,
    SESSION_ACTIVITIES,
    Activity,
    DayError,
    Intensity,
    PlannedDay,
    RunType,
    Session,
)
from rules.engine import evaluate
from rules.errors import DataFileError, RuleFileError
from rules.goals import DEFAULT_GOAL, Goal
from rules.knowledge import KnowledgeBase
from rules.loader import (
    USER_RULES_FILENAME,
    default_knowledge,
    find_user_rules,
    load_knowledge,
)
from rules.model import (
    Day,
    Evaluation,
    Finding,
    Kind,
    MuscleGroup,
    Reason,
    Sore,
    Soreness,
    Source,
    Transition,
    consecutive_days,
)
from rules.rule import Rule

__all__ = [
    "DEFAULT_GOAL",
    "DEFAULT_INTENSITY",
    "DEFAULT_RUN_TYPE",
    "LIFTS",
    "MAX_SESSIONS",
    "SESSION_ACTIVITIES",
    "USER_RULES_FILENAME",
    "Activity",
    "DataFileError",
    "Day",
    "DayError",
    "Evaluation",
    "Finding",
    "Goal",
    "Intensity",
    "Kind",
    "KnowledgeBase",
    "MuscleGroup",
    "PlannedDay",
    "Reason",
    "Rule",
    "RuleFileError",
    "RunType",
    "Session",
    "Sore",
    "Soreness",
    "Source",
    "Transition",
    "consecutive_days",
    "default_knowledge",
    "evaluate",
    "find_user_rules",
    "load_knowledge",
]
