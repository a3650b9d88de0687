"""rules/README.md stays true: its ranking table is what the engine scores, and its worked
example of a user rule file does what the README says."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from planner.days import parse_day
from rules import Day, Goal, Kind, evaluate, load_knowledge
from tests.helpers import judge_words as judge

README = Path(__file__).resolve().parents[3] / "rules" / "README.md"


def _between(text: str, name: str) -> str:
    return text.split(f"<!-- {name}: start -->", 1)[1].split(f"<!-- {name}: end -->", 1)[0]


def table_rows() -> list[tuple[str, str, list[int]]]:
    rows = []
    for line in _between(README.read_text(), "ranking table").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 7 or cells[0] in ("week", "---"):
            continue
        rows.append((cells[0], cells[1].strip("`"), [int(cell) for cell in cells[2:]]))
    return rows


def render_row(name: str, words: str) -> str:
    scores = [judge(words.split(), goal).score for goal in Goal]
    return f"| {name} | `{words}` | " + " | ".join(str(s) for s in scores) + " |"


def test_the_ranking_table_is_what_the_engine_scores() -> None:
    rows = table_rows()
    assert len(rows) >= 10
    assert [goal.value for goal in Goal] == ["general", "muscle", "strength", "endurance", "hybrid"]
    expected = "\n".join(render_row(name, words) for name, words, _ in rows)
    found = "\n".join(
        f"| {name} | `{words}` | " + " | ".join(str(s) for s in scores) + " |"
        for name, words, scores in rows
    )
    assert found == expected, (
        "rules/README.md's ranking table is stale; it should read:\n" + expected
    )


def test_the_worked_week_is_what_the_engine_says() -> None:
    """The model section's worked week: its reasons, their points and the score."""
    block = _between(README.read_text(), "worked week")
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in block.strip().splitlines()[2:]
    ]
    *reasons, (total, _) = rows
    evaluation = judge(
        ["legs:heavy+run", "push,pull", "run:intervals", "rest", "legs", "push,pull", "run:long"],
        Goal.HYBRID,
    )
    assert [(int(points), text) for points, text in reasons] == [
        (reason.points, reason.finding.text) for reason in evaluation.reasons
    ]
    assert int(total.strip("*")) == evaluation.score == sum(r.points for r in evaluation.reasons)


def test_the_worked_example_does_what_the_readme_says(tmp_path: Path) -> None:
    block = _between(README.read_text(), "worked example")
    toml = re.search(r"```toml\n(.*?)```", block, re.S)
    assert toml is not None
    path = tmp_path / "rules.toml"
    path.write_text(toml.group(1), encoding="utf-8")
    knowledge = load_knowledge(path)
    monday = datetime.date(2026, 11, 23)
    days = [
        Day(monday - datetime.timedelta(days=1), parse_day("rest")),
        Day(monday, parse_day("legs:heavy")),
        Day(monday + datetime.timedelta(days=1), parse_day("run:tempo")),
    ]
    evaluation = evaluate(days, knowledge=knowledge, goal=Goal.ENDURANCE)
    tuesday = evaluation.transitions[-1].findings
    mine = [f for f in tuesday if f.rule_id == "coach-tempo-after-heavy-legs"]
    assert len(mine) == 1
    assert mine[0].kind is Kind.CON
    assert mine[0].text == "A tempo run 24 h after heavy legs? Not on my plan"
    assert mine[0].source.citation == "my coach"
    assert mine[0].weight == 9
    ids = {f.rule_id for f in tuesday}
    assert "hard-run-on-lifted-legs" not in ids
    assert "legs-then-run-compression" not in ids
    assert "hard-run-on-lifted-legs" in {
        f.rule_id
        for f in evaluate(days, knowledge=load_knowledge(None), goal=Goal.ENDURANCE)
        .transitions[-1]
        .findings
    }
