"""The Markdown export: per week a heading, a table of the days in words a person reads
(``Legs (heavy), then an easy run in the evening``), the goal, the score and the reasons
behind it, then the advice. A document to read or share, not to type back: the table is
CommonMark with the table extension (GitHub's), checked with a renderer in the tests."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from planner.advice import NOTHING_TO_NOTE, SESSIONS_HEADING, JudgedWeek
from planner.days import day_sentence, weekday_abbreviation
from planner.export.text import (
    KIND_MARK,
    checkin_words,
    goal_line,
    load_line,
    log_words,
    score_line,
    session_counts,
    short_date,
    week_span,
)
from planner.text_safety import printable
from rules import Finding, KnowledgeBase, Reason

TITLE = "# Training weeks"
EMPTY = "No planned weeks in this range."
REASONS_HEADING = "### Where the score comes from"
NO_REASON = "Nothing moves the score yet."
NO_TRANSITION = "No two planned days in a row."
# Rule texts come from the user's rules file too: keep their characters literal, and write
# their control characters as escapes.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", printable(text))


def markdown(weeks: Iterable[JudgedWeek], knowledge: KnowledgeBase | None = None) -> str:
    return "".join(markdown_chunks(weeks, knowledge))


def markdown_chunks(
    weeks: Iterable[JudgedWeek], knowledge: KnowledgeBase | None = None
) -> Iterator[str]:
    """The export a week at a time, each judged as it is written: thousands of weeks are
    never held at once (each section and its judgement is garbage once written). With
    ``knowledge``, a week with logged days shows what was done beside what was planned."""
    yield TITLE
    empty = True
    for week in weeks:
        empty = False
        yield "\n\n" + _week(week, knowledge)
    yield ("\n\n" + EMPTY if empty else "") + "\n"


def _finding(finding: Finding) -> str:
    mark = KIND_MARK[finding.kind]
    return f"**{mark}** {escape(finding.text)} *({escape(finding.source.citation)})*"


def _reason(reason: Reason) -> str:
    finding = reason.finding
    return f"**{reason.points:+d}** {escape(finding.text)} *({escape(finding.source.citation)})*"


def _week(week: JudgedWeek, knowledge: KnowledgeBase | None = None) -> str:
    plan, summary = week.plan, week.summary
    logged = knowledge is not None and any(day in week.logs for day in plan.dates)
    lines = [f"## {plan.week} ({week_span(plan)})", ""]
    if knowledge is not None and logged:
        lines += ["| Day | Date | Planned | Done |", "| --- | --- | --- | --- |"]
        for day, held in plan.dated_days:
            log = week.logs.get(day)
            done = ""
            if log is not None:
                words = (log_words(log, held, knowledge), checkin_words(log, knowledge))
                done = "; ".join(escape(text) for text in words if text)
            lines.append(
                f"| {weekday_abbreviation(day)} | {day.isoformat()} | {day_sentence(held)} "
                f"| {done} |"
            )
    else:
        lines += ["| Day | Date | Training |", "| --- | --- | --- |"]
        for day, held in plan.dated_days:
            lines.append(
                f"| {weekday_abbreviation(day)} | {day.isoformat()} | {day_sentence(held)} |"
            )
    lines += ["", goal_line(summary.goal), "", score_line(summary)]
    if load_line(summary):
        lines += ["", load_line(summary)]
    lines += ["", REASONS_HEADING, ""]
    lines += [f"- {_reason(reason)}" for reason in summary.reasons] or [NO_REASON]
    sessions = f"{SESSIONS_HEADING} {', '.join(session_counts(summary))}"
    lines += ["", sessions, "", "### This week", ""]
    lines += [f"- {_finding(f)}" for f in summary.findings] or ["Nothing to say yet."]
    lines += ["", "### Transitions", ""]
    said = len(lines)
    for transition in week.evaluation.transitions:
        # Findings on a transition from or to an unplanned day are about the planned one's
        # own sessions; one with none is left out (no screen's "plan both days" here). The
        # table above names each day; a transition is named by its dates.
        before, after = transition.before, transition.after
        both = before.planned.is_planned and after.planned.is_planned
        if not (both or transition.findings):
            continue
        lines.append(f"- **{short_date(before.date)} → {short_date(after.date)}**")
        lines += [f"  - {_finding(f)}" for f in transition.findings] or [f"  - {NOTHING_TO_NOTE}"]
    if len(lines) == said:
        lines.append(NO_TRANSITION)
    return "\n".join(lines)
