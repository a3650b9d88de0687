"""A user rules file that is valid, for the rules loading and validation tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

from rules import USER_RULES_FILENAME

GOOD_RULE = """
[[rules]]
id = "coach-no-long-run-after-legs"
type = "pair"
before = "legs"
after = "run"
kind = "con"
text = "Coach: no long run the day after legs"
detail = "My coach wants long runs on fresh legs."
source = "coaching"
weight = 3
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / USER_RULES_FILENAME
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path
