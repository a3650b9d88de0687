"""Ask what the week must hold, show the best three arrangements and apply the chosen one."""

from __future__ import annotations

import functools
from collections import Counter

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from planner.days import SESSIONS, day_words, displayed_index, session_words
from planner.plan import WeekPlan
from planner.session import PlanningSession
from planner.suggest import (
    TIME_LIMIT,
    SuggestError,
    Suggestion,
    Suggestions,
    SuggestRequest,
    keep_yours,
    unfinished,
)
from planner.suggest.request import check_request
from planner.suggest.words import RequestWordError, parse_counts, parse_pins
from rules import Activity, Session
from screens.dialogs.base import PlannerDialog
from screens.text import literal, styled

# The worker group of a search: one at a time, the newest wins.
SEARCH = "suggest"

# What an empty week starts from.
DEFAULTS = {Activity.PUSH: 1, Activity.PULL: 1, Activity.LEGS: 1, Activity.RUN: 2}
EMPTY_WEEK_REST_MIN = 1

# (columns, rows) of a terminal below which the fields are one row high, so that every
# field fits 80x24 and 60x20; the columns below which the day limits go on a row of their own.
COMPACT_BELOW = (100, 30)
STACKED_BELOW = 76
# Rows below which the suggestions, at their tallest, would push the dialog past its
# height: they take the rows left instead, and scroll.
FILL_BELOW = 42
HINT = "enter: find · ↑↓ enter: apply one · tab: edit · esc: cancel"
SHORT_HINT = "enter find · ↑↓ enter apply · tab edit · esc cancel"


def initial_fields(plan: WeekPlan) -> dict[str, str]:
    """The dialog's fields (by input id) as the shown week holds its sessions: each kind
    at its default attribute counted in its box, the others as request words
    (``legs:heavy=1 run:intervals=1``), its rest days, and two a day if it has a
    two-session day. An empty week starts from DEFAULTS."""
    held = Counter(session for day in plan.days for session in day.sessions)
    if not held:
        fields = {f"count-{kind}": str(count) for kind, count in DEFAULTS.items()}
        return {**fields, "more": "", "rest-min": str(EMPTY_WEEK_REST_MIN), "per-day": "1"}
    fields = {f"count-{kind}": str(held[Session(kind)]) for kind in SESSIONS}
    # In the order of the kinds, each kind's in the order the week holds them.
    others = sorted(
        (session for session in held if not session.is_default),
        key=lambda session: SESSIONS.index(session.kind),
    )
    fields["more"] = " ".join(f"{session_words(s)}={held[s]}" for s in others)
    fields["rest-min"] = str(sum(day.is_rest for day in plan.days))
    fields["per-day"] = "2" if any(len(day.sessions) > 1 for day in plan.days) else "1"
    return fields


def render_suggestion(rank: int, suggestion: Suggestion) -> str:
    days = "  ".join(
        f"{day:%a} [b]{day_words(held) if held.is_planned else '—'}[/b]"
        for day, held in suggestion.plan.dated_days
    )
    lines = [f"[b]{rank}.[/b] score [b]{suggestion.score}[/b]/100   {days}"]
    lines.extend(
        f"    [$readable-muted]{literal(difference)}[/]" for difference in suggestion.differences
    )
    return "\n".join(lines)


# A count with more digits is refused unread: no such count fits in a week anyway.
_COUNT_DIGITS = 3


def _count(text: str, field: str) -> int:
    """A count field: empty is 0; anything but a whole number, 0 or more, is refused."""
    text = text.strip()
    if not text:
        return 0
    if not (text.isascii() and text.isdigit()) or len(text) > _COUNT_DIGITS:
        raise SuggestError(f"{field}: the count must be a whole number, 0 or more")
    return int(text)


class SuggestDialog(PlannerDialog[WeekPlan | None]):
    # A terminal narrower or lower than COMPACT_BELOW gets one-row fields (no border);
    # narrower than STACKED_BELOW, the day limits go under the session counts.
    DEFAULT_CSS = """
    SuggestDialog #dialog.suggest {
        width: 110;
        max-width: 100%;
    }

    SuggestDialog #dialog > Label {
        width: 100%;
    }

    SuggestDialog #counts, SuggestDialog #counts > Horizontal {
        height: auto;
    }

    SuggestDialog #counts > Horizontal {
        width: auto;
    }

    SuggestDialog #counts Label {
        padding: 1 1 0 0;
    }

    SuggestDialog #counts Input.count {
        width: 7;
        margin: 0 2 0 0;
    }

    SuggestDialog #suggest-error {
        height: auto;
        min-height: 1;
    }

    SuggestDialog #suggestions {
        height: auto;
        max-height: 16;
    }

    SuggestDialog.-fill #suggestions {
        height: 1fr;
    }

    SuggestDialog.-stacked #counts {
        layout: vertical;
    }

    SuggestDialog.-compact #dialog Input {
        border: none;
        height: 1;
        padding: 0 1;
        margin: 0;
        background: $panel;
    }

    SuggestDialog.-compact #dialog Input:focus {
        border: none;
        background: $panel-lighten-2;
    }

    SuggestDialog.-compact #counts Label {
        padding: 0 1 0 0;
    }

    SuggestDialog.-compact #counts Input.count {
        width: 5;
        margin: 0 2 0 0;
    }

    SuggestDialog.-compact #dialog > Label, SuggestDialog.-compact #suggest-error {
        margin: 1 0 0 0;
    }

    SuggestDialog.-low #dialog {
        max-height: 100%;
        padding: 0 1;
    }

    SuggestDialog.-low #dialog > Label, SuggestDialog.-low #suggest-error {
        margin: 0;
    }

    SuggestDialog.-low #suggestions {
        border: none;
        padding: 0;
    }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, session: PlanningSession) -> None:
        super().__init__()
        self.session = session
        self.suggestions: list[Suggestion] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="suggest") as box:
            box.border_title = f"Suggest an order for {self.session.week}"
            box.border_subtitle = HINT
            fields = initial_fields(self.session.view.plan)
            with Horizontal(id="counts"):
                with Horizontal(id="session-counts"):
                    for activity in SESSIONS:
                        yield Label(f"{activity}")
                        yield Input(
                            fields[f"count-{activity}"], type="integer", id=f"count-{activity}",
                            classes="count", select_on_focus=False,
                        )  # fmt: skip
                with Horizontal(id="day-limits"):
                    yield Label("rest ≥")
                    yield Input(
                        fields["rest-min"], type="integer", id="rest-min", classes="count",
                        select_on_focus=False,
                    )  # fmt: skip
                    yield Label("per day")
                    yield Input(
                        fields["per-day"], type="integer", id="per-day", classes="count",
                        select_on_focus=False,
                    )  # fmt: skip
            yield Label(
                "And sessions with an intensity or run type, e.g. legs:heavy=1 run:intervals=1:"
            )
            yield Input(fields["more"], id="more", placeholder="none")
            yield Label("Pinned days, e.g. sat=run sun=rest:")
            yield Input(id="pins", placeholder="none")
            yield Static(id="suggest-error")
            yield OptionList(id="suggestions")

    def on_mount(self) -> None:
        self.query_one(OptionList).display = False
        self._fit(self.app.size)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size)

    def _fit(self, size: Size) -> None:
        width, height = size
        self.set_class(width < COMPACT_BELOW[0] or height < COMPACT_BELOW[1], "-compact")
        self.set_class(height < COMPACT_BELOW[1], "-low")
        self.set_class(width < STACKED_BELOW, "-stacked")
        self.set_class(height < FILL_BELOW, "-fill")
        self.query_one("#dialog").border_subtitle = SHORT_HINT if width < STACKED_BELOW else HINT

    def request(self) -> SuggestRequest:
        """What the fields ask for; SuggestError, with the message to show, if a field
        cannot be read."""
        counts = Counter(
            {
                Session(activity): _count(
                    self.query_one(f"#count-{activity}", Input).value, activity
                )
                for activity in SESSIONS
            }
        )
        rest_min = _count(self.query_one("#rest-min", Input).value, "rest ≥")
        words = self.query_one("#pins", Input).value.split()
        try:
            # Sessions with attributes come on top of the boxes' default ones.
            counts.update(parse_counts(self.query_one("#more", Input).value.split()))
            by_weekday = parse_pins(words, label="")
        except RequestWordError as error:
            raise SuggestError(str(error)) from None
        first = self.session.first_weekday
        pins = {
            displayed_index(weekday, first): activity for weekday, activity in by_weekday.items()
        }
        per_day = _count(self.query_one("#per-day", Input).value, "per day") or 1
        return SuggestRequest(counts=counts, rest_min=rest_min, pins=pins, max_per_day=per_day)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Search in a thread: a big request takes seconds, and the screen stays live (esc
        cancels). A newer search replaces an older one, whose answer is then ignored."""
        event.stop()
        error = self.query_one("#suggest-error", Static)
        try:
            request = self.request()
            check_request(request, self.session.first_weekday)  # at once, not in the search
        except SuggestError as problem:
            self._show_error(str(problem))
            return
        error.update(styled("Searching for the best weeks…", "$readable-muted"))
        self.run_worker(
            functools.partial(self.session.suggest, request, time_limit=TIME_LIMIT),
            thread=True,
            exclusive=True,
            group=SEARCH,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != SEARCH:
            return
        if event.state is WorkerState.ERROR:
            problem = worker.error
            if not isinstance(problem, SuggestError):
                raise problem if problem is not None else RuntimeError("suggest failed")
            self._show_error(str(problem))
        elif event.state is WorkerState.SUCCESS and worker.result is not None:
            self._show(worker.result)

    def _show_error(self, problem: str) -> None:
        self.query_one("#suggest-error", Static).update(styled(problem, "$readable-error"))
        self.query_one(OptionList).display = False

    def _show(self, suggestions: Suggestions) -> None:
        self.suggestions = suggestions
        notes = [] if suggestions.complete else [unfinished(TIME_LIMIT)]
        if not self.session.view.plan.is_empty:
            keep = keep_yours(self.session.view.evaluation.score, suggestions)
            notes += [keep] if keep else []
        note = styled(" ".join(notes), "$readable-warning") if notes else ""
        self.query_one("#suggest-error", Static).update(note)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            Option(render_suggestion(rank, suggestion), id=str(rank - 1))
            for rank, suggestion in enumerate(self.suggestions, start=1)
        )
        options.display = True
        options.highlighted = 0
        options.focus()  # ↑/↓ and enter now pick a week; tab goes back to the fields

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.suggestions[event.option_index].plan)

    def action_cancel(self) -> None:
        self.dismiss(None)
