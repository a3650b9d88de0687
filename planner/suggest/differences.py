"""What makes one suggested week differ from another, in 1-3 short phrases.

First where (the sessions that moved: "run on Sat instead of Thu"), then why (the weighed
findings only one of the two weeks gets, heaviest first):

- ``gains: <text>``  a pro this week has and the other lacks
- ``misses: <text>`` a pro the other week has and this one lacks
- ``risks: <text>``  a con only this week has
- ``avoids: <text>`` a con only the other week has

Findings are those the score counts: the transitions into a shown day and the week
findings; tips weigh nothing and are left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from planner.days import ACTIVITIES, parse_session, session_words, weekday_abbreviation
from planner.plan import WeekPlan
from planner.suggest.request import session_key
from rules import Activity, Evaluation, Finding, Kind, PlannedDay

MAX_PHRASES = 3

FindingKey = tuple[Kind, int, str, str]  # kind, weight, rule id, text


def _counted(plan: WeekPlan, evaluation: Evaluation) -> Counter[FindingKey]:
    shown = set(plan.dates)
    found: list[Finding] = list(evaluation.week_findings)
    for transition in evaluation.transitions:
        if transition.after.date in shown:
            found.extend(transition.findings)
    return Counter(
        (finding.kind, finding.weight, finding.rule_id, finding.text)
        for finding in found
        if finding.kind is not Kind.TIP and finding.weight
    )


def _days(plan: WeekPlan, indexes: Sequence[int]) -> str:
    return ", ".join(weekday_abbreviation(plan.dates[index]) for index in indexes)


def _held(day: PlannedDay) -> list[str]:
    """The words a day holds, one per session (``legs:heavy``), or ``rest``."""
    if day.rest:
        return [Activity.REST.value]
    return [session_words(session) for session in day.sessions]


def moves(this: WeekPlan, other: WeekPlan) -> list[str]:
    """Where this week's sessions sit that the other's do not, per session word in the
    order push, pull, legs, run (attributes in their order), then rest (rest only if
    nothing else moved, which happens only when the two hold different sessions)."""
    mine = [_held(day) for day in this.days]
    theirs = [_held(day) for day in other.days]
    words = sorted(
        {word for held in mine + theirs for word in held},
        key=lambda word: (word == Activity.REST.value, _word_key(word)),
    )
    phrases: list[str] = []
    for word in words:
        if word == Activity.REST.value and phrases:
            break
        here = [i for i in range(len(mine)) if word in mine[i] and word not in theirs[i]]
        there = [i for i in range(len(mine)) if word in theirs[i] and word not in mine[i]]
        if here and there:
            phrases.append(f"{word} on {_days(this, here)} instead of {_days(this, there)}")
        elif here:
            phrases.append(f"{word} on {_days(this, here)} too")
        elif there:
            phrases.append(f"no {word} on {_days(this, there)}")
    return phrases


def _word_key(word: str) -> tuple[int, int]:
    if word == Activity.REST.value:
        return (len(ACTIVITIES), 0)
    return session_key(parse_session(word))


def finding_changes(
    this: WeekPlan, this_eval: Evaluation, other: WeekPlan, other_eval: Evaluation
) -> list[str]:
    """The weighed findings only one of the two weeks gets, heaviest first."""
    mine, theirs = _counted(this, this_eval), _counted(other, other_eval)
    changes: list[tuple[int, int, str, str]] = []
    for (kind, weight, rule_id, text), _ in (mine - theirs).items():
        word = "gains" if kind is Kind.PRO else "risks"
        changes.append((-weight, 0, rule_id, f"{word}: {text}"))
    for (kind, weight, rule_id, text), _ in (theirs - mine).items():
        word = "misses" if kind is Kind.PRO else "avoids"
        changes.append((-weight, 1, rule_id, f"{word}: {text}"))
    return [phrase for *_, phrase in sorted(changes)]


def describe_differences(
    this: WeekPlan, this_eval: Evaluation, other: WeekPlan, other_eval: Evaluation
) -> tuple[str, ...]:
    """At most MAX_PHRASES: the first move, then up to two finding changes, then more
    moves if room is left. Empty if the two weeks are the same."""
    where = moves(this, other)
    why = finding_changes(this, this_eval, other, other_eval)
    phrases = where[:1] + why[:2]
    phrases += where[1 : 1 + MAX_PHRASES - len(phrases)]
    return tuple(phrases[:MAX_PHRASES])
