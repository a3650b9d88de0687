"""The advice in words, as lines of markup (:class:`~screens.widgets.hanging_text.Line`):
the verdict and its reasons, the week's own findings, each transition in full and in brief.
What the judgement says is read through ``planner.advice``; how one reason reads is
:func:`render_reason` alone, so a change of the reasons changes one function."""

from __future__ import annotations

from datetime import date

from planner.advice import (
    SESSIONS_HEADING,
    WeekSummary,
    no_findings,
    reason_points,
    reason_text,
)
from planner.days import day_words
from planner.log import planned_against_done
from rules import Finding, Kind, Reason, Transition
from screens.keys import activity_keys, key_of
from screens.text import literal
from screens.widgets.hanging_text import Line

KIND_MARK = {
    Kind.PRO: "[$readable-success b]+ pro[/]",
    Kind.CON: "[$readable-error b]- con[/]",
    Kind.TIP: "[$readable-accent b]i tip[/]",
}
# Tips past this many wait for the transition's day to be selected (which shows them all).
SHOWN_TIPS = 3
# The verdict names this many of the reasons that move the score most.
SHOWN_REASONS = 3
# Under a mark (``+ pro``): where a finding's detail and citation start.
INDENT = "      "
# The selected day's transitions: marked in the text, not with a CSS class, so moving the
# selection costs no stylesheet pass.
SELECTED_MARK = "[$readable-accent b]▶[/] "

Entry = tuple[Line, ...]  # one transition's lines in the list


def _day(day: date) -> str:
    return f"{day:%a} {day.day}"


def _shown(text: str) -> str:
    """Rule text, perhaps from the user's own file: never markup, no control characters."""
    return literal(text)


def render_finding(finding: Finding, *, detailed: bool) -> list[Line]:
    lines = [Line(f"{KIND_MARK[finding.kind]} ", _shown(finding.text))]
    if detailed and finding.detail:
        lines.append(Line(INDENT, _shown(finding.detail)))
    lines.append(Line(INDENT, f"[$readable-muted i]{_shown(finding.source.citation)}[/]"))
    return lines


def render_heading(transition: Transition, *, selected: bool, shown: tuple[date, date]) -> Line:
    """``▶ Mon 23 → Tue 24  legs:heavy+run → push,pull``, and whether it crosses the week's
    boundary."""
    before, after = transition.before, transition.after
    first, last = shown
    names = literal(f"{day_words(before.planned)} → {day_words(after.planned)}")
    boundary = before.date < first or after.date > last
    where = "  [$readable-muted](across the week boundary)[/]" if boundary else ""
    mark = SELECTED_MARK if selected else ""
    return Line(mark, f"[b]{_day(before.date)} → {_day(after.date)}[/b]  {names}{where}")


def render_transition(transition: Transition, *, detailed: bool, shown: tuple[date, date]) -> Entry:
    """A transition's heading and findings. The selected day's transitions (``detailed``)
    show every tip and each finding's detail; the others at most SHOWN_TIPS tips."""
    heading = render_heading(transition, selected=detailed, shown=shown)
    if not transition.findings:
        return (heading, Line("", f"[$readable-muted]{no_findings(transition)}[/]"))
    lines, tips = [heading], 0
    for finding in transition.findings:
        tips += finding.kind is Kind.TIP
        if detailed or finding.kind is not Kind.TIP or tips <= SHOWN_TIPS:
            lines.extend(render_finding(finding, detailed=detailed))
    hidden = 0 if detailed else max(0, tips - SHOWN_TIPS)
    if hidden:
        last = shown[1]
        after, before = transition.after.date, transition.before.date
        day = after if after <= last else before
        more = f"+{hidden} more tip{'s' if hidden > 1 else ''}"
        lines.append(Line(INDENT, f"[$readable-muted]{more}: select {_day(day)} ([b]←/→[/b])[/]"))
    return tuple(lines)


def render_brief(transition: Transition, shown: tuple[date, date]) -> Entry:
    """A transition in two lines: its heading and its first con (its first finding if it
    has no con), where there is room for no more."""
    heading = render_heading(transition, selected=True, shown=shown)
    cons = [finding for finding in transition.findings if finding.kind is Kind.CON]
    first = cons[0] if cons else next(iter(transition.findings), None)
    if first is None:
        return (heading, Line(INDENT, f"[$readable-muted]{no_findings(transition)}[/]"))
    return (heading, Line(f"  {KIND_MARK[first.kind]} ", _shown(first.text)))


def render_reason(reason: Reason, width: int) -> Line:
    """One reason under the score: its points, signed and right-aligned in ``width``
    cells, ``-4 x2`` for a finding counted on two days (as ``planner show`` writes them);
    then what earns or costs them, and the days it counted on."""
    points = reason_points(reason)
    colour = "$readable-success" if reason.points > 0 else "$readable-error"
    return Line(f"[{colour} b]{points:>{width}}[/] ", _shown(reason_text(reason)))


def render_verdict(
    summary: WeekSummary, *, proposed: bool, reasons: int = SHOWN_REASONS
) -> tuple[Line, ...]:
    """The score, the goal it is judged for, and the ``reasons`` that move it most."""
    goal = literal(summary.goal.label)
    if summary.planned_days == 0:
        return (
            Line("", f"[b]Nothing planned yet[/b]  ·  for {goal}"),
            Line("", f"[b]{activity_keys()}[/b] plan the selected day"),
        )
    # A proposed week is not planned yet: it is the repeating week, until kept.
    planned = "[$readable-warning]proposed[/]" if proposed else f"planned {summary.planned_days}/7"
    score = f"[b]Score {summary.score}/100[/b]"
    heading = Line("", f"{score} for {goal} · {planned} · rest {summary.rest_days}")
    shown = [reason for reason in summary.reasons if reason.points][:reasons]
    width = max((len(reason_points(reason)) for reason in shown), default=0)
    return (heading, *(render_reason(reason, width) for reason in shown))


def render_week(summary: WeekSummary) -> tuple[Line, ...]:
    """The week as a whole: its findings, and days of hard lifting per muscle group."""
    lines = [Line("", "[b]This week[/b]")]
    done = planned_against_done(summary.log)
    if done:
        lines.append(Line("", f"[$readable-muted]{done}[/]"))
    if summary.findings:
        for finding in summary.findings:
            lines.extend(render_finding(finding, detailed=False))
    else:
        lines.append(Line("", "[$readable-muted]Nothing to say about the week as a whole yet.[/]"))
    if summary.deload is not None:
        key = key_of("bring_deload_forward")
        lines.append(
            Line("", f"[$readable-warning]{literal(summary.deload.text)}[/] ([b]{key}[/b])")
        )
    cells = [f"{name} [b]{count}[/b]" for name, count in summary.sessions_per_group]
    lines.append(Line("", f"[$readable-muted]{SESSIONS_HEADING}[/]"))
    lines.append(Line("", "  ·  ".join(cells)))
    return tuple(lines)
