"""Evaluating one full week (plus a context day either side) with every shipped rule: a week
of plain days, and one with attributes and two-session days.

The UI evaluates on every key press; the budget is a median of 100 us on the dev machine.
The engine remembers each transition's findings by the days they depend on, so a key press
mostly meets windows it has seen: "warm" is that case; "cold" forgets everything before
each evaluation (the first sight of a week), the worst case. Printed, never asserted.
"""

from __future__ import annotations

import datetime
import time

from bench.stats import describe
from planner.days import parse_day
from rules import Day, KnowledgeBase, default_knowledge, evaluate

ROUNDS = 5000
START = datetime.date(2026, 11, 22)
# Previous Sunday, Monday..Sunday, next Monday. Chosen to fire pair, pattern and week rules.
PLAIN = "pull push rest legs pull rest legs run legs"
SESSIONS = "pull legs:heavy+run:easy push,pull run:intervals rest legs+run run:long rest push"


def _forget(knowledge: KnowledgeBase) -> None:
    knowledge.transitions.clear()
    knowledge.weeks.clear()


def _time(label: str, words: str, knowledge: KnowledgeBase, *, cold: bool = False) -> None:
    days = [
        Day(START + datetime.timedelta(days=n), parse_day(word))
        for n, word in enumerate(words.split())
    ]
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
    print("budget: median <= 100 us")


if __name__ == "__main__":
    main()
