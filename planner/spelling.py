"""The one "did you mean" of the planner: a mistyped word (a command, a goal, a day, a
session, a template id, a format) is answered with the closest word it could have been,
at the end of the one-line refusal, so the fix is a copy away."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean show?"`` for the closest of ``choices``, or ``""`` when none is
    close enough (difflib's ratio 0.6: one letter off in a short word, two swapped)."""
    close = difflib.get_close_matches(word.strip().lower(), list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else ""
