"""``planner export --format md``: a heading, a table of days, the score and the advice per
week, with rule texts kept literal."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from planner.export.markdown import escape
from tests.helpers import run_cli, seed

WEEKS = {
    "2026-W48": {
        "mon": "legs:heavy+run",
        "tue": "run:tempo",
        "wed": "push,pull:light",
        "sun": "rest",
    },
    "2026-W50": {"wed": "push"},
}


def export_md(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    outcome = run_cli(["export", "--format", "md", "--db", str(db), *argv], capsys)
    assert (outcome.code, outcome.err) == (0, "")
    return outcome.out


def test_a_section_per_week_with_table_score_and_advice(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, WEEKS)
    text = export_md(db_path, capsys)
    lines = text.splitlines()
    assert lines[0] == "# Training weeks"
    assert [line for line in lines if line.startswith("## ")] == [
        "## 2026-W48 (Mon 23 Nov – Sun 29 Nov 2026)",
        "## 2026-W50 (Mon 7 Dec – Sun 13 Dec 2026)",
    ]
    start = lines.index("## 2026-W48 (Mon 23 Nov – Sun 29 Nov 2026)")
    assert lines[start + 2 : start + 11] == [
        "| Day | Date | Training |",
        "| --- | --- | --- |",
        "| Mon | 2026-11-23 | Legs (heavy), then an easy run in the evening |",
        "| Tue | 2026-11-24 | Run (tempo) |",
        "| Wed | 2026-11-25 | Push (moderate), then a light pull session straight after |",
        "| Thu | 2026-11-26 | Nothing planned |",
        "| Fri | 2026-11-27 | Nothing planned |",
        "| Sat | 2026-11-28 | Nothing planned |",
        "| Sun | 2026-11-29 | Rest day |",
    ]
    shown = json.loads(run_cli(["show", "--json", "--db", str(db_path)], capsys).out)
    week = text.split("## 2026-W48", 1)[1].split("\n## ", 1)[0]
    week_lines = week.splitlines()
    # The goal, the score, and every reason with its points, in show's order.
    assert "Goal: general fitness" in week_lines
    assert f"Score {shown['score']}/100  ·  planned 4/7  ·  rest 1" in week_lines
    reasons = week.split("### Where the score comes from\n\n", 1)[1].split("\n\n", 1)[0]
    assert reasons.splitlines() == [
        f"- **{r['points']:+d}** {escape(r['text'])} *({escape(r['source'])})*"
        for r in shown["reasons"]
    ]
    assert reasons
    assert "- **Mon 23 Nov → Tue 24 Nov**" in week_lines
    assert "  - **- con** " in text and "- **+ pro** " in text and "  - **i tip** " in text
    assert "*(Can You Run After Leg Day?)*" in text
    assert week.index("### This week") < week.index("### Transitions")
    # A document, not a screen: no hint to plan days, and a transition to or from an
    # unplanned day with nothing to say is left out.
    assert "Plan both days" not in text
    assert "- **Wed 25 Nov → Thu 26 Nov**" not in week_lines


def test_the_goal_is_the_stored_one(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed(db_path, WEEKS)
    assert run_cli(["goal", "hybrid", "--db", str(db_path)], capsys).code == 0
    text = export_md(db_path, capsys)
    assert text.count("\nGoal: hybrid (strength and endurance)\n") == 2


def test_the_days_are_in_words_a_person_reads(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": {"mon": "pull:heavy+run:intervals"}})
    text = export_md(db_path, capsys)
    assert "| Mon | 2026-11-23 | Pull (heavy), then an interval run in the evening |" in text
    table = [line for line in text.splitlines() if line.startswith("| ")]
    assert not any(mark in line for line in table for mark in ("+", ":", "unplanned"))


def test_it_renders_as_a_table_per_week(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed(db_path, WEEKS)
    html = MarkdownIt("commonmark").enable("table").render(export_md(db_path, capsys))
    tables = re.findall(r"<table>(.*?)</table>", html, re.DOTALL)
    assert len(tables) == 2
    for table in tables:
        header = re.findall(r"<th>(.*?)</th>", table)
        assert header == ["Day", "Date", "Training"]
        rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", table)
        assert [day for day, _, _ in rows] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    cells = re.findall(r"<td>(.*?)</td>", tables[0])
    assert "Legs (heavy), then an easy run in the evening" in cells
    assert "<h3>Where the score comes from</h3>" in html
    assert "<p>Goal: general fitness</p>" in html
    assert "<strong>- con</strong>" in html  # a mark, not a nested list


def test_an_empty_range_says_so(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed(db_path, WEEKS)
    assert export_md(db_path, capsys, "--from", "2027-W01") == (
        "# Training weeks\n\nNo planned weeks in this range.\n"
    )


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Legs then run", "Legs then run"),
        (
            "*bold* _it_ [link](x) <b> `c` a|b #1",
            r"\*bold\* \_it\_ \[link\](x) \<b\> \`c\` a\|b \#1",
        ),
    ],
)
def test_rule_texts_are_escaped(text: str, escaped: str) -> None:
    assert escape(text) == escaped
