"""The advice panel: the verdict on top (score, goal, the reasons that move the score most),
and under it a scrolling list of the week's own findings and every transition touching the
shown week, with pros, cons and tips and where each comes from. The transitions into and
out of the selected day are expanded: every tip, and each finding's longer detail."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.cache import LRUCache
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from planner.advice import WeekSummary
from planner.days import day_words
from rules import Finding, Kind, Transition
from screens.text import literal
from screens.widgets.hanging_text import HangingText, Line, hang

KIND_MARK = {
    Kind.PRO: "[$success b]+ pro[/]",
    Kind.CON: "[$error b]- con[/]",
    Kind.TIP: "[$accent b]i tip[/]",
}


def _day(day: date) -> str:
    return f"{day:%a} {day.day}"


def _shown(text: str) -> str:
    """Rule text, perhaps from the user's own file: never markup, no control characters."""
    return literal(text)


# Tips past this many wait for the transition's day to be selected (which shows them all).
SHOWN_TIPS = 3
# The verdict names this many of the reasons that move the score most.
SHOWN_REASONS = 3
# Under a mark (``+ pro``): where a finding's detail and citation start.
INDENT = "      "
MINUS = "\u2212"  # a real minus sign: as wide as the plus, and read as one


def render_finding(finding: Finding, *, detailed: bool) -> list[Line]:
    lines = [Line(f"{KIND_MARK[finding.kind]} ", _shown(finding.text))]
    if detailed and finding.detail:
        lines.append(Line(INDENT, _shown(finding.detail)))
    lines.append(Line(INDENT, f"[$foreground-muted i]{_shown(finding.source.citation)}[/]"))
    return lines


def render_transition(
    transition: Transition, *, detailed: bool, shown: tuple[date, date]
) -> tuple[Line, ...]:
    """A transition's heading and findings. The selected day's transitions (``detailed``)
    show every tip and each finding's detail; the others at most SHOWN_TIPS tips."""
    before, after = transition.before, transition.after
    first, last = shown
    names = literal(f"{day_words(before.planned)} → {day_words(after.planned)}")
    boundary = before.date < first or after.date > last
    where = "  [dim](across the week boundary)[/]" if boundary else ""
    # The selected day's transitions: marked in the text, not with a CSS class, so moving
    # the selection costs no stylesheet pass.
    mark = "[$accent b]▶[/] " if detailed else ""
    heading = Line(mark, f"[b]{_day(before.date)} → {_day(after.date)}[/b]  {names}{where}")
    if not transition.findings:
        return (heading, Line("", "[dim]Plan both days to see advice.[/]"))
    lines, tips = [heading], 0
    for finding in transition.findings:
        tips += finding.kind is Kind.TIP
        if detailed or finding.kind is not Kind.TIP or tips <= SHOWN_TIPS:
            lines.extend(render_finding(finding, detailed=detailed))
    hidden = 0 if detailed else max(0, tips - SHOWN_TIPS)
    if hidden:
        day = after.date if after.date <= last else before.date
        more = f"+{hidden} more tip{'s' if hidden > 1 else ''}"
        lines.append(Line(INDENT, f"[$foreground-muted]{more}: select {_day(day)} ([b]←/→[/b])[/]"))
    return tuple(lines)


def _points(points: int) -> str:
    return f"+{points}" if points > 0 else f"{MINUS}{-points}"


def render_verdict(summary: WeekSummary, *, proposed: bool) -> tuple[Line, ...]:
    """The score, the goal it is judged for, and the reasons that move it most."""
    goal = literal(summary.goal.label)
    if summary.planned_days == 0:
        return (
            Line("", f"[b]Nothing planned yet[/b]  ·  for {goal}"),
            Line("", "[b]p u g r .[/b] plan the selected day"),
        )
    # A proposed week is not planned yet: it is the repeating week, until kept.
    planned = "[$warning]proposed[/]" if proposed else f"planned {summary.planned_days}/7"
    score = f"[b]Score {summary.score}/100[/b]"
    heading = Line("", f"{score} for {goal} · {planned} · rest {summary.rest_days}")
    reasons = [reason for reason in summary.reasons if reason.points][:SHOWN_REASONS]
    width = max((len(_points(reason.points)) for reason in reasons), default=0)
    return (
        heading,
        *(
            Line(
                f"[{'$success' if r.points > 0 else '$error'} b]{_points(r.points):>{width}}[/] ",
                _shown(r.finding.text),
            )
            for r in reasons
        ),
    )


def render_week(summary: WeekSummary) -> tuple[Line, ...]:
    """The week as a whole: its findings, and hard sessions per muscle group."""
    lines = [Line("", "[b]This week[/b]")]
    if summary.findings:
        for finding in summary.findings:
            lines.extend(render_finding(finding, detailed=False))
    else:
        lines.append(
            Line("", "[$foreground-muted]Nothing to say about the week as a whole yet.[/]")
        )
    cells = [f"{name} [b]{count}[/b]" for name, count in summary.sessions_per_group]
    lines.append(Line("", "[$foreground-muted]Hard sessions per muscle group:[/]"))
    lines.append(Line("", "  ·  ".join(cells)))
    return tuple(lines)


class AdviceList(ScrollView, can_focus=True, inherit_bindings=False):
    """The week's findings and its transitions as one scrolling list of pre-rendered lines
    (Textual's Line API). Each entry is rendered once per text and width and kept, so a key
    press renders only the entries whose text changed, and the list scrolls to the selected
    day's transitions in the same frame. Focused only to read it (``tab``): then it scrolls
    with the arrows, pgup/pgdn and home/end, while ←/→ still move the selection (they are
    not bound here)."""

    BINDINGS = [
        Binding("up", "scroll_up", "Scroll up", show=False),
        Binding("down", "scroll_down", "Scroll down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
    ]

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
        self._entries: tuple[tuple[Line, ...], ...] = ()
        self._focus: int | None = None
        self._scrolled_to: int | None = None  # the entry last scrolled to the top
        # (entry, width) -> lines: moving the selection back and forth reuses both forms.
        self._rendered: LRUCache[tuple[tuple[Line, ...], int], list[Strip]] = LRUCache(64)
        self._lines: list[Strip] = []
        self._starts: list[int] = []  # first line of each entry
        self._width = 0

    @property
    def entries(self) -> tuple[tuple[Line, ...], ...]:
        return self._entries

    def show(self, entries: Sequence[tuple[Line, ...]], *, focus: int | None = None) -> None:
        """Show ``entries``, scrolled so entry ``focus`` is at the top when the focus moved
        to another entry."""
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
        for entry in self._entries:
            if lines:
                lines.append(blank)  # one blank line between entries
            starts.append(len(lines))
            lines.extend(self._render_entry(entry, width))
        self._lines, self._starts = lines, starts
        self.virtual_size = Size(width, len(lines))
        focus = self._focus
        if focus != self._scrolled_to and focus is not None and focus < len(starts):
            # Only when the focus moved to another entry, not on every edit.
            self.scroll_to(y=starts[focus], animate=False, immediate=True)
            self._scrolled_to = focus
        self.refresh()

    def _render_entry(self, entry: tuple[Line, ...], width: int) -> list[Strip]:
        key = (entry, width)
        strips = self._rendered.get(key)
        if strips is None:
            # One column kept free on the right, between the text and the scrollbar.
            text_width = max(1, width - 1)
            text = Content("\n").join(hang(entry, text_width))
            strips = [
                strip.extend_cell_length(width, self.rich_style)
                for strip in Visual.to_strips(self, text, text_width, None, self.visual_style)
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
            # The text wraps anew, so the line the list was scrolled to means something
            # else: back to the selected day's transitions.
            self._scrolled_to = None
            self._build()

    def notify_style_update(self) -> None:
        """The theme or styles changed: the kept lines hold the old colours."""
        super().notify_style_update()
        self._rendered.clear()
        self._build()


class AdvicePanel(Vertical):
    """The verdict (score, goal, the reasons that move it most), always in view, over the
    scrolling list of the week's findings and its transitions. ``show`` replaces everything
    in the same frame."""

    DEFAULT_CSS = """
    AdvicePanel {
        height: 1fr;
        border-left: vkey $panel-lighten-2;
        padding: 0 0 0 1;
        border-title-color: $foreground-muted;
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

    def compose(self) -> ComposeResult:
        # Kept, not queried: shown on every key press.
        self.verdict = HangingText(id="verdict")
        self.list = AdviceList()
        yield self.verdict
        yield self.list

    def show(
        self,
        summary: WeekSummary,
        transitions: Sequence[Transition],
        *,
        shown: tuple[date, date],
        selected: date,
        proposed: bool = False,
        week: bool = True,
    ) -> None:
        """``week``: the list starts with the week's own findings (else they are shown
        elsewhere, e.g. under the grid)."""
        self.verdict.show(render_verdict(summary, proposed=proposed))
        entries = [render_week(summary)] if week else []
        focus: int | None = None
        for transition in transitions:
            detailed = selected in (transition.before.date, transition.after.date)
            if detailed and focus is None:
                focus = len(entries)
            entries.append(render_transition(transition, detailed=detailed, shown=shown))
        self.list.show(entries, focus=focus)
