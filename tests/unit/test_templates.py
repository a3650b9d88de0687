"""Week templates: the shipped file, laying a template on a week, and refusing broken files."""

from __future__ import annotations

import itertools
from datetime import timedelta
from pathlib import Path

import pytest

from planner.advice import judge
from planner.days import parse_day
from planner.plan import DatedDay, WeekPlan
from planner.resources import CHECKOUT_DATA, data_file
from planner.templates import (
    Template,
    TemplateError,
    load_templates,
    parse_templates,
    template_by_id,
)
from planner.weeks import FirstWeekday, IsoWeek
from rules import (
    LIFTS,
    Activity,
    Goal,
    Intensity,
    PlannedDay,
    RunType,
    Session,
    default_knowledge,
)

PUSH, PULL, LEGS, RUN, REST = (Activity(name) for name in ("push", "pull", "legs", "run", "rest"))
W48 = IsoWeek(2026, 48)
ROOT = Path(__file__).resolve().parents[2]
# For the goal a template is built for, and for general fitness.
MIN_GOAL = 65
MIN_GENERAL = 50
# What an open day may be filled with when judging a template that leaves days open: rest
# or one session of any kind and attribute.
SESSIONS = (
    *(Session(kind, intensity=intensity) for kind in LIFTS for intensity in Intensity),
    *(Session(Activity.RUN, run_type=run_type) for run_type in RunType),
)
FILLS = (PlannedDay.of(Activity.REST), *(PlannedDay((session,)) for session in SESSIONS))
SHIPPED = load_templates()


def test_shipped_templates() -> None:
    ids = [template.id for template in SHIPPED]
    assert ids == [
        "push-rest-legs-pull-rest",
        "push-pull-legs-twice",
        "upper-lower",
        "upper-lower-run",
        "hybrid-two-runs",
        "hybrid-three-runs",
        "upper-lower-split",
        "hybrid-lift-then-run",
    ]
    assert load_templates() is SHIPPED  # read once
    article = template_by_id("push-rest-legs-pull-rest")
    assert article.days == (*map(PlannedDay.of, (PUSH, REST, LEGS, PULL, REST)), None, None)
    assert '"Can You Do Back Day After Leg Day?"' in article.description
    runs = {
        t.id: sum(1 for day in t.days if day for s in day.sessions if s.kind is RUN)
        for t in SHIPPED
    }
    assert runs["hybrid-two-runs"] == 2 and runs["hybrid-three-runs"] == 3
    # Templates hold sessions with attributes and two-session days too.
    split = template_by_id("upper-lower-split")
    assert split.days[1] == parse_day("push,pull") and split.days[1].together
    hybrid = template_by_id("hybrid-lift-then-run")
    assert hybrid.days[0] == parse_day("legs:heavy+run:easy") and not hybrid.days[0].together
    assert hybrid.days[3] == parse_day("run:intervals")
    goals = {t.id: t.goal for t in SHIPPED}
    assert goals["push-pull-legs-twice"] is Goal.MUSCLE and goals["upper-lower"] is Goal.STRENGTH
    assert set(goals.values()) >= {Goal.GENERAL, Goal.MUSCLE, Goal.STRENGTH, Goal.HYBRID}


def filled(plan: WeekPlan, indexes: list[int], days: tuple[PlannedDay, ...]) -> WeekPlan:
    for index, day in zip(indexes, days, strict=True):
        plan = plan.with_day(index, day)
    return plan


@pytest.mark.parametrize("template", SHIPPED, ids=lambda t: t.id)
@pytest.mark.parametrize("first", list(FirstWeekday))
def test_every_template_scores_well(template: Template, first: FirstWeekday) -> None:
    """Well for the goal it is built for, and not poorly for general fitness. A week's
    score counts only what it plans, so a template leaving days open is judged with them
    filled as well as one session each can: what it leaves room for."""
    knowledge = default_knowledge()
    plan = template.plan_for(W48, first)

    def score(plan: WeekPlan, goal: Goal, before: list[DatedDay], after: list[DatedDay]) -> int:
        return judge(plan, before, after, knowledge, goal).evaluation.score

    def best(goal: Goal) -> int:
        open_days = [i for i, held in enumerate(plan.days) if held == PlannedDay.UNPLANNED]
        return max(
            score(filled(plan, open_days, fill), goal, [], [])
            for fill in itertools.product(FILLS, repeat=len(open_days))
        )

    assert best(template.goal) >= MIN_GOAL and best(Goal.GENERAL) >= MIN_GENERAL
    if None not in template.days:
        # Used week after week: the days before and after are the same template's.
        dates = plan.dates
        before = [(d - timedelta(days=7), a) for d, a in plan.dated_days[-3:]]
        after = [(d + timedelta(days=7), a) for d, a in plan.dated_days[:3]]
        assert before[-1][0] == dates[0] - timedelta(days=1)
        assert score(plan, template.goal, before, after) >= MIN_GOAL
        assert score(plan, Goal.GENERAL, before, after) >= MIN_GENERAL


@pytest.mark.parametrize("template", SHIPPED, ids=lambda t: t.id)
@pytest.mark.parametrize("first", list(FirstWeekday))
def test_plan_for_puts_each_weekday_on_that_weekday(
    template: Template, first: FirstWeekday
) -> None:
    plan = template.plan_for(W48, first)
    assert (plan.week, plan.first_weekday) == (W48, first)
    for day, held in plan.dated_days:
        fixed = template.days[day.weekday()]
        assert held == (PlannedDay.UNPLANNED if fixed is None else fixed)


def test_sunday_first_shows_the_templates_sunday_first() -> None:
    plan = template_by_id("hybrid-three-runs").plan_for(W48, FirstWeekday.SUNDAY)
    assert plan.activities == (RUN, LEGS, RUN, PULL, REST, PUSH, RUN)


def test_apply_to_keeps_what_open_days_hold() -> None:
    week = WeekPlan.of_activities(W48, FirstWeekday.MONDAY, (RUN, RUN, None, RUN, RUN, LEGS, None))
    applied = template_by_id("push-rest-legs-pull-rest").apply_to(week)
    assert applied.activities == (PUSH, REST, LEGS, PULL, REST, LEGS, None)
    assert week.activities[0] is RUN  # a new value; the old one is untouched for undo


def test_unknown_template_names_the_known_ones() -> None:
    with pytest.raises(LookupError, match="no template 'ppl' \\(known: push-rest-legs-pull-rest, "):
        template_by_id("ppl")


def test_data_file_reads_the_checkout_in_an_editable_install() -> None:
    assert CHECKOUT_DATA == ROOT / "data"
    assert Path(str(data_file("templates.toml"))) == ROOT / "data" / "templates.toml"
    with pytest.raises(FileNotFoundError, match=r"data file nothing\.toml is missing"):
        data_file("nothing.toml")


GOOD = """
[[templates]]
id = "a"
name = "A"
goal = "muscle"
description = "One."
activities = ["push", "-", "-", "-", "-", "-", "rest"]
"""


def entry(**fields: str) -> str:
    lines = {"id": '"b"', "name": '"B"', "goal": '"general"', "description": '"Two."'}
    lines["activities"] = '["run", "-", "-", "-", "-", "-", "-"]'
    lines.update(fields)
    body = "\n".join(f"{key} = {value}" for key, value in lines.items() if value)
    return GOOD + "\n[[templates]]\n" + body + "\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("templates = [", "data/templates.toml: is not valid TOML ("),
        ("", "data/templates.toml: field 'templates' must hold at least one [[templates]]"),
        ("templates = []", "data/templates.toml: field 'templates' must hold at least one"),
        (
            GOOD + "[weeks]\n",
            "data/templates.toml: field 'weeks' is not a known field here (known: templates)",
        ),
        ("templates = [1]", "data/templates.toml: template '#1': must be a table (got 1 (int))"),
        (
            entry(id='"B C"'),
            "template '#2': field 'id' must be lowercase words joined by '-' (got 'B C')",
        ),
        (
            entry(id=""),
            "template '#2': field 'id' is missing",
        ),
        (entry(id='"a"'), "template 'a': field 'id' is used by two templates"),
        (entry(name='"a"'), "template 'b': field 'name' 'a' is already the name of another"),
        (entry(name='""'), "template 'b': field 'name' must be a non-empty string (got '')"),
        (
            entry(name='"' + "x" * 41 + '"'),
            "template 'b': field 'name' must be at most 40 characters",
        ),
        (
            entry(goal='"speed"'),
            "template 'b': field 'goal' must be one of general, muscle, strength, endurance, "
            "hybrid (got 'speed')",
        ),
        (entry(goal=""), "template 'b': field 'goal' is missing"),
        (
            entry(description="3"),
            "template 'b': field 'description' must be a non-empty string (got 3 (int))",
        ),
        (
            entry(days='"x"'),
            "template 'b': field 'days' is not a known field here "
            "(known: activities, description, goal, id, name)",
        ),
        (
            entry(activities='["run"]'),
            "template 'b': field 'activities' must list 7 days, Monday to Sunday (got 1 entries)",
        ),
        (entry(activities='"run"'), "template 'b': field 'activities' must list 7 days"),
        (
            entry(activities=""),
            "template 'b': field 'activities' is missing",
        ),
        (
            entry(activities='["run", "swim", "-", "-", "-", "-", "-"]'),
            "template 'b': field 'activities[2]' must be push, pull, legs, run, rest or '-' "
            "(got 'swim')",
        ),
        (
            entry(activities='["-", "-", "-", "-", "-", "-", "-"]'),
            "template 'b': field 'activities' leaves every day open; plan at least one",
        ),
    ],
)
def test_broken_files_are_refused_with_one_line(text: str, message: str) -> None:
    with pytest.raises(TemplateError) as raised:
        parse_templates(text)
    assert message in str(raised.value)
    assert str(raised.value).startswith("data/templates.toml: ")
    assert "\n" not in str(raised.value)


def test_descriptions_are_one_paragraph() -> None:
    (template,) = parse_templates(GOOD.replace('"One."', '"""\nOne\n   line."""'))
    assert template.description == "One line."
    assert all("\n" not in t.description for t in SHIPPED)
