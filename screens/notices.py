"""Every notice the planner gives, in one place: what it says, its title, how urgent and for
how long. Shown with :func:`show`, always as plain text (a week name, a path or a rule's
words are never read as markup). Where notices appear is the week screen's stylesheet's
business: never over the verdict or the fix line."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from textual.app import App
from textual.notifications import SeverityLevel
from textual.widget import Widget

from planner.text_safety import printable
from planner.weeks import IsoWeek
from screens.keys import key_of

if TYPE_CHECKING:
    from planner.block import DeloadForward
    from planner.block_plan import LaidBlock


class Notice(NamedTuple):
    message: str
    title: str = ""
    severity: SeverityLevel = "information"
    timeout: float = 4


def show(node: Widget | App[Any], notice: Notice) -> None:
    node.notify(
        printable(notice.message),
        title=notice.title,
        severity=notice.severity,
        timeout=notice.timeout,
        markup=False,
    )


def _undoable(text: str) -> str:
    return f"{text} Press {key_of('undo')} to undo."


# -- refusals ---------------------------------------------------------------------------------


def refused(error: Exception) -> Notice:
    """A key that could not do its work: the reason, as the core words it."""
    text = str(error)
    return Notice(text if text.endswith(".") else f"{text}.")


def read_only(error: Exception) -> Notice:
    return Notice(f"{error} Nothing was changed.", "Read-only", "error")


def setting_refused(error: Exception, what: str = "Setting") -> Notice:
    return Notice(str(error), f"{what} not changed", "error")


def not_shown(error: Exception) -> Notice:
    return Notice(f"{error}; it is not shown.")


NOTHING_TO_UNDO = Notice("Nothing to undo.", timeout=2)
NOTHING_TO_REDO = Notice("Nothing to redo.", timeout=2)
NO_FIX = Notice("No single change raises this week's score.")
EVERYTHING_SAVED = Notice("Everything is saved.", timeout=2)

# -- done -------------------------------------------------------------------------------------


def cleared(week: IsoWeek) -> Notice:
    return Notice(_undoable(f"Cleared {week}."))


def kept_proposal(week: IsoWeek | None) -> Notice:
    return Notice(f"Kept the week proposed from {week}.")


def repeating(week: IsoWeek | None) -> Notice:
    if week is None:
        return Notice("Unplanned weeks no longer repeat a week.")
    return Notice(f"Unplanned weeks now propose {week} until you edit them.")


def fixed(change: str, before: int, after: int, cleared: int) -> Notice:
    """Short: the panel under it shows the week as fixed, what it clears included."""
    clears = f", {cleared} con{'s' if cleared > 1 else ''} cleared" if cleared else ""
    return Notice(_undoable(f"{change}: score {before} → {after}{clears}."), "Fixed", timeout=6)


def logged(day: str, said: str) -> Notice:
    """A day logged: ``Logged Tue 24 Nov: ✗ skipped.``; undoable."""
    return Notice(_undoable(f"Logged {day}: {said}."))


def goal_chosen(label: str) -> Notice:
    return Notice(f"The week is now judged for {label}.")


def suggestion_applied() -> Notice:
    return Notice(_undoable("Suggestion applied."))


def template_applied(name: str) -> Notice:
    return Notice(_undoable(f"Applied '{name}'."))


def copied(week: IsoWeek) -> Notice:
    return Notice(_undoable(f"Copied {week}."))


def block_laid(block: LaidBlock) -> Notice:
    """What a block laid from the palette did; undo does not take it back (the session)."""
    from planner.block_plan import kept_words, summary

    kept = kept_words(block.kept)
    text = summary(block.weeks, block.source) + (f"; {kept}" if kept else "")
    return Notice(f"{text}. Undo does not take a block back.", "Training block", timeout=8)


def deload_brought_forward(move: DeloadForward) -> Notice:
    return Notice(
        f"{move.target} is now the deload week and {move.deload} a normal one. Undo does not "
        "take it back.",
        "Training block",
        timeout=8,
    )


NO_DELOAD_TO_BRING = Notice(
    "No deload to bring forward: that needs this week in a block, a deload later in it, "
    "and 3 low check-ins in 14 days.",
    timeout=6,
)


# -- the app and the year screen --------------------------------------------------------------


def database_notice(text: str) -> Notice:
    return Notice(text, "Database", "warning", 30)


def opened_read_only(reason: str | None) -> Notice:
    return Notice(
        f"{reason} You can look, but changes are not possible.", "Read-only", "warning", 30
    )


def save_failed(what: str, error: Exception) -> Notice:
    return Notice(
        f"{what} not saved: {error} It stays on screen; press {key_of('retry_saves')} to try "
        "again.",
        "Save failed",
        "error",
        30,
    )


def not_saved(error: Exception) -> Notice:
    """A merge or a save elsewhere that failed."""
    return Notice(str(error), "Not saved", "error")


def saved_after_conflict(text: str) -> Notice:
    return Notice(text, "Saved", timeout=10)


def changed_elsewhere(error: Exception) -> Notice:
    """Another program wrote the database: the changes are kept on screen."""
    return Notice(
        f"{error} Your changes are kept here: press {key_of('retry_saves')} to merge them "
        "into the file as it is now, or to save them to another file.",
        "Not saved",
        "error",
        60,
    )


def year_edge(year: int, last: bool) -> Notice:
    return Notice(f"{year} is the {'last' if last else 'first'} year the planner supports.")


def load_edge(error: Exception) -> Notice:
    """The load screen's weeks cannot move further: the calendar's edge."""
    return Notice(f"{error}: the load screen shows the weeks up to it.")
