"""Evaluating one full week (plus a context day either side) with every shipped rule: a week
of plain days, one with attributes and two-session days, and that week with a full training
log (every day logged: most as planned, one skipped, one changed, soreness reported).

The UI evaluates on every key press; the budget is a median of 100 us on the dev machine.
The engine remembers each transition's findings by the days they depend on, so a key press
mostly meets windows it has seen: "warm" is that case; "cold" forgets everything before
each evaluation (the first sight of a week), the worst case. Printed, never asserted.
"""

from __future__ import annotations

import datetime
import time

from bench.stats import describe
from planner.advice import judge, judged_days
from planner.days import parse_day
from planner.log import DayLog, sore_of
from planner.plan import WeekPlan
from planner.weeks import FirstWeekday, IsoWeek
from rules import Day, KnowledgeBase, Soreness, default_knowledge, evaluate

ROUNDS = 5000
START = datetime.date(2026, 11, 22)
# Previous Sunday, Monday..Sunday, next Monday. Chosen to fire pair, pattern and week rules.
PLAIN = "pull push rest legs pull rest legs run legs"
SESSIONS = "pull legs:heavy+run:easy push,pull run:intervals rest legs+run run:long rest push"


# What the log says for each of the nine days of SESSIONS: done as planned (None), or what
# was done instead, with the check-in's soreness.
LOGGED = ("pull", None, None, "rest", None, "run:easy", None, None, None)
SORE: tuple[dict[str, Soreness], ...] = (
    {},
    {},
    {"legs": Soreness.SORE},
    {},
    {"legs": Soreness.MILD},
    {},
    {},
    {"push": Soreness.VERY},
    {},
)


def _logs(days: list[Day]) -> dict[datetime.date, DayLog]:
    logs = {}
    for day, done, sore in zip(days, LOGGED, SORE, strict=True):
        held = day.planned if done is None else parse_day(done)
        logs[day.date] = DayLog(done=held, rpe=(7,) * len(held.sessions), sore=sore_of(sore))
    return logs


def _days(words: str) -> list[Day]:
    return [
        Day(START + datetime.timedelta(days=n), parse_day(word))
        for n, word in enumerate(words.split())
    ]


def _forget(knowledge: KnowledgeBase) -> None:
    knowledge.transitions.clear()
    knowledge.weeks.clear()


def _time(
    label: str, words: str, knowledge: KnowledgeBase, *, cold: bool = False, logged: bool = False
) -> None:
    days = _days(words)
    if logged:
        days = judged_days([(day.date, day.planned) for day in days], _logs(days))
    focus = (days[1].date, days[-2].date)
    evaluation = evaluate(days, focus=focus, knowledge=knowledge)
    findings = sum(len(t.findings) for t in evaluation.transitions) + len(evaluation.week_findings)
    for _ in range(200):  # warm up
        evaluate(days, focus=focus, knowledge=knowledge)
    samples = []
    for _ in range(ROUNDS // 5 if cold else ROUNDS):
        if cold:
            _forget(knowledge)
        start = time.perf_counter()
        evaluate(days, focus=focus, knowledge=knowledge)
        samples.append(time.perf_counter() - start)
    print(describe(f"{label} ({len(days)} days, {findings} findings)", samples, unit="us"))


def main() -> None:
    knowledge = default_knowledge()
    print(f"{len(knowledge.rules)} rules")
    _time("evaluate one week + 2 context days, plain days", PLAIN, knowledge)
    _time("evaluate one week + 2 context days, two-session days", SESSIONS, knowledge)
    _time("... the same, cold (nothing remembered)", SESSIONS, knowledge, cold=True)
    _time("... the same with a full log (done days, soreness)", SESSIONS, knowledge, logged=True)
    print("budget: median <= 100 us")
    _time_judge(knowledge)


def _time_judge(knowledge: KnowledgeBase) -> None:
    """What the panel gets on a key press in a logged week: planner.advice.judge (the
    evaluation above, plus summary, readiness and the log's notes). Reported, no budget."""
    days = _days(SESSIONS)
    logs = _logs(days)
    plan = WeekPlan(IsoWeek(2026, 48), FirstWeekday.MONDAY, tuple(d.planned for d in days[1:-1]))
    before = [(plan.dates[0].subtract(days=1), days[0].planned)]
    after = [(plan.dates[-1].add(days=1), days[-1].planned)]
    assert plan.dates[0] == days[1].date, "the bench week must be ISO week 2026-W48"
    for label, given in (("no log", {}), ("full log", logs)):
        for _ in range(200):
            judge(plan, before, after, knowledge, logs=given)
        samples = []
        for _ in range(ROUNDS // 5):
            start = time.perf_counter()
            judge(plan, before, after, knowledge, logs=given)
            samples.append(time.perf_counter() - start)
        print(describe(f"judge the week for the panel, {label}", samples, unit="us"))


if __name__ == "__main__":
    main()
