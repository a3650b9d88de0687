"""Text that changes often without costing a new layout of the whole screen.

``Static.update`` always asks Textual for a new layout, which re-renders every widget on
screen. A ``TextBlock`` only does that when its wrapped height changes; otherwise it just
repaints itself. Nothing is redrawn at all when the text is the same as before.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class TextBlock(Widget):
    DEFAULT_CSS = """
    TextBlock {
        height: auto;
    }
    """

    def __init__(
        self, markup: str = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.markup_text = markup
        self._content = Content.from_markup(markup)
        self._height: tuple[int, int] | None = None  # (width, lines) of the shown text

    def render(self) -> Content:
        return self._content

    def show(self, markup: str) -> None:
        if markup == self.markup_text:
            return
        self.markup_text = markup
        self._content = Content.from_markup(markup)
        width = self.content_region.width
        if width <= 0:
            self.refresh(layout=True)
            return
        old = self._height if self._height and self._height[0] == width else None
        lines = len(self._content.wrap(width))
        self._height = (width, lines)
        self.refresh(layout=old is None or old[1] != lines)
