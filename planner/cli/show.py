"""``planner show``: one evaluated week as a readable table with its advice, or as JSON.

Every start of ``planner``, the interactive one included, builds this command's parser: the
export's words and codecs (:mod:`planner.export`) are imported by the functions using them.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from planner.advice import NO_LOGS, SESSIONS_HEADING, JudgedWeek, Logs, with_deload_suggestion
from planner.block import DeloadForward
from planner.cli.common import judged, open_knowledge, open_store, shown_week
from planner.cli.files import write_output
from planner.cli.options import DAYS_NOTE, add_week
from planner.clock import Clock
from planner.days import day_words, weekday_key
from planner.plan import WeekPlan
from planner.repeat import Proposal, proposal_for
from planner.text_safety import printable
from planner.weeks import IsoWeek
from rules import PlannedDay

if TYPE_CHECKING:
    from datetime import date

    from planner.fix import Fix
    from planner.log import DayLog
    from rules import Finding, KnowledgeBase, Reason

NAME = "show"
SUMMARY = "print a week with the advice on every transition"
DESCRIPTION = (
    "Print the week as a table of days, its score and week findings, then every "
    "transition touching it (both week boundaries included) with its pros (+), cons (-) "
    f"and tips (i) and where each comes from. {DAYS_NOTE}"
)
EPILOG = "examples:\n  planner show\n  planner show --week 2026-W48 --json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_week(parser, "ISO week to show (default: the current week)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def run(args: argparse.Namespace, clock: Clock) -> int:
    knowledge = open_knowledge()
    with open_store(args, write=False) as store:
        settings = store.settings()
        first = settings.first_weekday
        week = with_deload_suggestion(
            judged(store, shown_week(args, clock, first), settings, knowledge), store, clock.today()
        )
        proposal = proposal_for(week.plan, settings, store)
    found = week_fix(week, knowledge, clock.today())
    if args.json:
        text = dump_json(show_json(week, proposal, found, knowledge))
    else:
        text = show_text(week, proposal, found, knowledge)
    write_output(None, text.encode("utf-8"))
    return 0


def week_fix(week: JudgedWeek, knowledge: KnowledgeBase, today: date | None = None) -> Fix | None:
    """The smallest fix of the stored week, as the panel and ``planner fix`` find it: of
    the days from ``today`` on that are not logged."""
    from planner.fix import smallest_fix

    return smallest_fix(
        week.plan, week.before, week.after, knowledge, week.summary.goal, week.logs, today
    )


# Which shape of document `show --json` prints: 2 has sessions on each day.
FORMAT = 2
# The table's marker for a day with nothing planned ("-" would read like a con).
NOTHING = "·"


def proposal_note(source: IsoWeek, week: IsoWeek) -> str:
    """How ``show`` marks a proposal, with the command that confirms it as it stands."""
    return (
        f"(proposed from the repeating week {source}, not yet confirmed — run "
        f"'planner copy --from {source} --week {week}' or open the planner to confirm)"
    )


def _day_rows(
    plan: WeekPlan, logs: Logs = NO_LOGS, knowledge: KnowledgeBase | None = None
) -> list[str]:
    """A row per day as planned; under a logged day, what was done and how it started."""
    from planner.export.text import checkin_words, log_words, short_date

    rows = []
    for day, held in plan.dated_days:
        rows.append(f"  {short_date(day):<10}  {day_words(held) if held.is_planned else NOTHING}")
        log = logs.get(day)
        if log is None or knowledge is None:
            continue
        for words in (checkin_words(log, knowledge), log_words(log, held, knowledge)):
            if words:
                rows.append(f"  {'':<10}  {printable(words)}")
    return rows


def show_text(
    week: JudgedWeek,
    proposal: Proposal | None = None,
    found: Fix | None = None,
    knowledge: KnowledgeBase | None = None,
) -> str:
    """The week as stored; a ``proposal`` (an unplanned week repeating another) follows the
    table, marked as not confirmed. The score, the fix (``found``, the smallest fix of the
    stored week) and the advice are those of the stored week."""
    from planner.export.text import (
        REASONS_HEADING,
        finding_line,
        goal_line,
        load_line,
        reason_lines,
        score_line,
        session_counts,
        transition_lines,
        week_span,
    )

    plan, summary = week.plan, week.summary
    lines = [f"{plan.week}  {week_span(plan)}", "", *_day_rows(plan, week.logs, knowledge)]
    if proposal is not None:
        lines += ["", f"Proposal  {proposal_note(proposal.source, plan.week)}"]
        lines += _day_rows(proposal.plan)
    counts = session_counts(summary)
    lines += ["", score_line(summary), goal_line(summary.goal), fix_line(found, plan)]
    if load_line(summary):
        lines.append(load_line(summary))
    if summary.reasons:
        lines += [REASONS_HEADING, *(f"  {line}" for line in reason_lines(summary))]
    lines.append(SESSIONS_HEADING)
    lines += [f"  {', '.join(counts[i : i + 5])}" for i in range(0, len(counts), 5)]
    lines += ["", "This week"]
    if summary.findings:
        lines += [f"  {finding_line(finding)}" for finding in summary.findings]
    else:
        lines.append("  Nothing to say about the week as a whole yet.")
    if summary.deload is not None:
        lines.append(f"  !  {summary.deload.text} (D in the planner)")
    if week.log_notes:
        lines += ["", "From the log"]
        lines += [
            f"  i  {printable(note.text)}  [{printable(note.source.citation)}]"
            for note in week.log_notes
        ]
    lines += ["", "Transitions"]
    for transition in week.evaluation.transitions:
        heading, *body = transition_lines(transition)
        lines += [f"  {heading}", *(f"    {line}" for line in body)]
    return "\n".join(lines) + "\n"


def fix_line(found: Fix | None, plan: WeekPlan) -> str:
    """``Fix: swap mon legs and wed rest, score 62 → 68``, as the panel says it."""
    fix = fix_json(found, plan)
    if fix is None:
        return "Fix: no single change raises the score."
    return f"Fix: {fix['change']}, score {fix['score_before']} → {fix['score_after']}"


# -- the JSON of each fact, written here once (the shapes: planner/export/schema.json) --------


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule_id,
        "kind": finding.kind.value,
        "text": finding.text,
        "source": finding.source.citation,
    }


def reason_json(reason: Reason) -> dict[str, Any]:
    """A counted pro or con: its finding, ``points`` (its whole share of the score: the
    reasons' points add up to ``score``), ``count`` and ``dates`` (the days a finding about
    days counted on; empty for the week's own) and ``each`` (the points of one)."""
    return {
        **finding_json(reason.finding),
        "points": reason.points,
        "each": reason.each,
        "count": reason.count,
        "dates": [day.isoformat() for day in reason.dates],
    }


def reasons_json(week: JudgedWeek) -> list[dict[str, Any]]:
    """Every counted pro and con with its share of the score, largest first."""
    return [reason_json(reason) for reason in week.summary.reasons]


def fix_json(found: Fix | None, plan: WeekPlan) -> dict[str, Any] | None:
    """The smallest fix of ``plan`` (the week before it), or None when no single change
    raises the score: ``change`` in the words of ``planner set`` (as ``planner fix`` prints
    it), the score before and after, and ``earns``, the findings the change earns the
    score with: the cons it clears, then the pros it earns (``kind`` tells them apart).
    The one place that reads a :class:`Fix`."""
    if found is None:
        return None
    from planner.fix import describe_change

    return {
        "change": describe_change(found.change, plan),
        "score_before": found.before,
        "score_after": found.after,
        "earns": [finding_json(finding) for finding in (*found.cleared, *found.earned)],
    }


def day_entry(
    day: date,
    held: PlannedDay,
    log: DayLog | None = None,
    knowledge: KnowledgeBase | None = None,
) -> dict[str, Any]:
    """One dated day: ``date``, ``day``, ``activity`` (kept for scripts written before
    sessions: the first session's kind, rest, or null if unplanned), then the day as the
    JSON export writes it (``sessions``, ``rest``, and ``together`` for two sessions), as
    planned; then, when the day is logged (``log``), ``log`` (what was done) and ``checkin``
    (how it started), each absent when there is none."""
    from planner.export.json import day_json

    entry = {
        "date": day.isoformat(),
        "day": weekday_key(day),
        "activity": held.activity.value if held.activity is not None else None,
        **day_json(held),
    }
    if log is not None and log.done is not None and knowledge is not None:
        entry["log"] = log_json(log, held, knowledge)
    if log is not None and log.checked_in:
        entry["checkin"] = checkin_json(log)
    return entry


def log_json(log: DayLog, planned: PlannedDay, knowledge: KnowledgeBase) -> dict[str, Any]:
    """``{"sessions": [...], "status": "done|changed|skipped|partly", "rpe": [...],
    "minutes": [...], "load": N}``: what was done, in the shape of a day's sessions; RPE
    and minutes per session (null when not given); the load, RPE x minutes, with a kind's
    usual values where none was given."""
    from planner.export.json import day_json

    assert log.done is not None
    status = log.status(planned)
    assert status is not None
    return {
        "sessions": day_json(log.done)["sessions"],
        "status": status.value,
        "rpe": list(log.efforts()),
        "minutes": list(log.lengths()),
        "load": log.load(knowledge),
    }


def checkin_json(log: DayLog) -> dict[str, Any]:
    """``{"sore": {"legs": "very"}, "sleep": 2, "energy": 3}`` (null: not given)."""
    return {
        "sore": {family: level.value for family, level in log.sore},
        "sleep": log.sleep,
        "energy": log.energy,
    }


def days_json(
    plan: WeekPlan, logs: Logs = NO_LOGS, knowledge: KnowledgeBase | None = None
) -> list[dict[str, Any]]:
    """The seven shown days, each as :func:`day_entry` writes it."""
    return [day_entry(day, held, logs.get(day), knowledge) for day, held in plan.dated_days]


def show_json(
    week: JudgedWeek,
    proposal: Proposal | None = None,
    found: Fix | None = None,
    knowledge: KnowledgeBase | None = None,
) -> dict[str, Any]:
    """The documented shape of ``planner show --json``; keys in this order. "goal" is what
    the week is judged for (``planner goal``); "days" are as stored; "proposal" is null or
    the repeating week's layout the week would show; each transition has its two days
    ("before", "after") as "days" has them ("activities": their first sessions' kinds);
    "reasons" are every counted pro and con with its share of the score, largest first:
    their points add up to "score"; "fix" is ``found``, the smallest fix of the stored week
    (null if none); "load" the week's planned and done load (planner.log). A logged day has
    its "log" and "checkin" (``knowledge`` prices the load)."""
    planned: dict[date, PlannedDay] = dict((*week.before, *week.plan.dated_days, *week.after))

    def entry(day: date) -> dict[str, Any]:
        held = planned.get(day, PlannedDay.UNPLANNED)
        return day_entry(day, held, week.logs.get(day), knowledge)

    return {
        "format": FORMAT,
        "week": str(week.plan.week),
        "goal": week.summary.goal.value,
        "days": days_json(week.plan, week.logs, knowledge),
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
                "before": entry(transition.before.date),
                "after": entry(transition.after.date),
                "findings": [finding_json(finding) for finding in transition.findings],
            }
            for transition in week.evaluation.transitions
        ],
        "findings": [finding_json(finding) for finding in week.summary.findings],
        "score": week.evaluation.score,
        "reasons": reasons_json(week),
        "fix": fix_json(found, week.plan),
        "load": {"planned": week.summary.log.planned_load, "done": week.summary.log.done_load},
        "deload": deload_json(week.summary.deload),
    }


def deload_json(move: DeloadForward | None) -> dict[str, Any] | None:
    """The suggestion to bring the block's deload forward, in the week holding today."""
    if move is None:
        return None
    return {"text": move.text, "low": move.low, "to": str(move.target), "from": str(move.deload)}


# json.dumps escapes C0 controls but, with ensure_ascii=False, writes DEL and the C1 controls
# as they are: those are written as \u escapes too, so the text a script reads back is the
# same and no control character reaches a terminal.
_RAW_CONTROLS = {code: f"\\u{code:04x}" for code in (0x7F, *range(0x80, 0xA0))}


def dump_json(document: object) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False).translate(_RAW_CONTROLS) + "\n"


def json_line(document: object) -> str:
    """``document`` on one line, compact, escaped like :func:`dump_json`; no newline."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_RAW_CONTROLS)
