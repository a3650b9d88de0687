"""Suggest, as a person meets it: one request, asked once.

For every request: the **first call in a fresh process** (a new interpreter imports the
planner, loads the shipped rules, then times one ``suggest``: nothing the search could
remember from an earlier call), and the warm median of repeated calls in this process.
Then ``planner suggest`` end to end, the process as a user runs it, against ``planner
show`` on the same database, alternating in the same rounds (this machine's speed drifts:
only the ratio of samples taken together means much). The targets (issue 21): every first
call <= 100 ms, the slowest warm median <= 50 ms, suggest end to end within 1.5x of show.
Printed, never asserted.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from bench.stats import describe

if TYPE_CHECKING:
    from planner.plan import DatedDay
    from planner.suggest import SuggestRequest
    from planner.weeks import FirstWeekday, IsoWeek
    from rules import Goal, KnowledgeBase

Setting = tuple[
    "SuggestRequest",
    "IsoWeek",
    "FirstWeekday",
    "list[DatedDay]",
    "list[DatedDay]",
    "KnowledgeBase",
    "Goal",
]

ROUNDS = 12  # warm calls per request
E2E_ROUNDS = 5
FIRST_CALL_BUDGET = 0.100
WARM_BUDGET = 0.050
E2E_RATIO = 1.5

# (the command line's words, max per day, user rules or None)
SEVEN_DAY_RULE = """
[[rules]]
id = "a-week-long-pattern"
type = "sequence"
days = ["*", "*", ["run", "rest"], "*", "*", "*", ["pull", "rest", "run"]]
kind = "pro"
text = "A made-up week-long pattern"
detail = "Reaches back seven days, into the week before."
source = "coaching"
weight = 2
"""
REQUESTS: list[tuple[str, int, str | None]] = [
    ("push=1 pull=1 legs=1 run=2 --rest-min 1", 1, None),
    ("push=1 pull=1 legs=1 run=2 --rest-min 1 --pin sat=run --pin sun=rest", 1, None),
    ("push=2 pull=2 legs=2 run=1", 1, None),
    ("push=2 pull=2 legs=1 run=1", 1, None),
    ("legs:heavy=1 run:intervals=1 run:easy=2 push=1 pull=1", 1, None),
    ("push=2 pull=2 legs=2 run=3", 2, None),
    ("legs:heavy=1 legs=1 run:intervals=1 run=2 run:long=1 push=2 pull=1", 2, None),
    ("push=1 pull=1 legs=2 run=4 --rest-min 1", 2, None),
    (
        "legs:heavy=2 run:tempo=1 run=2 push=1 pull=1 --pin mon=legs:heavy+run --pin sun=rest",
        2,
        None,
    ),
    ("push=1 pull=1 legs=1 run=2", 2, None),
    # The three harder ones.
    ("push=2 pull=2 legs=2 run=3 run:long=1 --pin sat=run:long --pin sun=rest", 2, None),
    ("push=2 pull=2 legs:heavy=1 legs=1 run=3 run:tempo=1 run:long=1 run:intervals=1", 2, None),
    ("push=1 pull=1 legs=1 run=2 run:long=1 --rest-min 1", 1, SEVEN_DAY_RULE),
]
FIRST_CALL = """
import sys, time
from bench.bench_suggest import setting
label, per_day, rules = sys.argv[1], int(sys.argv[2]), sys.argv[3] or None
request, week, first, before, after, knowledge, goal = setting(label, per_day, rules)
from planner.suggest import suggest
start = time.perf_counter()
found = suggest(request, week, first, before, after, knowledge, goal=goal)
print(time.perf_counter() - start, found[0].score)
"""


def setting(label: str, max_per_day: int, rules: str | None) -> Setting:
    """What one request is asked with: the week, its six context days, the knowledge."""
    from datetime import timedelta

    from planner.advice import CONTEXT_DAYS
    from planner.suggest import SuggestRequest
    from planner.suggest.words import parse_counts, parse_pins
    from planner.weeks import FirstWeekday, IsoWeek, shown_dates
    from rules import Activity, Goal, PlannedDay, default_knowledge, load_knowledge

    words = iter(label.split())
    counts: list[str] = []
    pins: list[str] = []
    rest_min = 0
    for word in words:
        if word == "--pin":
            pins.append(next(words))
        elif word == "--rest-min":
            rest_min = int(next(words))
        else:
            counts.append(word)
    request = SuggestRequest(parse_counts(counts), rest_min, parse_pins(pins), max_per_day)
    week, first = IsoWeek(2026, 48), FirstWeekday.MONDAY
    dates = shown_dates(week, first)
    # The week screen's context: a run, a pull and a leg day just before, a push after.
    held = [PlannedDay.UNPLANNED] * (CONTEXT_DAYS - 3)
    held += [PlannedDay.of(Activity(a)) for a in ("run", "pull", "legs")]
    before = [(dates[0] - timedelta(days=CONTEXT_DAYS - n), day) for n, day in enumerate(held)]
    after = [(dates[-1] + timedelta(days=1), PlannedDay.of(Activity.PUSH))]
    if rules is None:
        knowledge = default_knowledge()
    else:
        path = Path(tempfile.mkdtemp()) / "rules.toml"
        path.write_text(rules, encoding="utf-8")
        knowledge = load_knowledge(path)
    return request, week, first, before, after, knowledge, Goal.HYBRID


def _first_call(label: str, max_per_day: int, rules: str | None) -> tuple[float, int]:
    out = subprocess.run(
        [sys.executable, "-c", FIRST_CALL, label, str(max_per_day), rules or ""],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    ).stdout.split()
    return float(out[0]), int(out[1])


def _e2e(database: Path) -> None:
    """``planner suggest`` and ``planner show`` as a user runs them, alternating."""
    planner = Path(sys.executable).with_name("planner")
    env = {**os.environ, "PLANNER_DB": str(database)}
    week = ["--week", "2026-W48"]
    request = [
        "legs:heavy=1",
        "legs=1",
        "run:intervals=1",
        "run=2",
        "run:long=1",
        "push=2",
        "pull=1",
    ]
    commands = {
        "show": [str(planner), "show", *week],
        "suggest": [str(planner), "suggest", *week, *request, "--max-per-day", "2"],
    }
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for round_number in range(E2E_ROUNDS):
        order = list(commands) if round_number % 2 else list(reversed(commands))
        for name in order:
            start = time.perf_counter()
            subprocess.run(commands[name], env=env, capture_output=True, check=True)
            samples[name].append(time.perf_counter() - start)
    for name, found in samples.items():
        print(describe(f"planner {name}, end to end", found))
    ratio = statistics.median(samples["suggest"]) / statistics.median(samples["show"])
    print(f"suggest / show: {ratio:.2f}x (target <= {E2E_RATIO}x)")


def main() -> None:
    from planner.suggest import suggest

    firsts: list[float] = []
    warms: list[float] = []
    for label, max_per_day, rules in REQUESTS:
        name = f"{label}{' --max-per-day 2' if max_per_day == 2 else ''}"
        if rules:
            name += " (a user rule reaching back 7 days)"
        first_call, score = _first_call(label, max_per_day, rules)
        request, week, first, before, after, knowledge, goal = setting(label, max_per_day, rules)
        suggest(request, week, first, before, after, knowledge, goal=goal)
        samples = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            suggest(request, week, first, before, after, knowledge, goal=goal)
            samples.append(time.perf_counter() - start)
        firsts.append(first_call)
        warms.append(statistics.median(samples))
        print(f"{describe(name, samples)}; first call {first_call * 1e3:.0f} ms; best {score}")
    print(
        f"slowest first call: {max(firsts) * 1e3:.0f} ms (target <= {FIRST_CALL_BUDGET * 1e3:.0f}"
        f" ms; {sum(f <= FIRST_CALL_BUDGET for f in firsts)} of {len(firsts)} within); "
        f"slowest warm median: {max(warms) * 1e3:.1f} ms (target <= {WARM_BUDGET * 1e3:.0f} ms)"
    )
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "planner.json"
        env = {**os.environ, "PLANNER_DB": str(database)}
        planner = Path(sys.executable).with_name("planner")
        subprocess.run(
            [str(planner), "set", "--week", "2026-W48", "mon=legs:heavy+run", "tue=push,pull"],
            env=env,
            capture_output=True,
            check=True,
        )
        _e2e(database)


if __name__ == "__main__":
    main()
