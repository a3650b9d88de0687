"""One line of the advice panel: the smallest fix of the shown week (planner/fix.py), with
the score before and after, and the key that makes it.

The search judges every single change (about 60 ms for a week of two-session days; a key
press has 16 ms), so it runs in a worker on the event loop that gives way to key presses
between candidates. A new week (any edit, another week, another goal) replaces the line
at once with "looking", in the same frame as the edit, and the previous search is
cancelled and its result ignored: the line never shows the fix of another week.
"""

from __future__ import annotations

import asyncio

from textual import work

from planner.advice import JudgedWeek
from planner.fix import Fix, FixSearch, describe_change
from planner.plan import WeekPlan
from rules import KnowledgeBase
from screens.text import literal
from screens.widgets.text_block import TextBlock

# Candidates judged between two turns of the event loop (about 1.5 ms), so a key press
# waits at most that long for the search to give way.
CANDIDATES_PER_TURN = 2
FIX_KEY = "f"

LOOKING = "[$foreground-muted]Smallest fix: looking…[/]"
NO_FIX = "[$foreground-muted]Smallest fix: none, no single change raises the score[/]"
NOTHING_PLANNED = ""


def render_fix(fix: Fix | None, plan: WeekPlan) -> str:
    """``Fix swap mon legs and wed run  score 61 → 68  (f applies)``; ``plan`` is the week
    the fix changes."""
    if fix is None:
        return NOTHING_PLANNED if plan.is_empty else NO_FIX
    change = literal(describe_change(fix.change, plan))
    return (
        f"[b]Fix[/b] {change}  score {fix.before} → [$success b]{fix.after}[/]"
        f"  [$foreground-muted]([b]{FIX_KEY}[/b] applies)[/]"
    )


class FixLine(TextBlock):
    """The smallest fix of the week last given to :meth:`follow`."""

    DEFAULT_CSS = """
    FixLine {
        padding: 0 1 0 0;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._view: JudgedWeek | None = None
        self._search: FixSearch | None = None

    def follow(self, view: JudgedWeek, knowledge: KnowledgeBase) -> None:
        """Show the fix of ``view`` (judged for ``view.summary.goal``): at once if there is
        nothing to search, else "looking" until the worker has judged every candidate.
        The same view again (a move of the selection) changes nothing."""
        if view is self._view:
            return
        self._view = view
        search = self._search = FixSearch(
            view.plan, view.before, view.after, knowledge, view.summary.goal
        )
        if view.plan.is_empty:
            search.run()  # no candidate: nothing to wait for
            self.show(render_fix(search.result, view.plan))
            return
        self.show(LOOKING)
        self._search_in_turns(search)

    # A worker per search; a new one cancels the one before (exclusive).
    @work(group="fix", exclusive=True)
    async def _search_in_turns(self, search: FixSearch) -> None:
        while not search.step(CANDIDATES_PER_TURN):
            await asyncio.sleep(0)
            if search is not self._search:  # another week is shown: drop this one
                return
        self._finished(search)

    def _finished(self, search: FixSearch) -> None:
        if search is self._search:
            self.show(render_fix(search.result, search.plan))

    def fix_for(self, view: JudgedWeek, knowledge: KnowledgeBase) -> Fix | None:
        """The fix of ``view``, now: what the search found, finished here if the worker has
        not finished it yet (the fix key never waits, never applies another week's fix)."""
        self.follow(view, knowledge)
        search = self._search
        assert search is not None
        search.run()
        self._finished(search)
        return search.result
