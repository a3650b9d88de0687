"""The training log's table (planner.store.logs): only what the planner writes is read;
anything else is damage, named, so a rewrite never drops what a user logged."""

from __future__ import annotations

import re
from typing import Any

import pytest

from planner.store import format as fmt

W48 = "202648"


def week(**days: Any) -> dict[str, Any]:
    return {W48: {"week": "2026-W48", **days}}


@pytest.mark.parametrize(
    ("logs", "reason"),
    [
        (week(mon={}), "is not a table of what was done and felt"),
        (week(mon=[]), "is not a table of what was done and felt"),
        (week(mon={"done": "legs:heavy", "mood": 3}), "unknown field 'mood' in a log entry"),
        (week(mon={"done": "legs"}), "invalid done day 'legs'"),  # attributes spelled out
        (week(mon={"done": "swim"}), "invalid done day 'swim'"),
        (week(mon={"done": 3}), "invalid done day 3"),
        (week(mon={"done": "legs:heavy", "rpe": [11]}), "invalid rpe [11]"),
        (week(mon={"done": "legs:heavy", "rpe": [7, 5]}), "invalid rpe [7, 5]"),
        (week(mon={"done": "legs:heavy", "rpe": [None]}), "invalid rpe [None]"),
        (week(mon={"done": "legs:heavy", "rpe": [True]}), "invalid rpe [True]"),
        (week(mon={"rpe": [7]}), "invalid rpe [7]"),  # nothing done: no effort
        (week(mon={"done": "legs:heavy", "minutes": [0]}), "invalid minutes [0]"),
        (week(mon={"done": "legs:heavy", "minutes": [601]}), "invalid minutes [601]"),
        (week(mon={"sore": {}}), "invalid soreness {}"),
        (week(mon={"sore": {"legs": "aching"}}), "invalid soreness 'legs': 'aching'"),
        (week(mon={"sore": {"legs": "none"}}), "invalid soreness 'legs': 'none'"),
        (week(mon={"sore": {"Legs": "sore"}}), "invalid soreness 'Legs': 'sore'"),
        (week(mon={"sleep": 0}), "invalid sleep 0"),
        (week(mon={"energy": 6}), "invalid energy 6"),
        (week(mon={"energy": "3"}), "invalid energy '3'"),
        (week(mo={"sleep": 3}), "unknown field 'mo' in the log of 2026-W48"),
        (week(), "the log of 2026-W48 holds no day"),
        ({W48: {"week": "2026-W49", "mon": {"sleep": 3}}}, "log document is not labelled 2026-W48"),
    ],
)
def test_a_log_the_planner_never_writes_is_damage(logs: dict[str, Any], reason: str) -> None:
    with pytest.raises(fmt.Damage, match=re.escape(reason)):
        fmt.validate({"meta": {"1": {"schema_version": 3}}, "logs": logs})


def test_logs_of_every_kind_are_valid() -> None:
    fmt.validate(
        {
            "meta": {"1": {"schema_version": 3}},
            "logs": week(
                mon={"done": "legs:heavy+run:easy", "rpe": [8, None], "minutes": [60, 30]},
                tue={"done": "rest"},
                wed={"sore": {"legs": "very", "back": "mild"}, "sleep": 1, "energy": 5},
                thu={"done": "push:moderate,pull:moderate", "sleep": 3},
            ),
        }
    )
