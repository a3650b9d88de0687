"""What a crafted import file cannot do: repeat a key unnoticed, or reach the terminal with
control characters through an error message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.export.json import TransferError, read_export
from planner.text_safety import printable
from tests.helpers import assert_refused, run_cli, seed

CONTROLS = [chr(code) for code in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))]
ATTACK = "\x1b]0;PWNED\x07\x1b[2J"


def export_text(weeks: object, **fields: object) -> str:
    return json.dumps({"format": "planner-export", "version": 1, "weeks": weeks, **fields})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"format": "planner-export", "version": 1, "weeks": [{"week": "2026-W48", '
            '"days": {"mon": "push", "mon": "pull"}}]}',
            'f.json: "mon" appears twice in one object; keep one',
        ),
        (
            '{"format": "planner-export", "version": 1, "version": 1, "weeks": []}',
            '"version" appears twice',
        ),
        (
            '{"format": "planner-export", "version": 1, "weeks": [], '
            '"settings": {"first_weekday": "monday", "first_weekday": "sunday"}}',
            '"first_weekday" appears twice',
        ),
    ],
    ids=["day", "top", "settings"],
)
def test_a_repeated_key_is_refused(text: str, message: str) -> None:
    with pytest.raises(TransferError, match=message):
        read_export(text, "f.json")


def test_a_repeated_day_writes_nothing(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_path, {"2026-W48": {"tue": "legs"}})
    before = db_path.read_bytes()
    source = tmp_path / "f.json"
    source.write_text(
        '{"format": "planner-export", "version": 1, '
        '"weeks": [{"week": "2026-W48", "days": {"mon": "push", "mon": "pull"}}]}'
    )
    outcome = run_cli(["import", str(source), "--db", str(db_path)], capsys)
    assert_refused(outcome, '"mon" appears twice in one object')
    assert db_path.read_bytes() == before


def crafted(control: str) -> list[str]:
    """Files that put ``control`` where each kind of message quotes the file."""
    text = f"x{control}{ATTACK}"
    return [
        export_text([{"week": text, "days": {"mon": "legs"}}]),
        export_text([{"week": "2026-W48", "days": {text: "legs"}}]),
        export_text([{"week": "2026-W48", "days": {"mon": text}}]),
        export_text([{"week": "2026-W48", "days": {"mon": "legs"}, text: 1}]),
        export_text([], settings={"first_weekday": text}),
        export_text([], settings={"theme": text}),
        export_text([], **{text: 1}),
        '{"format": "planner-export", "version": 1, "weeks": [], '
        + json.dumps(text)
        + ": 1, "
        + json.dumps(text)
        + ": 2}",
        json.dumps({"format": text}),
    ]


def has_control(text: str) -> bool:
    return any(character in CONTROLS for character in text)


@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_no_control_character_reaches_the_terminal(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], control: str
) -> None:
    for number, text in enumerate(crafted(control)):
        source = tmp_path / f"crafted{number}.json"
        source.write_text(text, encoding="utf-8")
        outcome = run_cli(["import", str(source), "--db", str(db_path)], capsys)
        assert outcome.code == 2, (number, outcome)
        line = outcome.err.removesuffix("\n")
        assert not has_control(line), (number, line)
        assert "PWNED" in line or number == 8, (number, line)  # the text is shown, escaped
    assert not db_path.exists()


def test_printable_escapes_exactly_the_controls() -> None:
    for control in CONTROLS:
        shown = printable(f"a{control}b")
        assert not has_control(shown)
        assert shown.startswith("a\\") and shown.endswith("b")
    kept = "plain text, accents é ü, symbols → ★ \\ and quotes '\""
    assert printable(kept) == kept
    assert printable("\t\n\r\x1b\x9b") == "\\t\\n\\r\\x1b\\x9b"


def test_a_file_name_with_controls_is_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_cli(["import", str(tmp_path / f"missing{ATTACK}.json")], capsys)
    assert_refused(outcome, "missing\\x1b]0;PWNED\\x07\\x1b[2J.json")
    assert not has_control(outcome.err.removesuffix("\n"))
