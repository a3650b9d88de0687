"""The header: the week, the passing notes (typing finished the week or went on from one, a
"+" waiting for its session), the proposal, the goal and the dates, in the longest forms that
fit its width."""

from __future__ import annotations

from datetime import date

from screens.keys import activity_keys, key_of
from screens.text import literal
from screens.view_state import WeekViewState
from screens.widgets.text_block import TextBlock, parse_markup

# How the header gives way on a narrow terminal, each layout tried in turn until one fits:
# (separator, dates, goal, notes, proposal), each the index of a form below (0 the longest,
# the last none). The dates go first (the grid shows them) and the separators are the first
# space to give; the goal goes only for a passing note, which stays, shortened, the longest.
LAYOUTS = (
    (0, 0, 0, 0, 0),
    (1, 0, 0, 0, 0),
    (1, 1, 0, 0, 0),
    (1, 2, 0, 0, 0),
    (1, 1, 1, 0, 0),
    (1, 2, 1, 0, 0),
    (1, 3, 0, 0, 0),
    (1, 3, 1, 0, 0),
    (1, 3, 1, 1, 1),
    (1, 3, 1, 2, 2),
    (1, 3, 2, 2, 2),
    (1, 3, 2, 3, 2),
    (1, 3, 2, 3, 3),
)
# Past the end of the week its line ("planned · 76/100 · next key: ...") is what the header
# is for: the dates and the goal go before it is shortened.
FINISHED_LAYOUTS = (
    *LAYOUTS[:7],
    (1, 3, 1, 0, 0),
    (1, 3, 2, 0, 0),
    (1, 3, 2, 1, 0),
    (1, 3, 2, 2, 0),
    (1, 3, 2, 3, 0),
)
SEPARATORS = ("  ·  ", " · ")
Layout = tuple[int, int, int, int, int]


def span_forms(first: date, last: date) -> tuple[str, ...]:
    """``Mon 30 Nov – Sun 6 Dec 2026``, ``30 Nov – 6 Dec 2026``, ``30 Nov–6 Dec`` (the
    week id has the year), or nothing; a week inside one month names it once."""
    start = f"{first.day}" if first.month == last.month else f"{first.day} {first:%b}"
    end = f"{last.day} {last:%b}"
    return (
        f"{first:%a} {first.day} {first:%b} – {last:%a} {last.day} {last:%b %Y}",
        f"{start} – {end} {last.year}",
        f"{start}–{end}",
        "",
    )


def finished_forms(state: WeekViewState) -> tuple[str, ...]:
    """Past the end of the week, after its name: ``planned · 76/100 · next key: 2026-W50``
    (the verdict's score; what the next activity key plans), shortened as needed."""
    score = f"{state.judged.summary.score}/100"
    following = state.next_week
    if following is None:  # no next week: the next key says why
        return (f"planned · {score} · the last week", f"planned · {score}", score, "")
    short = f"W{following.week:02d}"
    return (
        f"planned · {score} · next key: [b]{following}[/b]",
        f"planned · {score} · next key: [b]{short}[/b]",
        f"planned · {score} · next: [b]{short}[/b]",
        f"{score} → [b]{short}[/b]",
    )


def _width(markup: str) -> int:
    return parse_markup(markup).cell_length  # parsed once per text: cheap on a key press


def week_title(state: WeekViewState, width: int | None = None) -> str:
    """The header for ``state`` in the longest forms that fit in ``width`` cells (all of
    them in full when the width is not known yet)."""
    dates = state.plan.dates
    spans = span_forms(dates[0], dates[-1])
    goals = (f"goal: {literal(state.goal.label)}", f"goal: {state.goal.value}", "")
    typing = state.typing
    finished = finished_forms(state) if typing.past_end else ()
    notes: list[tuple[str, ...]] = []
    if typing.moved_from is not None:
        short = f"W{typing.moved_from.week:02d}"
        notes.append((f"on from {typing.moved_from}", f"on from {short}", f"on from {short}", ""))
    if typing.adding:
        keys = f"[b]{activity_keys(rest=False)}[/b]"
        notes.append((f"second session: {keys}", f"2nd session: {keys}", *[f"2nd: {keys}"] * 2))
    proposal: tuple[str, ...] = ()
    if state.proposed_from is not None:
        keep = f"[b]{key_of('keep_proposal')}[/b]"
        proposal = (
            f"proposed from {state.proposed_from}: {keep} keeps it",
            f"proposed: {keep} keeps it",
            f"proposed: {keep}",
            "",
        )

    def laid_out(layout: Layout) -> tuple[str, int]:
        separator, span, aim, note, proposed = layout
        week = f"[b]{state.week}[/b]"
        if finished and finished[note]:  # it reads as one with the week's name
            week = f"{week} [$readable-accent]{finished[note]}[/]"
        pieces = [(week, "")]
        pieces.extend((forms[note], "$readable-accent") for forms in notes)
        if proposal:
            pieces.append((proposal[proposed], "$readable-warning"))
        pieces.extend(((goals[aim], ""), (spans[span], "")))
        shown = [f"[{style}]{text}[/]" if style else text for text, style in pieces if text]
        sep = SEPARATORS[separator]
        return sep.join(shown), sum(map(_width, shown)) + len(sep) * (len(shown) - 1)

    title = ""
    for layout in FINISHED_LAYOUTS if finished else LAYOUTS:
        title, cells = laid_out(layout)
        if width is None or cells <= width:
            break
    return title


class WeekTitle(TextBlock):
    """The header, fitted to its width, drawn from the view state (:meth:`show_state`)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._state: WeekViewState | None = None

    def show_state(self, state: WeekViewState) -> None:
        self._state = state
        self.refit()

    def refit(self) -> None:
        if self._state is not None:
            width = self.content_region.width
            self.show(week_title(self._state, width if width > 0 else None))

    def on_resize(self) -> None:
        self.refit()
