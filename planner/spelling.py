"""The one "did you mean" of the planner: a mistyped word (a command, a goal, a day, a
session, a template id, a format) is answered with the closest word it could have been,
at the end of the one-line refusal, so the fix is a copy away."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

CUTOFF = 0.6
# A word the command expects most is suggested when it is nearly as close as the closest.
PREFERRED_SLACK = 0.1
PREFERRED_CUTOFF = 0.5


def did_you_mean(word: str, choices: Iterable[str], prefer: Iterable[str] = ()) -> str:
    """``"; did you mean show?"`` for the closest of ``choices``, or ``""`` when none is
    close enough (difflib's ratio 0.6: one letter off in a short word, two swapped). Words
    of ``prefer`` (also offered) win when nearly as close: the command's own words (``dun``
    in ``planner log mon=dun`` is ``done`` rather than ``run``)."""
    typed = word.strip().lower()
    preferred = list(prefer)
    ratios = {
        choice: difflib.SequenceMatcher(None, typed, choice).ratio()
        for choice in (*preferred, *choices)
    }
    if not ratios:
        return ""
    best = max(ratios.values())
    for choice in preferred:
        close = ratios[choice]
        if close >= PREFERRED_CUTOFF and close >= best - PREFERRED_SLACK:
            return f"; did you mean {choice}?"
    close_ones = difflib.get_close_matches(typed, list(ratios), n=1, cutoff=CUTOFF)
    return f"; did you mean {close_ones[0]}?" if close_ones else ""
