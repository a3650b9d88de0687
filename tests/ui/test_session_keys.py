"""Pilot tests of the session keys: an attribute, a second session, apart or together and
removing a session, each on the day just planned, each one undo step, and all of it still
there after quitting and starting again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import events

from planner.days import day_words
from planner.store import Store
from planner.weeks import FirstWeekday, IsoWeek
from screens.widgets.week_grid import WeekGrid
from tests.conftest import TERMINAL_SIZE
from tests.helpers import notices, title, words

W48, W49 = IsoWeek(2026, 48), IsoWeek(2026, 49)


def stored(db_path: Path, week: IsoWeek = W48) -> list[str]:
    with Store.open(db_path, read_only=True) as store:
        return [day_words(day) for day in store.load_plan(week, FirstWeekday.MONDAY).days]


async def test_the_attribute_key_changes_the_day_just_planned(
    make_app: Callable[..., Any],
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "g", "i")  # the selection is on Tuesday: Monday is heavy
        assert app.screen.selected == 1
        await pilot.press("r", "I", "r", "i", "i")
        assert words(app)[:4] == ["legs:heavy", "run:intervals", "run:tempo", "unplanned"]
        await pilot.press("p", "I", "I", "I")  # round the circle, back to moderate
        assert words(app)[3] == "push"
        # Moving ends "just planned": the key then works on the selected day.
        await pilot.press("home", "i")
        assert words(app)[0] == "legs:light"
        assert app.screen.selected == 0


async def test_a_second_session_apart_then_together_then_removed(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "g", "i", "plus", "r")
        assert words(app)[:2] == ["legs:heavy+run", "unplanned"]
        assert app.screen.selected == 1  # typing goes on where it was
        await pilot.press("u", "plus", "p", "a")
        assert words(app)[1] == "pull,push"
        await pilot.press("a")
        assert words(app)[1] == "pull+push"
        await pilot.press("minus")
        assert words(app)[1] == "pull"
        await pilot.press("plus", "r", "i", "i", "i")  # the attribute key: the last session
        assert words(app)[1] == "pull+run:intervals"
    assert stored(db_path)[:2] == ["legs:heavy+run", "pull+run:intervals"]


async def test_every_session_key_is_one_undo_step(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "g", "i", "plus", "r", "a", "minus")
        steps = ["legs", "legs:heavy", "legs:heavy+run", "legs:heavy,run", "legs:heavy"]
        assert words(app)[0] == steps[-1]
        for expected in reversed(steps[:-1]):
            await pilot.press("ctrl+z")
            assert words(app)[0] == expected
        await pilot.press("ctrl+z")
        assert words(app)[0] == "unplanned"
        for expected in steps:
            await pilot.press("ctrl+y")
            assert words(app)[0] == expected


async def test_a_plus_waits_for_its_kind_and_anything_else_cancels_it(
    make_app: Callable[..., Any],
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE, notifications=True) as pilot:
        await pilot.press("home", "g", "plus")
        assert "second session: p u g r" in title(app)
        await pilot.press("l", "r")  # l cancels: r plans Wednesday
        assert "second session" not in title(app)
        assert words(app)[:3] == ["legs", "unplanned", "run"]
        await pilot.press("plus", "full_stop")  # rest is no second session
        assert words(app)[2] == "run"
        assert (await notices(pilot))[-1].startswith("Wed 25 Nov: rest is a whole day")
        await pilot.press("plus", "g", "plus", "p")  # a third session is refused
        assert words(app)[2] == "run+legs"
        shown = await notices(pilot)
        assert shown[-1] == "Wed 25 Nov: already 2 sessions; press - to remove the last one."


async def test_session_keys_on_days_without_sessions_say_why(
    make_app: Callable[..., Any],
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE, notifications=True) as pilot:
        await pilot.press("home", "full_stop", "i", "a", "minus")
        assert words(app)[0] == "rest"
        assert (await notices(pilot))[-3:] == [
            "Mon 23 Nov: no session to set an intensity or run type for.",
            "Mon 23 Nov: no session, nothing to put apart or together; press + to add one.",
            "Mon 23 Nov: a rest day, no session to remove.",
        ]
        await pilot.press("ctrl+z", "ctrl+z")  # nothing but the rest day to take back
        assert words(app)[0] == "unplanned"


async def test_after_sunday_the_keys_still_change_sunday(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("end", "r", "I")  # Sunday's run; the week stays, past its end
        assert app.session.week == W48 and app.session.typing.past_end
        assert words(app)[6] == "run:intervals"
        await pilot.press("p")  # typing goes on in W49
        assert app.session.week == W49
        assert words(app)[0] == "push"
        await pilot.press("ctrl+z")  # undo steps back across it: the finished week again
        assert app.session.week == W48 and app.session.typing.past_end
        await pilot.press("ctrl+z")
        assert words(app)[6] == "run"
    assert stored(db_path)[6] == "run"
    assert stored(db_path, W49)[0] == "unplanned"


async def test_typing_over_a_proposed_week(make_app: Callable[..., Any], db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "g", "i", "plus", "r", "u", "full_stop", "r", "I")
        await pilot.press("p", "full_stop", "g")
        app.screen.set_repeat_week(W48)
        await pilot.press("right_square_bracket")  # W49 proposes W48
        await pilot.pause()
        assert all(cell.proposed for cell in app.screen.query_one(WeekGrid).states)
        assert words(app)[0] == "legs:heavy+run"
        await pilot.press("home", "u", "u", "i", "full_stop", "r", "r", "r", "r")
        assert app.session.week == W49 and app.session.typing.past_end
    assert stored(db_path, W49) == ["pull", "pull:heavy", "rest", "run", "run", "run", "run"]


async def test_sessions_survive_quitting_and_starting_again(
    make_app: Callable[..., Any],
) -> None:
    first = make_app()
    async with first.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "g", "i", "plus", "r", "u", "plus", "p", "a", "r", "I")
        await pilot.press("full_stop", "r", "i", "p", "plus", "g", "minus", "full_stop")
        before = words(first)
        await pilot.press("ctrl+q")
    first.store.close()
    assert before == [
        "legs:heavy+run", "pull,push", "run:intervals", "rest", "run:long", "push", "rest",
    ]  # fmt: skip
    second = make_app()
    async with second.run_test(size=TERMINAL_SIZE):
        assert words(second) == before


async def test_keys_typed_in_one_burst_act_in_order(make_app: Callable[..., Any]) -> None:
    """A terminal delivers fast typing as one burst: every key's binding runs in order, so
    a "+" still waits for the key after it."""
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "g", "plus")
        for key, character in [("r", "r"), ("u", "u"), ("plus", "+"), ("p", "p"), ("a", "a")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        assert words(app)[:3] == ["legs+run", "pull,push", "unplanned"]


async def test_escape_cancels_a_waiting_plus(make_app: Callable[..., Any]) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "g", "plus", "escape", "r")
        assert words(app)[:2] == ["legs", "run"]


async def test_o_steps_the_first_of_two_sessions_as_one_undo_step(
    make_app: Callable[..., Any], db_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        # "g + r": legs and a run; o reaches the legs, i the run just added.
        await pilot.press("home", "g", "plus", "r", "o", "i")
        assert words(app)[0] == "legs:heavy+run:long"
        await pilot.press("O", "O")  # back: moderate, light
        assert words(app)[0] == "legs:light+run:long"
        await pilot.press("ctrl+z")  # one key, one step
        assert words(app)[0] == "legs+run:long"
        await pilot.press("ctrl+z")
        assert words(app)[0] == "legs:heavy+run:long"
        await pilot.press("ctrl+z")  # the i
        assert words(app)[0] == "legs:heavy+run"
        # Together too, and on the selected day once the user has moved.
        await pilot.press("home", "right", "u", "plus", "p", "a", "home", "right", "o", "o")
        assert words(app)[1] == "pull:light,push"
    assert stored(db_path)[:2] == ["legs:heavy+run", "pull:light,push"]


async def test_o_refuses_a_day_without_two_sessions_in_one_line(
    make_app: Callable[..., Any],
) -> None:
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE, notifications=True) as pilot:
        await pilot.press("home", "g", "o", "full_stop", "O")
        assert words(app)[:2] == ["legs", "rest"]
        assert (await notices(pilot))[-2:] == [
            "Mon 23 Nov: one session, no first of two; press i for its intensity or run type.",
            "Tue 24 Nov: no session to set an intensity or run type for.",
        ]
        await pilot.press("ctrl+z", "ctrl+z")  # the refusals made no undo step
        assert words(app)[:2] == ["unplanned", "unplanned"]


async def test_the_readmes_key_examples_make_what_it_says(make_app: Callable[..., Any]) -> None:
    # README, "Keys": `g i + r` is a heavy leg day with an easy run in the evening, `r I` an
    # intervals run, `p + u a` push then pull back to back.
    app = make_app()
    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        await pilot.press("home", "g", "i", "+", "r", "r", "I", "p", "+", "u", "a")
        assert words(app)[:3] == ["legs:heavy+run", "run:intervals", "push,pull"]
