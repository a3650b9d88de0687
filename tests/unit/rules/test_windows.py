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


# plan -> every (completing transition index, pattern rule id) expected, in order. The
# first day judged has a transition into it (index 0), from the unplanned day before it.
PATTERNS: list[tuple[str, list[tuple[int, str]]]] = [
    ("push rest legs pull rest", [(4, "push-rest-legs-pull-rest")]),
    ("push rest legs pull -", []),
    ("push rest legs pull:heavy rest", []),
    ("push push push", [(2, "lifting-days-in-a-row")]),
    ("legs rest run", [(2, "run-two-days-after-legs")]),
    ("legs push run", [(2, "run-two-days-after-legs")]),
    ("legs:light rest run", []),
    ("legs run run", []),
    # Back before legs only if the legs were fresh on the pull day.
    ("push pull legs", [(2, "lifting-days-in-a-row"), (2, "pull-then-legs-fresh-for-hinges")]),
    ("run pull legs", [(2, "pull-then-legs-fresh-for-hinges")]),
    ("run:tempo pull legs", []),
    ("legs pull legs", [(2, "lifting-days-in-a-row")]),
    # Streaks fire once, on the day they reach their length.
    ("push pull legs push", [(2, "lifting-days-in-a-row"), (2, "pull-then-legs-fresh-for-hinges")]),
    ("rest run push pull run legs", []),
    ("push pull - legs push pull", [(5, "lifting-days-in-a-row")]),
]


@pytest.mark.parametrize(("plan", "expected"), PATTERNS, ids=[p[0] for p in PATTERNS])
def test_patterns_fire_on_the_transition_that_completes_them(
    plan: str, expected: list[tuple[int, str]]
) -> None:
    assert pattern_ids(evaluate(days_of(plan))) == expected


def test_a_transitions_findings_are_in_panel_order() -> None:
    (_, _, second) = evaluate(days_of("rest legs:heavy run:tempo")).transitions
    kinds = [finding.kind for finding in second.findings]
    assert kinds[0] is Kind.CON and kinds == sorted(kinds, key=["con", "pro", "tip"].index)
    tips = [finding.rule_id for finding in second.findings if finding.kind is Kind.TIP]
    assert tips == sorted(tips)


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
    (_into, _first, second) = evaluate(days_of("pull legs pull"), knowledge=knowledge).transitions
    (gap,) = [f for f in second.findings if f.rule_id == "mine-48h-later"]
    assert gap.text == "Back and biceps hard again 48 h later"


# plan (Monday first) -> the week rule ids expected, in panel order.
WEEKS: list[tuple[str, list[str]]] = [
    ("- - - - - - -", []),
    ("push pull legs rest push pull legs", ["strength-days", "rest-days"]),
    (
        "push pull legs push pull legs run",
        ["strength-days", "aerobic-days", "running-and-lifting-mixed"],
    ),
    ("push rest legs pull rest - -", ["strength-days", "rest-days"]),
    ("push - - - - - -", ["strength-days"]),
    ("run rest run rest run rest run", ["aerobic-days", "rest-days", "runs-without-leg-strength"]),
    # Seven rest days deliver nothing: rest counts in a week that trains.
    ("rest rest rest rest rest rest rest", []),
]


@pytest.mark.parametrize(("plan", "expected"), WEEKS, ids=[w[0] for w in WEEKS])
def test_week_findings(plan: str, expected: list[str]) -> None:
    evaluation = evaluate(days_of(plan))
    assert [f.rule_id for f in evaluation.week_findings] == expected


def test_a_dose_names_the_groups_by_the_days_they_got() -> None:
    evaluation = evaluate(days_of("push pull legs rest push pull legs:light"))
    found = [f for f in evaluation.week_findings if f.rule_id == "strength-days"]
    texts = [f.text for f in found]
    assert texts == [
        "Chest, shoulders, triceps, back and biceps: strength work on 2 days (ACSM: 2-3)",
        "Quads, hamstrings and glutes: strength work on 2 days (1 light) (ACSM: 2-3)",
    ]
    assert found[1].groups == ("quads", "hamstrings", "glutes")
    # Per group of the table: 2 days earn 6, a day and a light one 5.
    assert [f.weight for f in found] == [5 * 6, 3 * 5]


def test_complete_week_rules_wait_for_every_day_to_be_planned() -> None:
    partial = evaluate(days_of("push pull run push pull run -"))
    assert "no-leg-day" not in {f.rule_id for f in partial.week_findings}
    whole = evaluate(days_of("push pull run push pull run rest"))
    assert "no-leg-day" in {f.rule_id for f in whole.week_findings}


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
    # Push, rest, legs, pull from Thursday, Monday rest: completed Sunday to Monday.
    days = days_of("push rest legs pull rest", start=SUNDAY - datetime.timedelta(days=3))
    assert pattern_ids(evaluate(days, focus=(NEXT_MONDAY, NEXT_MONDAY))) == [
        (0, "push-rest-legs-pull-rest")
    ]


def week_with_context(plan: str, before: str, after: str) -> tuple[Day, ...]:
    return days_of(f"{before} {plan} {after}", start=MONDAY - datetime.timedelta(days=1))


def test_focus_reports_both_boundary_transitions() -> None:
    days = week_with_context("pull push legs rest push pull legs", "legs", "rest")
    evaluation = evaluate(days, focus=(MONDAY, SUNDAY))
    assert len(evaluation.transitions) == 8
    assert evaluation.transitions[0].before.date == MONDAY - datetime.timedelta(days=1)
    assert evaluation.transitions[-1].after.date == NEXT_MONDAY
    # Previous Sunday legs -> Monday pull; Sunday legs -> next Monday rest.
    assert "legs-then-pull-fresh-back" in {f.rule_id for f in evaluation.transitions[0].findings}
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
    # Context Thursday to Sunday: push, rest, legs, pull; the week starts with rest.
    days = days_of(
        "push rest legs pull rest rest rest rest rest rest rest",
        start=MONDAY - datetime.timedelta(days=4),
    )
    evaluation = evaluate(days, focus=(MONDAY, SUNDAY))
    assert "push-rest-legs-pull-rest" in {f.rule_id for f in evaluation.transitions[0].findings}
    # Only rest in focus: the lifting of the context is not this week's.
    assert evaluation.week_findings == ()
    assert evaluation.score == 0


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
