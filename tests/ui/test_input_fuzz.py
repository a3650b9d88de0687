"""Random text into every field of every dialog never raises: markup (``[/]``), control
characters, any unicode, huge numbers and weeks past the edges each get an answer in the
dialog, or are taken, and the planner keeps running."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import Input, OptionList, Static

from planner.clock import FixedClock
from planner.store import Store
from planner.weeks import IsoWeek
from rules import default_knowledge
from screens.app import PlannerApp
from screens.dialogs.go_to_week_dialog import GoToWeekDialog
from screens.dialogs.suggest_dialog import SuggestDialog
from screens.week_screen import WeekScreen
from tests.conftest import TODAY
from tests.helpers import seed

SIZE = (120, 44)
# Each dialog: the key that opens it, its fields, the line where it answers.
SUGGEST_FIELDS = [
    "count-push", "count-pull", "count-legs", "count-run", "rest-min", "per-day", "more",
    "pins",
]  # fmt: skip
FIELDS = [("suggest", field) for field in SUGGEST_FIELDS] + [("go", "week-input")]
SPECIAL = [
    *("[/]", "[b]", "[/b]x", "[$error]", "\\[", "sat=[/]", "[/]=run", "-", "+", "-1", "1"),
    *("9" * 5000, "sat=run sun=rest", "mon=legs", "0001-W01", "9999-W52", "2999-W52"),
    *("legs:heavy=1", "run:hevy=2", "run:intervals=99", "rest=1", "legs=1 legs=2"),
    *("1900-W01", "2026-W53", "\x1b]0;PWNED\x07", "\x1b[2J", "\x9b31m", "\u202e", "ｓａｔ=run"),
]
TEXT = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20),
    st.text(alphabet="[]/$=-+0123456789 satrunW", max_size=12),
)
ENTRIES = st.lists(st.tuples(st.sampled_from(FIELDS), TEXT, st.booleans()), max_size=6)
WEEKS = [IsoWeek(2026, 48), IsoWeek(1900, 1), IsoWeek(2999, 52)]


async def _open(app: PlannerApp, pilot: object, dialog: str) -> None:
    wanted = SuggestDialog if dialog == "suggest" else GoToWeekDialog
    if isinstance(app.screen, wanted):
        return
    if not isinstance(app.screen, WeekScreen):
        app.screen.dismiss(None)
        await pilot.pause()  # type: ignore[attr-defined]
    screen = app.screen
    assert isinstance(screen, WeekScreen)
    screen.action_suggest() if dialog == "suggest" else screen.action_go_to_week()
    await pilot.pause()  # type: ignore[attr-defined]


async def type_into_dialogs(
    db: Path, week: IsoWeek, entries: list[tuple[tuple[str, str], str, bool]]
) -> None:
    store = Store.open(db)
    app = PlannerApp(clock=FixedClock(TODAY), store=store, knowledge=default_knowledge(), week=week)
    app.animation_level = "none"
    try:
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            for (dialog, field), text, pick in entries:
                await _open(app, pilot, dialog)
                dialog_screen = app.screen
                field_input = dialog_screen.query_one(f"#{field}", Input)
                field_input.value = text
                field_input.focus()
                await pilot.press("enter")
                await pilot.pause()
                if app.screen is not dialog_screen:
                    continue  # the week was taken: the dialog closed
                for error in dialog_screen.query(Static).results():
                    error.render()  # what it answered is painted, as markup or not
                options = dialog_screen.query(OptionList)
                if pick and options and options.first().display:
                    await pilot.press("enter")  # apply the best suggestion
                    await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, WeekScreen | SuggestDialog | GoToWeekDialog)
    finally:
        store.close()
    assert app.return_code in (None, 0)


# Each example starts the planner and fills up to six fields: two or three seconds.
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ENTRIES, st.sampled_from(WEEKS), st.sampled_from(["monday", "sunday"]))
def test_random_text_into_every_dialog_field_never_raises(
    entries: list[tuple[tuple[str, str], str, bool]], week: IsoWeek, first: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "planner.json"
        seed(db, {"2026-W47": {"mon": "legs", "sun": "run"}}, first=first)
        asyncio.run(type_into_dialogs(db, week, entries))


def test_every_field_of_every_dialog_is_fuzzed() -> None:
    """A new field in a dialog must be added to FIELDS."""

    async def fields() -> set[tuple[str, str]]:
        with tempfile.TemporaryDirectory() as folder:
            store = Store.open(Path(folder) / "planner.json")
            app = PlannerApp(clock=FixedClock(TODAY), store=store, knowledge=default_knowledge())
            found: set[tuple[str, str]] = set()
            try:
                async with app.run_test(size=SIZE) as pilot:
                    for dialog in ("suggest", "go"):
                        await _open(app, pilot, dialog)
                        found |= {(dialog, str(i.id)) for i in app.screen.query(Input)}
            finally:
                store.close()
            return found

    assert asyncio.run(fields()) == set(FIELDS)
