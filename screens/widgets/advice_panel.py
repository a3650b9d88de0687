"""The advice panel: the verdict on top (score, goal, the reasons that move the score most)
and the smallest fix, always in view; under them either the selected day's transitions in
brief (where a low terminal has the panel under the grid) or the scrolling list of the
week's own findings and every transition touching the shown week, with pros, cons and tips
and where each comes from. The transitions into and out of the selected day are expanded:
every tip, and each finding's longer detail. The words are :mod:`advice_text`'s."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import date
from functools import partial

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message

from rules import Transition
from screens.view_state import WeekViewState
from screens.widgets.advice_list import AdviceList
from screens.widgets.advice_text import (
    SHOWN_REASONS,
    Entry,
    render_brief,
    render_transition,
    render_verdict,
    render_week,
)
from screens.widgets.fix_line import FixLine
from screens.widgets.hanging_text import HangingText, Line, height
from screens.widgets.kept_lines import KeptLines


def advice_day(state: WeekViewState) -> date:
    """The day whose transitions the panel expands: the selected one, or past the end of
    the week its last day (the one just typed)."""
    return state.plan.dates[min(state.typing.selected, len(state.plan.dates) - 1)]


def day_transitions(state: WeekViewState, day: date) -> list[Transition]:
    return [t for t in state.judged.evaluation.transitions if day in (t.before.date, t.after.date)]


class AdvicePanel(Vertical):
    """``show_state`` replaces everything in the same frame."""

    DEFAULT_CSS = """
    AdvicePanel {
        height: 1fr;
        border-left: vkey $panel-lighten-2;
        padding: 0 0 0 1;
        border-title-color: $readable-muted;
    }
    AdvicePanel:focus-within {
        border-left: vkey $accent;
        border-title-color: $accent;
    }
    #verdict {
        padding: 1 1 1 0;
        border-bottom: hkey $panel-lighten-2;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # A transition's lines by the view's version, its place and whether it is expanded:
        # a move of the selection renders again only the two or three whose detail changed.
        self._entries: KeptLines[tuple[int, int, bool], Entry] = KeptLines(128)
        # ...and by what the transition says: an edit renders again only the transitions it
        # changed (the others are equal, in a new version of the view).
        self._said: KeptLines[tuple[Transition, bool, tuple[date, date]], Entry]
        self._said = KeptLines(128)
        self._week: KeptLines[int, Entry] = KeptLines(4)  # the week's own, by version

    def compose(self) -> ComposeResult:
        # Kept, not queried: shown on every key press.
        self.verdict = HangingText(id="verdict")
        self.fix_line = FixLine(id="fix-line")
        self.brief = DayBrief(id="day-brief")
        self.list = AdviceList()
        yield self.verdict
        yield self.fix_line
        yield self.brief
        yield self.list

    def week_lines(self, state: WeekViewState) -> Entry:
        """The week's own findings (:func:`render_week`), kept for the view's version."""
        return self._week.get(state.version, lambda: render_week(state.judged.summary))

    def _said_lines(
        self, transition: Transition, detailed: bool, shown: tuple[date, date]
    ) -> Entry:
        render = partial(render_transition, transition, detailed=detailed, shown=shown)
        return self._said.get((transition, detailed, shown), render)

    def show_state(
        self, state: WeekViewState, *, week_beside: bool, reasons: int = SHOWN_REASONS
    ) -> None:
        """``week_beside``: the week's own findings are shown elsewhere (under the grid);
        ``reasons``: how many the verdict names."""
        summary = state.judged.summary
        self.verdict.show(render_verdict(summary, proposed=state.proposed, reasons=reasons))
        self.fix_line.follow(state)
        dates = state.plan.dates
        shown, day, version = (dates[0], dates[-1]), advice_day(state), state.version
        entries: list[tuple[Hashable, Entry]] = []
        if not week_beside:
            entries.append(((version, -1, False), self.week_lines(state)))
        focus: int | None = None
        for index, transition in enumerate(state.judged.evaluation.transitions):
            detailed = day in (transition.before.date, transition.after.date)
            if detailed and focus is None:
                focus = len(entries)
            key = (version, index, detailed)
            entry = self._entries.get(key, partial(self._said_lines, transition, detailed, shown))
            entries.append((key, entry))
        self.list.show(entries, focus=focus)
        if self.brief.display:
            self.brief.show_state(state)


class DayBrief(HangingText):
    """The selected day's transitions in brief (heading and first con), under the verdict
    where the advice list has no room. As tall as the tallest day of the week, so moving the
    selection repaints it without a new layout."""

    DEFAULT_CSS = """
    DayBrief {
        display: none;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # (version, width) -> each day's lines, padded to the tallest
        self._days: KeptLines[tuple[int, int], tuple[tuple[Line, ...], ...]] = KeptLines(2)
        self._state: WeekViewState | None = None

    def show_state(self, state: WeekViewState) -> None:
        self._state = state
        width = self.content_region.width
        days = self._days.get((state.version, width), lambda: self._week_days(state, width))
        self.show(days[min(state.typing.selected, len(days) - 1)])

    @staticmethod
    def _week_days(state: WeekViewState, width: int) -> tuple[tuple[Line, ...], ...]:
        dates = state.plan.dates
        shown = (dates[0], dates[-1])
        days = [
            tuple(
                line for t in day_transitions(state, day) for line in render_brief(t, shown=shown)
            )
            for day in dates
        ]
        heights = [height(lines, max(1, width)) for lines in days]
        tallest = max(heights)
        blank = Line("", "")
        return tuple(
            (*lines, *[blank] * (tallest - rows)) for lines, rows in zip(days, heights, strict=True)
        )

    def on_resize(self) -> None:
        if self._state is not None:  # the lines wrap anew
            self.show_state(self._state)


class WeekFindings(HangingText):
    """The week's own findings (:func:`render_week`) where a tall terminal has room for
    them under the grid. The layout gives it the rows left: ``fits`` says whether lines fit
    them, and a change of those rows is posted, for the screen to decide again."""

    class Resized(Message):
        pass

    def fits(self, lines: Sequence[Line]) -> bool:
        width, rows = self.content_region.size
        return width > 0 and height(lines, width) <= rows

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.Resized())
