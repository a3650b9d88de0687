"""Every way a rule file can be broken: each error is one line naming the file, the rule
id (or source, activity, group) and the field, and nothing is half-loaded."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from rules import RuleFileError, default_knowledge, load_knowledge
from tests.helpers import GOOD_RULE, write_rules


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


def test_a_failed_load_leaves_nothing_behind(tmp_path: Path) -> None:
    path = write_rules(tmp_path, GOOD_RULE + rule_with(id="second", kind="good"))
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
        "any_below, some_met, all_met",
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
    (
        "recovery window not growing",
        rule_with(type="recovery", within=[36, 12], weight=[5, 3]),
        "coach-rule",
        "within",
        "each above the one before",
    ),
    (
        "recovery window too long",
        rule_with(type="recovery", within=[12, 96], weight=[5, 3]),
        "coach-rule",
        "within",
        "1 to 72",
    ),
    (
        "recovery weight per window missing",
        rule_with(type="recovery", within=[12, 36], weight=5),
        "coach-rule",
        "weight",
        "2 whole numbers",
    ),
    (
        "recovery costing more later",
        rule_with(type="recovery", within=[12, 36], weight=[3, 5]),
        "coach-rule",
        "weight",
        "never growing",
    ),
    (
        "recovery goal weights of the wrong length",
        rule_with(type="recovery", within=[12, 36], weight=[5, 3], goal_weights={"muscle": [1]}),
        "coach-rule",
        "goal_weights.muscle",
        "2 whole numbers",
    ),
    (
        "recovery as a pro",
        rule_with(type="recovery", kind="pro", within=[12], weight=[2]),
        "coach-rule",
        "kind",
        "must be con",
    ),
    (
        "recovery naming an unknown family",
        rule_with(type="recovery", family="calves", within=[12], weight=[2]),
        "coach-rule",
        "family",
        "must be one of",
    ),
    (
        "recovery naming a family and a filter",
        rule_with(type="recovery", family="legs", families=["legs"], within=[12], weight=[2]),
        "coach-rule",
        "family",
        "leave out families",
    ),
    (
        "soreness without a level",
        rule_with(type="soreness", before=None, after="run", family="legs"),
        "coach-rule",
        "level",
        "is missing",
    ),
    (
        "soreness at an unknown level",
        rule_with(type="soreness", before=None, after="run", family="legs", level="aching"),
        "coach-rule",
        "level",
        "must be one of mild, sore, very",
    ),
    (
        "soreness as a pro",
        rule_with(type="soreness", before=None, kind="pro", level="sore"),
        "coach-rule",
        "kind",
        "must be con",
    ),
    (
        "soreness with windows",
        rule_with(type="soreness", before=None, level="sore", within=[12]),
        "coach-rule",
        "within",
        "is not a known field here",
    ),
    (
        "dose grouped as a con",
        rule_with(
            type="dose_groups",
            before=None,
            after=None,
            weight=None,
            groups=["quads"],
            activities="legs",
            points=[0, 2],
        ),
        "coach-rule",
        "kind",
        "must be pro",
    ),
    (
        "cost of too many that grows slower",
        rule_with(
            type="dose_days",
            before=None,
            after=None,
            weight=None,
            activities="run",
            per="session",
            points=[0, 0, 4, 5],
        ),
        "coach-rule",
        "points",
        "never growing less than the step before",
    ),
    (
        "dose not starting at 0",
        rule_with(
            type="dose_days",
            kind="pro",
            before=None,
            after=None,
            weight=None,
            activities="run",
            points=[1, 2],
        ),
        "coach-rule",
        "points",
        "starting at 0",
    ),
    (
        "dose growing more than before",
        rule_with(
            type="dose_days",
            kind="pro",
            before=None,
            after=None,
            weight=None,
            activities="run",
            points=[0, 1, 3],
        ),
        "coach-rule",
        "points",
        "never growing more",
    ),
    (
        "dose for an unknown goal",
        rule_with(
            type="dose_groups",
            kind="pro",
            before=None,
            after=None,
            weight=None,
            activities="push",
            points={"speed": [0, 1]},
        ),
        "coach-rule",
        "points.speed",
        "not a known field",
    ),
    (
        "dose with a weight",
        rule_with(
            type="dose_days",
            kind="pro",
            before=None,
            after=None,
            weight=3,
            activities="run",
            points=[0, 2],
        ),
        "coach-rule",
        "weight",
        "not a known field",
    ),
    (
        "count per something else",
        rule_with(
            type="count",
            before=None,
            after=None,
            per="week",
            conditions=[{"activities": "run", "min": 1}],
        ),
        "coach-rule",
        "per",
        "session, day",
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
    path = write_rules(tmp_path, text)
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
    path = write_rules(tmp_path, rule_with(id="legs-then-pull-good", kind="good"))
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
        "article, study, review, guideline",
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
    path = write_rules(tmp_path, text)
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
