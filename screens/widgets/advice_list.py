"""The advice panel's scrolling list: the week's findings and its transitions, each entry
a block of :class:`~screens.widgets.hanging_text.Line` s, drawn with Textual's Line API."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from screens.widgets.hanging_text import Line, hang


class AdviceList(ScrollView, can_focus=True, inherit_bindings=False):
    """The week's findings and its transitions as one scrolling list of pre-rendered lines
    (Textual's Line API). Each entry is rendered once per text and width and kept, so a key
    press renders only the entries whose text changed, and the list scrolls to the selected
    day's transitions in the same frame. Focused only to read it (``tab``): then it scrolls
    with the arrows, pgup/pgdn and home/end, while ←/→ still move the selection (they are
    not bound here)."""

    BINDINGS = [
        Binding("up", "scroll_up", "Scroll up", show=False),
        Binding("down", "scroll_down", "Scroll down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
    ]

    DEFAULT_CSS = """
    AdviceList {
        height: 1fr;
        /* Always there, so showing or hiding it never changes the width the text wraps at. */
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: tuple[tuple[Line, ...], ...] = ()
        self._focus: int | None = None
        self._scrolled_to: int | None = None  # the entry last scrolled to the top
        # (entry, width) -> lines: moving the selection back and forth reuses both forms.
        self._rendered: LRUCache[tuple[tuple[Line, ...], int], list[Strip]] = LRUCache(64)
        self._lines: list[Strip] = []
        self._starts: list[int] = []  # first line of each entry
        self._width = 0

    @property
    def entries(self) -> tuple[tuple[Line, ...], ...]:
        return self._entries

    def show(self, entries: Sequence[tuple[Line, ...]], *, focus: int | None = None) -> None:
        """Show ``entries``, scrolled so entry ``focus`` is at the top when the focus moved
        to another entry."""
        entries = tuple(entries)
        if entries == self._entries and focus == self._focus:
            return
        self._entries, self._focus = entries, focus
        self._build()

    def _build(self) -> None:
        width = self.scrollable_content_region.width
        self._width = width
        if width <= 0:  # not laid out yet: built on the first resize
            return
        lines: list[Strip] = []
        starts: list[int] = []
        blank = Strip.blank(width, self.rich_style)
        for entry in self._entries:
            if lines:
                lines.append(blank)  # one blank line between entries
            starts.append(len(lines))
            lines.extend(self._render_entry(entry, width))
        self._lines, self._starts = lines, starts
        self.virtual_size = Size(width, len(lines))
        focus = self._focus
        if focus != self._scrolled_to and focus is not None and focus < len(starts):
            # Only when the focus moved to another entry, not on every edit.
            self.scroll_to(y=starts[focus], animate=False, immediate=True)
            self._scrolled_to = focus
        self.refresh()

    def _render_entry(self, entry: tuple[Line, ...], width: int) -> list[Strip]:
        key = (entry, width)
        strips = self._rendered.get(key)
        if strips is None:
            # One column kept free on the right, between the text and the scrollbar.
            text_width = max(1, width - 1)
            text = Content("\n").join(hang(entry, text_width))
            strips = [
                strip.extend_cell_length(width, self.rich_style)
                for strip in Visual.to_strips(self, text, text_width, None, self.visual_style)
            ]
            self._rendered[key] = strips
        return strips

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        if index < len(self._lines):
            return self._lines[index]
        return Strip.blank(self.size.width, self.rich_style)

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            # The text wraps anew, so the line the list was scrolled to means something
            # else: back to the selected day's transitions.
            self._scrolled_to = None
            self._build()

    def notify_style_update(self) -> None:
        """The theme or styles changed: the kept lines hold the old colours."""
        super().notify_style_update()
        self._rendered.clear()
        self._build()
