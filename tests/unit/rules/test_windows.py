"""Patterns over three or more days, week findings, and the week boundary."""

from __future__ import annotations

import datetime
import itertools

import pytest

from rules import Activity, Day, Evaluation, Kind, PlannedDay, default_knowledge, evaluate
from rules.model import consecutive_days

MONDAY = datetime.date(2026, 11, 23)  # 2026-W48
SUNDAY = datetime.date(2026, 11, 29)
NEXT_MONDAY = datetime.date(2026, 11, 30)  # 2026-W49


def days_of(plan: str, start: datetime.date = MONDAY) -> tuple[Day, ...]:
    """'legs pull -' -> days from start; '-' is an unplanned day."""
    return consecutive_days(
        start, [None if name == "-" else Activity(name) for name in plan.split()]
    )


def pattern_ids(evaluation: Evaluation) -> list[tuple[int, str]]:
    """(index of the completing transition, rule id) for findings beyond the pair ones."""
    pair_rule_types = {"pair", "load_overlap", "load_shift"}
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
    # Same muscles with one day between: about 48 h.
    ("push rest push", [(1, "same-muscles-48h-later")]),
    ("legs pull legs", [(1, "lifting-days-in-a-row"), (1, "same-muscles-48h-later")]),
    ("pull legs pull", [(1, "lifting-days-in-a-row"), (1, "same-muscles-48h-later")]),
    ("pull run pull", [(1, "same-muscles-48h-later")]),
    ("push - push", []),
    # The day between loads them too: the pair rules already say so.
    ("push push push", [(1, "lifting-days-in-a-row")]),
    ("legs rest run", [(1, "run-two-days-after-legs")]),
    ("legs push run", [(1, "run-two-days-after-legs")]),
    ("legs run run", []),
    # Streaks fire once, on the day they reach their length.
    ("push pull legs", [(1, "lifting-days-in-a-row")]),
    ("push pull legs push", [(1, "lifting-days-in-a-row")]),
    ("run push pull run legs", [(3, "training-days-in-a-row")]),
    (
        "push pull legs run push pull legs",
        [
            (1, "lifting-days-in-a-row"),
            (3, "training-days-in-a-row"),
            (5, "no-rest-in-seven-days"),
            (5, "lifting-days-in-a-row"),
        ],
    ),
    ("push pull run push pull run rest", [(3, "training-days-in-a-row")]),
    ("push pull run rest push pull run", []),
    ("push pull - legs push pull", [(4, "lifting-days-in-a-row")]),
]


@pytest.mark.parametrize(("plan", "expected"), PATTERNS, ids=[p[0] for p in PATTERNS])
def test_patterns_fire_on_the_transition_that_completes_them(
    plan: str, expected: list[tuple[int, str]]
) -> None:
    assert pattern_ids(evaluate(days_of(plan))) == expected


def test_pattern_findings_follow_the_pair_findings_in_panel_order() -> None:
    (_, _, _, last) = evaluate(days_of("push rest legs pull rest")).transitions
    ids = [finding.rule_id for finding in last.findings]
    assert ids == ["rest-after-training", "legs-pull-rest", "push-rest-legs-pull-rest"]


def test_load_gap_names_the_groups_worked_again() -> None:
    (_first, second) = evaluate(days_of("pull legs pull")).transitions
    (gap,) = [f for f in second.findings if f.rule_id == "same-muscles-48h-later"]
    assert gap.text.startswith("Back and biceps hard again 48 h later")


# plan (Monday first) -> the week rule ids expected, in panel order.
WEEKS: list[tuple[str, list[str]]] = [
    ("- - - - - - -", []),
    (
        "push pull legs rest push pull legs",
        ["each-group-twice", "whole-body-covered", "rest-days-balanced"],
    ),
    (
        "push pull legs push pull legs run",
        [
            "no-rest-day-this-week",
            "each-group-twice",
            "whole-body-covered",
            "running-and-lifting-mixed",
        ],
    ),
    (
        "push rest legs pull rest - -",
        ["each-group-twice-short", "whole-body-covered", "rest-days-balanced"],
    ),
    ("push - - - - - -", ["each-group-twice-short"]),
    (
        "run rest run rest run rest run",
        [
            "no-leg-day",
            "each-group-twice-short",
            "rest-days-balanced",
            "runs-outnumber-lifting",
            "runs-without-leg-strength",
        ],
    ),
    (
        "push pull run rest run pull run",
        [
            "no-leg-day",
            "each-group-twice-short",
            "rest-days-balanced",
            "running-and-lifting-mixed",
            "runs-without-leg-strength",
        ],
    ),
    (
        "run legs run rest run push run",
        [
            "each-group-twice-short",
            "rest-days-balanced",
            "running-and-lifting-mixed",
            "many-runs-for-a-lifter",
            "runs-outnumber-lifting",
        ],
    ),
    (
        "rest rest rest rest push rest rest",
        ["no-leg-day", "each-group-twice-short", "rest-days-many"],
    ),
    ("rest rest rest rest legs rest rest", ["each-group-twice-short", "rest-days-many"]),
]


@pytest.mark.parametrize(("plan", "expected"), WEEKS, ids=[w[0] for w in WEEKS])
def test_week_findings(plan: str, expected: list[str]) -> None:
    evaluation = evaluate(days_of(plan))
    assert [f.rule_id for f in evaluation.week_findings] == expected


def test_group_frequency_names_the_groups_that_fall_short() -> None:
    evaluation = evaluate(days_of("push pull legs rest push pull rest"))
    (short,) = [f for f in evaluation.week_findings if f.rule_id == "each-group-twice-short"]
    assert "quads, hamstrings and glutes" in short.detail
    assert "chest" not in short.detail


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
    assert across.findings


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
    assert evaluation.transitions[-1].findings[0].rule_id == "rest-after-training"


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
        "each-group-twice-short",
        "rest-days-many",
    ]
    short = evaluation.week_findings[0]
    assert "back" in short.detail and "quads" in short.detail


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
    assert cons[0].rule_id == "same-muscles-within-48h"
