"""Rendered lines kept for the next frame: the one cache helper of the widgets that draw
with Textual's Line API (grid, advice list, text blocks).

A key press repaints a few widgets, and rendering text into strips is most of what that
costs; most of it was drawn for an earlier frame already (a move of the selection shows
the same week, undo shows an earlier one again). Each widget keeps its lines here, keyed
by what they were drawn from: the view state's version where they depend on the judged week
(never an object's identity, which Python may give to the next object once this one is
gone), their text where that is cheaper to compare, and always the width. Each widget clears
its kept lines when the theme or the styles change (``notify_style_update``): they hold the
old colours.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from textual.cache import LRUCache

Key = TypeVar("Key", bound=Hashable)
Lines = TypeVar("Lines")


class KeptLines(Generic[Key, Lines]):
    """The lines drawn for the ``size`` keys used last."""

    def __init__(self, size: int) -> None:
        self._kept: LRUCache[Key, Lines] = LRUCache(size)

    def get(self, key: Key, draw: Callable[[], Lines]) -> Lines:
        """The lines kept for ``key``, drawn with ``draw()`` if there are none."""
        lines = self._kept.get(key)
        if lines is None:
            lines = self._kept[key] = draw()
        return lines

    def peek(self, key: Key) -> Lines | None:
        return self._kept.get(key)

    def keep(self, key: Key, lines: Lines) -> None:
        self._kept[key] = lines

    def clear(self) -> None:
        self._kept.clear()

    def __len__(self) -> int:
        return len(self._kept)
