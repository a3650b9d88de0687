"""``planner show``: one evaluated week as a readable table with its advice, or as JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from planner.advice import EvaluatedWeek
from planner.advice_text import (
    SESSIONS_HEADING,
    finding_line,
    score_line,
    session_counts,
    short_date,
    transition_lines,
    week_span,
)
from planner.names import day_name
from planner.plan import WeekPlan
from planner.weeks import IsoWeek
from rules import Finding

# The table's marker for a day with nothing planned ("-" would read like a con).
NOTHING = "·"


@dataclass(frozen=True, slots=True)
class Proposal:
    """What an unplanned week would hold: ``plan``, from the repeating week ``source``."""

    source: IsoWeek
    plan: WeekPlan


def proposal_note(source: IsoWeek, week: IsoWeek) -> str:
    """How ``show`` marks a proposal, with the command that confirms it as it stands."""
    return (
        f"(proposed from the repeating week {source}, not yet confirmed — run "
        f"'planner copy --from {source} --week {week}' or open the planner to confirm)"
    )


def _day_rows(plan: WeekPlan) -> list[str]:
    return [
        f"  {short_date(day):<10}  {NOTHING if activity is None else activity}"
        for day, activity in plan.days
    ]


def show_text(week: EvaluatedWeek, proposal: Proposal | None = None) -> str:
    """The week as stored; a ``proposal`` (an unplanned week repeating another) follows the
    table, marked as not confirmed. The score and advice are those of the stored week."""
    plan, summary = week.plan, week.summary
    lines = [f"{plan.week}  {week_span(plan)}", "", *_day_rows(plan)]
    if proposal is not None:
        lines += ["", f"Proposal  {proposal_note(proposal.source, plan.week)}"]
        lines += _day_rows(proposal.plan)
    counts = session_counts(summary)
    lines += ["", score_line(summary), SESSIONS_HEADING]
    lines += [f"  {', '.join(counts[i : i + 5])}" for i in range(0, len(counts), 5)]
    lines += ["", "This week"]
    if summary.findings:
        lines += [f"  {finding_line(finding)}" for finding in summary.findings]
    else:
        lines.append("  Nothing to say about the week as a whole yet.")
    lines += ["", "Transitions"]
    for transition in week.evaluation.transitions:
        heading, *body = transition_lines(transition)
        lines += [f"  {heading}", *(f"    {line}" for line in body)]
    return "\n".join(lines) + "\n"


def finding_json(finding: Finding) -> dict[str, str]:
    return {
        "rule": finding.rule_id,
        "kind": finding.kind.value,
        "text": finding.text,
        "source": finding.source.citation,
    }


def days_json(plan: WeekPlan) -> list[dict[str, str | None]]:
    """The seven shown days as ``{"date", "day", "activity"}``, activity null if unplanned."""
    return [
        {
            "date": day.isoformat(),
            "day": day_name(day),
            "activity": None if activity is None else activity.value,
        }
        for day, activity in plan.days
    ]


def show_json(week: EvaluatedWeek, proposal: Proposal | None = None) -> dict[str, Any]:
    """The documented shape of ``planner show --json``; keys in this order. "days" are as
    stored; "proposal" is null or the repeating week's layout the week would show."""
    return {
        "week": str(week.plan.week),
        "days": days_json(week.plan),
        "proposal": None
        if proposal is None
        else {"from_week": str(proposal.source), "days": days_json(proposal.plan)},
        "transitions": [
            {
                "from": transition.before.date.isoformat(),
                "to": transition.after.date.isoformat(),
                "activities": [
                    None if day.activity is None else day.activity.value
                    for day in (transition.before, transition.after)
                ],
                "findings": [finding_json(finding) for finding in transition.findings],
            }
            for transition in week.evaluation.transitions
        ],
        "findings": [finding_json(finding) for finding in week.summary.findings],
        "score": week.evaluation.score,
    }


def dump_json(document: object) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
