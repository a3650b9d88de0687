"""The Markdown export: per week a heading, a table of the days, the score and the advice."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from planner.advice import JudgedWeek, no_findings
from planner.days import day_words
from planner.export.text import (
    KIND_MARK,
    SESSIONS_HEADING,
    score_line,
    session_counts,
    transition_heading,
    week_span,
)
from planner.text_safety import printable
from rules import Finding

TITLE = "# Training weeks"
EMPTY = "No planned weeks in this range."
# Rule texts come from the user's rules file too: keep their characters literal, and write
# their control characters as escapes.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", printable(text))


def markdown(weeks: Iterable[JudgedWeek]) -> str:
    return "".join(markdown_chunks(weeks))


def markdown_chunks(weeks: Iterable[JudgedWeek]) -> Iterator[str]:
    """The export a week at a time, each judged as it is written: thousands of weeks are
    never held at once (each section and its judgement is garbage once written)."""
    yield TITLE
    empty = True
    for week in weeks:
        empty = False
        yield "\n\n" + _week(week)
    yield ("\n\n" + EMPTY if empty else "") + "\n"


def _finding(finding: Finding) -> str:
    mark = KIND_MARK[finding.kind]
    return f"**{mark}** {escape(finding.text)} *({escape(finding.source.citation)})*"


def _week(week: JudgedWeek) -> str:
    plan, summary = week.plan, week.summary
    lines = [f"## {plan.week} ({week_span(plan)})", "", "| day | date | activity |"]
    lines.append("| --- | --- | --- |")
    for day, planned in plan.dated_days:
        lines.append(f"| {day:%a} | {day.isoformat()} | {day_words(planned)} |")
    sessions = f"{SESSIONS_HEADING} {', '.join(session_counts(summary))}"
    lines += ["", score_line(summary), "", sessions, "", "### This week", ""]
    lines += [f"- {_finding(f)}" for f in summary.findings] or ["Nothing to say yet."]
    lines += ["", "### Transitions", ""]
    for transition in week.evaluation.transitions:
        lines.append(f"- **{escape(transition_heading(transition))}**")
        lines += [f"  - {_finding(f)}" for f in transition.findings] or [
            f"  - {no_findings(transition)}"
        ]
    return "\n".join(lines)
