"""The Textual application. It receives its collaborators (clock, store, knowledge base) so
tests pass a fixed clock and a temporary database instead of monkeypatching."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import threading
import time
from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.reactive import var
from textual.screen import Screen
from textual.theme import Theme

from planner.block_plan import LaidBlock
from planner.clock import Clock
from planner.locations import PathProblem, shown, user_path
from planner.log import WeekLogs
from planner.plan import Settings
from planner.session import PlanningSession, Saved
from planner.store import DatabaseChanged, Store, StoreError
from planner.weeks import IsoWeek
from planner.writer import SaveOutcome, SerialWriter
from rules import KnowledgeBase
from screens import notices
from screens.colours import readable_variables
from screens.keys import APP_BINDINGS
from screens.week_screen import WeekScreen
from screens.widgets.save_state import SaveState

if TYPE_CHECKING:
    from textual.command import CommandListItem
    from textual.widget import AwaitMount

# Saves of the same key replace each other: one per week, one for the settings.
SETTINGS_KEY = "settings"


def saved_key(value: Saved) -> Hashable:
    """What the writer keeps one pending save of: the settings, a week, a week's logs."""
    if isinstance(value, Settings):
        return SETTINGS_KEY
    if isinstance(value, WeekLogs):
        return ("logs", value.week)
    if isinstance(value, LaidBlock):
        return ("block", value.start)
    return value.week


# How long a terminated planner may take to exit normally before the watchdog ends it.
EXIT_GRACE_SECONDS = 10.0
EXIT_AFTER_HANG = 3


class PlannerApp(App[int]):
    TITLE = "planner"
    # The week screen's styles, beside it. Loaded here because the week screen is the default
    # screen, whose CSS_PATH Textual 8.2 does not load; being the default screen rather than
    # one pushed over it saves the first frame a second parse of every stylesheet and the
    # layouts of an empty screen.
    CSS_PATH = "week_screen.tcss"
    BINDINGS = list(APP_BINDINGS)

    # A var: the week screen watches it and repaints only its label.
    save_state: var[SaveState] = var(SaveState.saved)

    def __init__(
        self,
        *,
        clock: Clock,
        store: Store,
        knowledge: KnowledgeBase,
        week: IsoWeek | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.knowledge = knowledge
        self._failed: dict[Hashable, Saved] = {}
        # Changes not handed to the writer yet (see _save); the newest of each week, and of
        # the settings.
        self._unsubmitted: dict[Hashable, Saved] = {}
        self._unsubmitted_lock = threading.Lock()
        self.last_save_error: Exception | None = None
        # Whether the user was told that another program wrote the database (once per time).
        self._conflict_told = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._writer: SerialWriter[Saved] = SerialWriter(
            lambda value: self.store.save(value), self._outcome_from_writer, key=saved_key
        )
        self.session = PlanningSession(store, knowledge, clock.today(), self._save, week)
        theme = self.session.settings.theme
        if theme is not None and theme in self.available_themes:
            self.theme = theme
        if store.read_only:
            self.set_reactive(PlannerApp.save_state, SaveState.read_only())

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables and the planner's text colours made from them."""
        variables = super().get_css_variables()
        variables |= readable_variables(variables)
        self.theme_variables = variables
        return variables

    def get_default_screen(self) -> WeekScreen:
        return WeekScreen(self.session)

    # -- the command palette: the planner's own, safe under a key storm (screens/palette.py)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from screens.palette import PlannerPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(PlannerPalette(id="--command-palette"))

    def search_commands(
        self, commands: Sequence[CommandListItem], placeholder: str = "Search for commands…"
    ) -> AwaitMount:
        from textual.command import SimpleProvider

        from screens.palette import PlannerPalette

        return self.push_screen(
            PlannerPalette(
                # An instance, as Textual's own search_commands passes it.
                providers=[SimpleProvider(self.screen, list(commands))],  # type: ignore[list-item]
                placeholder=placeholder,
            )
        )

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        from screens.palette import PlannerPalette

        self.push_screen(
            PlannerPalette(providers=[ThemeProvider], placeholder="Search for themes…")
        )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's palette commands, but "Keys": the planner has one help, ? or f1 (its
        palette entry is the week screen's), and Textual's key panel squeezed the grid."""
        for command in super().get_system_commands(screen):
            if command.title != "Keys":
                yield command

    def on_mount(self) -> None:
        self._loop = asyncio.get_running_loop()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        # Closing the terminal (SIGHUP) or `kill` (SIGTERM) would otherwise end the process
        # without flushing the saves still queued: exit through the normal path instead.
        for signum in (signal.SIGTERM, signal.SIGHUP):
            self._loop.add_signal_handler(signum, self._on_terminate)
        self.call_after_refresh(self._freeze_startup_objects)
        for notice in self.store.notices:
            notices.show(self, notices.database_notice(notice))
        if self.store.read_only:
            notices.show(self, notices.opened_read_only(self.store.read_only_reason))

    def _remember_theme(self, theme: Theme) -> None:
        self.session.set_theme(theme.name)

    def _on_terminate(self) -> None:
        self.exit()
        # Once, a planner whose terminal was closed kept running (busy, holding the lock, so
        # the next planner opened read-only). Should the normal exit ever hang again, this
        # flushes the saves and ends the process anyway.
        threading.Thread(
            target=self._exit_anyway, name="planner-exit-watchdog", daemon=True
        ).start()

    def _exit_anyway(self, grace_seconds: float = EXIT_GRACE_SECONDS) -> None:
        time.sleep(grace_seconds)
        self.flush_saves()
        self.store.close()
        os._exit(EXIT_AFTER_HANG)

    def _freeze_startup_objects(self) -> None:
        """What exists once the first frame is up (Textual, the rules, the stored weeks)
        lives as long as the app. Out of the collector's reach, a full collection takes a
        third of the time (14 ms instead of 42 ms), and those pauses land in key presses.
        The ``planner`` command starts with the collector off: it goes back on here."""
        gc.collect()  # garbage from before the app is not kept for ever
        gc.freeze()
        gc.enable()

    def on_unmount(self) -> None:
        gc.unfreeze()  # collectable again once the app is gone (tests run many apps)
        self.flush_saves()

    def wait_for_saves(self, timeout: float | None = None) -> bool:
        """Block until every change so far has been written or has failed."""
        self._submit_saves()
        return self._writer.flush(timeout)

    def flush_saves(self) -> None:
        """Wait until every change has been written (or has failed). Safe to call twice."""
        self._submit_saves()
        self._writer.close()

    @property
    def unsaved_weeks(self) -> tuple[IsoWeek, ...]:
        return tuple(sorted(key for key in self._failed if isinstance(key, IsoWeek)))

    @property
    def unsaved(self) -> tuple[str, ...]:
        """What could not be saved, for the message on exit: weeks, training blocks, then
        the settings."""
        blocks = sorted(
            key[1] for key in self._failed if isinstance(key, tuple) and key[0] == "block"
        )
        return (
            tuple(str(week) for week in self.unsaved_weeks)
            + tuple(f"the block from {start}" for start in blocks)
            + (("settings",) if SETTINGS_KEY in self._failed else ())
        )

    # -- saving: the UI never waits on the disk --------------------------------------------

    def _save(self, value: Saved) -> None:
        """Every change, from the session. It goes to the writer as soon as the frame that
        shows it is painted, so the writer's thread never competes with painting it."""
        with self._unsubmitted_lock:
            # Moved to the end: saves reach the writer in the order they were made, so a
            # block is written after the edits before it and before those after it.
            self._unsubmitted.pop(saved_key(value), None)
            self._unsubmitted[saved_key(value)] = value
            unsubmitted = len(self._unsubmitted)
        self.save_state = SaveState.saving(self._writer.pending + unsubmitted)
        self.call_after_refresh(self._submit_saves)

    def _submit_saves(self) -> None:
        with self._unsubmitted_lock:
            changes = dict(self._unsubmitted)
            self._unsubmitted.clear()
        if not changes:
            return
        for key, failed in list(self._failed.items()):  # a new change retries earlier failures
            if key not in changes:
                self._writer.submit(failed)
        for value in changes.values():
            self._writer.submit(value)

    def action_retry_saves(self) -> None:
        if self.store.in_conflict:
            self._resolve_conflict()
            return
        if not self._failed:
            notices.show(self, notices.EVERYTHING_SAVED)
            return
        for value in list(self._failed.values()):
            self._writer.submit(value)
        self.save_state = SaveState.saving(self._writer.pending)

    def _resolve_conflict(self) -> None:
        """Another program wrote the database: merge the changes kept in memory into it, or
        save everything to another file (screens/dialogs/conflict_dialog.py)."""
        from screens.dialogs.conflict_dialog import MERGE, ConflictChoice, ConflictDialog

        path = self.store.path

        def chosen(choice: ConflictChoice | None) -> None:
            if choice is None:
                return
            # Every change so far is tried first; those refused are kept by the store.
            self._submit_saves()
            self._writer.flush(10)
            try:
                if choice.action == MERGE:
                    self.store.merge()
                    done = "Merged: your changes are saved on top of the other program's."
                else:
                    saved = self.store.save_elsewhere(user_path(choice.path or ""))
                    done = (
                        f"Saved everything to {shown(saved)}: the planner saves there from "
                        f"now on. {shown(path)} is as the other program left it."
                    )
            except (StoreError, PathProblem) as error:
                notices.show(self, notices.not_saved(error))
                return
            self._conflict_told = False
            self.session.reload()
            week_screen = self.screen_stack[0]
            if isinstance(week_screen, WeekScreen):
                week_screen.show_week()
            self.save_state = self._current_save_state(self._writer.pending)
            notices.show(self, notices.saved_after_conflict(done))

        suggested = path.with_name(f"{path.stem}-mine{path.suffix}")
        self.push_screen(ConflictDialog(shown(path), shown(suggested)), chosen)

    def _outcome_from_writer(self, outcome: SaveOutcome[Saved]) -> None:
        """Runs on the writer thread: hand the outcome to the UI thread without waiting."""
        if outcome.error is not None:
            self.last_save_error = outcome.error
        loop = self._loop
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(self._show_outcome, outcome)
                return
            except RuntimeError:  # the loop closed in between: the app is exiting
                pass
        self._record_outcome(outcome)

    def _record_outcome(self, outcome: SaveOutcome[Saved]) -> None:
        if outcome.error is None or isinstance(outcome.error, DatabaseChanged):
            # Refused because another program wrote the file: the store keeps the change
            # until merged or saved elsewhere, and a retry would be refused again.
            self._failed.pop(saved_key(outcome.value), None)
        else:
            self._failed[saved_key(outcome.value)] = outcome.value

    def _current_save_state(self, pending: int) -> SaveState:
        if self.store.in_conflict:
            return SaveState.changed_elsewhere()
        if self._failed:
            return SaveState.failed(len(self._failed))
        return SaveState.saving(pending) if pending else SaveState.saved()

    def _show_outcome(self, outcome: SaveOutcome[Saved]) -> None:
        self._record_outcome(outcome)
        if isinstance(outcome.error, DatabaseChanged):
            if self.store.in_conflict and not self._conflict_told:
                self._conflict_told = True
                notices.show(self, notices.changed_elsewhere(outcome.error))
        elif outcome.error is not None:
            value = outcome.value
            if isinstance(value, Settings):
                what = "The settings were"
            elif isinstance(value, WeekLogs):
                what = f"The log of {value.week} was"
            elif isinstance(value, LaidBlock):
                what = f"The block from {value.start} was"
            else:
                what = f"{value.week} was"
            notices.show(self, notices.save_failed(what, outcome.error))
        self.save_state = self._current_save_state(outcome.pending)
