"""Loading the knowledge base: what it exposes, the user's own file, and every way a rule
file can be broken (each error names the file, the rule id and the field)."""

from __future__ import annotations

import datetime
import textwrap
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from rules import (
    USER_RULES_FILENAME,
    Activity,
    Day,
    RuleFileError,
    default_knowledge,
    evaluate,
    find_user_rules,
    load_knowledge,
)
from rules.vocabulary import parse_vocabulary

MONDAY = datetime.date(2026, 11, 23)

GOOD_RULE = """
[[rules]]
id = "coach-no-long-run-after-legs"
type = "pair"
before = "legs"
after = "run"
kind = "con"
text = "Coach: no long run the day after legs"
detail = "My coach wants long runs on fresh legs."
source = "coaching"
weight = 3
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / USER_RULES_FILENAME
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def rule_with(**fields: Any) -> str:
    """GOOD_RULE with some fields replaced (value None drops the field), as TOML."""
    base: dict[str, Any] = {
        "id": "coach-rule",
        "type": "pair",
        "before": "legs",
        "after": "run",
        "kind": "con",
        "text": "Coach: no long run the day after legs",
        "detail": "My coach wants long runs on fresh legs.",
        "source": "coaching",
        "weight": 3,
    }
    base.update(fields)
    lines = ["[[rules]]"]
    for key, value in base.items():
        if value is not None:
            lines.append(f"{key} = {toml_value(value)}")
    return "\n".join(lines) + "\n"


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    return repr(value)


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
    assert groups["cardio"].name == "Heart and lungs" and not groups["cardio"].is_muscle
    assert knowledge.recovery_hours == 48
    assert 0 < knowledge.hard_load <= 1
    hard = {
        activity: {
            g for g, load in knowledge.loads(activity).items() if load >= knowledge.hard_load
        }
        for activity in Activity
    }
    assert hard[Activity.PUSH] == {"chest", "shoulders", "triceps"}
    assert hard[Activity.PULL] == {"back", "biceps"}
    assert hard[Activity.LEGS] == {"quads", "hamstrings", "glutes"}
    assert hard[Activity.RUN] == {"cardio"}
    assert hard[Activity.REST] == set()
    # Deadlifts and rows load the legs somewhat; leg day works the trunk; runs load the legs.
    assert 0 < knowledge.loads(Activity.PULL)["hamstrings"] < knowledge.hard_load
    assert knowledge.loads(Activity.LEGS)["core"] > 0
    assert knowledge.loads(Activity.RUN)["quads"] > 0
    for activity in Activity:
        assert set(knowledge.loads(activity)) <= set(groups)
        assert knowledge.activity_name(activity) == activity.value.capitalize()
        assert knowledge.is_training(activity) == (activity is not Activity.REST)


def test_loads_cannot_be_changed_by_callers() -> None:
    with pytest.raises(TypeError):
        default_knowledge().loads(Activity.PUSH)["chest"] = 0.0  # type: ignore[index]


def test_every_rule_cites_a_known_source_and_ids_are_unique() -> None:
    knowledge = default_knowledge()
    ids = [rule.id for rule in knowledge.rules]
    assert len(ids) == len(set(ids))
    for rule in knowledge.rules:
        assert knowledge.sources[rule.source.id] == rule.source


# -- The user's own file ---------------------------------------------------------------------


def test_find_user_rules(tmp_path: Path) -> None:
    assert find_user_rules(tmp_path) is None
    path = write(tmp_path, GOOD_RULE)
    assert find_user_rules(tmp_path) == path


def legs_then_run(knowledge: Any) -> list[str]:
    days = [Day(MONDAY, Activity.LEGS), Day(MONDAY + datetime.timedelta(days=1), Activity.RUN)]
    return [f.rule_id for f in evaluate(days, knowledge=knowledge).transitions[0].findings]


def test_user_file_adds_rules_and_sources_and_disables_rules(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        disable = ["legs-then-run-same-muscles", "legs-then-run-compression"]

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
    assert "legs-then-run-same-muscles" not in fired
    assert "legs-then-run-compression" not in fired
    assert "legs-then-run-same-muscles" not in knowledge
    assert knowledge.disabled == {"legs-then-run-same-muscles", "legs-then-run-compression"}
    assert knowledge.rule("coach-no-long-run-after-legs").source.citation == "my coach"
    # The shipped knowledge is untouched.
    assert "legs-then-run-same-muscles" in legs_then_run(default_knowledge())
    assert "coach-no-long-run-after-legs" not in default_knowledge()


def test_user_file_can_add_pattern_and_week_rules(tmp_path: Path) -> None:
    path = write(
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
        Day(MONDAY + datetime.timedelta(days=n), a)
        for n, a in enumerate([Activity.RUN, Activity.RUN, Activity.LEGS])
    ]
    evaluation = evaluate(days, knowledge=knowledge)
    assert "two-runs-then-legs" in [f.rule_id for f in evaluation.transitions[1].findings]
    assert "at-least-two-runs" in [f.rule_id for f in evaluation.week_findings]


def test_a_failed_load_leaves_nothing_behind(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_RULE + rule_with(id="second", kind="good"))
    with pytest.raises(RuleFileError):
        load_knowledge(path)
    assert "coach-no-long-run-after-legs" not in default_knowledge()
    assert "coach-no-long-run-after-legs" not in load_knowledge()


# -- Every validation error ----------------------------------------------------------------

# (user file text, rule id named, field named, words in the problem)
BROKEN: list[tuple[str, str, str | None, str | None, str]] = [
    ("bad TOML", "[[rules]\nid = 'x'\n", None, None, "not valid TOML"),
    ("bad TOML value", "[[rules]]\nid = 'x'\nweight = = 3\n", None, None, "at line 3"),
    (
        "unknown activity",
        rule_with(after="yoga"),
        "coach-rule",
        "after",
        "unknown activity 'yoga'",
    ),
    (
        "unknown activity in a list",
        rule_with(before=["legs", "swim"]),
        "coach-rule",
        "before",
        "unknown activity 'swim'",
    ),
    ("missing field", rule_with(detail=None), "coach-rule", "detail", "is missing"),
    ("missing source", rule_with(source=None), "coach-rule", "source", "is missing"),
    ("missing id", rule_with(id=None), "#1", "id", "is missing"),
    ("bad id", rule_with(id="Coach Rule"), "#1", "id", "lowercase"),
    ("unknown source", rule_with(source="a-blog"), "coach-rule", "source", "unknown source"),
    (
        "duplicate of a shipped id",
        rule_with(id="legs-then-pull-fresh-back"),
        "legs-then-pull-fresh-back",
        "id",
        "rules/data/transitions.toml",
    ),
    (
        "duplicate inside the file",
        rule_with(id="mine") + rule_with(id="mine"),
        "mine",
        "id",
        "duplicates",
    ),
    (
        "unknown disabled id",
        'disable = ["no-such-rule"]\n',
        "no-such-rule",
        "disable",
        "names no known rule",
    ),
    ("disable not a list", 'disable = "legs-then-run-fuel"\n', None, "disable", "list"),
    (
        "bad kind",
        rule_with(kind="good"),
        "coach-rule",
        "kind",
        "must be one of pro, con, tip (got 'good')",
    ),
    ("negative weight", rule_with(weight=-1), "coach-rule", "weight", "0 to 10"),
    ("weight too big", rule_with(weight=11), "coach-rule", "weight", "0 to 10"),
    ("fractional weight", rule_with(weight=2.5), "coach-rule", "weight", "whole number"),
    ("boolean weight", rule_with(weight=True), "coach-rule", "weight", "whole number"),
    ("string weight", rule_with(weight="3"), "coach-rule", "weight", "whole number"),
    ("weighted tip", rule_with(kind="tip", weight=2), "coach-rule", "weight", "must be 0"),
    ("weightless con", rule_with(weight=0), "coach-rule", "weight", "1 to 10"),
    ("unknown type", rule_with(type="vibes"), "coach-rule", "type", "must be one of"),
    ("unknown field", rule_with(wieght=3), "coach-rule", "wieght", "not a known field"),
    ("field of another type", rule_with(min_days=3), "coach-rule", "min_days", "not a known"),
    ("empty text", rule_with(text="  "), "coach-rule", "text", "non-empty"),
    ("two-line text", rule_with(text="one\ntwo"), "coach-rule", "text", "single line"),
    ("long text", rule_with(text="x" * 81), "coach-rule", "text", "at most 80"),
    ("bad placeholder", rule_with(text="After {befor}"), "coach-rule", "text", "{befor}"),
    ("broken brace", rule_with(detail="a { b"), "coach-rule", "detail", "placeholder"),
    (
        "group placeholder on a plain pair",
        rule_with(text="{groups} again"),
        "coach-rule",
        "text",
        "{groups}",
    ),
    (
        "bad threshold",
        rule_with(type="load_overlap", before=None, after=None, threshold=1.5),
        "coach-rule",
        "threshold",
        "from above 0 to 1",
    ),
    (
        "unknown muscle group",
        rule_with(type="load_overlap", before=None, after=None, groups=["calves"]),
        "coach-rule",
        "groups",
        "unknown entry 'calves'",
    ),
    (
        "sequence too short",
        rule_with(type="sequence", before=None, after=None, days=["legs", "run"]),
        "coach-rule",
        "days",
        "3 to 7",
    ),
    (
        "unknown activity in a sequence",
        rule_with(type="sequence", before=None, after=None, days=["legs", "run", "swim"]),
        "coach-rule",
        "days[3]",
        "unknown activity 'swim'",
    ),
    (
        "streak too short",
        rule_with(type="streak", before=None, after=None, activities="run", min_days=1),
        "coach-rule",
        "min_days",
        "2 to 14",
    ),
    (
        "gap too long",
        rule_with(type="load_gap", before=None, after=None, gap_days=5),
        "coach-rule",
        "gap_days",
        "2 to 3",
    ),
    (
        "count without bounds",
        rule_with(type="count", before=None, after=None, conditions=[{"activities": "run"}]),
        "coach-rule",
        "conditions[1]",
        "needs min, max or both",
    ),
    (
        "count with min above max",
        rule_with(
            type="count",
            before=None,
            after=None,
            conditions=[{"activities": "run", "min": 3, "max": 1}],
        ),
        "coach-rule",
        "conditions[1].min",
        "must not exceed max",
    ),
    (
        "count with an unknown activity",
        rule_with(
            type="count", before=None, after=None, conditions=[{"activities": "ski", "min": 1}]
        ),
        "coach-rule",
        "conditions[1].activities",
        "unknown activity 'ski'",
    ),
    (
        "compare with a bad operator",
        rule_with(type="compare", before=None, after=None, first="run", second="legs", op="=>"),
        "coach-rule",
        "op",
        "must be one of",
    ),
    (
        "group frequency with a bad mode",
        rule_with(
            type="group_frequency", before=None, after=None, min_sessions=2, when="sometimes"
        ),
        "coach-rule",
        "when",
        "any_below, all_met",
    ),
    (
        "complete_week not a flag",
        rule_with(
            type="count",
            before=None,
            after=None,
            conditions=[{"activities": "run", "min": 1}],
            complete_week="yes",
        ),
        "coach-rule",
        "complete_week",
        "true or false",
    ),
    ("rule not a table", "rules = [1]\n", "#1", None, "must be a table"),
    ("rules not a list", 'rules = "x"\n', None, "rules", "array of tables"),
    ("unknown top-level key", 'activities = "x"\n', None, "activities", "not a known field"),
]


@pytest.mark.parametrize(
    ("text", "rule_id", "field", "problem"),
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_broken_user_file_names_file_rule_and_field(
    tmp_path: Path, text: str, rule_id: str | None, field: str | None, problem: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(RuleFileError) as caught:
        load_knowledge(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: "), message
    assert "\n" not in message
    assert problem in message
    if rule_id is not None:
        assert f"rule '{rule_id}'" in message
        assert caught.value.rule_id == rule_id
    if field is not None:
        assert f"field '{field}'" in message
        assert caught.value.field == field


def test_error_message_has_the_documented_shape(tmp_path: Path) -> None:
    path = write(tmp_path, rule_with(id="legs-then-pull-good", kind="good"))
    with pytest.raises(RuleFileError) as caught:
        load_knowledge(path)
    assert str(caught.value) == (
        f"{path}: rule 'legs-then-pull-good': field 'kind' must be one of pro, con, tip "
        "(got 'good')"
    )


BROKEN_SOURCES: list[tuple[str, str, str, str | None, str]] = [
    (
        "missing title",
        "[sources.blog]\nkind = 'article'\ncitation = 'x'\n",
        "blog",
        "title",
        "is missing",
    ),
    (
        "bad kind",
        "[sources.blog]\nkind = 'tweet'\ntitle = 'x'\ncitation = 'x'\n",
        "blog",
        "kind",
        "article, study, guideline",
    ),
    (
        "redefines a shipped source",
        "[sources.coaching]\nkind = 'guideline'\ntitle = 'x'\ncitation = 'x'\n",
        "coaching",
        None,
        "defined twice",
    ),
    (
        "bad id",
        "[sources.My_Blog]\nkind = 'article'\ntitle = 'x'\ncitation = 'x'\n",
        "My_Blog",
        None,
        "lowercase",
    ),
]


@pytest.mark.parametrize(
    ("text", "name", "field", "problem"),
    [case[1:] for case in BROKEN_SOURCES],
    ids=[case[0] for case in BROKEN_SOURCES],
)
def test_broken_source_names_file_source_and_field(
    tmp_path: Path, text: str, name: str, field: str | None, problem: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(RuleFileError) as caught:
        load_knowledge(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: source '{name}'")
    assert problem in message
    if field is not None:
        assert f"field '{field}'" in message


def test_missing_user_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match=r"rules\.toml: does not exist"):
        load_knowledge(tmp_path / "rules.toml")


def test_unreadable_user_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="cannot be read"):
        load_knowledge(tmp_path)  # a directory
    binary = tmp_path / "rules.toml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(RuleFileError, match="cannot be read"):
        load_knowledge(binary)


# -- The vocabulary file (activities and muscle groups) ---------------------------------------

FILE = "rules/data/activities.toml"


def vocabulary(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "recovery": {"hours": 48, "hard_load": 0.7},
        "groups": {"chest": {"name": "Chest", "region": "upper"}},
        "activities": {
            name: {"name": name.title(), "noun": name, "training": name != "rest", "loads": {}}
            for name in ("push", "pull", "legs", "run", "rest")
        },
    }
    for path, value in changes.items():
        *parents, leaf = path.split("__")
        target = document
        for key in parents:
            target = target[key]
        if value is None:
            del target[leaf]
        else:
            target[leaf] = value
    return document


def test_a_sound_vocabulary_parses() -> None:
    parsed = parse_vocabulary(FILE, vocabulary(activities__push__loads={"chest": 1.0}))
    assert parsed.profiles[Activity.PUSH].loads == {"chest": 1.0}


BROKEN_VOCABULARY: list[tuple[str, dict[str, Any], str, str]] = [
    (
        "unknown activity",
        {"activities__yoga": {"name": "Yoga"}},
        "activity 'yoga'",
        "not an activity",
    ),
    ("missing activity", {"activities__rest": None}, "field 'activities'", "no entry for rest"),
    (
        "unknown group in loads",
        {"activities__push__loads": {"calves": 0.5}},
        "activity 'push': field 'loads.calves'",
        "not a muscle group",
    ),
    (
        "load above 1",
        {"activities__push__loads": {"chest": 1.5}},
        "activity 'push': field 'loads.chest'",
        "from 0 to 1",
    ),
    ("missing name", {"activities__run__name": None}, "activity 'run': field 'name'", "missing"),
    ("bad region", {"groups__chest__region": "arms"}, "group 'chest': field 'region'", "upper"),
    ("bad hours", {"recovery__hours": 0}, "recovery': field 'hours'", "1 to 168"),
]


@pytest.mark.parametrize(
    ("changes", "where", "problem"),
    [case[1:] for case in BROKEN_VOCABULARY],
    ids=[case[0] for case in BROKEN_VOCABULARY],
)
def test_broken_vocabulary_names_file_entry_and_field(
    changes: dict[str, Any], where: str, problem: str
) -> None:
    with pytest.raises(RuleFileError) as caught:
        parse_vocabulary(FILE, vocabulary(**changes))
    message = str(caught.value)
    assert message.startswith(f"{FILE}: ")
    assert where in message
    assert problem in message
