"""The pure engine: dated days in, findings and a score out. No I/O, no clock, no state.

Score: every finding carries a weight (0..10). Over the focus period, P is the sum of the
weights of pro findings and C that of con findings (tips weigh 0), counting the week
findings and the findings of each transition whose ``after`` day is in focus (so each
transition counts towards exactly one week: the one it leads into). Then

    score = round(100 * (P + 5) / (P + C + 10))

The 5 points of neutral weight on each side keep a single finding from swinging the score
to 0 or 100; with no findings at all (nothing planned) the score is 50, "no opinion".
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from rules.activities import Activity
from rules.goals import DEFAULT_GOAL, Goal
from rules.knowledge import KnowledgeBase
from rules.loader import default_knowledge
from rules.model import Day, Evaluation, Finding, Kind, Reason, Transition, finding_order
from rules.week_rules import WeekFacts

PRIOR_WEIGHT = 5
NEUTRAL_SCORE = 50


def score(favourable: int, unfavourable: int) -> int:
    """0..100 from the summed pro and con weights (see the module docstring)."""
    total = favourable + unfavourable + 2 * PRIOR_WEIGHT
    # Integer arithmetic, rounding halves up: the same answer on every platform.
    return (200 * (favourable + PRIOR_WEIGHT) + total) // (2 * total)


def _check_consecutive(days: Sequence[Day]) -> list[int]:
    ordinals = [day.date.toordinal() for day in days]
    for index in range(1, len(ordinals)):
        if ordinals[index] != ordinals[index - 1] + 1:
            raise ValueError(
                "days must be consecutive dates in order: "
                f"{days[index - 1].date.isoformat()} is followed by {days[index].date.isoformat()}"
            )
    return ordinals


def evaluate(
    days: Sequence[Day],
    *,
    focus: tuple[datetime.date, datetime.date] | None = None,
    knowledge: KnowledgeBase | None = None,
    week: bool = True,
    goal: Goal = DEFAULT_GOAL,
) -> Evaluation:
    """Judge every transition between consecutive ``days`` and the focus period as a whole.

    ``focus`` is the inclusive date range being shown (default: all of ``days``). Reported:
    each transition with at least one day in focus (so passing the day before and the day
    after a week yields both boundary transitions), in date order, including those touching
    an unplanned day (with no findings). Days outside focus are context: patterns may start
    in them, but week findings and the score look at the focus days only.
    Raises ValueError if the dates are not consecutive or focus ends before it starts.
    Without ``knowledge``, uses ``default_knowledge()``, which reads the shipped files on
    its first call only; evaluation itself never does I/O. ``week=False`` judges the
    transitions only: no week findings, and a score of the transitions' findings alone (for
    a caller that prints transitions only, such as the calendar export). ``goal`` sets each
    finding's weight (its rule's ``goal_weights``); a rule weighing 0 for it does not speak.
    """
    kb = knowledge if knowledge is not None else default_knowledge()
    ordinals = _check_consecutive(days)
    if not days:
        return Evaluation(transitions=(), week_findings=(), score=NEUTRAL_SCORE)
    if focus is None:
        low, high = ordinals[0], ordinals[-1]
    else:
        low, high = focus[0].toordinal(), focus[1].toordinal()
        if low > high:
            raise ValueError(f"focus ends ({focus[1]}) before it starts ({focus[0]})")

    plan = [day.activity for day in days]
    pairs = kb.pair_findings
    patterns = kb.pattern_rules
    transitions: list[Transition] = []
    counted: list[Finding] = []
    for index in range(1, len(days)):
        after_in_focus = low <= ordinals[index] <= high
        if not after_in_focus and not low <= ordinals[index - 1] <= high:
            continue
        before, after = plan[index - 1], plan[index]
        findings: tuple[Finding, ...] = ()
        if before is not None and after is not None:
            findings = pairs[(before, after)]
            completed = [
                found
                for pattern in patterns
                if index >= pattern.span - 1 and (found := pattern.check(plan, index)) is not None
            ]
            if completed:
                findings += tuple(completed)
        findings = kb.for_goal(findings, goal)
        if after_in_focus:
            counted.extend(findings)
        transitions.append(Transition(days[index - 1], days[index], findings))

    week_findings = kb.for_goal(_week_findings(kb, days, ordinals, low, high), goal) if week else ()
    counted.extend(week_findings)
    favourable = sum(f.weight for f in counted if f.kind is Kind.PRO)
    unfavourable = sum(f.weight for f in counted if f.kind is Kind.CON)
    return Evaluation(
        transitions=tuple(transitions),
        week_findings=week_findings,
        score=score(favourable, unfavourable),
        reasons=_reasons(counted, favourable, unfavourable),
    )


def _reasons(counted: Sequence[Finding], favourable: int, unfavourable: int) -> tuple[Reason, ...]:
    """Each counted pro and con with the points it moves the score by: the score as it is
    minus the score without that one finding. Largest first, then in finding order."""
    now = score(favourable, unfavourable)
    reasons = []
    for finding in counted:
        if finding.kind is Kind.PRO:
            points = now - score(favourable - finding.weight, unfavourable)
        elif finding.kind is Kind.CON:
            points = now - score(favourable, unfavourable - finding.weight)
        else:
            continue
        reasons.append(Reason(finding, points))
    reasons.sort(key=lambda reason: (-abs(reason.points), finding_order(reason.finding)))
    return tuple(reasons)


def _week_findings(
    kb: KnowledgeBase,
    days: Sequence[Day],
    ordinals: Sequence[int],
    low: int,
    high: int,
) -> tuple[Finding, ...]:
    """Week rules count days per activity: a day of two sessions counts for each kind."""
    counts: dict[Activity, int] = {}
    planned = 0
    for day, ordinal in zip(days, ordinals, strict=True):
        held = day.planned
        if not held.is_planned or not low <= ordinal <= high:
            continue
        planned += 1
        for activity in held.kinds or (Activity.REST,):
            counts[activity] = counts.get(activity, 0) + 1
    if not planned:
        return ()
    facts = WeekFacts(days=high - low + 1, planned=planned, counts=counts)
    return tuple(found for rule in kb.week_rules if (found := rule.evaluate(facts)) is not None)
