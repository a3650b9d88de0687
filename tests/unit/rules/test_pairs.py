"""Every ordered pair of activities on consecutive days, table-driven: what fires, in
which order, and that an unplanned day yields nothing."""

from __future__ import annotations

import datetime
import itertools

import pytest

from rules import Activity, Day, Kind, PlannedDay, default_knowledge, evaluate

MONDAY = datetime.date(2026, 11, 23)

P, U, L, R, Z = Activity.PUSH, Activity.PULL, Activity.LEGS, Activity.RUN, Activity.REST

# (before, after) -> the rule ids expected, in the order the panel shows them:
# cons, then pros, then tips; heavier first; then by id. Sessions at their defaults
# (moderate lifting, an easy run); test_judgement.py covers intensities and run types.
# A pair that costs nothing and that no article speaks about gets nothing said.
LEGS_PULL = (
    "legs-then-pull-back-first",
    "legs-then-pull-fresh-back",
    "legs-then-pull-safe-if-recovered",
    "legs-then-pull-too-tired",
)
LEGS_RUN = (
    "legs-then-run-compression",
    "legs-then-run-easy-and-short",
    "legs-then-run-it-depends",
    "legs-then-run-longer-warm-up",
    "legs-then-run-too-sore-to-walk",
)
EXPECTED: dict[tuple[Activity, Activity], tuple[str, ...]] = {
    (P, P): ("same-muscles-too-soon",),
    (U, U): ("same-muscles-too-soon",),
    (L, U): LEGS_PULL,
    (L, L): ("legs-need-two-days",),
    (L, R): LEGS_RUN,
} | {
    (before, after): ()
    for before, after in itertools.product(Activity, repeat=2)
    if (before, after) not in {(P, P), (U, U), (L, U), (L, L), (L, R)}
}

ALL_PAIRS = list(itertools.product(Activity, repeat=2))


def pair_findings(before: Activity | None, after: Activity | None) -> tuple[str, ...]:
    days = [
        Day(MONDAY, PlannedDay.of(before)),
        Day(MONDAY + datetime.timedelta(days=1), PlannedDay.of(after)),
    ]
    (_into_first, transition) = evaluate(days).transitions
    return tuple(finding.rule_id for finding in transition.findings)


def test_the_table_lists_all_25_pairs() -> None:
    assert sorted(EXPECTED) == sorted(ALL_PAIRS)
    assert len(EXPECTED) == 25


@pytest.mark.parametrize(("before", "after"), ALL_PAIRS, ids=lambda a: str(a))
def test_each_pair_fires_exactly_its_rules_in_panel_order(
    before: Activity, after: Activity
) -> None:
    assert pair_findings(before, after) == EXPECTED[(before, after)]


@pytest.mark.parametrize("activity", [*Activity, None], ids=str)
def test_a_transition_touching_an_unplanned_day_yields_nothing(activity: Activity | None) -> None:
    assert pair_findings(None, activity) == ()
    assert pair_findings(activity, None) == ()


def test_unplanned_transitions_are_still_listed_so_the_panel_can_say_so() -> None:
    days = [Day(MONDAY + datetime.timedelta(days=n), PlannedDay.of(None)) for n in range(7)]
    evaluation = evaluate(days)
    assert len(evaluation.transitions) == 7
    assert all(t.findings == () for t in evaluation.transitions)
    assert evaluation.week_findings == ()


@pytest.mark.parametrize(("before", "after"), ALL_PAIRS, ids=lambda a: str(a))
def test_texts_are_filled_single_lines_short_enough_for_the_panel(
    before: Activity, after: Activity
) -> None:
    days = [
        Day(MONDAY, PlannedDay.of(before)),
        Day(MONDAY + datetime.timedelta(days=1), PlannedDay.of(after)),
    ]
    for finding in evaluate(days).transitions[-1].findings:
        assert "{" not in finding.text + finding.detail
        assert "\n" not in finding.text
        assert len(finding.text) <= 80, finding.text
        assert finding.detail.count(".") >= 1
        assert finding.source.citation


def test_tips_weigh_nothing_and_pros_and_cons_weigh_something() -> None:
    for rule in default_knowledge().rules:
        assert (rule.weight == 0) == (rule.kind is Kind.TIP), rule.id
