"""The pure engine: dated days in, findings and a score out. No I/O, no clock, no state.

Score: every pro and con carries a weight for the goal (0..10; tips weigh 0). Over the focus
period, P is the sum of the weights of the pros and C that of the cons counted: the week
findings and the findings of each transition whose later day is in focus (so each
transition counts towards exactly one week: the one it leads into). Then

    score = round(100 * P / (P + C + 4))

A week earns its score only from what it does well: with nothing earned it scores 0 (seven
rest days), and cons pull it down from there in proportion. The 4 points of neutral weight
keep a week with one pro and nothing against it from reading 100. With no findings at all
(nothing planned yet) the score is 50, "no opinion".
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from rules.activities import PlannedDay
from rules.goals import DEFAULT_GOAL, Goal
from rules.knowledge import CACHE_LIMIT, KnowledgeBase
from rules.loader import default_knowledge
from rules.model import Day, Evaluation, Finding, Kind, Transition, finding_order
from rules.pair_rules import recovery_findings
from rules.week_rules import WeekFacts

PRIOR_WEIGHT = 4
NEUTRAL_SCORE = 50


def score(favourable: int, unfavourable: int) -> int:
    """0..100 from the summed pro and con weights (see the module docstring)."""
    if favourable == 0 and unfavourable == 0:
        return NEUTRAL_SCORE
    total = favourable + unfavourable + PRIOR_WEIGHT
    # Integer arithmetic, rounding halves up: the same answer on every platform.
    return (200 * favourable + total) // (2 * total)


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

    plan = [day.planned for day in days]
    ids = [kb.day_id(day) for day in plan]
    transitions: list[Transition] = []
    counted: list[Finding] = []
    for index in range(1, len(days)):
        after_in_focus = low <= ordinals[index] <= high
        if not after_in_focus and not low <= ordinals[index - 1] <= high:
            continue
        findings = transition_findings(kb, plan, ids, index, goal)
        transitions.append(Transition(days[index - 1], days[index], findings))

    week_findings: tuple[Finding, ...] = ()
    if week:
        week_findings = _week_findings(kb, days, ordinals, low, high, goal)
        replaced = kb.overridden(week_findings)
        if replaced:
            # Inside the week only: a transition across its boundary belongs to the week
            # on either side, and reads the same from both.
            week_findings = _without(week_findings, replaced)
            transitions = [
                Transition(t.before, t.after, _without(t.findings, replaced))
                if low <= t.before.date.toordinal() and t.after.date.toordinal() <= high
                else t
                for t in transitions
            ]
    for transition in transitions:
        if low <= transition.after.date.toordinal() <= high:
            counted.extend(transition.findings)
    counted.extend(week_findings)
    favourable = unfavourable = 0
    weighed = []
    for finding in counted:
        if finding.kind is Kind.PRO:
            favourable += finding.weight
        elif finding.kind is Kind.CON:
            unfavourable += finding.weight
        else:
            continue
        weighed.append(finding)
    return Evaluation(
        transitions=tuple(transitions),
        week_findings=week_findings,
        score=score(favourable, unfavourable),
        counted=tuple(weighed),
    )


def _without(findings: tuple[Finding, ...], replaced: frozenset[str]) -> tuple[Finding, ...]:
    return tuple(finding for finding in findings if finding.rule_id not in replaced)


def transition_findings(
    kb: KnowledgeBase, plan: Sequence[PlannedDay], ids: Sequence[int], index: int, goal: Goal
) -> tuple[Finding, ...]:
    """The transition into day ``index`` of ``plan`` as shown and counted (before week
    overrides), ``ids`` being ``kb.day_id`` of each day. What a transition says depends
    only on the days back to ``kb.reach`` before it: worked out once per such window and
    goal. Suggest calls this on the prefixes of the weeks it walks."""
    key = (tuple(ids[max(0, index - kb.reach) : index + 1]), goal)
    findings = kb.transitions.get(key)
    if findings is None:
        findings = kb.remember(key, kb.settle(_transition_findings(kb, plan, index), goal))
    return findings


def _transition_findings(
    kb: KnowledgeBase, plan: Sequence[PlannedDay], index: int
) -> tuple[Finding, ...]:
    """Everything said about the day ``index`` and the day before it, before overrides:
    its two sessions (same-day rules) and its muscles' recovery once the day is planned;
    the pair and pattern rules once the day before is planned too."""
    before, after = plan[index - 1], plan[index]
    if not after.is_planned:
        return ()
    findings = kb.same_day_findings(after) + recovery_findings(
        kb.recovery_rules, kb.recovery, plan, index
    )
    if before.is_planned:
        findings += kb.pair_findings(before, after)
        findings += tuple(
            found
            for pattern in kb.pattern_rules
            if index >= pattern.span - 1 and (found := pattern.check(plan, index)) is not None
        )
    return findings


def _week_findings(
    kb: KnowledgeBase,
    days: Sequence[Day],
    ordinals: Sequence[int],
    low: int,
    high: int,
    goal: Goal,
) -> tuple[Finding, ...]:
    """Week rules count the focus days' sessions (a day of two counts each) and rest days;
    they depend on nothing else, so each set of counts is judged once per goal."""
    shown = [
        day.planned
        for day, ordinal in zip(days, ordinals, strict=True)
        if day.planned.is_planned and low <= ordinal <= high
    ]
    return week_findings(kb, shown, high - low + 1, goal)


def week_findings(
    kb: KnowledgeBase, shown: Sequence[PlannedDay], length: int, goal: Goal
) -> tuple[Finding, ...]:
    """The week findings of a focus period ``length`` days long whose planned days are
    ``shown`` (in any order: only their multiset counts), before they override anything."""
    if not shown:
        return ()
    key = (tuple(sorted(kb.day_id(day) for day in shown)), length, goal)
    found = kb.weeks.get(key)
    if found is None:
        sessions = tuple(session for day in shown for session in day.sessions)
        rests = sum(1 for day in shown if day.rest)
        facts = WeekFacts(days=length, planned=len(shown), sessions=sessions, rests=rests)
        judged = [f for rule in kb.week_rules if (f := rule.evaluate(facts, goal)) is not None]
        if len(kb.weeks) >= CACHE_LIMIT:
            kb.weeks.clear()
        found = kb.weeks[key] = tuple(sorted(judged, key=finding_order))
    return found
