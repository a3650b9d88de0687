"""Suggest: the best weeks holding the sessions a user asks for, exactly, by the panel's score.

- ``search``: :func:`suggest`, ``arrangements`` and the tie order;
- ``exact``: the exact best-first search over the days, on the engine's own functions;
- ``request``: what a request asks for (sessions with attributes, pins, two a day), and
  why one can be impossible;
- ``words``: the words of a request (``legs:heavy=1``, ``sat=run:long``);
- ``differences``: what makes one suggestion differ from another.
"""

from planner.suggest.request import SuggestError, SuggestRequest, check_request, day_index
from planner.suggest.search import (
    TIE_ORDER,
    TIME_LIMIT,
    Suggestion,
    Suggestions,
    arrangements,
    keep_yours,
    suggest,
    tie_key,
    unfinished,
)

__all__ = [
    "TIE_ORDER",
    "TIME_LIMIT",
    "SuggestError",
    "SuggestRequest",
    "Suggestion",
    "Suggestions",
    "arrangements",
    "check_request",
    "day_index",
    "keep_yours",
    "suggest",
    "tie_key",
    "unfinished",
]
