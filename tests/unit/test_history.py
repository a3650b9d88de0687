from __future__ import annotations

from planner.history import History


def test_undo_and_redo_walk_back_and_forth() -> None:
    history: History[str] = History()
    history.record("a", "b")
    history.record("b", "c")
    edit = history.undo()
    assert edit is not None and edit.before == "b"
    edit = history.undo()
    assert edit is not None and edit.before == "a"
    assert history.undo() is None
    edit = history.redo()
    assert edit is not None and edit.after == "b"


def test_a_new_edit_forgets_what_could_be_redone() -> None:
    history: History[str] = History()
    history.record("a", "b")
    history.undo()
    history.record("a", "x")
    assert not history.can_redo
    assert history.redo() is None


def test_no_op_edits_are_not_recorded_and_the_limit_holds() -> None:
    history: History[int] = History(limit=3)
    history.record(1, 1)
    assert not history.can_undo
    for value in range(10):
        history.record(value, value + 1)
    befores = []
    while (edit := history.undo()) is not None:
        befores.append(edit.before)
    assert befores == [9, 8, 7]
