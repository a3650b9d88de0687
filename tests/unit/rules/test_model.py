"""The judgement's properties, over random weeks with random days before them, for every
goal (issue 20): the score adds up and starts at 0, more time between sessions never costs
more, spreading sessions over more days never scores lower, a strength week is never worth
less for heavier lifting, and an endurance week never more for a demoted run."""

from __future__ import annotations

import dataclasses
import datetime

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from rules import (
    Activity,
    Day,
    Evaluation,
    Goal,
    Intensity,
    Kind,
    PlannedDay,
    RunType,
    Session,
    Soreness,
    default_knowledge,
    evaluate,
)
from rules.timeline import place_all

MONDAY = datetime.date(2026, 11, 23)
WEEK = (MONDAY, MONDAY + datetime.timedelta(days=6))
CONTEXT = 6

sessions = st.one_of(
    st.builds(
        Session,
        st.sampled_from((Activity.PUSH, Activity.PULL, Activity.LEGS)),
        intensity=st.sampled_from(Intensity),
    ),
    st.builds(Session, st.just(Activity.RUN), run_type=st.sampled_from(RunType)),
)


@st.composite
def days(draw: st.DrawFn, sparse: bool = False) -> PlannedDay:
    shapes = ("unplanned", "rest", "one", "one", "two", "two")
    shape = draw(st.sampled_from(shapes + ("unplanned",) * 6 if sparse else shapes))
    if shape == "unplanned":
        return PlannedDay.UNPLANNED
    if shape == "rest":
        return PlannedDay.REST
    if shape == "one":
        return PlannedDay((draw(sessions),))
    return PlannedDay((draw(sessions), draw(sessions)), together=draw(st.booleans()))


weeks = st.lists(days(), min_size=7, max_size=7)
contexts = st.lists(days(), min_size=0, max_size=CONTEXT)
goals = st.sampled_from(Goal)


def judged(week: list[PlannedDay], goal: Goal, before: list[PlannedDay] = ()) -> Evaluation:
    start = MONDAY - datetime.timedelta(days=len(before))
    dated = [Day(start + datetime.timedelta(days=n), day) for n, day in enumerate([*before, *week])]
    return evaluate(dated, focus=WEEK, knowledge=default_knowledge(), goal=goal)


def delivered(evaluation: Evaluation) -> int:
    """What the week delivers: its doses, the pros of the week as a whole."""
    return sum(f.weight for f in evaluation.week_findings if f.kind is Kind.PRO)


@given(weeks, contexts, goals)
def test_the_reasons_add_up_to_the_score_pros_earn_and_cons_cost(week, before, goal) -> None:
    evaluation = judged(week, goal, before)
    assert 0 <= evaluation.score <= 100
    assert sum(reason.points for reason in evaluation.reasons) == evaluation.score
    for reason in evaluation.reasons:
        assert reason.points != 0
        assert (reason.points > 0) == (reason.finding.kind is Kind.PRO)
        assert reason.points == reason.each * reason.count


@given(contexts, goals)
def test_an_empty_week_and_a_week_of_rest_score_0(before, goal) -> None:
    assert judged([PlannedDay.UNPLANNED] * 7, goal, before).score == 0
    assert judged([PlannedDay.REST] * 7, goal, before).score == 0


@given(sessions, st.integers(0, 6), st.booleans(), contexts, goals)
def test_a_week_with_one_session_scores_above_an_empty_one(
    session, day, rest, before, goal
) -> None:
    """Whatever came before it: one session never costs more than it delivers."""
    week = [PlannedDay.REST if rest else PlannedDay.UNPLANNED] * 7
    week[day] = PlannedDay((session,))
    assert judged(week, goal, before).score > 0


def _related(one: Session, other: Session) -> bool:
    """Two sessions whose gap the judgement may price: they load a muscle group in
    common, or both are runs."""
    knowledge = default_knowledge()
    shared = set(knowledge.loads(one)) & set(knowledge.loads(other))
    both_run = one.kind is Activity.RUN and other.kind is Activity.RUN
    return bool(shared) or both_run


Identity = tuple[int, int]  # (day, position) in the plan before the move


def _hours(plan: list[PlannedDay], names: dict[Identity, Identity]) -> dict[Identity, int]:
    """Each session's hour on the timeline, by its identity (``names``: where each session
    of ``plan`` came from)."""
    timeline = default_knowledge().vocabulary.timeline
    return {names[(p.index, p.position)]: p.hour for p in place_all(plan, timeline)}


@st.composite
def moves(draw: st.DrawFn):
    """A week with its context, and the same week with one session moved to an unplanned
    day of the week, earlier or later (the day it leaves keeps its other session)."""
    plan = draw(st.lists(days(sparse=True), min_size=CONTEXT + 7, max_size=CONTEXT + 7))
    sources = [(i, p) for i in range(CONTEXT, len(plan)) for p in range(len(plan[i].sessions))]
    targets = [i for i in range(CONTEXT, len(plan)) if not plan[i].is_planned]
    assume(sources and targets)
    (source, position), target = draw(st.sampled_from(sources)), draw(st.sampled_from(targets))
    kept = tuple(s for n, s in enumerate(plan[source].sessions) if n != position)
    after = list(plan)
    after[source] = PlannedDay(kept)
    after[target] = PlannedDay((plan[source].sessions[position],))
    names = {(i, p): (i, p) for i, day in enumerate(after) for p in range(len(day.sessions))}
    names[(target, 0)] = (source, position)
    if kept:
        names[(source, 0)] = (source, 1 - position)
    return plan, after, names, draw(goals)


@settings(max_examples=400, suppress_health_check=[HealthCheck.filter_too_much])
@given(moves())
def test_more_time_between_sessions_never_lowers_the_score(move) -> None:
    """A session moved to an unplanned day so that no gap between two sessions the
    judgement may price against each other shrinks or changes sides (its partner on the
    day it leaves moves to the day's one slot: its gaps count too) never lowers the score:
    the strains only grow cheaper with time, and the doses, counting days, only grow."""
    plan, after, names, goal = move
    assume(_no_gap_shrinks(plan, after, names))
    before = plan[:CONTEXT]
    assert judged(after[CONTEXT:], goal, before).score >= judged(plan[CONTEXT:], goal, before).score


def _no_gap_shrinks(
    plan: list[PlannedDay], after: list[PlannedDay], names: dict[Identity, Identity]
) -> bool:
    """Whether every gap between two sessions the judgement may price against each other
    is as long or longer in ``after``, on the same side."""
    old = _hours(plan, {k: k for k in names.values()})
    new = _hours(after, names)
    sessions = {
        (i, p): plan[i].sessions[p] for i, day in enumerate(plan) for p in range(len(day.sessions))
    }
    return all(
        new[other] - new[one] >= old[other] - old[one]
        for one in old
        for other in old
        if one < other and _related(sessions[one], sessions[other])
    )


@settings(suppress_health_check=[HealthCheck.filter_too_much])
@given(
    st.lists(days(sparse=True), min_size=CONTEXT + 7, max_size=CONTEXT + 7),
    goals,
    st.integers(CONTEXT, CONTEXT + 6),
)
def test_two_sessions_apart_never_score_below_the_same_two_together(plan, goal, day):
    """Back to back, then the second session hours later (the first stays where it is):
    where that brings it no nearer a session it may be priced against, never worse."""
    assume(len(plan[day].sessions) == 2)
    together = list(plan)
    together[day] = dataclasses.replace(plan[day], together=True)
    apart = list(plan)
    apart[day] = dataclasses.replace(plan[day], together=False)
    names = {(i, p): (i, p) for i, d in enumerate(plan) for p in range(len(d.sessions))}
    assume(_no_gap_shrinks(together, apart, names))
    before = plan[:CONTEXT]
    assert (
        judged(apart[CONTEXT:], goal, before).score
        >= judged(together[CONTEXT:], goal, before).score
    )


@given(weeks, contexts, st.integers(0, 6), st.integers(0, 1))
def test_for_strength_a_heavier_lift_never_delivers_less(week, before, day, slot) -> None:
    sessions_of_day = week[day].sessions
    assume(slot < len(sessions_of_day) and sessions_of_day[slot].kind is not Activity.RUN)
    order = list(Intensity)
    lift = sessions_of_day[slot]
    assume(lift.intensity is not Intensity.HEAVY)
    heavier = dataclasses.replace(lift, intensity=order[order.index(lift.intensity) + 1])
    raised = list(week)
    changed = list(sessions_of_day)
    changed[slot] = heavier
    raised[day] = dataclasses.replace(week[day], sessions=tuple(changed))
    assert delivered(judged(raised, Goal.STRENGTH, before)) >= delivered(
        judged(week, Goal.STRENGTH, before)
    )


@given(weeks, contexts, st.sampled_from((Goal.ENDURANCE, Goal.HYBRID)))
def test_for_endurance_an_easy_run_never_delivers_more_than_the_long_or_only_hard_one(
    week, before, goal
) -> None:
    hard = {RunType.TEMPO, RunType.INTERVALS}
    runs = [
        (d, s)
        for d, day in enumerate(week)
        for s, session in enumerate(day.sessions)
        if session.kind is Activity.RUN
    ]
    hard_runs = [(d, s) for d, s in runs if week[d].sessions[s].run_type in hard]
    long_runs = [(d, s) for d, s in runs if week[d].sessions[s].run_type is RunType.LONG]
    candidates = long_runs[:1] + (hard_runs if len(hard_runs) == 1 else [])
    assume(candidates)
    for d, s in candidates:
        demoted = list(week)
        changed = list(week[d].sessions)
        changed[s] = Session(Activity.RUN, run_type=RunType.EASY)
        demoted[d] = dataclasses.replace(week[d], sessions=tuple(changed))
        assert delivered(judged(demoted, goal, before)) <= delivered(judged(week, goal, before))


@given(st.lists(days(), min_size=14 + CONTEXT, max_size=14 + CONTEXT), goals)
def test_the_boundary_transition_reads_the_same_from_either_week(plan, goal) -> None:
    start = MONDAY - datetime.timedelta(days=CONTEXT)
    dated = [Day(start + datetime.timedelta(days=n), day) for n, day in enumerate(plan)]
    first = (MONDAY, MONDAY + datetime.timedelta(days=6))
    second = (MONDAY + datetime.timedelta(days=7), MONDAY + datetime.timedelta(days=13))
    knowledge = default_knowledge()
    # Each week as the planner judges it: CONTEXT days before, one after.
    one = evaluate(dated[: CONTEXT + 8], focus=first, knowledge=knowledge, goal=goal)
    two = evaluate(dated[7:], focus=second, knowledge=knowledge, goal=goal)
    assert one.transitions[-1] == two.transitions[0]


# -- What a check-in reports (issue 25) ---------------------------------------------------

FAMILIES = [family.id for family in default_knowledge().families]
LEVELS = list(Soreness)


@st.composite
def reports(draw: st.DrawFn) -> list[dict[str, Soreness]]:
    """Per day of the week, a level for some families (NONE too: nothing to report)."""
    return [
        draw(st.dictionaries(st.sampled_from(FAMILIES), st.sampled_from(LEVELS), max_size=3))
        for _ in range(7)
    ]


def sore_of(report: dict[str, Soreness]) -> tuple[tuple[str, Soreness], ...]:
    return tuple(
        (family, report[family])
        for family in FAMILIES
        if family in report and report[family] is not Soreness.NONE
    )


def judged_sore(
    week: list[PlannedDay], goal: Goal, before: list[PlannedDay], report: list[dict]
) -> Evaluation:
    start = MONDAY - datetime.timedelta(days=len(before))
    dated = [Day(start + datetime.timedelta(days=n), day) for n, day in enumerate(before)]
    dated += [
        Day(MONDAY + datetime.timedelta(days=n), day, sore_of(sore))
        for n, (day, sore) in enumerate(zip(week, report, strict=True))
    ]
    return evaluate(dated, focus=WEEK, knowledge=default_knowledge(), goal=goal)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(weeks, contexts, goals, reports(), st.data())
def test_reporting_soreness_or_more_of_it_never_raises_the_score(
    week, before, goal, report, data
) -> None:
    """A report only adds what it costs to work sore muscles: nothing reported is the same
    as no check-in, and raising any family's level on any day never raises the score."""
    assert judged_sore(week, goal, before, [{}] * 7) == judged(week, goal, before)
    score = judged_sore(week, goal, before, report).score
    assert score <= judged(week, goal, before).score
    day = data.draw(st.integers(0, 6))
    family = data.draw(st.sampled_from(FAMILIES))
    now = report[day].get(family, Soreness.NONE)
    more = data.draw(st.sampled_from([level for level in LEVELS if level.rank >= now.rank]))
    raised = [dict(r) for r in report]
    raised[day][family] = more
    assert judged_sore(week, goal, before, raised).score <= score


@given(weeks, goals, reports())
def test_a_report_speaks_only_about_sessions_of_its_own_day(week, goal, report) -> None:
    """A check-in reports the morning of its day: the findings it adds sit on the
    transitions into reported days that hold sessions, and nowhere else."""
    plain = judged(week, goal)
    sore = judged_sore(week, goal, [], report)
    for before, after in zip(plain.transitions, sore.transitions, strict=True):
        if set(after.findings) != set(before.findings):
            index = (after.after.date - MONDAY).days
            assert sore_of(report[index]) and week[index].is_training
