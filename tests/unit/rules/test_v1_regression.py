"""Sessions did not change the advice: with one session per day at its defaults, every
finding and score is what the release before sessions gave (recorded in the fixture)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from rules import Activity, consecutive_days, default_knowledge, evaluate

FIXTURE = Path(__file__).parents[2] / "fixtures" / "v1-evaluations.json"
START = datetime.date(2026, 11, 21)  # two context days, then Monday 23 Nov to Sunday 29 Nov
CASES = json.loads(FIXTURE.read_text())


def test_the_fixture_holds_every_pair_and_a_large_sample() -> None:
    pairs = {tuple(case["days"][2:4]) for case in CASES[:25]}
    assert len(pairs) == 25 and len(CASES) >= 1000


@pytest.mark.parametrize("chunk", range(5))
def test_findings_and_scores_are_those_of_the_release_before_sessions(chunk: int) -> None:
    knowledge = default_knowledge()
    for case in CASES[chunk::5]:
        days = consecutive_days(START, [None if a is None else Activity(a) for a in case["days"]])
        evaluation = evaluate(days, focus=(days[2].date, days[8].date), knowledge=knowledge)
        assert evaluation.score == case["score"], case["days"]
        assert [[f.rule_id for f in t.findings] for t in evaluation.transitions] == case[
            "transitions"
        ], case["days"]
        assert [f.rule_id for f in evaluation.week_findings] == case["week"], case["days"]
