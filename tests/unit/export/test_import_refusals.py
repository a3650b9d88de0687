"""What an import refuses that it once took (issue 24, finding 9): a repeating week out of
range or malformed, spaces around a word, digits other than ASCII, null attributes. Each is
one line naming where it is, exit 2, and the database unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import assert_refused, run_cli, seed

LEGS = {"kind": "legs", "intensity": "heavy"}
RUN = {"kind": "run", "type": "easy"}
ONE_DAY = {"mon": {"sessions": [LEGS], "rest": False}}


def export(
    weeks: list[dict[str, Any]] | None = None, settings: dict[str, Any] | None = None
) -> str:
    document: dict[str, Any] = {
        "format": "planner-export",
        "version": 2,
        "weeks": [{"week": "2026-W48", "days": ONE_DAY}] if weeks is None else weeks,
    }
    if settings is not None:
        document["settings"] = settings
    return json.dumps(document, ensure_ascii=False)


def week(name: str = "2026-W48", days: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    return [{"week": name, "days": ONE_DAY if days is None else days}]


def monday(day: dict[str, Any]) -> list[dict[str, Any]]:
    return week(days={"mon": day})


CASES = [
    (export(settings={"repeat_week": "3000-W01"}), "repeat_week", "outside the weeks"),
    (export(settings={"repeat_week": "1899-W52"}), "repeat_week", "outside the weeks"),
    (export(settings={"repeat_week": "2026-W54"}), "repeat_week", "invalid repeat_week"),
    (export(settings={"repeat_week": " 2026-W48"}), "repeat_week", "invalid repeat_week"),
    (export(settings={"repeat_week": "２０２６-W48"}), "repeat_week", "invalid repeat_week"),
    (export(settings={"repeat_week": None}), "repeat_week", "null"),
    (export(settings={"theme": None}), "theme", "null"),
    (export(week(" 2026-W48")), "weeks[0]", "' 2026-W48'"),
    (export(week("2026-W48 ")), "weeks[0]", "'2026-W48 '"),
    (export(week("２０２６-W48")), "weeks[0]", "'２０２６-W48'"),
    (export(week("2026-W٤٨")), "weeks[0]", "'2026-W٤٨'"),
    (export(week(days={" mon": ONE_DAY["mon"]})), "2026-W48", "' mon'"),
    (
        export(monday({"sessions": [{"kind": "legs", "intensity": None}], "rest": False})),
        "2026-W48",
        "null",
    ),
    (
        export(monday({"sessions": [{"kind": "run", "type": None}], "rest": False})),
        "2026-W48",
        "null",
    ),
    (export(monday({"sessions": [LEGS], "rest": False, "together": None})), "2026-W48", "together"),
    (
        export(monday({"sessions": [{"kind": " legs", "intensity": "heavy"}], "rest": False})),
        "2026-W48",
        "' legs'",
    ),
    (
        export(monday({"sessions": [{"kind": "legs", "intensity": "heavy "}], "rest": False})),
        "2026-W48",
        "'heavy '",
    ),
]


@pytest.mark.parametrize(
    ("text", "where", "message"),
    CASES,
    ids=[
        "repeat 3000",
        "repeat 1899",
        "repeat W54",
        "repeat space",
        "repeat fullwidth",
        "repeat null",
        "theme null",
        "week leading space",
        "week trailing space",
        "week fullwidth digits",
        "week arabic-indic digits",
        "day key space",
        "intensity null",
        "type null",
        "together null",
        "kind space",
        "intensity space",
    ],
)
def test_an_import_refuses_in_one_line_and_changes_nothing(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    where: str,
    message: str,
) -> None:
    seed(db_path, {"2026-W47": {"mon": "run"}})
    assert run_cli(["repeat", "--week", "2026-W47", "--db", str(db_path)], capsys).code == 0
    before = db_path.read_bytes()
    source = tmp_path / "f.json"
    source.write_text(text, encoding="utf-8")
    outcome = run_cli(["import", str(source), "--db", str(db_path)], capsys)
    assert_refused(outcome, "f.json: ")
    assert where in outcome.err and message in outcome.err, outcome.err
    assert db_path.read_bytes() == before
