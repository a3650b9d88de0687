"""``planner export --format md``: a heading, a table of days, the score and the advice per
week, with rule texts kept literal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.export.markdown import escape
from tests.helpers import run_cli, seed

WEEKS = {
    "2026-W48": {"mon": "legs", "tue": "run:tempo", "wed": "push", "sun": "rest"},
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
        "| day | date | activity |",
        "| --- | --- | --- |",
        "| Mon | 2026-11-23 | legs |",
        "| Tue | 2026-11-24 | run:tempo |",
        "| Wed | 2026-11-25 | push |",
        "| Thu | 2026-11-26 | unplanned |",
        "| Fri | 2026-11-27 | unplanned |",
        "| Sat | 2026-11-28 | unplanned |",
        "| Sun | 2026-11-29 | rest |",
    ]
    shown = json.loads(run_cli(["show", "--json", "--db", str(db_path)], capsys).out)
    assert f"Score {shown['score']}/100  ·  planned 4/7  ·  rest 1" in lines
    assert "- **Mon 23 Nov → Tue 24 Nov  legs → run:tempo**" in lines
    assert "  - **- con** " in text and "- **+ pro** " in text and "  - **i tip** " in text
    assert "*(Can You Run After Leg Day?)*" in text
    assert "  - Plan both days to see advice." in lines
    assert text.index("### This week") < text.index("### Transitions")


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
