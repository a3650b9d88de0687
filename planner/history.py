"""Undo and redo over immutable values: each edit is remembered as (before, after)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")

DEFAULT_LIMIT = 500


@dataclass(frozen=True, slots=True)
class Edit(Generic[T]):
    before: T
    after: T


@dataclass
class History(Generic[T]):
    limit: int = DEFAULT_LIMIT
    _undo: list[Edit[T]] = field(default_factory=list)
    _redo: list[Edit[T]] = field(default_factory=list)

    def record(self, before: T, after: T) -> None:
        if before == after:
            return
        self._undo.append(Edit(before, after))
        del self._undo[: -self.limit]
        self._redo.clear()

    def undo(self) -> Edit[T] | None:
        """The edit to take back (apply its ``before``), or None when there is nothing."""
        if not self._undo:
            return None
        edit = self._undo.pop()
        self._redo.append(edit)
        return edit

    def redo(self) -> Edit[T] | None:
        """The edit to apply again (its ``after``), or None when there is nothing."""
        if not self._redo:
            return None
        edit = self._redo.pop()
        self._undo.append(edit)
        return edit

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)
