"""Log a day: what was done (done, skipped or sessions), each session's effort and minutes,
and how the day started (sore muscles, sleep, energy), with the keyboard alone. The same
words and checks as ``planner log`` and ``planner checkin`` (planner.log)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from planner.days import day_words
from planner.log import (
    DONE,
    RATING_MAX,
    RATING_MIN,
    DayLog,
    LogError,
    logged,
    parse_done,
    parse_numbers,
    parse_rating,
    parse_sore,
)
from rules import PlannedDay
from rules.vocabulary import MINUTES_MAX, RPE_MAX
from screens.dialogs.base import PlannerDialog
from screens.text import literal


@dataclass(frozen=True, slots=True)
class LogFields:
    """What the dialog shows for a day: its name, its plan, what is logged, and the muscle
    families soreness may name."""

    name: str  # "Tue 24 Nov"
    key: str  # "tue"
    planned: PlannedDay
    log: DayLog
    families: tuple[str, ...]


# (input id, label, placeholder)
FIELDS = (
    ("done", "Done", "done, skipped, or the sessions done: run:tempo, legs+run"),
    ("rpe", "Effort (RPE)", f"0 rest .. {RPE_MAX} maximal, per session: 7 or 7,5"),
    ("minutes", "Minutes", "per session: 55 or 60,30"),
    ("sore", "Sore", "e.g. legs=very,back=mild (none, mild, sore, very)"),
    ("sleep", "Sleep", f"{RATING_MIN} (worst) to {RATING_MAX} (best)"),
    ("energy", "Energy", f"{RATING_MIN} (worst) to {RATING_MAX} (best)"),
)


class LogDialog(PlannerDialog[DayLog | None]):
    """Dismissed with the day's log as filled in, or None when cancelled. enter on the last
    field (or ctrl+s anywhere) keeps it; a mistake is said in one line under the fields and
    nothing is kept."""

    # One row per field, the label beside it: the whole log fits an 80x24 terminal.
    DEFAULT_CSS = """
    LogDialog #dialog { width: 80; max-width: 100%; padding: 0 1; }
    LogDialog .field { height: 1; margin: 1 0 0 0; }
    LogDialog .field-label { width: 14; color: $readable-muted; }
    LogDialog #dialog Input { width: 1fr; margin: 0; }
    LogDialog #log-error { color: $readable-error; height: auto; margin: 1 0 0 0; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "keep", "Keep", show=False),
    ]

    def __init__(self, fields: LogFields) -> None:
        super().__init__()
        self.fields = fields

    def compose(self) -> ComposeResult:
        log, planned = self.fields.log, self.fields.planned
        values = {
            "done": ""
            if log.done is None
            else (DONE if log.done == planned else day_words(log.done)),
            "rpe": ",".join("" if v is None else str(v) for v in log.rpe),
            "minutes": ",".join("" if v is None else str(v) for v in log.minutes),
            "sore": ",".join(f"{family}={level.value}" for family, level in log.sore),
            "sleep": "" if log.sleep is None else str(log.sleep),
            "energy": "" if log.energy is None else str(log.energy),
        }
        with Vertical(id="dialog") as box:
            box.border_title = f"Log {self.fields.name}"
            box.border_subtitle = "tab next · enter keep · esc cancel"
            plan = day_words(planned) if planned.is_planned else "nothing"
            yield Static(
                literal(f"Planned: {plan}. Soreness names {', '.join(self.fields.families)}.")
            )
            for field_id, label, placeholder in FIELDS:
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label")
                    yield Input(
                        values[field_id], placeholder=placeholder, id=field_id, compact=True
                    )
            yield Static("", id="log-error")

    def on_mount(self) -> None:
        self.query_one("#done", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        ids = [field_id for field_id, _, _ in FIELDS]
        if event.input.id == ids[-1]:
            self.action_keep()
        else:
            self.focus_next()

    def action_keep(self) -> None:
        try:
            log = self.read()
        except LogError as error:
            self.query_one("#log-error", Static).update(literal(str(error)))
            return
        self.dismiss(log)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def read(self) -> DayLog:
        """The log the fields say; LogError naming the field that is wrong."""
        text = {field_id: self.query_one(f"#{field_id}", Input).value for field_id, _, _ in FIELDS}
        fields = self.fields
        log = fields.log
        try:
            rpe = parse_numbers(text["rpe"], 0, RPE_MAX)
        except LogError as error:
            raise LogError(f"Effort: {error}") from None
        try:
            minutes = parse_numbers(text["minutes"], 1, MINUTES_MAX)
        except LogError as error:
            raise LogError(f"Minutes: {error}") from None
        if text["done"].strip():
            try:
                word, done = parse_done(text["done"])
            except LogError as error:
                raise LogError(f"Done: {error}") from None
            log = logged(word, done, fields.planned, log, rpe, minutes, fields.key)
        elif rpe or minutes:
            raise LogError("Done: say what was done before its effort or minutes")
        else:
            log = DayLog(sore=log.sore, sleep=log.sleep, energy=log.energy)
        try:
            sore = parse_sore(text["sore"], fields.families) or {}
            sleep, energy = parse_rating(text["sleep"]), parse_rating(text["energy"])
        except LogError as error:
            raise LogError(f"Check-in: {error}") from None
        # The check-in as the fields hold it now: a family left out is no longer sore.
        return DayLog(log.done, log.rpe, log.minutes).with_checkin(sore, sleep, energy)
