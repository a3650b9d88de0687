"""No control character from a file reaches the terminal: a rule of the user's own whose text
and citation hold every C0 and C1 control is printed with them escaped by ``planner show``
and the exports, and ``show --json`` keeps the text exact, as JSON escapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.locations import config_dir
from planner.text_safety import printable
from rules import load_knowledge
from tests.helpers import GOOD_RULE, run_cli, seed

# Every C0 control, DEL and every C1 control. A rule's text is one line, so "\n" cannot be in
# it (the loader refuses it), and the loader folds whitespace (\t, \r, \x1c-\x1f, \x85...)
# into single spaces; every other control stays in the text.
CONTROLS = [chr(code) for code in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))]
IN_RULES = [control for control in CONTROLS if control != "\n"]
TOML_ESCAPED = "".join(f"\\u{ord(control):04x}" for control in IN_RULES)


@pytest.fixture
def rules_file() -> Path:
    path = config_dir() / "rules.toml"
    path.parent.mkdir(parents=True)
    rule = GOOD_RULE.replace(
        '"Coach: no long run the day after legs"', f'"Coach{TOML_ESCAPED} end"'
    ).replace('source = "coaching"', 'source = "mine"')
    path.write_text(
        f'[sources.mine]\nkind = "guideline"\ntitle = "Mine"\n'
        f'citation = "notes{TOML_ESCAPED} end"\n{rule}',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def seeded(db_path: Path) -> Path:
    seed(db_path, {"2026-W48": {"mon": "legs", "tue": "run"}})
    return db_path


def _controls_in(text: str, allowed: str = "\n") -> set[str]:
    return {char for char in text if char in CONTROLS and char not in allowed}


def test_the_rule_really_holds_the_controls(rules_file: Path) -> None:
    rule = load_knowledge(rules_file).rule("coach-no-long-run-after-legs")
    kept = {char for char in rule.text if char in CONTROLS}
    assert "\x1b" in kept and "\x00" in kept and "\x9b" in kept and "\x7f" in kept
    assert len(kept) > 50


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "--week", "2026-W48"],
        ["export", "--format", "md"],
        ["export", "--format", "ics"],
    ],
    ids=" ".join,
)
def test_the_controls_are_printed_escaped(
    argv: list[str], rules_file: Path, seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_cli(["--db", str(seeded), *argv], capsys)
    assert outcome.code == 0, outcome
    assert "Coach" in outcome.out.replace("\r\n ", "")  # the rule is there (ics folds lines)
    assert _controls_in(outcome.out, allowed="\r\n" if "ics" in argv else "\n") == set()
    assert "\\x1b" in outcome.out.replace("\r\n ", "")
    assert outcome.err == ""


def test_show_json_keeps_the_text_exact_as_json_escapes(
    rules_file: Path, seeded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON is for scripts: the text they read back is the rule's text, character for
    character; the C1 controls and DEL, which json.dumps writes raw with ensure_ascii=False,
    are written as \\u escapes too."""
    outcome = run_cli(["--db", str(seeded), "show", "--week", "2026-W48", "--json"], capsys)
    assert outcome.code == 0, outcome
    assert _controls_in(outcome.out) == set()
    rule = load_knowledge(rules_file).rule("coach-no-long-run-after-legs")
    findings = [f for t in json.loads(outcome.out)["transitions"] for f in t["findings"]]
    (mine,) = [f for f in findings if f["rule"] == rule.id]
    assert mine["text"] == rule.text
    assert mine["source"].startswith("notes") and "\x9b" in mine["source"]
    assert "\\u009b" in outcome.out and "\\u007f" in outcome.out


def test_printable_escapes_every_control_and_nothing_else() -> None:
    for control in CONTROLS:
        assert _controls_in(printable(f"a{control}b"), allowed="") == set()
    assert printable("\x1b]0;PWNED\x07") == "\\x1b]0;PWNED\\x07"
    assert printable("Prêt · à — courir ✓") == "Prêt · à — courir ✓"
