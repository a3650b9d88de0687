"""The advice panel: the verdict on top (score, goal, the reasons that move the score most),
and under it a scrolling list of the week's own findings and every transition touching the
shown week, with pros, cons and tips and where each comes from. The transitions into and
out of the selected day are expanded: every tip, and each finding's longer detail."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual import events
from textual.app import ComposeResult
from textual.cache import LRUCache
from textual.containers import Vertical
from textual.message import Message

from planner.advice import WeekSummary, no_findings, reason_points, reason_text
from planner.days import day_words
from planner.export.text import SESSIONS_HEADING
from rules import Finding, Kind, Reason, Transition
from screens.text import literal
from screens.widgets.advice_list import AdviceList
from screens.widgets.fix_line import FixLine
from screens.widgets.hanging_text import HangingText, Line, hang

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


# Tips past this many wait for the transition's day to be selected (which shows them all).
SHOWN_TIPS = 3
# The verdict names this many of the reasons that move the score most.
SHOWN_REASONS = 3
# Under a mark (``+ pro``): where a finding's detail and citation start.
INDENT = "      "
MINUS = "\u2212"
Entry = tuple[
    Line, ...
]  # one transition's lines in the list  # a real minus sign: as wide as the plus, and read as one


def render_finding(finding: Finding, *, detailed: bool) -> list[Line]:
    lines = [Line(f"{KIND_MARK[finding.kind]} ", _shown(finding.text))]
    if detailed and finding.detail:
        lines.append(Line(INDENT, _shown(finding.detail)))
    lines.append(Line(INDENT, f"[$readable-muted i]{_shown(finding.source.citation)}[/]"))
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
    where = "  [$readable-muted](across the week boundary)[/]" if boundary else ""
    # The selected day's transitions: marked in the text, not with a CSS class, so moving
    # the selection costs no stylesheet pass.
    mark = "[$readable-accent b]▶[/] " if detailed else ""
    heading = Line(mark, f"[b]{_day(before.date)} → {_day(after.date)}[/b]  {names}{where}")
    if not transition.findings:
        return (heading, Line("", f"[$readable-muted]{no_findings(transition)}[/]"))
    lines, tips = [heading], 0
    for finding in transition.findings:
        tips += finding.kind is Kind.TIP
        if detailed or finding.kind is not Kind.TIP or tips <= SHOWN_TIPS:
            lines.extend(render_finding(finding, detailed=detailed))
    hidden = 0 if detailed else max(0, tips - SHOWN_TIPS)
    if hidden:
        day = after.date if after.date <= last else before.date
        more = f"+{hidden} more tip{'s' if hidden > 1 else ''}"
        lines.append(Line(INDENT, f"[$readable-muted]{more}: select {_day(day)} ([b]←/→[/b])[/]"))
    return tuple(lines)


def render_verdict(summary: WeekSummary, *, proposed: bool) -> tuple[Line, ...]:
    """The score, the goal it is judged for, and the reasons that move it most."""
    goal = literal(summary.goal.label)
    if summary.planned_days == 0:
        return (
            Line("", f"[b]Nothing planned yet[/b]  ·  for {goal}"),
            Line("", "[b]p u g r .[/b] plan the selected day"),
        )
    # A proposed week is not planned yet: it is the repeating week, until kept.
    planned = "[$readable-warning]proposed[/]" if proposed else f"planned {summary.planned_days}/7"
    score = f"[b]Score {summary.score}/100[/b]"
    heading = Line("", f"{score} for {goal} · {planned} · rest {summary.rest_days}")
    reasons = [reason for reason in summary.reasons if reason.points][:SHOWN_REASONS]
    width = max((len(reason_points(reason)) for reason in reasons), default=0)

    def lead(reason: Reason) -> str:
        colour = "$readable-success" if reason.points > 0 else "$readable-error"
        shown = reason_points(reason).replace("-", MINUS)
        return f"[{colour} b]{shown:>{width}}[/] "

    return (heading, *(Line(lead(r), _shown(reason_text(r))) for r in reasons))


def render_week(summary: WeekSummary) -> tuple[Line, ...]:
    """The week as a whole: its findings, and hard sessions per muscle group."""
    lines = [Line("", "[b]This week[/b]")]
    if summary.findings:
        for finding in summary.findings:
            lines.extend(render_finding(finding, detailed=False))
    else:
        lines.append(Line("", "[$readable-muted]Nothing to say about the week as a whole yet.[/]"))
    cells = [f"{name} [b]{count}[/b]" for name, count in summary.sessions_per_group]
    lines.append(Line("", f"[$readable-muted]{SESSIONS_HEADING}[/]"))
    lines.append(Line("", "  ·  ".join(cells)))
    return tuple(lines)


class AdvicePanel(Vertical):
    """The verdict (score, goal, the reasons that move it most), always in view, over the
    scrolling list of the week's findings and its transitions. ``show`` replaces everything
    in the same frame."""

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
        # (id of a transition, detailed, shown) -> (the transition, its lines): the engine
        # hands back the same transition objects for unchanged days, and moving the
        # selection re-renders only the transitions whose detail changed.
        self._rendered: LRUCache[tuple[int, bool, tuple[date, date]], tuple[Transition, Entry]]
        self._rendered = LRUCache(128)

    def _transition_lines(
        self, transition: Transition, *, detailed: bool, shown: tuple[date, date]
    ) -> Entry:
        key = (id(transition), detailed, shown)
        kept = self._rendered.get(key)
        if kept is None or kept[0] is not transition:
            kept = (transition, render_transition(transition, detailed=detailed, shown=shown))
            self._rendered[key] = kept
        return kept[1]

    def compose(self) -> ComposeResult:
        # Kept, not queried: shown on every key press.
        self.verdict = HangingText(id="verdict")
        self.list = AdviceList()
        yield self.verdict
        yield FixLine(id="fix-line")  # the week screen keeps it up to date
        yield self.list

    def show(
        self,
        summary: WeekSummary,
        transitions: Sequence[Transition],
        *,
        shown: tuple[date, date],
        selected: date,
        proposed: bool = False,
        week: tuple[Line, ...] = (),
    ) -> None:
        """``week``: the week's own findings (:func:`render_week`) to start the list with,
        if they are not shown elsewhere."""
        self.verdict.show(render_verdict(summary, proposed=proposed))
        entries = [week] if week else []
        focus: int | None = None
        for transition in transitions:
            detailed = selected in (transition.before.date, transition.after.date)
            if detailed and focus is None:
                focus = len(entries)
            entries.append(self._transition_lines(transition, detailed=detailed, shown=shown))
        self.list.show(entries, focus=focus)


class WeekFindings(HangingText):
    """The week's own findings (:func:`render_week`) where a tall terminal has room for
    them under the grid. The layout gives it the rows left: ``fits`` says whether lines fit
    them, and a change of those rows is posted, for the screen to decide again."""

    class Resized(Message):
        pass

    def fits(self, lines: Sequence[Line]) -> bool:
        width, height = self.content_region.size
        return width > 0 and len(hang(lines, width)) <= height

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.Resized())
