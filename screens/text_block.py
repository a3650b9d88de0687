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

    def render(self) -> Content:
        return self._content

    def show(self, markup: str) -> None:
        if markup == self.markup_text:
            return
        old = self._content
        self.markup_text = markup
        self._content = Content.from_markup(markup)
        width = self.content_region.width
        same_height = width > 0 and len(old.wrap(width)) == len(self._content.wrap(width))
        self.refresh(layout=not same_height)
