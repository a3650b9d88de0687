"""The week screen: seven days to plan with the keyboard, and live advice beside them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pendulum
from textual import events
from textual.app import ComposeResult
from textual.command import Provider, SimpleCommand
from textual.containers import Container, Horizontal, Vertical
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Static

from planner.advice import JudgedWeek, WeekSummary
from planner.days import day_phrase, day_words, displayed_weekdays
from planner.edits import (
    EditError,
    add_session,
    cycle_attribute,
    remove_session,
    toggle_together,
)
from planner.fix import describe_change
from planner.plan import WeekPlan
from planner.session import PlanningSession
from planner.store import ReadOnlyStore, StoreError
from planner.weeks import FirstWeekday, IsoWeek, WeekError
from rules import Activity, Goal, PlannedDay
from screens.keys import LEGEND, WEEK_BINDINGS, help_rows
from screens.text import literal
from screens.week_layout import ADVICE_HINT, MIN_SIZE, READING_HINT, layout_classes
from screens.widgets.advice_list import AdviceList
from screens.widgets.advice_panel import AdvicePanel, WeekFindings, render_week
from screens.widgets.fix_line import FixLine
from screens.widgets.hanging_text import Line
from screens.widgets.readiness_strip import ReadinessLegend
from screens.widgets.save_state import SaveState
from screens.widgets.text_block import TextBlock, parse_markup
from screens.widgets.week_grid import WeekGrid

if TYPE_CHECKING:
    from planner.templates import Template

# A day a template leaves as it is, in the template picker.
OPEN = "open"


def week_commands() -> type[Provider]:
    """The palette's commands, imported when the palette first opens, not for the first
    frame."""
    from screens.commands import WeekCommands

    return WeekCommands


# How the header gives way on a narrow terminal, each layout tried in turn until one fits:
# (separator, dates, goal, notes, proposal), each the index of a form below (0 the longest,
# the last none). The dates go first (the grid shows them) and the separators are the first
# space to give; the goal goes only for a passing note, which stays, shortened, the longest.
_TITLE_LAYOUTS = (
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
_SEPARATORS = ("  ·  ", " · ")


def _span_forms(first: pendulum.Date, last: pendulum.Date) -> tuple[str, ...]:
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


def _width(markup: str) -> int:
    return parse_markup(markup).cell_length  # parsed once per text: cheap on a key press


def week_title(
    session: PlanningSession,
    moved_from: IsoWeek | None = None,
    *,
    adding: bool = False,
    width: int | None = None,
) -> str:
    """The header: the week, the passing notes (typing moved on from a week, a "+" waiting
    for its session), the proposal, the goal and the dates, in the longest forms that fit
    in ``width`` cells (all of them in full when the width is not known yet)."""
    dates = session.view.plan.dates
    spans = _span_forms(dates[0], dates[-1])
    goal = session.goal
    goals = (f"goal: {literal(goal.label)}", f"goal: {goal.value}", "")
    notes: list[tuple[str, ...]] = []
    if moved_from is not None:
        short = f"W{moved_from.week:02d}"
        notes.append((f"on from {moved_from}", f"on from {short}", f"on from {short}", ""))
    if adding:
        keys = "[b]p u g r[/b]"
        notes.append((f"second session: {keys}", f"2nd session: {keys}", *[f"2nd: {keys}"] * 2))
    proposal: tuple[str, ...] = ()
    if session.proposal_from is not None:
        proposal = (
            f"proposed from {session.proposal_from}: [b]enter[/b] keeps it",
            "proposed: [b]enter[/b] keeps it",
            "proposed: [b]enter[/b]",
            "",
        )

    def laid_out(layout: tuple[int, int, int, int, int]) -> tuple[str, int]:
        separator, span, aim, note, proposed = layout
        pieces = [(f"[b]{session.week}[/b]", "")]
        pieces.extend((forms[note], "$readable-accent") for forms in notes)
        if proposal:
            pieces.append((proposal[proposed], "$readable-warning"))
        pieces.extend(((goals[aim], ""), (spans[span], "")))
        shown = [f"[{style}]{text}[/]" if style else text for text, style in pieces if text]
        sep = _SEPARATORS[separator]
        return sep.join(shown), sum(map(_width, shown)) + len(sep) * (len(shown) - 1)

    title = ""
    for layout in _TITLE_LAYOUTS:
        title, cells = laid_out(layout)
        if width is None or cells <= width:
            break
    return title


class WeekTitle(TextBlock):
    """The header, fitted to its width: ``title(width)`` gives the text, asked again when
    the width changes (and by :meth:`refit` when what it says changes)."""

    def __init__(self, title: Callable[[int | None], str], *, id: str | None = None) -> None:
        super().__init__(title(None), id=id)
        self._title_for = title

    def refit(self) -> None:
        width = self.content_region.width
        self.show(self._title_for(width if width > 0 else None))

    def on_resize(self) -> None:
        self.refit()


class WeekScreen(Screen[None]):
    # Styles in week_screen.tcss, loaded by the App (see PlannerApp.CSS_PATH).
    BINDINGS = list(WEEK_BINDINGS)
    COMMANDS = {week_commands}
    # Keys go to the grid (the screen) until the user asks for the advice with tab.
    AUTO_FOCUS = ""

    # A var, not a reactive: the watcher redraws what changes; a reactive would also repaint
    # the whole screen on every move.
    selected: var[int] = var(0, init=False)

    def __init__(self, session: PlanningSession) -> None:
        super().__init__()
        self.session = session
        # The day the last activity key planned, while the selection is where it moved on
        # to; the week typing moved on from past its last day; a "+" waiting for its kind.
        self._planned: pendulum.Date | None = None
        self._moved_from: IsoWeek | None = None
        self._adding = False
        self._resumed = False

    def compose(self) -> ComposeResult:
        # Kept: show_week runs on every key press and would otherwise query for them.
        self._title = WeekTitle(self._week_title, id="week-title")
        self._save_state = TextBlock(id="save-state")
        self._grid = WeekGrid(
            self.session.view.plan.dates,
            today=self.session.today,
            families=len(self.session.knowledge.families),
        )
        self._advice = AdvicePanel(id="advice")
        self._advice.border_title = ADVICE_HINT
        self._week_findings = WeekFindings(id="week-findings")
        self._readiness_of: JudgedWeek | None = None
        # The week's own findings, rendered for the summary they say (kept across moves).
        self._week_lines: tuple[WeekSummary | None, tuple[Line, ...]] = (None, ())
        self._readiness_legend = ReadinessLegend()
        with Horizontal(id="top-bar"):
            yield self._title
            yield self._save_state
        with Container(id="body"):
            with Vertical(id="plan-area"):
                yield self._grid
                yield self._readiness_legend
                yield Static(LEGEND, id="legend")
                yield self._week_findings
            yield self._advice
        yield Static(
            f"The terminal is too small for the planner.\n"
            f"Make it at least {MIN_SIZE[0]}×{MIN_SIZE[1]} characters.",
            id="too-small",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.set_reactive(WeekScreen.selected, self.session.index_of_today() or 0)
        self.watch(self.app, "save_state", self._show_save_state)
        self._fix_line = self.query_one(FixLine)
        self._fit(self.app.size.width, self.app.size.height)
        self.show_week()

    # -- showing ---------------------------------------------------------------------------

    def show_week(self) -> None:
        """Grid, title and panel from the session's current view, all in one frame."""
        view = self.session.view
        plan = view.plan
        self._title.refit()
        self._grid.show(
            plan.dated_days,
            today=self.session.today,
            selected=self.selected,
            proposed=self.session.proposal_from is not None,
        )
        if view is not self._readiness_of:  # a move of the selection leaves it as it is
            self._readiness_of = view
            self._grid.show_readiness(view.readiness, self.session.knowledge)
        self._readiness_legend.show_day(view.readiness, self.selected, self.session.knowledge)
        # Where the week's own findings go: under the grid when there is room, else on top
        # of the transitions.
        if self._week_lines[0] is not view.summary:  # a move shows the same week
            self._week_lines = (view.summary, render_week(view.summary))
        week = self._week_lines[1]
        beside = self.has_class("-tall") and self._week_findings.fits(week)
        self._week_findings.show(week if beside else ())
        self._advice.show(
            view.summary,
            view.evaluation.transitions,
            shown=(plan.dates[0], plan.dates[-1]),
            selected=plan.dates[self.selected],
            proposed=self.session.proposal_from is not None,
            week=() if beside else week,
        )
        self._fix_line.follow(view, self.session.knowledge)

    def watch_selected(self) -> None:
        self.show_week()

    def _show_save_state(self, state: SaveState) -> None:
        self._save_state.show(state.label)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles every widget when a screen resumes. The first resume comes right
        # after each widget was styled as it mounted: restyling the screen again only
        # delayed the first frame (~6 ms). Later resumes (after a dialog) restyle as usual.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_resize(self, event: events.Resize) -> None:
        tall = self.has_class("-tall")
        self._fit(event.size.width, event.size.height)
        if self.has_class("-tall") != tall:
            self.show_week()  # the week's findings move between the grid and the panel

    def on_week_findings_resized(self) -> None:
        self.show_week()  # the rows under the grid changed: do the week's findings fit?

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
            self.set_focus(self._advice.list)

    def action_close_advice(self) -> None:
        if self._advice.list.has_focus:
            self.set_focus(None)

    def on_descendant_focus(self) -> None:
        self._reading(self._advice.list.has_focus)

    def on_descendant_blur(self) -> None:
        self._reading(self._advice.list.has_focus)

    def _reading(self, reading: bool) -> None:
        """Reading the advice: where it does not fit beside the grid, it takes the screen."""
        self.set_class(reading, "-reading")
        self._advice.border_title = READING_HINT if reading else ADVICE_HINT

    # -- selecting -------------------------------------------------------------------------

    # Each action that is not an activity or session key ends "just planned" itself: an
    # on_key handler would not do, since it sees the keys of a burst before their actions.

    def action_move(self, step: int) -> None:
        self._forget_planned()
        self.selected = max(0, min(6, self.selected + step))

    def action_move_to(self, index: int) -> None:
        self._forget_planned()
        self.selected = index

    def on_week_grid_clicked(self, message: WeekGrid.Clicked) -> None:
        self._forget_planned()
        self.selected = message.index

    def action_scroll_advice(self, direction: int) -> None:
        panel = self.query_one(AdviceList)
        if direction < 0:
            panel.scroll_page_up(animate=False)
        else:
            panel.scroll_page_down(animate=False)

    # -- planning --------------------------------------------------------------------------

    def _week_title(self, width: int | None = None) -> str:
        return week_title(self.session, self._moved_from, adding=self._adding, width=width)

    def _set_adding(self, adding: bool) -> None:
        """A "+" waits for its kind (the title says so) or no longer does."""
        if adding != self._adding:
            self._adding = adding
            self._title.refit()

    def _forget_planned(self) -> None:
        self._set_adding(False)
        if self._planned is not None:
            self._planned = None
            if self._moved_from is not None:
                self._moved_from = None
                self._title.refit()

    def action_plan(self, activity: str) -> None:
        if self._adding:
            self._change_day(lambda day: add_session(day, Activity(activity)))
            return
        # Typing a week is seven keys: plan, then move on to the next day whatever the day
        # held, in the same frame as the edit; from the last day on to the next week.
        index = self.selected
        day = self.session.view.plan.dates[index]
        planned = PlannedDay.of(Activity(activity))
        if self._try(lambda: self.session.set_day(index, planned)) is None:
            return
        self._planned, self._moved_from = day, None
        if index < 6:
            self.set_reactive(WeekScreen.selected, index + 1)
        else:
            week = self.session.week
            try:
                self.session.show(week.shifted(1))
            except WeekError as error:  # the edge of the supported weeks: stay on the last day
                self.notify(f"{error}.", timeout=4, markup=False)
            else:
                self._moved_from = week
                self.set_reactive(WeekScreen.selected, 0)
        self.show_week()

    # -- the day just planned (or the selected one): its sessions --------------------------

    def _session_day(self) -> pendulum.Date:
        """The day the session keys change: the day just planned, or the selected one."""
        if self._planned is not None:
            return self._planned
        return self.session.view.plan.dates[self.selected]

    def _change_day(self, change: Callable[[PlannedDay], PlannedDay]) -> None:
        self._set_adding(False)
        day = self._session_day()

        def apply() -> bool:
            try:
                held = change(self.session.day_on(day))
            except EditError as error:
                raise EditError(f"{day:%a} {day.day} {day:%b}: {error}") from None
            return self.session.set_date(day, held)

        if not self._try(apply):
            return
        self.show_week()
        if day not in self.session.view.plan.dates:  # the day typing moved on past
            held = day_words(self.session.day_on(day))
            self.notify(f"{day:%a} {day.day} {day:%b} is now {held}.", timeout=3, markup=False)

    def action_cycle_attribute(self, step: int) -> None:
        self._change_day(lambda day: cycle_attribute(day, step))

    def action_cycle_first_attribute(self, step: int) -> None:
        self._change_day(lambda day: cycle_attribute(day, step, first=True))

    def action_add_session(self) -> None:
        # The next activity key adds its session (action_plan); any other key cancels.
        self._set_adding(True)

    def action_cancel(self) -> None:
        """escape: a + waiting for its session is cancelled; else back from the advice."""
        self._set_adding(False)
        self.action_close_advice()

    def action_remove_session(self) -> None:
        self._change_day(remove_session)

    def action_toggle_together(self) -> None:
        self._change_day(toggle_together)

    def action_clear_day(self) -> None:
        self._edit(lambda: self.session.set_day(self.selected, PlannedDay.UNPLANNED))

    def action_clear_week(self) -> None:
        if self._edit(self.session.clear_week):
            self.notify(f"Cleared {self.session.week}. Press ctrl+z to undo.")

    def action_keep_proposal(self) -> None:
        if self._edit(self.session.confirm_proposal):
            self.notify(f"Kept the week proposed from {self.session.repeat_week}.", timeout=4)

    def set_repeat_week(self, week: IsoWeek | None) -> None:
        try:
            self.session.set_repeat_week(week)
        except (EditError, StoreError) as error:
            self.notify(str(error), title="Setting not changed", severity="error", markup=False)
            return
        if week is None:
            self.notify("Unplanned weeks no longer repeat a week.", timeout=4)
        else:
            self.notify(f"Unplanned weeks now propose {week} until you edit them.", timeout=4)
        self.show_week()

    def action_apply_fix(self) -> None:
        view = self.session.view
        fix = self._fix_line.fix_for(view, self.session.knowledge)
        if fix is None:
            self.notify("No single change raises the score of this week.", timeout=4)
            return
        change = describe_change(fix.change, view.plan)
        if self._edit(lambda: self.session.apply_change(fix.change)):
            why = f"; {fix.why}" if fix.why else ""
            self.notify(
                f"{change}: score {fix.before} → {fix.after}{why}. Press ctrl+z to undo.",
                title="Fixed",
                timeout=6,
                markup=False,
            )

    def action_choose_goal(self) -> None:
        from screens.dialogs.goal_dialog import GoalDialog

        def choose(goal: Goal | None) -> None:
            if goal is None:
                return
            try:
                changed = self.session.set_goal(goal)
            except StoreError as error:
                self.notify(str(error), title="Goal not changed", severity="error", markup=False)
                return
            if changed:
                self.notify(f"The week is now judged for {goal.label}.", timeout=4, markup=False)
                self.show_week()

        self.app.push_screen(GoalDialog(self.session.goal), choose)

    def action_undo(self) -> None:
        if not self._edit(self.session.undo, refresh_always=False):
            self.notify("Nothing to undo.", timeout=2)

    def action_redo(self) -> None:
        if not self._edit(self.session.redo, refresh_always=False):
            self.notify("Nothing to redo.", timeout=2)

    def _edit(self, change: Callable[[], bool], *, refresh_always: bool = True) -> bool:
        """Apply ``change`` and show the result."""
        self._forget_planned()
        changed = self._try(change)
        if changed is None:
            return False
        if changed or refresh_always:
            self.show_week()
        return changed

    def _try(self, change: Callable[[], bool]) -> bool | None:
        """``change()``, or None when it is refused (the notice says why)."""
        try:
            return change()
        except ReadOnlyStore as error:
            self.notify(
                f"{error} Nothing was changed.", title="Read-only", severity="error", markup=False
            )
        except (EditError, WeekError) as error:
            self.notify(str(error), timeout=4, markup=False)
        return None

    # -- moving between weeks --------------------------------------------------------------

    def show_iso_week(self, week: IsoWeek) -> None:
        self._forget_planned()
        try:
            self.session.show(week)
        except WeekError as error:
            self.notify(f"{error}; it is not shown.", timeout=4, markup=False)
            return
        self.show_week()

    def _shift_week(self, weeks: int) -> None:
        try:
            week = self.session.week.shifted(weeks)
        except WeekError as error:  # the edge of the supported weeks: stay
            self.notify(f"{error}.", timeout=4, markup=False)
            return
        self.show_iso_week(week)

    def action_previous_week(self) -> None:
        self._shift_week(-1)

    def action_next_week(self) -> None:
        self._shift_week(1)

    def action_this_week(self) -> None:
        self._forget_planned()
        self.session.show_today()
        self.set_reactive(WeekScreen.selected, self.session.index_of_today() or 0)
        self.show_week()

    def action_help(self) -> None:
        from screens.dialogs.help_dialog import HelpDialog

        self.app.push_screen(HelpDialog(self.help_table()))

    def help_table(self) -> list[tuple[str, str]]:
        return [
            *help_rows(),
            ("ctrl+p", "Command palette: go to week, clear week, settings…"),
            ("ctrl+s", "Save again after a failed save"),
            ("ctrl+q", "Quit (everything is already saved)"),
            # Not keys: how a day cell writes what the session keys make.
            ("+ / & in a day", "Its second session, apart (>= 6 h) / together (back to back)"),
        ]

    def action_year(self) -> None:
        from screens.year_screen import YearScreen

        def open_week(week: IsoWeek | None) -> None:
            if week is not None:
                self.show_iso_week(week)

        self.app.push_screen(YearScreen(self.session), open_week)

    def action_suggest(self) -> None:
        from screens.dialogs.suggest_dialog import SuggestDialog

        def apply(plan: WeekPlan | None) -> None:
            if plan is not None and self._edit(lambda: self.session.replace_plan(plan)):
                self.notify("Suggestion applied. Press ctrl+z to undo.", timeout=4)

        self.app.push_screen(SuggestDialog(self.session), apply)

    def action_templates(self) -> None:
        # Imported here, like the dialogs: the first frame does not show the templates.
        from planner.templates import load_templates

        def applier(template: Template) -> Callable[[], None]:
            def apply() -> None:
                if self._edit(lambda: self.session.apply_template(template)):
                    self.notify(
                        f"Applied '{template.name}'. Press ctrl+z to undo.",
                        timeout=4,
                        markup=False,
                    )

            return apply

        def layout(template: Template) -> str:
            """The template's days as the week shows them: ``Push · Rest · Legs ...``."""
            weekdays = displayed_weekdays(self.session.first_weekday)
            days = (template.days[weekday] for weekday in weekdays)
            return " · ".join(OPEN if day is None else day_phrase(day) for day in days)

        self.app.search_commands(
            # The palette reads names and help as markup: the templates file's text is not.
            [
                SimpleCommand(literal(t.name), applier(t), literal(layout(t)))
                for t in load_templates()
            ],
            placeholder="Apply a week template…",
        )

    def action_copy_previous_week(self) -> None:
        if self._edit(self.session.copy_previous_week):
            self.notify(f"Copied {self.session.week.previous()}. Press ctrl+z to undo.", timeout=4)

    def action_go_to_week(self) -> None:
        from screens.dialogs.go_to_week_dialog import GoToWeekDialog

        def go(week: IsoWeek | None) -> None:
            if week is not None:
                self.show_iso_week(week)

        self.app.push_screen(GoToWeekDialog(self.session.week), go)

    def set_first_weekday(self, first: FirstWeekday) -> None:
        try:
            self.session.set_first_weekday(first)
        except (EditError, StoreError) as error:
            self.notify(str(error), title="Setting not changed", severity="error", markup=False)
            return
        self.show_week()
