"""Loading the knowledge base: what it exposes (sources, muscle groups, loads) and the
user's own rule file adding and disabling rules. Broken files: test_rules_validation.py."""

from __future__ import annotations

import datetime
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from planner.days import parse_session
from rules import (
    Activity,
    Day,
    PlannedDay,
    default_knowledge,
    evaluate,
    find_user_rules,
    load_knowledge,
)
from tests.helpers import GOOD_RULE, write_rules

MONDAY = datetime.date(2026, 11, 23)


# -- What the knowledge base exposes ---------------------------------------------------------


def test_shipped_rule_files_are_package_data() -> None:
    data = resources.files("rules").joinpath("data")
    names = {"sources.toml", "activities.toml", "transitions.toml", "patterns.toml", "week.toml"}
    assert names <= {entry.name for entry in data.iterdir()}


def test_default_knowledge_is_loaded_once() -> None:
    assert default_knowledge() is default_knowledge()


def test_muscle_groups_and_loads_are_data_for_the_readiness_view() -> None:
    knowledge = default_knowledge()
    groups = {group.id: group for group in knowledge.muscle_groups}
    assert list(groups)[:5] == ["chest", "shoulders", "triceps", "back", "biceps"]
    assert groups["cardio"].name == "Heart-lung system" and not groups["cardio"].is_muscle
    assert 0 < knowledge.hard_load <= 1

    def hard(word: str) -> set[str]:
        return set(knowledge.vocabulary.hard_families(parse_session(word)))

    assert hard("push") == hard("push:heavy") == {"chest"}
    assert hard("push:light") == set()
    # A pull day is a back day: even heavy deadlifts are not hard work for the legs.
    assert hard("pull") == hard("pull:heavy") == {"back"}
    assert hard("legs") == {"legs"}
    assert hard("run:easy") == hard("run:long") == set()
    assert hard("run:intervals") == hard("run:tempo") == {"legs", "heart"}
    families = [family.id for family in knowledge.families]
    assert families == ["chest", "back", "legs", "heart"]
    placed = [g for family in knowledge.families for g in family.groups]
    assert sorted(placed) == sorted(group.id for group in knowledge.muscle_groups)
    # Deadlifts and rows load the legs somewhat; leg day works the trunk; runs load the legs.
    assert 0 < knowledge.loads(parse_session("pull"))["hamstrings"] < knowledge.hard_load
    assert knowledge.loads(parse_session("legs"))["core"] > 0
    assert knowledge.loads(parse_session("run"))["quads"] > 0
    for activity in Activity:
        assert knowledge.activity_name(activity) == activity.value.capitalize()
        assert knowledge.is_training(activity) == (activity is not Activity.REST)


def test_loads_cannot_be_changed_by_callers() -> None:
    with pytest.raises(TypeError):
        default_knowledge().loads(parse_session("push"))["chest"] = 0.0  # type: ignore[index]


def test_every_rule_cites_a_known_source_and_ids_are_unique() -> None:
    knowledge = default_knowledge()
    ids = [rule.id for rule in knowledge.rules]
    assert len(ids) == len(set(ids))
    for rule in knowledge.rules:
        assert knowledge.sources[rule.source.id] == rule.source


# -- The user's own file ---------------------------------------------------------------------


def test_find_user_rules(tmp_path: Path) -> None:
    assert find_user_rules(tmp_path) is None
    path = write_rules(tmp_path, GOOD_RULE)
    assert find_user_rules(tmp_path) == path


def legs_then_run(knowledge: Any) -> list[str]:
    days = [
        Day(MONDAY, PlannedDay.of(Activity.LEGS)),
        Day(MONDAY + datetime.timedelta(days=1), PlannedDay.of(Activity.RUN)),
    ]
    return [f.rule_id for f in evaluate(days, knowledge=knowledge).transitions[-1].findings]


def test_user_file_adds_rules_and_sources_and_disables_rules(tmp_path: Path) -> None:
    path = write_rules(
        tmp_path,
        """
        disable = ["legs-then-run-longer-warm-up", "legs-then-run-compression"]

        [sources.my-coach]
        kind = "guideline"
        title = "What my coach told me"
        citation = "my coach"

        [[rules]]
        id = "coach-no-long-run-after-legs"
        type = "pair"
        before = "legs"
        after = "run"
        kind = "con"
        text = "Coach: no long run the day after legs"
        detail = "Long runs go on fresh legs."
        source = "my-coach"
        weight = 3
        """,
    )
    knowledge = load_knowledge(path)
    fired = legs_then_run(knowledge)
    assert fired[0] == "coach-no-long-run-after-legs"
    assert "legs-then-run-longer-warm-up" not in fired
    assert "legs-then-run-compression" not in fired
    assert "legs-then-run-longer-warm-up" not in knowledge
    assert knowledge.disabled == {"legs-then-run-longer-warm-up", "legs-then-run-compression"}
    assert knowledge.rule("coach-no-long-run-after-legs").source.citation == "my coach"
    # The shipped knowledge is untouched.
    assert "legs-then-run-longer-warm-up" in legs_then_run(default_knowledge())
    assert "coach-no-long-run-after-legs" not in default_knowledge()


def test_user_file_can_add_pattern_and_week_rules(tmp_path: Path) -> None:
    path = write_rules(
        tmp_path,
        """
        [[rules]]
        id = "two-runs-then-legs"
        type = "sequence"
        days = ["run", "run", "legs"]
        kind = "tip"
        text = "Two runs before leg day: check the legs are fresh"
        detail = "Runs add up."
        source = "coaching"
        weight = 0

        [[rules]]
        id = "at-least-two-runs"
        type = "count"
        conditions = [{ activities = "run", min = 2 }]
        kind = "pro"
        text = "Two or more runs this week"
        detail = "Good for the heart and lungs."
        source = "coaching"
        weight = 1
        """,
    )
    knowledge = load_knowledge(path)
    days = [
        Day(MONDAY + datetime.timedelta(days=n), PlannedDay.of(a))
        for n, a in enumerate([Activity.RUN, Activity.RUN, Activity.LEGS])
    ]
    evaluation = evaluate(days, knowledge=knowledge)
    assert "two-runs-then-legs" in [f.rule_id for f in evaluation.transitions[2].findings]
    assert "at-least-two-runs" in [f.rule_id for f in evaluation.week_findings]
