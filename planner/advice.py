"""A week's verdict: the rules' findings on every transition touching it, its score and its
summary, and each muscle family's readiness: one :class:`JudgedWeek`, shared by the
screen, ``planner show`` and the exports.

``rules.evaluate`` is the engine; here a week is *judged*: put together with the days
around it, evaluated, and summarised.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from types import MappingProxyType
from typing import Protocol

from planner.block import BlocksAndLogs, DeloadForward, deload_suggestion
from planner.days import weekday_abbreviation
from planner.load import CHRONIC_WEEKS, caution_for
from planner.log import DayLog, WeekLog, week_log
from planner.plan import DatedDay, WeekPlan
from planner.readiness import ReadinessGrid, readiness
from planner.weeks import FirstWeekday, IsoWeek, WeekError
from rules import (
    DEFAULT_GOAL,
    LIFTS,
    Day,
    Evaluation,
    Finding,
    Goal,
    KnowledgeBase,
    PlannedDay,
    Reason,
    Source,
    Transition,
    evaluate,
)

# Days of context on each side of a shown week: enough for the boundary transitions, for
# the longest strain window reaching in from the week before (rules.strains: at most 72 h),
# and for the longest pattern a rule file may hold (7 days, ending on the week's first
# day), so a transition across the boundary reads the same from either week.
CONTEXT_DAYS = 6

DatedDays = Sequence[DatedDay]
Logs = Mapping[date, DayLog]
NO_LOGS: Logs = MappingProxyType({})

# Said under a transition with no findings: the rules need both days planned...
NO_ADVICE = "Plan both days to see advice."
# ... or both are planned and nothing in the rules concerns this order.
NOTHING_TO_NOTE = "Nothing to note: this order raises no concern."
# How every view heads the days of hard lifting per muscle group (WeekSummary).
SESSIONS_HEADING = "Days of hard lifting per muscle group:"


def reason_points(reason: Reason) -> str:
    """``+24``, or ``-4 x2`` for a finding counted on two days (its points each time)."""
    if reason.count > 1:
        return f"{reason.each:+d} x{reason.count}"
    return f"{reason.points:+d}"


def reason_text(reason: Reason) -> str:
    """The finding's text, and the days it counted on when it is about days:
    ``Legs hard again 24 h after heavy legs (Tue, Thu)``."""
    if not reason.dates:
        return reason.finding.text
    return f"{reason.finding.text} ({', '.join(weekday_abbreviation(d) for d in reason.dates)})"


def no_findings(transition: Transition) -> str:
    """Why a transition has no findings, in one line (the panel, show and the exports)."""
    planned = transition.before.planned.is_planned and transition.after.planned.is_planned
    return NOTHING_TO_NOTE if planned else NO_ADVICE


@dataclass(frozen=True, slots=True)
class WeekSummary:
    """The numbers the panel and ``planner show`` print above the transitions."""

    score: int
    planned_days: int
    rest_days: int
    sessions_per_group: tuple[tuple[str, int], ...]  # (group name, days lifted hard), in order
    findings: tuple[Finding, ...]
    goal: Goal = DEFAULT_GOAL
    # What earns and costs the score the most points, largest first (Evaluation.reasons).
    reasons: tuple[Reason, ...] = ()
    # Shown from the repeating week, not planned (planner.repeat): its days are proposed.
    proposed: bool = False
    # Planned against done (planner.log): sessions and load.
    log: WeekLog = field(default_factory=WeekLog)
    # In the week holding today: check-ins that suggest the block's deload sooner.
    deload: DeloadForward | None = None


def held_on(day: date, planned: PlannedDay, logs: Logs) -> PlannedDay:
    """What a day is judged on: what was logged done, else its plan."""
    log = logs.get(day)
    return log.done if log is not None and log.done is not None else planned


def summarize(
    plan: WeekPlan,
    evaluation: Evaluation,
    knowledge: KnowledgeBase,
    goal: Goal = DEFAULT_GOAL,
    logs: Logs = NO_LOGS,
) -> WeekSummary:
    """The numbers above the week's advice, from what it holds (done, where logged)."""
    held = [held_on(day, planned, logs) for day, planned in plan.dated_days]
    sessions = tuple(
        (
            group.name,
            sum(
                1
                for day in held
                if any(
                    session.kind in LIFTS
                    and knowledge.loads(session).get(group.id, 0.0) >= knowledge.hard_load
                    for session in day.sessions
                )
            ),
        )
        for group in knowledge.muscle_groups
        if group.is_muscle
    )
    return WeekSummary(
        score=evaluation.score,
        planned_days=sum(1 for day in held if day.is_planned),
        rest_days=sum(1 for day in held if day.is_rest),
        sessions_per_group=sessions,
        findings=evaluation.week_findings,
        goal=goal,
        reasons=evaluation.reasons,
        log=week_log(((p, logs.get(d)) for d, p in plan.dated_days), knowledge),
    )


class PlannedDays(Protocol):
    """Where weeks are read from: a :class:`planner.store.Store`, or a planning session
    (which reads through its own unsaved edits)."""

    def load_plan(self, week: IsoWeek, first: FirstWeekday) -> WeekPlan: ...

    def days_between(self, start: date, end: date) -> DatedDays: ...

    def logs_between(self, start: date, end: date) -> Logs: ...


def context_around(days: PlannedDays, plan: WeekPlan) -> tuple[DatedDays, DatedDays]:
    """The CONTEXT_DAYS just before and just after ``plan``'s shown dates, as stored: what
    the week is judged with (here, and by ``suggest`` for the week it fills)."""
    start, end = plan.dates[0], plan.dates[-1]
    before = days.days_between(start.subtract(days=CONTEXT_DAYS), start.subtract(days=1))
    after = days.days_between(end.add(days=1), end.add(days=CONTEXT_DAYS))
    return before, after


@dataclass(frozen=True, slots=True)
class JudgedWeek:
    """One displayed week (stored, proposed or suggested) judged with its context days:
    everything the panel, the readiness strip, ``planner show`` and the exports print."""

    plan: WeekPlan
    evaluation: Evaluation
    summary: WeekSummary
    readiness: ReadinessGrid
    # The CONTEXT_DAYS just outside the week that it was judged with (suggestions need the
    # same ones).
    before: tuple[DatedDay, ...] = ()
    after: tuple[DatedDay, ...] = ()
    # The day logs of the week and its context days (planner.log): what was done on a day
    # is what it was judged on; and what the log changed for the days to come.
    logs: Logs = field(default_factory=lambda: NO_LOGS)
    log_notes: tuple[LogNote, ...] = ()

    def transition_into(self, day: date) -> Transition | None:
        """The transition from the day before ``day``; None if ``day`` is not in the week."""
        for transition in self.evaluation.transitions:
            if transition.after.date == day:
                return transition
        return None


def judge(
    plan: WeekPlan,
    before: DatedDays,
    after: DatedDays,
    knowledge: KnowledgeBase,
    goal: Goal = DEFAULT_GOAL,
    logs: Logs = NO_LOGS,
) -> JudgedWeek:
    """``plan`` judged for ``goal`` with the given context days: findings for every
    transition touching the week (both boundaries included), the score and its reasons,
    the summary and readiness. A day with a log is judged on what was done there and
    what its check-in reported (``logs``); the others on their plan."""
    days = judged_days((*before, *plan.dated_days, *after), logs)
    evaluation = evaluate(
        days, focus=(plan.dates[0], plan.dates[-1]), knowledge=knowledge, goal=goal
    )
    shown = days[: len(before) + len(plan.dates)]
    return JudgedWeek(
        plan,
        evaluation,
        summarize(plan, evaluation, knowledge, goal, logs),
        readiness(
            [(day.date, day.planned) for day in shown],
            knowledge,
            plan.dates,
            goal,
            {day.date: day.sore for day in shown if day.sore},
        ),
        tuple(before),
        tuple(after),
        logs,
        log_notes((*before, *plan.dated_days), logs, knowledge, goal, plan.dates),
    )


@dataclass(frozen=True, slots=True)
class LogNote:
    """What the log changed for a coming day: a strain its plan had that what was done
    took away (``Thu's tempo run was skipped: Sat's long run no longer comes 48 h after
    it``), with the source of the rule that priced it."""

    day: date
    text: str
    source: Source


def log_notes(
    dated: Sequence[DatedDay],
    logs: Logs,
    knowledge: KnowledgeBase,
    goal: Goal,
    shown: Sequence[date],
) -> tuple[LogNote, ...]:
    """For each shown day not logged yet, each strain on its sessions that the plan had and
    what was logged done on an earlier day removed (skipped, or done differently)."""
    if not logs:
        return ()
    model, vocab, reach = knowledge.strains, knowledge.vocabulary, knowledge.reach
    dates = [day for day, _ in dated]
    planned = [held for _, held in dated]
    done = [held_on(day, held, logs) for day, held in dated]
    notes: list[LogNote] = []
    for index, day in enumerate(dates):
        log = logs.get(day)
        if day not in shown or (log is not None and log.done is not None):
            continue
        low = max(0, index - reach)
        sore = log.sore if log is not None else ()
        kept = {
            (s.rule.rule.id, s.later.position, s.family)
            for s in model.strains(done[low : index + 1], index - low, goal, sore)
        }
        for strain in model.strains(planned[low : index + 1], index - low, goal):
            if (
                strain.earlier is None
                or (
                    strain.rule.rule.id,
                    strain.later.position,
                    strain.family,
                )
                in kept
            ):
                continue
            earlier_day = dates[low + strain.earlier.index]
            earlier_log = logs.get(earlier_day)
            if earlier_log is None or earlier_log.done is None:
                continue
            status = earlier_log.status(planned[low + strain.earlier.index])
            if status is None or status.value == "done":
                continue
            what = "skipped" if status.value == "skipped" else "not done as planned"
            earlier = vocab.session(strain.earlier.session).noun
            later = vocab.session(strain.later.session).noun
            text = (
                f"{weekday_abbreviation(earlier_day)}'s {_bare(earlier)} was {what}: "
                f"{weekday_abbreviation(day)}'s {_bare(later)} no longer comes "
                f"{strain.hours} h after it"
            )
            note = LogNote(day, text, strain.rule.rule.source)
            if note not in notes:
                notes.append(note)
    return tuple(notes)


def _bare(noun: str) -> str:
    """``tempo run`` from ``a tempo run``."""
    for article in ("a ", "an "):
        if noun.startswith(article):
            return noun[len(article) :]
    return noun


def judged_days(dated: Sequence[tuple[date, PlannedDay]], logs: Logs = NO_LOGS) -> list[Day]:
    """The engine's days: each held as done where a log says so, with its check-in's
    report."""
    if not logs:
        return [Day(day, planned) for day, planned in dated]
    found = []
    for day, planned in dated:
        log = logs.get(day)
        if log is None:
            found.append(Day(day, planned))
        else:
            found.append(Day(day, held_on(day, planned, logs), log.sore))
    return found


def judge_week(
    days: PlannedDays,
    week: IsoWeek,
    first: FirstWeekday,
    knowledge: KnowledgeBase,
    goal: Goal = DEFAULT_GOAL,
) -> JudgedWeek:
    """Read ``week`` as displayed with ``first`` and CONTEXT_DAYS on each side, and judge it
    for ``goal``."""
    plan = days.load_plan(week, first)
    start, end = plan.dates[0], plan.dates[-1]
    logs = days.logs_between(
        start - timedelta(days=CONTEXT_DAYS), end + timedelta(days=CONTEXT_DAYS)
    )
    return with_load_caution(
        judge(plan, *context_around(days, plan), knowledge, goal, logs), days, knowledge
    )


def with_load_caution(view: JudgedWeek, days: PlannedDays, knowledge: KnowledgeBase) -> JudgedWeek:
    """``view`` with the caution of a load far above the four weeks before it among the
    week's findings (planner.load), when there is one: the weeks before are read from
    ``days``, the week itself as ``view`` holds it (stored or proposed)."""
    plan = view.plan
    # Whole weeks, as the session keeps them: reading day by day costs a key press more.
    before: dict[date, PlannedDay] = {}
    for back in range(1, CHRONIC_WEEKS + 1):
        try:
            before.update(days.load_plan(plan.week.shifted(-back), plan.first_weekday).dated_days)
        except WeekError:
            break  # before the first supported week: nothing planned there
    start = plan.dates[0] - timedelta(weeks=CHRONIC_WEEKS)
    logs = days.logs_between(start, plan.dates[-1])
    caution = caution_for(view.plan, before, logs, knowledge)
    if caution is None:
        return view
    findings = (*view.summary.findings, caution.finding())
    return replace(view, summary=replace(view.summary, findings=findings))


def with_deload_suggestion(view: JudgedWeek, days: BlocksAndLogs, today: date) -> JudgedWeek:
    """``view`` with the suggestion to bring the block's deload forward (planner.block),
    when it holds ``today`` and the check-ins call for it: the panel and ``show`` say it."""
    if today not in view.plan.dates:
        return view
    deload = deload_suggestion(days, today)
    if deload is None:
        return view
    return replace(view, summary=replace(view.summary, deload=deload))
