"""One line of the advice panel: the smallest fix of the shown week (planner/fix.py), with
the score before and after, and the key that makes it.

The search judges every single change (about 3 ms for a week of two-session days, bench
fix; it would fit a key press's 16 ms), yet it runs in a worker on the event loop that
gives way to key presses after each candidate, and only once the week has stayed the same
for SEARCH_DELAY: the frame that shows an edit is painted first, and typing a week
searches once, at the end, not after every key. A new week (any edit, another week,
another goal) replaces the line at once with "looking", in the same frame as the edit, and
the previous search is cancelled and its result ignored: the line never shows the fix of
another week.

The line is as high as what it says, whole (none for a week with nothing planned), but
"looking" keeps the rows the line had: a key press then never costs a new
layout, and the advice under it does not jump twice per edit. Only a found fix (or none)
that wraps to another number of lines changes the height, once, when it is shown.
"""

from __future__ import annotations

import asyncio
from functools import partial

from textual import work
from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget

from planner.fix import Fix, FixSearch, describe_change
from planner.plan import WeekPlan
from screens.keys import key_of
from screens.text import literal
from screens.view_state import WeekViewState
from screens.widgets.text_block import parse_markup

# Candidates judged between two turns of the event loop (well under a millisecond), so a
# key press waits at most that long for the search to give way.
CANDIDATES_PER_TURN = 1
# Seconds the shown week must stay the same before its search starts.
SEARCH_DELAY = 0.05

_HEADING = f"[b]Fix[/b] ([b]{key_of('apply_fix')}[/b]):"
LOOKING = f"{_HEADING} [$readable-muted]looking…[/]"
NO_FIX = "[$readable-muted]No single change raises the score.[/]"
NOTHING_PLANNED = ""


def render_fix(fix: Fix | None, plan: WeekPlan, *, why: bool = True) -> str:
    """``Fix (f): swap mon legs and wed run, score 61 → 68 · clears: ...``; ``plan`` is the
    week the fix changes; without ``why``, no "clears"/"earns"."""
    if fix is None:
        return NOTHING_PLANNED if plan.is_empty else NO_FIX
    change = literal(describe_change(fix.change, plan))
    said = f" [$readable-muted]· {literal(fix.why)}[/]" if why and fix.why else ""
    return f"{_HEADING} {change}, score {fix.before} → [$readable-success b]{fix.after}[/]{said}"


class FixLine(Widget):
    """The smallest fix of the week last given to :meth:`follow`, as many rows high as it
    has lines (see the module's notes)."""

    # One row to start with: what most fixes, and "no fix", take.
    DEFAULT_CSS = """
    FixLine {
        height: 1;
        padding: 0 1 0 0;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.markup_text = ""
        self._content = parse_markup("")
        # The same fix without what it clears or earns: shown instead when the whole line
        # would take more rows (the panel under it is short at 80x24).
        self._short: str | None = None
        self._version: int | None = None  # of the view whose fix is shown
        self._search: FixSearch | None = None
        self._start: Timer | None = None
        self._rows = 1  # as in DEFAULT_CSS until the first text

    @property
    def searching(self) -> bool:
        """True from a new week until its fix is shown."""
        return self._search is not None and self.markup_text == LOOKING

    def render(self) -> Content:
        return self._content

    def show(self, markup: str, short: str | None = None) -> None:
        """Show ``markup``; or ``short`` when it is given and takes fewer rows."""
        if markup != self.markup_text or short != self._short:
            self.markup_text = markup
            self._short = short
            self._content = parse_markup(markup)
            if not self._fit_rows():
                self.refresh()

    def on_resize(self) -> None:
        if not self._fit_rows():  # the text may wrap to another number of lines
            self.refresh()

    def _fit_rows(self) -> bool:
        """Make the line as high as its text needs, "looking" as high as it was; True if
        that changed the height (a new layout, which repaints the line too)."""
        if not self.markup_text:
            rows = 0
        elif self.markup_text == LOOKING:
            rows = max(self._rows, 1)
        else:
            width = self.content_region.width
            whole = parse_markup(self.markup_text)
            rows = len(whole.wrap(width)) if width > 0 else 1
            self._content = whole
            if self._short is not None and width > 0:
                short = parse_markup(self._short)
                fewer = len(short.wrap(width))
                if fewer < rows:
                    rows, self._content = fewer, short
        if rows == self._rows:
            return False
        self._rows = rows
        self.styles.height = rows
        return True

    def follow(self, state: WeekViewState) -> None:
        """Show the fix of the judged week of ``state`` (judged for its goal): at once if
        there is nothing to search, else "looking" until the worker has judged every
        candidate. The same version again (a move of the selection) changes nothing."""
        if state.version == self._version:
            return
        self._version = state.version
        view = state.judged
        search = self._search = FixSearch(
            view.plan,
            view.before,
            view.after,
            state.knowledge,
            view.summary.goal,
            view.logs,
            state.today,
        )
        if view.plan.is_empty:
            search.run()  # no candidate: nothing to wait for
            self._show_fix(search.result, view.plan)
            return
        self.show(LOOKING)
        self.workers.cancel_group(self, "fix")
        if self._start is not None:
            self._start.stop()
        self._start = self.set_timer(SEARCH_DELAY, partial(self._search_in_turns, search))

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
            self._show_fix(search.result, search.plan)

    def _show_fix(self, fix: Fix | None, plan: WeekPlan) -> None:
        self.show(render_fix(fix, plan), render_fix(fix, plan, why=False))

    def fix_for(self, state: WeekViewState) -> Fix | None:
        """The fix of ``state``'s week, now: what the search found, finished here if the
        worker has not finished it yet (the fix key never waits, never applies another
        week's fix)."""
        self.follow(state)
        search = self._search
        assert search is not None
        search.run()
        self._finished(search)
        return search.result
