"""Advice as plain text, for ``planner show``, the Markdown export and calendar event
descriptions. No colours, so it reads the same in a pipe.

The side panel (screens/widgets/advice_panel.py) does not use this module: it writes its own
marked-up lines with the same marks and phrases ("+ pro", "unplanned", "Plan both days to
see advice."), so a change of wording here has to be made there too."""

from __future__ import annotations

import functools
from datetime import date

from planner.advice import WeekSummary, no_findings, reason_points, reason_text
from planner.days import day_words
from planner.log import RATING_MAX, DayLog, planned_against_done
from planner.plan import WeekPlan
from planner.text_safety import printable
from rules import Finding, Goal, Kind, KnowledgeBase, PlannedDay, Transition

KIND_MARK = {Kind.PRO: "+ pro", Kind.CON: "- con", Kind.TIP: "i tip"}


def reason_lines(summary: WeekSummary, shown: int | None = None) -> list[str]:
    """Where the score comes from: ``-4 x2  Legs hard again 24 h after heavy legs (Tue,
    Thu)  [source]``, largest first (the ``shown`` largest, or all); their points add up to
    the score."""
    reasons = summary.reasons if shown is None else summary.reasons[:shown]
    width = max((len(reason_points(reason)) for reason in reasons), default=0)
    return [
        f"{reason_points(reason):>{width}}  {printable(reason_text(reason))}  "
        f"[{printable(reason.finding.source.citation)}]"
        for reason in reasons
    ]


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(day: date) -> str:
    """``Mon 23 Nov``: always English, as strftime's %a %b are in the C locale the planner
    runs in; by table, since strftime is most of the cost of a calendar of 10k weeks."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"


def log_words(log: DayLog, planned: PlannedDay, knowledge: KnowledgeBase) -> str:
    """What was done, against the plan: ``✓ done · RPE 8 · 60 min · load 480``, ``✗
    skipped``, ``~ changed: run:tempo · load 280``; "" when nothing is logged done."""
    status = log.status(planned)
    if status is None:
        return ""
    assert log.done is not None
    head = f"{status.mark} {status.value}"
    if status.value in ("changed", "partly"):
        head += f": {day_words(log.done)}"
    parts = [head]
    parts += [f"RPE {value}" for value in log.rpe if value is not None]
    parts += [f"{value} min" for value in log.minutes if value is not None]
    if log.sessions:
        parts.append(f"load {log.load(knowledge):,}")
    return " · ".join(parts)


def checkin_words(log: DayLog, knowledge: KnowledgeBase) -> str:
    """How the day started: ``legs very sore, back and biceps mildly sore · sleep 2/5 ·
    energy 3/5``; "" without a check-in."""
    if not log.checked_in:
        return ""
    reported = dict(log.sore)
    sore = ", ".join(
        f"{family.noun} {reported[family.id].words}"
        for family in knowledge.families
        if family.id in reported
    )
    parts = [sore or "nothing sore"]
    parts += [
        f"{name} {value}/{RATING_MAX}"
        for name, value in (("sleep", log.sleep), ("energy", log.energy))
        if value is not None
    ]
    return " · ".join(parts)


def load_line(summary: WeekSummary) -> str:
    """Planned against done: ``Done 5 of 6 planned sessions (1 skipped) · load 2,100 of
    2,450 planned``; "" when nothing is logged done."""
    return planned_against_done(summary.log)


def week_span(plan: WeekPlan) -> str:
    """``Mon 23 Nov – Sun 29 Nov 2026``."""
    first, last = plan.dates[0], plan.dates[-1]
    return f"{short_date(first)} – {short_date(last)} {last.year}"


def transition_heading(transition: Transition) -> str:
    """``Sun 29 Nov → Mon 30 Nov  run → push``."""
    before, after = transition.before, transition.after
    return (
        f"{short_date(before.date)} → {short_date(after.date)}  "
        f"{day_words(before.planned)} → {day_words(after.planned)}"
    )


@functools.lru_cache(maxsize=4096)
def finding_line(finding: Finding) -> str:
    """``- con Legs then a hard run the next day  [Can You Run After Leg Day?]``. The text
    and citation may come from the user's rules file: their control characters are escaped."""
    text, citation = printable(finding.text), printable(finding.source.citation)
    return f"{KIND_MARK[finding.kind]}  {text}  [{citation}]"


def score_line(summary: WeekSummary) -> str:
    return (
        f"Score {summary.score}/100  ·  planned {summary.planned_days}/7"
        f"  ·  rest {summary.rest_days}"
    )


def goal_line(goal: Goal) -> str:
    """``Goal: muscle growth``: what the score weighs the findings for."""
    return f"Goal: {goal.label}"


REASONS_HEADING = "Where the score comes from (the points add up to it):"


def session_counts(summary: WeekSummary) -> list[str]:
    """``Chest 1``, ``Quads 2``...: one cell per muscle group, in display order."""
    return [f"{name} {count}" for name, count in summary.sessions_per_group]


def transition_lines(transition: Transition) -> list[str]:
    """The heading, then one line per finding (or why there is none)."""
    if not transition.findings:
        return [transition_heading(transition), no_findings(transition)]
    return [transition_heading(transition), *map(finding_line, transition.findings)]
