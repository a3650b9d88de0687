"""The side panel: the week's summary, then every transition touching the shown week with
its pros, cons and tips and where each comes from. The transitions into and out of the
selected day are expanded with the longer detail."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.markup import escape

from planner.advice import WeekSummary
from rules import Finding, Kind, Transition
from screens.text_block import TextBlock

KIND_MARK = {
    Kind.PRO: "[$success b]+ pro[/]",
    Kind.CON: "[$error b]- con[/]",
    Kind.TIP: "[$accent b]i tip[/]",
}


def _day(day: date) -> str:
    return f"{day:%a} {day.day}"


def render_finding(finding: Finding, *, detailed: bool) -> str:
    lines = [f"{KIND_MARK[finding.kind]} {escape(finding.text)}"]
    if detailed and finding.detail:
        lines.append(f"      {escape(finding.detail)}")
    lines.append(f"      [$text-muted i]{escape(finding.source.citation)}[/]")
    return "\n".join(lines)


def render_transition(transition: Transition, *, detailed: bool, boundary: bool) -> str:
    before, after = transition.before, transition.after
    names = f"{before.activity or 'unplanned'} → {after.activity or 'unplanned'}"
    where = "  [dim](across the week boundary)[/]" if boundary else ""
    # The selected day's transitions: marked in the text, not with a CSS class, so moving
    # the selection costs no stylesheet pass.
    mark = "[$accent b]▶[/] " if detailed else ""
    heading = f"{mark}[b]{_day(before.date)} → {_day(after.date)}[/b]  {names}{where}"
    if not transition.findings:
        return f"{heading}\n[dim]Plan both days to see advice.[/]"
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
    return "\n".join([heading, "[$text-muted]Hard sessions per muscle group:[/]", *rows])


def render_week_findings(summary: WeekSummary) -> str:
    if not summary.findings:
        return "[b]This week[/b]\n[$text-muted]Nothing to say about the week as a whole yet.[/]"
    body = "\n".join(render_finding(f, detailed=False) for f in summary.findings)
    return f"[b]This week[/b]\n{body}"


TRANSITIONS_PER_WEEK = 8


class TransitionList(VerticalScroll):
    """Never focused, so every key stays with the grid; the screen scrolls it (pgup/pgdn)."""

    can_focus = False


class AdvicePanel(Vertical):
    """The week summary, always in view, over the scrolling list of transitions. ``show``
    replaces everything in the same frame."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._focused: TextBlock | None = None

    def compose(self) -> ComposeResult:
        yield TextBlock(id="week-summary")
        with TransitionList():
            yield TextBlock(id="week-findings")
            # A shown week always has 8 transitions (6 inside, 2 across its boundaries):
            # composed now, so the first frame needs no second mount and layout pass.
            for _ in range(TRANSITIONS_PER_WEEK):
                yield TextBlock(classes="transition")

    def show(
        self,
        summary: WeekSummary,
        transitions: Sequence[Transition],
        *,
        shown: tuple[date, date],
        selected: date,
    ) -> None:
        self.query_one("#week-summary", TextBlock).show(render_summary(summary))
        self.query_one("#week-findings", TextBlock).show(render_week_findings(summary))
        scroll = self.query_one(TransitionList)
        entries = list(scroll.query(".transition").results(TextBlock))
        if len(entries) < len(transitions):
            new = [TextBlock(classes="transition") for _ in transitions[len(entries) :]]
            scroll.mount_all(new)
            entries.extend(new)
        for entry in entries[len(transitions) :]:
            entry.remove()
        first, last = shown
        focused: TextBlock | None = None
        for entry, transition in zip(entries, transitions, strict=False):
            detailed = selected in (transition.before.date, transition.after.date)
            boundary = transition.before.date < first or transition.after.date > last
            entry.show(render_transition(transition, detailed=detailed, boundary=boundary))
            if detailed and focused is None:
                focused = entry
        if focused is not None and focused is not self._focused:
            # Only when the selection moved to other transitions, not on every edit.
            self.call_after_refresh(scroll.scroll_to_widget, focused, animate=False, top=True)
        self._focused = focused
