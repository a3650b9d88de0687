"""The pure engine: dated days in, findings and a score out. No I/O, no clock, no state.

The score is what the focus week delivers for the goal minus what it costs, 0 to 100:

- delivered: the week's doses (``rules.doses``: strength days per muscle group, aerobic
  days, hard runs, a long run, rest...), each a pro worth its points for the goal;
- costs: each session that comes too soon after another (``rules.strains``), a con on
  the transition into its day, and the week's own cons (too many hard runs...);
- a user's rules add their pros and subtract their cons at their weight.

Every pro and con counted is a reason, and the reasons' points add up to the score: an
empty week scores 0 (nothing delivered, nothing to pay), and where the sum would fall
below 0 or pass 100, one more reason (``SCALE_FLOOR``/``SCALE_CEILING``) brings it back,
so the sum still holds. A transition counts towards the week of its later day.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from rules.activities import PlannedDay
from rules.goals import DEFAULT_GOAL, Goal
from rules.knowledge import CACHE_LIMIT, KnowledgeBase
from rules.loader import default_knowledge
from rules.model import (
    Day,
    Evaluation,
    Finding,
    Kind,
    Reason,
    Sore,
    Source,
    Transition,
    finding_order,
)
from rules.strains import strain_findings
from rules.week_rules import WeekFacts

SCORE_MAX = 100
_SCALE = Source(
    id="scale",
    title="The planner's score runs from 0 to 100: nothing planned is 0.",
    citation="the planner's 0-100 scale",
    kind="guideline",
)
# The reasons that keep the sum in 0..100 (their weight is set per week).
SCALE_FLOOR = Finding(
    "score-floor",
    Kind.PRO,
    "The score stops at 0",
    "Costs beyond what the week delivers are not counted below 0: the score runs from 0 to 100.",
    _SCALE,
    0,
)
SCALE_CEILING = Finding(
    "score-ceiling",
    Kind.CON,
    "The score stops at 100",
    "What the week delivers beyond 100 is not counted: the score runs from 0 to 100.",
    _SCALE,
    0,
)


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
    an unplanned day. Days outside focus are context: a strain may come from them, patterns
    may start in them, but the doses and the score look at the focus days only.
    The first day in focus with no day before it among ``days`` gets a transition from an
    unplanned day, like every day of a week judged with its context.
    Raises ValueError if the dates are not consecutive or focus ends before it starts.
    Without ``knowledge``, uses ``default_knowledge()``, which reads the shipped files on
    its first call only; evaluation itself never does I/O. ``week=False`` judges the
    transitions only: no doses or week findings, and a score of the transitions' findings
    alone (for a caller that prints transitions only, such as the calendar export).
    ``goal`` prices every finding; a rule worth 0 for it does not speak.
    """
    kb = knowledge if knowledge is not None else default_knowledge()
    ordinals = _check_consecutive(days)
    if not days:
        return Evaluation(transitions=(), week_findings=(), score=0)
    if focus is None:
        low, high = ordinals[0], ordinals[-1]
    else:
        low, high = focus[0].toordinal(), focus[1].toordinal()
        if low > high:
            raise ValueError(f"focus ends ({focus[1]}) before it starts ({focus[0]})")
    if low <= ordinals[0]:
        # The first day in focus has a transition into it like every other, from an
        # unplanned day, so what its own sessions say (two on one day) is counted.
        before = Day(days[0].date - datetime.timedelta(days=1), PlannedDay.UNPLANNED)
        days = (before, *days)
        ordinals = [ordinals[0] - 1, *ordinals]

    plan = [day.planned for day in days]
    sores = [day.sore for day in days]
    ids = [kb.day_id(day.planned, day.sore) for day in days]
    transitions: list[Transition] = []
    for index in range(1, len(days)):
        if not (low <= ordinals[index] <= high or low <= ordinals[index - 1] <= high):
            continue
        findings = transition_findings(kb, plan, ids, index, goal, sores[index])
        transitions.append(Transition(days[index - 1], days[index], findings))

    week_findings: tuple[Finding, ...] = ()
    if week:
        shown = [
            p for p, o in zip(plan, ordinals, strict=True) if p.is_planned and low <= o <= high
        ]
        week_findings = week_findings_of(kb, shown, high - low + 1, goal)
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
    counted = [
        (t.after.date, f)
        for t in transitions
        if low <= t.after.date.toordinal() <= high
        for f in t.findings
        if f.kind is not Kind.TIP
    ]
    reasons = _reasons(counted, [f for f in week_findings if f.kind is not Kind.TIP])
    total = sum(reason.points for reason in reasons)
    if total < 0:
        reasons = (*reasons, _scale(SCALE_FLOOR, -total))
    elif total > SCORE_MAX:
        reasons = (*reasons, _scale(SCALE_CEILING, total - SCORE_MAX))
    return Evaluation(
        transitions=tuple(transitions),
        week_findings=week_findings,
        score=min(max(total, 0), SCORE_MAX),
        reasons=reasons,
    )


def _scale(finding: Finding, weight: int) -> Reason:
    found = Finding(
        finding.rule_id, finding.kind, finding.text, finding.detail, finding.source, weight
    )
    return Reason(found, found.points)


@dataclass
class _Tally:
    finding: Finding
    dates: list[datetime.date]


def _reasons(
    dated: Sequence[tuple[datetime.date, Finding]], week: Sequence[Finding]
) -> tuple[Reason, ...]:
    """The same finding on several days as one reason (x2: Mon, Sat), the week's as they
    are; largest share first, then finding order."""
    tallies: dict[Finding, _Tally] = {}
    for date, finding in dated:
        tally = tallies.get(finding)
        if tally is None:
            tallies[finding] = _Tally(finding, [date])
        else:
            tally.dates.append(date)
    reasons = [
        Reason(t.finding, t.finding.points * len(t.dates), len(t.dates), tuple(t.dates))
        for t in tallies.values()
    ]
    reasons += [Reason(finding, finding.points) for finding in week]
    reasons.sort(key=lambda reason: (-abs(reason.points), finding_order(reason.finding)))
    return tuple(reasons)


def _without(findings: tuple[Finding, ...], replaced: frozenset[str]) -> tuple[Finding, ...]:
    return tuple(finding for finding in findings if finding.rule_id not in replaced)


def transition_findings(
    kb: KnowledgeBase,
    plan: Sequence[PlannedDay],
    ids: Sequence[int],
    index: int,
    goal: Goal,
    sore: Sore = (),
) -> tuple[Finding, ...]:
    """The transition into day ``index`` of ``plan`` as shown and counted (before week
    overrides), ``ids`` being ``kb.day_id`` of each day (with what its check-in reported),
    ``sore`` what day ``index``'s did. What a transition says depends only on the days back
    to ``kb.reach`` before it: worked out once per such window and goal."""
    key = (tuple(ids[max(0, index - kb.reach) : index + 1]), goal)
    findings = kb.transitions.get(key)
    if findings is None:
        found = _transition_findings(kb, plan, index, goal, sore)
        findings = kb.remember(key, kb.settle(found, goal))
    return findings


def _transition_findings(
    kb: KnowledgeBase, plan: Sequence[PlannedDay], index: int, goal: Goal, sore: Sore
) -> tuple[Finding, ...]:
    """Everything said about the day ``index`` and the day before it, before overrides:
    its two sessions (same-day rules) and what its sessions strain once the day is
    planned (with the soreness its check-in reported); the pair and pattern rules once the
    day before is planned too."""
    before, after = plan[index - 1], plan[index]
    if not after.is_planned:
        return ()
    window = plan[max(0, index - kb.reach) : index + 1]
    strains = kb.strains.strains(window, len(window) - 1, goal, sore)
    findings = kb.same_day_findings(after) + strain_findings(strains, kb.vocabulary)
    if before.is_planned:
        findings += kb.pair_findings(before, after)
        findings += tuple(
            found
            for pattern in kb.pattern_rules
            if index >= pattern.span - 1 and (found := pattern.check(plan, index)) is not None
        )
    return findings


def week_findings_of(
    kb: KnowledgeBase, shown: Sequence[PlannedDay], length: int, goal: Goal
) -> tuple[Finding, ...]:
    """The week findings (doses and the week's own rules) of a focus period ``length`` days
    long whose planned days are ``shown`` (in any order: only which days there are
    counts), before they override anything."""
    if not shown:
        return ()
    key = (tuple(sorted(kb.day_id(day) for day in shown)), length, goal)
    found = kb.weeks.get(key)
    if found is None:
        facts = WeekFacts(length=length, days=tuple(shown))
        judged = [f for rule in kb.week_rules for f in rule.evaluate(facts, goal)]
        if len(kb.weeks) >= CACHE_LIMIT:
            kb.weeks.clear()
        found = kb.weeks[key] = tuple(sorted(judged, key=finding_order))
    return found
