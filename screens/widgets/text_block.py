"""Text that changes often without costing a new layout of the whole screen.

``Static.update`` parses its markup again on every call and asks for a new layout unless
the caller passes ``layout=False``, which is only safe when the caller knows the height
cannot change. A ``TextBlock`` decides that itself: it asks for a layout only when the text's
wrapped height changes (never when the stylesheet fixes its height), and otherwise just
repaints itself. Nothing is redrawn at all when
the text is the same as before, and each text is parsed once (``parse_markup``).
"""

from __future__ import annotations

from functools import lru_cache

from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from screens.widgets.kept_lines import KeptLines


@lru_cache(maxsize=1024)
def parse_markup(markup: str) -> Content:
    """Parsed once per text: Content is immutable (theme variables are resolved when it is
    drawn), and the same few texts come back again and again as the selection moves."""
    return Content.from_markup(markup)


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
        self._content = parse_markup(markup)
        self._height: tuple[int, int] | None = None  # (width, lines) of the shown text
        self._rendered: KeptLines[tuple[str, int], list[Strip]] = KeptLines(32)

    def render(self) -> Content:
        return self._content  # what Textual measures the height from

    def render_line(self, y: int) -> Strip:
        """Drawn from lines kept per text and width: moving the selection back to a day
        shows its text again without rendering it again."""
        width = self.size.width
        lines = self._rendered.get(
            (self.markup_text, width),
            lambda: Visual.to_strips(self, self._content, width, None, self.visual_style, pad=True),
        )
        return lines[y] if y < len(lines) else Strip.blank(width, self.rich_style)

    def notify_style_update(self) -> None:
        """The theme or styles changed: the kept lines hold the old colours."""
        super().notify_style_update()
        self._rendered.clear()

    def show(self, markup: str) -> None:
        if markup == self.markup_text:
            return
        self.markup_text = markup
        self._content = parse_markup(markup)
        height = self.styles.height
        if height is not None and not height.is_auto:  # the stylesheet fixes the height
            self.refresh()
            return
        width = self.content_region.width
        if width <= 0:
            self.refresh(layout=True)
            return
        old = self._height if self._height and self._height[0] == width else None
        lines = len(self._content.wrap(width))
        self._height = (width, lines)
        self.refresh(layout=old is None or old[1] != lines)
