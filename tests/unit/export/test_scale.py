"""Exports of many weeks (issue 24, finding 8): the Markdown export grew by about 68 KB of
memory per week (3.9 GB for every supported week), and a JSON export of more than about 31k
weeks was larger than the 64 MiB an import reads, because it was indented. Every supported
week, end to end, is in ``bench export``; here, enough weeks to see the growth."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from planner.cli.files import READ_LIMIT
from planner.days import parse_day
from planner.plan import WeekPlan
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from tests.helpers import run_cli

# Each day two sessions, with the longest words: the largest week the planner can write.
HEAVIEST = tuple(
    parse_day(words)
    for words in (
        "push:moderate,pull:moderate",
        "legs:moderate+run:intervals",
        "pull:moderate+push:moderate",
        "run:intervals,legs:moderate",
        "push:moderate+legs:moderate",
        "legs:moderate,pull:moderate",
        "run:intervals+pull:moderate",
    )
)


def seeded(db: Path, count: int) -> None:
    first = IsoWeek(2000, 1)
    plans = [WeekPlan(first.shifted(n), FirstWeekday.MONDAY, HEAVIEST) for n in range(count)]
    with Store.open(db) as store:
        store.replace_weeks(plans)


def peak_bytes(db: Path, out: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> int:
    tracemalloc.start()
    try:
        outcome = run_cli(["export", "--format", fmt, "--db", str(db), "-o", str(out)], capsys)
        assert outcome.code == 0, outcome
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_the_markdown_export_streams_in_flat_memory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small, large = tmp_path / "small.json", tmp_path / "large.json"
    seeded(small, 40)
    seeded(large, 400)
    out = tmp_path / "out.md"
    peaks = [peak_bytes(db, out, capsys, "md") for db in (small, large)]
    # Ten times the weeks: what grows is the database read, not one section per week kept.
    growth_per_week = (peaks[1] - peaks[0]) / 360
    assert growth_per_week < 8_000, peaks
    assert out.read_text(encoding="utf-8").count("\n## ") == 400


def test_a_large_json_export_is_compact_and_reads_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, copy, out = tmp_path / "db.json", tmp_path / "copy.json", tmp_path / "export.json"
    seeded(db, 3000)
    assert (
        run_cli(["export", "--format", "json", "--db", str(db), "-o", str(out)], capsys).code == 0
    )
    text = out.read_text(encoding="utf-8")
    # One week per line, compact: every supported week (about 57,400) stays under the limit.
    assert len(text.splitlines()) == 3000 + 2
    assert len(text) / 3000 * 57_400 < READ_LIMIT * 0.8, len(text)
    assert len(json.loads(text)["weeks"]) == 3000
    assert run_cli(["import", str(out), "--db", str(copy)], capsys).code == 0
    again = run_cli(["export", "--format", "json", "--db", str(copy)], capsys).out
    assert again == text
