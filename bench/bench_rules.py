"""Evaluating one full week (plus a context day either side) with every shipped rule.

The UI evaluates on every key press; the budget is a median of 100 us on the dev machine.
Printed, never asserted.
"""

from __future__ import annotations

import datetime
import time

from bench.stats import describe
from rules import Activity, consecutive_days, default_knowledge, evaluate

ROUNDS = 5000
# Previous Sunday, Monday..Sunday, next Monday. Chosen to fire pair, pattern and week rules.
PLAN = [
    Activity.PULL,
    Activity.PUSH,
    Activity.REST,
    Activity.LEGS,
    Activity.PULL,
    Activity.REST,
    Activity.LEGS,
    Activity.RUN,
    Activity.LEGS,
]


def main() -> None:
    knowledge = default_knowledge()
    days = consecutive_days(datetime.date(2026, 11, 22), PLAN)
    focus = (days[1].date, days[-2].date)
    evaluation = evaluate(days, focus=focus, knowledge=knowledge)
    findings = sum(len(t.findings) for t in evaluation.transitions) + len(evaluation.week_findings)
    for _ in range(200):  # warm up
        evaluate(days, focus=focus, knowledge=knowledge)
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        evaluate(days, focus=focus, knowledge=knowledge)
        samples.append(time.perf_counter() - start)
    print(f"{len(knowledge.rules)} rules, {len(days)} days, {findings} findings")
    print(describe("evaluate one week + 2 context days", samples, unit="us"))
    print("budget: median <= 100 us")


if __name__ == "__main__":
    main()
