"""Training blocks in the file (schema version 4): each week's place in a block, one
document per ISO week, like ``weeks``::

    "blocks": {"202652": {"week": "2026-W52", "block": "2026-W50", "number": 3,
                          "weeks": 4, "deload": false}}

``block`` names the block by its first week; ``number`` is the week's place in it (1-based)
of ``weeks``; ``deload`` whether it is a deload week (planner.block). The functions here are
pure; planner.store.database reads and writes the table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from planner.block import BlockWeek
from planner.weeks import IsoWeek, WeekError

BLOCKS = "blocks"
WEEK_KEY = "week"
FIELDS = (WEEK_KEY, "block", "number", "weeks", "deload")


def document(label: str, mark: BlockWeek | None) -> dict[str, Any] | None:
    """A week's document; None when the week is in no block."""
    if mark is None:
        return None
    return {
        WEEK_KEY: label,
        "block": str(mark.start),
        "number": mark.number,
        "weeks": mark.weeks,
        "deload": mark.deload,
    }


def decode(doc: Mapping[str, Any] | None) -> BlockWeek | None:
    """The mark of a validated document."""
    if doc is None:
        return None
    return BlockWeek(IsoWeek.parse(doc["block"]), doc["number"], doc["weeks"], doc["deload"])


def validate(doc: Mapping[str, Any], label: str) -> None:
    """ValueError (the reason) unless ``doc`` is a blocks document labelled ``label``."""
    if doc.get(WEEK_KEY) != label:
        raise ValueError(f"block document is not labelled {label}")
    if tuple(sorted(doc)) != tuple(sorted(FIELDS)):
        raise ValueError(f"the block mark of {label} must hold exactly {', '.join(FIELDS)}")
    number, weeks, deload, start = doc["number"], doc["weeks"], doc["deload"], doc["block"]
    if type(number) is not int or type(weeks) is not int or type(deload) is not bool:
        raise ValueError(f"the block mark of {label} has a wrong number or deload flag")
    try:
        block = IsoWeek.parse(start) if isinstance(start, str) else None
    except WeekError:
        block = None
    if block is None or str(block) != start:
        raise ValueError(f"the block mark of {label} names no valid first week")
    try:
        mark = BlockWeek(block, number, weeks, deload)
    except ValueError as error:
        raise ValueError(f"the block mark of {label}: {error}") from None
    try:
        placed = str(block.shifted(number - 1))
    except WeekError:
        placed = None
    if placed != label:
        raise ValueError(f"{label} is not week {number} of the block from {start}")
    if document(label, mark) != dict(doc):
        raise ValueError(f"the block mark of {label} is not as the planner writes it")
