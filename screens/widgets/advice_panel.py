"""The side panel: the week's summary, then every transition touching the shown week with
its pros, cons and tips and where each comes from. The transitions into and out of the
selected day are expanded with the longer detail."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.app import ComposeResult
from textual.cache import LRUCache
from textual.containers import Vertical
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from planner.advice import WeekSummary
from planner.days import day_words
from rules import Finding, Kind, Transition
from screens.text import literal
from screens.widgets.text_block import TextBlock, parse_markup

KIND_MARK = {
    Kind.PRO: "[$readable-success b]+ pro[/]",
    Kind.CON: "[$readable-error b]- con[/]",
    Kind.TIP: "[$readable-accent b]i tip[/]",
}


def _day(day: date) -> str:
    return f"{day:%a} {day.day}"


def _shown(text: str) -> str:
    """Rule text, perhaps from the user's own file: never markup, no control characters."""
    return literal(text)


def render_finding(finding: Finding, *, detailed: bool) -> str:
    lines = [f"{KIND_MARK[finding.kind]} {_shown(finding.text)}"]
    if detailed and finding.detail:
        lines.append(f"      {_shown(finding.detail)}")
    lines.append(f"      [$readable-muted i]{_shown(finding.source.citation)}[/]")
    return "\n".join(lines)


def render_transition(transition: Transition, *, detailed: bool, boundary: bool) -> str:
    before, after = transition.before, transition.after
    names = literal(f"{day_words(before.planned)} → {day_words(after.planned)}")
    where = "  [$readable-muted](across the week boundary)[/]" if boundary else ""
    # The selected day's transitions: marked in the text, not with a CSS class, so moving
    # the selection costs no stylesheet pass.
    mark = "[$readable-accent b]▶[/] " if detailed else ""
    heading = f"{mark}[b]{_day(before.date)} → {_day(after.date)}[/b]  {names}{where}"
    if not transition.findings:
        return f"{heading}\n[$readable-muted]Plan both days to see advice.[/]"
    body = "\n".join(render_finding(f, detailed=detailed) for f in transition.findings)
    return f"{heading}\n{body}"


def render_summary(summary: WeekSummary) -> str:
    """Score and hard sessions per muscle group, three groups a line."""
    cells = [f"{name} [b]{count}[/b]" for name, count in summary.sessions_per_group]
    rows = ["  ·  ".join(cells[start : start + 3]) for start in range(0, len(cells), 3)]
    if summary.planned_days == 0:
        heading = "[b]Nothing planned yet[/b]: [b]p u g r .[/b] plan the selected day"
    else:
        heading = (
            f"[b]Score {summary.score}/100[/b]  ·  planned {summary.planned_days}/7"
            f"  ·  rest {summary.rest_days}"
        )
    return "\n".join([heading, "[$readable-muted]Hard sessions per muscle group:[/]", *rows])


def render_week_findings(summary: WeekSummary) -> str:
    if not summary.findings:
        return "[b]This week[/b]\n[$readable-muted]Nothing to say about the week as a whole yet.[/]"
    body = "\n".join(render_finding(f, detailed=False) for f in summary.findings)
    return f"[b]This week[/b]\n{body}"


class AdviceList(ScrollView, can_focus=False):
    """The week's findings and its transitions as one scrolling list of pre-rendered lines
    (Textual's Line API). Each entry is rendered once per text and width and kept, so a key
    press renders only the entries whose text changed, and the list scrolls to the selected
    day's transitions in the same frame. Never focused: every key stays with the grid, and
    the screen scrolls it (pgup/pgdn)."""

    DEFAULT_CSS = """
    AdviceList {
        height: 1fr;
        /* Always there, so showing or hiding it never changes the width the text wraps at. */
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: tuple[str, ...] = ()
        self._focus: int | None = None
        self._scrolled_to: int | None = None  # the entry last scrolled to the top
        # (markup, width) -> lines: moving the selection back and forth reuses both forms.
        self._rendered: LRUCache[tuple[str, int], list[Strip]] = LRUCache(64)
        self._lines: list[Strip] = []
        self._starts: list[int] = []  # first line of each entry
        self._width = 0

    @property
    def entries(self) -> tuple[str, ...]:
        return self._entries

    def show(self, entries: Sequence[str], *, focus: int | None = None) -> None:
        """Show ``entries`` (markup), scrolled so entry ``focus`` is at the top when the
        focus moved to another entry."""
        entries = tuple(entries)
        if entries == self._entries and focus == self._focus:
            return
        self._entries, self._focus = entries, focus
        self._build()

    def _build(self) -> None:
        width = self.scrollable_content_region.width
        self._width = width
        if width <= 0:  # not laid out yet: built on the first resize
            return
        lines: list[Strip] = []
        starts: list[int] = []
        blank = Strip.blank(width, self.rich_style)
        for markup in self._entries:
            starts.append(len(lines))
            lines.append(blank)  # one blank line above every entry
            lines.extend(self._render_entry(markup, width))
        self._lines, self._starts = lines, starts
        self.virtual_size = Size(width, len(lines))
        focus = self._focus
        if focus != self._scrolled_to and focus is not None and focus < len(starts):
            # Only when the focus moved to another entry, not on every edit.
            self.scroll_to(y=starts[focus], animate=False, immediate=True)
            self._scrolled_to = focus
        self.refresh()

    def _render_entry(self, markup: str, width: int) -> list[Strip]:
        key = (markup, width)
        strips = self._rendered.get(key)
        if strips is None:
            # One column kept free on the right, between the text and the scrollbar.
            text_width = max(1, width - 1)
            strips = [
                strip.extend_cell_length(width, self.rich_style)
                for strip in Visual.to_strips(
                    self, parse_markup(markup), text_width, None, self.visual_style
                )
            ]
            self._rendered[key] = strips
        return strips

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        if index < len(self._lines):
            return self._lines[index]
        return Strip.blank(self.size.width, self.rich_style)

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self._build()

    def notify_style_update(self) -> None:
        """The theme or styles changed: the kept lines hold the old colours."""
        super().notify_style_update()
        self._rendered.clear()
        self._build()


class AdvicePanel(Vertical):
    """The week summary, always in view, over the scrolling list of the week's findings and
    its transitions. ``show`` replaces everything in the same frame."""

    DEFAULT_CSS = """
    AdvicePanel {
        width: 44;
        height: 1fr;
        border-left: vkey $panel-lighten-2;
        padding: 0 0 0 1;
    }
    #week-summary {
        height: auto;
        padding: 1 1 1 0;
        border-bottom: hkey $panel-lighten-2;
    }
    """

    def compose(self) -> ComposeResult:
        # Kept, not queried: shown on every key press.
        self._summary = TextBlock(id="week-summary")
        self._list = AdviceList()
        yield self._summary
        yield self._list

    def show(
        self,
        summary: WeekSummary,
        transitions: Sequence[Transition],
        *,
        shown: tuple[date, date],
        selected: date,
    ) -> None:
        self._summary.show(render_summary(summary))
        first, last = shown
        entries = [render_week_findings(summary)]
        focus: int | None = None
        for transition in transitions:
            detailed = selected in (transition.before.date, transition.after.date)
            boundary = transition.before.date < first or transition.after.date > last
            if detailed and focus is None:
                focus = len(entries)
            entries.append(render_transition(transition, detailed=detailed, boundary=boundary))
        self._list.show(entries, focus=focus)
