"""Patterns over three or more days, week findings, and the week boundary."""

from __future__ import annotations

import datetime
import itertools

import pytest

from planner.days import parse_day
from rules import (
    Activity,
    Day,
    Evaluation,
    Kind,
    PlannedDay,
    default_knowledge,
    evaluate,
    load_knowledge,
)
from tests.helpers import write_rules

MONDAY = datetime.date(2026, 11, 23)  # 2026-W48
SUNDAY = datetime.date(2026, 11, 29)
NEXT_MONDAY = datetime.date(2026, 11, 30)  # 2026-W49


def days_of(plan: str, start: datetime.date = MONDAY) -> tuple[Day, ...]:
    """'legs:heavy pull -' -> days from start; '-' is an unplanned day."""
    return tuple(
        Day(start + datetime.timedelta(days=n), parse_day(word, clear=True))
        for n, word in enumerate(plan.split())
    )


def pattern_ids(evaluation: Evaluation) -> list[tuple[int, str]]:
    """(index of the completing transition, rule id) for findings beyond the pair ones."""
    pair_rule_types = {"pair", "load_overlap", "load_shift", "same_day", "recovery"}
    knowledge = default_knowledge()
    return [
        (index, finding.rule_id)
        for index, transition in enumerate(evaluation.transitions)
        for finding in transition.findings
        if knowledge.rule(finding.rule_id).type not in pair_rule_types
    ]


# plan -> every (completing transition index, pattern rule id) expected, in order.
PATTERNS: list[tuple[str, list[tuple[int, str]]]] = [
    ("legs pull rest", [(1, "legs-pull-rest")]),
    ("legs pull -", []),
    ("legs - rest", []),
    ("push rest legs pull rest", [(3, "legs-pull-rest"), (3, "push-rest-legs-pull-rest")]),
    # Heavy deadlifts load the legs: not the pull day the legs-pull-rest order means.
    ("legs pull:heavy rest", []),
    ("push push push", [(1, "lifting-days-in-a-row")]),
    ("legs rest run", [(1, "run-two-days-after-legs")]),
    ("legs push run", [(1, "run-two-days-after-legs")]),
    ("legs:light rest run", []),
    ("legs run run", []),
    # Back before legs only if the legs were fresh on the pull day.
    ("push pull legs", [(1, "pull-then-legs-fresh-for-hinges"), (1, "lifting-days-in-a-row")]),
    ("run pull legs", [(1, "pull-then-legs-fresh-for-hinges")]),
    ("run:tempo pull legs", []),
    ("legs pull legs", [(1, "lifting-days-in-a-row")]),
    # Streaks fire once, on the day they reach their length.
    ("push pull legs push", [(1, "pull-then-legs-fresh-for-hinges"), (1, "lifting-days-in-a-row")]),
    ("rest run push pull run legs", [(4, "training-days-in-a-row")]),
    # A week with no rest at all says so once: the streak is the same fact.
    ("run push pull run legs", []),
    ("push pull run push pull run rest", [(3, "training-days-in-a-row")]),
    ("push pull run rest push pull run", []),
    ("push pull - legs push pull", [(4, "lifting-days-in-a-row")]),
]


@pytest.mark.parametrize(("plan", "expected"), PATTERNS, ids=[p[0] for p in PATTERNS])
def test_patterns_fire_on_the_transition_that_completes_them(
    plan: str, expected: list[tuple[int, str]]
) -> None:
    assert pattern_ids(evaluate(days_of(plan))) == expected


def test_a_transitions_findings_are_in_panel_order() -> None:
    (_, _, _, last) = evaluate(days_of("push rest legs pull rest")).transitions
    ids = [finding.rule_id for finding in last.findings]
    assert ids == ["legs-pull-rest", "push-rest-legs-pull-rest"]
    (first,) = evaluate(days_of("legs:heavy run:tempo")).transitions
    kinds = [finding.kind for finding in first.findings]
    assert kinds == sorted(kinds, key=["con", "pro", "tip"].index)


def test_load_gap_names_the_groups_worked_again(tmp_path) -> None:
    knowledge = load_knowledge(
        write_rules(
            tmp_path,
            """
            [[rules]]
            id = "mine-48h-later"
            type = "load_gap"
            kind = "tip"
            text = "{Groups} hard again 48 h later"
            detail = "Check they recovered."
            source = "coaching"
            weight = 0
            """,
        )
    )
    (_first, second) = evaluate(days_of("pull legs pull"), knowledge=knowledge).transitions
    (gap,) = [f for f in second.findings if f.rule_id == "mine-48h-later"]
    assert gap.text == "Back and biceps hard again 48 h later"


# plan (Monday first) -> the week rule ids expected, in panel order.
WEEKS: list[tuple[str, list[str]]] = [
    ("- - - - - - -", []),
    (
        "push pull legs rest push pull legs",
        ["no-aerobic-work", "groups-two-days-acsm", "groups-trained", "rest-days-balanced"],
    ),
    (
        "push pull legs push pull legs run",
        [
            "no-rest-day-this-week",
            "few-aerobic-days",
            "groups-two-days-acsm",
            "groups-trained",
            "running-and-lifting-mixed",
        ],
    ),
    # Rules about something missing wait for the whole week.
    ("push rest legs pull rest - -", ["groups-trained"]),
    ("push - - - - - -", ["groups-trained"]),
    (
        "run rest run rest run rest run",
        ["groups-untrained", "aerobic-days", "rest-days-balanced", "runs-without-leg-strength"],
    ),
    (
        "rest rest rest rest legs rest rest",
        [
            "groups-untrained",
            "no-aerobic-work",
            "groups-one-day-acsm",
            "groups-trained",
            "rest-days-many",
        ],
    ),
    (
        "rest rest rest rest rest rest rest",
        ["groups-untrained", "no-aerobic-work", "rest-days-many"],
    ),
]


@pytest.mark.parametrize(("plan", "expected"), WEEKS, ids=[w[0] for w in WEEKS])
def test_week_findings(plan: str, expected: list[str]) -> None:
    evaluation = evaluate(days_of(plan))
    assert [f.rule_id for f in evaluation.week_findings] == expected


def test_group_frequency_names_the_groups_that_fall_short() -> None:
    evaluation = evaluate(days_of("push pull legs rest push pull rest"))
    (short,) = [f for f in evaluation.week_findings if f.rule_id == "groups-one-day-acsm"]
    assert short.text.startswith("Quads, hamstrings and glutes:")
    assert short.groups == ("quads", "hamstrings", "glutes")


def test_complete_week_rules_wait_for_every_day_to_be_planned() -> None:
    partial = evaluate(days_of("push pull run push pull run -"))
    assert "no-rest-day-this-week" not in {f.rule_id for f in partial.week_findings}
    assert "no-leg-day" not in {f.rule_id for f in partial.week_findings}


# -- The week boundary --------------------------------------------------------------------


@pytest.mark.parametrize(("before", "after"), list(itertools.product(Activity, repeat=2)), ids=str)
def test_sunday_to_monday_is_judged_like_any_other_pair(before: Activity, after: Activity) -> None:
    assert SUNDAY.isocalendar().week != NEXT_MONDAY.isocalendar().week
    across = evaluate(
        [Day(SUNDAY, PlannedDay.of(before)), Day(NEXT_MONDAY, PlannedDay.of(after))]
    ).transitions[0]
    midweek = evaluate(
        [
            Day(MONDAY + datetime.timedelta(days=2), PlannedDay.of(before)),
            Day(MONDAY + datetime.timedelta(days=3), PlannedDay.of(after)),
        ]
    ).transitions[0]
    assert across.findings == midweek.findings


def test_patterns_run_across_the_week_boundary() -> None:
    # Saturday legs, Sunday pull, Monday rest: completed on the Sunday-to-Monday transition.
    days = days_of("legs pull rest", start=SUNDAY - datetime.timedelta(days=1))
    assert pattern_ids(evaluate(days)) == [(1, "legs-pull-rest")]


def week_with_context(plan: str, before: str, after: str) -> tuple[Day, ...]:
    return days_of(f"{before} {plan} {after}", start=MONDAY - datetime.timedelta(days=1))


def test_focus_reports_both_boundary_transitions() -> None:
    days = week_with_context("push pull legs rest push pull legs", "legs", "rest")
    evaluation = evaluate(days, focus=(MONDAY, SUNDAY))
    assert len(evaluation.transitions) == 8
    assert evaluation.transitions[0].before.date == MONDAY - datetime.timedelta(days=1)
    assert evaluation.transitions[-1].after.date == NEXT_MONDAY
    # Previous Sunday legs -> Monday push; Sunday legs -> next Monday rest.
    assert evaluation.transitions[0].findings[0].rule_id == "different-muscles-recover"
    assert evaluation.transitions[-1].findings == ()


def test_focus_drops_transitions_wholly_outside_it() -> None:
    days = days_of(
        "rest rest push pull legs rest rest rest rest rest",
        start=MONDAY - datetime.timedelta(days=2),
    )
    evaluation = evaluate(days, focus=(MONDAY, SUNDAY))
    dates = [(t.before.date, t.after.date) for t in evaluation.transitions]
    assert dates[0] == (MONDAY - datetime.timedelta(days=1), MONDAY)
    assert dates[-1] == (SUNDAY, NEXT_MONDAY)
    assert len(dates) == 8


def test_context_days_feed_patterns_but_not_week_findings() -> None:
    # Context Saturday/Sunday are legs and pull; the week starts with rest.
    days = days_of(
        "legs pull rest rest rest rest rest rest rest", start=MONDAY - datetime.timedelta(days=2)
    )
    evaluation = evaluate(days, focus=(MONDAY, SUNDAY))
    assert "legs-pull-rest" in {f.rule_id for f in evaluation.transitions[0].findings}
    # Only rest in focus: the legs and pull of the context are not counted as this week's.
    assert [f.rule_id for f in evaluation.week_findings] == [
        "groups-untrained",
        "no-aerobic-work",
        "rest-days-many",
    ]


def test_each_transition_counts_towards_the_week_it_leads_into() -> None:
    plan = "push pull legs rest push pull legs"
    bare = evaluate(days_of(plan), focus=(MONDAY, SUNDAY))
    # A bad transition into next week does not lower this week's score ...
    into_next = evaluate(week_with_context(plan, "rest", "legs"), focus=(MONDAY, SUNDAY))
    # ... but a bad one into this week does.
    from_previous = evaluate(week_with_context(plan, "push", "rest"), focus=(MONDAY, SUNDAY))
    assert into_next.score == evaluate(days_of(f"{plan} legs"), focus=(MONDAY, SUNDAY)).score
    assert from_previous.score < bare.score
    cons = [f for f in from_previous.transitions[0].findings if f.kind is Kind.CON]
    assert cons[0].rule_id == "same-muscles-too-soon"
