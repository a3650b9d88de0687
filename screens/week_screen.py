"""The week screen: seven days to plan with the keyboard, and live advice beside them.

A thin layer over the core: a key runs a function of :mod:`planner.week_keys` or an edit of
the session, then :meth:`WeekScreen.show_week` makes one view state from the session
(:class:`~screens.view_state.WeekViewState`) and every widget draws from it. What a key
means is the core's (tested without Textual); what it looks like is the widgets'. The keys
that open a dialog are in :mod:`screens.week_dialogs`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.command import Provider
from textual.containers import Container, Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from planner import week_keys
from planner.edits import EditError, cycle_attribute, remove_session, toggle_together
from planner.fix import describe_change
from planner.log import LogError
from planner.session import PlanningSession
from planner.store import ReadOnlyStore
from planner.typing_state import LAST_DAY
from planner.weeks import IsoWeek, WeekError
from rules import Activity, PlannedDay
from screens import notices
from screens.keys import FOOTER_ORDER, FOOTER_RANKS, WEEK_BINDINGS, legend
from screens.notices import Notice
from screens.view_state import WeekViewState
from screens.week_dialogs import WeekDialogs
from screens.week_layout import ADVICE_HINT, MIN_SIZE, READING_HINT, layout_classes
from screens.widgets.advice_panel import AdvicePanel, WeekFindings
from screens.widgets.advice_text import SHOWN_REASONS
from screens.widgets.readiness_strip import ReadinessLegend
from screens.widgets.save_state import SaveState
from screens.widgets.text_block import TextBlock
from screens.widgets.week_footer import WeekFooter
from screens.widgets.week_grid import WeekGrid
from screens.widgets.week_title import WeekTitle

T = TypeVar("T")
# Under the grid of a short terminal the verdict names fewer reasons, each whole, so the
# selected day's transitions still fit under it (tab shows them all).
SHORT_REASONS = 2


def week_commands() -> type[Provider]:
    """The palette's commands, imported when the palette first opens, not for the first
    frame."""
    from screens.commands import WeekCommands

    return WeekCommands


class WeekScreen(WeekDialogs, Screen[None]):
    # Styles in week_screen.tcss, loaded by the App (see PlannerApp.CSS_PATH).
    BINDINGS = list(WEEK_BINDINGS)
    COMMANDS = {week_commands}
    # Keys go to the grid (the screen) until the user asks for the advice with tab.
    AUTO_FOCUS = ""

    def __init__(self, session: PlanningSession) -> None:
        super().__init__()
        self.session = session
        self._state: WeekViewState | None = None  # the one the widgets show
        self._resumed = False

    @property
    def selected(self) -> int:
        """The selected day's index; 7 when the selection rests past the end of the week."""
        return self.session.typing.selected

    @property
    def state(self) -> WeekViewState | None:
        return self._state

    def compose(self) -> ComposeResult:
        # Kept: show_week runs on every key press and would otherwise query for them.
        self._title = WeekTitle(id="week-title")
        self._save_state = TextBlock(id="save-state")
        self._grid = WeekGrid(
            self.session.view.plan.dates,
            today=self.session.today,
            families=len(self.session.knowledge.families),
        )
        self._advice = AdvicePanel(id="advice")
        self._advice.border_title = ADVICE_HINT
        self._week_findings = WeekFindings(id="week-findings")
        self._readiness_legend = ReadinessLegend()
        with Horizontal(id="top-bar"):
            yield self._title
            yield self._save_state
        with Container(id="body"):
            with Vertical(id="plan-area"):
                yield self._grid
                yield self._readiness_legend
                yield Static(legend(), id="legend")
                yield self._week_findings
            yield self._advice
        yield Static(
            f"The terminal is too small for the planner.\n"
            f"Make it at least {MIN_SIZE[0]}×{MIN_SIZE[1]} characters.",
            id="too-small",
        )
        yield WeekFooter(FOOTER_RANKS, FOOTER_ORDER)

    def on_mount(self) -> None:
        self.watch(self.app, "save_state", self._show_save_state)
        self._fit(self.app.size.width, self.app.size.height)
        self.show_week()

    # -- showing ---------------------------------------------------------------------------

    def show_week(self, *, again: bool = False) -> None:
        """Every widget from the session as it is now, all in one frame; nothing when the
        session shows what is on screen already (unless ``again``: the layout changed)."""
        state = WeekViewState.of(self.session)
        if state.same_as(self._state) and not again:
            return
        self._state = state
        self._title.show_state(state)
        self._grid.show_state(state)
        self._readiness_legend.show_state(state)
        # Where the week's own findings go: under the grid when there is room, else on top
        # of the transitions.
        week = self._advice.week_lines(state)
        beside = self.has_class("-tall") and self._week_findings.fits(week)
        self._week_findings.show(week if beside else ())
        short = self.has_class("-narrow", "-short") and not self.has_class("-reading")
        reasons = SHORT_REASONS if short else SHOWN_REASONS
        self._advice.show_state(state, week_beside=beside, reasons=reasons)

    def _show_save_state(self, state: SaveState) -> None:
        self._save_state.show(state.label)

    def notice(self, notice: Notice) -> None:
        notices.show(self, notice)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles every widget when a screen resumes. The first resume comes right
        # after each widget was styled as it mounted: restyling the screen again only
        # delayed the first frame (~6 ms). Later resumes (after a dialog) restyle as usual.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)
        self.show_week(again=True)  # the week's findings, the brief, the reasons

    def on_week_findings_resized(self) -> None:
        self.show_week(again=True)  # the rows under the grid changed: do the findings fit?

    def _fit(self, width: int, height: int) -> None:
        classes = layout_classes(width, height)
        for name, applies in classes.items():
            self.set_class(applies, name)  # a stylesheet pass only where one changes
        self._grid.fit(compact=classes["-compact"], low=classes["-low"])

    # -- reading the advice ----------------------------------------------------------------

    def action_toggle_advice(self) -> None:
        if self._advice.list.has_focus:
            self.set_focus(None)
        else:
            self._reading(True)  # shown first: only a shown list takes the focus
            self.call_after_refresh(self.set_focus, self._advice.list)

    @on(events.DescendantFocus)
    @on(events.DescendantBlur)
    def _focus_moved(self) -> None:
        self._reading(self._advice.list.has_focus)

    def _reading(self, reading: bool) -> None:
        """Reading the advice: where it does not fit beside the grid, it takes the screen."""
        if reading != self.has_class("-reading"):
            self.set_class(reading, "-reading")
            self._advice.border_title = READING_HINT if reading else ADVICE_HINT
            self.show_week(again=True)  # the brief or the list, shown anew

    def action_scroll_advice(self, direction: int) -> None:
        advice = self._advice.list
        if not advice.display:  # under the grid of a low terminal: read it whole
            self.action_toggle_advice()
        else:
            advice.action_scroll_pages(direction)

    # -- typing: each key is a function of planner.week_keys ---------------------------------

    def _key(self, key: Callable[[], T]) -> T | None:
        """Run ``key`` and show the session; None, and a notice saying why, if refused."""
        try:
            return key()
        except ReadOnlyStore as error:
            self.notice(notices.read_only(error))
        except (EditError, WeekError, LogError) as error:
            self.notice(notices.refused(error))
        finally:
            self.show_week()
        return None

    def action_plan(self, activity: str) -> None:
        self._key(lambda: week_keys.plan(self.session, Activity(activity)))

    def action_move(self, step: int) -> None:
        self._key(lambda: week_keys.move(self.session, step))

    def action_move_to(self, index: int) -> None:
        self._key(lambda: week_keys.select(self.session, index))

    def on_week_grid_clicked(self, message: WeekGrid.Clicked) -> None:
        self.action_move_to(message.index)

    def action_cycle_attribute(self, step: int) -> None:
        self._change_day(lambda day: cycle_attribute(day, step))

    def action_cycle_first_attribute(self, step: int) -> None:
        self._change_day(lambda day: cycle_attribute(day, step, first=True))

    def action_remove_session(self) -> None:
        self._change_day(remove_session)

    def action_toggle_together(self) -> None:
        self._change_day(toggle_together)

    def _change_day(self, change: Callable[[PlannedDay], PlannedDay]) -> None:
        self._key(lambda: week_keys.change_day(self.session, change))

    def action_add_session(self) -> None:
        # The next activity key adds its session (week_keys.plan); any other key cancels.
        self._key(lambda: week_keys.add_second(self.session))

    def action_cancel(self) -> None:
        """escape: a + waiting for its session is cancelled; else back from the advice."""
        if not week_keys.cancel(self.session) and self._advice.list.has_focus:
            self.set_focus(None)  # back from the advice
        self.show_week()

    # -- other edits: each ends typing, one undo step ----------------------------------------

    def _edit(self, change: Callable[[], bool], done: Notice | None = None) -> bool:
        """Apply ``change``; say ``done`` if it changed something. False if it did not."""
        week_keys.end_typing(self.session)
        changed = bool(self._key(change))
        if changed and done is not None:
            self.notice(done)
        return changed

    def action_log(self, word: str) -> None:
        """d: the selected day done as planned; x: its training skipped (past the end of
        the week, its last day)."""
        index = min(self.session.typing.selected, LAST_DAY)
        if self._edit(lambda: self.session.log_day(index, word)):
            self.notice(self.logged_notice(index))

    def logged_notice(self, index: int) -> Notice:
        from planner.export.text import checkin_words, log_words, short_date

        plan, knowledge = self.session.view.plan, self.session.knowledge
        log = self.session.log_of(index)
        said = [log_words(log, plan.days[index], knowledge), checkin_words(log, knowledge)]
        return notices.logged(
            short_date(plan.dates[index]), "; ".join(s for s in said if s) or "nothing logged"
        )

    def action_clear_day(self) -> None:
        # The selected day; past the end of the week, the last one.
        index = min(self.session.typing.selected, LAST_DAY)
        self._edit(lambda: self.session.set_day(index, PlannedDay.UNPLANNED))

    def action_clear_week(self) -> None:
        self._edit(self.session.clear_week, notices.cleared(self.session.week))

    def action_keep_proposal(self) -> None:
        self._edit(self.session.confirm_proposal, notices.kept_proposal(self.session.repeat_week))

    def action_apply_fix(self) -> None:
        state = WeekViewState.of(self.session)
        fix = self._advice.fix_line.fix_for(state)
        if fix is None:
            self.notice(notices.NO_FIX)
            return
        change = describe_change(fix.change, state.plan)
        done = notices.fixed(change, fix.before, fix.after, len(fix.cleared))
        self._edit(lambda: self.session.apply_change(fix.change), done)

    def action_undo(self) -> None:
        if not self._edit(self.session.undo):
            self.notice(notices.NOTHING_TO_UNDO)

    def action_redo(self) -> None:
        if not self._edit(self.session.redo):
            self.notice(notices.NOTHING_TO_REDO)

    # -- weeks and settings ----------------------------------------------------------------

    def show_iso_week(self, week: IsoWeek) -> None:
        try:
            self.session.show(week)
        except WeekError as error:
            self.notice(notices.not_shown(error))
        self.show_week()

    def _shift_week(self, weeks: int) -> None:
        self._key(lambda: self.session.show(self.session.week.shifted(weeks)))

    def action_previous_week(self) -> None:
        self._shift_week(-1)

    def action_next_week(self) -> None:
        self._shift_week(1)

    def action_this_week(self) -> None:
        self._key(self.session.show_today)
